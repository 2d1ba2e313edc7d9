/* oneaday.c -- see oneaday.h. */
#include "oneaday.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/alloc.h"

typedef struct issue {
    const char *code;
    long count;
} issue;

/* growable arrays in the arena (old copies are abandoned there) */
typedef struct strvec {
    const char **v;
    size_t n, cap;
} strvec;

typedef struct merged {
    pc_story_event ev;           /* key fields and the first event's texts */
    const char *story_id, *sent_id, *sentence_text;
    strvec ids, sources;
    struct {
        issue *v;
        size_t n, cap;
    } issues;
} merged;

struct pc_oneaday {
    pc_arena *a;                 /* everything kept */
    pc_arena *view;              /* what pc_oneaday_get returns */
    merged *m;
    size_t n, cap;
    size_t *slot;                /* open addressing: index into m, SIZE_MAX empty */
    size_t nslots;
    pc_story_event out_ev;
    pc_event_record out;
};

pc_oneaday *pc_oneaday_new(void)
{
    pc_oneaday *d = pc_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->a = pc_arena_new(1 << 20);
    d->view = pc_arena_new(0);
    if (!d->a || !d->view) {
        pc_oneaday_free(d);
        return NULL;
    }
    return d;
}

void pc_oneaday_free(pc_oneaday *d)
{
    if (!d)
        return;
    pc_arena_free(d->a);
    pc_arena_free(d->view);
    pc_free(d->m);
    pc_free(d->slot);
    pc_free(d);
}

