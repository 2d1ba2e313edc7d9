/* evalb.h -- labelled bracket scoring as EVALB does with COLLINS.prm:
 * brackets of every constituent but the root bracket (ROOT/TOP/unlabelled) and
 * preterminals; function tags stripped; punctuation (gold tags , : `` '' .)
 * and -NONE- left out of spans; ADVP and PRT count as the same label;
 * constituents that then cover nothing are dropped; brackets matched as
 * multisets.  Also counts tagging accuracy on the same words. */
#ifndef PC_NLP_EVALB_H
#define PC_NLP_EVALB_H

#include "nlp/ptb_read.h"

typedef struct pc_evalb {
    long sents, match, gold, test;
    long words, tags_right;   /* all words (punctuation too) */
    long exact;               /* sentences with every bracket right */
    long skipped;             /* sentences whose words do not line up */
} pc_evalb;

/* Score one sentence; returns 0, or -1 (counted in skipped) when gold and
 * test do not have the same number of words. */
int pc_evalb_add(pc_evalb *e, const pc_ptree *gold, const pc_ptree *test);
double pc_evalb_precision(const pc_evalb *e);
double pc_evalb_recall(const pc_evalb *e);
double pc_evalb_f1(const pc_evalb *e);

#endif
