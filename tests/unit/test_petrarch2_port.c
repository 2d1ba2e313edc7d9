/* test_petrarch2_port.c -- the 17 tests of PETRARCH2 1.2.0's
 * tests/test_petrarch.py, with the same inputs and expectations, run on the
 * vendored default (Phoenix) dictionaries.  Run from the repo root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "petrarch.h"
#include "coder/coder.h"
#include "coder/sent.h"
#include "dict/dicts.h"

static pc_config *cfg;
static pc_dicts *dicts;
static pc_coder *coder;

static int setup(void **state)
{
    (void)state;
    pc_error err;
    cfg = pc_config_load("data/PETR_config.ini", "data", &err);
    if (!cfg) {
        fprintf(stderr, "config: %s\n", err.message);
        return -1;
    }
    dicts = pc_dicts_load(cfg, NULL, NULL, &err);
    if (!dicts) {
        fprintf(stderr, "dicts: %s\n", err.message);
        return -1;
    }
    coder = pc_coder_new(dicts, cfg, &err);
    return coder ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_coder_free(coder);
    pc_dicts_free(dicts);
    pc_config_free(cfg);
    return 0;
}

/* the i-th child, as tree.children[i] */
static phrase *child(phrase *p, size_t i)
{
    assert_true(i < p->children->n);
    return p->children->v[i];
}

/* assert a meaning equals the given codes (in order, or sorted) */
static void assert_codes(pv *m, int sorted, const char *const *want, size_t n)
{
    assert_int_equal(m->k, PV_LIST);
    assert_int_equal(m->n, n);
    for (size_t i = 0; i < n; i++) {
        int found = 0;
        for (size_t k = 0; k < n; k++) {
            if (sorted ? pv_eq_cstr(m->items[k], want[i]) : (k == i && pv_eq_cstr(m->items[i], want[i])))
                found = 1;
        }
        if (!found)
            fail_msg("code %s missing at %zu", want[i], i);
    }
}

#define WITH_FRAME(s, body)                                                   \
    do {                                                                      \
        py_frame f_;                                                          \
        py_try_push(&(s)->rt, &f_);                                           \
        if (setjmp(f_.jb) == 0) {                                             \
            body;                                                             \
            py_try_leave(&(s)->rt, &f_);                                      \
        } else {                                                              \
            fail_msg("PETRARCH2 would have raised: %s", (s)->rt.where);       \
        }                                                                     \
    } while (0)

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(PC_PETRARCH2_VERSION, "1.2.0");
}

static void test_read(void **state)
{
    (void)state;
    assert_non_null(dn_get(dicts->actors, "RUSSIA"));
}

static const pc_actor_leaf *actor_leaf(const char *const *words)
{
    const pc_dnode *n = dicts->actors;
    for (; *words; words++) {
        n = dn_get_node(n, *words);
        assert_non_null(n);
    }
    const dn_entry *e = dn_get(n, "#");
    assert_non_null(e);
    assert_int_equal(e->kind, DN_LEAF);
    return e->v.leaf;
}

static void assert_item(const pc_actor_item *it, const char *code, const char *d0, const char *d1)
{
    assert_false(it->is_root);
    assert_string_equal(it->code, code);
    size_t nd = (d0 != NULL) + (d1 != NULL);
    assert_int_equal(it->n_dates, nd);
    if (d0)
        assert_string_equal(it->dates[0], d0);
    if (d1)
        assert_string_equal(it->dates[1], d1);
}

static void test_actorDict_read(void **state)
{
    (void)state;
    /* CROATIA appears several times: all codes are kept */
    const pc_actor_leaf *l = actor_leaf((const char *const[]){"CROATIA", NULL});
    assert_int_equal(l->n, 4);
    assert_item(&l->items[0], "YUGHRV", "<910625", NULL);
    assert_item(&l->items[1], "HRVUNR", "911008", "920115");
    assert_item(&l->items[2], "HRV", ">920115", NULL);
    assert_item(&l->items[3], "HRV", NULL, NULL);
    assert_int_equal(dn_count(dn_get_node(dicts->actors, "CROATIA")), 1);
    /* several codes on one line */
    const pc_dnode *uffe = dn_get_node(dicts->actors, "UFFE");
    assert_int_equal(dn_count(uffe), 1);
    l = actor_leaf((const char *const[]){"UFFE", "ELLEMANN", "JENSEN", NULL});
    assert_int_equal(l->n, 2);
    assert_item(&l->items[0], "IGOEUREEC", "820701", "821231");
    assert_item(&l->items[1], "IGOEUREEC", "870701", "871231");
    /* extra space in a date */
    l = actor_leaf((const char *const[]){"EL", "SISI", NULL});
    assert_int_equal(l->n, 4);
    assert_item(&l->items[0], "EGYMIL", "770101", "120812");
    assert_item(&l->items[1], "EGYGOVMIL", "120812", "140326");
    assert_item(&l->items[2], "EGYGOV", ">140608", NULL);
    assert_item(&l->items[3], "EGYELI", NULL, NULL);
    /* phrase and code separated by different white space */
    l = actor_leaf((const char *const[]){"BOKO", "HARAM", NULL});
    assert_int_equal(dn_count(dn_get_node(dicts->actors, "BOKO")), 1);
    assert_int_equal(l->n, 1);
    assert_item(&l->items[0], "NGAREB", NULL, NULL);
    l = actor_leaf((const char *const[]){"SOLARWINDS", "INC", NULL});
    assert_int_equal(l->n, 1);
    assert_item(&l->items[0], "MNCUSA", NULL, NULL);
    l = actor_leaf((const char *const[]){"KIRIBATI", NULL});
    assert_int_equal(dn_count(dn_get_node(dicts->actors, "KIRIBATI")), 1);
    assert_int_equal(l->n, 1);
    assert_item(&l->items[0], "KIR", NULL, NULL);
}

