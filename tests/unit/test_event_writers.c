/* test_event_writers.c -- the JSON Lines and Phoenix TSV writers: every
 * field, escaping (always valid JSON, always 26 TSV columns), merged ids,
 * and determinism.  JSON output is read back with jansson. */
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/jsonl_writer.h"
#include "io/phoenix_writer.h"

/* Write with fn into memory; the text (free it). */
static char *capture(int (*fn)(FILE *, const pc_event_record *), const pc_event_record *r)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(fn(f, r), 0);
    fclose(f);
    return buf;
}

static int phoenix_7(FILE *f, const pc_event_record *r)
{
    return pc_phoenix_write_event(f, r, 7);
}

static const pc_story_event ev = {
    .date = "20150609", .source = "USAGOVMIL", .target = "IGOEUREEC", .code = "0874",
    .issues = "NUCLEAR,2;PEACE,1", .ids = "S1_3", .story_source = "AFP",
    .source_text = "US \"army\"\tunit\\", .target_text = NULL, .event_text = "said\nagreed",
    .source_root = NULL, .target_root = NULL};
static const char *const ids1[] = {"S1_3"};
static const char *const src1[] = {"AFP"};

static void test_jsonl_fields(void **st)
{
    (void)st;
    pc_event_record r = {.ev = &ev, .story_id = "S1", .sent_id = "3",
                         .sentence_text = "caf\xc3\xa9 \xff bad", .n_ids = 1, .ids = ids1,
                         .sources = src1};
    char *line = capture(pc_jsonl_write_event, &r);
    assert_non_null(strchr(line, '\n'));
    assert_int_equal(strchr(line, '\n')[1], '\0'); /* exactly one line */
    json_error_t jerr;
    json_t *o = json_loads(line, 0, &jerr);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "story_id")), "S1");
    assert_string_equal(json_string_value(json_object_get(o, "sentence_id")), "3");
    assert_string_equal(json_string_value(json_array_get(json_object_get(o, "ids"), 0)), "S1_3");
    assert_string_equal(json_string_value(json_object_get(o, "date")), "20150609");
    assert_string_equal(json_string_value(json_object_get(o, "source")), "USAGOVMIL");
    assert_string_equal(json_string_value(json_object_get(o, "source_entity")), "USA");
    assert_string_equal(json_string_value(json_object_get(o, "source_role")), "GOV");
    assert_string_equal(json_string_value(json_object_get(o, "source_attribute")), "MIL");
    assert_string_equal(json_string_value(json_object_get(o, "target_entity")), "IGO");
    assert_string_equal(json_string_value(json_object_get(o, "target_role")), "");
    assert_string_equal(json_string_value(json_object_get(o, "target_attribute")), "EUR;EEC");
    assert_string_equal(json_string_value(json_object_get(o, "code")), "0874");
    assert_string_equal(json_string_value(json_object_get(o, "root_code")), "08");
    assert_int_equal(json_integer_value(json_object_get(o, "quad_class")), 2);
    assert_float_equal(json_real_value(json_object_get(o, "goldstein")), 10.0, 1e-9);
    json_t *iss = json_object_get(o, "issues");
    assert_int_equal(json_integer_value(json_object_get(iss, "NUCLEAR")), 2);
    assert_int_equal(json_integer_value(json_object_get(iss, "PEACE")), 1);
    /* texts survive escaping exactly; a missing one is null */
    assert_string_equal(json_string_value(json_object_get(o, "source_text")), "US \"army\"\tunit\\");
    assert_true(json_is_null(json_object_get(o, "target_text")));
    assert_string_equal(json_string_value(json_object_get(o, "event_text")), "said\nagreed");
    assert_true(json_is_null(json_object_get(o, "source_root")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(o, "news_sources"), 0)),
                        "AFP");
    /* a byte that is not UTF-8 becomes U+FFFD */
    assert_string_equal(json_string_value(json_object_get(o, "sentence_text")),
                        "caf\xc3\xa9 \xef\xbf\xbd bad");
    json_decref(o);
    /* numbers as people write them; fixed field order */
    assert_non_null(strstr(line, "\"quad_class\":2,\"goldstein\":10.0,"));
    assert_true(strncmp(line, "{\"story_id\":\"S1\",\"sentence_id\":\"3\",\"ids\":[\"S1_3\"],", 50) == 0);
    char *again = capture(pc_jsonl_write_event, &r);
    assert_string_equal(line, again);
    free(again);
    free(line);
}

