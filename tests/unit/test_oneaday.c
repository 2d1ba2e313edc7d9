/* test_oneaday.c -- the one-a-day filter across stories (story/oneaday.h),
 * with phoenix_pipeline's oneaday_filter.py semantics: one event per
 * (date, source, target, code); ids extended, sources appended (repeats
 * kept), issue counts added; deterministic order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "story/oneaday.h"

typedef struct ev_in {
    const char *date, *src, *tgt, *code, *issues, *id, *news, *text;
} ev_in;

static void add(pc_oneaday *d, const ev_in *x)
{
    pc_story_event e = {.date = x->date, .source = x->src, .target = x->tgt, .code = x->code,
                        .issues = x->issues, .ids = x->id, .story_source = x->news,
                        .event_text = x->text};
    const char *ids[1] = {x->id}, *srcs[1] = {x->news};
    pc_event_record r = {.ev = &e, .story_id = "S", .sent_id = "1", .sentence_text = x->text,
                         .n_ids = 1, .ids = ids, .sources = srcs};
    assert_int_equal(pc_oneaday_add(d, &r), 0);
}

static void test_merge(void **st)
{
    (void)st;
    pc_oneaday *d = pc_oneaday_new();
    assert_non_null(d);
    static const ev_in in[] = {
        {"20150609", "USA", "RUS", "042", "PEACE,1", "A_1", "AFP", "met"},
        {"20150609", "USA", "CHN", "042", "", "A_2", "AFP", "met"},
        {"20150609", "USA", "RUS", "042", "NUCLEAR,2;PEACE,3", "B_4", "AFP", "talked"},
        {"20150610", "USA", "RUS", "042", "", "C_1", "XIN", "met"},      /* another day */
        {"20150609", "USA", "RUS", "043", "", "D_1", "XIN", "visited"},  /* another code */
        {"20150609", "USA", "RUS", "042", "", "E_9", NULL, "saw"},        /* no source */
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        add(d, &in[i]);
    assert_int_equal(pc_oneaday_count(d), 4);
    const pc_event_record *r = pc_oneaday_get(d, 0);
    assert_string_equal(r->ev->date, "20150609");
    assert_string_equal(r->ev->target, "RUS");
    assert_string_equal(r->ev->code, "042");
    assert_int_equal(r->n_ids, 3);
    assert_string_equal(r->ids[0], "A_1");
    assert_string_equal(r->ids[1], "B_4");
    assert_string_equal(r->ids[2], "E_9");
    assert_string_equal(r->ev->ids, "A_1;B_4;E_9");
    assert_string_equal(r->ev->story_source, "AFP;AFP;NULL");
    assert_string_equal(r->ev->issues, "PEACE,4;NUCLEAR,2");
    assert_string_equal(r->ev->event_text, "met"); /* the first event's */
    assert_string_equal(r->sentence_text, "met");
    r = pc_oneaday_get(d, 1);
    assert_string_equal(r->ev->target, "CHN");
    assert_string_equal(r->ev->ids, "A_2");
    assert_string_equal(r->ev->issues, "");
    r = pc_oneaday_get(d, 2);
    assert_string_equal(r->ev->date, "20150610");
    r = pc_oneaday_get(d, 3);
    assert_string_equal(r->ev->code, "043");
    pc_oneaday_free(d);
}

/* Many keys: the table grows; every event lands in its own key once. */
static void test_many(void **st)
{
    (void)st;
    pc_oneaday *d = pc_oneaday_new();
    char code[8], id[16];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 3000; i++) {
            snprintf(code, sizeof code, "%03d", i % 1000);
            snprintf(id, sizeof id, "S%d_%d", round, i);
            ev_in x = {"20150609", i < 1000 ? "USA" : i < 2000 ? "RUS" : "CHN", "IRN", code, "",
                       id, "AFP", NULL};
            add(d, &x);
        }
    assert_int_equal(pc_oneaday_count(d), 3000);
    for (size_t i = 0; i < 3000; i++)
        assert_int_equal(pc_oneaday_get(d, i)->n_ids, 2);
    assert_string_equal(pc_oneaday_get(d, 2999)->ev->ids, "S0_2999;S1_2999");
    pc_oneaday_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
