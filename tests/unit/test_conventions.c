/* test_conventions.c -- the CoreNLP-convention rewrite of our parser's trees
 * (src/nlp/conventions.c) on the cases of tests/data/nlp/conventions.tsv:
 * "input TAB expected", "=" for a tree that must come back unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/conventions.h"
#include "util/arena.h"

#define CASES "tests/data/nlp/conventions.tsv"

static void test_cases(void **state)
{
    (void)state;
    FILE *f = fopen(CASES, "r");
    if (!f)
        fail_msg("cannot open %s", CASES);
    pc_arena *a = pc_arena_new(0);
    char line[8192];
    int n = 0, changed = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            fail_msg("%s:%d: no TAB", CASES, lineno);
        *tab = '\0';
        const char *want = strcmp(tab + 1, "=") ? tab + 1 : line;
        const char *got = pc_corenlp_conventions(line, a);
        assert_non_null(got);
        if (strcmp(got, want))
            fail_msg("%s:%d:\n  got  %s\n  want %s", CASES, lineno, got, want);
        /* a rewritten tree is in the target convention: a second pass keeps it */
        if (strcmp(pc_corenlp_conventions(got, a), got))
            fail_msg("%s:%d: not idempotent", CASES, lineno);
        changed += want != line;
        n++;
    }
    fclose(f);
    pc_arena_free(a);
    assert_true(n >= 8);
    assert_true(changed >= 3);
}

/* Text that is not a tree, or a tree cut short, passes through unchanged. */
static void test_odd_input(void **state)
{
    (void)state;
    pc_arena *a = pc_arena_new(0);
    const char *in[] = {"", "(", "(X (JJ about) ", "(X (JJ about) (S (VP (TO to) (VB go)",
                        "about) (S (VP (TO to)", "(X (JJ about) (S (VP (TO to) (VB go))) (NP x))"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        const char *got = pc_corenlp_conventions(in[i], a);
        assert_non_null(got);
        assert_string_equal(got, in[i]);
    }
    pc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_odd_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
