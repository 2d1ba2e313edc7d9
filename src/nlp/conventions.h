/* conventions.h -- bring a tree of our parser to CoreNLP's conventions where
 * the training trees (GUM's, made by a WSJ-trained parser) differ from them
 * and PETRARCH2's rules, written against CoreNLP's trees, depend on it.
 *
 * One rule so far: "is about to VERB".  GUM analyses it as
 *   (VP (VBZ is) (ADJP (JJ about) (S (VP (TO to) ...))))
 * (and our parser also gives (ADJP (JJ about) (VP (TO to) ...))), which hides
 * the verb from the coder: no event.  CoreNLP gives
 *   (VP (VBZ is) (VP (IN about) (S (VP (TO to) ...))))
 * and PETRARCH2 codes the verb under it.  Any constituent of exactly those two
 * children, "about" tagged JJ, IN or RB and a to-infinitive (S or VP), is
 * rewritten so, nested ones too; a tree already so, or not a tree, is left. */
#ifndef PC_NLP_CONVENTIONS_H
#define PC_NLP_CONVENTIONS_H

#include "util/arena.h"

/* A one-line PTB tree rewritten: tree itself if it has no "about", else a
 * copy in a; NULL on OOM. */
const char *pc_corenlp_conventions(const char *tree, pc_arena *a);

#endif
