/* binarize.h -- treebank trees to and from the parser's binary trees.
 *
 * Training trees are cleaned (function tags and indices stripped: NP-SBJ-1 ->
 * NP; -NONE- elements and constituents left empty removed; the ROOT bracket
 * taken off; X -> X unaries merged; unary chains cut to PC_MAX_UNARY) and
 * head-binarized: a constituent X with children c1..ck and head child ch
 * (Collins' head rules) first takes its left siblings, innermost first, then
 * its right siblings, through intermediate nodes @X (temp = 1):
 *     X(c1 c2 h c3)  ->  X(@X(@X(c1 @X(c2 h)) ... ) c3)   -- roughly
 * so each binary node records whether its head is its left or right child.
 * Unbinarizing splices every @X node into its parent. */
#ifndef PC_NLP_BINARIZE_H
#define PC_NLP_BINARIZE_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/ptb_read.h"

#define PC_MAX_UNARY 3
#define PC_MAX_LABELS 512
#define PC_LABEL_LEN 24

/* One table for both part-of-speech tags and phrase labels. */
typedef struct pc_labels {
    char name[PC_MAX_LABELS][PC_LABEL_LEN];
    uint8_t phrase[PC_MAX_LABELS];   /* seen as a phrase label */
    int n;
} pc_labels;

/* The id of name, or -1. */
int pc_labels_find(const pc_labels *l, const char *name);
/* The id of name, added if new; -1 if the table is full or the name too long. */
int pc_labels_add(pc_labels *l, const char *name);

/* "NP-SBJ-1" -> "NP" into buf (labels starting with '-' are kept: -LRB-, -NONE-). */
const char *pc_label_base(const char *label, char *buf, size_t cap);

typedef struct pc_bnode {
    int16_t label;
    uint8_t temp;       /* an @X node */
    uint8_t headleft;   /* binary node: the head is the left child */
    int32_t left, right;   /* binary: both; unary: left; leaf: -1, -1 */
    int32_t word;       /* leaf: word index, else -1 */
} pc_bnode;

typedef struct pc_btree {
    pc_bnode *node;
    int n;              /* node[n-1] is the root */
    int n_words;
    const char **word;  /* leaves */
    const char **tag;   /* their gold tags */
} pc_btree;

/* Clean and binarize t (strings and nodes in a).  Labels are added to lab.
 * Returns 0, or -1 with err (an unlabelled or oversized label, OOM). */
int pc_binarize(const pc_ptree *t, pc_labels *lab, pc_arena *a, pc_btree *out, pc_error *err);

/* Write the tree under node root of b (b->n - 1: the whole tree) as a one-line
 * PTB string "(ROOT ...)" with @X nodes spliced out, using words/tags for the
 * leaves (NULL: b's own).  Returns the string in a, or NULL on OOM. */
char *pc_unbinarize(const pc_btree *b, int root, const pc_labels *lab,
                    const char *const *words, const char *const *tags, pc_arena *a);

/* The head child (index into kids) of a constituent labelled parent. */
int pc_head_child(const char *parent, const char *const *kids, int nk);

#endif
