/* dicts.h -- the loaded dictionary set (struct pc_dicts) and its leaves.
 *
 * Each trie mirrors the nested Python dict PETRARCH2 1.2.0 builds
 * (PETRreader.py), key for key, so the coder can walk it the same way:
 *
 *   verbs         VerbDict['verbs']: WORD -> [BACKWORD ->]* '#' -> [FRONTWORD ->]* '#' -> leaf pc_verb_leaf
 *   phrases       VerbDict['phrases']: MEANING -> pattern trie (keys: words and
 *                 the markers '-', ',', '|', '*', '^') ... '#' -> leaf pc_pattern_leaf
 *   transforms    VerbDict['transformations']: integer verb codes are stored as
 *                 decimal strings ("%ld", e.g. "4096", "-1"); variable keys as
 *                 they are; the final value is a leaf pc_transform_leaf
 *   actors        ActorDict: WORD -> ... -> '#' -> leaf pc_actor_leaf
 *   agents        AgentDict: WORD -> ... -> '#' -> leaf (const char *) code
 *   discards      DiscardList: WORD -> ... -> '+' or '$' -> empty node
 *   issues        IssueList: WORD -> ... -> '#' -> DN_INT index into issue_codes
 *
 * Everything lives in `arena` and is read-only after pc_dicts_load returns.
 */
#ifndef PC_DICTS_H
#define PC_DICTS_H

#include "petrarch.h"
#include "dnode.h"

typedef struct pc_verb_leaf {
    const char *code;    /* text between [ ] of the entry or its block, e.g. "042", "---", "010:020" */
    const char *meaning; /* block meaning (the verb of the "--- MEANING [code]" line) */
    const char *line;    /* the dictionary line without its final newline */
} pc_verb_leaf;

typedef struct pc_pattern_leaf {
    const char *code;    /* code[1:-1] of the pattern's last token */
    const char *line;    /* the dictionary line without its final newline */
} pc_pattern_leaf;

typedef struct pc_transform_leaf {
    size_t n_answer;
    const char **answer; /* segs[1].split() of the "~ ... = ..." line */
    const char *line;    /* the whole line as read (PETRARCH2 keeps the newline) */
} pc_transform_leaf;

/* One element of an ActorDict '#' list: a (code, dates) tuple, or -- only
 * when write_actor_root is on -- the root phrase's word list that PETRARCH2
 * appends to the list. */
typedef struct pc_actor_item {
    int is_root;
    const char *code;      /* !is_root */
    size_t n_dates;        /* !is_root: 0, 1 or 2 (or more) date strings */
    const char **dates;    /* as stored, e.g. "<910625", ">140608", "820701" */
    size_t n_words;        /* is_root: the words of the root phrase */
    const char **words;
} pc_actor_item;

typedef struct pc_actor_leaf {
    size_t n, cap;
    pc_actor_item *items;
    /* Overlay files (overlay.h) only: which overlay file and entry last set
     * this list (0 = none), and the line of that entry. */
    unsigned ov_file;
    unsigned long ov_entry;
    long ov_line;
} pc_actor_leaf;

struct pc_dicts {
    pc_arena *arena;
    int write_actor_root;      /* the option changes what the actor reader stores */
    int fixed;                 /* pc_options.fixed: the verb reader's --fixed mode */
    pc_dnode *verbs;
    pc_dnode *phrases;
    pc_dnode *transforms;
    pc_dnode *actors;
    pc_dnode *agents;
    pc_dnode *discards;
    pc_dnode *issues;          /* NULL when no issue file is configured */
    size_t n_issue_codes;
    const char **issue_codes;  /* [0] = "~", [1] = "~~", then codes in order seen */
    unsigned n_overlays;       /* overlay actor files read so far (overlay.h) */
    unsigned long n_ov_entries; /* entries stored from overlay files */
};

/* Readers, each a port of the PETRARCH2 function named.  They add to d (so
 * several actor files accumulate), report malformed lines to warn as
 * file:line and go on; they fail only when the file cannot be read or on OOM. */
pc_status pc_read_verb_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);
pc_status pc_read_actor_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);
/* The same for a file read as an overlay (overlay.h) whether or not it
 * carries the directive: its entries replace the codes of the phrases they
 * name, and its last entry is stored too. */
pc_status pc_read_actor_overlay(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);
pc_status pc_read_agent_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);
pc_status pc_read_discard_list(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);
pc_status pc_read_issue_list(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud, pc_error *err);

/* An empty dictionary set (all tries empty) to fill with the readers. */
pc_dicts *pc_dicts_new(int write_actor_root, pc_error *err);

/* petrarch2.check_discards(SentenceText): PC_DISCARD_NONE/SENTENCE/STORY; the
 * phrase (as PETRARCH2 builds it: "+ " or " " then " WORD" per word matched, so "+  5K RUN") is in a. */
pc_discard pc_check_discards(const pc_dicts *d, const char *text, pc_arena *a,
                             const char **phrase);

/* petrarch2.get_issues(SentenceText): issues in order of first match; an
 * ignore phrase ('~' code) yields none.  Returns the count, -1 on OOM. */
long pc_get_issues(const pc_dicts *d, const char *text, pc_arena *a, pc_issue **out);

#endif
