/* test_story_filter.c -- PETRARCH2's story_filter (pc_story_filter), the
 * issue Counter string and the evts line format (pc_write_evts), on
 * hand-made sentence results.
 *
 * Issue strings expected here were printed by CPython 2.7.18 running
 * story_filter's own steps:
 *     c = Counter(); for code, n in issues: c[code] += n
 *     ';'.join('{},{}'.format(k, v) for k, v in c.items())            */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "petrarch.h"
#include "story/story_filter.h"
#include "util/arena.h"

#define N(x) (sizeof(x) / sizeof((x)[0]))

static void test_issue_string_python_order(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_issue i1[] = {{"HUMAN_RIGHTS", 1}, {"ACTIVISM", 2}, {"ELECTIONS", 1}};
    assert_string_equal(pc_issue_string(a, i1, N(i1)), "ACTIVISM,2;ELECTIONS,1;HUMAN_RIGHTS,1");
    pc_issue i2[] = {{"TERRORISM", 3},    {"DRUGS", 1},    {"REFUGEES", 2},
                     {"HUMAN_RIGHTS", 1}, {"ACTIVISM", 1}, {"ELECTIONS", 4}};
    assert_string_equal(pc_issue_string(a, i2, N(i2)),
                        "DRUGS,1;ACTIVISM,1;ELECTIONS,4;TERRORISM,3;REFUGEES,2;HUMAN_RIGHTS,1");
    pc_issue i3[] = {{"HUMAN_RIGHTS", 1}, {"ACTIVISM", 2}};
    assert_string_equal(pc_issue_string(a, i3, N(i3)), "ACTIVISM,2;HUMAN_RIGHTS,1");
    pc_issue i4[] = {{"DRUGS", 1}, {"DRUGS", 2}}; /* Counter adds repeated codes */
    assert_string_equal(pc_issue_string(a, i4, N(i4)), "DRUGS,3");
    assert_string_equal(pc_issue_string(a, NULL, 0), "");
    pc_arena_free(a);
}

static pc_options opts(int actor_text, int event_text, int actor_root)
{
    pc_options o;
    memset(&o, 0, sizeof o);
    o.write_actor_text = actor_text;
    o.write_event_text = event_text;
    o.write_actor_root = actor_root;
    return o;
}

static const pc_story_event *find(const pc_story_event *ev, size_t n, const char *src,
                                  const char *tgt, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ev[i].source, src) && !strcmp(ev[i].target, tgt) && !strcmp(ev[i].code, code))
            return &ev[i];
    fail_msg("event %s %s %s not found", src, tgt, code);
    return NULL;
}

/* The same event in three sentences: ids come from the last one, issues
 * from the last one that has issues, texts from the last one that has texts. */
static void test_last_sentence_wins(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_event e1 = {"USA", "RUS", "042", "Washington", "Moscow", "visited", NULL, NULL, 1};
    pc_event e2 = {"USA", "RUS", "042", NULL, NULL, NULL, NULL, NULL, 0}; /* no texts */
    pc_event other = {"RUS", "USA", "190", "Moscow", "Washington", "fought", NULL, NULL, 1};
    pc_issue iss1[] = {{"HUMAN_RIGHTS", 1}, {"ACTIVISM", 2}};
    pc_sentence_result r1 = {.n_events = 1, .events = &e1, .n_issues = 2, .issues = iss1};
    pc_event two[] = {e2, other};
    pc_sentence_result r2 = {.n_events = 2, .events = two}; /* no issues */
    pc_sentence_result r3 = {0};                            /* no events: ignored */
    pc_filter_sent s[] = {{"3", &r1}, {"1", &r2}, {"2", &r3}};
    pc_options o = opts(1, 1, 0);
    pc_story_event *ev;
    size_t n;
    assert_int_equal(pc_story_filter(a, "STORY", "20010203", "AFP", &o, s, N(s), &ev, &n), PC_OK);
    assert_int_equal(n, 2);
    /* first-appearance order */
    assert_string_equal(ev[0].code, "042");
    assert_string_equal(ev[1].code, "190");
    const pc_story_event *x = find(ev, n, "USA", "RUS", "042");
    assert_string_equal(x->date, "20010203");
    assert_string_equal(x->ids, "STORY_1");
    assert_string_equal(x->issues, "ACTIVISM,2;HUMAN_RIGHTS,1");
    assert_string_equal(x->source_text, "Washington");
    assert_string_equal(x->target_text, "Moscow");
    assert_string_equal(x->event_text, "visited");
    assert_string_equal(x->story_source, "AFP");
    const pc_story_event *y = find(ev, n, "RUS", "USA", "190");
    assert_string_equal(y->ids, "STORY_1");
    assert_string_equal(y->issues, "");
    pc_arena_free(a);
}

/* A later sentence with issues replaces the Counter; texts are replaced
 * only for the options that are on. */
