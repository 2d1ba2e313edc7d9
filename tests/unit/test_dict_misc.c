/* test_dict_misc.c -- the agent dictionary, the discard list with
 * pc_check_discards and the issue list with pc_get_issues.
 *
 * Expected values are what PETRARCH2 1.2.0 gives for the same lines and
 * sentences (checked with Python 2.7: read_agent_dictionary,
 * read_discard_list/check_discards, read_issue_list/get_issues). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "petrarch.h"
#include "dict/dicts.h"

/* ------------------------------------------------------------- helpers */

typedef struct warns {
    int n;
    long line[32];
    char msg[32][512];
    char file[256];
} warns;

static void on_warn(void *ud, const pc_error *w)
{
    warns *ws = ud;
    if (ws->n < 32) {
        ws->line[ws->n] = w->line;
        snprintf(ws->msg[ws->n], sizeof ws->msg[0], "%s", w->message);
        snprintf(ws->file, sizeof ws->file, "%s", w->file);
    }
    ws->n++;
}

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    strcpy(tmpdir, "/tmp/pc_test_misc_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

typedef pc_status (*reader)(pc_dicts *, const char *, pc_warn_fn, void *, pc_error *);

static pc_dicts *load(reader rd, const char *name, const char *text, warns *ws)
{
    pc_error err;
    pc_dicts *d = pc_dicts_new(0, &err);
    assert_non_null(d);
    memset(ws, 0, sizeof *ws);
    assert_int_equal(rd(d, write_file(name, text), on_warn, ws, &err), PC_OK);
    return d;
}

/* The agent code at the end of words (NULL-terminated), NULL if none. */
static const char *agent(const pc_dicts *d, ...)
{
    va_list ap;
    va_start(ap, d);
    const pc_dnode *n = d->agents;
    for (const char *k = va_arg(ap, const char *); k && n; k = va_arg(ap, const char *))
        n = dn_get_node(n, k);
    va_end(ap);
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    return e && e->kind == DN_LEAF ? e->v.leaf : NULL;
}

/* ------------------------------------------------------------- agents */

static void test_agents(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load(pc_read_agent_dictionary, "agents.txt",
                       "PRESIDENT [~GOVPRS]\n"
                       "!PERSON! = MAN, MEN , WOMAN\n"
                       "!BAD = X\n"                 /* 3: no closing '!' */
                       "POLICE {} [~POL]\n"
                       "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
                       "SECRETARY [~GOVSEC]\n"
                       "BOSS [~BOS]\n"
                       "CONGRESS!PERSON! [~LEG]\n"
                       "NO_CODE_HERE\n"             /* 9 */
                       "BROKEN {PLURAL [~X]\n"      /* 10: no '}' */
                       "HUMAN_RIGHTS_BODY  [NGO~]\n"
                       "!UNDEF!_THING [~U]\n"       /* 12: undefined marker */
                       "SPOKES!PERSON!_FOR [~SPK]\n"
                       "PRESIDENT [~LAST]\n",
                       &ws);
    assert_int_equal(ws.n, 4);
    assert_int_equal(ws.line[0], 3);
    assert_int_equal(ws.line[1], 9);
    assert_int_equal(ws.line[2], 10);
    assert_int_equal(ws.line[3], 12);
    assert_string_equal(ws.msg[1], "Codes are required for agents in .agents file ; line skipped");
    /* automatic plurals: Y -> IES, S -> SES, else +S; {} none; {X} X */
    assert_string_equal(agent(d, "SECRETARIES", NULL), "~GOVSEC");
    assert_string_equal(agent(d, "BOSS", NULL), "~BOS");
    assert_string_equal(agent(d, "POLICE", NULL), "~POL");
    assert_null(agent(d, "POLICES", NULL));
    assert_string_equal(agent(d, "ATTORNEYS", "GENERAL", NULL), "~GOVATG");
    /* the last entry for a phrase wins */
    assert_string_equal(agent(d, "PRESIDENT", NULL), "~LAST");
    assert_string_equal(agent(d, "PRESIDENTS", NULL), "~LAST");
    /* markers: one agent per member (spaces stripped) ... */
    assert_string_equal(agent(d, "CONGRESSMAN", NULL), "~LEG");
    assert_string_equal(agent(d, "CONGRESSMEN", NULL), "~LEG");
    assert_string_equal(agent(d, "CONGRESSWOMAN", NULL), "~LEG");
    assert_string_equal(agent(d, "SPOKESWOMAN", "FOR", NULL), "~SPK");
    /* ... plus the phrase with the marker in it, plus the PREVIOUS entry's
     * plural again with this line's code */
    assert_string_equal(agent(d, "CONGRESS!PERSON!", NULL), "~LEG");
    assert_string_equal(agent(d, "BOSSES", NULL), "~LEG");
    assert_string_equal(agent(d, "!UNDEF!", "THING", NULL), "~U");
    assert_string_equal(agent(d, "HUMAN", "RIGHTS", "BODY", NULL), "NGO~");
    assert_string_equal(agent(d, "HUMAN", "RIGHTS", "BODIES", NULL), "~SPK");
    assert_null(agent(d, "BROKEN", NULL));
    pc_dicts_free(d);
}

static void test_agent_marker_first(void **st)
{
    (void)st;
    warns ws;
    /* PETRARCH2 fails here (no plural defined yet): we store the agents and
     * warn */
    pc_dicts *d = load(pc_read_agent_dictionary, "agents.txt",
                       "!X! = A, B\n"
                       "FOO!X! [~F]\n"
                       "[~NOPHRASE]\n"
                       "BAR [~B]\n",
                       &ws);
    assert_int_equal(ws.n, 2);
    assert_int_equal(ws.line[0], 2);
    assert_int_equal(ws.line[1], 3);
    assert_string_equal(agent(d, "FOOA", NULL), "~F");
    assert_string_equal(agent(d, "FOOB", NULL), "~F");
    assert_string_equal(agent(d, "FOO!X!", NULL), "~F");
    assert_string_equal(agent(d, "BARS", NULL), "~B");
    pc_dicts_free(d);
}

/* ----------------------------------------------------------- discards */

static pc_dicts *discards(warns *ws)
{
    return load(pc_read_discard_list, "discards.txt",
                "+5K RUN # x\n"
                "ACADEMY AWARD\n"
                "BASEBALL\n"
                "k\xc3\xb6lner dom\n",
                ws);
}

static void test_discard_list(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = discards(&ws);
    assert_int_equal(ws.n, 0);
    const pc_dnode *n = dn_get_node(dn_get_node(d->discards, "5K"), "RUN");
    assert_non_null(dn_get_node(n, "+"));
    assert_int_equal(dn_count(dn_get_node(n, "+")), 0);
    n = dn_get_node(dn_get_node(d->discards, "ACADEMY"), "AWARD");
    assert_non_null(dn_get_node(n, "$"));
    assert_non_null(dn_get_node(dn_get_node(dn_get_node(d->discards, "K\xc3\x96LNER"), "DOM"), "$"));
    pc_dicts_free(d);
}

static void expect_discard(const pc_dicts *d, const char *text, pc_discard k, const char *phrase)
{
    pc_arena *a = pc_arena_new(0);
    const char *p = "unset";
    assert_int_equal(pc_check_discards(d, text, a, &p), k);
    if (phrase)
        assert_string_equal(p, phrase);
    else
        assert_null(p);
    pc_arena_free(a);
}

static void test_check_discards(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = discards(&ws);
    expect_discard(d, "He won the academy award yesterday", PC_DISCARD_SENTENCE, "  ACADEMY AWARD");
    expect_discard(d, "The 5K run was fun", PC_DISCARD_STORY, "+  5K RUN");
    expect_discard(d, "baseball is fun", PC_DISCARD_SENTENCE, "  BASEBALL");
    expect_discard(d, "K\xc3\xb6lner Dom tour", PC_DISCARD_SENTENCE, "  K\xc3\x96LNER DOM");
    /* a phrase that ends the sentence is never seen complete */
    expect_discard(d, "He won the academy award", PC_DISCARD_NONE, NULL);
    expect_discard(d, "baseball", PC_DISCARD_NONE, NULL);
    /* the word that breaks a partial match is not tried from the root */
    expect_discard(d, "academy baseball fans", PC_DISCARD_NONE, NULL);
    /* ... and the phrase keeps the words of earlier partial matches */
    expect_discard(d, "academy went to baseball games", PC_DISCARD_SENTENCE, "  ACADEMY BASEBALL");
    expect_discard(d, "", PC_DISCARD_NONE, NULL);
    pc_dicts_free(d);
}

/* -------------------------------------------------------------- issues */

static pc_dicts *issues(warns *ws)
{
    return load(pc_read_issue_list, "issues.txt",
                "<ISSUE CATEGORY=\"X\">\n"
                "n:atrocity [ID_ATROCITY]\n"
                "ethnic v:purge [ID_ATROCITY]\n"
                "v:massacre [ID_ATROCITY]\n"
                "al+zarqawi n:network [NAMED]\n"
                "a+b+c [ABC]\n"
                "~Saturday Night massacre\n"
                "~~Armenian genocide  # a comment\n"
                "foo bar [NOCLOSE\n"
                "massacre victims [VICTIMS]\n"
                "no code line here\n"
                "</ISSUE>\n",
                ws);
}

static long issue_index(const pc_dicts *d, ...)
{
    va_list ap;
    va_start(ap, d);
    const pc_dnode *n = d->issues;
    for (const char *k = va_arg(ap, const char *); k && n; k = va_arg(ap, const char *))
        n = dn_get_node(n, k);
    va_end(ap);
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    if (!e)
        return -100;
    assert_int_equal(e->kind, DN_INT);
    return e->v.ival;
}

static void test_issue_list(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = issues(&ws);
    assert_int_equal(ws.n, 0);
    const char *codes[] = {"~", "~~", "ID_ATROCITY", "NAMED", "ABC", "NOCLOSE", "VICTIMS"};
    assert_int_equal(d->n_issue_codes, 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(d->issue_codes[i], codes[i]);
    assert_int_equal(issue_index(d, "ATROCITY", NULL), 2);
    assert_int_equal(issue_index(d, "ATROCITIES", NULL), 2);
    const char *purge[] = {"PURGE", "PURGES", "PURGED", "PURGING"};
    for (int i = 0; i < 4; i++)
        assert_int_equal(issue_index(d, "ETHNIC", purge[i], NULL), 2);
    assert_int_equal(issue_index(d, "MASSACRING", NULL), 2);
    assert_int_equal(issue_index(d, "AL-ZARQAWI", "NETWORKS", NULL), 3);
    assert_int_equal(issue_index(d, "AL", "ZARQAWI", "NETWORK", NULL), 3);
    assert_int_equal(issue_index(d, "A-B", "C", NULL), 4);
    assert_int_equal(issue_index(d, "A", "B-C", NULL), 4);
    assert_int_equal(issue_index(d, "A-B-C", NULL), 4);
    assert_int_equal(issue_index(d, "SATURDAY", "NIGHT", "MASSACRE", NULL), 0);
    assert_int_equal(issue_index(d, "ARMENIAN", "GENOCIDE", NULL), 1);
    assert_int_equal(issue_index(d, "FOO", "BAR", NULL), 5); /* code cut before '\n' */
    pc_dicts_free(d);
}

/* "CODE,n;..." of pc_get_issues */
static void expect_issues(const pc_dicts *d, const char *text, const char *want)
{
    pc_arena *a = pc_arena_new(0);
    pc_issue *iss = NULL;
    long n = pc_get_issues(d, text, a, &iss);
    assert_true(n >= 0);
    char got[256] = "";
    for (long i = 0; i < n; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s,%d", i ? ";" : "",
                 iss[i].code, iss[i].count);
    assert_string_equal(got, want);
    pc_arena_free(a);
}

static void test_get_issues(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = issues(&ws);
    expect_issues(d, "Atrocities and a massacre, more atrocities", "ID_ATROCITY,2");
    /* in order of first occurrence */
    expect_issues(d, "the al-zarqawi network massacred people in ethnic purging",
                  "NAMED,1;ID_ATROCITY,2");
    expect_issues(d, "foo bar a-b c atrocity A B C", "NOCLOSE,1;ABC,2;ID_ATROCITY,1");
    /* an ignore phrase ('~' or '~~') cancels every issue of the sentence */
    expect_issues(d, "the Saturday Night massacre", "");
    expect_issues(d, "Armenian genocide atrocity", "");
    /* '#' is checked before the next word: the shorter phrase wins */
    expect_issues(d, "massacre victims", "ID_ATROCITY,1");
    expect_issues(d, "", "");
    pc_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_agents),
        cmocka_unit_test(test_agent_marker_first),
        cmocka_unit_test(test_discard_list),
        cmocka_unit_test(test_check_discards),
        cmocka_unit_test(test_issue_list),
        cmocka_unit_test(test_get_issues),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
