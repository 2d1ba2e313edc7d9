/* finreader.h -- reading PETRARCH2 dictionary files line by line, and the
 * small Python-string operations the dictionary readers are written in.
 *
 * PETRARCH2 reads the actor, agent, discard and issue files with open_FIN /
 * read_FIN_line (io.open(..., encoding='utf-8'): unicode text, universal
 * newlines), but the verb file with a plain open() and `for line in file`
 * (byte strings, lines end at '\n' only).  pc_fin offers both:
 * pc_fin_read_line is read_FIN_line, pc_fin_raw_line is the file iterator.
 *
 * Strings are UTF-8 spans; helpers that build new strings take a scratch
 * arena (the readers reset theirs once per line). */
#ifndef PC_FINREADER_H
#define PC_FINREADER_H

#include <stddef.h>
#include <string.h>

#include "petrarch.h"
#include "../util/arena.h"
#include "../util/pystr.h"
#include "dnode.h"

typedef struct pc_fin {
    const char *path;
    char *buf;          /* the whole file (newline-translated in FIN mode) */
    size_t len, pos;
    long lineno;        /* physical lines consumed so far (PETRARCH2's FINnline) */
    char *line;         /* the current line, edited by read_FIN_line */
    size_t n, cap;
    pc_warn_fn warn;
    void *ud;
} pc_fin;

/* Read path into memory.  universal_newlines: translate "\r\n" and "\r" to
 * "\n" as io.open does (FIN files); 0 for the verb file.  Invalid UTF-8 is
 * reported once as a warning (PETRARCH2 would stop with UnicodeDecodeError)
 * and passed through.  PC_ERR_IO when the file cannot be read. */
pc_status pc_fin_open(pc_fin *f, const char *path, int universal_newlines,
                      pc_warn_fn warn, void *ud, pc_error *err);
void pc_fin_close(pc_fin *f);

/* `for line in file`: the next physical line including its '\n' (the last
 * line may lack it).  1, or 0 at end of file.  f->lineno is its number. */
int pc_fin_raw_line(pc_fin *f, pc_span *line);

/* read_FIN_line(): the next line that is not blank and not a comment, with
 * '#...' cut off and <!-- --> comments removed, exactly as PETRARCH2 does
 * (quirks included, see finreader.c).  1 with *line (valid until the next
 * call), 0 at end of file, -1 on OOM.  f->lineno is the line's number. */
int pc_fin_read_line(pc_fin *f, pc_span *line);

/* Report a problem at the current line (file:line) to the warn callback. */
void pc_fin_warn(const pc_fin *f, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* node = node.setdefault(key, {}) for the tries the FIN readers build.
 * 0 on success, -1 on OOM, 1 (warned) when key holds an entry rather than a
 * node: a '#' word can get there (see finreader.c), and Python fails then. */
int pc_fin_step(const pc_fin *f, pc_arena *a, pc_dnode **node, const char *key);

/* ---------------------------------------------------- Python str helpers */

/* Which whitespace strip()/split() use: Python 2 unicode (the FIN files and
 * most verb-file operations) or Python 2 byte str (ASCII " \t\n\v\f\r"; a
 * few verb-file operations act on the raw byte line). */
typedef enum pc_ws { PC_WS_UNICODE, PC_WS_BYTES } pc_ws;

static inline pc_span pc_sp(const char *p, size_t n)
{
    pc_span s = {p, n};
    return s;
}
/* span of a NUL-terminated string */
static inline pc_span pc_sz(const char *s)
{
    return pc_sp(s, strlen(s));
}

pc_span pc_strip(pc_span s, pc_ws ws);
/* Byte length of the whitespace character at s.p[i], 0 if it is none. */
size_t pc_space_len(pc_span s, size_t i, pc_ws ws);
/* s.split(): -1 on OOM. */
long pc_split_ws(pc_arena *a, pc_span s, pc_ws ws, pc_span **out);
/* s.split(sep) for a non-empty sep: always >= 1 part; -1 on OOM. */
long pc_split_sep(pc_arena *a, pc_span s, const char *sep, pc_span **out);
/* s.find(needle, from): byte offset or -1.  (These small ones are inline:
 * the readers call them millions of times, mostly with literal arguments
 * whose strlen the compiler folds.) */
long pc_find_slow(pc_span s, const char *needle, size_t k, size_t from);
static inline long pc_find(pc_span s, const char *needle, size_t from)
{
    size_t k = strlen(needle);
    if (k == 1) {
        if (from >= s.n)
            return -1;
        const char *hit = memchr(s.p + from, needle[0], s.n - from);
        return hit ? (long)(hit - s.p) : -1;
    }
    return pc_find_slow(s, needle, k, from);
}
static inline int pc_contains(pc_span s, const char *needle)
{
    return pc_find(s, needle, 0) >= 0;
}
static inline int pc_startswith(pc_span s, const char *prefix)
{
    size_t k = strlen(prefix);
    return s.n >= k && memcmp(s.p, prefix, k) == 0;
}
static inline int pc_endswith(pc_span s, const char *suffix)
{
    size_t k = strlen(suffix);
    return s.n >= k && memcmp(s.p + s.n - k, suffix, k) == 0;
}
static inline int pc_eq(pc_span s, const char *z)
{
    size_t k = strlen(z);
    return s.n == k && memcmp(s.p, z, k) == 0;
}
/* s.replace(old, new, count) with count < 0 meaning all; NUL-terminated
 * result in a (NULL on OOM).  old must not be empty. */
char *pc_replace_n(pc_arena *a, pc_span s, const char *old, size_t ko, const char *new_,
                   size_t kn, long count);
static inline char *pc_replace(pc_arena *a, pc_span s, const char *old, const char *new_,
                               long count)
{
    return pc_replace_n(a, s, old, strlen(old), new_, strlen(new_), count);
}
/* Concatenate spans into a NUL-terminated string in a (NULL on OOM). */
char *pc_concat(pc_arena *a, size_t nparts, const pc_span *parts);
/* Byte length of the last code point of s (0 if s is empty): s[:-1]. */
size_t pc_last_char_len(pc_span s);
/* Does s contain a byte >= 0x80? */
int pc_has_non_ascii(pc_span s);

#endif
