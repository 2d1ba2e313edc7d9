/* parser.h -- transition-based (shift-reduce) constituency parser over
 * head-binarized trees with unary actions, scored by an averaged perceptron
 * with Zhu et al. (2013)'s baseline feature set; greedy or beam decoding.
 * Training: static or dynamic oracle (greedy), or beam search with max-violation update.
 *
 * A pc_parser is immutable once loaded: share it among threads; all scratch
 * memory of a parse comes from the caller's arena. */
#ifndef PC_NLP_PARSER_H
#define PC_NLP_PARSER_H

#include <stddef.h>

#include "petrarch.h"
#include "nlp/conllu.h"
#include "nlp/ptb_read.h"
#include "util/arena.h"

typedef struct pc_parser pc_parser;

pc_parser *pc_parser_load(const char *path, pc_error *err);   /* models/parser.bin */
/* The same without the weights trained for beam search (checked, not
 * built): a third of the load time and memory for greedy parsing.  A beam
 * wider than 1 then searches with the greedy weights. */
pc_parser *pc_parser_load_greedy(const char *path, pc_error *err);
void pc_parser_free(pc_parser *p);
/* a PTB tree string "(ROOT (S (NP (NNP Israel)) ...))" allocated in a; NULL + err on failure.
 * beam <= 1: greedy. */
char *pc_parser_parse(const pc_parser *p, const char *const *words, const char *const *tags,
                      size_t n, int beam, pc_arena *a, pc_error *err);

/* Dependency-guided parsing: a model trained with the dependency trees of its
 * sentences (pc_parser_opts.deps) turns a dependency tree into constituents,
 * the way its training trees bracket such a tree -- how UD treebanks become
 * PTB training trees (petrarch convert).  head[i]: index of word i's head, -1
 * for the root; rel[i]: its relation ("nsubj").  Bad heads count as none.
 * deps NULL: the same as pc_parser_parse. */
typedef struct pc_pdeps {
    const int32_t *head;
    const char *const *rel;
} pc_pdeps;
char *pc_parser_parse_deps(const pc_parser *p, const char *const *words, const char *const *tags,
                           const pc_pdeps *deps, size_t n, int beam, pc_arena *a, pc_error *err);
int pc_parser_guided(const pc_parser *p);   /* 1: trained with dependency trees */

/* ---- training (petrarch train parser) */
#define PC_PARSER_MAX_FOLDS 16

typedef struct pc_parser_opts {
    int epochs;               /* default 10 */
    int beam;                 /* 1: greedy weights only; > 1: beam weights too (max-violation) */
    unsigned seed;            /* shuffling */
    float prune;              /* drop averaged weights below this */
    /* tag the training words with these models (none: gold tags); with
     * several (jackknifing, nlp/fold.h), tree t is tagged by
     * tagger_paths[pc_fold_of(its words, n_taggers)] */
    const char *const *tagger_paths;
    size_t n_taggers;         /* 0 .. PC_PARSER_MAX_FOLDS */
    void (*progress)(void *ud, int epoch, double oracle_acc);
    void *ud;
    /* > 0: greedy training explores from this epoch (1-based) on -- it
     * follows its own actions, corrected by a dynamic oracle; 0: static
     * oracle throughout */
    int explore;
    /* NULL, or the dependency tree of each tree (same words, same order):
     * train a dependency-guided model (pc_parser_parse_deps) */
    const pc_tsent *deps;
} pc_parser_opts;

pc_parser *pc_parser_train(const pc_ptree *trees, size_t n, const pc_parser_opts *o,
                           pc_error *err);
pc_status pc_parser_save(const pc_parser *p, const char *path, pc_error *err);

#endif
