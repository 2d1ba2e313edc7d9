/* test_alloc_fail.c -- out of memory, everywhere: the N-th allocation of the
 * library fails (src/util/alloc.h, as libexpat's allocation tests do) for
 * N = 1, 2, ... until the operation no longer allocates that much, while
 * loading a config and its dictionaries, coding stories and coding them on
 * threads.  Each time the library must return an error -- PC_ERR_NOMEM, not
 * a crash or a wrong success -- and free everything it took
 * (pc_alloc_live() back where it was; ASan/LSan watch too in `make SAN=1
 * test`).  Both ways: only the N-th allocation fails (the code must not
 * trip over its own recovery), or it and every later one (sticky).
 * Run from the repository root (data/...). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "petrarch.h"
#include "story/parallel.h"
#include "util/alloc.h"
#include "util/arena.h"

/* Two stories from PETRARCH2's unit-test records (DEMO-06, DEMO-16, and two
 * that the Phoenix discard list and issue list act on), one line each. */
static const char *const PARSE_A =
    "(ROOT (S (NP (DT The) (JJ Calenardhon) (NN government)) (VP (VP (VBD condemned) "
    "(NP (DT an) (NN attack)) (PP (IN by) (NP (NP (NNP Osgiliath) (NNS soldiers)) (PP "
    "(IN in) (NP (JJ south) (NNP Ithilen))))) (PP (IN on) (NP (NNP Thursday)))) (CC and) "
    "(VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (DT the) (VBN affected) (NN "
    "Ithilen) (NNS villages))))) (. .)))";
static const char *const TEXT_A =
    "The Calenardhon government condemned an attack by Osgiliath soldiers in south "
    "Ithilen on Thursday and promised aid to the affected Ithilen villages.";
static const char *const PARSE_B =
    "(ROOT (S (NP (NNP Fornost) (NNP President) (NNP Umbardacil)) (VP (VBZ has) (ADVP "
    "(RB again)) (VP (VBN appealed) (PP (IN for) (NP (NP (NN peace)) (PP (IN in) (NP "
    "(NNP Ithilen))))) (PP (IN in) (NP (DT a) (NN message))) (PP (TO to) (NP (NP (DT "
    "the) (JJ spiritial) (NN leader)) (PP (IN of) (NP (NP (DT the) (JJ war-torn) (NN "
    "nation) (POS 's)) (JJ influential) (NNP Douzu) (NN community))))))) (. .)))";
static const char *const TEXT_B =
    "Fornost President Umbardacil has again appealed for peace in Ithilen in a message "
    "to the spiritial leader of the war-torn nation's influential Douzu community.";
static const char *const PARSE_C =
    "(ROOT (S (NP (NNP Arnor) (NNS protesters)) (VP (VBD demonstrated) (PP (IN against) "
    "(NP (NN corruption) (CC and) (NN poverty))) (PP (IN in) (NP (NNP Gondor)))) (. .)))";
static const char *const TEXT_C =
    "Arnor protesters demonstrated against corruption and poverty in Gondor.";

static pc_sentence_in S1[2], S2[2];
static pc_story_in STORIES[2];

static void make_stories(void)
{
    S1[0] = (pc_sentence_in){"1", TEXT_A, PARSE_A};
    S1[1] = (pc_sentence_in){"2", TEXT_B, PARSE_B};
    S2[0] = (pc_sentence_in){"1", TEXT_C, PARSE_C};
    S2[1] = (pc_sentence_in){"2", TEXT_A, PARSE_A};
    STORIES[0] = (pc_story_in){"AF1", "20150101", "SRC", 2, S1};
    STORIES[1] = (pc_story_in){"AF2", "20150102", NULL, 2, S2};
}

static void quiet(void *ud, const pc_error *w)
{
    (void)ud;
    (void)w;
}

/* A sweep runs `op` with the N-th allocation failing for N = 1, 2, ...
 * (every `step`-th N when step > 1) until an attempt makes no allocation
 * fail; op returns PC_OK or an error and must have freed everything. */
typedef pc_status (*op_fn)(void *ctx);

static long sweep(op_fn op, void *ctx, int sticky, long step)
{
    long n;
    for (n = 1;; n += step) {
        long live0 = pc_alloc_live();
        pc_alloc_fail_at(n, sticky);
        pc_status st = op(ctx);
        long failed = pc_alloc_failed();
        pc_alloc_fail_at(0, 0);
        if (pc_alloc_live() != live0)
            fail_msg("allocation %ld failing%s: %ld blocks leaked", n, sticky ? " (sticky)" : "",
                     pc_alloc_live() - live0);
        if (failed == 0) {
            if (st != PC_OK)
                fail_msg("no allocation failed, yet %s", pc_status_name(st));
            break;
        }
        if (st != PC_OK && st != PC_ERR_NOMEM)
            fail_msg("allocation %ld failing%s: got %s, wanted PC_ERR_NOMEM", n,
                     sticky ? " (sticky)" : "", pc_status_name(st));
        if (sticky && st == PC_OK)
            fail_msg("allocation %ld and all after it failing, yet PC_OK", n);
    }
    return n;
}

/* ------------------------------------------------------- config + dicts */

typedef struct load_ctx {
    const char *config;
} load_ctx;

static pc_status op_load(void *vctx)
{
    load_ctx *c = vctx;
    pc_error err;
    pc_config *cfg = pc_config_load(c->config, "data", &err);
    if (!cfg)
        return err.code;
    pc_dicts *d = pc_dicts_load(cfg, quiet, NULL, &err);
    pc_config_free(cfg);
    if (!d)
        return err.code;
    pc_dicts_free(d);
    return PC_OK;
}

