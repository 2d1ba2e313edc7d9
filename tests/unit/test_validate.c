/* test_validate.c -- the validation records reader (ids made unique as
 * unittest_to_batch.py does, gold kinds as score_unittest.py counts them,
 * ElementTree's .text), the scorer's counts and summary line, and the
 * exclusion list, on hand-made inputs.  The end-to-end figures against
 * PETRARCH2's are in tests/t_validate.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "petrarch.h"
#include "validate/validate.h"

static const char RECORDS[] =
    "<Validation>\n"
    "<Environment><Verbfile> v.txt </Verbfile><Actorfile>a1.txt</Actorfile>\n"
    "<Actorfile>a2.txt</Actorfile><Agentfile>g.txt</Agentfile>\n"
    "<Discardfile>d.txt</Discardfile><Include>DEMO</Include></Environment>\n"
    "<Sentences>\n"
    "<Sentence date=\"20000101\" id=\"A_1\" category=\"X\">\n"
    "<EventCoding sourcecode=\" ARN \" targetcode=\"GON\" eventcode=\"064\"/>\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"
    "<EventCoding sourcecode=\"ABC\" targetcode=\"DEF\" eventcode=\"010\"/>\n"
    "<Text>Hello <!-- a comment --> world</Text>\n"
    "<Parse>(ROOT (S))<b/>tail</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20000101\" id=\"A-1\" category=\"Y\"><EventCoding noevents=\"True\"/>"
    "<Text>t</Text><Parse>p</Parse></Sentence>\n"
    "<Sentence date=\"20000101\" id=\"A_1\"><EventCoding error=\"dateline\"/><Text>t</Text>"
    "</Sentence>\n"
    "<Sentence id=\"B\"><Text>t</Text><Parse>p</Parse></Sentence>\n"
    "<Sentence date=\"1\" id=\"C\"><EventCoding noevents=\"True\"/>"
    "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"Z\"/><Text>t</Text>"
    "<Parse>p</Parse><Sentence id=\"nested\"/></Sentence>\n"
    "</Sentences></Validation>\n";

static int n_warnings;

static void count_warning(void *ud, const pc_error *w)
{
    (void)ud;
    (void)w;
    n_warnings++;
}

static pc_vfile *read_string(const char *s, pc_error *err)
{
    FILE *f = fmemopen((void *)s, strlen(s), "r");
    assert_non_null(f);
    pc_vfile *vf = pc_vfile_read(f, "test.xml", count_warning, NULL, err);
    fclose(f);
    return vf;
}

static void test_records(void **st)
{
    (void)st;
    pc_error err;
    n_warnings = 0;
    pc_vfile *vf = read_string(RECORDS, &err);
    assert_non_null(vf);
    assert_int_equal(n_warnings, 1); /* the nested <Sentence> */
    const pc_venv *e = &vf->env;
    assert_true(e->present);
    assert_string_equal(e->verbs, "v.txt");
    assert_int_equal(e->n_actors, 2);
    assert_string_equal(e->actors[1], "a2.txt");
    assert_string_equal(e->agents, "g.txt");
    assert_string_equal(e->discards, "d.txt");
    assert_null(e->issues);
    assert_int_equal(vf->n, 5);

    const pc_vrecord *r = &vf->recs[0];
    assert_string_equal(r->id, "A_1");
    assert_string_equal(r->story, "A-1");
    assert_string_equal(r->category, "X");
    assert_string_equal(r->kind, "events");
    assert_int_equal(r->line, 6);
    assert_int_equal(r->gold.n, 2); /* a set: the repeated coding counts once, sorted */
    assert_string_equal(r->gold.v[0].source, "ABC");
    assert_string_equal(r->gold.v[1].source, "ARN"); /* stripped */
    assert_string_equal(r->gold.v[1].code, "064");
    assert_string_equal(r->text, "Hello  world"); /* comment dropped, data joined */
    assert_string_equal(r->parse, "(ROOT (S))"); /* .text ends at the first child */

    assert_string_equal(vf->recs[1].story, "A-1-dup2"); /* '_' -> '-' collides */
    assert_string_equal(vf->recs[1].kind, "noevents");
    assert_string_equal(vf->recs[2].story, "A-1-dup3");
    assert_string_equal(vf->recs[2].kind, "error:dateline");
    assert_null(vf->recs[2].parse);
    assert_string_equal(vf->recs[3].kind, "nocoding");
    assert_null(vf->recs[3].date);
    assert_string_equal(vf->recs[3].category, "");
    assert_string_equal(vf->recs[4].kind, "events"); /* gold wins over noevents */
    pc_vfile_free(vf);
}

