/* ptb_read.c -- see ptb_read.h. */
#include "nlp/ptb_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "util/error.h"
#include "util/alloc.h"

char *pc_slurp(const char *path, size_t *len, pc_error *err)
{
    gzFile g = gzopen(path, "rb");
    if (!g) {
        pc_error_set(err, PC_ERR_IO, path, 0, NULL, "cannot open: %s",
                     errno ? strerror(errno) : "out of memory");
        return NULL;
    }
    gzbuffer(g, 1 << 17);
    size_t cap = 1 << 20, n = 0;
    char *buf = pc_malloc(cap + 1);
    for (;;) {
        if (!buf)
            break;
        if (n == cap) {
            char *nb = pc_realloc(buf, cap * 2 + 1);
            if (!nb) {
                pc_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        unsigned want = cap - n > (1u << 30) ? (1u << 30) : (unsigned)(cap - n);
        int got = gzread(g, buf + n, want);
        if (got < 0) {
            int e;
            const char *m = gzerror(g, &e);
            pc_error_set(err, PC_ERR_IO, path, 0, NULL, "read error: %s", m);
            pc_free(buf);
            gzclose(g);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(g);
    if (!buf) {
        pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static const char *skip_space(const char *p, long *line)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
        if (*p == '\n')
            (*line)++;
        p++;
    }
    return p;
}

static size_t token_len(const char *p)
{
    size_t n = 0;
    while (p[n] && p[n] != '(' && p[n] != ')' && p[n] != ' ' && p[n] != '\t' &&
           p[n] != '\n' && p[n] != '\r')
        n++;
    return n;
}

int pc_ptb_parse(pc_arena *a, const char **s, long *line, pc_ptree *out, const char *file,
                 pc_error *err)
{
    const char *p = skip_space(*s, line);
    if (!*p) {
        *s = p;
        return 0;
    }
    if (*p != '(') {
        pc_error_set(err, PC_ERR_PARSE, file, *line, NULL, "expected '(' at the start of a tree");
        return -1;
    }
    size_t cap = 64;
    int n = 0, depth = 0, dcap = 64;
    pc_tnode *node = pc_malloc(cap * sizeof *node);
    int *open = pc_malloc((size_t)dcap * sizeof *open);   /* open node per depth */
    int *lastkid = pc_malloc((size_t)dcap * sizeof *lastkid);
    const char *msg = NULL;
    if (!node || !open || !lastkid) {
        msg = "out of memory";
        goto fail;
    }
    for (;;) {
        p = skip_space(p, line);
        if (*p == '(') {
            p = skip_space(p + 1, line);
            size_t l = token_len(p);
            if ((size_t)n == cap) {
                pc_tnode *nn = pc_realloc(node, cap * 2 * sizeof *nn);
                if (!nn) {
                    msg = "out of memory";
                    goto fail;
                }
                node = nn;
                cap *= 2;
            }
            if (depth == dcap) {
                int *no = pc_realloc(open, (size_t)dcap * 2 * sizeof *no);
                if (no)
                    open = no;
                int *nl = pc_realloc(lastkid, (size_t)dcap * 2 * sizeof *nl);
                if (nl)
                    lastkid = nl;
                if (!no || !nl) {
                    msg = "out of memory";
                    goto fail;
                }
                dcap *= 2;
            }
            pc_tnode *x = &node[n];
            x->label = pc_arena_strndup(a, p, l);
            x->word = NULL;
            x->first = x->next = -1;
            if (depth > 0) {
                int par = open[depth - 1];
                if (node[par].word) {
                    msg = "a word and a bracket in the same constituent";
                    goto fail;
                }
                if (lastkid[depth - 1] < 0)
                    node[par].first = n;
                else
                    node[lastkid[depth - 1]].next = n;
                lastkid[depth - 1] = n;
            }
            open[depth] = n;
            lastkid[depth] = -1;
            depth++;
            n++;
            p += l;
        } else if (*p == ')') {
            if (depth == 0) {
                msg = "unbalanced ')'";
                goto fail;
            }
            depth--;
            p++;
            if (depth == 0)
                break;
        } else if (*p == '\0') {
            msg = "the tree ends before its brackets close";
            goto fail;
        } else {
            size_t l = token_len(p);
            pc_tnode *x = &node[open[depth - 1]];
            if (x->word || x->first >= 0) {
                msg = "a constituent with a word and other children";
                goto fail;
            }
            x->word = pc_arena_strndup(a, p, l);
            p += l;
        }
    }
    out->n = n;
    out->node = pc_arena_alloc(a, (size_t)n * sizeof *node);
    if (!out->node) {
        msg = "out of memory";
        goto fail;
    }
    memcpy(out->node, node, (size_t)n * sizeof *node);
    for (int i = 0; i < n; i++)
        if (!node[i].label || (!node[i].word && node[i].first < 0)) {
            msg = node[i].label ? "an empty constituent" : "out of memory";
            goto fail;
        }
    pc_free(node);
    pc_free(open);
    pc_free(lastkid);
    *s = p;
    return 1;
fail:
    pc_error_set(err, msg[0] == 'o' ? PC_ERR_NOMEM : PC_ERR_PARSE, file, *line, NULL, "%s", msg);
    pc_free(node);
    pc_free(open);
    pc_free(lastkid);
    return -1;
}

int pc_treebank_add(pc_treebank *tb, const pc_ptree *t)
{
    if (tb->n == tb->cap) {
        size_t nc = tb->cap ? tb->cap * 2 : 1024;
        pc_ptree *nt = pc_realloc(tb->tree, nc * sizeof *nt);
        if (!nt)
            return -1;
        tb->tree = nt;
        tb->cap = nc;
    }
    tb->tree[tb->n++] = *t;
    return 0;
}

pc_status pc_treebank_read(pc_treebank *tb, const char *path, pc_error *err)
{
    if (!tb->arena && !(tb->arena = pc_arena_new(1 << 20)))
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    size_t len;
    char *text = pc_slurp(path, &len, err);
    if (!text)
        return err ? err->code : PC_ERR_IO;
    const char *s = text;
    long line = 1;
    for (;;) {
        pc_ptree t;
        int r = pc_ptb_parse(tb->arena, &s, &line, &t, path, err);
        if (r < 0) {
            pc_free(text);
            return err ? err->code : PC_ERR_PARSE;
        }
        if (r == 0)
            break;
        if (pc_treebank_add(tb, &t) != 0) {
            pc_free(text);
            return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
        }
    }
    pc_free(text);
    return PC_OK;
}

void pc_treebank_free(pc_treebank *tb)
{
    pc_free(tb->tree);
    pc_arena_free(tb->arena);
    memset(tb, 0, sizeof *tb);
}

int pc_ptree_leaves(const pc_ptree *t, const char **words, const char **tags)
{
    /* nodes are stored in pre-order, so the leaves come in sentence order */
    int k = 0;
    for (int i = 0; i < t->n; i++)
        if (t->node[i].word) {
            if (words)
                words[k] = t->node[i].word;
            if (tags)
                tags[k] = t->node[i].label;
            k++;
        }
    return k;
}
