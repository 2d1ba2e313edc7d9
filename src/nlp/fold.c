/* fold.c -- see fold.h. */
#include "fold.h"

#include <stdint.h>
#include <string.h>

/* The one spelling of a token that the two formats write differently. */
static const char *canonical(const char *w)
{
    static const char *const map[][2] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
        {"-LCB-", "{"}, {"-RCB-", "}"}, {"``", "\""},  {"''", "\""},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(w, map[i][0]))
            return map[i][1];
    return w;
}

unsigned pc_fold_of(const char *const *words, size_t n, unsigned nfolds)
{
    if (nfolds < 2)
        return 0;
    uint32_t h = 2166136261u; /* FNV-1a over the words, a separator after each */
    for (size_t i = 0; i < n; i++) {
        for (const unsigned char *p = (const unsigned char *)canonical(words[i]); *p; p++)
            h = (h ^ *p) * 16777619u;
        h = (h ^ 0x1fu) * 16777619u;
    }
    return h % nfolds;
}
