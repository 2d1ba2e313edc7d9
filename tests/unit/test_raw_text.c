/* test_raw_text.c -- the raw-text path of the readers (io/raw_text.h):
 * text-only sentences and unsplit stories become parsed sentences with the
 * documented ids, failures are reported per sentence, sentences that had a
 * parse pass through, and without models every text-only sentence fails
 * with the caller's reason.  The NLP backend is a stand-in (a flat tree),
 * so nothing depends on the trained models. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "io/raw_text.h"
#include "util/error.h"

static int tag(void *ctx, const char *const *w, size_t n, const char **tags)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++)
        tags[i] = !strcmp(w[i], ".") ? "." : "NN";
    return 0;
}

/* "(ROOT (S (T w) ...))"; fails on a sentence with the word PARSEFAIL */
static char *parse(void *ctx, const char *const *w, const char *const *t, size_t n, int beam,
                   pc_arena *a, pc_error *err)
{
    (void)ctx;
    (void)beam;
    size_t len = 16;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(w[i], "PARSEFAIL")) {
            pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "stub cannot parse this");
            return NULL;
        }
        len += strlen(w[i]) + strlen(t[i]) + 4;
    }
    char *out = pc_arena_alloc(a, len);
    strcpy(out, "(ROOT (S");
    for (size_t i = 0; i < n; i++)
        sprintf(out + strlen(out), " (%s %s)", t[i], w[i]);
    strcat(out, "))");
    return out;
}

static pc_nlp *stub(void)
{
    pc_nlp_backend b = {NULL, tag, parse, NULL};
    pc_error e;
    pc_nlp *nlp = pc_nlp_new(&b, &e);
    assert_non_null(nlp);
    return nlp;
}

static void test_unsplit_story(void **st)
{
    (void)st;
    pc_nlp *nlp = stub();
    pc_arena *a = pc_arena_new(0);
    pc_sentence_in s = {"1", "BEIJING, Aug 4 (AFP) - Troops left. A PARSEFAIL here. Talks began.",
                        NULL};
    pc_story_in in = {.story_id = "S", .date = "20150609", .n_sents = 1, .sents = &s};
    pc_raw_result r;
    pc_error err;
    assert_int_equal(pc_raw_text_parse(nlp, "no models", a, &in, 1, &r, &err), PC_OK);
    assert_int_equal(r.story.n_sents, 2);
    assert_string_equal(r.story.sents[0].sent_id, "1");
    assert_string_equal(r.story.sents[0].text, "Troops left.");
    assert_string_equal(r.story.sents[0].parse, "(ROOT (S (NN Troops) (NN left) (. .)))");
    assert_string_equal(r.story.sents[1].sent_id, "3");
    assert_int_equal(r.n_failed, 1);
    assert_string_equal(r.failed[0].sent_id, "2");
    assert_non_null(strstr(r.failed[0].message, "stub cannot parse this"));
    assert_int_equal(r.units[0], 3);
    assert_string_equal(r.story.source, "AFP"); /* the dateline's agency */
    assert_int_equal(r.from[1], 0);
    pc_arena_free(a);
    pc_nlp_free(nlp);
}

static void test_text_only_sentences(void **st)
{
    (void)st;
    pc_nlp *nlp = stub();
    pc_arena *a = pc_arena_new(0);
    pc_sentence_in s[] = {{"1", "Parsed already.", "(ROOT (S (NN x)))"},
                          {"2", "Troops left. Talks began.", NULL},
                          {"3", "One more.", NULL}};
    pc_story_in in = {.story_id = "S", .date = "20150609", .source = "XIN", .n_sents = 3,
                      .sents = s};
    pc_raw_result r;
    pc_error err;
    assert_int_equal(pc_raw_text_parse(nlp, "no models", a, &in, 0, &r, &err), PC_OK);
    assert_int_equal(r.story.n_sents, 4);
    assert_string_equal(r.story.sents[0].parse, "(ROOT (S (NN x)))"); /* untouched */
    assert_string_equal(r.story.sents[1].sent_id, "2");
    assert_string_equal(r.story.sents[2].sent_id, "2.2"); /* the splitter found two */
    assert_string_equal(r.story.sents[3].sent_id, "3");
    assert_int_equal(r.units[0], 1);
    assert_int_equal(r.units[1], 2);
    assert_int_equal(r.units[2], 1);
    assert_int_equal(r.from[2], 1);
    assert_string_equal(r.story.source, "XIN");
    /* no models: each text-only sentence fails with the reason given */
    assert_int_equal(pc_raw_text_parse(NULL, "no models", a, &in, 0, &r, &err), PC_OK);
    assert_int_equal(r.story.n_sents, 1);
    assert_int_equal(r.n_failed, 2);
    assert_string_equal(r.failed[1].sent_id, "3");
    assert_string_equal(r.failed[1].message, "no models");
    assert_true(pc_story_has_text_only(&in));
    in.n_sents = 1;
    assert_false(pc_story_has_text_only(&in));
    pc_arena_free(a);
    pc_nlp_free(nlp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unsplit_story),
        cmocka_unit_test(test_text_only_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
