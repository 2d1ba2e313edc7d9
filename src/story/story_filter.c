/* story_filter.c -- see story_filter.h. */
#include "story_filter.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/py2dict.h"

static const char *nz(const char *s)
{
    return s ? s : "";
}

const char *pc_issue_string(pc_arena *a, const pc_issue *issues, size_t n)
{
    if (n == 0)
        return "";
    const char **codes = pc_arena_alloc(a, n * sizeof *codes);
    size_t *order = pc_arena_alloc(a, n * sizeof *order);
    if (!codes || !order)
        return NULL;
    for (size_t i = 0; i < n; i++)
        codes[i] = nz(issues[i].code);
    long m = pc_py2dict_order(a, codes, NULL, n, order);
    if (m < 0)
        return NULL;
    size_t cap = 1;
    for (size_t i = 0; i < n; i++)
        cap += strlen(codes[i]) + 24;
    char *out = pc_arena_alloc(a, cap);
    if (!out)
        return NULL;
    size_t o = 0;
    for (long j = 0; j < m; j++) {
        const char *code = codes[order[j]];
        long total = 0; /* Counter: c[code] += count for each occurrence */
        for (size_t i = 0; i < n; i++)
            if (strcmp(codes[i], code) == 0)
                total += issues[i].count;
        o += (size_t)snprintf(out + o, cap - o, "%s%s,%ld", j ? ";" : "", code, total);
    }
    return out;
}

/* ---- the filtered events, keyed by (source, target, code); the date is the
 * story's, the same for all. */
typedef struct evmap {
    pc_story_event *ev;
    size_t n, cap;
    size_t *slot;     /* open addressing: index into ev, SIZE_MAX = empty */
    size_t nslots;    /* power of two, >= 2 * cap */
} evmap;

static uint64_t key_hash(const pc_event *e)
{
    uint64_t h = 1469598103934665603u;
    const char *parts[3] = {nz(e->source), nz(e->target), nz(e->code)};
    for (int k = 0; k < 3; k++) {
        for (const char *s = parts[k]; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211u;
        h = (h ^ 0xff) * 1099511628211u; /* separator: no UTF-8 byte is 0xff */
    }
    return h;
}

static int same_key(const pc_story_event *s, const pc_event *e)
{
    return strcmp(s->source, nz(e->source)) == 0 && strcmp(s->target, nz(e->target)) == 0 &&
           strcmp(s->code, nz(e->code)) == 0;
}

static size_t *find_slot(evmap *m, const pc_event *e)
{
    size_t i = (size_t)key_hash(e) & (m->nslots - 1);
    while (m->slot[i] != SIZE_MAX && !same_key(&m->ev[m->slot[i]], e))
        i = (i + 1) & (m->nslots - 1);
    return &m->slot[i];
}

static int evmap_grow(pc_arena *a, evmap *m)
{
    size_t cap = m->cap ? 2 * m->cap : 16;
    pc_story_event *ev = pc_arena_realloc(a, m->ev, m->n * sizeof *ev, cap * sizeof *ev);
    size_t *slot = pc_arena_alloc(a, 2 * cap * sizeof *slot);
    if (!ev || !slot)
        return -1;
    m->ev = ev;
    m->cap = cap;
    m->slot = slot;
    m->nslots = 2 * cap;
    memset(slot, 0xff, m->nslots * sizeof *slot);
    for (size_t k = 0; k < m->n; k++) {
        pc_event key = {.source = ev[k].source, .target = ev[k].target, .code = ev[k].code};
        *find_slot(m, &key) = k;
    }
    return 0;
}

/* The story_filter entry of event e, created (with no issues and no texts) if new. */
static pc_story_event *lookup(pc_arena *a, evmap *m, const pc_event *e, const char *date,
                              const char *story_source)
{
    if (m->n == m->cap && evmap_grow(a, m) < 0)
        return NULL;
    size_t *s = find_slot(m, e);
    if (*s != SIZE_MAX)
        return &m->ev[*s];
    pc_story_event *n = &m->ev[m->n];
    *n = (pc_story_event){.date = date, .source = nz(e->source), .target = nz(e->target),
                          .code = nz(e->code), .issues = "", .story_source = story_source};
    *s = m->n++;
    return n;
}

pc_status pc_story_filter(pc_arena *a, const char *story_id, const char *date,
                          const char *story_source, const pc_options *opt,
                          const pc_filter_sent *sents, size_t n,
                          pc_story_event **events, size_t *n_events)
{
    evmap m = {0};
    *events = NULL;
    *n_events = 0;
    if (!story_source)
        story_source = "NULL";
    for (size_t i = 0; i < n; i++) {
        const pc_sentence_result *r = sents[i].res;
        if (!r || r->n_events == 0)
            continue; /* story_filter looks only at sentences with 'events' */
        size_t idlen = strlen(story_id) + strlen(sents[i].sent_id) + 2;
        char *ids = pc_arena_alloc(a, idlen);
        const char *issues = r->n_issues ? pc_issue_string(a, r->issues, r->n_issues) : NULL;
        if (!ids || (r->n_issues && !issues))
            return PC_ERR_NOMEM;
        snprintf(ids, idlen, "%s_%s", story_id, sents[i].sent_id);
        for (size_t k = 0; k < r->n_events; k++) {
            const pc_event *e = &r->events[k];
            pc_story_event *f = lookup(a, &m, e, date, story_source);
            if (!f)
                return PC_ERR_NOMEM;
            if (issues)
                f->issues = issues;   /* a fresh Counter of this sentence */
            f->ids = ids;             /* ids = [sent_id]: the last sentence wins */
            /* 'actortext' in meta and the event in it: texts replaced, even
             * by "---" ones */
            if (e->has_text && opt) {
                if (opt->write_actor_text) {
                    f->source_text = e->source_text;
                    f->target_text = e->target_text;
                }
                if (opt->write_event_text)
                    f->event_text = e->event_text;
                if (opt->write_actor_root) {
                    f->source_root = e->source_root;
                    f->target_root = e->target_root;
                }
            }
        }
    }
    *events = m.ev;
    *n_events = m.n;
    return PC_OK;
}
