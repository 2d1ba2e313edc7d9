/* test_dict_verbs.c -- pc_read_verb_dictionary on small verb files: synsets,
 * generated verb forms, compounds, pattern tries (noun phrases, {} phrases,
 * prepositions), the "<!" stop, transformations, malformed lines.
 *
 * Expected structures are what PETRARCH2 1.2.0's read_verb_dictionary builds
 * for the same lines (checked with Python 2.7; the same corner cases are
 * diffed against PETRARCH2 in tests/t_dicts_match_petrarch2.sh). */
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
    strcpy(tmpdir, "/tmp/pc_test_verbs_XXXXXX");
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

/* The entry at the end of a key path (NULL-terminated list), NULL if none. */
static const dn_entry *at(const pc_dnode *n, ...)
{
    va_list ap;
    va_start(ap, n);
    const dn_entry *e = NULL;
    for (const char *k = va_arg(ap, const char *); k; k = va_arg(ap, const char *)) {
        if (!n) {
            e = NULL;
            break;
        }
        e = dn_get(n, k);
        n = e && e->kind == DN_NODE ? e->v.node : NULL;
    }
    va_end(ap);
    return e;
}

static pc_dicts *load(const char *text, warns *ws)
{
    pc_error err;
    pc_dicts *d = pc_dicts_new(0, &err);
    assert_non_null(d);
    memset(ws, 0, sizeof *ws);
    const char *path = write_file("verbs.txt", text);
    assert_int_equal(pc_read_verb_dictionary(d, path, on_warn, ws, &err), PC_OK);
    return d;
}

static const pc_verb_leaf *verb(const pc_dicts *d, const char *w)
{
    const dn_entry *e = at(d->verbs, w, "#", "#", NULL);
    assert_non_null(e);
    assert_int_equal(e->kind, DN_LEAF);
    return e->v.leaf;
}

/* --------------------------------------------------------------- tests */

