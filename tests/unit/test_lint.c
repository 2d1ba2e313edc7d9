/* test_lint.c -- the dictionary linter's building blocks: how PETRARCH2's
 * convert_code reads an event code, the actor/agent code forms, and date
 * restrictions read as check_date / dstr_to_ordate read them.  The ordinals
 * below are PETRARCH2's dstr_to_ordate docstring values (Julian day numbers)
 * minus its ANSI-date offset 2305813.  Whole-file findings are tested in
 * tests/t_check_dicts.sh. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "lint/lint.h"

static void test_cameo(void **st)
{
    (void)st;
    char fb[8];
    assert_int_equal(pc_lint_check_cameo("042", fb), PC_LCAMEO_OK);
    assert_int_equal(pc_lint_check_cameo("010:020", fb), PC_LCAMEO_OK);
    assert_int_equal(pc_lint_check_cameo("---", fb), PC_LCAMEO_OK);
    assert_int_equal(pc_lint_check_cameo("", fb), PC_LCAMEO_OK); /* "[]": no code */
    assert_int_equal(pc_lint_check_cameo("141", fb), PC_LCAMEO_FALLBACK);
    assert_string_equal(fb, "140");
    assert_int_equal(pc_lint_check_cameo("110]--", fb), PC_LCAMEO_FALLBACK);
    assert_string_equal(fb, "110");
    assert_int_equal(pc_lint_check_cameo("042:0411", fb), PC_LCAMEO_FALLBACK);
    assert_string_equal(fb, "040");
    assert_int_equal(pc_lint_check_cameo("345", fb), PC_LCAMEO_BAD); /* WEIS, no "340" */
    assert_int_equal(pc_lint_check_cameo("042:991", fb), PC_LCAMEO_BAD);
    assert_int_equal(pc_lint_check_cameo("abc", fb), PC_LCAMEO_BAD);
}

static void test_code_forms(void **st)
{
    (void)st;
    assert_true(pc_lint_actor_code_ok("USAGOV"));
    assert_true(pc_lint_actor_code_ok("IGOUNO"));
    assert_true(pc_lint_actor_code_ok("---"));
    assert_false(pc_lint_actor_code_ok("pse"));
    assert_false(pc_lint_actor_code_ok("YEMNO"));
    assert_false(pc_lint_actor_code_ok("FRO/BIL"));
    assert_false(pc_lint_actor_code_ok(""));
    assert_true(pc_lint_agent_code_ok("~GOV"));
    assert_true(pc_lint_agent_code_ok("~GOVMED"));
    assert_false(pc_lint_agent_code_ok("IGO~"));
    assert_false(pc_lint_agent_code_ok("GOV"));
    assert_false(pc_lint_agent_code_ok("~"));
}

static pc_lint_when when(pc_lint *l, size_t n, const char *d0, const char *d1)
{
    const char *d[2] = {d0, d1};
    return pc_lint_dates(l, "f.txt", 1, "ABC", n, d);
}

static void test_dates(void **st)
{
    (void)st;
    pc_lint *l = pc_lint_new();
    assert_non_null(l);
    pc_lint_when w = when(l, 0, NULL, NULL);
    assert_true(w.valid && !w.dated && w.lo == LONG_MIN && w.hi == LONG_MAX);
    w = when(l, 1, ">20130926", NULL);
    assert_true(w.valid && w.dated);
    assert_int_equal(w.lo, 2456562 - 2305813);
    assert_true(w.hi == LONG_MAX);
    w = when(l, 1, "<090120", NULL); /* YY <= 30: 2009 */
    assert_int_equal(w.hi, 2454852 - 2305813);
    w = when(l, 2, "510724", "16010101"); /* 1951 to 1601: reversed */
    assert_false(w.valid);
    w = when(l, 2, "16010101", "510724");
    assert_true(w.valid);
    assert_int_equal(w.lo, 1);
    assert_int_equal(w.hi, 2433852 - 2305813);
    assert_int_equal(l->n, 1); /* only the reversed range so far */
    assert_int_equal(l->v[0].sev, PC_LINT_ERROR);

    w = when(l, 1, "20120229", NULL); /* no '<' or '>' */
    assert_false(w.valid);
    w = when(l, 1, "<20110229", NULL); /* not a leap year: DateError */
    assert_false(w.valid);
    w = when(l, 1, ">", NULL);
    assert_false(w.valid);
    w = when(l, 1, "<21000101", NULL); /* far future: valid, a warning */
    assert_true(w.valid);
    assert_int_equal(l->v[l->n - 1].sev, PC_LINT_WARNING);
    w = when(l, 1, "<2000010199", NULL); /* more than 8 digits: PETRARCH2 reads 8 */
    assert_true(w.valid);
    assert_int_equal(w.hi, 145732);
    assert_int_equal(l->v[l->n - 1].sev, PC_LINT_WARNING);
    w = when(l, 1, "<20001301", NULL); /* month 13: PETRARCH2 computes a date anyway */
    assert_true(w.valid);
    assert_int_equal(l->v[l->n - 1].sev, PC_LINT_ERROR);
    pc_lint_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cameo),
        cmocka_unit_test(test_code_forms),
        cmocka_unit_test(test_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
