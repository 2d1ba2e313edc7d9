/* evalb.c -- see evalb.h. */
#include "nlp/evalb.h"

#include <stdlib.h>
#include <string.h>

#include "nlp/binarize.h"
#include "util/alloc.h"

typedef struct bracket {
    char label[PC_LABEL_LEN];
    int start, end;
} bracket;

static int is_punct(const char *tag)
{
    return !strcmp(tag, ",") || !strcmp(tag, ":") || !strcmp(tag, "``") ||
           !strcmp(tag, "''") || !strcmp(tag, ".") || !strcmp(tag, "-NONE-");
}

static int cmp_bracket(const void *a, const void *b)
{
    const bracket *x = a, *y = b;
    if (x->start != y->start)
        return x->start - y->start;
    if (x->end != y->end)
        return x->end - y->end;
    return strcmp(x->label, y->label);
}

/* Brackets of t; punct[k] says whether leaf k is punctuation (from gold). */
static bracket *brackets(const pc_ptree *t, const unsigned char *punct, int *nb)
{
    int n = t->n;
    int *start = pc_malloc(((size_t)n + 1) * sizeof *start);
    int *end = pc_malloc(((size_t)n + 1) * sizeof *end);
    bracket *b = pc_malloc(((size_t)n + 1) * sizeof *b);
    if (!start || !end || !b) {
        pc_free(start);
        pc_free(end);
        pc_free(b);
        return NULL;
    }
    /* leaf positions in pre-order */
    int leaf = 0, pos = 0;
    for (int i = 0; i < n; i++)
        if (t->node[i].word) {
            start[i] = pos;
            if (!punct[leaf])
                pos++;
            end[i] = pos;
            leaf++;
        }
    for (int i = n - 1; i >= 0; i--) {
        if (t->node[i].word)
            continue;
        int s = 1 << 30, e = -1;
        for (int c = t->node[i].first; c >= 0; c = t->node[c].next) {
            if (start[c] < s)
                s = start[c];
            if (end[c] > e)
                e = end[c];
        }
        start[i] = s;
        end[i] = e;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        const pc_tnode *x = &t->node[i];
        if (x->word || start[i] >= end[i])
            continue;
        if (i == 0 && (!x->label[0] || !strcmp(x->label, "ROOT") || !strcmp(x->label, "TOP")))
            continue;
        char buf[PC_LABEL_LEN];
        pc_label_base(x->label, buf, sizeof buf);
        if (!strcmp(buf, "-NONE-"))
            continue;
        if (!strcmp(buf, "PRT"))
            strcpy(buf, "ADVP");
        strcpy(b[k].label, buf);
        b[k].start = start[i];
        b[k].end = end[i];
        k++;
    }
    pc_free(start);
    pc_free(end);
    qsort(b, (size_t)k, sizeof *b, cmp_bracket);
    *nb = k;
    return b;
}

int pc_evalb_add(pc_evalb *e, const pc_ptree *gold, const pc_ptree *test)
{
    int ng = pc_ptree_leaves(gold, NULL, NULL), nt = pc_ptree_leaves(test, NULL, NULL);
    if (ng != nt) {
        e->skipped++;
        return -1;
    }
    const char **gt = pc_malloc(((size_t)ng + 1) * sizeof *gt);
    const char **tt = pc_malloc(((size_t)ng + 1) * sizeof *tt);
    unsigned char *punct = pc_malloc((size_t)ng + 1);
    if (!gt || !tt || !punct) {
        pc_free(gt);
        pc_free(tt);
        pc_free(punct);
        e->skipped++;
        return -1;
    }
    pc_ptree_leaves(gold, NULL, gt);
    pc_ptree_leaves(test, NULL, tt);
    for (int i = 0; i < ng; i++) {
        punct[i] = (unsigned char)is_punct(gt[i]);
        e->words++;
        if (!strcmp(gt[i], tt[i]))
            e->tags_right++;
    }
    int nbg = 0, nbt = 0;
    bracket *bg = brackets(gold, punct, &nbg), *bt = brackets(test, punct, &nbt);
    int rc = -1;
    if (bg && bt) {
        int i = 0, j = 0, m = 0;
        while (i < nbg && j < nbt) {
            int c = cmp_bracket(&bg[i], &bt[j]);
            if (c == 0) {
                m++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        e->sents++;
        e->match += m;
        e->gold += nbg;
        e->test += nbt;
        if (m == nbg && m == nbt)
            e->exact++;
        rc = 0;
    } else {
        e->skipped++;
    }
    pc_free(bg);
    pc_free(bt);
    pc_free(gt);
    pc_free(tt);
    pc_free(punct);
    return rc;
}

double pc_evalb_precision(const pc_evalb *e) { return e->test ? (double)e->match / (double)e->test : 0; }
double pc_evalb_recall(const pc_evalb *e) { return e->gold ? (double)e->match / (double)e->gold : 0; }

double pc_evalb_f1(const pc_evalb *e)
{
    double p = pc_evalb_precision(e), r = pc_evalb_recall(e);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
