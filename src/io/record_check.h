/* record_check.h -- the checks every input reader applies to a record
 * before handing it on: the parse (size limit, bracket balance) and the
 * date (JSON Lines and text inputs: normalised to PETRARCH2's YYYYMMDD).
 * Internal to src/io. */
#ifndef PC_RECORD_CHECK_H
#define PC_RECORD_CHECK_H

#include <stddef.h>

/* Most words (leaves) a parse may have.  The coder's memory grows with the
 * square of a phrase's width (a 4,000-word noun phrase takes ~240 MB, a
 * 70,000-word one more than any machine has), so a longer sentence is
 * rejected rather than allowed to take the run down; news sentences have
 * well under 200 words.  Nodes (phrases and words) are limited too, as each
 * takes memory (~400 bytes); so is depth, only by that: the tree is built
 * without recursion and the coder's recursion has a budget (PETRARCH2's
 * RuntimeError, coder/pv.h), so a 10,000-deep parse is coded (and fails as
 * in PETRARCH2) without harm. */
#define PC_MAX_PARSE_WORDS 4000
#define PC_MAX_PARSE_NODES 100000

typedef enum pc_parse_verdict {
    PC_PARSE_OK = 0,
    PC_PARSE_WARN,    /* coded anyway, as PETRARCH2 would; why says what is odd */
    PC_PARSE_REJECT   /* not to be coded; why says why */
} pc_parse_verdict;

/* Check the n bytes of a Penn Treebank parse.  Unbalanced brackets are a
 * warning: PETRARCH2 closes what is left open and ignores surplus ')', and
 * so does the coder (parity), but the input is probably damaged.  More than
 * PC_MAX_PARSE_WORDS words or PC_MAX_PARSE_NODES nodes is a rejection.  why (cap bytes) gets the text. */
pc_parse_verdict pc_check_parse(const char *parse, size_t n, char *why, size_t cap);

/* A date as people write it -> PETRARCH2's YYYYMMDD.  Accepted: YYYYMMDD,
 * YYYY-MM-DD, YYYY/MM/DD, each optionally followed by a time ("T..." or
 * " ..."), with a real month and day (leap years counted).  Returns 0 and
 * fills out (9 bytes), or -1. */
int pc_normalize_date(const char *in, size_t n, char out[9]);

#endif
