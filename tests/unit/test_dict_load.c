/* test_dict_load.c -- pc_dicts_load on the real dictionaries: the default
 * config (CAMEO.2.0 + Phoenix) with PETRARCH2's own test_actorDict_read
 * expectations (tests/test_petrarch.py of PETRARCH2 1.2.0), sizes and samples
 * of every trie as PETRARCH2 builds them (Python 2.7), the validation
 * config, and load errors.  Run from the repository root (data/...). */
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

static int nwarn;

static void on_warn(void *ud, const pc_error *w)
{
    (void)ud;
    assert_true(w->line > 0);
    assert_true(w->file[0] != '\0');
    nwarn++;
}

static pc_dicts *D; /* the default config's dictionaries, loaded once */

static int setup(void **st)
{
    (void)st;
    pc_error err;
    pc_config *cfg = pc_config_load("data/PETR_config.ini", "data", &err);
    if (!cfg) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    D = pc_dicts_load(cfg, on_warn, NULL, &err);
    pc_config_free(cfg);
    if (!D)
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
    return D ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    pc_dicts_free(D);
    return 0;
}

static const pc_dnode *node(const pc_dnode *n, ...)
{
    va_list ap;
    va_start(ap, n);
    for (const char *k = va_arg(ap, const char *); k && n; k = va_arg(ap, const char *))
        n = dn_get_node(n, k);
    va_end(ap);
    assert_non_null(n);
    return n;
}

static const pc_actor_leaf *leaf(const pc_dnode *n)
{
    const dn_entry *e = dn_get(n, "#");
    assert_non_null(e);
    assert_int_equal(e->kind, DN_LEAF);
    return e->v.leaf;
}

/* items as "CODE:d1-d2,CODE:,..." */
static void expect_items(const pc_actor_leaf *l, const char *want)
{
    char got[512] = "";
    for (size_t i = 0; i < l->n; i++) {
        const pc_actor_item *it = &l->items[i];
        assert_false(it->is_root);
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s:", i ? "," : "", it->code);
        for (size_t k = 0; k < it->n_dates; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? "-" : "",
                     it->dates[k]);
    }
    assert_string_equal(got, want);
}

/* PETRARCH2's test_actorDict_read, node for node */
static void test_petrarch2_actor_expectations(void **st)
{
    (void)st;
    const pc_dnode *n = node(D->actors, "CROATIA", NULL); /* several entries */
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(n), "YUGHRV:<910625,HRVUNR:911008-920115,HRV:>920115,HRV:");
    n = node(D->actors, "UFFE", NULL); /* several codes on one line */
    assert_int_equal(dn_count(n), 1);
    n = node(n, "ELLEMANN", NULL);
    assert_int_equal(dn_count(n), 1);
    n = node(n, "JENSEN", NULL);
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(n), "IGOEUREEC:820701-821231,IGOEUREEC:870701-871231");
    n = node(D->actors, "EL", "SISI", NULL); /* [EGYGOV > 140608] */
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(n), "EGYMIL:770101-120812,EGYGOVMIL:120812-140326,EGYGOV:>140608,EGYELI:");
    n = node(D->actors, "BOKO", NULL); /* one space */
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(node(n, "HARAM", NULL)), "NGAREB:");
    n = node(D->actors, "SOLARWINDS", NULL); /* two spaces */
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(node(n, "INC", NULL)), "MNCUSA:");
    n = node(D->actors, "KIRIBATI", NULL); /* a tab */
    assert_int_equal(dn_count(n), 1);
    expect_items(leaf(n), "KIR:");
    assert_non_null(dn_get(D->actors, "RUSSIA")); /* test_read */
}

