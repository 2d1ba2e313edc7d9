/* test_coder_extremes.c -- parses far outside what news produces, straight
 * into the library (the input readers reject most of these before they
 * reach the coder, record_check.h, but library users may not): the coder
 * must finish quickly, in memory that grows linearly, and report what
 * PETRARCH2 would raise.
 *   - a noun phrase of 20,000 words: the get_text methods once kept every
 *     intermediate string (quadratic: 2.8 GB here, and a 200,000-word
 *     phrase took more than 23 GB; found by trying such parses by hand);
 *   - 100,000 nested phrases: read without recursion, then PETRARCH2's
 *     RuntimeError (recursion depth), not a stack overflow;
 *   - 20,000 actors in one conjunction as the target of a verb.
 * Run from the repository root (data/...). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <cmocka.h>

#include "petrarch.h"

static pc_config *CFG;
static pc_dicts *DICTS;
static pc_coder *CODER;

static int setup(void **state)
{
    (void)state;
    pc_error err;
    CFG = pc_config_load("data/PETR_config.ini", "data", &err);
    DICTS = CFG ? pc_dicts_load(CFG, NULL, NULL, &err) : NULL;
    CODER = DICTS ? pc_coder_new(DICTS, CFG, &err) : NULL;
    if (!CODER)
        fprintf(stderr, "setup: %s\n", err.message);
    return CODER ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_coder_free(CODER);
    pc_dicts_free(DICTS);
    pc_config_free(CFG);
    return 0;
}

static long maxrss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

/* prefix + n copies of item + suffix, malloc'd */
static char *repeat(const char *prefix, const char *item, size_t n, const char *suffix)
{
    size_t li = strlen(item), lp = strlen(prefix), ls = strlen(suffix);
    char *s = malloc(lp + n * li + ls + 1);
    assert_non_null(s);
    memcpy(s, prefix, lp);
    for (size_t i = 0; i < n; i++)
        memcpy(s + lp + i * li, item, li);
    memcpy(s + lp + n * li, suffix, ls + 1);
    return s;
}

static void test_wide_noun_phrase(void **state)
{
    (void)state;
    char *parse = repeat("(ROOT (S (NP ", "(NNP Russia) ", 20000,
                         ") (VP (VBD attacked) (NP (NNP Ukraine)))))");
    long before = maxrss_mb();
    pc_sentence_result r;
    pc_error err;
    assert_int_equal(pc_coder_code_sentence(CODER, parse, "Russia attacked Ukraine", "20150101",
                                            &r, &err),
                     PC_OK);
    /* every RUS of the subject attacks UKR, as PETRARCH2 codes it */
    assert_int_equal(r.n_events, 20000);
    assert_string_equal(r.events[0].source, "RUS");
    assert_string_equal(r.events[0].target, "UKR");
    long grown = maxrss_mb() - before;
    print_message("20,000-word noun phrase: max RSS grew by %ld MB\n", grown);
    assert_true(grown < 400);
    pc_coder_reset(CODER);
    free(parse);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    char *open = repeat("(ROOT (S ", "(NP ", 100000, "(NN x)");
    char *parse = repeat(open, ")", 100000, " (VP (VBD attacked) (NP (NNP Ukraine)))))");
    pc_sentence_result r;
    pc_error err;
    pc_status st = pc_coder_code_sentence(CODER, parse, "x attacked Ukraine", "20150101", &r, &err);
    assert_int_equal(st, PC_ERR_CODER);
    assert_non_null(strstr(err.message, "RuntimeError"));
    pc_coder_reset(CODER);
    free(open);
    free(parse);
}

static void test_wide_target(void **state)
{
    (void)state;
    char *parse = repeat("(ROOT (S (NP (NNP Russia)) (VP (VBD attacked) (NP ",
                         "(NNP Ukraine) (CC and) ", 20000, "))))");
    pc_sentence_result r;
    pc_error err;
    assert_int_equal(pc_coder_code_sentence(CODER, parse, "Russia attacked Ukraine", "20150101",
                                            &r, &err),
                     PC_OK);
    assert_int_equal(r.n_events, 20000);
    pc_coder_reset(CODER);
    free(parse);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wide_noun_phrase),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_wide_target),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
