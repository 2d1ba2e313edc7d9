/* lint.c -- the findings list of the dictionary linter, the run over a
 * config, the readers' own warnings, and the report (see lint.h). */
#include "lint.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dicts.h"
#include "util/error.h"

pc_lint *pc_lint_new(void)
{
    pc_arena *a = pc_arena_new(0);
    pc_lint *l = a ? pc_arena_calloc(a, 1, sizeof *l) : NULL;
    if (!l) {
        pc_arena_free(a);
        return NULL;
    }
    l->arena = a;
    return l;
}

void pc_lint_free(pc_lint *l)
{
    if (l)
        pc_arena_free(l->arena); /* l lives in its arena */
}

static void *grow(pc_lint *l, void *v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return v;
    size_t ncap = *cap ? *cap * 2 : 64;
    void *nv = pc_arena_realloc(l->arena, v, *cap * size, ncap * size);
    if (!nv) {
        l->oom = 1;
        return NULL;
    }
    *cap = ncap;
    return nv;
}

pc_lint_file *pc_lint_begin_file(pc_lint *l, const char *path, const char *kind)
{
    pc_lint_file *nv = grow(l, l->files, &l->files_cap, l->n_files, sizeof *nv);
    char *p = nv ? pc_arena_strdup(l->arena, path) : NULL;
    if (!p) {
        l->oom = 1;
        return NULL;
    }
    l->files = nv;
    pc_lint_file *f = &l->files[l->n_files++];
    f->path = p;
    f->kind = kind;
    f->lines = 0;
    return f;
}

long pc_lint_lines(const char *buf, size_t len)
{
    long n = 0;
    for (size_t i = 0; i < len; i++)
        n += buf[i] == '\n';
    return n + (len && buf[len - 1] != '\n');
}

/* The order of file in the files linted (the last registration wins). */
static size_t file_order(const pc_lint *l, const char *file)
{
    for (size_t i = l->n_files; i-- > 0;)
        if (strcmp(l->files[i].path, file) == 0)
            return i;
    return l->n_files;
}

void pc_lint_add(pc_lint *l, pc_lint_sev sev, const char *check, const char *file, long line,
                 const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pc_lint_finding *nv = grow(l, l->v, &l->cap, l->n, sizeof *nv);
    char *m = nv ? pc_arena_strdup(l->arena, msg) : NULL;
    if (!m)
        return;
    l->v = nv;
    size_t order = file_order(l, file);
    pc_lint_finding *f = &l->v[l->n];
    f->sev = sev;
    f->check = check;
    f->file = order < l->n_files ? l->files[order].path : pc_arena_strdup(l->arena, file);
    f->line = line;
    f->message = m;
    f->file_order = order;
    f->seq = l->n;
    if (!f->file) {
        l->oom = 1;
        return;
    }
    l->n++;
}

/* ------------------------------------------------- the readers' warnings */

typedef struct reader_ctx {
    pc_lint *l;
    const char *path;
} reader_ctx;

static void on_reader_warning(void *ud, const pc_error *w)
{
    reader_ctx *c = ud;
    pc_lint_add(c->l, PC_LINT_ERROR, "read", w->file[0] ? w->file : c->path, w->line,
                "PETRARCH2's reader: %s", w->message);
}

pc_status pc_lint_reader(pc_lint *l, const char *path, const char *kind, pc_error *err)
{
    pc_dicts *d = pc_dicts_new(0, err);
    if (!d)
        return err ? err->code : PC_ERR_NOMEM;
    reader_ctx c = {l, path};
    pc_status (*read)(pc_dicts *, const char *, pc_warn_fn, void *, pc_error *) =
        strcmp(kind, "verbs") == 0      ? pc_read_verb_dictionary
        : strcmp(kind, "actors") == 0   ? pc_read_actor_dictionary
        : strcmp(kind, "agents") == 0   ? pc_read_agent_dictionary
        : strcmp(kind, "discards") == 0 ? pc_read_discard_list
                                        : pc_read_issue_list;
    pc_status st = read(d, path, on_reader_warning, &c, err);
    pc_dicts_free(d);
    return st;
}

