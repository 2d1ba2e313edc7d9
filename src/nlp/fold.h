/* fold.h -- which of N folds a sentence belongs to, for jackknifed training.
 *
 * The parser learns best from trees whose tags are as wrong as the tags it
 * will see on new text, so its training trees are tagged by taggers that
 * never saw them: `train tagger --fold K/N` leaves fold K out, and `train
 * parser --tagger M0 ... --tagger M(N-1)` tags each tree with the model of
 * its fold.  A sentence's fold comes from its words alone, so the CoNLL-U
 * and PTB copies of a sentence land in the same fold without any alignment
 * of the two files (which do not hold the same sentence list: GUM's PTB
 * file lacks some of its CoNLL-U sentences).  Bracket and quote tokens are
 * compared in one spelling ("(" and -LRB-, `` and "). */
#ifndef PC_NLP_FOLD_H
#define PC_NLP_FOLD_H

#include <stddef.h>

/* 0 .. nfolds-1 (0 when nfolds < 2). */
unsigned pc_fold_of(const char *const *words, size_t n, unsigned nfolds);

#endif