static void test_noun_meaning1(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder, "(S (NP (DT THE ) (JJ ISLAMIC ) (NN STATE ) ) ", "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, {
        head_pair h = ph_get_head(s, p);
        assert_true(pv_eq_cstr(h.head, "STATE"));
        assert_ptr_equal(h.phrase, p);
        assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){"IMGMUSISI"}, 1);
    });
}

static void test_noun_meaning2(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder,
        "(S (NP (DT THE ) (JJ NORTH ) (NN ATLANTIC ) (NN TREATY ) (NN ORGANIZATION ) ) )  ", "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, {
        head_pair h = ph_get_head(s, p);
        assert_true(pv_eq_cstr(h.head, "ORGANIZATION"));
        assert_ptr_equal(h.phrase, p);
        assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){"IGOWSTNAT"}, 1);
    });
}

static void test_noun_meaning3(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder,
        "(S (NP (NP (NNP BARACK ) (NNP OBAMA ) ) (CC AND ) (NP (NNP VLADIMIR ) (NNP PUTIN ) ) ) )", "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, assert_codes(ph_get_meaning(s, p), 1, (const char *const[]){"USAGOV", "RUSGOV"}, 2));
}

static void test_prepmeaning(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder, "(S (PP (IN TO ) (NP (DT THE ) (JJ TURKISH ) (NN MARKET )  ) ) )",
                               "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, {
        assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){"TUR"}, 1);
        assert_true(pv_eq_cstr(p->head, "MARKET"));
        assert_true(pv_eq_cstr(pp_get_prep(s, p), "TO"));
    });
}

static void test_noun_meaning4(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder,
        "(S (NP (DT THE ) (NNP REBELS ) (PP (IN FROM ) (NP (NNP SYRIA ) ) ) ) )", "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, {
        assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){"SYRREB"}, 1);
        assert_true(pv_eq_cstr(ph_get_head(s, p).head, "REBELS"));
        assert_ptr_equal(ph_get_head(s, p).phrase, p);
    });
}

static void test_noun_meaning5(void **state)
{
    (void)state;
    sent *s = pc_test_sentence(coder,
        "(S (NP (NP (DT THE ) (NNP US ) (NN COMMANDER ) ) (PP (IN IN ) (NP (NNP IRAQ ) ) ) ) )", "081315", 0);
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, {
        assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){"USAMIL"}, 1);
        assert_true(pv_eq_cstr(ph_get_head(s, p).head, "COMMANDER"));
    });
}

static long ordate(const char *d)
{
    long o;
    assert_int_equal(pc_dstr_to_ordate(d, strlen(d), &o), 0);
    return o;
}

static void date_case(const char *date, const char *want)
{
    sent *s = pc_test_sentence(coder, "(S (NP (NNP CARL ) (NN XVI ) (NNP GUSTAF ) ) )", NULL, ordate(date));
    assert_non_null(s);
    phrase *p = child(s->tree.root, 0);
    WITH_FRAME(s, assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){want}, 1));
}

static void test_date_check(void **state)
{
    (void)state;
    date_case("20150813", "SWEGOV");
    date_case("19720813", "SWEELI");
    date_case("19010813", "SWEELI");
}

static void prp_case(const char *parse, const size_t *path, size_t depth, const char *want)
{
    sent *s = pc_test_sentence(coder, parse, NULL, ordate("20150813"));
    assert_non_null(s);
    phrase *p = s->tree.root;
    for (size_t i = 0; i < depth; i++)
        p = child(p, path[i]);
    WITH_FRAME(s, assert_codes(ph_get_meaning(s, p), 0, (const char *const[]){want}, 1));
}

