/* augment.h -- extra training trees made from a treebank's own trees.
 *
 * News leads often open with several actors as one subject: "Russia, China
 * and Iran condemned ...".  GUM has few such sentences, and a parser that has
 * not seen them reads the list as a sentence-level NP, hiding every actor
 * from PETRARCH2's rules.  pc_treebank_augment_coord makes trees that have
 * them: a sentence's subject NP becomes the last conjunct of a coordination
 * whose other conjuncts are proper-name subjects taken from other trees of
 * the same treebank, bracketed as the treebank does (flat for one-word
 * names, NP over NPs otherwise).  No outside words, deterministic per seed. */
#ifndef PC_NLP_AUGMENT_H
#define PC_NLP_AUGMENT_H

#include <stddef.h>

#include "petrarch.h"
#include "nlp/ptb_read.h"

/* Append up to count coordinated-subject trees to tb (its arena holds them);
 * fewer when tb has no sentence with a subject or no proper-name subject to
 * borrow.  *added (may be NULL) gets how many. */
pc_status pc_treebank_augment_coord(pc_treebank *tb, size_t count, unsigned seed, size_t *added,
                                    pc_error *err);

/* News attributes most of what it reports: "Syria rejected the plan, the
 * foreign ministry said."  GUM has few such sentences, and a parser that has
 * not seen them buries the clause under the reporting verb.  Append up to
 * count trees that have them: a sentence of tb (an S with a subject, ending
 * in a full stop) followed by a reporter -- the subject of another tree's
 * reporting verb ("officials said"), or a proper-name subject -- and a
 * reporting verb phrase, plain, inverted (SINV) or in quotes, bracketed as
 * CoreNLP does.  Deterministic per seed; *added (may be NULL) gets how many. */
pc_status pc_treebank_augment_report(pc_treebank *tb, size_t count, unsigned seed, size_t *added,
                                     pc_error *err);

#endif
