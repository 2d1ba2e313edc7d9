/* ascii.h -- the byte tests the text modules (normalize, split, dateline,
 * boilerplate, abbrev, tokenize) share.  They look at single ASCII bytes of
 * UTF-8 text: a byte of a multi-byte character is never a letter, digit or
 * space here (the callers ask utf8proc where Unicode classes matter).
 * White space is what the normalizer leaves: space, tab and LF. */
#ifndef PC_NLP_ASCII_H
#define PC_NLP_ASCII_H

#include <stddef.h>
#include <string.h>

static inline int pc_is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline int pc_is_lower(char c) { return c >= 'a' && c <= 'z'; }
static inline int pc_is_alpha(char c) { return pc_is_upper(c) || pc_is_lower(c); }
static inline int pc_is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int pc_is_alnum(char c) { return pc_is_alpha(c) || pc_is_digit(c); }
static inline int pc_is_hspace(char c) { return c == ' ' || c == '\t'; }
static inline int pc_is_space(char c) { return pc_is_hspace(c) || c == '\n'; }
static inline char pc_to_lower(char c) { return pc_is_upper(c) ? (char)(c - 'A' + 'a') : c; }
static inline char pc_to_upper(char c) { return pc_is_lower(c) ? (char)(c - 'a' + 'A') : c; }

/* s[0..n) starts with pre (given in lower case), in any case. */
static inline int pc_prefix_ci(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    if (k > n)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (pc_to_lower(s[i]) != pre[i])
            return 0;
    return 1;
}

#endif
