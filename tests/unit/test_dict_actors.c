/* test_dict_actors.c -- pc_read_actor_dictionary on small actor files: base
 * lines, synonyms, date lines, several codes on a line, the tab/space
 * splitting rules, the last actor of a file (never stored), accumulation
 * across files, write_actor_root, malformed lines.
 *
 * Expected structures are what PETRARCH2 1.2.0's read_actor_dictionary
 * builds for the same lines (checked with Python 2.7, see also
 * tests/t_dicts_match_petrarch2.sh). */
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
    strcpy(tmpdir, "/tmp/pc_test_actors_XXXXXX");
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

static pc_dicts *load(int root, const char *text, warns *ws)
{
    pc_error err;
    pc_dicts *d = pc_dicts_new(root, &err);
    assert_non_null(d);
    memset(ws, 0, sizeof *ws);
    const char *path = write_file("actors.txt", text);
    assert_int_equal(pc_read_actor_dictionary(d, path, on_warn, ws, &err), PC_OK);
    return d;
}

/* The '#' list at the end of the words (NULL-terminated). */
static const pc_actor_leaf *actor(const pc_dicts *d, ...)
{
    va_list ap;
    va_start(ap, d);
    const pc_dnode *n = d->actors;
    for (const char *k = va_arg(ap, const char *); k && n; k = va_arg(ap, const char *))
        n = dn_get_node(n, k);
    va_end(ap);
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    if (!e)
        return NULL;
    assert_int_equal(e->kind, DN_LEAF);
    return e->v.leaf;
}

/* Item i is (code, [dates...]) -- dates NULL-terminated. */
static void expect_code(const pc_actor_leaf *l, size_t i, const char *code, ...)
{
    assert_non_null(l);
    assert_true(i < l->n);
    const pc_actor_item *it = &l->items[i];
    assert_false(it->is_root);
    assert_string_equal(it->code, code);
    va_list ap;
    va_start(ap, code);
    size_t k = 0;
    for (const char *dt = va_arg(ap, const char *); dt; dt = va_arg(ap, const char *), k++) {
        assert_true(k < it->n_dates);
        assert_string_equal(it->dates[k], dt);
    }
    va_end(ap);
    assert_int_equal(it->n_dates, k);
}

static void expect_root(const pc_actor_leaf *l, size_t i, const char *w0, const char *w1)
{
    assert_non_null(l);
    assert_true(i < l->n);
    const pc_actor_item *it = &l->items[i];
    assert_true(it->is_root);
    assert_int_equal(it->n_words, w1 ? 2 : 1);
    assert_string_equal(it->words[0], w0);
    if (w1)
        assert_string_equal(it->words[1], w1);
}

/* --------------------------------------------------------------- tests */

static const char BASIC[] =
    "<!-- header -->\n"
    "CROATIA_ [YUGHRV <910625]\n"
    "[HRVUNR 911008-920115]\n"
    "+HRVATSKA\n"
    "UFFE_ELLEMANN_JENSEN_  [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231] # CoEU\n"
    "EL_SISI_ [EGYMIL]\n"
    "[EGYGOV > 140608]\n"
    "[EGYELI]\n"
    "SISI_WITH_GT [EGYGOV > 140608]\n"
    "LAST_ACTOR_OF_THE_FILE [LST]\n";

static void test_codes_dates_synonyms(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load(0, BASIC, &ws);
    assert_int_equal(ws.n, 0);
    const pc_actor_leaf *l = actor(d, "CROATIA", NULL);
    assert_int_equal(l->n, 2);
    expect_code(l, 0, "YUGHRV", "<910625", NULL);
    expect_code(l, 1, "HRVUNR", "911008", "920115", NULL);
    l = actor(d, "HRVATSKA", NULL); /* a synonym gets the same list */
    assert_int_equal(l->n, 2);
    expect_code(l, 1, "HRVUNR", "911008", "920115", NULL);
    l = actor(d, "UFFE", "ELLEMANN", "JENSEN", NULL);
    assert_int_equal(l->n, 2);
    expect_code(l, 0, "IGOEUREEC", "820701", "821231", NULL);
    expect_code(l, 1, "IGOEUREEC", "870701", "871231", NULL);
    /* a date line joins its date words: [EGYGOV > 140608] -> ">140608" */
    l = actor(d, "EL", "SISI", NULL);
    assert_int_equal(l->n, 3);
    expect_code(l, 0, "EGYMIL", NULL);
    expect_code(l, 1, "EGYGOV", ">140608", NULL);
    expect_code(l, 2, "EGYELI", NULL);
    /* ... but on a base line only the first date word is used */
    l = actor(d, "SISI", "WITH", "GT", NULL);
    assert_int_equal(l->n, 1);
    expect_code(l, 0, "EGYGOV", ">", NULL);
    /* PETRARCH2 stores an actor when it meets the next one: the last actor
     * of a file is never stored */
    assert_null(actor(d, "LAST", "ACTOR", "OF", "THE", "FILE", NULL));
    assert_null(dn_get(d->actors, "LAST"));
    pc_dicts_free(d);
}

