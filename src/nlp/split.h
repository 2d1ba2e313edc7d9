/* split.h -- normalized article text to sentences (byte spans).
 *
 * The rules, in order (README "Raw text" says the same for users):
 *  1. A date header on the first non-blank line (dateline.h) is taken as the
 *     story date and skipped.
 *  2. Boilerplate lines (boilerplate.h) are skipped; they end a paragraph.
 *  3. Paragraphs: a blank line always ends one.  Inside a block of lines,
 *     if at least half of the lines (the last one aside) end a sentence
 *     (. ? ! maybe followed by closing quotes/brackets), every line is a
 *     paragraph (web copy: one paragraph per line).  Otherwise the text is
 *     wrapped and lines are joined, except after a line that does not end a
 *     sentence, is shorter than 60% of the longest line of the block and is
 *     followed by a line starting with a capital (a title, the end of a
 *     paragraph).
 *  4. A paragraph of at most three words without final punctuation is a
 *     subhead ("First time") and is skipped.
 *  5. A dateline (dateline.h) at the start of a paragraph is cut off, until
 *     the first paragraph that ends with sentence punctuation (a title above
 *     the dateline does not stop the search).
 *  6. Inside a paragraph, a sentence ends at . ? or ! (with the closing
 *     quotes and brackets after it) followed by white space, unless the next
 *     word starts with a lower-case letter, and for a period, unless the word
 *     before it is an abbreviation that does not end a sentence there
 *     (abbrev.h: "Mr. Smith", "U.S. officials", "J. R. R. Tolkien",
 *     "Jan. 5", "No. 10"; but "in the U.S. The ..." and "Apple Inc. The ..."
 *     do end).  An ellipsis (... of 2-3 dots) does not end a sentence; a
 *     period inside a token ("3.5", "U.S.-led") never does. */
#ifndef PC_NLP_SPLIT_H
#define PC_NLP_SPLIT_H

#include <stddef.h>

#include "util/arena.h"

typedef enum pc_skip_kind {
    PC_SKIP_DATE_HEADER,  /* "Date: 2025-12-19" */
    PC_SKIP_DATELINE,     /* "BEIJING, Aug 4 (AFP) -" */
    PC_SKIP_BOILERPLATE,  /* "Published at", "Share this", a byline */
    PC_SKIP_SUBHEAD       /* "First time" */
} pc_skip_kind;

const char *pc_skip_kind_name(pc_skip_kind k);

typedef struct pc_span {
    size_t start, end;    /* [start, end) in the text given to pc_split */
} pc_span;

typedef struct pc_skip {
    size_t start, end;
    pc_skip_kind kind;
} pc_skip;

typedef struct pc_split_result {
    size_t n_sents;
    pc_span *sents;       /* trimmed, in text order */
    size_t n_skips;
    pc_skip *skips;       /* what was not a sentence, in text order */
    char date[9];         /* YYYYMMDD from a date header, "" if none */
    size_t agency_start, agency_end; /* the dateline's agency, equal if none */
} pc_split_result;

/* Split text[0..n) (normalized: LF line ends, PTB quotes, see normalize.h).
 * Returns 0, or -1 when the arena runs out of memory. */
int pc_split(const char *text, size_t n, pc_arena *a, pc_split_result *out);

#endif
