/* normalize.c -- see normalize.h.
 *
 * One pass over the input.  ASCII and the mapped characters go straight to
 * the output; other non-ASCII characters are gathered into a run (with the
 * ASCII letter before a leading combining mark, which may compose with it)
 * and the run is put into NFC with utf8proc.  A run's output bytes map to
 * their own original characters when NFC kept the number of characters,
 * else all to the run's span (only composed/decomposed sequences, which
 * sit inside one word anyway).  Runs are capped so that the work buffers
 * are fixed-size whatever the input. */
#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define RUN_MAX 64                      /* code points per NFC run */
#define DECOMP_MAX (RUN_MAX * 4 + 16)   /* canonical decomposition is <= 4 per char */

typedef struct nz {
    char *out;
    size_t *os, *oe;
    size_t len, cap;
    int oom;
    int last_ascii;    /* the last output byte is a literal ASCII character */
    size_t invalid;
    /* the pending run */
    int32_t cp[RUN_MAX];
    size_t cs[RUN_MAX], ce[RUN_MAX];
    size_t nrun;
} nz;

static int grow(nz *z, size_t need)
{
    if (z->len + need <= z->cap)
        return 0;
    size_t cap = z->cap * 2 + need;
    char *o = realloc(z->out, cap + 1);
    if (o)
        z->out = o;
    size_t *a = o ? realloc(z->os, (cap + 1) * sizeof *a) : NULL;
    if (a)
        z->os = a;
    size_t *b = a ? realloc(z->oe, (cap + 1) * sizeof *b) : NULL;
    if (b)
        z->oe = b;
    if (!b) {
        z->oom = 1;
        return -1;
    }
    z->cap = cap;
    return 0;
}

static void emit(nz *z, const char *bytes, size_t k, size_t os, size_t oe)
{
    if (grow(z, k) < 0)
        return;
    for (size_t i = 0; i < k; i++) {
        z->out[z->len] = bytes[i];
        z->os[z->len] = os;
        z->oe[z->len] = oe;
        z->len++;
    }
}

static void emit_cp(nz *z, int32_t cp, size_t os, size_t oe)
{
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, buf);
    emit(z, (const char *)buf, (size_t)k, os, oe);
}

/* A single character that NFC leaves alone: no decomposition, a starter. */
static int nfc_stable(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->decomp_seqindex == UINT16_MAX && p->combining_class == 0;
}

static void flush_run(nz *z)
{
    size_t n = z->nrun;
    if (n == 0)
        return;
    z->nrun = 0;
    z->last_ascii = 0;
    if (n == 1 && nfc_stable(z->cp[0])) {
        emit_cp(z, z->cp[0], z->cs[0], z->ce[0]);
        return;
    }
    utf8proc_uint8_t utf8[RUN_MAX * 4];
    size_t ul = 0;
    for (size_t i = 0; i < n; i++)
        ul += (size_t)utf8proc_encode_char(z->cp[i], utf8 + ul);
    utf8proc_int32_t buf[DECOMP_MAX];
    utf8proc_ssize_t m = utf8proc_decompose(utf8, (utf8proc_ssize_t)ul, buf, DECOMP_MAX,
                                            UTF8PROC_DECOMPOSE | UTF8PROC_STABLE);
    if (m >= 0 && m <= DECOMP_MAX)
        m = utf8proc_normalize_utf32(buf, m, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (m < 0 || m > DECOMP_MAX) { /* cannot happen with valid code points: keep as is */
        for (size_t i = 0; i < n; i++)
            emit_cp(z, z->cp[i], z->cs[i], z->ce[i]);
        return;
    }
    for (size_t i = 0; i < (size_t)m; i++) {
        if ((size_t)m == n)
            emit_cp(z, buf[i], z->cs[i], z->ce[i]);
        else
            emit_cp(z, buf[i], z->cs[0], z->ce[n - 1]);
    }
}

static void run_add(nz *z, int32_t cp, size_t os, size_t oe)
{
    if (z->nrun == RUN_MAX)
        flush_run(z);
    if (z->nrun == 0 && z->last_ascii && z->len > 0 &&
        utf8proc_get_property(cp)->combining_class != 0) {
        /* a combining mark after an ASCII letter: compose them together */
        z->len--;
        z->cp[0] = (unsigned char)z->out[z->len];
        z->cs[0] = z->os[z->len];
        z->ce[0] = z->oe[z->len];
        z->nrun = 1;
    }
    z->cp[z->nrun] = cp;
    z->cs[z->nrun] = os;
    z->ce[z->nrun] = oe;
    z->nrun++;
}

/* The replacement of a non-ASCII character, or NULL to keep it. */
static const char *mapped(int32_t cp)
{
    if (cp < 0xA0) { /* C1 controls: Windows-1252 as news feeds mean them */
        switch (cp) {
        case 0x85: return "...";
        case 0x91: return "`";
        case 0x92: return "'";
        case 0x93: return "``";
        case 0x94: return "''";
        case 0x96:
        case 0x97: return "--";
        default: return " ";
        }
    }
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return " ";
    case 0xAD: case 0x200B: case 0x2060: case 0xFEFF: return "";
    case 0xAB: case 0x201C: case 0x201E: case 0x201F: return "``";
    case 0xBB: case 0x201D: return "''";
    case 0x2018: case 0x201B: case 0x2039: return "`";
    case 0xB4: case 0x2BC: case 0x2019: case 0x203A: return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: return "-";
    case 0x2013: case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: return "--";
    case 0x2026: return "...";
    case 0x2028: return "\n";
    case 0x2029: return "\n\n";
    default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return " ";
    return NULL;
}

/* Decode one character at s[i]; invalid bytes decode as U+FFFD, length 1. */
static size_t decode(const char *s, size_t n, size_t i, int32_t *cp, int *bad)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &c);
    if (r <= 0) {
        *cp = 0xFFFD;
        *bad = 1;
        return 1;
    }
    *cp = c;
    *bad = 0;
    return (size_t)r;
}

