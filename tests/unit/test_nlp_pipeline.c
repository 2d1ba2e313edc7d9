/* test_nlp_pipeline.c -- pc_nlp_process (src/nlp/pipeline.c): sentences get
 * tags and parses from the backend, a sentence the backend fails on is
 * marked and the rest still parsed, over-long sentences are cut, and
 * pc_nlp_load reports missing models.  The backend here is a stand-in
 * (tags by word shape, a flat tree) so the assertions do not depend on what
 * the trained models do; t_code.sh runs the real ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/nlp.h"
#include "util/arena.h"
#include "util/error.h"

typedef struct stub {
    int tag_calls, parse_calls, freed;
    int last_beam;
} stub;

static int stub_tag(void *ctx, const char *const *w, size_t n, const char **tags)
{
    ((stub *)ctx)->tag_calls++;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(w[i], "TAGFAIL"))
            return -1;
        tags[i] = !strcmp(w[i], ".") ? "." : (w[i][0] >= 'A' && w[i][0] <= 'Z') ? "NNP" : "NN";
    }
    return 0;
}

/* "(ROOT (S (T w) ...))"; fails on a sentence with the word PARSEFAIL */
static char *stub_parse(void *ctx, const char *const *w, const char *const *t, size_t n,
                        int beam, pc_arena *a, pc_error *err)
{
    stub *s = ctx;
    s->parse_calls++;
    s->last_beam = beam;
    size_t len = 16;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(w[i], "PARSEFAIL")) {
            pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "stub cannot parse this");
            return NULL;
        }
        len += strlen(w[i]) + strlen(t[i]) + 4;
    }
    if (n == 6 && !strcmp(w[2], "about"))   /* GUM's analysis of "X is about to go ." */
        return pc_arena_strdup(a, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ about) "
                                  "(S (VP (TO to) (VP (VB go)))))) (. .)))");
    char *out = pc_arena_alloc(a, len);
    strcpy(out, "(ROOT (S");
    for (size_t i = 0; i < n; i++)
        sprintf(out + strlen(out), " (%s %s)", t[i], w[i]);
    strcat(out, "))");
    return out;
}

static void stub_free(void *ctx) { ((stub *)ctx)->freed++; }

static pc_nlp *stub_nlp(stub *s)
{
    memset(s, 0, sizeof *s);
    pc_nlp_backend b = {s, stub_tag, stub_parse, stub_free};
    pc_error e;
    pc_nlp *nlp = pc_nlp_new(&b, &e);
    assert_non_null(nlp);
    return nlp;
}

static void test_tags_and_parses(void **st)
{
    (void)st;
    stub s;
    pc_nlp *nlp = stub_nlp(&s);
    pc_arena *a = pc_arena_new(0);
    const char *text = "Date: 2025-12-19\nBEIJING, Aug 4 (AFP) - China protested. Japan "
                       "didn't.\n";
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_process(nlp, text, strlen(text), 0, a, &d, &e), 0);
    assert_string_equal(d.date, "20251219");
    assert_string_equal(d.agency, "AFP");
    assert_int_equal(d.n_sents, 2);
    assert_string_equal(d.sents[0].text, "China protested.");
    assert_string_equal(d.sents[0].parse, "(ROOT (S (NNP China) (NN protested) (. .)))");
    assert_string_equal(d.sents[1].parse, "(ROOT (S (NNP Japan) (NN did) (NN n't) (. .)))");
    assert_string_equal(d.sents[1].tokens[2].tag, "NN");
    assert_int_equal(d.sents[1].status, PC_OK);
    assert_null(d.sents[1].error);
    assert_int_equal(s.last_beam, PC_NLP_DEFAULT_BEAM);
    assert_int_equal(pc_nlp_process(nlp, text, strlen(text), 7, a, &d, &e), 0);
    assert_int_equal(s.last_beam, 7);
    pc_arena_free(a);
    pc_nlp_free(nlp);
    assert_int_equal(s.freed, 1);
}

