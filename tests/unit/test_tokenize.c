/* test_tokenize.c -- the PTB tokenizer (src/nlp/tokenize.c) on the cases of
 * tests/data/nlp/tokenize.tsv (raw text -> tokens), and the offsets tokens
 * carry back into the original text (through pc_nlp_segment). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/nlp.h"
#include "nlp/normalize.h"
#include "nlp/tokenize.h"
#include "util/arena.h"

#define CASES "tests/data/nlp/tokenize.tsv"

/* \n and \xHH in a case's input */
static size_t unescape(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n') {
            out[o++] = '\n';
            i++;
        } else if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x') {
            char hex[3] = {s[i + 2], s[i + 3], 0};
            out[o++] = (char)strtol(hex, NULL, 16);
            i += 3;
        } else {
            out[o++] = s[i];
        }
    }
    return o;
}

static char *tokens_of(pc_arena *a, const char *raw, size_t n)
{
    pc_norm nm;
    pc_token *t;
    size_t nt;
    assert_int_equal(pc_normalize(raw, n, a, &nm), 0);
    assert_int_equal(pc_tokenize(nm.text, nm.len, a, &t, &nt), 0);
    size_t len = 1;
    for (size_t i = 0; i < nt; i++)
        len += strlen(t[i].word) + 1;
    char *s = pc_arena_alloc(a, len);
    s[0] = '\0';
    for (size_t i = 0; i < nt; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, t[i].word);
    }
    return s;
}

static void test_cases_file(void **st)
{
    (void)st;
    FILE *f = fopen(CASES, "rb");
    assert_non_null(f);
    char line[4096], raw[4096];
    int lineno = 0, cases = 0, failures = 0;
    pc_arena *a = pc_arena_new(0);
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        size_t rn = unescape(line, (size_t)(tab - line), raw);
        const char *want = tab + 1;
        const char *got = tokens_of(a, raw, rn);
        cases++;
        if (strcmp(got, want) != 0) {
            failures++;
            printf("%s:%d: %.*s\n  want: %s\n  got:  %s\n", CASES, lineno, (int)(tab - line),
                   line, want, got);
        }
        pc_arena_reset(a);
    }
    fclose(f);
    pc_arena_free(a);
    printf("%d tokenizer cases, %d failed\n", cases, failures);
    assert_true(cases >= 50);
    assert_int_equal(failures, 0);
}

typedef struct span {
    const char *word;
    size_t start, end;
} span;

/* the tokens of one-sentence text, with their original offsets */
static void check_offsets(const char *text, const span *want, size_t n)
{
    pc_arena *a = pc_arena_new(0);
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_segment(text, strlen(text), a, &d, &e), 0);
    assert_int_equal(d.n_sents, 1);
    assert_int_equal(d.sents[0].n_tokens, n);
    for (size_t i = 0; i < n; i++) {
        const pc_nlp_token *t = &d.sents[0].tokens[i];
        assert_string_equal(t->word, want[i].word);
        if (t->start != want[i].start || t->end != want[i].end)
            fail_msg("%s: token %zu (%s) at [%zu,%zu), wanted [%zu,%zu)", text, i, t->word,
                     t->start, t->end, want[i].start, want[i].end);
    }
    pc_arena_free(a);
}

static void test_offsets_ascii(void **st)
{
    (void)st;
    static const span w[] = {{"He", 0, 2}, {"did", 3, 6}, {"n't", 6, 9}, {"go", 10, 12},
                             {"to", 13, 15}, {"the", 16, 19}, {"U.S.", 20, 24}, {".", 23, 24}};
    check_offsets("He didn't go to the U.S.", w, sizeof w / sizeof w[0]);
}

static void test_offsets_through_normalization(void **st)
{
    (void)st;
    /* “ and ” are 3 bytes each, – 3 bytes, the no-break space 2 */
    static const span w[] = {{"``", 0, 3},  {"Hi", 3, 5},   {"''", 5, 8}, {"--", 9, 12},
                             {"Zürich", 13, 20}, {"'s", 20, 24}, {"café", 26, 32}};
    check_offsets("\xe2\x80\x9cHi\xe2\x80\x9d \xe2\x80\x93 Z\xc3\xbcrich\xe2\x80\x99s\xc2\xa0"
                  "cafe\xcc\x81",
                  w, sizeof w / sizeof w[0]);
}

static void test_empty_and_space(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_token *t;
    size_t n = 99;
    assert_int_equal(pc_tokenize("", 0, a, &t, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(pc_tokenize(" \t\n ", 4, a, &t, &n), 0);
    assert_int_equal(n, 0);
    pc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases_file),
        cmocka_unit_test(test_offsets_ascii),
        cmocka_unit_test(test_offsets_through_normalization),
        cmocka_unit_test(test_empty_and_space),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