static void test_replacement_and_options(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_event e1 = {"A", "B", "010", "a1", "b1", "v1", "ra1", "rb1", 1};
    pc_event e2 = {"A", "B", "010", "a2", "b2", "v2", "ra2", "rb2", 1};
    pc_event e3 = {"A", "B", "010", NULL, NULL, NULL, NULL, NULL, 1}; /* texts all "---" */
    pc_issue i1[] = {{"DRUGS", 1}};
    pc_issue i2[] = {{"TERRORISM", 2}};
    pc_sentence_result r1 = {.n_events = 1, .events = &e1, .n_issues = 1, .issues = i1};
    pc_sentence_result r2 = {.n_events = 1, .events = &e2, .n_issues = 1, .issues = i2};
    pc_filter_sent s[] = {{"1", &r1}, {"2", &r2}};
    pc_options o = opts(0, 1, 0);
    pc_story_event *ev;
    size_t n;
    assert_int_equal(pc_story_filter(a, "S", "19950101", NULL, &o, s, N(s), &ev, &n), PC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].ids, "S_2");
    assert_string_equal(ev[0].issues, "TERRORISM,2");
    assert_string_equal(ev[0].story_source, "NULL");
    assert_null(ev[0].source_text); /* write_actor_text off: never set */
    assert_string_equal(ev[0].event_text, "v2");
    assert_null(ev[0].source_root);

    /* a later sentence whose texts for the event are all "---" still
     * replaces them (story_filter copies the sentence's entry as it is) */
    pc_sentence_result r3 = {.n_events = 1, .events = &e3};
    pc_filter_sent s3[] = {{"1", &r1}, {"2", &r2}, {"3", &r3}};
    o = opts(1, 1, 1);
    assert_int_equal(pc_story_filter(a, "S", "19950101", NULL, &o, s3, N(s3), &ev, &n), PC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].ids, "S_3");
    assert_string_equal(ev[0].issues, "TERRORISM,2");
    assert_null(ev[0].source_text);
    assert_null(ev[0].event_text);
    assert_null(ev[0].target_root);
    /* ... but one without texts (has_text 0) does not */
    e3.has_text = 0;
    assert_int_equal(pc_story_filter(a, "S", "19950101", NULL, &o, s3, N(s3), &ev, &n), PC_OK);
    assert_string_equal(ev[0].source_text, "a2");
    assert_string_equal(ev[0].event_text, "v2");
    assert_string_equal(ev[0].target_root, "rb2");
    pc_arena_free(a);
}

/* Many distinct events: the key table grows and every event stays unique. */
static void test_many_events(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    enum { NE = 500 };
    pc_event *e = calloc(2 * NE, sizeof *e);
    char (*codes)[16] = calloc(NE, sizeof *codes);
    assert_non_null(e);
    assert_non_null(codes);
    for (int i = 0; i < NE; i++) {
        snprintf(codes[i], sizeof codes[i], "%03d", i);
        e[i] = (pc_event){.source = "X", .target = "Y", .code = codes[i]};
    }
    for (int i = 0; i < NE; i++)
        e[NE + i] = e[NE - 1 - i]; /* each again, in reverse order */
    pc_sentence_result r = {.n_events = 2 * NE, .events = e};
    pc_filter_sent s[] = {{"1", &r}};
    pc_story_event *ev;
    size_t n;
    assert_int_equal(pc_story_filter(a, "S", "d", "src", NULL, s, 1, &ev, &n), PC_OK);
    assert_int_equal(n, NE);
    for (int i = 0; i < NE; i++)
        assert_string_equal(ev[i].code, codes[i]);
    free(e);
    free(codes);
    pc_arena_free(a);
}

static char *write_to_string(const pc_story_result *r, const pc_options *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(pc_write_evts(f, r, o), (int)r->n_events);
    fclose(f);
    return buf;
}

static void test_writer_format(void **st)
{
    (void)st;
    pc_story_event ev[2] = {
        {.date = "19950101", .source = "ARN", .target = "GON", .code = "050",
         .issues = "ACTIVISM,2;HUMAN_RIGHTS,1", .ids = "DEMO-00_1", .story_source = "UNITTEST",
         .source_text = "Arnor", .target_text = NULL, .event_text = "restore",
         .source_root = "ARNOR", .target_root = NULL},
        {.date = "19950101", .source = "---COP", .target = "---JUD", .code = "050", .issues = "",
         .ids = "X_2", .story_source = NULL},
    };
    pc_story_result r = {.n_events = 2, .events = ev};
    pc_options o = opts(1, 1, 0);
    char *s = write_to_string(&r, &o);
    assert_string_equal(s,
        "19950101\tARN\tGON\t050\tACTIVISM,2;HUMAN_RIGHTS,1\tDEMO-00_1\tUNITTEST\tArnor\t---\trestore\n"
        "19950101\t---COP\t---JUD\t050\t\tX_2\tNULL\t---\t---\t---\n");
    free(s);
    o = opts(0, 0, 0);
    s = write_to_string(&r, &o);
    assert_string_equal(s, "19950101\tARN\tGON\t050\tACTIVISM,2;HUMAN_RIGHTS,1\tDEMO-00_1\tUNITTEST\n"
                           "19950101\t---COP\t---JUD\t050\t\tX_2\tNULL\n");
    free(s);
    o = opts(1, 0, 1);
    s = write_to_string(&r, &o);
    assert_string_equal(s,
        "19950101\tARN\tGON\t050\tACTIVISM,2;HUMAN_RIGHTS,1\tDEMO-00_1\tUNITTEST\tArnor\t---\tARNOR\t---\n"
        "19950101\t---COP\t---JUD\t050\t\tX_2\tNULL\t---\t---\t---\t---\n");
    free(s);
    /* a discarded story writes nothing */
    r.discarded = 1;
    r.n_events = 0;
    s = write_to_string(&r, &o);
    assert_string_equal(s, "");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_string_python_order),
        cmocka_unit_test(test_last_sentence_wins),
        cmocka_unit_test(test_replacement_and_options),
        cmocka_unit_test(test_many_events),
        cmocka_unit_test(test_writer_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
