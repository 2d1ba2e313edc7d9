/* tagger.h -- Penn Treebank part-of-speech tagger: greedy left-to-right
 * averaged perceptron (the features of Collins 2002 / Honnibal's tagger plus
 * word shape, prefixes and suffixes, and a flag for words of PETRARCH's actor
 * dictionaries).  Frequent unambiguous words are tagged from a word list.
 *
 * A pc_tagger is immutable once loaded (or trained): any number of threads may
 * tag with one at the same time. */
#ifndef PC_NLP_TAGGER_H
#define PC_NLP_TAGGER_H

#include <stddef.h>

#include "petrarch.h"
#include "nlp/conllu.h"

typedef struct pc_tagger pc_tagger;

pc_tagger *pc_tagger_load(const char *path, pc_error *err);   /* models/tagger.bin */
void pc_tagger_free(pc_tagger *t);
/* tags[i] = static/model-owned strings; returns 0 or -1 */
int pc_tagger_tag(const pc_tagger *t, const char *const *words, size_t n, const char **tags);

/* ---- training (petrarch train tagger) */
typedef struct pc_tagger_opts {
    int epochs;                      /* passes over the data (default 8) */
    unsigned seed;                   /* shuffling; same seed, same model */
    float prune;                     /* drop averaged weights below this (default 0.02) */
    const char *const *actor_files;  /* PETRARCH .actors files for the name-list feature */
    size_t n_actor_files;
    /* called after each epoch with the accuracy on the training data */
    void (*progress)(void *ud, int epoch, double train_acc);
    void *ud;
    /* > 1: train each pass this many times (other shuffles) and average
     * the weights into one model */
    int average;
} pc_tagger_opts;

pc_tagger *pc_tagger_train(const pc_tsent *sents, size_t n, const pc_tagger_opts *o,
                           pc_error *err);
pc_status pc_tagger_save(const pc_tagger *t, const char *path, pc_error *err);

/* Number of tags and tag i (for evaluation listings). */
size_t pc_tagger_ntags(const pc_tagger *t);
const char *pc_tagger_tagname(const pc_tagger *t, size_t i);

#endif
