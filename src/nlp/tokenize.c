/* tokenize.c -- see tokenize.h.  A hand-written scanner: at each position
 * one rule decides the next token(s) from the character there and a few
 * characters around it, so the whole sentence is one linear pass. */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "abbrev.h"
#include "ascii.h"

typedef struct tk {
    const char *t;
    size_t n;
    pc_arena *a;
    pc_token *v;
    size_t len, cap;
    int oom;
} tk;


static void push(tk *z, const char *word, size_t wl, size_t s, size_t e)
{
    if (z->oom)
        return;
    if (z->len == z->cap) {
        size_t cap = z->cap ? z->cap * 2 : 32;
        pc_token *v = pc_arena_realloc(z->a, z->v, z->cap * sizeof *v, cap * sizeof *v);
        if (!v) {
            z->oom = 1;
            return;
        }
        z->v = v;
        z->cap = cap;
    }
    char *w = pc_arena_strndup(z->a, word, wl);
    if (!w) {
        z->oom = 1;
        return;
    }
    z->v[z->len++] = (pc_token){w, s, e};
}

/* a token that is its own text */
static void push_span(tk *z, size_t s, size_t e) { push(z, z->t + s, e - s, s, e); }

static void push_lit(tk *z, const char *w, size_t s, size_t e) { push(z, w, strlen(w), s, e); }

/* Length of the character at i and whether it belongs in words (letters,
 * marks, digits; U+FFFD too, so damaged words stay whole). */
static size_t char_at(const tk *z, size_t i, int *wordish)
{
    unsigned char c = (unsigned char)z->t[i];
    if (c < 0x80) {
        *wordish = pc_is_alpha((char)c) || pc_is_digit((char)c);
        return 1;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)z->t + i,
                                          (utf8proc_ssize_t)(z->n - i), &cp);
    if (k <= 0) {
        *wordish = 1;
        return 1;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    *wordish = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) || cp == 0xFFFD;
    return (size_t)k;
}

static int wordish_at(const tk *z, size_t i)
{
    int w = 0;
    if (i < z->n)
        char_at(z, i, &w);
    return w;
}

static int letter_at(const tk *z, size_t i)
{
    if (i >= z->n)
        return 0;
    return pc_is_alpha(z->t[i]) || ((unsigned char)z->t[i] >= 0x80 && wordish_at(z, i));
}

/* t[i..] starts with lower-case s, in any case */
static int at_ci(const tk *z, size_t i, const char *s)
{
    return i <= z->n && pc_prefix_ci(z->t + i, z->n - i, s);
}

/* A clitic after an apostrophe at i ('s 'm 'd 're 've 'll 'em), not
 * followed by a letter: its length with the apostrophe, else 0. */
static size_t clitic_at(const tk *z, size_t i)
{
    static const char *const redaux[] = {"re", "ve", "ll", "em", "s", "m", "d"};
    if (i >= z->n || z->t[i] != '\'')
        return 0;
    for (size_t k = 0; k < sizeof redaux / sizeof redaux[0]; k++) {
        size_t l = strlen(redaux[k]);
        if (at_ci(z, i + 1, redaux[k]) && !letter_at(z, i + 1 + l))
            return 1 + l;
    }
    return 0;
}

/* only closing quotes/brackets and space from i to the end */
static int only_closers_after(const tk *z, size_t i)
{
    for (; i < z->n; i++) {
        char c = z->t[i];
        if (!pc_is_space(c) && c != '\'' && c != '"' && c != ')' && c != ']' && c != '}')
            return 0;
    }
    return 1;
}

/* URL: up to white space, minus trailing punctuation */
static size_t url_end(const tk *z, size_t i)
{
    size_t j = i;
    while (j < z->n && !pc_is_space(z->t[j]))
        j++;
    while (j > i && strchr(".,;:!?'\")]}>", z->t[j - 1]))
        j--;
    return j;
}

/* The end of the word core starting at i: letters/digits joined by
 * hyphens, periods, digit separators (1,200 12:55), / & @ _ and
 * apostrophes followed by letters (O'Malley).  Stops before a clitic and
 * before n't. */
static size_t core_end(const tk *z, size_t i, size_t *nt)
{
    const char *t = z->t;
    size_t j = i;
    *nt = 0;
    while (j < z->n) {
        int w;
        size_t k = char_at(z, j, &w);
        if (w) {
            j += k;
            continue;
        }
        char c = t[j];
        int next_w = wordish_at(z, j + 1);
        if (j == i)
            break;
        if (c == '\'') {
            if ((t[j - 1] == 'n' || t[j - 1] == 'N') && j - 1 > i && j + 1 < z->n &&
                (t[j + 1] == 't' || t[j + 1] == 'T') && !letter_at(z, j + 2)) {
                *nt = j - 1; /* do|n't */
                return j - 1;
            }
            if (clitic_at(z, j) || !letter_at(z, j + 1))
                break;
            j++;
            continue;
        }
        if ((c == '-' || c == '.' || c == '_' || c == '@' || c == '/') && next_w) {
            j++;
            continue;
        }
        if ((c == ',' || c == ':') && pc_is_digit(t[j - 1]) && j + 1 < z->n &&
            pc_is_digit(t[j + 1])) {
            j++;
            continue;
        }
        if (c == '&' && pc_is_upper(t[j - 1]) && j + 1 < z->n && pc_is_upper(t[j + 1])) {
            j++;
            continue;
        }
        /* U.S.-led: an acronym's period before a hyphenated part */
        if (c == '.' && j + 2 < z->n && t[j + 1] == '-' && wordish_at(z, j + 2) &&
            pc_abbrev_is_acronym(t + i, j - i)) {
            j++;
            continue;
        }
        break;
    }
    return j;
}

