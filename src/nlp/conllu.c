/* conllu.c -- see conllu.h. */
#include "nlp/conllu.h"

#include <stdlib.h>
#include <string.h>

#include "nlp/ptb_read.h"
#include "util/error.h"
#include "util/alloc.h"

/* One word line's columns, kept until the sentence ends. */
typedef struct wline {
    const char *word, *tag, *rel;
    long head;   /* the HEAD column: 0 the root, 1.. a word, -1 not given */
} wline;

static int push_sent(pc_tcorpus *c, const wline *l, size_t n)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 1024;
        pc_tsent *ns = pc_realloc(c->s, nc * sizeof *ns);
        if (!ns)
            return -1;
        c->s = ns;
        c->cap = nc;
    }
    pc_tsent *s = &c->s[c->n];
    s->word = pc_arena_alloc(c->arena, n * sizeof *s->word + 1);
    s->tag = pc_arena_alloc(c->arena, n * sizeof *s->tag + 1);
    s->rel = pc_arena_alloc(c->arena, n * sizeof *s->rel + 1);
    s->head = pc_arena_alloc(c->arena, n * sizeof *s->head + 1);
    if (!s->word || !s->tag || !s->rel || !s->head)
        return -1;
    for (size_t i = 0; i < n; i++) {
        s->word[i] = l[i].word;
        s->tag[i] = l[i].tag;
        s->rel[i] = l[i].rel;
        /* word ids count the kept lines: 1..n */
        s->head[i] = l[i].head == 0 ? -1 : l[i].head >= 1 && (size_t)l[i].head <= n
                                               ? (int32_t)(l[i].head - 1) : -2;
    }
    s->n = n;
    c->n++;
    return 0;
}

pc_status pc_conllu_read(pc_tcorpus *c, const char *path, pc_error *err)
{
    if (!c->arena && !(c->arena = pc_arena_new(1 << 20)))
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    char *text = pc_slurp(path, NULL, err);
    if (!text)
        return err ? err->code : PC_ERR_IO;
    size_t cap = 256, n = 0;
    wline *w = pc_malloc(cap * sizeof *w);
    pc_status st = PC_OK;
    long line = 0;
    char *p = text;
    while (st == PC_OK && w) {
        char *eol = strchr(p, '\n');
        int last = eol == NULL;
        if (eol)
            *eol = '\0';
        line++;
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (len == 0) {
            if (n && push_sent(c, w, n) != 0)
                st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
            n = 0;
        } else if (p[0] != '#') {
            char *col[10];
            int k = 0;
            char *q = p;
            while (k < 10) {
                col[k++] = q;
                char *tab = strchr(q, '\t');
                if (!tab)
                    break;
                *tab = '\0';
                q = tab + 1;
            }
            if (k < 5) {
                st = pc_error_set(err, PC_ERR_PARSE, path, line, NULL,
                                  "a CoNLL-U word line needs at least 5 tab-separated columns");
                break;
            }
            if (strchr(col[0], '-') || strchr(col[0], '.'))
                goto next;   /* multiword token or empty node */
            if (n == cap) {
                cap *= 2;
                wline *nw = pc_realloc(w, cap * sizeof *w);
                if (!nw) {
                    st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
                    break;
                }
                w = nw;
            }
            char *end = NULL;
            long h = k >= 8 ? strtol(col[6], &end, 10) : -1;
            w[n].head = end && end != col[6] && *end == '\0' && h >= 0 ? h : -1;
            w[n].word = pc_arena_strdup(c->arena, col[1]);
            w[n].tag = pc_arena_strdup(c->arena, col[4]);
            w[n].rel = pc_arena_strdup(c->arena, k >= 8 ? col[7] : "_");
            if (!w[n].word || !w[n].tag || !w[n].rel) {
                st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
                break;
            }
            n++;
        }
    next:
        if (last)
            break;
        p = eol + 1;
    }
    if (st == PC_OK && !w)
        st = pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    if (st == PC_OK && n && push_sent(c, w, n) != 0)
        st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
    pc_free(w);
    pc_free(text);
    return st;
}

void pc_tcorpus_free(pc_tcorpus *c)
{
    pc_free(c->s);
    pc_arena_free(c->arena);
    memset(c, 0, sizeof *c);
}
