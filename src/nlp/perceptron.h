/* perceptron.h -- multi-class averaged perceptron over hashed features.
 *
 * A feature is a 64-bit hash (features.h builds them).  Each feature has a
 * sparse row of (class, weight) pairs: only the classes it was ever updated
 * for, which keeps both training and scoring proportional to what the
 * feature actually knows.
 *
 * pc_ptrain is the trainer (current and summed weights, averaged lazily);
 * pc_pmodel is the immutable scorer it exports: weights quantized to 16
 * bits, features whose averaged weights are all tiny pruned away, each row
 * in the form that scores fastest (see pc_pslot).  Scoring is bound by
 * memory (the tables are far larger than the caches), so the forms aim at
 * touching few cache lines.  A pc_pmodel is read-only after loading. */
#ifndef PC_NLP_PERCEPTRON_H
#define PC_NLP_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/model_io.h"

/* A feature's slot: its key folded to 32 bits (a false match with a feature
 * the model does not have is a one-in-4000-per-lookup event with a million
 * features, and only adds small weights) and its row (len 0: empty slot).
 * Most features have a row of one to three weights: those are kept in the
 * slot itself, so that looking such a feature up touches one cache line,
 * not two (the tables are far larger than the caches).  A longer row is
 * ent[u.start ...], or, when it names many of the classes (cls[0] set),
 * dense row u.start of pc_pmodel.dense.
 *
 * Every row has its classes in ascending order and no weight 0: export
 * makes them so, and reading refuses a model whose rows are not.  A dense
 * row's nonzero weights are then exactly its row, and that is how writing
 * gets it back: a model keeps each row in its scoring form only. */
#define PC_PSLOT_INLINE 3
typedef struct pc_pslot {
    uint32_t key;
    uint8_t len;
    uint8_t cls[PC_PSLOT_INLINE];
    union {
        int16_t w[PC_PSLOT_INLINE];
        uint32_t start;
    } u;
} pc_pslot;

/* Classes are stored in one byte. */
#define PC_PMODEL_MAX_CLASSES 255
#define PC_PMODEL_MAX_PAD 256   /* n_classes rounded up to a multiple of 8 */

/* One weight: class and quantized value (the model's scale times w). */
typedef struct pc_pent {
    uint16_t cls;
    int16_t w;
} pc_pent;

typedef struct pc_pmodel {
    uint32_t n_classes;
    uint32_t n_feat;
    uint32_t n_ent;      /* weights in all rows */
    float scale;         /* weight = w * scale */
    pc_pslot *slot;      /* open addressing, mask + 1 slots */
    uint32_t mask;
    pc_pent *ent;        /* the sparse rows (n_sparse weights) */
    uint32_t n_sparse;
    /* Rows that name many of the classes, stored dense (n_pad weights
     * each, zeros included): adding one is a few vector additions where a
     * sparse row is a scattered addition per class, and the most common
     * features (a stack item's tag and label, say) have such rows. */
    uint32_t n_dense, n_pad;
    int16_t *dense;
} pc_pmodel;

/* scores[c] += weights of every feature, in units of m->scale (scores must be
 * zeroed by the caller; the order of classes is all that callers use). */
void pc_pmodel_score(const pc_pmodel *m, const uint64_t *f, size_t nf, float *scores);
/* The same, never with the CPU's wider vector instructions (AVX2): for the
 * tests, which check that both give the same scores. */
void pc_pmodel_score_portable(const pc_pmodel *m, const uint64_t *f, size_t nf, float *scores);
void pc_pmodel_free(pc_pmodel *m);
/* Serialise / read back (quantized).  Read returns -1 (r->bad set) on bad data. */
void pc_pmodel_write(const pc_pmodel *m, pc_wbuf *b);
int pc_pmodel_read(pc_pmodel *m, pc_rbuf *r);
/* Read past a written model without building it (its classes in n_classes);
 * -1 (r->bad set) on bad sizes. */
int pc_pmodel_skip(pc_rbuf *r, uint32_t *n_classes);

typedef struct pc_ptrain pc_ptrain;

pc_ptrain *pc_ptrain_new(uint32_t n_classes);
void pc_ptrain_free(pc_ptrain *t);
/* Current (not averaged) weights, for decoding while training. */
void pc_ptrain_score(const pc_ptrain *t, const uint64_t *f, size_t nf, float *scores);
/* Add delta to the weight of class c for each feature; -1 on OOM. */
int pc_ptrain_update(pc_ptrain *t, const uint64_t *f, size_t nf, uint32_t c, float delta);
/* One more training instance seen (the averaging clock). */
void pc_ptrain_tick(pc_ptrain *t);
/* The averaged model, dropping weights with |w| < prune; -1 on OOM. */
int pc_ptrain_export(const pc_ptrain *t, float prune, pc_pmodel *out);
size_t pc_ptrain_features(const pc_ptrain *t);
/* Weight averaging of several trainings (a linear model's ensemble in one
 * model): add share times run's averaged weights to acc's current weights,
 * then export acc with pc_ptrain_export_current.  -1 on OOM. */
int pc_ptrain_accumulate(pc_ptrain *acc, const pc_ptrain *run, float share);
int pc_ptrain_export_current(const pc_ptrain *t, float prune, pc_pmodel *out);

#endif
