/* story_store.c -- see story_store.h. */
#include "story_store.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/alloc.h"

typedef struct stored {
    pc_story_in in;        /* in.sents points to sents */
    pc_sentence_in *sents;
    long *lines;
    const char **files;    /* per sentence */
    size_t cap;
    const char *file;
} stored;

struct pc_story_store {
    pc_arena *a;           /* strings */
    stored *v;
    size_t n, cap;
    size_t *index;         /* open addressing on story ids: i+1, 0 empty */
    size_t icap;
    const char *last_file; /* the last file name copied, to share its copy */
};

pc_story_store *pc_story_store_new(void)
{
    pc_story_store *s = pc_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->a = pc_arena_new(1 << 20);
    if (!s->a) {
        pc_free(s);
        return NULL;
    }
    return s;
}

void pc_story_store_free(pc_story_store *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        pc_free(s->v[i].sents);
        pc_free(s->v[i].lines);
        pc_free(s->v[i].files);
    }
    pc_free(s->v);
    pc_free(s->index);
    pc_arena_free(s->a);
    pc_free(s);
}

static size_t hash(const char *k)
{
    size_t h = 1469598103934665603u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211u;
    return h;
}

static int rehash(pc_story_store *s, size_t icap)
{
    size_t *ix = pc_calloc(icap, sizeof *ix);
    if (!ix)
        return -1;
    for (size_t k = 0; k < s->n; k++) {
        size_t i = hash(s->v[k].in.story_id) & (icap - 1);
        while (ix[i])
            i = (i + 1) & (icap - 1);
        ix[i] = k + 1;
    }
    pc_free(s->index);
    s->index = ix;
    s->icap = icap;
    return 0;
}

static long find(const pc_story_store *s, const char *id, size_t *slot)
{
    if (!s->icap)
        return -1;
    size_t i = hash(id) & (s->icap - 1);
    while (s->index[i]) {
        if (strcmp(s->v[s->index[i] - 1].in.story_id, id) == 0)
            return (long)(s->index[i] - 1);
        i = (i + 1) & (s->icap - 1);
    }
    *slot = i;
    return -1;
}

static const char *dup(pc_story_store *s, const char *p)
{
    return p ? pc_arena_strdup(s->a, p) : NULL;
}

int pc_story_store_add(pc_story_store *s, const pc_story_in *story, const char *file,
                       const long *lines)
{
    if ((s->n + 1) * 2 > s->icap && rehash(s, s->icap ? s->icap * 2 : 1024) < 0)
        return -1;
    size_t slot = 0;
    long k = find(s, story->story_id, &slot);
    if (file && (!s->last_file || strcmp(s->last_file, file) != 0) &&
        !(s->last_file = dup(s, file)))
        return -1;
    file = file ? s->last_file : NULL;
    stored *st;
    if (k < 0) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 256;
            stored *nv = pc_realloc(s->v, nc * sizeof *nv);
            if (!nv)
                return -1;
            s->v = nv;
            s->cap = nc;
        }
        st = &s->v[s->n];
        memset(st, 0, sizeof *st);
        st->in.story_id = dup(s, story->story_id);
        st->in.date = dup(s, story->date);
        st->in.source = dup(s, story->source);
        st->file = file;
        if (!st->in.story_id || (story->date && !st->in.date) || (story->source && !st->in.source))
            return -1;
        s->index[slot] = ++s->n;
    } else {
        st = &s->v[k];
    }
    size_t need = st->in.n_sents + story->n_sents;
    if (need > st->cap) {
        size_t nc = st->cap ? st->cap : 4;
        while (nc < need)
            nc *= 2;
        pc_sentence_in *ns = pc_realloc(st->sents, nc * sizeof *ns);
        if (!ns)
            return -1;
        st->sents = ns;
        long *nl = pc_realloc(st->lines, nc * sizeof *nl);
        if (!nl)
            return -1;
        st->lines = nl;
        const char **nf = pc_realloc(st->files, nc * sizeof *nf);
        if (!nf)
            return -1;
        st->files = nf;
        st->cap = nc;
    }
    for (size_t i = 0; i < story->n_sents; i++) {
        const pc_sentence_in *in = &story->sents[i];
        pc_sentence_in *o = &st->sents[st->in.n_sents];
        o->sent_id = dup(s, in->sent_id);
        o->text = dup(s, in->text);
        o->parse = dup(s, in->parse);
        if ((in->sent_id && !o->sent_id) || (in->text && !o->text) || (in->parse && !o->parse))
            return -1;
        st->lines[st->in.n_sents] = lines ? lines[i] : 0;
        st->files[st->in.n_sents] = file;
        st->in.n_sents++;
    }
    st->in.sents = st->sents;
    return 0;
}

static int by_id(const void *a, const void *b)
{
    /* UTF-8 byte order is code point order */
    return strcmp(((const stored *)a)->in.story_id, ((const stored *)b)->in.story_id);
}

void pc_story_store_sort(pc_story_store *s)
{
    if (s->n > 1)
        qsort(s->v, s->n, sizeof *s->v, by_id);
    rehash(s, s->icap ? s->icap : 1024); /* indexes moved; keep find() right */
}

size_t pc_story_store_count(const pc_story_store *s)
{
    return s->n;
}

void pc_story_store_get(const pc_story_store *s, size_t i, pc_story_in *story,
                        const char **file, const long **lines)
{
    *story = s->v[i].in;
    story->sents = s->v[i].sents;
    if (file)
        *file = s->v[i].file;
    if (lines)
        *lines = s->v[i].lines;
}

const char *const *pc_story_store_files(const pc_story_store *s, size_t i)
{
    return s->v[i].files;
}