static void test_bad_xml(void **st)
{
    (void)st;
    pc_error err;
    assert_null(read_string("<Validation>\n<Sentence id=\"x\">\n</Validation>\n", &err));
    assert_int_equal(err.code, PC_ERR_INPUT);
    assert_int_equal(err.line, 3);
}

/* ------------------------------------------------------------ scoring */

static pc_vtriple T(const char *s, const char *t, const char *c)
{
    pc_vtriple x = {s, t, c};
    return x;
}

static void test_score(void **st)
{
    (void)st;
    pc_vtriple a = T("A", "B", "010"), b = T("A", "C", "020"), c = T("C", "A", "030");
    pc_vtriple g1[] = {a}, g2[] = {a, b}, g4[] = {b}, g5[] = {a};
    pc_vtriple p1[] = {a}, p2[] = {a, c};
    pc_vrecord recs[5] = {
        {.id = "1", .story = "1", .category = "X", .kind = "events", .gold = {1, g1}},
        {.id = "2", .story = "2", .category = "Y", .kind = "events", .gold = {2, g2}},
        {.id = "3", .story = "3", .category = "X", .kind = "noevents", .gold = {0, NULL}},
        {.id = "4", .story = "4", .category = "Y", .kind = "events", .gold = {1, g4}},
        {.id = "5", .story = "5", .category = "Z", .kind = "events", .gold = {1, g5}},
    };
    pc_vresult res[5] = {
        {&recs[0], PC_V_PASS, {1, p1}, NULL},
        {&recs[1], PC_V_FAIL, {2, p2}, NULL},
        {&recs[2], PC_V_PASS, {0, NULL}, NULL},
        {&recs[3], PC_V_ERROR, {0, NULL}, "crash"},
        {&recs[4], PC_V_EXCLUDED, {0, NULL}, NULL},
    };
    pc_vrun run = {NULL, 5, res};
    pc_error err;
    pc_vscore *s = pc_vscore_new(&run, &err);
    assert_non_null(s);
    const pc_vcount *c1 = &s->scored;
    assert_int_equal(c1->records, 4);
    assert_int_equal(c1->correct, 2);
    assert_int_equal(c1->gold, 4);
    assert_int_equal(c1->pred, 3);
    assert_int_equal(c1->tp, 2);
    assert_int_equal(c1->fp, 1);
    assert_int_equal(c1->fn, 2);
    assert_int_equal(s->all.records, 5);
    assert_int_equal(s->all.fn, 3); /* the excluded record's gold event is missed */
    assert_int_equal(s->excluded, 1);
    assert_int_equal(s->n_cats, 2); /* Z only has the excluded record */
    assert_string_equal(s->cats[0].name, "X");
    assert_int_equal(s->cats[0].c.correct, 2);
    assert_int_equal(s->n_kinds, 2);
    assert_string_equal(s->kinds[0].label, "events");
    assert_int_equal(s->kinds[0].n, 3);
    assert_string_equal(s->kinds[1].label, "no-events(noevents)");

    char buf[512] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_int_equal(pc_vreport_summary_line(f, "all records", c1), 0);
    fclose(f);
    assert_string_equal(buf, "all records: records fully correct 2/4 (50.0%); events gold 4, "
                             "predicted 3, TP 2 FP 1 FN 2; P 0.667 R 0.500 F1 0.571\n");
    pc_vscore_free(s);
}

static void test_prf_undefined(void **st)
{
    (void)st;
    pc_vcount c = {0};
    double p, r, f;
    pc_vprf(&c, &p, &r, &f);
    assert_true(p == 0.0 && r == 0.0 && f == 0.0);
}

static void test_exclude_file(void **st)
{
    (void)st;
    char path[] = "/tmp/pc_test_exclude_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# comment\nstory_id\texception\nDEMO-31\tTypeError\n\n  AGENT-01_1 \tx\n", f);
    fclose(f);
    pc_arena *a = pc_arena_new(0);
    const char **ids;
    size_t n;
    pc_error err;
    assert_int_equal(pc_vexclude_read(path, a, &ids, &n, &err), PC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(ids[0], "DEMO-31");
    assert_string_equal(ids[1], "AGENT-01_1");
    assert_int_equal(pc_vexclude_read("/nonexistent/x.tsv", a, &ids, &n, &err), PC_ERR_IO);
    pc_arena_free(a);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records),      cmocka_unit_test(test_bad_xml),
        cmocka_unit_test(test_score),        cmocka_unit_test(test_prf_undefined),
        cmocka_unit_test(test_exclude_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
