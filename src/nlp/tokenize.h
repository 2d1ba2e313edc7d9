/* tokenize.h -- one sentence of normalized text to Penn Treebank tokens, as
 * Stanford CoreNLP's PTBTokenizer writes them for parsing (its
 * ptb3Escaping conventions, the ones in PETRARCH2's parses):
 *
 *   - clitics split off: do n't, ca n't, John 's, they 're, I 'll, he 'd,
 *     I 'm, we 've; cannot -> can not, gonna -> gon na;
 *   - double quotes ``/'' (a straight " opens when a letter, digit or $
 *     follows it, as CoreNLP decides), single quotes `/';
 *   - brackets -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-;
 *   - hyphenated words whole (al-Assad, anti-jihadist, 2019-2020); numbers
 *     with commas/decimals/colons whole (1,200  3.5  12:55  -5); $ apart;
 *   - "--" for dashes (runs of 2+ hyphens; the normalizer turned en/em
 *     dashes into "--"); "..." for ellipses;
 *   - a period is split off a word, except after an abbreviation (abbrev.h:
 *     Mr. U.S. Jan. Inc.); at the end of the sentence an abbreviation keeps
 *     its period and a "." token follows it (U.S. .), as CoreNLP does, and a
 *     one-letter initial gives up its period (X .);
 *   - URLs, e-mail addresses, @handles and #hashtags whole.
 * Offsets are byte offsets in the text given. */
#ifndef PC_NLP_TOKENIZE_H
#define PC_NLP_TOKENIZE_H

#include <stddef.h>

#include "util/arena.h"

typedef struct pc_token {
    const char *word;    /* the PTB token (NUL-terminated, in the arena) */
    size_t start, end;   /* the bytes of t it came from */
} pc_token;

/* Tokenize t[0..n), one sentence.  *out, *n_out: the tokens (in the
 * arena).  Returns 0, or -1 when the arena runs out of memory. */
int pc_tokenize(const char *t, size_t n, pc_arena *a, pc_token **out, size_t *n_out);

#endif