pc_status pc_lint_config(pc_lint *l, const pc_config *cfg, pc_error *err)
{
    pc_status st = pc_lint_verbs(l, pc_config_verbfile(cfg), err);
    for (size_t i = 0; st == PC_OK && i < pc_config_actorfile_count(cfg); i++)
        st = pc_lint_actors(l, pc_config_actorfile(cfg, i), err);
    if (st == PC_OK)
        st = pc_lint_agents(l, pc_config_agentfile(cfg), err);
    if (st == PC_OK)
        st = pc_lint_discards(l, pc_config_discardfile(cfg), err);
    if (st == PC_OK && pc_config_issuefile(cfg))
        st = pc_lint_issues(l, pc_config_issuefile(cfg), err);
    return st;
}

/* ------------------------------------------------------------ finishing */

static int cmp_finding(const void *pa, const void *pb)
{
    const pc_lint_finding *a = pa, *b = pb;
    if (a->file_order != b->file_order)
        return a->file_order < b->file_order ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void pc_lint_finish(pc_lint *l)
{
    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, cmp_finding);
    /* within one file:line, a reader finding goes when a checker has one */
    size_t o = 0;
    for (size_t i = 0; i < l->n;) {
        size_t j = i;
        int checker = 0;
        while (j < l->n && l->v[j].file_order == l->v[i].file_order && l->v[j].line == l->v[i].line)
            checker |= strcmp(l->v[j++].check, "read") != 0;
        for (size_t k = i; k < j; k++)
            if (!checker || strcmp(l->v[k].check, "read") != 0)
                l->v[o++] = l->v[k];
        i = j;
    }
    l->n = o;
}

/* -------------------------------------------------------------- reports */

static const char *sev_name(pc_lint_sev s)
{
    return s == PC_LINT_ERROR ? "error" : "warning";
}

int pc_lint_print(FILE *f, const pc_lint *l, int errors_only)
{
    for (size_t i = 0; i < l->n; i++) {
        const pc_lint_finding *x = &l->v[i];
        if (errors_only && x->sev != PC_LINT_ERROR)
            continue;
        fprintf(f, "%s:%ld: %s: %s [%s]\n", x->file, x->line, sev_name(x->sev), x->message,
                x->check);
    }
    return ferror(f) ? -1 : 0;
}

size_t pc_lint_count(const pc_lint *l, pc_lint_sev sev)
{
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        n += l->v[i].sev == sev;
    return n;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int pc_lint_print_summary(FILE *f, const pc_lint *l)
{
    static const char *const checks[] = {"read", "syntax", "cameo", "actor-code", "date",
                                         "date-order", "duplicate", "unreachable", "synset"};
    enum { NCHECK = sizeof checks / sizeof checks[0] };
    long lines = 0;
    for (size_t i = 0; i < l->n_files; i++)
        lines += l->files[i].lines;
    fprintf(f, "%zu files, %ld lines: %zu errors, %zu warnings\n", l->n_files, lines,
            pc_lint_count(l, PC_LINT_ERROR), pc_lint_count(l, PC_LINT_WARNING));
    fprintf(f, "  %-36s %-8s %8s %8s %8s\n", "file", "kind", "lines", "errors", "warnings");
    for (size_t i = 0; i < l->n_files; i++) {
        size_t e = 0, w = 0;
        for (size_t k = 0; k < l->n; k++)
            if (l->v[k].file_order == i)
                *(l->v[k].sev == PC_LINT_ERROR ? &e : &w) += 1;
        fprintf(f, "  %-36s %-8s %8ld %8zu %8zu\n", base_name(l->files[i].path), l->files[i].kind,
                l->files[i].lines, e, w);
    }
    fprintf(f, "  %-36s %8s %8s\n", "check", "errors", "warnings");
    for (int c = 0; c < NCHECK; c++) {
        size_t e = 0, w = 0;
        for (size_t k = 0; k < l->n; k++)
            if (strcmp(l->v[k].check, checks[c]) == 0)
                *(l->v[k].sev == PC_LINT_ERROR ? &e : &w) += 1;
        if (e || w)
            fprintf(f, "  %-36s %8zu %8zu\n", checks[c], e, w);
    }
    return ferror(f) ? -1 : 0;
}
