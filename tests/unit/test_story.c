/* test_story.c -- pc_coder_code_story (PETRARCH2's do_coding loop for one
 * story) with a FAKE sentence coder: this file defines pc_coder_reset and
 * pc_coder_sentence_noreset itself, so the linker takes these instead of the
 * library's (and then does not pull in src/coder at all).  Like the real
 * one, the fake checks discards and finds issues (only for a sentence with
 * events, only with an issue file).  It reads its behaviour from the text:
 *     "EV:SRC,TGT,CODE EV:..."  events      "ISSUE:CODE"  an issue
 *     "ERR"  a coding error     "SDISC"  sentence discard   "XDISC"  story discard
 *
 * Expected coding orders are CPython 2.7.18 dict orders, printed with
 *     d = {}; for k in keys: d[k] = 1
 *     print d.keys()                                                       */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coder/coder.h"
#include "util/error.h"

#define N(x) (sizeof(x) / sizeof((x)[0]))

/* ------------------------------------------------------------ the fake */

static char coded_order[256];  /* sentence texts' first word, as coded */

void pc_coder_reset(pc_coder *c)
{
    pc_arena_reset(c->arena);
}

pc_status pc_coder_sentence_noreset(pc_coder *c, const char *parse, const char *text,
                                    const char *date, pc_sentence_result *out, pc_error *err)
{
    (void)parse;
    (void)date;
    memset(out, 0, sizeof *out);
    size_t l = strlen(coded_order), w = strcspn(text, " ");
    assert_true(l + w + 2 < sizeof coded_order);
    if (l)
        coded_order[l++] = ' ';
    memcpy(coded_order + l, text, w);
    coded_order[l + w] = '\0';
    if (strstr(text, "ERR"))
        return pc_error_set(err, PC_ERR_CODER, NULL, 0, NULL, "fake failure");
    if (strstr(text, "XDISC")) {
        out->discard = PC_DISCARD_STORY;
        out->discard_phrase = "+ XDISC";
        return PC_OK;
    }
    if (strstr(text, "SDISC")) {
        out->discard = PC_DISCARD_SENTENCE;
        out->discard_phrase = " SDISC";
        return PC_OK;
    }
    pc_event *ev = pc_arena_calloc(c->arena, 8, sizeof *ev);
    for (const char *p = text; (p = strstr(p, "EV:")) != NULL && out->n_events < 8; p += 3) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)strcspn(p + 3, " "), p + 3);
        char *s1 = strchr(buf, ','), *s2 = s1 ? strchr(s1 + 1, ',') : NULL;
        assert_non_null(s2);
        *s1 = *s2 = '\0';
        pc_event *e = &ev[out->n_events++];
        e->source = pc_arena_strdup(c->arena, buf);
        e->target = pc_arena_strdup(c->arena, s1 + 1);
        e->code = pc_arena_strdup(c->arena, s2 + 1);
        e->source_text = "src text";
        e->has_text = 1;
    }
    out->events = ev;
    /* issues: only for a sentence with events, only with an issue file */
    if (out->n_events && c->has_issues) {
        pc_issue *v = pc_arena_alloc(c->arena, 8 * sizeof *v);
        for (const char *p = text; (p = strstr(p, "ISSUE:")) != NULL && out->n_issues < 8;
             p += 6) {
            v[out->n_issues].code = pc_arena_strndup(c->arena, p + 6, strcspn(p + 6, " "));
            v[out->n_issues++].count = 1;
        }
        out->issues = v;
    }
    return PC_OK;
}

/* ------------------------------------------------------------- helpers */

static pc_coder *fake_coder(int has_issues)
{
    static pc_coder c;
    memset(&c, 0, sizeof c);
    c.arena = pc_arena_new(0);
    c.scratch = pc_arena_new(0);
    c.has_issues = has_issues;
    c.opt.write_actor_text = 1;
    coded_order[0] = '\0';
    return &c;
}

