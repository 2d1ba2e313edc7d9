/* pystr.h -- Python 2 unicode string operations that PETRARCH2's results
 * depend on: upper() (simple case mapping) and split() (on Unicode
 * whitespace).  Text is UTF-8; invalid bytes pass through unchanged. */
#ifndef PC_PYSTR_H
#define PC_PYSTR_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* A slice of a string. */
typedef struct pc_span {
    const char *p;
    size_t n;
} pc_span;

/* Is code point c whitespace for Python 2's unicode.isspace()/split()? */
int pc_py_isspace_slow(int32_t c);
static inline int pc_py_isspace(int32_t c)
{
    if (c < 128)
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return pc_py_isspace_slow(c);
}

/* Python's s.upper(), allocated in a (NUL-terminated).  NULL on OOM. */
char *pc_py_upper(pc_arena *a, const char *s, size_t n);

/* Python's s.split(): the spans of s between runs of whitespace.  Returns the
 * number of words; *out is allocated in a (NULL on OOM with -1 returned). */
long pc_py_split(pc_arena *a, const char *s, size_t n, pc_span **out);

/* Decode one UTF-8 code point at s (n bytes available); *len gets its byte
 * length (1 for an invalid byte, returned as -1). */
int32_t pc_utf8_decode(const char *s, size_t n, size_t *len);

#endif
