/* test_dict_overlay.c -- overlay dictionaries (src/dict/overlay.h), a
 * petrarch-c extension: in an overlay actor file an entry REPLACES the codes
 * of each phrase it names, where PETRARCH2 extends them.  Covers: the
 * directive line (and what does not count as one), plain files still
 * extending, replacement of a base phrase and of synonyms, new phrases,
 * the last entry of an overlay being stored, a synonym given twice in one
 * entry, a phrase repeated across entries of one overlay (warning, later
 * wins), write_actor_root, files added through the config
 * (pc_config_add_actorfile / pc_config_add_agentfile) and their errors. */
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
#include "dict/overlay.h"

/* ------------------------------------------------------------- helpers */

typedef struct warns {
    int n;
    long line[8];
    char msg[8][512];
} warns;

static void on_warn(void *ud, const pc_error *w)
{
    warns *ws = ud;
    if (ws->n < 8) {
        ws->line[ws->n] = w->line;
        snprintf(ws->msg[ws->n], sizeof ws->msg[0], "%s", w->message);
    }
    ws->n++;
}

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    strcpy(tmpdir, "/tmp/pc_test_overlay_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write text to tmpdir/name; the path stays valid until the next call with
 * the same slot. */
static const char *write_file(int slot, const char *name, const char *text)
{
    static char path[4][256];
    snprintf(path[slot], sizeof path[slot], "%s/%s", tmpdir, name);
    FILE *f = fopen(path[slot], "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path[slot];
}

static const pc_actor_leaf *actor(const pc_dicts *d, ...)
{
    va_list ap;
    va_start(ap, d);
    const pc_dnode *n = d->actors;
    for (const char *k = va_arg(ap, const char *); k && n; k = va_arg(ap, const char *))
        n = dn_get_node(n, k);
    va_end(ap);
    const dn_entry *e = n ? dn_get(n, "#") : NULL;
    return e ? e->v.leaf : NULL;
}

/* The leaf's items as "CODE d1-d2;CODE;..." (roots as "^W1 W2"). */
static const char *items(const pc_actor_leaf *l)
{
    static char buf[512];
    buf[0] = '\0';
    if (!l)
        return "(none)";
    for (size_t i = 0; i < l->n; i++) {
        const pc_actor_item *it = &l->items[i];
        size_t o = strlen(buf);
        if (it->is_root) {
            snprintf(buf + o, sizeof buf - o, "%s^", i ? ";" : "");
            for (size_t k = 0; k < it->n_words; k++)
                snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", k ? " " : "",
                         it->words[k]);
            continue;
        }
        snprintf(buf + o, sizeof buf - o, "%s%s", i ? ";" : "", it->code);
        for (size_t k = 0; k < it->n_dates; k++)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", k ? "-" : " ",
                     it->dates[k]);
    }
    return buf;
}

/* The stale base file: Assad as Phoenix has him, a second entry extending
 * ASSAD (as Phoenix does), and a dummy last entry (never stored). */
static const char BASE[] =
    "BASHAR_AL_ASSAD_\n"
    "+ASSAD\n"
    "\t[SYRGOV >000717]\n"
    "\t[SYRELI]\n"
    "ASSAD_REGIME_\n"
    "+ASSAD\n"
    "\t[SYRGOV]\n"
    "LAST_\n";

static const char OVERLAY[] =
    "# a user's overlay\n"
    "<!-- petrarch-c: overlay -->\n"
    "BASHAR_AL_ASSAD_  # president to 2024-12-08\n"
    "+ASSAD\n"
    "+ASSAD\n"                     /* given twice in one entry: stored once */
    "\t[SYRGOV 20000717-20241208]\n"
    "\t[SYRELI]\n"
    "AHMED_AL-SHARAA_ [SYRGOV >20241208] [SYRREBMUS]\n"; /* last entry: stored */

static pc_dicts *load_two(const char *base, const char *over, int root, warns *ws)
{
    pc_error err;
    pc_dicts *d = pc_dicts_new(root, &err);
    assert_non_null(d);
    memset(ws, 0, sizeof *ws);
    assert_int_equal(pc_read_actor_dictionary(d, write_file(0, "base.txt", base), on_warn, ws,
                                              &err), PC_OK);
    assert_int_equal(pc_read_actor_dictionary(d, write_file(1, "over.txt", over), on_warn, ws,
                                              &err), PC_OK);
    return d;
}

/* --------------------------------------------------------------- tests */