int pc_normalize(const char *s, size_t n, pc_arena *a, pc_norm *out)
{
    memset(out, 0, sizeof *out);
    nz z;
    memset(&z, 0, sizeof z);
    if (grow(&z, n + n / 8 + 16) < 0)
        goto oom;
    for (size_t i = 0; i < n && !z.oom;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            flush_run(&z);
            if (c == '\r') {
                size_t k = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                emit(&z, "\n", 1, i, i + k);
                i += k;
                z.last_ascii = 0;
                continue;
            }
            char ch = (char)c;
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                ch = ' ';
            emit(&z, &ch, 1, i, i + 1);
            z.last_ascii = ch == (char)c;
            i++;
            continue;
        }
        int32_t cp;
        int bad;
        size_t k = decode(s, n, i, &cp, &bad);
        if (bad && z.invalid++ == 0)
            out->first_invalid = i;
        const char *rep = bad ? NULL : mapped(cp);
        if (rep) {
            flush_run(&z);
            emit(&z, rep, strlen(rep), i, i + k);
            z.last_ascii = 0;
        } else {
            run_add(&z, cp, i, i + k);
        }
        i += k;
    }
    flush_run(&z);
    if (z.oom)
        goto oom;
    out->text = pc_arena_alloc(a, z.len + 1);
    out->orig_start = pc_arena_alloc(a, (z.len + 1) * sizeof(size_t));
    out->orig_end = pc_arena_alloc(a, (z.len + 1) * sizeof(size_t));
    if (!out->text || !out->orig_start || !out->orig_end)
        goto oom;
    memcpy(out->text, z.out, z.len);
    out->text[z.len] = '\0';
    memcpy(out->orig_start, z.os, z.len * sizeof(size_t));
    memcpy(out->orig_end, z.oe, z.len * sizeof(size_t));
    out->orig_start[z.len] = out->orig_end[z.len] = n;
    out->len = z.len;
    out->invalid = z.invalid;
    free(z.out);
    free(z.os);
    free(z.oe);
    return 0;
oom:
    free(z.out);
    free(z.os);
    free(z.oe);
    memset(out, 0, sizeof *out);
    return -1;
}

void pc_norm_span(const pc_norm *nm, size_t s, size_t e, size_t *os, size_t *oe)
{
    if (s > nm->len)
        s = nm->len;
    if (e > nm->len)
        e = nm->len;
    *os = nm->orig_start[s];
    *oe = e > s ? nm->orig_end[e - 1] : *os;
    if (*oe < *os)
        *oe = *os;
}

/* White space and invisible characters as <Text> collapses them. */
static int is_space_cp(int32_t cp)
{
    return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

char *pc_text_clean(const char *s, size_t n, pc_arena *a)
{
    char *o = pc_arena_alloc(a, n * 3 + 1); /* U+FFFD is 3 bytes per bad byte */
    if (!o)
        return NULL;
    size_t len = 0;
    int pending = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int bad;
        size_t k = decode(s, n, i, &cp, &bad);
        if (!bad && is_space_cp(cp)) {
            pending = len > 0;
        } else {
            if (pending)
                o[len++] = ' ';
            pending = 0;
            if (bad)
                len += (size_t)utf8proc_encode_char(0xFFFD, (utf8proc_uint8_t *)o + len);
            else {
                memcpy(o + len, s + i, k);
                len += k;
            }
        }
        i += k;
    }
    o[len] = '\0';
    return o;
}