static void test_personal1(void **state)
{
    (void)state;
    prp_case("(S (NP (NNP OBAMA ) ) (VP (VBD SAID ) (SBAR (S (NP (PRP HE ) ) (VP (VBD WAS ) (ADJP (VBN TIRED ) ) ) ) ) ) ) ",
             (const size_t[]){1, 1, 0, 0}, 4, "USAGOV");
}

static void test_reflexive(void **state)
{
    (void)state;
    prp_case("(S (NP (NNP OBAMA ) )  (VP (VBD ASKED ) (NP (PRP HIMSELF ) )  (SBAR (WHADVP (WRB WHY ) ) (S (NP (NNP BIDEN ) ) (VP (VBD WAS ) (ADJP (VBN TIRED ) ) ) ) ) ) )",
             (const size_t[]){1, 1}, 2, "USAGOV");
}

static void test_personal2(void **state)
{
    (void)state;
    prp_case("(S (NP (NNP OBAMA ) ) (VP (VBD KNEW ) (SBAR (IN THAT ) (S (NP (NNP BIDEN ) ) (VP (VBD LIKED ) (NP (PRP HIM ) ) ) ) ) )  ) ",
             (const size_t[]){1, 1, 1, 1, 1}, 5, "USAGOV");
}

static void test_reflexive2(void **state)
{
    (void)state;
    prp_case("(S (NP (NNP OBAMA ) ) (VP (VBD KNEW ) (SBAR (IN THAT ) (S (NP (NNP PUTIN ) ) (VP (VBD LIKED ) (NP (PRP HIMSELF ) ) ) ) ) )  ) ",
             (const size_t[]){1, 1, 1, 1, 1}, 5, "RUSGOV");
}

/* do_coding on a one-sentence story; the coded events in order */
static void story_case(const char *text, const char *parse, const char *src, const char *tgt,
                       const char *code)
{
    pc_sentence_result r;
    pc_error err;
    assert_int_equal(pc_coder_code_sentence(coder, parse, text, "20010101", &r, &err), PC_OK);
    assert_int_equal(r.n_events, 1);
    assert_string_equal(r.events[0].source, src);
    assert_string_equal(r.events[0].target, tgt);
    assert_string_equal(r.events[0].code, code);
}

static void test_simple(void **state)
{
    (void)state;
    story_case("Germany invaded France",
               "(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France)))))", "DEU", "FRA", "192");
}

static void test_simple2(void **state)
{
    (void)state;
    story_case("Germany arrested France",
               "(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France)))))", "DEU", "FRA", "173");
}

static void test_complex1(void **state)
{
    (void)state;
    story_case("A Tunisian court has jailed a Nigerian student for two years for helping young militants "
               "join an armed Islamic group in Lebanon, his lawyer said Wednesday.",
               "( (S (S\n"
               "    (NP (DT A) (NNP Tunisian) (NN court))\n"
               "    (VP (AUXZ has)\n"
               "    (VP (VBN jailed)\n"
               "    (NP (DT a) (JJ Nigerian) (NN student))\n"
               "    (PP (IN for)\n"
               "    (NP (CD two) (NNS years)))\n"
               "    (PP (IN for) (S\n"
               "    (VP (VBG helping) (S\n"
               "    (NP (JJ young) (NNS militants))\n"
               "    (VP (VB join)\n"
               "    (NP (NP (DT an) (JJ armed) (JJ Islamic) (NN group))f\n"
               "    (PP (IN in)\n"
               "    (NP (NNP Lebanon)))))))))))) (, ,)\n"
               "    (NP (PRP$ his) (NN lawyer))\n"
               "    (VP (VBD said)\n"
               "    (NP (NNP Wednesday))) (. .)))",
               "TUNJUD", "NGAEDU", "173");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),       cmocka_unit_test(test_read),
        cmocka_unit_test(test_actorDict_read), cmocka_unit_test(test_noun_meaning1),
        cmocka_unit_test(test_noun_meaning2), cmocka_unit_test(test_noun_meaning3),
        cmocka_unit_test(test_prepmeaning),   cmocka_unit_test(test_noun_meaning4),
        cmocka_unit_test(test_noun_meaning5), cmocka_unit_test(test_date_check),
        cmocka_unit_test(test_personal1),     cmocka_unit_test(test_reflexive),
        cmocka_unit_test(test_personal2),     cmocka_unit_test(test_reflexive2),
        cmocka_unit_test(test_simple),        cmocka_unit_test(test_simple2),
        cmocka_unit_test(test_complex1),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
