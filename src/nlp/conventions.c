/* conventions.c -- see conventions.h. */
#include "nlp/conventions.h"

#include <stdio.h>
#include <string.h>

/* The end (index of the closing parenthesis) of the constituent that opens
 * at t[i], or 0 if it does not close. */
static size_t close_of(const char *t, size_t i)
{
    size_t depth = 0;
    for (size_t k = i; t[k]; k++) {
        if (t[k] == '(')
            depth++;
        else if (t[k] == ')' && --depth == 0)
            return k;
    }
    return 0;
}

static size_t label_len(const char *p)
{
    size_t n = 0;
    while ((p[n] >= 'A' && p[n] <= 'Z') || p[n] == '$')
        n++;
    return n;
}

/* "(X (JJ|IN|RB about) CHILD)" with CHILD "(S (VP (TO to) ..." or
 * "(VP (TO to) ...": the length of "(X (T about) " and where CHILD starts
 * and ends; 0 if t + i is not one. */
static size_t about_to(const char *t, size_t i, size_t *cs, size_t *ce)
{
    size_t p = i + 1, n = label_len(t + p);
    if (t[i] != '(' || n == 0 || t[p + n] != ' ' || t[p + n + 1] != '(')
        return 0;
    p += n + 2;
    if (strncmp(t + p, "JJ about) ", 10) && strncmp(t + p, "IN about) ", 10) &&
        strncmp(t + p, "RB about) ", 10))
        return 0;
    p += 10;
    if (strncmp(t + p, "(S (VP (TO to) ", 15) && strncmp(t + p, "(VP (TO to) ", 12))
        return 0;
    size_t e = close_of(t, p);
    if (e == 0 || t[e + 1] != ')')
        return 0;   /* X has more children than these two */
    *cs = p;
    *ce = e;
    return p - i;
}

const char *pc_corenlp_conventions(const char *tree, pc_arena *a)
{
    size_t m = 0;
    for (const char *q = strstr(tree, " about) "); q; q = strstr(q + 1, " about) "))
        m++;
    if (m == 0)
        return tree;   /* the usual case: nothing to copy */
    size_t n = strlen(tree);
    /* each rewrite adds at most "(S " ... ")" and a longer label.  The
     * rewritten constituents nest: a stack of where each closes (innermost
     * on top), with whether "(S " was opened for it. */
    char *out = pc_arena_alloc(a, n + 8 * m + 1);
    size_t *close = pc_arena_alloc(a, (m + 1) * sizeof *close);
    unsigned char *wrap = pc_arena_alloc(a, m + 1);
    if (!out || !close || !wrap)
        return NULL;
    size_t o = 0, k = 0;
    for (size_t i = 0; i < n;) {
        size_t cs, ce;
        if (k > 0 && i == close[k - 1]) {
            if (wrap[k - 1])
                out[o++] = ')';
            k--;
        } else if (k < m && about_to(tree, i, &cs, &ce)) {
            /* "(X (T about) " becomes "(VP (IN about) [(S ]"; the child
             * itself is scanned on, so that one inside it is rewritten too */
            wrap[k] = tree[cs + 1] == 'V';
            close[k++] = ce + 1;
            o += (size_t)sprintf(out + o, "(VP (IN about) %s", wrap[k - 1] ? "(S " : "");
            i = cs;
            continue;
        }
        out[o++] = tree[i++];
    }
    out[o] = '\0';
    return out;
}
