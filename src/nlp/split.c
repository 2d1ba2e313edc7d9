/* split.c -- see split.h for the rules.  Lines -> blocks -> paragraphs ->
 * sentences, each a linear scan; nothing is copied, only spans recorded. */
#include "split.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "abbrev.h"
#include "ascii.h"
#include "boilerplate.h"
#include "dateline.h"

typedef struct line {
    size_t s, e;      /* trimmed span; s == e for a blank line */
    int skipped;
} line;

typedef struct splitter {
    const char *t;
    pc_arena *a;
    pc_split_result *r;
    size_t cap_sents, cap_skips;
    int oom;
    int seen_text;    /* a paragraph of text came already (no dateline after it) */
} splitter;

const char *pc_skip_kind_name(pc_skip_kind k)
{
    switch (k) {
    case PC_SKIP_DATE_HEADER: return "date header";
    case PC_SKIP_DATELINE: return "dateline";
    case PC_SKIP_BOILERPLATE: return "boilerplate";
    case PC_SKIP_SUBHEAD: return "subhead";
    }
    return "?";
}

static int is_closer(char c) { return c == '\'' || c == '"' || c == ')' || c == ']' || c == '}'; }
static int is_opener(char c)
{
    return c == '`' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
}

/* Unicode category of the character at s (n > 0 bytes) */
static utf8proc_category_t category_at(const char *s, size_t n)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp) <= 0)
        return UTF8PROC_CATEGORY_CN;
    return utf8proc_category(cp);
}

static int lower_at(const char *s, size_t n)
{
    return n > 0 && category_at(s, n) == UTF8PROC_CATEGORY_LL;
}

