/* finreader.c -- see finreader.h.
 *
 * pc_fin_read_line is a literal port of PETRreader.read_FIN_line, whose
 * quirks matter because they decide which lines the readers see:
 *   - A line whose first character is '#', or that starts with "<!", or that
 *     is blank (unicode strip) is skipped -- so the first line of a
 *     multi-line "<!-- ..." comment is skipped but the lines after it are
 *     NOT treated as comment (only "<!--" found after other text opens a
 *     multi-line comment).
 *   - Everything from the first '#' is cut before comments are looked for,
 *     so "<!-- a # b -->" becomes "<!-- a " and opens a multi-line comment.
 *   - "x <!-- c --> y" becomes "x  y" (one comment per line; when "-->"
 *     only occurs before "<!--", Python's find() gives -1 and the text after
 *     "<!--" loses its first two characters).
 *   - After a multi-line comment the next physical line is returned as it is
 *     if it is not blank: no '#' cut, no comment check.
 *   - PETRARCH2 loops forever on an unterminated multi-line comment; we stop
 *     at end of file with a warning.
 */
#include "finreader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "../util/error.h"
#include "../util/alloc.h"

/* ------------------------------------------------------------ file input */

static int read_all(FILE *fp, char **out, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = pc_malloc(cap);
    if (!buf)
        return -1;
    for (;;) {
        if (n == cap) {
            char *nb = pc_realloc(buf, cap * 2);
            if (!nb) {
                pc_free(buf);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        pc_free(buf);
        return -2;
    }
    *out = buf;
    *len = n;
    return 0;
}

/* io.open's universal newlines: "\r\n" and "\r" end a line as "\n". */
static size_t translate_newlines(char *b, size_t n)
{
    const char *cr = memchr(b, '\r', n);
    if (!cr)
        return n; /* the usual case: nothing to do */
    size_t o = (size_t)(cr - b);
    for (size_t i = o; i < n; i++) {
        if (b[i] == '\r') {
            b[o++] = '\n';
            if (i + 1 < n && b[i + 1] == '\n')
                i++;
        } else {
            b[o++] = b[i];
        }
    }
    return o;
}

/* Line number (1-based) of the first invalid UTF-8 sequence, 0 if none.
 * (ASCII is skipped 8 bytes at a time; lines are counted only for a bad
 * file.) */
static long first_invalid_utf8(const char *b, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (i + 8 <= n) {
            memcpy(&w, b + i, 8);
            if (!(w & 0x8080808080808080u)) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)b[i] < 0x80) {
            i++;
            continue;
        }
        size_t len;
        if (pc_utf8_decode(b + i, n - i, &len) < 0) {
            long line = 1;
            for (const char *p = b; (p = memchr(p, '\n', (size_t)(b + i - p))) != NULL; p++)
                line++;
            return line;
        }
        i += len;
    }
    return 0;
}

void pc_fin_warn(const pc_fin *f, const char *fmt, ...)
{
    if (!f->warn)
        return;
    pc_error w;
    pc_error_clear(&w);
    char msg[sizeof w.message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pc_error_set(&w, PC_ERR_DICT, f->path, f->lineno, NULL, "%s", msg);
    f->warn(f->ud, &w);
}

pc_status pc_fin_open(pc_fin *f, const char *path, int universal_newlines,
                      pc_warn_fn warn, void *ud, pc_error *err)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->warn = warn;
    f->ud = ud;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "cannot open dictionary file %s", path);
    int r = read_all(fp, &f->buf, &f->len);
    fclose(fp);
    if (r == -1)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory reading %s", path);
    if (r < 0)
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "cannot read dictionary file %s", path);
    if (universal_newlines) {
        f->len = translate_newlines(f->buf, f->len);
        long bad = first_invalid_utf8(f->buf, f->len);
        if (bad) {
            f->lineno = bad;
            pc_fin_warn(f, "invalid UTF-8 (PETRARCH2 stops reading with a UnicodeDecodeError here)");
            f->lineno = 0;
        }
    }
    return PC_OK;
}

