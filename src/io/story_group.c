/* story_group.c -- see story_group.h. */
#include "story_group.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/alloc.h"

struct pc_group {
    pc_arena *a;              /* everything of the open story */
    int open;
    const char *story_id, *date, *source;
    pc_sentence_in *sents;
    long *lines;
    size_t n, cap;
    uint64_t *seen;           /* hashes of story ids opened so far; 0 = empty */
    size_t seen_n, seen_cap;
    int seen_full;
};

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h ? h : 1; /* 0 marks an empty seen slot */
}

pc_group *pc_group_new(void)
{
    pc_group *g = pc_calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->a = pc_arena_new(0);
    if (!g->a) {
        pc_free(g);
        return NULL;
    }
    return g;
}

void pc_group_free(pc_group *g)
{
    if (!g)
        return;
    pc_arena_free(g->a);
    pc_free(g->seen);
    pc_free(g);
}

const char *pc_group_story_id(const pc_group *g)
{
    return g->open ? g->story_id : NULL;
}

int pc_group_seen_full(const pc_group *g)
{
    return g->seen_full;
}

static int seen_insert(uint64_t *tab, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (tab[i]) {
        if (tab[i] == h)
            return 1;
        i = (i + 1) & (cap - 1);
    }
    tab[i] = h;
    return 0;
}

/* 1 seen before, 0 new, -1 OOM.  Load factor <= 1/2. */
static int seen_check(pc_group *g, const char *id)
{
    if (g->seen_full)
        return 0;
    if ((g->seen_n + 1) * 2 > g->seen_cap) {
        if (g->seen_n >= (size_t)PC_GROUP_MAX_SEEN) {
            g->seen_full = 1;
            return 0;
        }
        size_t ncap = g->seen_cap ? g->seen_cap * 2 : 1024;
        uint64_t *nt = pc_calloc(ncap, sizeof *nt);
        if (!nt)
            return -1;
        for (size_t i = 0; i < g->seen_cap; i++)
            if (g->seen[i])
                seen_insert(nt, ncap, g->seen[i]);
        pc_free(g->seen);
        g->seen = nt;
        g->seen_cap = ncap;
    }
    int r = seen_insert(g->seen, g->seen_cap, fnv1a(id));
    if (!r)
        g->seen_n++;
    return r;
}

int pc_group_open(pc_group *g, const char *story_id, const char *date, const char *source)
{
    g->open = 1;
    g->n = 0;
    g->story_id = pc_arena_strdup(g->a, story_id);
    g->date = pc_arena_strdup(g->a, date);
    g->source = source ? pc_arena_strdup(g->a, source) : NULL;
    if (!g->story_id || !g->date || (source && !g->source))
        return -1;
    return seen_check(g, story_id);
}

static int grow(pc_group *g)
{
    size_t ncap = g->cap ? g->cap * 2 : 16;
    pc_sentence_in *ns = pc_arena_realloc(g->a, g->sents, g->n * sizeof *ns, ncap * sizeof *ns);
    long *nl = pc_arena_realloc(g->a, g->lines, g->n * sizeof *nl, ncap * sizeof *nl);
    if (!ns || !nl)
        return -1;
    g->sents = ns;
    g->lines = nl;
    g->cap = ncap;
    return 0;
}

int pc_group_add(pc_group *g, const char *sent_id, const char *text, size_t text_n,
                 const char *parse, size_t parse_n, long line)
{
    if (g->n == g->cap && grow(g) < 0)
        return -1;
    char *id = pc_arena_strdup(g->a, sent_id);
    char *t = pc_arena_strndup(g->a, text, text_n);
    char *p = parse ? pc_arena_strndup(g->a, parse, parse_n) : NULL;
    if (!id || !t || (parse && !p))
        return -1;
    g->sents[g->n] = (pc_sentence_in){.sent_id = id, .text = t, .parse = p};
    g->lines[g->n++] = line;
    return 0;
}

size_t pc_group_count(const pc_group *g)
{
    return g->n;
}

void pc_group_view(const pc_group *g, pc_story_in *story, const long **lines)
{
    story->story_id = g->story_id;
    story->date = g->date;
    story->source = g->source;
    story->n_sents = g->n;
    story->sents = g->sents;
    *lines = g->lines;
}

void pc_group_clear(pc_group *g)
{
    pc_arena_reset(g->a);
    g->open = 0;
    g->n = g->cap = 0;
    g->sents = NULL;
    g->lines = NULL;
    g->story_id = g->date = g->source = NULL;
}