/* The parser's tree reaches the sentence in CoreNLP's conventions
 * (nlp/conventions.h): "about to" as the coder expects it. */
static void test_parses_in_corenlp_conventions(void **st)
{
    (void)st;
    stub s;
    pc_nlp *nlp = stub_nlp(&s);
    pc_arena *a = pc_arena_new(0);
    const char *text = "Arnor is about to go.\n";
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_process(nlp, text, strlen(text), 0, a, &d, &e), 0);
    assert_int_equal(d.n_sents, 1);
    assert_string_equal(d.sents[0].parse, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) "
                                          "(S (VP (TO to) (VP (VB go)))))) (. .)))");
    pc_arena_free(a);
    pc_nlp_free(nlp);
}

static void test_failures_stay_in_their_sentence(void **st)
{
    (void)st;
    stub s;
    pc_nlp *nlp = stub_nlp(&s);
    pc_arena *a = pc_arena_new(0);
    const char *text = "One works. Two PARSEFAIL here. Three TAGFAIL too. Four works.";
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_process(nlp, text, strlen(text), 1, a, &d, &e), 0);
    assert_int_equal(d.n_sents, 4);
    assert_non_null(d.sents[0].parse);
    assert_null(d.sents[1].parse);
    assert_int_equal(d.sents[1].status, PC_ERR_PARSE);
    assert_string_equal(d.sents[1].error, "stub cannot parse this");
    assert_null(d.sents[2].parse);
    assert_int_equal(d.sents[2].status, PC_ERR_PARSE);
    assert_non_null(d.sents[2].error);
    assert_non_null(d.sents[3].parse);
    assert_int_equal(s.parse_calls, 3); /* not for the sentence the tagger failed on */
    pc_arena_free(a);
    pc_nlp_free(nlp);
}

static void test_long_sentence_is_cut(void **st)
{
    (void)st;
    stub s;
    pc_nlp *nlp = stub_nlp(&s);
    pc_arena *a = pc_arena_new(0);
    /* 400 words, a comma after every 100th: cut after commas */
    char text[400 * 6 + 8] = "";
    for (int i = 1; i <= 400; i++)
        strcat(text, i % 100 == 0 ? "word, " : "word ");
    strcat(text, "end.");
    pc_nlp_doc d;
    pc_error e;
    assert_int_equal(pc_nlp_process(nlp, text, strlen(text), 1, a, &d, &e), 0);
    assert_true(d.n_sents >= 3);
    assert_int_equal(d.n_cut, d.n_sents - 1);
    size_t total = 0;
    for (size_t i = 0; i < d.n_sents; i++) {
        assert_true(d.sents[i].n_tokens <= PC_NLP_MAX_TOKENS);
        assert_non_null(d.sents[i].parse);
        total += d.sents[i].n_tokens;
        if (i + 1 < d.n_sents) /* each piece ends after a comma */
            assert_string_equal(d.sents[i].tokens[d.sents[i].n_tokens - 1].word, ",");
    }
    assert_int_equal(total, 400 + 4 + 2); /* words, commas, "end", "." */
    pc_arena_free(a);
    pc_nlp_free(nlp);
}

static void test_bad_backends_and_missing_models(void **st)
{
    (void)st;
    pc_error e;
    pc_nlp_backend none = {0};
    assert_null(pc_nlp_new(&none, &e));
    assert_int_equal(e.code, PC_ERR_USAGE);
    assert_null(pc_nlp_load("/nonexistent/models", 1, &e));
    assert_int_not_equal(e.code, PC_OK);
    assert_non_null(strstr(e.file, "tagger.bin"));
    pc_nlp_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_and_parses),
        cmocka_unit_test(test_parses_in_corenlp_conventions),
        cmocka_unit_test(test_failures_stay_in_their_sentence),
        cmocka_unit_test(test_long_sentence_is_cut),
        cmocka_unit_test(test_bad_backends_and_missing_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
