/* normalize.h -- raw article bytes to the text the splitter and tokenizer
 * read, with a map back to the original bytes.
 *
 * What changes (everything else is kept, in Unicode NFC):
 *   - invalid UTF-8: each bad byte becomes U+FFFD and is counted (never an
 *     error: news text comes from anywhere);
 *   - curly and angle quotes become their PTB forms: “ „ « -> ``,
 *     ” » -> '', ‘ ‛ ‹ -> `, ’ ʼ ´ › -> ' (so ’ in "don’t" is an apostrophe);
 *   - dashes: – — ― -> "--"; ‐ ‑ ‒ − -> "-"; … -> "...";
 *   - spaces: no-break and other Unicode spaces -> " "; zero-width
 *     characters, the BOM and soft hyphens are dropped; CR LF and CR -> LF,
 *     U+2028 -> LF, U+2029 -> a blank line; other control characters -> " ";
 *   - C1 controls 0x91-0x97 and 0x85 are read as the Windows-1252
 *     quotes/dashes/ellipsis they almost always are in news feeds.
 * Every byte of the result maps back to the original character it came
 * from, so tokens carry offsets into the text the user gave. */
#ifndef PC_NLP_NORMALIZE_H
#define PC_NLP_NORMALIZE_H

#include <stddef.h>

#include "util/arena.h"

typedef struct pc_norm {
    char *text;           /* normalized, NUL-terminated (in the arena) */
    size_t len;
    /* For each byte i of text: the original character it came from spans
     * [orig_start[i], orig_end[i]).  orig_start[len] = the original length. */
    size_t *orig_start;
    size_t *orig_end;
    size_t invalid;       /* invalid UTF-8 bytes replaced by U+FFFD */
    size_t first_invalid; /* original offset of the first one (if any) */
} pc_norm;

/* Normalize s[0..n).  Returns 0, or -1 if the arena ran out of memory. */
int pc_normalize(const char *s, size_t n, pc_arena *a, pc_norm *out);

/* The original byte span of normalized bytes [s, e) (s < e <= len). */
void pc_norm_span(const pc_norm *nm, size_t s, size_t e, size_t *os, size_t *oe);

/* The original text s[0..n) as it goes into a PETRARCH <Text>: invalid
 * UTF-8 replaced by U+FFFD, control characters by spaces, every run of
 * ASCII white space collapsed to one space, trimmed.  NULL on OOM. */
char *pc_text_clean(const char *s, size_t n, pc_arena *a);

#endif