static int upper_at(const char *s, size_t n)
{
    utf8proc_category_t c = n > 0 ? category_at(s, n) : UTF8PROC_CATEGORY_CN;
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int skip_cmp(const void *x, const void *y)
{
    const pc_skip *a = x, *b = y;
    return (a->start > b->start) - (a->start < b->start);
}

/* Array v (n elements of elem bytes used, *cap allocated) with room for one
 * more: v itself or its moved copy; NULL (and z->oom) when out of memory. */
static void *room(splitter *z, void *v, size_t n, size_t *cap, size_t elem)
{
    if (z->oom)
        return NULL;
    if (n < *cap)
        return v;
    size_t c = *cap ? *cap * 2 : 16;
    void *nv = pc_arena_realloc(z->a, v, *cap * elem, c * elem);
    if (!nv) {
        z->oom = 1;
        return NULL;
    }
    *cap = c;
    return nv;
}

static void add_sent(splitter *z, size_t s, size_t e)
{
    while (s < e && pc_is_space(z->t[s]))
        s++;
    while (e > s && pc_is_space(z->t[e - 1]))
        e--;
    pc_split_result *r = z->r;
    pc_span *v = s < e ? room(z, r->sents, r->n_sents, &z->cap_sents, sizeof *v) : NULL;
    if (!v)
        return;
    r->sents = v;
    r->sents[r->n_sents++] = (pc_span){s, e};
}

static void add_skip(splitter *z, size_t s, size_t e, pc_skip_kind k)
{
    while (e > s && pc_is_space(z->t[e - 1]))
        e--;
    pc_split_result *r = z->r;
    pc_skip *v = room(z, r->skips, r->n_skips, &z->cap_skips, sizeof *v);
    if (!v)
        return;
    r->skips = v;
    r->skips[r->n_skips++] = (pc_skip){s, e, k};
}

/* t[s..e) ends a sentence: . ? or ! before any closing quotes/brackets */
static int ends_sentence(const char *t, size_t s, size_t e)
{
    while (e > s && (is_closer(t[e - 1]) || pc_is_space(t[e - 1])))
        e--;
    return e > s && (t[e - 1] == '.' || t[e - 1] == '?' || t[e - 1] == '!');
}

static size_t count_words(const char *t, size_t s, size_t e)
{
    size_t w = 0;
    for (size_t i = s; i < e; i++)
        w += !pc_is_space(t[i]) && (i == s || pc_is_space(t[i - 1]));
    return w;
}

/* Is the period/?/! run t[i..j) (followed by closers up to k, then the next
 * word at q, paragraph start ss) a sentence boundary? */
static int is_boundary(const char *t, size_t ss, size_t i, size_t j, size_t q, size_t pe)
{
    if (lower_at(t + q, pe - q))
        return 0;
    if (j - i != 1 || t[i] != '.')
        return 1; /* ?, !, ?!, or four or more dots */
    size_t ws = i;
    while (ws > ss && !pc_is_space(t[ws - 1]))
        ws--;
    while (ws < i && is_opener(t[ws]))
        ws++;
    size_t nw = q;
    while (nw < pe && ((t[nw] >= 'a' && t[nw] <= 'z') || (t[nw] >= 'A' && t[nw] <= 'Z')))
        nw++;
    switch (pc_abbrev_kind_of(t + ws, i - ws)) {
    case PC_ABBREV_INTERNAL: return 0;
    case PC_ABBREV_NUMBER: return !pc_is_digit(t[q]);
    case PC_ABBREV_BEFORE_NAME: return pc_abbrev_sentence_opener(t + q, nw - q);
    case PC_ABBREV_GENERAL: return upper_at(t + q, pe - q);
    case PC_ABBREV_NONE: break;
    }
    return 1;
}

/* The end of the closing quotes and brackets after a sentence's final
 * punctuation at j: those right after it, and a closing double quote after
 * a space (French "... continue. »"). */
static size_t closers_end(const char *t, size_t j, size_t pe)
{
    size_t k = j;
    while (k < pe && is_closer(t[k]))
        k++;
    size_t m = k;
    while (m < pe && pc_is_space(t[m]) && t[m] != '\n')
        m++;
    if (m > k && m + 1 < pe && t[m] == '\'' && t[m + 1] == '\'' &&
        (m + 2 == pe || pc_is_space(t[m + 2])))
        k = m + 2;
    return k;
}

static void split_paragraph(splitter *z, size_t ps, size_t pe)
{
    const char *t = z->t;
    size_t ss = ps;
    for (size_t i = ps; i < pe;) {
        char c = t[i];
        if (c != '.' && c != '?' && c != '!') {
            i++;
            continue;
        }
        size_t j = i, dots = 0;
        while (j < pe && (t[j] == '.' || t[j] == '?' || t[j] == '!'))
            dots += t[j++] == '.';
        if (dots == j - i && (dots == 2 || dots == 3)) { /* an ellipsis */
            i = j;
            continue;
        }
        size_t k = closers_end(t, j, pe);
        if (k < pe && !pc_is_space(t[k])) { /* inside a token: 3.5, U.S.-led */
            i = j;
            continue;
        }
        size_t nx = k;
        while (nx < pe && pc_is_space(t[nx]))
            nx++;
        if (nx >= pe)
            break;
        size_t q = nx;
        while (q < pe && is_opener(t[q]))
            q++;
        if (q < pe && is_boundary(t, ss, i, j, q, pe)) {
            add_sent(z, ss, k);
            ss = nx;
            i = nx;
        } else {
            i = j;
        }
    }
    add_sent(z, ss, pe);
}

static void paragraph(splitter *z, size_t ps, size_t pe)
{
    const char *t = z->t;
    if (!ends_sentence(t, ps, pe) && count_words(t, ps, pe) <= 3) {
        add_skip(z, ps, pe, PC_SKIP_SUBHEAD);
        return;
    }
    if (!z->seen_text) {
        size_t as, ae, d = pc_dateline(t + ps, pe - ps, &as, &ae);
        if (d) {
            add_skip(z, ps, ps + d, PC_SKIP_DATELINE);
            if (ae > as) {
                z->r->agency_start = ps + as;
                z->r->agency_end = ps + ae;
            }
            ps += d;
        }
        /* a title above the dateline (no final punctuation) is not yet the text */
        z->seen_text = ends_sentence(t, ps, pe);
    }
    split_paragraph(z, ps, pe);
}

/* Is the line starting at s (after opening quotes) capitalized? */
static int starts_upper(const char *t, size_t s, size_t e)
{
    while (s < e && is_opener(t[s]))
        s++;
    return s < e && (upper_at(t + s, e - s) || pc_is_digit(t[s]));
}

/* lines[0..m): one block of consecutive text lines (rule 3 of split.h) */
static void block(splitter *z, const line *l, size_t m)
{
    const char *t = z->t;
    size_t ends = 0, longest = 0;
    for (size_t k = 0; k < m; k++) {
        if (k + 1 < m)
            ends += (size_t)ends_sentence(t, l[k].s, l[k].e);
        if (l[k].e - l[k].s > longest)
            longest = l[k].e - l[k].s;
    }
    int line_mode = 2 * ends >= m - 1;
    size_t first = 0;
    for (size_t k = 0; k < m; k++) {
        int brk = k + 1 == m || line_mode;
        if (!brk && !ends_sentence(t, l[k].s, l[k].e) &&
            (l[k].e - l[k].s) * 10 < longest * 6 && starts_upper(t, l[k + 1].s, l[k + 1].e))
            brk = 1;
        if (brk) {
            paragraph(z, l[first].s, l[k].e);
            first = k + 1;
        }
    }
}

int pc_split(const char *text, size_t n, pc_arena *a, pc_split_result *out)
{
    memset(out, 0, sizeof *out);
    splitter z = {.t = text, .a = a, .r = out};
    size_t nlines = 1;
    for (size_t i = 0; i < n; i++)
        nlines += text[i] == '\n';
    line *lines = pc_arena_alloc(a, nlines * sizeof *lines);
    if (!lines)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i <= n; m++) {
        size_t e = i;
        while (e < n && text[e] != '\n')
            e++;
        size_t s = i, te = e;
        while (s < te && pc_is_space(text[s]))
            s++;
        while (te > s && pc_is_space(text[te - 1]))
            te--;
        lines[m] = (line){s, te, 0};
        i = e + 1;
    }
    int first = 1;
    for (size_t k = 0; k < m; k++) {
        line *l = &lines[k];
        if (l->s == l->e)
            continue;
        if (first && pc_date_header(text + l->s, l->e - l->s, out->date)) {
            l->skipped = 1;
            add_skip(&z, l->s, l->e, PC_SKIP_DATE_HEADER);
        } else if (pc_is_boilerplate(text + l->s, l->e - l->s)) {
            l->skipped = 1;
            add_skip(&z, l->s, l->e, PC_SKIP_BOILERPLATE);
        }
        first = 0;
    }
    for (size_t k = 0; k < m;) {
        if (lines[k].s == lines[k].e || lines[k].skipped) {
            k++;
            continue;
        }
        size_t b = k;
        while (k < m && lines[k].s != lines[k].e && !lines[k].skipped)
            k++;
        block(&z, lines + b, k - b);
    }
    if (z.oom)
        return -1;
    /* boilerplate was found in a first pass: put every skip in text order */
    if (out->n_skips > 1)
        qsort(out->skips, out->n_skips, sizeof *out->skips, skip_cmp);
    return 0;
}
