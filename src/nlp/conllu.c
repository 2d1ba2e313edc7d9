/* conllu.c -- see conllu.h. */
#include "nlp/conllu.h"

#include <stdlib.h>
#include <string.h>

#include "nlp/ptb_read.h"
#include "util/error.h"
#include "util/alloc.h"

static int push_sent(pc_tcorpus *c, const char **w, const char **t, size_t n)
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
    s->word = pc_arena_alloc(c->arena, n * sizeof *w + 1);
    s->tag = pc_arena_alloc(c->arena, n * sizeof *t + 1);
    if (!s->word || !s->tag)
        return -1;
    memcpy(s->word, w, n * sizeof *w);
    memcpy(s->tag, t, n * sizeof *t);
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
    const char **w = pc_malloc(cap * sizeof *w), **t = pc_malloc(cap * sizeof *t);
    pc_status st = PC_OK;
    long line = 0;
    char *p = text;
    while (st == PC_OK && w && t) {
        char *eol = strchr(p, '\n');
        int last = eol == NULL;
        if (eol)
            *eol = '\0';
        line++;
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (len == 0) {
            if (n && push_sent(c, w, t, n) != 0)
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
                const char **nw = pc_realloc(w, cap * sizeof *w);
                if (nw)
                    w = nw;
                const char **nt = pc_realloc(t, cap * sizeof *t);
                if (nt)
                    t = nt;
                if (!nw || !nt) {
                    st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
                    break;
                }
            }
            w[n] = pc_arena_strdup(c->arena, col[1]);
            t[n] = pc_arena_strdup(c->arena, col[4]);
            if (!w[n] || !t[n]) {
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
    if (st == PC_OK && (!w || !t))
        st = pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    if (st == PC_OK && n && push_sent(c, w, t, n) != 0)
        st = pc_error_set(err, PC_ERR_NOMEM, path, line, NULL, "out of memory");
    pc_free(w);
    pc_free(t);
    pc_free(text);
    return st;
}

void pc_tcorpus_free(pc_tcorpus *c)
{
    pc_free(c->s);
    pc_arena_free(c->arena);
    memset(c, 0, sizeof *c);
}
