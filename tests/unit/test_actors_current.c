/* test_actors_current.c -- the 2014-2025 actor supplement through the library:
 *   - every case of tests/data/current/cases.tsv (a hand-parsed sentence on a
 *     date and the source code it must get) coded with data/current.ini;
 *   - the same sentences with the default config keep Phoenix's (stale) codes,
 *     so parity mode does not see the supplement;
 *   - the supplement file is well formed: it loads without a warning, and each
 *     phrase's code list follows the file's conventions (dates only as ranges
 *     or </>-prefixed, valid YYYYMMDD, an undated code last).
 * Run from the repo root (make test does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "petrarch.h"
#include "dict/dicts.h"

#define CASES "tests/data/current/cases.tsv"
#define SUPPLEMENT "data/dictionaries/Supplement.2014-2025.actors.txt"

typedef struct setup_ {
    pc_config *cfg;
    pc_dicts *dicts;
    pc_coder *coder;
} setup_;

static setup_ current, phoenix;

static int open_config(setup_ *s, const char *path)
{
    pc_error err;
    if (!(s->cfg = pc_config_load(path, "data", &err)) ||
        !(s->dicts = pc_dicts_load(s->cfg, NULL, NULL, &err)) ||
        !(s->coder = pc_coder_new(s->dicts, s->cfg, &err))) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return -1;
    }
    return 0;
}

static void close_config(setup_ *s)
{
    pc_coder_free(s->coder);
    pc_dicts_free(s->dicts);
    pc_config_free(s->cfg);
}

static int setup(void **state)
{
    (void)state;
    return open_config(&current, "data/current.ini") || open_config(&phoenix, "data/PETR_config.ini");
}

static int teardown(void **state)
{
    (void)state;
    close_config(&current);
    close_config(&phoenix);
    return 0;
}

/* One row of cases.tsv: id, date, source, text, parse (pointers into line). */
typedef struct row {
    char *f[5];
} row;

static int split_row(char *line, row *r)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0')
        return 0;
    for (int i = 0; i < 5; i++) {
        r->f[i] = line;
        char *tab = strchr(line, '\t');
        if (i < 4) {
            if (!tab)
                return -1;
            *tab = '\0';
            line = tab + 1;
        } else if (tab) {
            return -1;
        }
    }
    return 1;
}

/* The source of the first event coding the row's sentence gets, or a note. */
static const char *code_source(pc_coder *c, const row *r, char *buf, size_t n)
{
    pc_sentence_result res;
    pc_error err;
    if (pc_coder_code_sentence(c, r->f[4], r->f[3], r->f[1], &res, &err) != PC_OK)
        snprintf(buf, n, "(error: %s)", err.message);
    else if (res.n_events == 0)
        snprintf(buf, n, "(no event)");
    else
        snprintf(buf, n, "%s", res.events[0].source);
    return buf;
}

static void test_cases(void **state)
{
    (void)state;
    FILE *f = fopen(CASES, "r");
    assert_non_null(f);
    char line[4096], got[600];
    int n = 0, bad = 0;
    long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        row r;
        int k = split_row(line, &r);
        if (k < 0)
            fail_msg("%s:%ld: not 5 tab-separated fields", CASES, lineno);
        if (k == 0)
            continue;
        n++;
        code_source(current.coder, &r, got, sizeof got);
        if (strcmp(got, r.f[2]) != 0) {
            print_error("%s:%ld: %s on %s: source %s, expected %s\n", CASES, lineno, r.f[0],
                        r.f[1], got, r.f[2]);
            bad++;
        }
    }
    fclose(f);
    assert_true(n >= 20);
    assert_int_equal(bad, 0);
}

/* The default (parity) config does not see the supplement: Assad is still
 * SYRGOV in December 2025 and Trump is unknown (no event). */
