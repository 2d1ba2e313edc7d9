/* test_py2dict.c -- pc_py2_hash / pc_py2dict_order against CPython 2.7.
 *
 * Every expected value below was printed by CPython 2.7.18 (PYTHONHASHSEED
 * unset, 64-bit Linux UCS-4 build), e.g.
 *     d = {}; first = {}
 *     for i, k in enumerate(keys): d[k] = i; first.setdefault(k, i)
 *     print [first[k] for k in d]          # and: print hash(k)
 * with the keys as unicode literals.  tests/tools/py2dict_vs_python2.py
 * checks millions of random keys the same way (needs python2.7). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/py2dict.h"

static void check_order(const char *const *keys, size_t n, const size_t *expect, size_t m)
{
    pc_arena *a = pc_arena_new(0);
    assert_non_null(a);
    size_t order[64];
    assert_true(n <= 64);
    long got = pc_py2dict_order(a, keys, NULL, n, order);
    assert_int_equal(got, (long)m);
    for (size_t i = 0; i < m; i++)
        assert_int_equal(order[i], expect[i]);
    pc_arena_free(a);
}

#define N(x) (sizeof(x) / sizeof((x)[0]))

static void test_hash(void **st)
{
    (void)st;
    assert_true(pc_py2_hash("", 0) == 0);
    assert_true(pc_py2_hash("a", 1) == INT64_C(12416037344));
    assert_true(pc_py2_hash("1", 1) == INT64_C(6272018864));
    assert_true(pc_py2_hash("DEMO-00", 7) == INT64_C(-1263597632657528323));
    assert_true(pc_py2_hash("HUMAN_RIGHTS", 12) == INT64_C(4652167154405285471));
    /* u'\xe9t\xe9' and u'\U0001f600': hashed over code points, not bytes */
    assert_true(pc_py2_hash("\xc3\xa9t\xc3\xa9", 5) == INT64_C(-4116773383342158585));
    assert_true(pc_py2_hash("\xf0\x9f\x98\x80", 4) == INT64_C(16449585346049));
}

static void test_sentence_ids_12(void **st)
{
    (void)st;
    static const char *const k[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"};
    static const size_t e[] = {10, 9, 11, 0, 2, 1, 4, 3, 6, 5, 8, 7};
    check_order(k, N(k), e, N(e));
}

static void test_sentence_ids_30(void **st)
{
    (void)st;
    static const char *const k[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
                                    "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
                                    "21", "22", "23", "24", "25", "26", "27", "28", "29", "30"};
    static const size_t e[] = {23, 24, 25, 26, 19, 20, 21, 22, 27, 28, 0, 2, 1, 4, 3,
                               6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15, 18, 17, 29};
    check_order(k, N(k), e, N(e));
}

static void test_sentence_ids_0_6(void **st)
{
    (void)st;
    static const char *const k[] = {"0", "1", "2", "3", "4", "5", "6"};
    static const size_t e[] = {1, 0, 3, 2, 5, 4, 6};
    check_order(k, N(k), e, N(e));
}

static void test_issue_codes(void **st)
{
    (void)st;
    static const char *const k[] = {"HUMAN_RIGHTS", "ACTIVISM", "ELECTIONS",
                                    "TERRORISM", "DRUGS", "REFUGEES"};
    static const size_t e[] = {4, 1, 2, 3, 5, 0};
    check_order(k, N(k), e, N(e));
}

static void test_duplicates_keep_first_place(void **st)
{
    (void)st;
    static const char *const k[] = {"b", "a", "c", "10", "2", "1", "a", "b"};
    static const size_t e[] = {1, 3, 2, 0, 5, 4};
    check_order(k, N(k), e, N(e));
}

static void test_unicode_and_empty(void **st)
{
    (void)st;
    static const char *const k[] = {"", "\xc3\xa9t\xc3\xa9", "caf\xc3\xa9",
                                    "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80", "x"};
    static const size_t e[] = {0, 4, 3, 1, 2, 5};
    check_order(k, N(k), e, N(e));
}

static void test_lens_and_empty_input(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    /* explicit lengths: "ab" and "a" are different keys even though they share bytes */
    const char *keys[] = {"ab", "ab"};
    size_t lens[] = {2, 1};
    size_t order[2];
    assert_int_equal(pc_py2dict_order(a, keys, lens, 2, order), 2);
    assert_int_equal(pc_py2dict_order(a, keys, lens, 0, order), 0);
    pc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_sentence_ids_12),
        cmocka_unit_test(test_sentence_ids_30),
        cmocka_unit_test(test_sentence_ids_0_6),
        cmocka_unit_test(test_issue_codes),
        cmocka_unit_test(test_duplicates_keep_first_place),
        cmocka_unit_test(test_unicode_and_empty),
        cmocka_unit_test(test_lens_and_empty_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