static void free_coder(pc_coder *c)
{
    pc_arena_free(c->arena);
    pc_arena_free(c->scratch);
}

static const pc_story_event *find(const pc_story_result *r, const char *code)
{
    for (size_t i = 0; i < r->n_events; i++)
        if (strcmp(r->events[i].code, code) == 0)
            return &r->events[i];
    fail_msg("no event %s", code);
    return NULL;
}

/* --------------------------------------------------------------- tests */

/* Sentences 1..12 are coded in dict order 11 10 12 1 3 2 5 4 7 6 9 8, and
 * an event found in several sentences gets the id of the last of them in
 * that order -- not in input order. */
static void test_dict_order_and_last_id(void **st)
{
    (void)st;
    pc_coder *c = fake_coder(1);
    char texts[12][64];
    char ids[12][16];
    pc_sentence_in s[12];
    for (int i = 0; i < 12; i++) {
        snprintf(ids[i], sizeof ids[i], "%d", i + 1);
        snprintf(texts[i], sizeof texts[i], "s%d", i + 1);
        s[i] = (pc_sentence_in){.sent_id = ids[i], .text = texts[i], .parse = "(S)"};
    }
    snprintf(texts[1], sizeof texts[1], "s2 EV:A,B,010 ISSUE:DRUGS");   /* "2" */
    snprintf(texts[10], sizeof texts[10], "s11 EV:A,B,010 EV:C,D,020"); /* "11" */
    snprintf(texts[0], sizeof texts[0], "s1 EV:C,D,020 ISSUE:COAL");    /* "1" */
    snprintf(texts[7], sizeof texts[7], "s8 EV:C,D,020");              /* "8" */
    pc_story_in story = {.story_id = "ST", .date = "20000101", .source = "SRC",
                         .n_sents = 12, .sents = s};
    pc_story_result r;
    pc_error err;
    assert_int_equal(pc_coder_code_story(c, &story, &r, &err), PC_OK);
    assert_string_equal(coded_order, "s11 s10 s12 s1 s3 s2 s5 s4 s7 s6 s9 s8");
    assert_int_equal(r.n_events, 2);
    const pc_story_event *ab = find(&r, "010"), *cd = find(&r, "020");
    assert_string_equal(ab->ids, "ST_2");       /* 11 then 2: 2 is last */
    assert_string_equal(ab->issues, "DRUGS,1");
    assert_string_equal(cd->ids, "ST_8");       /* 11, 1, 8 */
    assert_string_equal(cd->issues, "COAL,1");  /* 8 has none: 1's stays */
    assert_string_equal(cd->story_source, "SRC");
    assert_string_equal(cd->date, "20000101");
    assert_string_equal(cd->source_text, "src text");
    assert_int_equal(r.n_sents, 12);
    assert_int_equal(r.sents[10].n_events, 2);
    assert_string_equal(r.sents[10].sent_id, "11");
    free_coder(c);
}

/* A sentence discard skips the sentence; a story discard stops the story
 * (dict order 0: "1" "0" "3" "2") and drops what was coded before it. */
static void test_discards(void **st)
{
    (void)st;
    pc_coder *c = fake_coder(0);
    pc_sentence_in s[] = {
        {"0", "s0 EV:A,B,010", "(S)"},
        {"1", "s1 SDISC EV:A,B,020", "(S)"},
        {"2", "s2 EV:A,B,030", "(S)"},
        {"3", "s3 EV:A,B,040", "(S)"},
    };
    pc_story_in story = {.story_id = "ST", .date = "d", .n_sents = N(s), .sents = s};
    pc_story_result r;
    assert_int_equal(pc_coder_code_story(c, &story, &r, NULL), PC_OK);
    assert_string_equal(coded_order, "s1 s0 s3 s2"); /* dict order; s1 discards itself */
    assert_false(r.discarded);
    assert_int_equal(r.n_events, 3);
    assert_int_equal(r.sents[1].discard, PC_DISCARD_SENTENCE);
    assert_string_equal(r.sents[1].message, " SDISC");
    assert_string_equal(r.events[0].story_source, "NULL");

    coded_order[0] = '\0';
    s[3].text = "s3 XDISC";
    assert_int_equal(pc_coder_code_story(c, &story, &r, NULL), PC_OK);
    assert_string_equal(coded_order, "s1 s0 s3"); /* 3 discards the story: 2 never coded */
    assert_true(r.discarded);
    assert_int_equal(r.n_events, 0);
    assert_int_equal(r.sents[3].discard, PC_DISCARD_STORY);
    assert_string_equal(r.sents[3].message, "+ XDISC");
    assert_int_equal(r.sents[2].discard, PC_DISCARD_STORY); /* after it: not coded */
    assert_null(r.sents[2].message);
    assert_int_equal(r.sents[0].n_events, 1);               /* coded before it */
    free_coder(c);
}