/* cannot -> can not, gonna -> gon na, ...: the split point, or 0 */
static size_t assimilation(const tk *z, size_t i, size_t j)
{
    static const struct { const char *w; size_t at; } as[] = {
        {"cannot", 3}, {"gonna", 3}, {"gotta", 3}, {"wanna", 3}, {"gimme", 3}, {"lemme", 3},
    };
    for (size_t k = 0; k < sizeof as / sizeof as[0]; k++)
        if (j - i == strlen(as[k].w) && at_ci(z, i, as[k].w))
            return i + as[k].at;
    return 0;
}

/* A word starting at i (a letter or digit, or "-"/"+"/"." before a digit).
 * Returns where scanning goes on. */
static size_t word(tk *z, size_t i)
{
    const char *t = z->t;
    if (at_ci(z, i, "http://") || at_ci(z, i, "https://") || at_ci(z, i, "ftp://") ||
        at_ci(z, i, "www.")) {
        size_t j = url_end(z, i);
        push_span(z, i, j);
        return j;
    }
    size_t nt, j = core_end(z, i + (t[i] == '-' || t[i] == '+' || t[i] == '.'), &nt);
    if (nt) {
        push_span(z, i, nt);
        push_span(z, nt, nt + 3);
        return nt + 3;
    }
    /* "anti- Gondor", "pro- Western": the prefix keeps its hyphen (CoreNLP) */
    if (j < z->n && t[j] == '-' && (j + 1 == z->n || pc_is_space(t[j + 1])) &&
        ((j - i == 4 && at_ci(z, i, "anti")) || (j - i == 3 && at_ci(z, i, "pro")))) {
        push_span(z, i, j + 1);
        return j + 1;
    }
    size_t c = clitic_at(z, j);
    if (c) {
        push_span(z, i, j);
        push_span(z, j, j + c);
        return j + c;
    }
    size_t split = assimilation(z, i, j);
    if (split) {
        push_span(z, i, split);
        push_span(z, split, j);
        return j;
    }
    if (j < z->n && t[j] == '$') { /* US$, HK$ */
        size_t k = i;
        while (k < j && pc_is_upper(t[k]))
            k++;
        if (k == j) {
            push_span(z, i, j + 1);
            return j + 1;
        }
    }
    if (j < z->n && t[j] == '.' && (j + 1 >= z->n || t[j + 1] != '.')) {
        size_t nx = j + 1;
        while (nx < z->n && pc_is_space(t[nx]))
            nx++;
        size_t ne = nx;
        while (ne < z->n && !pc_is_space(t[ne]))
            ne++;
        if (pc_abbrev_keeps_period(t + i, j - i, t + nx, ne - nx)) {
            if (!only_closers_after(z, j + 1)) {
                push_span(z, i, j + 1);
            } else if (j - i == 1) { /* a final initial: "on X." -> X . */
                push_span(z, i, j);
                push_span(z, j, j + 1);
            } else { /* a final abbreviation keeps its period and ends with "." */
                push_span(z, i, j + 1);
                push_lit(z, ".", j, j + 1);
            }
            return j + 1;
        }
    }
    push_span(z, i, j);
    return j;
}

/* A single quote at i (not part of a word). */
static size_t single_quote(tk *z, size_t i)
{
    const char *t = z->t;
    if (i + 1 < z->n && t[i + 1] == '\'') {
        push_lit(z, "''", i, i + 2);
        return i + 2;
    }
    size_t c = clitic_at(z, i);
    if (c) {
        push_span(z, i, i + c);
        return i + c;
    }
    /* '90s '05 */
    if (i + 2 < z->n && pc_is_digit(t[i + 1]) && pc_is_digit(t[i + 2])) {
        size_t j = i + 3 + (i + 3 < z->n && t[i + 3] == 's');
        if (!wordish_at(z, j)) {
            push_span(z, i, j);
            return j;
        }
    }
    static const char *const whole[] = {"'til", "'till", "'cause", "'n'", "'n"};
    for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++) {
        size_t l = strlen(whole[k]);
        if (at_ci(z, i, whole[k]) && !letter_at(z, i + l)) {
            push_span(z, i, i + l);
            return i + l;
        }
    }
    /* opening if a letter and then no space follow, or a one-letter word
     * a/I/u (CoreNLP's heuristic) */
    int open = letter_at(z, i + 1) &&
               ((i + 2 < z->n && !pc_is_space(t[i + 2])) ||
                (strchr("AaIiUu", t[i + 1]) && (i + 2 >= z->n || pc_is_space(t[i + 2]))));
    push_lit(z, open ? "`" : "'", i, i + 1);
    return i + 1;
}

