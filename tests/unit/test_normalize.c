/* test_normalize.c -- src/nlp/normalize.c: what each kind of character
 * becomes, invalid UTF-8 counted and replaced (never an error), NFC, the
 * map back to original offsets, and the <Text> cleaning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/normalize.h"
#include "util/arena.h"

typedef struct ncase {
    const char *in;
    const char *out;
    size_t invalid;
} ncase;

static const ncase cases[] = {
    {"plain ASCII, kept.", "plain ASCII, kept.", 0},
    /* quotes */
    {"\xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x98s\xe2\x80\x99 don\xe2\x80\x99t", "``q'' `s' don't", 0},
    {"\xc2\xab" "a\xc2\xbb \xe2\x80\x9e" "b \xe2\x80\xb9" "c\xe2\x80\xba", "``a'' ``b `c'", 0},
    /* dashes, minus, ellipsis */
    {"a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x80\x90" "d \xe2\x88\x92" "5 e\xe2\x80\xa6",
     "a--b--c-d -5 e...", 0},
    /* spaces and invisible characters */
    {"a\xc2\xa0" "b\xe2\x80\x89" "c\xe3\x80\x80" "d", "a b c d", 0},
    {"\xef\xbb\xbf" "so\xc2\xad" "ft ze\xe2\x80\x8bro", "soft zero", 0},
    /* line ends */
    {"a\r\nb\rc\xe2\x80\xa8" "d\xe2\x80\xa9" "e", "a\nb\nc\nd\n\ne", 0},
    /* control characters */
    {"a\x01" "b\x7f" "c\td", "a b c\td", 0},
    /* Windows-1252 quotes in C1 code points */
    {"\xc2\x93q\xc2\x94 \xc2\x96 \xc2\x85", "``q'' -- ...", 0},
    /* invalid UTF-8: each bad byte is one U+FFFD */
    {"a\xff" "b", "a\xef\xbf\xbd" "b", 1},
    {"\xc3(", "\xef\xbf\xbd(", 1},
    {"\xe2\x80", "\xef\xbf\xbd\xef\xbf\xbd", 2},
    {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3}, /* a UTF-16 surrogate */
    {"\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", 2},                   /* overlong "/" */
    /* NFC */
    {"cafe\xcc\x81", "caf\xc3\xa9", 0},
    {"\xe2\x84\xab", "\xc3\x85", 0},                 /* ANGSTROM SIGN -> A with ring */
    {"o\xcc\x88\xcc\x81", "\xc3\xb6\xcc\x81", 0},    /* o + diaeresis + acute */
    {"\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80", 0}, /* Hangul jamo -> syllable */
    {"Z\xc3\xbcrich \xd8\xaf\xd9\x85\xd8\xb4\xd9\x82",
     "Z\xc3\xbcrich \xd8\xaf\xd9\x85\xd8\xb4\xd9\x82", 0},
    {"", "", 0},
};

static void test_cases(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pc_norm nm;
        assert_int_equal(pc_normalize(cases[i].in, strlen(cases[i].in), a, &nm), 0);
        if (strcmp(nm.text, cases[i].out) != 0 || nm.len != strlen(cases[i].out))
            fail_msg("case %zu: got \"%s\", wanted \"%s\"", i, nm.text, cases[i].out);
        assert_int_equal(nm.invalid, cases[i].invalid);
        /* every byte maps into the input, in order */
        for (size_t k = 0; k < nm.len; k++) {
            assert_true(nm.orig_start[k] < nm.orig_end[k]);
            assert_true(nm.orig_end[k] <= strlen(cases[i].in));
            if (k)
                assert_true(nm.orig_start[k] >= nm.orig_start[k - 1]);
        }
        assert_int_equal(nm.orig_start[nm.len], strlen(cases[i].in));
    }
    pc_arena_free(a);
}

static void test_offsets(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_norm nm;
    /* “ (3 bytes) -> `` ; … (3) -> ... ; e + U+0301 (1 + 2) -> é (2) */
    const char *in = "\xe2\x80\x9cHi\xe2\x80\xa6 cafe\xcc\x81!";
    assert_int_equal(pc_normalize(in, strlen(in), a, &nm), 0);
    assert_string_equal(nm.text, "``Hi... caf\xc3\xa9!");
    size_t os, oe;
    pc_norm_span(&nm, 0, 2, &os, &oe); /* `` */
    assert_int_equal(os, 0);
    assert_int_equal(oe, 3);
    pc_norm_span(&nm, 2, 4, &os, &oe); /* Hi */
    assert_int_equal(os, 3);
    assert_int_equal(oe, 5);
    pc_norm_span(&nm, 4, 7, &os, &oe); /* ... */
    assert_int_equal(os, 5);
    assert_int_equal(oe, 8);
    pc_norm_span(&nm, 8, 13, &os, &oe); /* café */
    assert_int_equal(os, 9);
    assert_int_equal(oe, 15);
    pc_norm_span(&nm, 13, 14, &os, &oe); /* ! */
    assert_int_equal(os, 15);
    assert_int_equal(oe, 16);
    pc_arena_free(a);
}

static void test_first_invalid(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_norm nm;
    const char *in = "ok \xe2\x80\x9c then \xff and \xfe";
    assert_int_equal(pc_normalize(in, strlen(in), a, &nm), 0);
    assert_int_equal(nm.invalid, 2);
    assert_int_equal(nm.first_invalid, strlen("ok \xe2\x80\x9c then "));
    pc_arena_free(a);
}

/* A long run of combining marks: no fixed buffer overflows, output valid. */
static void test_long_combining_run(void **st)
{
    (void)st;
    char in[3 * 1000 + 2] = "a";
    size_t n = 1;
    for (int i = 0; i < 1000; i++) {
        memcpy(in + n, "\xcc\x81", 2); /* U+0301 */
        n += 2;
    }
    in[n] = '\0';
    pc_arena *a = pc_arena_new(0);
    pc_norm nm;
    assert_int_equal(pc_normalize(in, n, a, &nm), 0);
    assert_int_equal(nm.invalid, 0);
    assert_memory_equal(nm.text, "\xc3\xa1", 2); /* a + acute composed */
    assert_int_equal(nm.len, n - 1);               /* one byte shorter: the first pair */
    pc_arena_free(a);
}

static void test_text_clean(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    static const char *const io[][2] = {
        {"  a\n b\t\tc\r\n", "a b c"},
        {"x\xff" "y \xc2\xa0 z", "x\xef\xbf\xbdy z"},
        {"\xe2\x80\x9cq\xe2\x80\x9d", "\xe2\x80\x9cq\xe2\x80\x9d"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof io / sizeof io[0]; i++)
        assert_string_equal(pc_text_clean(io[i][0], strlen(io[i][0]), a), io[i][1]);
    pc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_first_invalid),
        cmocka_unit_test(test_long_combining_run),
        cmocka_unit_test(test_text_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
