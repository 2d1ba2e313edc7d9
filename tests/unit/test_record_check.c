/* test_record_check.c -- the parse checks (limits, bracket balance) and
 * date normalisation every reader applies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/record_check.h"

static pc_parse_verdict check(const char *p, char *why)
{
    return pc_check_parse(p, strlen(p), why, 300);
}

static void test_brackets(void **st)
{
    (void)st;
    char why[300];
    assert_int_equal(check("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))", why), PC_PARSE_OK);
    assert_int_equal(check("  (ROOT\n  (S (NP (NN x))))\n", why), PC_PARSE_OK);
    assert_int_equal(check("(ROOT (S (NP (NN x))", why), PC_PARSE_WARN);
    assert_string_equal(why, "parse brackets unbalanced: 2 '(' not closed, 0 surplus ')'; coded as "
                             "PETRARCH2 reads it");
    assert_int_equal(check("(ROOT (S (NP (NN x)))))))", why), PC_PARSE_WARN);
    assert_non_null(strstr(why, "0 '(' not closed, 3 surplus ')'"));
    assert_int_equal(check("(ROOT (NN x)) (ROOT (NN y))", why), PC_PARSE_WARN);
    assert_non_null(strstr(why, "more than one tree"));
}

/* n words in one noun phrase */
static char *wide(long n)
{
    char *p = malloc((size_t)n * 16 + 64), *o = p;
    o += sprintf(o, "(ROOT (NP");
    for (long i = 0; i < n; i++)
        o += sprintf(o, " (NN w%ld)", i);
    strcpy(o, "))");
    return p;
}

static void test_limits(void **st)
{
    (void)st;
    char why[300];
    char *p = wide(PC_MAX_PARSE_WORDS);
    assert_int_equal(check(p, why), PC_PARSE_OK);
    free(p);
    p = wide(PC_MAX_PARSE_WORDS + 1);
    assert_int_equal(check(p, why), PC_PARSE_REJECT);
    assert_string_equal(why, "parse has 4001 words, more than the limit of 4000 (the coder's memory "
                             "grows with the square of the sentence length); not coded");
    free(p);
    /* depth alone is no reason: 10,000 levels are fine, more nodes than the
     * node limit are not */
    size_t n = 200000;
    char *d = malloc(4 * n + 64), *o = d;
    for (size_t i = 0; i < 10000; i++)
        o += sprintf(o, "(S ");
    o += sprintf(o, "(NN x)");
    for (size_t i = 0; i < 10000; i++)
        *o++ = ')';
    *o = '\0';
    assert_int_equal(check(d, why), PC_PARSE_OK);
    o = d;
    for (size_t i = 0; i <= PC_MAX_PARSE_NODES; i++)
        o += sprintf(o, "(S ");
    *o = '\0';
    assert_int_equal(check(d, why), PC_PARSE_REJECT);
    assert_non_null(strstr(why, "nodes, more than the limit of 100000"));
    free(d);
}

static void test_dates(void **st)
{
    (void)st;
    char out[9];
    static const char *const good[][2] = {
        {"20150609", "20150609"}, {"2015-06-09", "20150609"}, {"2015/06/09", "20150609"},
        {"2015-06-09T12:30:00Z", "20150609"}, {"2015-06-09 12:30", "20150609"},
        {"20000229", "20000229"}, {"2016-02-29", "20160229"}, {"20151231", "20151231"}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        memset(out, 'x', sizeof out);
        assert_int_equal(pc_normalize_date(good[i][0], strlen(good[i][0]), out), 0);
        assert_string_equal(out, good[i][1]);
    }
    static const char *const bad[] = {"",         "2015",       "2015-6-9",   "20151301",
                                      "20150230", "19000229",   "2015-06-31", "2015-06/09",
                                      "2015060",  "201506091",  "abcd0609",   "2015-06-09x",
                                      "00000101", "2015-00-10", "20150600"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(pc_normalize_date(bad[i], strlen(bad[i]), out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brackets),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
