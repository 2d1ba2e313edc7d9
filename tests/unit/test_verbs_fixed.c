/* test_verbs_fixed.c -- the verb reader's --fixed mode (pc_dicts.fixed, set
 * from pc_options.fixed) against its default, PETRARCH2's behaviour, on one
 * small file: patterns after a "<!" comment line, and codes outside CAMEO in
 * a verb, a pattern and a transformation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "petrarch.h"
#include "dict/dicts.h"

static const char VERBS[] =
    "--- VISIT [042] ---\n"          /* 1 */
    "VISIT\n"                         /* 2 */
    "TOUR [345]\n"                    /* 3: WEIS code, no CAMEO "340" */
    "- * EMBASSY [043]\n"             /* 4 */
    "<!-- a comment\n"                /* 5: PETRARCH2 stops reading patterns */
    "     on two lines -->\n"         /* 6: (--fixed: still the comment) */
    "- * CAPITAL [044]\n"             /* 7 */
    "- * PALACE [991]\n"              /* 8: not CAMEO */
    "~ a (a b VISIT) VISIT = a b 991\n"; /* 9: not CAMEO */

static int warnings;
static long warn_lines[16];

static void on_warn(void *ud, const pc_error *w)
{
    (void)ud;
    if (warnings < 16)
        warn_lines[warnings] = w->line;
    warnings++;
}

static pc_dicts *load(int fixed)
{
    char path[] = "/tmp/pc_test_verbs_fixed_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, VERBS, sizeof VERBS - 1), (long)(sizeof VERBS - 1));
    close(fd);
    pc_error err;
    pc_dicts *d = pc_dicts_new(0, &err);
    assert_non_null(d);
    d->fixed = fixed;
    warnings = 0;
    assert_int_equal(pc_read_verb_dictionary(d, path, on_warn, NULL, &err), PC_OK);
    remove(path);
    return d;
}

static const pc_verb_leaf *verb(const pc_dicts *d, const char *w)
{
    const pc_dnode *n = dn_get_node(d->verbs, w);
    n = n ? dn_get_node(n, "#") : NULL;
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    return e ? e->v.leaf : NULL;
}

/* phrases[VISIT]['*'][word]['#'] */
static const pc_pattern_leaf *pattern(const pc_dicts *d, const char *word)
{
    const pc_dnode *n = dn_get_node(d->phrases, "VISIT");
    n = n ? dn_get_node(n, "*") : NULL;
    n = n ? dn_get_node(n, word) : NULL;
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    return e ? e->v.leaf : NULL;
}

static void test_parity_default(void **st)
{
    (void)st;
    pc_dicts *d = load(0);
    assert_string_equal(verb(d, "TOUR")->code, "345"); /* stored: PETRARCH2 crashes on it later */
    assert_non_null(pattern(d, "EMBASSY"));
    assert_null(pattern(d, "CAPITAL")); /* after the "<!" line */
    assert_null(pattern(d, "PALACE"));
    assert_int_equal(dn_count(d->transforms), 1);
    assert_int_equal(warnings, 0); /* PETRARCH2 says nothing */
    pc_dicts_free(d);
}

static void test_fixed(void **st)
{
    (void)st;
    pc_dicts *d = load(1);
    const pc_verb_leaf *tour = verb(d, "TOUR");
    assert_non_null(tour);
    assert_string_equal(tour->code, "");        /* read without a code */
    assert_string_equal(tour->meaning, "VISIT"); /* so its patterns still apply */
    assert_string_equal(verb(d, "VISIT")->code, "042");
    assert_non_null(pattern(d, "EMBASSY"));
    assert_string_equal(pattern(d, "CAPITAL")->code, "044"); /* read after the comment */
    assert_null(pattern(d, "PALACE"));
    assert_null(dn_get_node(dn_get_node(dn_get_node(d->phrases, "VISIT"), "*"), "PALACE"));
    assert_int_equal(dn_count(d->transforms), 0);
    assert_int_equal(warnings, 3); /* TOUR, PALACE, the transformation */
    assert_int_equal(warn_lines[0], 3);
    assert_int_equal(warn_lines[1], 8);
    assert_int_equal(warn_lines[2], 9);
    pc_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parity_default),
        cmocka_unit_test(test_fixed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
