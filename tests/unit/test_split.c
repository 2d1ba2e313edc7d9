/* test_split.c -- the sentence splitter (src/nlp/split.c with the dateline,
 * date header and boilerplate rules) on the cases of tests/data/nlp/split.txt,
 * through pc_nlp_segment, so each sentence is checked as the <Text> it
 * becomes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/nlp.h"
#include "util/arena.h"

#define CASES "tests/data/nlp/split.txt"

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void puts_line(buf *b, const char *s, size_t n)
{
    put(b, s, n);
    put(b, "\n", 1);
}

/* What pc_nlp_segment makes of input, in the format of the cases file. */
static void describe(const char *input, size_t len, buf *out)
{
    pc_arena *a = pc_arena_new(0);
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_segment(input, len, a, &d, &e), 0);
    char line[1024];
    if (d.date[0])
        puts_line(out, line, (size_t)snprintf(line, sizeof line, "DATE %s", d.date));
    if (d.agency)
        puts_line(out, line, (size_t)snprintf(line, sizeof line, "AGENCY %s", d.agency));
    for (size_t i = 0; i < d.n_skipped; i++) {
        const pc_nlp_skipped *k = &d.skipped[i];
        int m = snprintf(line, sizeof line, "SKIP %s: %.*s", pc_skip_kind_name(k->kind),
                         (int)(k->end - k->start), input + k->start);
        puts_line(out, line, (size_t)m);
    }
    for (size_t i = 0; i < d.n_sents; i++)
        puts_line(out, d.sents[i].text, strlen(d.sents[i].text));
    pc_arena_free(a);
}

static void test_cases_file(void **st)
{
    (void)st;
    FILE *f = fopen(CASES, "rb");
    assert_non_null(f);
    char line[4096], name[512] = "";
    buf in = {0}, want = {0}, got = {0};
    int state = 0; /* 0 before a case, 1 input, 2 expected */
    int cases = 0, failures = 0, more = 1;
    while (more) {
        more = fgets(line, sizeof line, f) != NULL;
        int starts = more && strncmp(line, "=== ", 4) == 0;
        if ((starts || !more) && state == 2) {
            got.n = 0;
            put(&got, "", 0);
            describe(in.s, in.n, &got);
            cases++;
            if (strcmp(got.s, want.s) != 0) {
                failures++;
                printf("case \"%s\"\n--- want:\n%s--- got:\n%s\n", name, want.s, got.s);
            }
        }
        if (!more)
            break;
        if (starts) {
            snprintf(name, sizeof name, "%.*s", (int)strcspn(line + 4, "\n"), line + 4);
            in.n = want.n = 0;
            put(&in, "", 0);
            put(&want, "", 0);
            state = 1;
        } else if (state == 1 && strcmp(line, "---\n") == 0) {
            state = 2;
        } else if (state == 1) {
            put(&in, line, strlen(line));
        } else if (state == 2 && line[0] != '\n') {
            put(&want, line, strlen(line));
        }
    }
    fclose(f);
    free(in.s);
    free(want.s);
    free(got.s);
    printf("%d splitter cases, %d failed\n", cases, failures);
    assert_true(cases >= 20);
    assert_int_equal(failures, 0);
}

/* Spans point into the original text, whatever normalization changed. */
static void test_spans_are_original(void **st)
{
    (void)st;
    const char *t = "DAMASCUS, Dec 19 (Reuters) \xe2\x80\x93 The army \xe2\x80\x9c"
                    "advanced.\xe2\x80\x9d Rebels fled.";
    pc_arena *a = pc_arena_new(0);
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_segment(t, strlen(t), a, &d, &e), 0);
    assert_int_equal(d.n_sents, 2);
    assert_int_equal(d.sents[0].start, strlen("DAMASCUS, Dec 19 (Reuters) \xe2\x80\x93 "));
    assert_string_equal(d.sents[0].text, "The army \xe2\x80\x9c" "advanced.\xe2\x80\x9d");
    assert_int_equal(d.sents[0].end, d.sents[0].start + strlen(d.sents[0].text));
    assert_string_equal(t + d.sents[1].start, "Rebels fled.");
    assert_int_equal(d.n_skipped, 1);
    assert_int_equal(d.skipped[0].start, 0);
    assert_int_equal(d.skipped[0].end, strlen("DAMASCUS, Dec 19 (Reuters) \xe2\x80\x93"));
    assert_string_equal(d.agency, "Reuters");
    pc_arena_free(a);
}

static void test_empty_inputs(void **st)
{
    (void)st;
    const char *inputs[] = {"", "\n\n\n", "   \t ", "Published at\nShare this\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        pc_arena *a = pc_arena_new(0);
        pc_nlp_doc d;
        pc_error e;
        assert_int_equal(pc_nlp_segment(inputs[i], strlen(inputs[i]), a, &d, &e), 0);
        assert_int_equal(d.n_sents, 0);
        pc_arena_free(a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases_file),
        cmocka_unit_test(test_spans_are_original),
        cmocka_unit_test(test_empty_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