static void test_synonyms_and_generated_forms(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("---  ATTACK   [190]  ---\n"
                       "ATTACK\n"
                       "TRY\n"
                       "FIX # comment\n"
                       "FREE\n"
                       "MAKE\n"
                       "TIE\n"
                       "HIT {HITS HITTING}\n"
                       "STRIKE [191]\n"
                       "ATTACK [199]\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    const pc_verb_leaf *l = verb(d, "ATTACK");
    assert_string_equal(l->code, "190");
    assert_string_equal(l->meaning, "ATTACK");
    assert_string_equal(l->line, "ATTACK");
    /* S/ES/IES, D/ED, ING with the final E dropped after a consonant */
    const char *forms[] = {"ATTACKS", "ATTACKED", "ATTACKING", "TRIES", "TRYED", "TRYING",
                           "FIXES", "FIXED", "FIXING", "FREES", "FREED", "FREEING",
                           "MAKES", "MAKED", "MAKING", "TIES", "TIED", "TIEING",
                           "HITS", "HITTING", "STRIKES", "STRIKED", "STRIKING"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        assert_non_null(at(d->verbs, forms[i], "#", "#", NULL));
    assert_null(at(d->verbs, "HITED", NULL)); /* explicit {forms}: none generated */
    assert_null(at(d->verbs, "FIXS", NULL));
    assert_string_equal(verb(d, "FIX")->line, "FIX # comment");
    assert_string_equal(verb(d, "STRIKING")->code, "191");
    /* setdefault: the first entry for a word wins */
    assert_string_equal(verb(d, "ATTACK")->code, "190");
    pc_dicts_free(d);
}

static void test_compound_verbs(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("--- BLOW [180] ---\n"
                       "BLOW_+UP_\n"
                       "SET_OFF+ALARM [191]\n"
                       "CARRY+OUT_ATTACK\n"
                       "GIVE+UP_ HAND_+OVER_TO\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    /* WORD -> [BACKWORD ->]* '#' -> [FRONTWORD ->]* '#' */
    const dn_entry *e = at(d->verbs, "UP", "#", "BLOW", "#", NULL);
    assert_non_null(e);
    assert_string_equal(((const pc_verb_leaf *)e->v.leaf)->code, "180");
    assert_non_null(at(d->verbs, "UPS", "#", "BLOW", "#", NULL)); /* forms keep the compound */
    assert_non_null(at(d->verbs, "UPING", "#", "BLOW", "#", NULL));
    e = at(d->verbs, "ALARMING", "#", "SET", "OFF", "#", NULL);
    assert_non_null(e);
    assert_string_equal(((const pc_verb_leaf *)e->v.leaf)->code, "191");
    assert_non_null(at(d->verbs, "OUT", "ATTACK", "#", "CARRY", "#", NULL));
    assert_non_null(at(d->verbs, "OUTED", "ATTACK", "#", "CARRY", "#", NULL));
    /* two words: no generated forms, each word its own compound */
    assert_non_null(at(d->verbs, "UP", "#", "GIVE", "#", NULL));
    assert_non_null(at(d->verbs, "OVER", "TO", "#", "HAND", "#", NULL));
    assert_null(at(d->verbs, "UPS", "#", "GIVE", NULL));
    pc_dicts_free(d);
}

static const char SYNSETS[] = "&SET1\n"
                              "+APPLE\n"
                              "+BERRY\n"
                              "+GLASS\n"
                              "+BUS_\n"
                              "+PRIME_MINISTER\n"
                              "&SET2_\n"
                              "+X_Y_Z\n"
                              "+WORD\n"
                              "####### VERB PATTERNS #######\n"
                              "---  ATTACK   [190]  ---\n"
                              "ATTACK\n";

static const pc_pattern_leaf *pattern(const dn_entry *e)
{
    assert_non_null(e);
    assert_int_equal(e->kind, DN_LEAF);
    return e->v.leaf;
}

static void test_synset_expansion(void **st)
{
    (void)st;
    warns ws;
    char text[1024];
    snprintf(text, sizeof text, "%s%s", SYNSETS,
             "- * &SET1 [191]\n"
             "- &SET2_ * (IN {&SET1 STORE}) [192]\n");
    pc_dicts *d = load(text, &ws);
    assert_int_equal(ws.n, 0);
    const pc_dnode *p = d->phrases;
    /* members and their plurals: Y -> IES, S -> ES (GLASS -> GLASES), none
     * for "..._" and for multi-word members, which become {PRIME MINISTER} */
    const char *words[] = {"APPLE", "APPLES", "BERRY", "BERRIES", "GLASS", "GLASES", "BUS"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_string_equal(pattern(at(p, "ATTACK", "*", words[i], "#", NULL))->code, "191");
    assert_null(at(p, "ATTACK", "*", "BUSES", NULL));
    assert_null(at(p, "ATTACK", "*", "BU", NULL));
    assert_non_null(at(p, "ATTACK", "*", "MINISTER", "-", "PRIME", "#", NULL));
    const pc_pattern_leaf *l = pattern(at(p, "ATTACK", "*", "APPLE", "#", NULL));
    assert_string_equal(l->line, "- * &SET1 [191]");
    /* {X Y Z} member before the verb; a set inside a {} phrase of a
     * preposition: "{APPLE STORE}" -> STORE - APPLE, but the {PRIME MINISTER}
     * member turns it into {{PRIME MINISTER} STORE}: head "MINISTER", mods
     * "{PRIME" then "STORE" after a ',' */
    assert_non_null(at(p, "ATTACK", "Z", "-", "X", "-", "Y", "*", "|", "IN", "-", "STORE", "-",
                       "APPLE", "#", NULL));
    assert_non_null(at(p, "ATTACK", "WORDS", "*", "|", "IN", "-", "STORE", "-", "BERRIES", "#",
                       NULL));
    assert_non_null(at(p, "ATTACK", "WORD", "*", "|", "IN", "-", "MINISTER", "-", "{PRIME", ",",
                       "-", "STORE", "#", NULL));
    pc_dicts_free(d);
}

static void test_undefined_synsets(void **st)
{
    (void)st;
    warns ws;
    char text[1024];
    snprintf(text, sizeof text, "%s%s", SYNSETS,
             "- * &UNDEF [194]\n"     /* line 13 */
             "- * &SET1X [195]\n"     /* a longer name: not the set */
             "- * AT&T &SET1 [196]\n" /* only the FIRST '&' word is looked at */
             "- * FOO&SET1 [197]\n"); /* the whole word is the set name */
    pc_dicts *d = load(text, &ws);
    const pc_dnode *p = d->phrases;
    assert_int_equal(ws.n, 4);
    assert_int_equal(ws.line[0], 13);
    assert_string_equal(ws.msg[0], "Undefined synset &UNDEF");
    assert_string_equal(ws.msg[1], "Undefined synset &SET1X");
    assert_string_equal(ws.msg[2], "Undefined synset AT&T");
    assert_string_equal(ws.msg[3], "Undefined synset FOO&SET1");
    assert_int_equal(ws.line[3], 16);
    assert_non_null(strstr(ws.file, "verbs.txt"));
    /* the pattern is stored with the word as it is */
    assert_non_null(at(p, "ATTACK", "*", "&UNDEF", "#", NULL));
    assert_non_null(at(p, "ATTACK", "*", "&SET1X", "#", NULL));
    assert_non_null(at(p, "ATTACK", "*", "AT&T", ",", "&SET1", "#", NULL));
    assert_non_null(at(p, "ATTACK", "*", "FOO&SET1", "#", NULL));
    assert_null(at(p, "ATTACK", "*", "AT&T", ",", "APPLE", NULL));
    pc_dicts_free(d);
}

static void test_nested_synsets(void **st)
{
    (void)st;
    warns ws;
    /* a member naming another set is expanded recursively; its plural is
     * made on the unexpanded member ("&SET1 PIE" -> "&SET1 PIES") */
    pc_dicts *d = load("&SET1\n+APPLE\n+BERRY\n&NEST\n+&SET1 PIE\n"
                       "####### VERB PATTERNS #######\n"
                       "--- EAT [010] ---\n"
                       "- * &NEST [200]\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    const char *a[] = {"APPLE", "APPLES", "BERRY", "BERRIES"};
    const char *b[] = {"PIE", "PIES"};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 2; j++)
            assert_non_null(at(d->phrases, "EAT", "*", a[i], ",", b[j], "#", NULL));
    assert_int_equal(dn_count(at(d->phrases, "EAT", "*", NULL)->v.node), 4);
    pc_dicts_free(d);
}

static void test_pattern_structure(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("--- ATTACK [190] ---\n"
                       "ATTACK\n"
                       "- * [196]\n"
                       "- {X} * (Y) [197]\n"
                       "- A B C * D {E F} (G {H I} J) [198]\n"
                       "- (ON) (OVER {A B}) * (UNDER {C D} E) [199]\n"
                       "- * FOO, BAR (TO {LOCAL SHOP}) (WITH FRIENDS) [193] # RUSH\n"
                       "- * [042:043]\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    const pc_dnode *p = d->phrases;
    /* no words at all: the leaf sits right under the meaning (last one wins) */
    assert_string_equal(pattern(at(p, "ATTACK", "#", NULL))->code, "042:043");
    /* "{X}" alone: the head keeps its '{' */
    assert_string_equal(pattern(at(p, "ATTACK", "{X", "*", "|", "Y", "#", NULL))->code, "197");
    /* nouns joined by ',', {E F} as F - E, a post-verb preposition with '|',
     * its nouns after '-' (a {} phrase too) */
    assert_string_equal(pattern(at(p, "ATTACK", "A", ",", "B", ",", "C", "*", "D", ",", "F", "-",
                                   "E", "|", "G", "-", "I", "-", "H", ",", "-", "J", "#", NULL))
                            ->code,
                        "198");
    /* before the verb: ONE '|' for all prepositions, and a {} phrase has no
     * '-' in front of its head */
    assert_string_equal(pattern(at(p, "ATTACK", "|", "ON", "OVER", "B", "-", "A", "*", "|",
                                   "UNDER", "-", "D", "-", "C", ",", "-", "E", "#", NULL))
                            ->code,
                        "199");
    /* after it, one '|' per preposition; "FOO," keeps its comma */
    const pc_pattern_leaf *l = pattern(at(p, "ATTACK", "*", "FOO,", ",", "BAR", "|", "TO", "-",
                                          "SHOP", "-", "LOCAL", "|", "WITH", "-", "FRIENDS", "#",
                                          NULL));
    assert_string_equal(l->code, "193");
    assert_string_equal(l->line, "- * FOO, BAR (TO {LOCAL SHOP}) (WITH FRIENDS) [193] # RUSH");
    pc_dicts_free(d);
}

static void test_xml_comment_stops_patterns(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("--- SAY [010] ---\n"
                       "SAY\n"
                       "- * HELLO [011]\n"
                       "<!-- any line starting with <! -->\n"
                       "- * GOODBYE [012]\n"
                       "--- LATE [020] ---\n"
                       "LATE\n"
                       "- * AFTER [021]\n",
                       &ws);
    assert_non_null(at(d->phrases, "SAY", "*", "HELLO", "#", NULL));
    assert_null(at(d->phrases, "SAY", "*", "GOODBYE", NULL));
    assert_null(at(d->phrases, "LATE", NULL));
    assert_string_equal(verb(d, "LATE")->code, "020"); /* verbs are still read */
    assert_string_equal(verb(d, "LATE")->meaning, "LATE");
    pc_dicts_free(d);
}

static void test_transformations(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("--- ATTACK [190] ---\n"
                       "ATTACK\n"
                       "--- SAY [010] ---\n"
                       "SAY\n"
                       "CLAIM [011]\n"
                       "~ a (a b ATTACK) SAY = a b 015\n"
                       "~ a (b . ATTACK_SAY) CLAIM = a b 112 # not a comment here\n"
                       "~ a (a b Q) SAY = a b Q\n"
                       "~ x = y\n",
                       &ws);
    assert_int_equal(ws.n, 0);
    /* keys: convert_code(verb code)[0] as "%ld": SAY 010 -> 0x1000 = 4096,
     * ATTACK 190 -> 0xA0 = 160, Q -> -1, CLAIM 011 -> 0x1000 - 0xFFFF */
    const dn_entry *e = at(d->transforms, "4096", "a", "160", "a", "b", NULL);
    assert_non_null(e);
    const pc_transform_leaf *l = e->v.leaf;
    assert_int_equal(l->n_answer, 3);
    assert_string_equal(l->answer[0], "a");
    assert_string_equal(l->answer[2], "015");
    assert_string_equal(l->line, "~ a (a b ATTACK) SAY = a b 015\n"); /* keeps the newline */
    e = at(d->transforms, "-61439", "a", "4256", "b", ".", NULL); /* ATTACK_SAY: 160 + 4096 */
    assert_non_null(e);
    l = e->v.leaf;
    assert_int_equal(l->n_answer, 8); /* no comments on "~" lines */
    assert_string_equal(l->answer[3], "#");
    assert_string_equal(l->answer[7], "here");
    assert_non_null(at(d->transforms, "4096", "a", "-1", "a", "b", NULL));
    e = at(d->transforms, "x", NULL);
    assert_non_null(e);
    assert_int_equal(e->kind, DN_LEAF);
    pc_dicts_free(d);
}

static void test_line_endings(void **st)
{
    (void)st;
    warns ws;
    /* the verb file is read as bytes: "\r\n" keeps its '\r' in the line;
     * line[:-1] drops the last character even when it is not a newline */
    pc_dicts *d = load("--- X [010] ---\n"
                       "CRLF\r\n"
                       "- * CR [022]\r\n"
                       "LAST [023]",
                       &ws);
    assert_string_equal(verb(d, "CRLF")->line, "CRLF\r");
    assert_string_equal(pattern(at(d->phrases, "X", "*", "CR", "#", NULL))->line,
                        "- * CR [022]\r");
    assert_string_equal(verb(d, "LAST")->line, "LAST [023");
    assert_string_equal(verb(d, "LAST")->code, "023");
    pc_dicts_free(d);
}

static void test_malformed_lines_are_skipped(void **st)
{
    (void)st;
    warns ws;
    pc_dicts *d = load("&SELF\n"              /* 1 */
                       "+&SELF\n"             /* 2 */
                       "+\n"                  /* 3: empty member */
                       "####### VERB PATTERNS #######\n"
                       "--- ATTACK [190] ---\n"
                       "ATTACK\n"
                       "- missing star [199]\n" /* 7 */
                       "- * \n"               /* 8: no code */
                       "---\n"                /* 9: no meaning */
                       "E\n"                  /* 10: stem[-2] */
                       "NO_PLUS\n"            /* 11: compound without '+' */
                       "~ a (a b NOSUCH) ATTACK = a b 1\n" /* 12 */
                       "~ a b = c\n"          /* 13: even word count */
                       "~ no equals sign\n"   /* 14 */
                       "- * &SELF [100]\n"    /* 15: a set that includes itself */
                       "- ) x ( * Y [101]\n"  /* 16: ')' before '(' */
                       "GOOD\n",
                       &ws);
    assert_int_equal(ws.n, 11);
    long lines[] = {3, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    for (int i = 0; i < 11; i++)
        assert_int_equal(ws.line[i], lines[i]);
    assert_non_null(strstr(ws.msg[9], "nested too deeply"));
    /* reading went on */
    assert_string_equal(verb(d, "GOOD")->code, "190");
    assert_string_equal(verb(d, "GOODS")->meaning, "ATTACK");
    assert_null(at(d->phrases, "ATTACK", "missing", NULL));
    pc_dicts_free(d);
}

static void test_missing_file(void **st)
{
    (void)st;
    pc_error err;
    pc_dicts *d = pc_dicts_new(0, &err);
    assert_int_equal(pc_read_verb_dictionary(d, "/nonexistent/verbs.txt", NULL, NULL, &err),
                     PC_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/verbs.txt");
    pc_dicts_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synonyms_and_generated_forms),
        cmocka_unit_test(test_compound_verbs),
        cmocka_unit_test(test_synset_expansion),
        cmocka_unit_test(test_undefined_synsets),
        cmocka_unit_test(test_nested_synsets),
        cmocka_unit_test(test_pattern_structure),
        cmocka_unit_test(test_xml_comment_stops_patterns),
        cmocka_unit_test(test_transformations),
        cmocka_unit_test(test_line_endings),
        cmocka_unit_test(test_malformed_lines_are_skipped),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