static size_t run_of(const tk *z, size_t i, char c)
{
    size_t j = i;
    while (j < z->n && z->t[j] == c)
        j++;
    return j;
}

static size_t dots(tk *z, size_t i)
{
    const char *t = z->t;
    size_t j = run_of(z, i, '.');
    if (j - i == 1) {
        /* ". . ." spaced ellipsis */
        if (i + 4 < z->n && t[i + 1] == ' ' && t[i + 2] == '.' && t[i + 3] == ' ' &&
            t[i + 4] == '.') {
            push_lit(z, "...", i, i + 5);
            return i + 5;
        }
        push_span(z, i, j);
        return j;
    }
    if (j - i == 2) {
        push_span(z, i, j);
        return j;
    }
    /* four or more dots before a new word: an ellipsis and a period */
    size_t k = j;
    while (k < z->n && pc_is_space(t[k]))
        k++;
    if (j - i >= 4 && k > j && letter_at(z, k)) {
        push_lit(z, "...", i, j - 1);
        push_lit(z, ".", j - 1, j);
    } else {
        push_lit(z, "...", i, j);
    }
    return j;
}

/* The start of a number: "-5" "+5" ".5" after a space, an opener or the start */
static int number_sign(const tk *z, size_t i)
{
    if (i + 1 >= z->n || !pc_is_digit(z->t[i + 1]))
        return 0;
    if (i == 0)
        return 1;
    char p = z->t[i - 1];
    return pc_is_space(p) || p == '(' || p == '[' || p == '"' || p == '`' || p == '$';
}

static size_t one_token(tk *z, size_t i)
{
    const char *t = z->t;
    char c = t[i];
    int w;
    size_t k = char_at(z, i, &w);
    if (w)
        return word(z, i);
    switch (c) {
    case '`':
        if (i + 1 < z->n && t[i + 1] == '`') {
            push_lit(z, "``", i, i + 2);
            return i + 2;
        }
        push_lit(z, "`", i, i + 1);
        return i + 1;
    case '\'':
        return single_quote(z, i);
    case '"': {
        int open = wordish_at(z, i + 1) || (i + 1 < z->n && t[i + 1] == '$');
        push_lit(z, open ? "``" : "''", i, i + 1);
        return i + 1;
    }
    case '(': push_lit(z, "-LRB-", i, i + 1); return i + 1;
    case ')': push_lit(z, "-RRB-", i, i + 1); return i + 1;
    case '[': push_lit(z, "-LSB-", i, i + 1); return i + 1;
    case ']': push_lit(z, "-RSB-", i, i + 1); return i + 1;
    case '{': push_lit(z, "-LCB-", i, i + 1); return i + 1;
    case '}': push_lit(z, "-RCB-", i, i + 1); return i + 1;
    case '.':
        if (number_sign(z, i))
            return word(z, i);
        return dots(z, i);
    case '-':
    case '+': {
        if (number_sign(z, i))
            return word(z, i);
        size_t j = run_of(z, i, c);
        if (c == '-' && j - i >= 2)
            push_lit(z, "--", i, j);
        else
            push_span(z, i, i + 1), j = i + 1;
        return j;
    }
    case '?':
    case '!': {
        size_t j = i;
        while (j < z->n && (t[j] == '?' || t[j] == '!'))
            j++;
        push_span(z, i, j);
        return j;
    }
    case '@':
    case '#':
        if (i + 1 < z->n && (pc_is_alpha(t[i + 1]) || t[i + 1] == '_')) {
            size_t j = i + 1;
            while (j < z->n && (pc_is_alpha(t[j]) || pc_is_digit(t[j]) || t[j] == '_'))
                j++;
            push_span(z, i, j);
            return j;
        }
        push_span(z, i, i + 1);
        return i + 1;
    case '*':
    case '=':
    case '_': {
        size_t j = run_of(z, i, c);
        push_span(z, i, j);
        return j;
    }
    default:
        push_span(z, i, i + k); /* , ; : $ % & / and any other symbol alone */
        return i + k;
    }
}

int pc_tokenize(const char *t, size_t n, pc_arena *a, pc_token **out, size_t *n_out)
{
    tk z = {.t = t, .n = n, .a = a};
    for (size_t i = 0; i < n && !z.oom;) {
        if (pc_is_space(t[i]))
            i++;
        else
            i = one_token(&z, i);
    }
    *out = z.oom ? NULL : z.v;
    *n_out = z.oom ? 0 : z.len;
    return z.oom ? -1 : 0;
}