void pc_fin_close(pc_fin *f)
{
    pc_free(f->buf);
    pc_free(f->line);
    f->buf = f->line = NULL;
}

int pc_fin_raw_line(pc_fin *f, pc_span *line)
{
    if (f->pos >= f->len)
        return 0;
    const char *s = f->buf + f->pos;
    const char *nl = memchr(s, '\n', f->len - f->pos);
    size_t n = nl ? (size_t)(nl - s) + 1 : f->len - f->pos;
    f->pos += n;
    f->lineno++;
    *line = pc_sp(s, n);
    return 1;
}

/* FIN.readline(); FINnline += 1 -- into the editable f->line ("" at EOF). */
static int load(pc_fin *f)
{
    pc_span raw;
    if (!pc_fin_raw_line(f, &raw)) {
        f->lineno++; /* Python counts the empty read at EOF too */
        f->n = 0;
        return 0;
    }
    if (raw.n + 1 > f->cap) {
        size_t ncap = f->cap ? f->cap : 256;
        while (ncap < raw.n + 1)
            ncap *= 2;
        char *nl = pc_realloc(f->line, ncap);
        if (!nl)
            return -1;
        f->line = nl;
        f->cap = ncap;
    }
    memcpy(f->line, raw.p, raw.n);
    f->line[raw.n] = '\0';
    f->n = raw.n;
    return 0;
}

static int blank(const pc_fin *f)
{
    return pc_strip(pc_sp(f->line, f->n), PC_WS_UNICODE).n == 0;
}

int pc_fin_read_line(pc_fin *f, pc_span *out)
{
    if (load(f) < 0)
        return -1;
    for (;;) {
        if (f->n == 0)
            return 0; /* EOF */
        pc_span l = pc_sp(f->line, f->n);
        if (f->line[0] == '#' || f->line[0] == '\n' || pc_startswith(l, "<!") || blank(f)) {
            if (load(f) < 0)
                return -1;
            continue;
        }
        long h = pc_find(l, "#", 0);
        if (h >= 0)
            f->n = (size_t)h;
        l = pc_sp(f->line, f->n);
        long open = pc_find(l, "<!--", 0);
        if (open >= 0) {
            if (pc_contains(l, "-->")) {
                /* pline = line.partition('<!--');
                 * line = pline[0] + pline[2][pline[2].find('-->') + 3:] */
                pc_span tail = pc_sp(f->line + open + 4, f->n - (size_t)open - 4);
                long k = pc_find(tail, "-->", 0) + 3;
                size_t skip = (size_t)k < tail.n ? (size_t)k : tail.n;
                memmove(f->line + open, tail.p + skip, tail.n - skip);
                f->n = (size_t)open + tail.n - skip;
            } else {
                while (!pc_contains(pc_sp(f->line, f->n), "-->")) {
                    if (load(f) < 0)
                        return -1;
                    if (f->n == 0) {
                        pc_fin_warn(f, "unterminated <!-- comment (PETRARCH2 would loop forever)");
                        return 0;
                    }
                }
                if (load(f) < 0)
                    return -1;
            }
        }
        if (f->n > 0 && !blank(f))
            break;
        if (load(f) < 0)
            return -1;
    }
    f->line[f->n] = '\0';
    *out = pc_sp(f->line, f->n);
    return 1;
}

int pc_fin_step(const pc_fin *f, pc_arena *a, pc_dnode **node, const char *key)
{
    pc_dnode *n = dn_setdefault(a, *node, key);
    if (n) {
        *node = n;
        return 0;
    }
    const dn_entry *e = dn_get(*node, key);
    if (e && e->kind != DN_NODE) {
        pc_fin_warn(f, "the word '%s' runs into a dictionary entry (PETRARCH2 fails here); "
                       "skipped", key);
        return 1;
    }
    return -1;
}

/* ---------------------------------------------------- Python str helpers */