static void test_directive_recognised(void **state)
{
    (void)state;
    /* (each element in parentheses: clang's -Wstring-concatenation) */
    const char *yes[] = {(PC_OVERLAY_DIRECTIVE "\n"), ("X [A]\n" PC_OVERLAY_DIRECTIVE " \t\r\nY\n"),
                         ("# c\n" PC_OVERLAY_DIRECTIVE)};
    const char *no[] = {"", (" " PC_OVERLAY_DIRECTIVE "\n"), (PC_OVERLAY_DIRECTIVE " x\n"),
                        ("# " PC_OVERLAY_DIRECTIVE "\n"), "<!-- petrarch-c: overlay\n"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(pc_text_declares_overlay(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(pc_text_declares_overlay(no[i], strlen(no[i])));
}

static void test_plain_files_extend(void **state)
{
    (void)state;
    warns ws;
    /* the same overlay text without its directive line: PETRARCH2's rules */
    const char *plain = strstr(OVERLAY, "BASHAR_AL_ASSAD_");
    pc_dicts *d = load_two(BASE, plain, 0, &ws);
    assert_int_equal(d->n_overlays, 0);
    assert_string_equal(items(actor(d, "BASHAR", "AL", "ASSAD", NULL)),
                        "SYRGOV >000717;SYRELI;SYRGOV 20000717-20241208;SYRELI");
    assert_string_equal(items(actor(d, "ASSAD", NULL)),
                        "SYRGOV >000717;SYRELI;SYRGOV;SYRGOV 20000717-20241208;SYRELI;"
                        "SYRGOV 20000717-20241208;SYRELI");
    assert_null(actor(d, "AHMED", "AL-SHARAA", NULL)); /* the last entry is dropped */
    pc_dicts_free(d);
}

static void test_overlay_replaces(void **state)
{
    (void)state;
    warns ws;
    pc_dicts *d = load_two(BASE, OVERLAY, 0, &ws);
    assert_int_equal(ws.n, 0);
    assert_int_equal(d->n_overlays, 1);
    assert_string_equal(items(actor(d, "BASHAR", "AL", "ASSAD", NULL)),
                        "SYRGOV 20000717-20241208;SYRELI");
    /* a synonym: both earlier entries' codes go, and it is stored once */
    assert_string_equal(items(actor(d, "ASSAD", NULL)), "SYRGOV 20000717-20241208;SYRELI");
    /* phrases the overlay does not name keep their codes */
    assert_string_equal(items(actor(d, "ASSAD", "REGIME", NULL)), "SYRGOV");
    /* a new phrase, and the overlay's last entry is stored */
    assert_string_equal(items(actor(d, "AHMED", "AL-SHARAA", NULL)),
                        "SYRGOV >20241208;SYRREBMUS");
    pc_dicts_free(d);
}

static void test_repeat_within_overlay_warns(void **state)
{
    (void)state;
    warns ws;
    const char *over = PC_OVERLAY_DIRECTIVE "\n"
                       "TRUMP_ [USAGOV 20170120-20210120] [USAELI]\n"
                       "DONALD_TRUMP\n"
                       "+TRUMP\n"
                       "\t[USAGOV >20250120]\n"
                       "\t[USAELI]\n";
    pc_dicts *d = load_two(BASE, over, 0, &ws);
    assert_int_equal(ws.n, 1);
    assert_int_equal(ws.line[0], 3);
    assert_non_null(strstr(ws.msg[0], "TRUMP was already given at line 2"));
    assert_string_equal(items(actor(d, "TRUMP", NULL)), "USAGOV >20250120;USAELI");
    pc_dicts_free(d);
}

static void test_two_overlays(void **state)
{
    (void)state;
    warns ws;
    pc_error err;
    pc_dicts *d = load_two(BASE, OVERLAY, 0, &ws);
    /* a second overlay amends the first one's entry without a warning */
    const char *again = PC_OVERLAY_DIRECTIVE "\nASSAD [SYRELI]\n";
    assert_int_equal(pc_read_actor_dictionary(d, write_file(2, "again.txt", again), on_warn,
                                              &ws, &err), PC_OK);
    assert_int_equal(ws.n, 0);
    assert_int_equal(d->n_overlays, 2);
    assert_string_equal(items(actor(d, "ASSAD", NULL)), "SYRELI");
    assert_string_equal(items(actor(d, "BASHAR", "AL", "ASSAD", NULL)),
                        "SYRGOV 20000717-20241208;SYRELI");
    /* pc_read_actor_overlay: an overlay without the directive */
    assert_int_equal(pc_read_actor_overlay(d, write_file(2, "forced.txt", "ASSAD [SYRMIL]\n"),
                                           on_warn, &ws, &err), PC_OK);
    assert_int_equal(d->n_overlays, 3);
    assert_string_equal(items(actor(d, "ASSAD", NULL)), "SYRMIL");
    pc_dicts_free(d);
}

static void test_overlay_with_actor_root(void **state)
{
    (void)state;
    warns ws;
    pc_dicts *d = load_two(BASE, OVERLAY, 1, &ws);
    /* the root item PETRARCH2 appends goes with the replacing list */
    assert_string_equal(items(actor(d, "ASSAD", NULL)),
                        "SYRGOV 20000717-20241208;SYRELI;^BASHAR AL ASSAD");
    pc_dicts_free(d);
}

/* A config naming the base file; overlay actor and agent files added to it. */
static void test_config_added_files(void **state)
{
    (void)state;
    char cfgtext[1024];
    snprintf(cfgtext, sizeof cfgtext,
             "[Dictionaries]\nverbfile_name = %s/v.txt\nactorfile_list = %s/base.txt\n"
             "agentfile_name = %s/ag.txt\ndiscardfile_name = %s/d.txt\n",
             tmpdir, tmpdir, tmpdir, tmpdir);
    write_file(0, "base.txt", BASE);
    write_file(1, "v.txt", "");
    write_file(1, "d.txt", "");
    write_file(1, "ag.txt", "SOLDIER [~MIL]\nREBEL [~REB]\n");
    const char *cfgpath = write_file(2, "c.ini", cfgtext);
    pc_error err;
    pc_config *cfg = pc_config_load(cfgpath, NULL, &err);
    assert_non_null(cfg);
    /* the overlay without its directive: added files are overlays anyway */
    write_file(3, "user.txt", "ASSAD [SYRELI]\n");
    char user[256];
    snprintf(user, sizeof user, "%s/user.txt", tmpdir);
    assert_int_equal(pc_config_add_actorfile(cfg, user, &err), PC_OK);
    assert_int_equal(pc_config_actorfile_count(cfg), 2);
    assert_false(pc_config_actorfile_forced_overlay(cfg, 0));
    assert_true(pc_config_actorfile_forced_overlay(cfg, 1));
    assert_false(pc_config_actorfile_forced_overlay(cfg, 2));
    char agents[256];
    snprintf(agents, sizeof agents, "%s/ag2.txt", tmpdir);
    write_file(3, "ag2.txt", "REBEL [~INS]\n");
    assert_int_equal(pc_config_add_agentfile(cfg, agents, &err), PC_OK);
    assert_int_equal(pc_config_extra_agentfile_count(cfg), 1);
    assert_string_equal(pc_config_extra_agentfile(cfg, 0), agents);
    assert_null(pc_config_extra_agentfile(cfg, 1));

    /* files that do not exist are refused */
    assert_int_equal(pc_config_add_actorfile(cfg, "/nonexistent/x.txt", &err), PC_ERR_CONFIG);
    assert_non_null(strstr(err.message, "/nonexistent/x.txt"));
    assert_int_equal(pc_config_add_agentfile(cfg, tmpdir, &err), PC_ERR_CONFIG);
    assert_int_equal(pc_config_actorfile_count(cfg), 2);

    pc_dicts *d = pc_dicts_load(cfg, NULL, NULL, &err);
    assert_non_null(d);
    assert_string_equal(items(actor(d, "ASSAD", NULL)), "SYRELI");
    assert_string_equal(items(actor(d, "BASHAR", "AL", "ASSAD", NULL)), "SYRGOV >000717;SYRELI");
    const dn_entry *e = dn_get(dn_get_node(d->agents, "REBEL"), "#");
    assert_non_null(e);
    assert_string_equal((const char *)e->v.leaf, "~INS"); /* the added file wins */
    e = dn_get(dn_get_node(d->agents, "SOLDIER"), "#");
    assert_non_null(e);
    assert_string_equal((const char *)e->v.leaf, "~MIL");
    pc_dicts_free(d);
    pc_config_free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_directive_recognised),
        cmocka_unit_test(test_plain_files_extend),
        cmocka_unit_test(test_overlay_replaces),
        cmocka_unit_test(test_repeat_within_overlay_warns),
        cmocka_unit_test(test_two_overlays),
        cmocka_unit_test(test_overlay_with_actor_root),
        cmocka_unit_test(test_config_added_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
