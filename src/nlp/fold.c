/* fold.c -- see fold.h. */
#include "fold.h"

#include <stdint.h>
#include <string.h>

#include "nlp/features.h"

/* The one spelling of a token that the two formats write differently. */
static const char *canonical(const char *w)
{
    const char *b = pc_ptb_bracket(w);
    if (b)
        return b;
    return !strcmp(w, "``") || !strcmp(w, "''") ? "\"" : w;
}

unsigned pc_fold_of(const char *const *words, size_t n, unsigned nfolds)
{
    if (nfolds < 2)
        return 0;
    /* the words' hashes chained in order, as feature templates chain values */
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = pc_feat2(0, h, pc_hash_str(canonical(words[i])));
    return (unsigned)(h % nfolds);
}
