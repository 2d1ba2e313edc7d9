/* ptb_read.h -- Penn Treebank bracketed trees (training and evaluation data).
 *
 * Reads files of trees "(ROOT (S (NP (NNP Israel)) ...))" one after another,
 * plain or gzip-compressed (zlib reads both).  Trees are flat node arrays in an
 * arena: children as first-child / next-sibling indices, so every walk over a
 * tree is a loop, never recursion the input could make deep. */
#ifndef PC_NLP_PTB_READ_H
#define PC_NLP_PTB_READ_H

#include <stddef.h>

#include "petrarch.h"
#include "util/arena.h"

typedef struct pc_tnode {
    const char *label;  /* "NP", "NN"; "" for an unlabelled outer bracket */
    const char *word;   /* the leaf word of a preterminal, else NULL */
    int first, next;    /* first child, next sibling; -1 if none */
} pc_tnode;

typedef struct pc_ptree {
    pc_tnode *node;
    int n;              /* nodes; node[0] is the root */
} pc_ptree;

typedef struct pc_treebank {
    pc_ptree *tree;
    size_t n, cap;
    pc_arena *arena;    /* every string and node */
} pc_treebank;

/* Whole file into a malloc'd NUL-terminated buffer (gunzipped if needed). */
char *pc_slurp(const char *path, size_t *len, pc_error *err);

/* Parse one tree from *s (advancing it); returns 1 ok, 0 at end of input,
 * -1 error (err says where: line counted from *line). */
int pc_ptb_parse(pc_arena *a, const char **s, long *line, pc_ptree *out, const char *file,
                 pc_error *err);
/* Append t (its nodes and strings in tb->arena) to tb; -1 on OOM. */
int pc_treebank_add(pc_treebank *tb, const pc_ptree *t);
/* Append every tree of path to tb (tb->arena created if NULL). */
pc_status pc_treebank_read(pc_treebank *tb, const char *path, pc_error *err);
void pc_treebank_free(pc_treebank *tb);

/* The leaves: words and preterminal labels in order; returns their count.
 * words/tags may be NULL (just counting). */
int pc_ptree_leaves(const pc_ptree *t, const char **words, const char **tags);

#endif