static void test_jsonl_unknown_code(void **st)
{
    (void)st;
    pc_story_event e = ev;
    e.code = "---";
    e.issues = "";
    pc_event_record r = {.ev = &e, .story_id = "S1", .sent_id = "3", .n_ids = 1, .ids = ids1,
                         .sources = src1};
    char *line = capture(pc_jsonl_write_event, &r);
    assert_non_null(strstr(line, "\"quad_class\":null,\"goldstein\":null,\"issues\":{}"));
    assert_non_null(strstr(line, "\"sentence_text\":null}"));
    free(line);
    e.code = "111"; /* -2.0: one decimal */
    line = capture(pc_jsonl_write_event, &r);
    assert_non_null(strstr(line, "\"goldstein\":-2.0,"));
    free(line);
    e.code = "011";
    line = capture(pc_jsonl_write_event, &r);
    assert_non_null(strstr(line, "\"goldstein\":-0.1,"));
    free(line);
}

static int count(const char *s, char c)
{
    int n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

static void test_phoenix(void **st)
{
    (void)st;
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_int_equal(pc_phoenix_write_header(f), 0);
    fclose(f);
    assert_string_equal(buf, "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\t"
                             "SourceActorRole\tSourceActorAttribute\tTargetActorFull\t"
                             "TargetActorEntity\tTargetActorRole\tTargetActorAttribute\tEventCode\t"
                             "EventRootCode\tQuadClass\tGoldsteinScore\tIssues\tLat\tLon\t"
                             "LocationName\tStateName\tCountryCode\tSentenceID\tURLs\tNewsSources\n");
    free(buf);

    /* merged (one-a-day): ids and sources joined by ';', a TAB in an id is a space */
    static const char *const ids[] = {"S1_3", "S2\t_1"};
    static const char *const srcs[] = {"AFP", "XIN"};
    pc_event_record r = {.ev = &ev, .story_id = "S1", .sent_id = "3", .n_ids = 2, .ids = ids,
                         .sources = srcs};
    char *row = capture(phoenix_7, &r);
    assert_int_equal(count(row, '\t'), PC_PHOENIX_COLUMNS - 1);
    assert_string_equal(row, "7\t20150609\t2015\t06\t09\tUSAGOVMIL\tUSA\tGOV\tMIL\tIGOEUREEC\tIGO\t\t"
                             "EUR;EEC\t0874\t08\t2\t10.0\tNUCLEAR,2;PEACE,1\t\t\t\t\t\t"
                             "S1_3;S2 _1\t;\tAFP;XIN\n");
    free(row);
    /* unknown code: empty QuadClass and GoldsteinScore; no issues */
    pc_story_event e = ev;
    e.code = "---";
    e.issues = "";
    e.date = "1995";
    r.ev = &e;
    r.n_ids = 1;
    row = capture(phoenix_7, &r);
    assert_string_equal(row, "7\t1995\t1995\t\t\tUSAGOVMIL\tUSA\tGOV\tMIL\tIGOEUREEC\tIGO\t\t"
                             "EUR;EEC\t---\t--\t\t\t\t\t\t\t\t\tS1_3\t\tAFP\n");
    free(row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_fields),
        cmocka_unit_test(test_jsonl_unknown_code),
        cmocka_unit_test(test_phoenix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