/* the small validation dictionaries: every N */
static void test_load_validate(void **state)
{
    (void)state;
    load_ctx c = {"data/PETR_validate.ini"};
    long n1 = sweep(op_load, &c, 1, 1);
    long n2 = sweep(op_load, &c, 0, 1);
    assert_true(n1 > 10);
    assert_int_equal(n1, n2);
}

/* the Phoenix dictionaries take longer to load: about 25 N spread over all */
static void test_load_phoenix_sampled(void **state)
{
    (void)state;
    load_ctx c = {"data/PETR_config.ini"};
    pc_alloc_fail_at(0, 0);
    assert_int_equal(op_load(&c), PC_OK);
    long total = pc_alloc_count();
    assert_true(total > 10);
    long step = total / 25 + 1;
    sweep(op_load, &c, 1, step);
    sweep(op_load, &c, 0, step);
}

/* ------------------------------------------------------------- coding */

static pc_config *CFG;
static pc_dicts *DICTS;

static int setup(void **state)
{
    (void)state;
    pc_error err;
    make_stories();
    CFG = pc_config_load("data/PETR_config.ini", "data", &err);
    DICTS = CFG ? pc_dicts_load(CFG, quiet, NULL, &err) : NULL;
    if (!DICTS)
        fprintf(stderr, "cannot load data/PETR_config.ini: %s\n", err.message);
    return DICTS ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_dicts_free(DICTS);
    pc_config_free(CFG);
    return 0;
}

static pc_status op_code(void *vctx)
{
    FILE *out = vctx;
    pc_error err;
    pc_coder *c = pc_coder_new(DICTS, CFG, &err);
    if (!c)
        return err.code;
    pc_status st = PC_OK;
    for (size_t i = 0; i < 2 && st == PC_OK; i++) {
        pc_story_result r;
        st = pc_coder_code_story(c, &STORIES[i], &r, &err);
        if (st == PC_OK && pc_write_evts(out, &r, pc_config_options(CFG)) < 0)
            st = PC_ERR_IO;
        /* a sentence may also report its own NOMEM */
        for (size_t k = 0; st == PC_OK && k < r.n_sents; k++)
            if (r.sents[k].status != PC_OK && r.sents[k].status != PC_ERR_NOMEM)
                fail_msg("sentence %s: %s", r.sents[k].sent_id, pc_status_name(r.sents[k].status));
    }
    pc_coder_free(c);
    return st;
}

static void test_code_stories(void **state)
{
    (void)state;
    FILE *out = tmpfile();
    assert_non_null(out);
    /* the stories do code to events */
    pc_alloc_fail_at(0, 0);
    assert_int_equal(op_code(out), PC_OK);
    assert_true(ftell(out) > 0);
    long n = sweep(op_code, out, 1, 1);
    assert_int_equal(sweep(op_code, out, 0, 1), n);
    /* 256-byte arena chunks: the coder allocates at nearly every step, and
     * each of those steps gets its turn to fail */
    pc_arena_set_default_chunk(256);
    long m = sweep(op_code, out, 1, 1);
    assert_int_equal(sweep(op_code, out, 0, 1), m);
    pc_arena_set_default_chunk(0);
    print_message("coding 2 stories: %ld allocations, %ld with 256-byte chunks\n", n - 1, m - 1);
    assert_true(m > 10 * n);
    fclose(out);
}

/* ----------------------------------------------------------- threads */

typedef struct par_ctx {
    long delivered, nomem;
} par_ctx;

static int on_result(void *ud, size_t seq, const pc_story_in *story, void *tag,
                     pc_status status, const pc_story_result *res, const pc_error *err)
{
    par_ctx *c = ud;
    (void)story;
    (void)tag;
    (void)err;
    if (seq != (size_t)c->delivered)
        fail_msg("story %zu delivered as number %ld", seq, c->delivered);
    c->delivered++;
    if (status == PC_ERR_NOMEM) {
        assert_null(res);
        c->nomem++;
    } else if (status != PC_OK) {
        fail_msg("story %zu: %s", seq, pc_status_name(status));
    }
    return 0;
}

static pc_status op_parallel(void *vctx)
{
    (void)vctx;
    par_ctx c = {0, 0};
    pc_error err;
    pc_status st = pc_code_stories(DICTS, CFG, 2, STORIES, 2, on_result, &c, &err);
    if (st != PC_OK)
        return st;
    assert_int_equal(c.delivered, 2);
    return c.nomem ? PC_ERR_NOMEM : PC_OK;
}

static void test_parallel(void **state)
{
    (void)state;
    pc_alloc_fail_at(0, 0);
    assert_int_equal(op_parallel(NULL), PC_OK);
    sweep(op_parallel, NULL, 1, 1);
    sweep(op_parallel, NULL, 0, 1);
    pc_arena_set_default_chunk(256);
    sweep(op_parallel, NULL, 1, 7);
    sweep(op_parallel, NULL, 0, 7);
    pc_arena_set_default_chunk(0);
}

int main(void)
{
    const struct CMUnitTest load[] = {
        cmocka_unit_test(test_load_validate),
        cmocka_unit_test(test_load_phoenix_sampled),
    };
    const struct CMUnitTest coding[] = {
        cmocka_unit_test(test_code_stories),
        cmocka_unit_test(test_parallel),
    };
    int r = cmocka_run_group_tests_name("load", load, NULL, NULL);
    return r + cmocka_run_group_tests_name("coding", coding, setup, teardown);
}
