/* test_parallel.c -- src/story/parallel.c: stories coded on several threads
 * come back in submission order with exactly the results one pc_coder gives
 * them one by one; copied stories may be overwritten as soon as they are
 * submitted; a callback that asks to stop stops everything after it, and
 * every story submitted is either delivered or dropped (its tag released).
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

static pc_config *CFG;
static pc_dicts *DICTS;

/* Sentences from PETRARCH2's unit-test records, one line each. */
static const char *const PARSES[] = {
    "(ROOT (S (NP (DT The) (JJ Calenardhon) (NN government)) (VP (VBD condemned) (NP (DT an) "
    "(NN attack)) (PP (IN by) (NP (NNP Osgiliath) (NNS soldiers)))) (. .)))",
    "(ROOT (S (NP (NNP Russia)) (VP (VBD attacked) (NP (NNP Ukraine))) (. .)))",
    "(ROOT (S (NP (NNP France)) (VP (VBD praised) (NP (NNP Germany))) (. .)))",
    "(ROOT (S (NP (NNP China)) (VP (VBD accused) (NP (NNP Japan)) (PP (IN of) (NP (NN "
    "aggression)))) (. .)))",
};
static const char *const TEXTS[] = {
    "The Calenardhon government condemned an attack by Osgiliath soldiers.",
    "Russia attacked Ukraine.",
    "France praised Germany.",
    "China accused Japan of aggression.",
};

#define NSTORIES 60
static pc_sentence_in SENTS[NSTORIES][3];
static pc_story_in STORIES[NSTORIES];
static char IDS[NSTORIES][16];

static int setup(void **state)
{
    (void)state;
    pc_error err;
    CFG = pc_config_load("data/PETR_config.ini", "data", &err);
    DICTS = CFG ? pc_dicts_load(CFG, NULL, NULL, &err) : NULL;
    if (!DICTS)
        return -1;
    for (int i = 0; i < NSTORIES; i++) {
        snprintf(IDS[i], sizeof IDS[i], "P%03d", i);
        size_t n = (size_t)(i % 3) + 1; /* 1 to 3 sentences */
        for (size_t k = 0; k < n; k++) {
            int j = (i + (int)k) % 4;
            SENTS[i][k] = (pc_sentence_in){k == 0 ? "1" : k == 1 ? "2" : "3", TEXTS[j], PARSES[j]};
        }
        STORIES[i] = (pc_story_in){IDS[i], "20150101", "SRC", n, SENTS[i]};
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pc_dicts_free(DICTS);
    pc_config_free(CFG);
    return 0;
}

/* a story's events as text, for comparing */
static char *render(const pc_story_result *r)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_true(pc_write_evts(f, r, pc_config_options(CFG)) >= 0);
    fclose(f);
    return buf;
}

typedef struct got {
    size_t delivered, dropped, stop_after;
    char *text[NSTORIES];
    int tag_ok;
} got;

static int on_result(void *ud, size_t seq, const pc_story_in *story, void *tag,
                     pc_status status, const pc_story_result *res, const pc_error *err)
{
    got *g = ud;
    (void)err;
    assert_int_equal(status, PC_OK);
    assert_int_equal(seq, g->delivered);
    assert_string_equal(story->story_id, IDS[seq]);
    if (tag != &IDS[seq])
        g->tag_ok = 0;
    g->text[seq] = render(res);
    g->delivered++;
    return g->stop_after && g->delivered == g->stop_after;
}

static void on_drop(void *ud, void *tag)
{
    got *g = ud;
    (void)tag;
    g->dropped++;
}

/* each story coded alone on one coder */
static char *expected(size_t i)
{
    pc_error err;
    pc_coder *c = pc_coder_new(DICTS, CFG, &err);
    assert_non_null(c);
    pc_story_result r;
    assert_int_equal(pc_coder_code_story(c, &STORIES[i], &r, &err), PC_OK);
    char *t = render(&r);
    pc_coder_free(c);
    return t;
}

