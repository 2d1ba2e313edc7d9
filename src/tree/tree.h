/* tree.h -- PETRARCH2's phrase tree (PETRtree.Phrase and its NounPhrase,
 * VerbPhrase and PrepPhrase subclasses) and the Penn Treebank reader that
 * builds it (utilities._format_parsed_str + Sentence.str_to_tree).
 *
 * The fields mirror the Python attributes, including the memoisation that
 * PETRARCH2 does by replacing methods (get_head, get_meaning, check_passive,
 * get_S, get_upper): each has a *_memo flag, set at the same point the
 * Python replaces the method, and the value the replacement returns.  All
 * nodes live in the sentence's arena. */
#ifndef PC_TREE_H
#define PC_TREE_H

#include <stddef.h>

#include "coder/pv.h"

typedef enum ph_kind { PH_BASE = 0, PH_NP, PH_VP, PH_PP } ph_kind;

typedef struct phrase phrase;

/* A Python list of phrases; shared when PETRARCH2 shares the list object
 * (VerbPhrase.is_valid gives its children list to the replacing NP). */
typedef struct ph_list {
    phrase **v;
    size_t n, cap;
} ph_list;

struct phrase {
    ph_kind kind;
    const char *label;   /* "MD" is stored as "VB", as PETRARCH2 does */
    const char *text;    /* the word of a preterminal, "" otherwise */
    ph_list *children;   /* usually &own; another phrase's list when shared */
    ph_list own;         /* (saves an allocation per node) */
    phrase *parent;      /* NULL for the root and detached nodes */
    long index;          /* position in the parent's children when built */
    int color;           /* consumed by a pattern match */

    /* get_head */
    int head_memo;
    pv *head;            /* None (or "" for a PrepPhrase) until computed */
    phrase *head_phrase;

    /* get_meaning (NounPhrase, VerbPhrase, and S/SBAR Phrase) */
    int meaning_memo;
    pv *meaning;         /* "" until computed */

    /* VerbPhrase */
    int upper_memo;
    pv *upper;
    int passive_memo;    /* check_passive has been called */
    int passive;
    int passive_forced;  /* get_code replaced check_passive by `lambda: True` */
    int S_memo;
    phrase *S;
    pv *code;            /* self.code: int 0, an int code, or the (0,0,[]) tuple */
    pv *verbclass;       /* "" or the verb's meaning */

    /* PrepPhrase */
    pv *prep;            /* "" until get_meaning */
};

typedef struct pc_tree {
    phrase *root;
    const char *txt;     /* Sentence.txt: " W1 W2 ..." */
    size_t n_nodes;
    size_t depth;        /* deepest nesting seen */
} pc_tree;

/* Build the tree of a <Parse> text exactly as PETRARCH2 1.2.0 does, including
 * the "There is/are" existential reshuffle.  Iterative: any depth is read.
 * Returns 0, or -1 with *msg set where PETRARCH2 raises (empty parse, a
 * stack that empties before the parse ends). */
int pc_tree_build(py_rt *rt, const char *parse, pc_tree *out, const char **msg);

/* Python list operations on a ph_list. */
void ph_list_append(py_rt *rt, ph_list *l, phrase *p);
void ph_list_remove(py_rt *rt, ph_list *l, phrase *p);
void ph_list_insert(py_rt *rt, ph_list *l, long index, phrase *p);

phrase *ph_new(py_rt *rt, ph_kind kind, const char *label);

#endif
