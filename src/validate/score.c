/* score.c -- pc_vscore_new: the counts of score_unittest.py (see validate.h)
 * overall, by category (in order of first appearance) and by gold kind. */
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "validate.h"

/* One record into c; as_failed: counted as not run (wrong, nothing predicted). */
static void add(pc_vcount *c, const pc_vresult *r, int as_failed)
{
    static const pc_vset none = {0, NULL};
    const pc_vset *g = &r->rec->gold;
    const pc_vset *p = as_failed ? &none : &r->pred;
    size_t tp = pc_vset_common(p, g);
    c->records++;
    c->correct += !as_failed && r->status == PC_V_PASS;
    c->gold += (long)g->n;
    c->pred += (long)p->n;
    c->tp += (long)tp;
    c->fp += (long)(p->n - tp);
    c->fn += (long)(g->n - tp);
}

void pc_vprf(const pc_vcount *c, double *p, double *r, double *f1)
{
    double tp = (double)c->tp;
    *p = c->tp + c->fp ? tp / (double)(c->tp + c->fp) : 0.0;
    *r = c->tp + c->fn ? tp / (double)(c->tp + c->fn) : 0.0;
    *f1 = *p + *r > 0.0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static int cmp_kind(const void *a, const void *b)
{
    return strcmp(((const pc_vkind *)a)->label, ((const pc_vkind *)b)->label);
}

static const char *kind_label(pc_arena *a, const char *kind)
{
    if (strcmp(kind, "events") == 0)
        return "events";
    size_t n = strlen(kind) + 12;
    char *s = pc_arena_alloc(a, n);
    if (s)
        snprintf(s, n, "no-events(%s)", kind);
    return s;
}

pc_vscore *pc_vscore_new(const pc_vrun *run, pc_error *err)
{
    pc_error_clear(err);
    pc_arena *a = pc_arena_new(0);
    pc_vscore *s = a ? pc_arena_calloc(a, 1, sizeof *s) : NULL;
    size_t n = run->n ? run->n : 1;
    if (s) {
        s->arena = a;
        s->cats = pc_arena_calloc(a, n, sizeof *s->cats);
        s->kinds = pc_arena_calloc(a, n, sizeof *s->kinds);
    }
    if (!s || !s->cats || !s->kinds)
        goto oom;
    for (size_t i = 0; i < run->n; i++) {
        const pc_vresult *r = &run->res[i];
        int not_run = r->status == PC_V_EXCLUDED;
        add(&s->all, r, not_run);
        if (not_run) {
            s->excluded++;
            continue;
        }
        add(&s->scored, r, 0);
        /* (linear searches: a file has a few dozen categories and kinds) */
        size_t k = 0;
        while (k < s->n_cats && strcmp(s->cats[k].name, r->rec->category) != 0)
            k++;
        if (k == s->n_cats)
            s->cats[s->n_cats++].name = r->rec->category;
        add(&s->cats[k].c, r, 0);
        const char *label = kind_label(a, r->rec->kind);
        if (!label)
            goto oom;
        k = 0;
        while (k < s->n_kinds && strcmp(s->kinds[k].label, label) != 0)
            k++;
        if (k == s->n_kinds)
            s->kinds[s->n_kinds++].label = label;
        s->kinds[k].n++;
        s->kinds[k].ok += r->status == PC_V_PASS;
    }
    if (s->n_kinds > 1)
        qsort(s->kinds, s->n_kinds, sizeof *s->kinds, cmp_kind);
    return s;
oom:
    pc_arena_free(a);
    pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    return NULL;
}

void pc_vscore_free(pc_vscore *s)
{
    if (s)
        pc_arena_free(s->arena);
}