/* Sizes and samples as PETRARCH2 builds them for this config. */
static void test_sizes_and_samples(void **st)
{
    (void)st;
    assert_int_equal(dn_count(D->verbs), 6763);
    assert_int_equal(dn_count(D->phrases), 305);
    assert_int_equal(dn_count(D->transforms), 4);
    assert_int_equal(dn_count(D->actors), 17144);
    assert_int_equal(dn_count(D->agents), 1618);
    assert_int_equal(dn_count(D->discards), 432);
    assert_int_equal(dn_count(D->issues), 2334);
    assert_int_equal(D->n_issue_codes, 113);
    assert_string_equal(D->issue_codes[2], "EARLY_CHILDHOOD_EDUCATION");

    const dn_entry *e = dn_get(node(D->verbs, "ACCELERATE", "#", NULL), "#");
    assert_non_null(e);
    const pc_verb_leaf *v = e->v.leaf;
    assert_string_equal(v->code, "---");
    assert_string_equal(v->meaning, "ACCELERATE");
    assert_string_equal(v->line, "ACCELERATE ");
    /* the &MILITARY synset before the verb, with its odd plurals */
    const pc_dnode *p = node(D->phrases, "ACCELERATE", NULL);
    assert_int_equal(dn_count(p), 29);
    assert_non_null(dn_get(p, "BRIGADEES"));
    e = dn_get(node(p, "*", "AID", NULL), "#");
    assert_non_null(e);
    const pc_pattern_leaf *pl = e->v.leaf;
    assert_string_equal(pl->code, "070");
    assert_string_equal(pl->line, "- * AID                                               "
                                  "[070]         # RUSH");
    e = dn_get(node(D->agents, "PRESIDENT", NULL), "#");
    assert_string_equal(e->v.leaf, "~GOV");
    e = dn_get(node(D->agents, "PRESIDENT", "OF", "THE", "SENATES", NULL), "#");
    assert_string_equal(e->v.leaf, "~LEG");
    /* the Phoenix files have a few lines PETRARCH2 skips or reports */
    assert_true(nwarn > 0);
}

static void test_validate_config(void **st)
{
    (void)st;
    pc_error err;
    pc_config *cfg = pc_config_load("data/PETR_validate.ini", "data", &err);
    assert_non_null(cfg);
    pc_config_options_mut(cfg)->write_actor_root = 1;
    pc_dicts *d = pc_dicts_load(cfg, NULL, NULL, &err);
    pc_config_free(cfg);
    assert_non_null(d);
    assert_int_equal(d->write_actor_root, 1);
    /* PETR.Validate.verbs.txt starts with "<!--" lines: PETRARCH2 records no
     * pattern at all from it */
    assert_int_equal(dn_count(d->phrases), 0);
    assert_true(dn_count(d->verbs) > 0);
    assert_non_null(d->issues);
    pc_dicts_free(d);
}

static void put(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_load_errors(void **st)
{
    (void)st;
    pc_error err;
    assert_null(pc_dicts_load(NULL, NULL, NULL, &err));
    assert_int_equal(err.code, PC_ERR_USAGE);

    /* a dictionary that disappears after the config was read: PC_ERR_IO
     * naming the file; malformed lines only warn */
    char dir[] = "/tmp/pc_test_load_XXXXXX";
    assert_non_null(mkdtemp(dir));
    put(dir, "c.ini", "[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a.txt\n"
                      "agentfile_name = g.txt\ndiscardfile_name = d.txt\n");
    put(dir, "v.txt", "--- X [010] ---\nSAY\n- no star [011]\n");
    put(dir, "a.txt", "A [A]\nB [B]\n");
    put(dir, "g.txt", "NO CODE\n");
    put(dir, "d.txt", "X\n");
    char path[256];
    snprintf(path, sizeof path, "%s/c.ini", dir);
    pc_config *cfg = pc_config_load(path, NULL, &err);
    assert_non_null(cfg);
    nwarn = 0;
    pc_dicts *d = pc_dicts_load(cfg, on_warn, NULL, &err);
    assert_non_null(d);
    assert_int_equal(nwarn, 2);
    assert_non_null(dn_get(d->actors, "A"));
    pc_dicts_free(d);
    snprintf(path, sizeof path, "%s/g.txt", dir);
    assert_int_equal(remove(path), 0);
    assert_null(pc_dicts_load(cfg, NULL, NULL, &err));
    assert_int_equal(err.code, PC_ERR_IO);
    assert_string_equal(err.file, path);
    pc_config_free(cfg);
    const char *names[] = {"c.ini", "v.txt", "a.txt", "d.txt"};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_petrarch2_actor_expectations),
        cmocka_unit_test(test_sizes_and_samples),
        cmocka_unit_test(test_validate_config),
        cmocka_unit_test(test_load_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