/* Byte classes for whitespace tests (loading spends most of its time
 * splitting and stripping lines, so these avoid decoding UTF-8):
 * 0 never whitespace, 1 ASCII whitespace (bytes and unicode), 2 whitespace
 * for unicode only (U+001C..U+001F), 3 a lead byte that may start a
 * non-ASCII space (C2: U+0085, U+00A0; E1: U+1680, U+180E; E2:
 * U+2000..U+205F; E3: U+3000).  A byte of class 0 is "not a space", and
 * stepping over non-spaces one byte at a time lands on the same boundaries
 * as decoding them (continuation bytes are never class 3). */
static const unsigned char CLS[256] = {
    [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [' '] = 1,
    [0x1c] = 2, [0x1d] = 2, [0x1e] = 2, [0x1f] = 2,
    [0xC2] = 3, [0xE1] = 3, [0xE2] = 3, [0xE3] = 3,
};

/* Byte length of the whitespace character at s[i] (i < n), 0 if none:
 * pc_utf8_decode + pc_py_isspace for unicode, str.isspace() for bytes. */
static inline size_t space_at(const char *s, size_t n, size_t i, pc_ws ws)
{
    unsigned char k = CLS[(unsigned char)s[i]];
    if (k <= 1)
        return k;
    if (ws == PC_WS_BYTES)
        return 0;
    if (k == 2)
        return 1;
    size_t len;
    int32_t cp = pc_utf8_decode(s + i, n - i, &len);
    return pc_py_isspace(cp) ? len : 0;
}

size_t pc_space_len(pc_span s, size_t i, pc_ws ws)
{
    return space_at(s.p, s.n, i, ws);
}

pc_span pc_strip(pc_span s, pc_ws ws)
{
    size_t i = 0, sp;
    while (i < s.n && (sp = space_at(s.p, s.n, i, ws)) > 0)
        i += sp;
    size_t end = s.n;
    while (end > i) {
        unsigned char c = (unsigned char)s.p[end - 1];
        if (c >= 0x80)
            break;
        if (!space_at(s.p, s.n, end - 1, ws))
            return pc_sp(s.p + i, end - i);
        end--;
    }
    /* A non-ASCII byte at the end: scan forward remembering where the last
     * non-space ends, as UTF-8 cannot be decoded backwards reliably when it
     * may be invalid. */
    size_t stop = end;
    end = i;
    for (size_t j = i; j < stop;) {
        sp = space_at(s.p, s.n, j, ws);
        if (sp) {
            j += sp;
            continue;
        }
        end = ++j;
    }
    return pc_sp(s.p + i, end - i);
}

static inline int push_span(pc_arena *a, pc_span **v, size_t *cnt, size_t *cap, pc_span s)
{
    if (*cnt == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        pc_span *nv = pc_arena_realloc(a, *v, *cap * sizeof **v, ncap * sizeof **v);
        if (!nv)
            return -1;
        *v = nv;
        *cap = ncap;
    }
    (*v)[(*cnt)++] = s;
    return 0;
}

/* (pc_py_split's results, faster: see CLS) */
/* Are the 8 bytes at p all ' '?  (Dictionary lines pad with long runs of
 * blanks before the codes and comments.) */
static inline int eight_blanks(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w == 0x2020202020202020u;
}

long pc_split_ws(pc_arena *a, pc_span s, pc_ws ws, pc_span **out)
{
    pc_span *v = NULL;
    size_t cnt = 0, cap = 0;
    size_t i = 0, sp;
    while (i < s.n) {
        while (i < s.n && (sp = space_at(s.p, s.n, i, ws)) > 0) {
            i += sp;
            while (i + 8 <= s.n && eight_blanks(s.p + i))
                i += 8;
        }
        if (i == s.n)
            break;
        size_t st = i;
        while (i < s.n && (CLS[(unsigned char)s.p[i]] == 0 || space_at(s.p, s.n, i, ws) == 0))
            i++;
        if (push_span(a, &v, &cnt, &cap, pc_sp(s.p + st, i - st)) < 0)
            return -1;
    }
    if (!v && !(v = pc_arena_alloc(a, sizeof *v)))
        return -1;
    *out = v;
    return (long)cnt;
}

long pc_split_sep(pc_arena *a, pc_span s, const char *sep, pc_span **out)
{
    pc_span *v = NULL;
    size_t cnt = 0, cap = 0, k = strlen(sep), st = 0;
    long at;
    while ((at = pc_find(s, sep, st)) >= 0) {
        if (push_span(a, &v, &cnt, &cap, pc_sp(s.p + st, (size_t)at - st)) < 0)
            return -1;
        st = (size_t)at + k;
    }
    if (push_span(a, &v, &cnt, &cap, pc_sp(s.p + st, s.n - st)) < 0)
        return -1;
    *out = v;
    return (long)cnt;
}

long pc_find_slow(pc_span s, const char *needle, size_t k, size_t from)
{
    if (k == 0)
        return from <= s.n ? (long)from : -1;
    if (s.n < k)
        return -1;
    for (size_t i = from; i + k <= s.n; i++) {
        const char *hit = memchr(s.p + i, needle[0], s.n - k + 1 - i);
        if (!hit)
            return -1;
        i = (size_t)(hit - s.p);
        if (memcmp(hit, needle, k) == 0)
            return (long)i;
    }
    return -1;
}

/* pc_find with the needle's length known */
static inline long find_k(pc_span s, const char *needle, size_t k, size_t from)
{
    if (k == 1) {
        if (from >= s.n)
            return -1;
        const char *hit = memchr(s.p + from, needle[0], s.n - from);
        return hit ? (long)(hit - s.p) : -1;
    }
    return pc_find_slow(s, needle, k, from);
}

char *pc_replace_n(pc_arena *a, pc_span s, const char *old, size_t ko, const char *new_,
                   size_t kn, long count)
{
    if (ko == 1 && (count == 0 || !memchr(s.p, old[0], s.n)))
        return pc_arena_strndup(a, s.p, s.n); /* nothing to replace: a copy */
    size_t hits = 0;
    for (long at = find_k(s, old, ko, 0); at >= 0 && (count < 0 || (long)hits < count);
         at = find_k(s, old, ko, (size_t)at + ko))
        hits++;
    char *out = pc_arena_alloc(a, s.n + hits * kn + 1);
    if (!out)
        return NULL;
    size_t o = 0, st = 0, done = 0;
    long at;
    while (done < hits && (at = find_k(s, old, ko, st)) >= 0) {
        memcpy(out + o, s.p + st, (size_t)at - st);
        o += (size_t)at - st;
        memcpy(out + o, new_, kn);
        o += kn;
        st = (size_t)at + ko;
        done++;
    }
    memcpy(out + o, s.p + st, s.n - st);
    o += s.n - st;
    out[o] = '\0';
    return out;
}

char *pc_concat(pc_arena *a, size_t nparts, const pc_span *parts)
{
    size_t n = 0;
    for (size_t i = 0; i < nparts; i++)
        n += parts[i].n;
    char *out = pc_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < nparts; i++) {
        if (parts[i].n)
            memcpy(out + o, parts[i].p, parts[i].n);
        o += parts[i].n;
    }
    out[o] = '\0';
    return out;
}

size_t pc_last_char_len(pc_span s)
{
    if (s.n == 0)
        return 0;
    /* Forward scan (see pc_strip): the start of the last code point. */
    size_t last = 0;
    for (size_t i = 0; i < s.n;) {
        size_t len;
        pc_utf8_decode(s.p + i, s.n - i, &len);
        last = i;
        i += len;
    }
    return s.n - last;
}

int pc_has_non_ascii(pc_span s)
{
    for (size_t i = 0; i < s.n; i++)
        if ((unsigned char)s.p[i] >= 0x80)
            return 1;
    return 0;
}