static void test_write_actor_root(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load(1, BASIC, &ws);
    const pc_actor_leaf *l = actor(d, "HRVATSKA", NULL);
    assert_int_equal(l->n, 3);
    expect_code(l, 0, "YUGHRV", "<910625", NULL);
    expect_root(l, 2, "CROATIA", NULL); /* the root phrase, as a word list */
    l = actor(d, "EL", "SISI", NULL);
    assert_int_equal(l->n, 4);
    expect_root(l, 3, "EL", "SISI");
    pc_dicts_free(d);
}

static void test_splitting_rules(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load(0,
                       "BOKO_HARAM [NGAREB]\n"
                       "SOLARWINDS_INC  [MNCUSA]\n"
                       "KIRIBATI\t[KIR]\n"
                       "A_B C_D\n"                  /* two fields: C_D is the code */
                       "TAB\tSEP\tTHREE [X]\n"      /* 3 tab fields: cut at '[' */
                       "SPACES ONLY FOUR WORDS\n"   /* no '[': all actor, no code */
                       "+ODD [Y] trailing\n"        /* synonym lines are all words */
                       "TRAILING [T1] junk\n"       /* text after ']' is a code */
                       "UNICODE_\xc3\x96ZIL [U1]\n"
                       "+\xd0\xa1\xd0\xa1\xd0\xa1\xd0\xa0\xc2\xa0NBSP\n"  /* U+00A0 splits */
                       "+FS\x1cSEP\xe3\x80\x80IDEO\n"                     /* U+001C, U+3000 */
                       "END [E]\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    expect_code(actor(d, "BOKO", "HARAM", NULL), 0, "NGAREB", NULL);
    expect_code(actor(d, "SOLARWINDS", "INC", NULL), 0, "MNCUSA", NULL);
    expect_code(actor(d, "KIRIBATI", NULL), 0, "KIR", NULL);
    expect_code(actor(d, "A", "B", NULL), 0, "C_D", NULL);
    assert_null(dn_get(d->actors, "C"));
    expect_code(actor(d, "TAB", "SEP", "THREE", NULL), 0, "X", NULL);
    assert_int_equal(actor(d, "SPACES", "ONLY", "FOUR", "WORDS", NULL)->n, 0);
    const pc_actor_leaf *l = actor(d, "ODD", "[Y]", "trailing", NULL);
    assert_int_equal(l->n, 0);
    l = actor(d, "TRAILING", NULL);
    assert_int_equal(l->n, 2);
    expect_code(l, 0, "T1", NULL);
    expect_code(l, 1, "junk", NULL);
    expect_code(actor(d, "UNICODE", "\xc3\x96ZIL", NULL), 0, "U1", NULL);
    expect_code(actor(d, "\xd0\xa1\xd0\xa1\xd0\xa1\xd0\xa0", "NBSP", NULL), 0, "U1", NULL);
    expect_code(actor(d, "FS", "SEP", "IDEO", NULL), 0, "U1", NULL);
    pc_dicts_free(d);
}

static void test_repeats_accumulate_across_files(void **st)
{
    (void)st;
    warns ws;
    pc_error err;
    pc_dicts *d = load(0,
                       "+EARLY\n"          /* before any base line: stored with it */
                       "[EARLYCODE]\n"
                       "CROATIA_ [A]\n"
                       "CROATIA_ [B 990101]\n"
                       "END1 [E1]\n",
                       &ws);
    const char *p2 = write_file("actors2.txt", "CROATIA_ [C]\r" /* a lone CR ends a line */
                                               "+CR_SYN\r\n"
                                               "END2 [E2]\r\n");
    assert_int_equal(pc_read_actor_dictionary(d, p2, on_warn, &ws, &err), PC_OK);
    assert_int_equal(ws.n, 0);
    expect_code(actor(d, "EARLY", NULL), 0, "EARLYCODE", NULL);
    const pc_actor_leaf *l = actor(d, "CROATIA", NULL);
    assert_int_equal(l->n, 3); /* .extend: every entry is kept */
    expect_code(l, 0, "A", NULL);
    expect_code(l, 1, "B", "990101", NULL);
    expect_code(l, 2, "C", NULL);
    expect_code(actor(d, "CR", "SYN", NULL), 0, "C", NULL);
    assert_null(dn_get(d->actors, "END1"));
    assert_null(dn_get(d->actors, "END2"));
    pc_dicts_free(d);
}

static void test_malformed_lines(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load(0,
                       "GOOD [G]\n"
                       "[]\n"         /* 2: a date line without a code */
                       "EMPTY_CODE [ ] [OK]\n" /* 3: an empty [ ] is ignored */
                       "NEXT [N]\n"
                       "END [E]\n",
                       &ws);
    assert_int_equal(ws.n, 2);
    assert_int_equal(ws.line[0], 2);
    assert_int_equal(ws.line[1], 3);
    assert_non_null(strstr(ws.file, "actors.txt"));
    expect_code(actor(d, "GOOD", NULL), 0, "G", NULL);
    const pc_actor_leaf *l = actor(d, "EMPTY", "CODE", NULL);
    assert_int_equal(l->n, 1);
    expect_code(l, 0, "OK", NULL);
    expect_code(actor(d, "NEXT", NULL), 0, "N", NULL);
    pc_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_dates_synonyms),
        cmocka_unit_test(test_write_actor_root),
        cmocka_unit_test(test_splitting_rules),
        cmocka_unit_test(test_repeats_accumulate_across_files),
        cmocka_unit_test(test_malformed_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