static void test_default_config_unchanged(void **state)
{
    (void)state;
    char l1[] = "x\t20251219\t-\tBashar al-Assad met Vladimir Putin.\t"
                "(ROOT (S (NP (NNP Bashar) (NNP al-Assad)) (VP (VBD met) "
                "(NP (NNP Vladimir) (NNP Putin))) (. .)))";
    char l2[] = "x\t20251219\t-\tDonald Trump met Vladimir Putin.\t"
                "(ROOT (S (NP (NNP Donald) (NNP Trump)) (VP (VBD met) "
                "(NP (NNP Vladimir) (NNP Putin))) (. .)))";
    row r1, r2;
    char got[600];
    assert_int_equal(split_row(l1, &r1), 1);
    assert_int_equal(split_row(l2, &r2), 1);
    assert_string_equal(code_source(phoenix.coder, &r1, got, sizeof got), "SYRGOV");
    assert_string_equal(code_source(current.coder, &r1, got, sizeof got), "SYRELI");
    assert_string_equal(code_source(phoenix.coder, &r2, got, sizeof got), "(no event)");
    assert_string_equal(code_source(current.coder, &r2, got, sizeof got), "USAGOV");
}

/* ------------------------------------------------ the file's conventions */

static void count_warning(void *ud, const pc_error *w)
{
    (void)w;
    ++*(int *)ud;
}

static int is_ymd(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 8 || strspn(s, "0123456789") != 8)
        return 0;
    int y = atoi((char[]){s[0], s[1], s[2], s[3], 0});
    int m = atoi((char[]){s[4], s[5], 0});
    int d = atoi((char[]){s[6], s[7], 0});
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
           d <= mdays[m - 1] - (m == 2 && !leap);
}

/* NULL if the list follows the conventions, else what is wrong. */
static const char *check_list(const pc_actor_leaf *leaf)
{
    if (leaf->n == 0)
        return "no code";
    for (size_t i = 0; i < leaf->n; i++) {
        const pc_actor_item *it = &leaf->items[i];
        if (it->is_root)
            return "a root item (write_actor_root is off)";
        size_t cl = strlen(it->code);
        if (cl < 3 || cl % 3 != 0 || strspn(it->code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != cl)
            return "a code that is not 3-letter groups";
        if (it->n_dates == 0 && i + 1 != leaf->n)
            return "an undated code before the last";
        if (it->n_dates == 1 && !((it->dates[0][0] == '<' || it->dates[0][0] == '>') &&
                                  is_ymd(it->dates[0] + 1)))
            return "a single date without < or >, or not YYYYMMDD";
        if (it->n_dates == 2 && !(is_ymd(it->dates[0]) && is_ymd(it->dates[1]) &&
                                  strcmp(it->dates[0], it->dates[1]) < 0))
            return "a range that is not YYYYMMDD-YYYYMMDD, start before end";
        if (it->n_dates > 2)
            return "more than two dates";
    }
    if (leaf->items[leaf->n - 1].n_dates != 0)
        return "no undated code last";
    return NULL;
}

static void test_supplement_well_formed(void **state)
{
    (void)state;
    pc_error err;
    pc_dicts *d = pc_dicts_new(0, &err);
    assert_non_null(d);
    int warnings = 0;
    assert_int_equal(pc_read_actor_dictionary(d, SUPPLEMENT, count_warning, &warnings, &err),
                     PC_OK);
    assert_int_equal(warnings, 0);
    assert_int_equal(d->n_overlays, 1); /* it declares itself an overlay */

    /* walk the trie with an explicit stack, keeping the path for messages */
    enum { MAXD = 32 };
    const pc_dnode *node[MAXD];
    size_t next[MAXD];
    const char *word[MAXD];
    int top = 0, phrases = 0, bad = 0;
    node[0] = d->actors;
    next[0] = 0;
    while (top >= 0) {
        if (next[top] == dn_count(node[top])) {
            top--;
            continue;
        }
        const dn_entry *e = dn_at(node[top], next[top]++);
        if (e->kind == DN_NODE) {
            assert_true(top + 1 < MAXD);
            word[top] = e->key;
            node[++top] = e->v.node;
            next[top] = 0;
            continue;
        }
        assert_string_equal(e->key, "#");
        phrases++;
        const char *why = check_list(e->v.leaf);
        if (why) {
            char path[512] = "";
            for (int i = 0; i < top; i++)
                snprintf(path + strlen(path), sizeof path - strlen(path), "%s%s", i ? "_" : "",
                         word[i]);
            print_error("%s: phrase %s: %s\n", SUPPLEMENT, path, why);
            bad++;
        }
    }
    pc_dicts_free(d);
    assert_true(phrases > 500);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_default_config_unchanged),
        cmocka_unit_test(test_supplement_well_formed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