static void run_threads(int nthreads, int copy)
{
    got g;
    memset(&g, 0, sizeof g);
    g.tag_ok = 1;
    pc_error err;
    pc_parallel *p = pc_parallel_new(DICTS, CFG, nthreads, on_result, &g, &err);
    assert_non_null(p);
    for (size_t i = 0; i < NSTORIES; i++) {
        pc_story_in s = STORIES[i];
        pc_sentence_in tmp[3];
        if (copy) {
            /* a story in memory the caller reuses at once */
            memcpy(tmp, s.sents, s.n_sents * sizeof *tmp);
            s.sents = tmp;
        }
        assert_int_equal(pc_parallel_submit(p, &s, copy, &IDS[i], &err), 0);
        if (copy)
            memset(tmp, 0, sizeof tmp);
    }
    assert_int_equal(pc_parallel_finish(p), 0);
    pc_parallel_free(p);
    assert_int_equal(g.delivered, NSTORIES);
    assert_true(g.tag_ok);
    size_t with_events = 0;
    for (size_t i = 0; i < NSTORIES; i++) {
        char *e = expected(i);
        assert_string_equal(g.text[i], e);
        with_events += e[0] != '\0';
        free(e);
        free(g.text[i]);
    }
    assert_true(with_events > NSTORIES / 2);
}

static void test_one_thread(void **state) { (void)state; run_threads(1, 0); }
static void test_two_threads(void **state) { (void)state; run_threads(2, 0); }
static void test_five_threads_copied(void **state) { (void)state; run_threads(5, 1); }

/* Many rounds of many short stories on 2 and 3 threads: the hand-over
 * between the submitting thread (which codes too when the ring is full)
 * and the workers must neither hang nor lose or reorder a story, whatever
 * the timing.  (A submitter that waited for half the ring while the story
 * next to deliver was still being coded once spun here holding the lock.) */
typedef struct tally {
    size_t delivered, events, bad_order;
} tally;

static int on_count(void *ud, size_t seq, const pc_story_in *story, void *tag,
                    pc_status status, const pc_story_result *res, const pc_error *err)
{
    tally *t = ud;
    (void)story;
    (void)tag;
    (void)err;
    if (status != PC_OK || seq != t->delivered)
        t->bad_order++;
    t->delivered++;
    t->events += res ? res->n_events : 0;
    return 0;
}

static void test_many_rounds(void **state)
{
    (void)state;
    enum { ROUNDS = 30, N = 1500 };
    static pc_story_in many[N];
    size_t events_one = 0;
    for (size_t i = 0; i < N; i++)
        many[i] = STORIES[i % NSTORIES];
    for (int nthreads = 1; nthreads <= 3; nthreads++) {
        for (int round = 0; round < (nthreads == 1 ? 1 : ROUNDS); round++) {
            tally t = {0, 0, 0};
            pc_error err;
            assert_int_equal(pc_code_stories(DICTS, CFG, nthreads, many, N, on_count, &t, &err),
                             PC_OK);
            assert_int_equal(t.delivered, N);
            assert_int_equal(t.bad_order, 0);
            if (nthreads == 1)
                events_one = t.events;
            assert_int_equal(t.events, events_one);
        }
    }
    assert_true(events_one > N / 2);
}

static void test_stop(void **state)
{
    (void)state;
    for (int nthreads = 1; nthreads <= 4; nthreads += 3) {
        got g;
        memset(&g, 0, sizeof g);
        g.tag_ok = 1;
        g.stop_after = 10;
        pc_error err;
        pc_parallel *p = pc_parallel_new(DICTS, CFG, nthreads, on_result, &g, &err);
        assert_non_null(p);
        pc_parallel_on_drop(p, on_drop);
        size_t submitted = 0;
        for (size_t i = 0; i < NSTORIES; i++) {
            int r = pc_parallel_submit(p, &STORIES[i], 1, &IDS[i], &err);
            if (r == 1)
                break;
            assert_int_equal(r, 0);
            submitted++;
        }
        pc_parallel_finish(p);
        pc_parallel_free(p);
        assert_int_equal(g.delivered, 10);
        assert_int_equal(g.delivered + g.dropped, submitted);
        for (size_t i = 0; i < g.delivered; i++)
            free(g.text[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_thread),
        cmocka_unit_test(test_two_threads),
        cmocka_unit_test(test_five_threads_copied),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_many_rounds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
