/* triples.c -- sets of (source, target, code) triples for the scorer:
 * sorted as Python sorts tuples of str (bytewise for UTF-8), no duplicates. */
#include <stdlib.h>
#include <string.h>

#include "validate.h"

int pc_vtriple_cmp(const pc_vtriple *a, const pc_vtriple *b)
{
    int c = strcmp(a->source, b->source);
    if (!c)
        c = strcmp(a->target, b->target);
    if (!c)
        c = strcmp(a->code, b->code);
    return c;
}

static int cmp_qsort(const void *a, const void *b)
{
    return pc_vtriple_cmp(a, b);
}

size_t pc_vtriples_normalize(pc_vtriple *v, size_t n)
{
    if (n < 2)
        return n;
    qsort(v, n, sizeof *v, cmp_qsort);
    size_t o = 1;
    for (size_t i = 1; i < n; i++)
        if (pc_vtriple_cmp(&v[i], &v[o - 1]) != 0)
            v[o++] = v[i];
    return o;
}

size_t pc_vset_common(const pc_vset *a, const pc_vset *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->n && j < b->n) {
        int c = pc_vtriple_cmp(&a->v[i], &b->v[j]);
        if (c == 0)
            n++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    return n;
}
