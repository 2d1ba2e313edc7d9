/* conllu.h -- CoNLL-U files as tagged sentences (FORM and XPOS columns), for
 * training and evaluating the tagger, with their dependency trees (HEAD and
 * DEPREL) for the dependency-guided parser (nlp/parser.h).  Multiword-token lines (1-2) and empty
 * nodes (1.1) are skipped: the tagger sees the syntactic words, as PTB does.
 * Plain or gzip-compressed. */
#ifndef PC_NLP_CONLLU_H
#define PC_NLP_CONLLU_H

#include <stddef.h>
#include <stdint.h>

#include "petrarch.h"
#include "util/arena.h"

typedef struct pc_tsent {
    const char **word;
    const char **tag;
    int32_t *head;      /* the head's index in word[], -1 the root, -2 not given or invalid */
    const char **rel;   /* DEPREL ("nsubj:pass"); "_" when not given */
    size_t n;
} pc_tsent;

typedef struct pc_tcorpus {
    pc_tsent *s;
    size_t n, cap;
    pc_arena *arena;
} pc_tcorpus;

pc_status pc_conllu_read(pc_tcorpus *c, const char *path, pc_error *err);
void pc_tcorpus_free(pc_tcorpus *c);

#endif