/* A sentence error is recorded and the rest of the story coded; issues come
 * from the last sentence that has some. */
static void test_issues_and_errors(void **st)
{
    (void)st;
    pc_coder *c = fake_coder(1);
    pc_sentence_in s[] = {
        {"1", "s1 ISSUE:DRUGS", "(S)"},            /* no events: issue not counted */
        {"2", "s2 ERR EV:A,B,010", "(S)"},
        {"3", "s3 EV:A,B,010 ISSUE:COAL", "(S)"},
        {"4", "s4", NULL},                         /* no parse */
    };
    pc_story_in story = {.story_id = "ST", .date = "d", .n_sents = N(s), .sents = s};
    pc_story_result r;
    assert_int_equal(pc_coder_code_story(c, &story, &r, NULL), PC_OK);
    assert_int_equal(r.n_events, 1);
    assert_string_equal(r.events[0].ids, "ST_3");
    assert_string_equal(r.events[0].issues, "COAL,1");
    assert_int_equal(r.sents[1].status, PC_ERR_CODER);
    assert_string_equal(r.sents[1].message, "fake failure");
    assert_int_equal(r.sents[3].status, PC_ERR_INPUT);
    assert_int_equal(r.sents[0].status, PC_OK);

    c->has_issues = 0; /* no issue file configured */
    assert_int_equal(pc_coder_code_story(c, &story, &r, NULL), PC_OK);
    assert_string_equal(r.events[0].issues, "");
    free_coder(c);
}

/* The same sentence id twice: a dict assignment -- the later sentence is
 * coded, in the first one's place. */
static void test_duplicate_sentence_ids(void **st)
{
    (void)st;
    pc_coder *c = fake_coder(0);
    pc_sentence_in s[] = {
        {"1", "first EV:A,B,010", "(S)"},
        {"0", "zero", "(S)"},
        {"1", "second EV:A,B,020", "(S)"},
    };
    pc_story_in story = {.story_id = "ST", .date = "d", .n_sents = N(s), .sents = s};
    pc_story_result r;
    assert_int_equal(pc_coder_code_story(c, &story, &r, NULL), PC_OK);
    assert_string_equal(coded_order, "second zero");
    assert_int_equal(r.n_events, 1);
    assert_string_equal(r.events[0].code, "020");
    assert_string_equal(r.sents[0].message, "replaced by a later sentence with the same id");
    free_coder(c);
}

static void test_bad_arguments(void **st)
{
    (void)st;
    pc_coder *c = fake_coder(0);
    pc_story_result r;
    pc_error err;
    pc_story_in story = {.story_id = NULL, .date = "d"};
    assert_int_equal(pc_coder_code_story(c, &story, &r, &err), PC_ERR_USAGE);
    story.story_id = "S"; /* an empty story is fine */
    assert_int_equal(pc_coder_code_story(c, &story, &r, &err), PC_OK);
    assert_int_equal(r.n_events, 0);
    free_coder(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_order_and_last_id),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_issues_and_errors),
        cmocka_unit_test(test_duplicate_sentence_ids),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
