/* coder.h -- the coder handle shared by the sentence coder (src/coder) and the
 * story layer (src/story).  Memory: everything a result points to comes from
 * `arena`, which the public entry points reset before they start. */
#ifndef PC_CODER_H
#define PC_CODER_H

#include "petrarch.h"
#include "dict/dicts.h"
#include "util/arena.h"

/* convert_code(code) results by the address of the code string: every code
 * the coder converts is a dictionary string, fixed while the coder lives,
 * and the table lookup showed in profiles. */
#define PC_CODE_MEMO 64
typedef struct pc_code_memo {
    const char *code;       /* NULL: empty slot */
    int ok;                 /* convert_code succeeded (else KeyError) */
    long active, passive;
} pc_code_memo;

struct pc_coder {
    const pc_dicts *dicts;
    pc_code_memo memo[PC_CODE_MEMO];
    pc_options opt;         /* a copy of the config's options */
    int has_issues;         /* an issue file is configured */
    pc_arena *arena;        /* results of the current story/sentence */
    pc_arena *scratch;      /* tree and values of the sentence being coded */
    int date_is_str;        /* for PETRARCH2's own tests: dates given as strings */
};

/* Code one sentence into c->arena without resetting it (the story layer codes
 * several sentences into one result).  Same contract as
 * pc_coder_code_sentence otherwise. */
pc_status pc_coder_sentence_noreset(pc_coder *c, const char *parse, const char *text,
                                    const char *date, pc_sentence_result *out,
                                    pc_error *err);

#endif

/* For tests of the phrase classes (tests/unit/test_petrarch2_port.c): set
 * up a sentence on c's scratch arena and build its tree, as
 * PETRtree.Sentence(parse, text, date) does.  date_str, when not NULL, is a
 * string date as PETRARCH2's own tests pass ("081315"), which Python 2
 * compares as greater than any int; otherwise ordate is used.  Returns NULL
 * if the parse cannot be read.  The caller installs a py frame before using
 * methods that can raise. */
struct sent;
struct sent *pc_test_sentence(pc_coder *c, const char *parse, const char *date_str, long ordate);