size_t pc_oneaday_count(const pc_oneaday *d)
{
    return d->n;
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

static uint64_t key_hash(const pc_story_event *e)
{
    uint64_t h = 1469598103934665603u;
    const char *parts[4] = {nz(e->date), nz(e->source), nz(e->target), nz(e->code)};
    for (int k = 0; k < 4; k++) {
        for (const char *s = parts[k]; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211u;
        h = (h ^ 0xff) * 1099511628211u; /* separator: no UTF-8 byte is 0xff */
    }
    return h;
}

static int same_key(const pc_story_event *a, const pc_story_event *b)
{
    return strcmp(nz(a->date), nz(b->date)) == 0 && strcmp(nz(a->source), nz(b->source)) == 0 &&
           strcmp(nz(a->target), nz(b->target)) == 0 && strcmp(nz(a->code), nz(b->code)) == 0;
}

static size_t *find_slot(size_t *slot, size_t nslots, const merged *m, const pc_story_event *e)
{
    size_t i = (size_t)key_hash(e) & (nslots - 1);
    while (slot[i] != SIZE_MAX && !same_key(&m[slot[i]].ev, e))
        i = (i + 1) & (nslots - 1);
    return &slot[i];
}

static int grow(pc_oneaday *d)
{
    size_t cap = d->cap ? d->cap * 2 : 256;
    merged *nm = pc_realloc(d->m, cap * sizeof *nm);
    if (!nm)
        return -1;
    d->m = nm;
    d->cap = cap;
    size_t *ns = pc_malloc(2 * cap * sizeof *ns);
    if (!ns)
        return -1;
    memset(ns, 0xff, 2 * cap * sizeof *ns);
    for (size_t k = 0; k < d->n; k++)
        *find_slot(ns, 2 * cap, d->m, &d->m[k].ev) = k;
    pc_free(d->slot);
    d->slot = ns;
    d->nslots = 2 * cap;
    return 0;
}

/* Room for one more element in the vector (v, n, *cap) of elt-byte
 * elements in a: the vector, moved if it had to grow; NULL on OOM (then the
 * old one is still valid). */
static void *reserve(pc_arena *a, void *v, size_t n, size_t *cap, size_t elt)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? 2 * *cap : 2;
    void *nv = pc_arena_realloc(a, v, n * elt, nc * elt);
    if (nv)
        *cap = nc;
    return nv;
}

static int push_str(pc_arena *a, const char ***v, size_t *n, size_t *cap, const char *s)
{
    const char **nv = reserve(a, *v, *n, cap, sizeof **v);
    if (!nv || !s)
        return -1;
    *v = nv;
    nv[(*n)++] = s;
    return 0;
}

static const char *dup(pc_arena *a, const char *s)
{
    return s ? pc_arena_strdup(a, s) : NULL;
}

/* add the counts of "CODE,n;CODE,n" to m's issues */
static int add_issues(pc_arena *a, merged *m, const char *s)
{
    while (s && *s) {
        const char *end = strchr(s, ';');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        const char *comma = NULL;
        for (size_t i = 0; i < len; i++)
            if (s[i] == ',')
                comma = s + i;
        if (comma) {
            size_t cl = (size_t)(comma - s);
            long count = strtol(comma + 1, NULL, 10);
            size_t k = 0;
            while (k < m->issues.n &&
                   !(strncmp(m->issues.v[k].code, s, cl) == 0 && m->issues.v[k].code[cl] == '\0'))
                k++;
            if (k < m->issues.n) {
                m->issues.v[k].count += count;
            } else {
                issue *nv = reserve(a, m->issues.v, m->issues.n, &m->issues.cap, sizeof *nv);
                const char *code = pc_arena_strndup(a, s, cl);
                if (!nv || !code)
                    return -1;
                m->issues.v = nv;
                nv[m->issues.n++] = (issue){code, count};
            }
        }
        s += len + (end ? 1 : 0);
    }
    return 0;
}

int pc_oneaday_add(pc_oneaday *d, const pc_event_record *r)
{
    if (d->n == d->cap && grow(d) < 0)
        return -1;
    const pc_story_event *e = r->ev;
    size_t *slot = find_slot(d->slot, d->nslots, d->m, e);
    merged *m;
    if (*slot == SIZE_MAX) {
        m = &d->m[d->n];
        memset(m, 0, sizeof *m);
        pc_arena *a = d->a;
        m->ev = (pc_story_event){
            .date = dup(a, nz(e->date)), .source = dup(a, nz(e->source)),
            .target = dup(a, nz(e->target)), .code = dup(a, nz(e->code)),
            .source_text = dup(a, e->source_text), .target_text = dup(a, e->target_text),
            .event_text = dup(a, e->event_text), .source_root = dup(a, e->source_root),
            .target_root = dup(a, e->target_root)};
        m->story_id = dup(a, r->story_id);
        m->sent_id = dup(a, r->sent_id);
        m->sentence_text = dup(a, r->sentence_text);
        if (!m->ev.date || !m->ev.source || !m->ev.target || !m->ev.code)
            return -1;
        *slot = d->n++;
    } else {
        m = &d->m[*slot];
    }
    for (size_t i = 0; i < r->n_ids; i++) {
        if (push_str(d->a, &m->ids.v, &m->ids.n, &m->ids.cap, dup(d->a, r->ids[i])) < 0 ||
            push_str(d->a, &m->sources.v, &m->sources.n, &m->sources.cap,
                     dup(d->a, r->sources[i] ? r->sources[i] : "NULL")) < 0)
            return -1;
    }
    return add_issues(d->a, m, e->issues);
}

static char *join(pc_arena *a, const char *const *v, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + 1;
    char *s = pc_arena_alloc(a, len), *p = s;
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ';';
        size_t k = strlen(v[i]);
        memcpy(p, v[i], k);
        p += k;
    }
    *p = '\0';
    return s;
}

const pc_event_record *pc_oneaday_get(pc_oneaday *d, size_t i)
{
    merged *m = &d->m[i];
    pc_arena_reset(d->view);
    d->out_ev = m->ev;
    d->out_ev.ids = join(d->view, m->ids.v, m->ids.n);
    d->out_ev.story_source = join(d->view, m->sources.v, m->sources.n);
    size_t cap = 1;
    for (size_t k = 0; k < m->issues.n; k++)
        cap += strlen(m->issues.v[k].code) + 24;
    char *iss = pc_arena_alloc(d->view, cap);
    if (!d->out_ev.ids || !d->out_ev.story_source || !iss)
        return NULL;
    size_t o = 0;
    iss[0] = '\0';
    for (size_t k = 0; k < m->issues.n; k++)
        o += (size_t)snprintf(iss + o, cap - o, "%s%s,%ld", k ? ";" : "", m->issues.v[k].code,
                              m->issues.v[k].count);
    d->out_ev.issues = iss;
    d->out = (pc_event_record){.ev = &d->out_ev, .story_id = m->story_id, .sent_id = m->sent_id,
                               .sentence_text = m->sentence_text, .n_ids = m->ids.n,
                               .ids = m->ids.v, .sources = m->sources.v};
    return &d->out;
}
