/* test_parser.c -- the constituency parser: binarize/unbinarize round trips,
 * EVALB scoring on known cases, a tiny training run that parses its
 * training trees back (greedy and beam), damaged model files, and the
 * shipped model (which is also saved back byte for byte). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <cmocka.h>

#include "nlp/binarize.h"
#include "nlp/evalb.h"
#include "nlp/fold.h"
#include "nlp/parser.h"
#include "nlp/ptb_read.h"
#include "support_files.h"

#define N(x) (sizeof(x) / sizeof((x)[0]))

static pc_ptree parse1(pc_arena *a, const char *s)
{
    pc_ptree t;
    long line = 1;
    pc_error err = {0};
    int r = pc_ptb_parse(a, &s, &line, &t, "test", &err);
    if (r != 1)
        fail_msg("cannot read tree: %s", err.message);
    return t;
}

/* ------------------------------------------------------------ binarize */

static const struct {
    const char *in, *out;
} ROUND[] = {
    /* function tags stripped, ROOT kept once */
    {"(ROOT (S (NP-SBJ (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))",
     "(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))"},
    /* a flat NP with the head at the end, a PP: left and right siblings */
    {"(ROOT (NP (NP (DT the) (JJ big) (JJ red) (NN house)) (PP (IN in) (NP (NNP Gaza)))))",
     "(ROOT (NP (NP (DT the) (JJ big) (JJ red) (NN house)) (PP (IN in) (NP (NNP Gaza)))))"},
    /* unary chains, an unlabelled outer bracket, a -NONE- element removed */
    {"( (S (NP-SBJ-1 (-NONE- *)) (VP (VB Go) (ADVP (RB away))) (. !)))",
     "(ROOT (S (VP (VB Go) (ADVP (RB away))) (. !)))"},
    /* X -> X unaries merged */
    {"(ROOT (NP (NP (NNS rockets))))", "(ROOT (NP (NNS rockets)))"},
    /* head in the middle of a long constituent */
    {"(ROOT (S (ADVP (RB Then)) (, ,) (NP (PRP they)) (VP (VBD left) (NP (NN town)) (PP (IN at) (NP (NN noon))) (ADVP (RB quickly))) (. .)))",
     "(ROOT (S (ADVP (RB Then)) (, ,) (NP (PRP they)) (VP (VBD left) (NP (NN town)) (PP (IN at) (NP (NN noon))) (ADVP (RB quickly))) (. .)))"},
    /* a ROOT over two constituents gets a FRAG */
    {"(ROOT (NP (NN Hello)) (. .))", "(ROOT (FRAG (NP (NN Hello)) (. .)))"},
    /* a single word */
    {"(ROOT (NN Hello))", "(ROOT (NN Hello))"},
};

static void test_binarize_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(ROUND); i++) {
        pc_arena *a = pc_arena_new(0);
        pc_labels *lab = calloc(1, sizeof *lab);
        pc_ptree t = parse1(a, ROUND[i].in);
        pc_btree b;
        pc_error err = {0};
        assert_int_equal(pc_binarize(&t, lab, a, &b, &err), 0);
        /* every node has at most two children and @X only under X/@X */
        for (int k = 0; k < b.n; k++) {
            const pc_bnode *x = &b.node[k];
            if (x->left >= 0 && b.node[x->left].temp)
                assert_int_equal(b.node[x->left].label, x->label);
            if (x->right >= 0 && b.node[x->right].temp)
                assert_int_equal(b.node[x->right].label, x->label);
            assert_false(x->left >= 0 && x->right >= 0 && b.node[x->left].temp &&
                         b.node[x->right].temp);
        }
        assert_false(b.node[b.n - 1].temp);
        char *s = pc_unbinarize(&b, b.n - 1, lab, NULL, NULL, a);
        assert_non_null(s);
        assert_string_equal(s, ROUND[i].out);
        free(lab);
        pc_arena_free(a);
    }
}

static void test_head_rules(void **state)
{
    (void)state;
    const char *np[] = {"DT", "JJ", "NN", "POS"};
    assert_int_equal(pc_head_child("NP", np, 4), 3);
    assert_int_equal(pc_head_child("NP", np, 3), 2);
    const char *vp[] = {"MD", "VP"};
    assert_int_equal(pc_head_child("VP", vp, 2), 0);
    const char *s[] = {"NP", "VP", "."};
    assert_int_equal(pc_head_child("S", s, 3), 1);
    const char *pp[] = {"IN", "NP"};
    assert_int_equal(pc_head_child("PP", pp, 2), 0);
    char buf[32];
    assert_string_equal(pc_label_base("NP-SBJ-1", buf, sizeof buf), "NP");
    assert_string_equal(pc_label_base("PP-LOC-PRD", buf, sizeof buf), "PP");
    assert_string_equal(pc_label_base("NP=2", buf, sizeof buf), "NP");
    assert_string_equal(pc_label_base("-LRB-", buf, sizeof buf), "-LRB-");
}

static void test_ptb_read_errors(void **state)
{
    (void)state;
    const char *bad[] = {"(S (NP (NN a))", "(S (NN a)))", "(S (NN a b))", "(S ())", "word"};
    for (size_t i = 0; i < N(bad); i++) {
        pc_arena *a = pc_arena_new(0);
        const char *s = bad[i];
        long line = 1;
        pc_ptree t;
        pc_error err = {0};
        int r = pc_ptb_parse(a, &s, &line, &t, "x", &err);
        if (i == 1) {   /* the tree is fine; the stray ')' starts the next "tree" */
            assert_int_equal(r, 1);
            r = pc_ptb_parse(a, &s, &line, &t, "x", &err);
        }
        assert_int_equal(r, -1);
        assert_int_equal(err.code, PC_ERR_PARSE);
        pc_arena_free(a);
    }
}

/* ------------------------------------------------------------ evalb */

static const struct {
    const char *gold, *test;
    long match, ngold, ntest;
} EVB[] = {
    /* identical */
    {"(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))",
     "(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))", 4, 4, 4},
    /* function tags do not count; punctuation is outside the spans, so S
     * covering the period or not is the same bracket */
    {"(ROOT (S (NP-SBJ (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))",
     "(ROOT (S (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza)))) (. .)))", 4, 4, 5},
    /* a PP attached wrongly: VP and the object NP differ */
    {"(ROOT (S (NP (PRP They)) (VP (VBD hit) (NP (NNS targets)) (PP (IN in) (NP (NNP Gaza))))))",
     "(ROOT (S (NP (PRP They)) (VP (VBD hit) (NP (NP (NNS targets)) (PP (IN in) (NP (NNP Gaza)))))))",
     6, 6, 7},
    /* ADVP and PRT are one label; labels differ otherwise */
    {"(ROOT (S (NP (PRP He)) (VP (VBD gave) (PRT (RP up)))))",
     "(ROOT (S (NP (PRP He)) (VP (VBD gave) (ADVP (RP up)))))", 4, 4, 4},
    {"(ROOT (S (NP (PRP He)) (VP (VBD gave) (PRT (RP up)))))",
     "(ROOT (S (NP (PRP He)) (VP (VBD gave) (NP (RP up)))))", 3, 4, 4},
    /* a constituent of punctuation only is no bracket */
    {"(ROOT (FRAG (NP (NN Yes)) (PRN (, ,))))", "(ROOT (FRAG (NP (NN Yes)) (, ,)))", 2, 2, 2},
};

static void test_evalb_known_cases(void **state)
{
    (void)state;
    pc_evalb tot = {0};
    for (size_t i = 0; i < N(EVB); i++) {
        pc_arena *a = pc_arena_new(0);
        pc_ptree g = parse1(a, EVB[i].gold), t = parse1(a, EVB[i].test);
        pc_evalb e = {0};
        assert_int_equal(pc_evalb_add(&e, &g, &t), 0);
        assert_int_equal(e.match, EVB[i].match);
        assert_int_equal(e.gold, EVB[i].ngold);
        assert_int_equal(e.test, EVB[i].ntest);
        pc_evalb_add(&tot, &g, &t);
        pc_arena_free(a);
    }
    /* 23 matched of 24 gold, 26 test */
    assert_int_equal(tot.match, 23);
    assert_int_equal(tot.gold, 24);
    assert_int_equal(tot.test, 26);
    double p = 23.0 / 26, r = 23.0 / 24;
    assert_true(pc_evalb_f1(&tot) > 2 * p * r / (p + r) - 1e-9);
    assert_true(pc_evalb_f1(&tot) < 2 * p * r / (p + r) + 1e-9);
    /* different word counts: skipped */
    pc_arena *a = pc_arena_new(0);
    pc_ptree g = parse1(a, "(ROOT (NP (NN a) (NN b)))"), t = parse1(a, "(ROOT (NP (NN a)))");
    pc_evalb e = {0};
    assert_int_equal(pc_evalb_add(&e, &g, &t), -1);
    assert_int_equal(e.skipped, 1);
    pc_arena_free(a);
}

/* ------------------------------------------------------------ training */

static const char *TRAIN[] = {
    "(ROOT (S (NP-SBJ (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))",
    "(ROOT (S (NP (DT The) (NN minister)) (VP (MD will) (VP (VB visit) (NP (DT the) (NN capital)))) (. .)))",
    "(ROOT (S (NP (NNS Rebels)) (VP (VBD fired) (NP (NNS rockets)) (PP (IN at) (NP (DT the) (NN town))) (NP-TMP (NN yesterday))) (. .)))",
    "(ROOT (S (NP (NP (NNS Officials)) (PP (IN in) (NP (NNP Cairo)))) (VP (VBD said) (SBAR (IN that) (S (NP (NNS talks)) (VP (VBD failed))))) (. .)))",
    "(ROOT (FRAG (NP (NNP Reuters)) (. .)))",
    "(ROOT (SBARQ (WHNP (WP Who)) (SQ (VP (VBD attacked) (NP (PRP them)))) (. ?)))",
};

static char dir[64];

static char *tmp_path(const char *name)
{
    static char buf[4][128];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, 128, "%s/%s", dir, name);
    return p;
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/pc_test_parser_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    remove(tmp_path("parser.bin"));
    remove(tmp_path("bad.bin"));
    rmdir(dir);
    return 0;
}

/* Parse each training tree's words and gold tags; expect the tree back (as
 * cleaned: function tags stripped). */
static void check_parses_back(const pc_parser *p, int beam)
{
    pc_arena *a = pc_arena_new(0);
    for (size_t i = 0; i < N(TRAIN); i++) {
        pc_ptree t = parse1(a, TRAIN[i]);
        const char *w[32], *g[32];
        int n = pc_ptree_leaves(&t, w, g);
        pc_error err = {0};
        char *out = pc_parser_parse(p, w, g, (size_t)n, beam, a, &err);
        assert_non_null(out);
        pc_ptree o = parse1(a, out);
        pc_evalb e = {0};
        assert_int_equal(pc_evalb_add(&e, &t, &o), 0);
        if (e.exact != 1)
            fail_msg("beam %d: tree %zu parsed as %s", beam, i, out);
    }
    pc_arena_free(a);
}

static pc_parser *train_tiny_explore(int beam, int explore)
{
    pc_arena *a = pc_arena_new(0);
    pc_ptree t[N(TRAIN)];
    for (size_t i = 0; i < N(TRAIN); i++)
        t[i] = parse1(a, TRAIN[i]);
    pc_parser_opts o = {0};
    o.epochs = 12;
    o.beam = beam;
    o.seed = 7;
    o.prune = 0;
    o.explore = explore;
    pc_error err = {0};
    pc_parser *p = pc_parser_train(t, N(TRAIN), &o, &err);
    if (!p)
        fail_msg("training: %s", err.message);
    pc_arena_free(a);
    return p;
}

static pc_parser *train_tiny(int beam) { return train_tiny_explore(beam, 0); }

/* Exploring from the first epoch, the parser never follows the gold actions
 * unless it chooses them: only a right dynamic oracle teaches it the trees. */
static void test_tiny_training_explore(void **state)
{
    (void)state;
    pc_parser *p = train_tiny_explore(1, 1);
    check_parses_back(p, 1);
    pc_parser_free(p);
}

static void test_tiny_training_greedy(void **state)
{
    (void)state;
    pc_parser *p = train_tiny(1);
    check_parses_back(p, 1);
    pc_error err = {0};
    assert_int_equal(pc_parser_save(p, tmp_path("parser.bin"), &err), PC_OK);
    pc_parser *q = pc_parser_load(tmp_path("parser.bin"), &err);
    assert_non_null(q);
    check_parses_back(q, 1);   /* quantized weights: same decisions */
    pc_parser_free(p);
    pc_parser_free(q);
}

static void test_tiny_training_beam(void **state)
{
    (void)state;
    pc_parser *p = train_tiny(4);
    check_parses_back(p, 4);
    pc_parser_free(p);
}

static void test_parse_arguments(void **state)
{
    (void)state;
    pc_parser *p = train_tiny(1);
    pc_arena *a = pc_arena_new(0);
    pc_error err = {0};
    const char *w[] = {"Zork"}, *t[] = {"XYZ"};   /* a tag the parser never saw */
    char *s = pc_parser_parse(p, w, t, 1, 1, a, &err);
    assert_non_null(s);
    assert_non_null(strstr(s, "(XYZ Zork)"));
    assert_null(pc_parser_parse(p, w, t, 0, 1, a, &err));
    assert_int_equal(err.code, PC_ERR_USAGE);
    pc_arena_free(a);
    pc_parser_free(p);
}

static void expect_load_error(long cut, long flip, const char *msg)
{
    pc_parser *p = train_tiny(1);
    pc_error err = {0};
    assert_int_equal(pc_parser_save(p, tmp_path("parser.bin"), &err), PC_OK);
    pc_parser_free(p);
    FILE *f = fopen(tmp_path("parser.bin"), "rb");
    assert_non_null(f);
    unsigned char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n < sizeof buf);
    if (cut >= 0)
        n = (size_t)cut < n ? (size_t)cut : n;
    if (flip >= 0)
        buf[(size_t)flip % n] ^= 0x01;
    f = fopen(tmp_path("bad.bin"), "wb");
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
    assert_null(pc_parser_load(tmp_path("bad.bin"), &err));
    assert_non_null(strstr(err.message, msg));
    /* without the beam weights: the same checks */
    err = (pc_error){0};
    assert_null(pc_parser_load_greedy(tmp_path("bad.bin"), &err));
    assert_non_null(strstr(err.message, msg));
}

/* A sentence's fold depends on its words only, with PTB's and CoNLL-U's
 * spellings of brackets and quotes equal; folds are in range and roughly
 * even. */
static void test_folds(void **state)
{
    (void)state;
    const char *ptb[] = {"``", "Yes", "-LRB-", "no", "-RRB-", "''"};
    const char *ud[] = {"\"", "Yes", "(", "no", ")", "\""};
    for (unsigned n = 2; n <= 16; n++) {
        assert_int_equal(pc_fold_of(ptb, 6, n), pc_fold_of(ud, 6, n));
        assert_true(pc_fold_of(ptb, 6, n) < n);
    }
    assert_int_equal(pc_fold_of(ptb, 6, 1), 0);
    /* word boundaries count: "ab c" is not "a bc" */
    const char *x[] = {"ab", "c"}, *y[] = {"a", "bc"};
    int differ = 0;
    for (unsigned n = 2; n <= 16; n++)
        differ += pc_fold_of(x, 2, n) != pc_fold_of(y, 2, n);
    assert_true(differ > 0);
    unsigned count[4] = {0};
    char buf[1000][8];
    for (int i = 0; i < 1000; i++) {
        snprintf(buf[i], sizeof buf[i], "w%d", i);
        const char *w[] = {"The", buf[i], "."};
        count[pc_fold_of(w, 3, 4)]++;
    }
    for (int f = 0; f < 4; f++)
        assert_true(count[f] > 180 && count[f] < 320);
}

static void test_corrupt_model(void **state)
{
    (void)state;
    expect_load_error(-1, 100, "corrupt (CRC-32");
    expect_load_error(-1, 3000, "corrupt (CRC-32");
    expect_load_error(200, -1, "truncated");
    expect_load_error(0, -1, "not a petrarch parser model");
    expect_load_error(-1, 0, "not a petrarch parser model");
    pc_error err = {0};
    assert_null(pc_parser_load("models/tagger.bin", &err));   /* the wrong kind */
    assert_non_null(strstr(err.message, "not a petrarch parser model"));
}

/* ------------------------------------------------------------ dependency-guided */

/* Pairs of trees over the same words and tags that differ in one attachment;
 * only the dependency tree tells them apart.  Heads: word indices, -1 root. */
static const struct {
    const char *tree;
    int32_t head[8];
    const char *rel[8];
} GUIDED[] = {
    {"(ROOT (S (NP (PRP They)) (VP (VBD saw) (NP (DT the) (NN man)) (PP (IN with) (NP (DT the) (NN telescope)))) (. .)))",
     {1, -1, 3, 1, 6, 6, 1, 1}, {"nsubj", "root", "det", "obj", "case", "det", "obl", "punct"}},
    {"(ROOT (S (NP (PRP They)) (VP (VBD saw) (NP (NP (DT the) (NN man)) (PP (IN with) (NP (DT the) (NN telescope))))) (. .)))",
     {1, -1, 3, 1, 6, 6, 3, 1}, {"nsubj", "root", "det", "obj", "case", "det", "nmod", "punct"}},
    {"(ROOT (S (NP (NNS Rebels)) (VP (VBD attacked) (NP (DT the) (NN base)) (PP (IN near) (NP (DT the) (NN border)))) (. .)))",
     {1, -1, 3, 1, 6, 6, 1, 1}, {"nsubj", "root", "det", "obj", "case", "det", "obl", "punct"}},
    {"(ROOT (S (NP (NNS Rebels)) (VP (VBD attacked) (NP (NP (DT the) (NN base)) (PP (IN near) (NP (DT the) (NN border))))) (. .)))",
     {1, -1, 3, 1, 6, 6, 3, 1}, {"nsubj", "root", "det", "obj", "case", "det", "nmod", "punct"}},
};

/* Parse GUIDED[i]'s words with the dependency tree of GUIDED[d]; the tree out. */
static char *parse_guided(const pc_parser *p, size_t i, size_t d, pc_arena *a)
{
    pc_ptree t = parse1(a, GUIDED[i].tree);
    const char *w[8], *g[8];
    assert_int_equal(pc_ptree_leaves(&t, w, g), 8);
    pc_pdeps dep = {GUIDED[d].head, GUIDED[d].rel};
    pc_error err = {0};
    char *out = pc_parser_parse_deps(p, w, g, &dep, 8, 1, a, &err);
    if (!out)
        fail_msg("guided parse: %s", err.message);
    return out;
}

/* A model trained with dependency trees brackets the same words as their
 * dependency tree says (it learnt nothing else that tells the pairs apart),
 * also after a save and load; a model trained without them is not guided. */
static void test_guided_training(void **state)
{
    (void)state;
    pc_arena *a = pc_arena_new(0);
    pc_ptree t[N(GUIDED)];
    pc_tsent d[N(GUIDED)];
    for (size_t i = 0; i < N(GUIDED); i++) {
        t[i] = parse1(a, GUIDED[i].tree);
        d[i] = (pc_tsent){NULL, NULL, (int32_t *)GUIDED[i].head, (const char **)GUIDED[i].rel, 8};
    }
    pc_parser_opts o = {0};
    o.epochs = 12;
    o.beam = 1;
    o.seed = 3;
    o.deps = d;
    pc_error err = {0};
    pc_parser *p = pc_parser_train(t, N(GUIDED), &o, &err);
    if (!p)
        fail_msg("training: %s", err.message);
    assert_int_equal(pc_parser_save(p, tmp_path("parser.bin"), &err), PC_OK);
    pc_parser *q = pc_parser_load(tmp_path("parser.bin"), &err);
    assert_non_null(q);
    assert_true(pc_parser_guided(q));
    for (size_t i = 0; i < N(GUIDED); i++) {
        size_t other = i ^ 1;   /* the pair's other attachment */
        pc_ptree want = parse1(a, GUIDED[i].tree), alt = parse1(a, GUIDED[other].tree);
        for (int k = 0; k < 2; k++) {
            pc_evalb e = {0}, f = {0};
            pc_ptree got = parse1(a, parse_guided(k ? q : p, i, i, a));
            pc_evalb_add(&e, &want, &got);
            if (e.exact != 1)
                fail_msg("tree %zu not parsed back", i);
            got = parse1(a, parse_guided(k ? q : p, i, other, a));
            pc_evalb_add(&f, &alt, &got);
            if (f.exact != 1)
                fail_msg("tree %zu with the other dependency tree: not the other bracketing", i);
        }
    }
    /* the words alone, or its dependency tree's heads all wrong (a cycle, out of
     * range, itself): a tree over the words all the same */
    pc_ptree t0 = parse1(a, GUIDED[0].tree);
    const char *w[8], *g[8];
    pc_ptree_leaves(&t0, w, g);
    int32_t bad[8] = {1, 0, 99, -7, 4, 6, 5, 2};
    pc_pdeps dep = {bad, NULL};
    for (int k = 0; k < 2; k++) {
        char *s = k ? pc_parser_parse_deps(q, w, g, &dep, 8, 1, a, &err)
                    : pc_parser_parse(q, w, g, 8, 1, a, &err);
        assert_non_null(s);
        pc_ptree o2 = parse1(a, s);
        assert_int_equal(pc_ptree_leaves(&o2, NULL, NULL), 8);
    }
    pc_parser_free(p);
    pc_parser_free(q);
    p = train_tiny(1);
    assert_false(pc_parser_guided(p));
    pc_parser_free(p);
    pc_arena_free(a);
}

/* The shipped model (make models), or the running test fails. */
static pc_parser *shipped_parser(void)
{
    pc_error err = {0};
    pc_parser *p = pc_parser_load("models/parser.bin", &err);
    if (!p)
        fail_msg("models/parser.bin: %s", err.message);
    return p;
}

/* The shipped model: a news sentence parses into a tree over its words. */
static void test_shipped_model(void **state)
{
    (void)state;
    pc_error err = {0};
    pc_parser *p = shipped_parser();
    const char *w[] = {"Israeli", "troops", "attacked", "the", "Gaza", "Strip", "on", "Monday", "."};
    const char *t[] = {"JJ", "NNS", "VBD", "DT", "NNP", "NNP", "IN", "NNP", "."};
    pc_arena *a = pc_arena_new(0);
    for (int beam = 1; beam <= 8; beam *= 8) {
        char *s = pc_parser_parse(p, w, t, N(w), beam, a, &err);
        assert_non_null(s);
        if (beam == 1 && !strstr(s, "(ROOT (S (NP (JJ Israeli) (NNS troops)) (VP (VBD attacked)"))
            fail_msg("beam %d: %s", beam, s);
        pc_ptree o = parse1(a, s);
        const char *ow[16];
        assert_int_equal(pc_ptree_leaves(&o, ow, NULL), N(w));
    }
    pc_arena_free(a);
    pc_parser_free(p);
}

/* The shipped model (beam weights too) saved again is the same file: a
 * loaded model keeps each row in its scoring form only, and writing
 * rebuilds the rows from those. */
static void test_shipped_model_saved_back(void **state)
{
    (void)state;
    pc_error err = {0};
    pc_parser *p = shipped_parser();
    assert_int_equal(pc_parser_save(p, tmp_path("parser.bin"), &err), PC_OK);
    assert_true(pc_test_same_file(tmp_path("parser.bin"), "models/parser.bin"));
    pc_parser_free(p);
}

/* s with every leaf word " <from>)" written " <to>)". */
static char *respell_leaves(pc_arena *a, const char *s, const char *const (*map)[2], size_t n)
{
    char *out = pc_arena_alloc(a, 2 * strlen(s) + 1), *o = out;
    while (*s) {
        size_t i = 0, k = 0;
        for (; i < n; i++) {
            k = strlen(map[i][0]);
            if (s[0] == ' ' && !strncmp(s + 1, map[i][0], k) && s[k + 1] == ')')
                break;
        }
        if (i == n) {
            *o++ = *s++;
            continue;
        }
        o += sprintf(o, " %s", map[i][1]);
        s += k + 1;
    }
    *o = '\0';
    return out;
}

/* Brackets and quotes as the tokenizer spells them (CoreNLP's -LRB-, ``)
 * and as text does ("(", curly quotes): the same tree.  (The tree keeps the
 * words it is given, so the second is no longer a readable PTB tree.) */
static void test_shipped_model_bracket_spellings(void **state)
{
    (void)state;
    pc_error err = {0};
    pc_parser *p = shipped_parser();
    static const char *const map[][2] = {{"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
                                         {"-RSB-", "]"}, {"``", "\xe2\x80\x9c"},
                                         {"''", "\xe2\x80\x9d"}};
    const char *ptb[] = {"The", "minister", "-LRB-", "Ali", "Hassan", "-RRB-", "said",
                         "``", "we", "will", "fight", "''", "-LSB-", "sic", "-RSB-", "."};
    const char *t[] = {"DT", "NN", "-LRB-", "NNP", "NNP", "-RRB-", "VBD",
                       "``", "PRP", "MD", "VB", "''", "-LRB-", "FW", "-RRB-", "."};
    const char *raw[N(ptb)];
    for (size_t i = 0; i < N(ptb); i++) {
        raw[i] = ptb[i];
        for (size_t j = 0; j < N(map); j++)
            if (!strcmp(ptb[i], map[j][0]))
                raw[i] = map[j][1];
    }
    pc_arena *a = pc_arena_new(0);
    for (int beam = 1; beam <= 8; beam *= 8) {
        char *x = pc_parser_parse(p, ptb, t, N(t), beam, a, &err);
        char *y = pc_parser_parse(p, raw, t, N(t), beam, a, &err);
        assert_non_null(x);
        assert_non_null(y);
        assert_non_null(strstr(x, "(-LRB- -LRB-)"));
        assert_string_equal(respell_leaves(a, x, map, N(map)), y);
    }
    pc_arena_free(a);
    pc_parser_free(p);
}

/* The shipped model loaded without its beam weights: the same greedy trees
 * as the whole model; a beam search still gives a tree over the words. */
static void test_greedy_load(void **state)
{
    (void)state;
    pc_error err = {0};
    pc_parser *p = pc_parser_load("models/parser.bin", &err);
    pc_parser *g = pc_parser_load_greedy("models/parser.bin", &err);
    assert_non_null(p);
    assert_non_null(g);
    pc_arena *a = pc_arena_new(0);
    for (size_t i = 0; i < N(TRAIN); i++) {
        pc_ptree t = parse1(a, TRAIN[i]);
        const char *w[32], *tg[32];
        int n = pc_ptree_leaves(&t, w, tg);
        char *x = pc_parser_parse(p, w, tg, (size_t)n, 1, a, &err);
        char *y = pc_parser_parse(g, w, tg, (size_t)n, 1, a, &err);
        assert_non_null(x);
        assert_non_null(y);
        assert_string_equal(x, y);
        char *z = pc_parser_parse(g, w, tg, (size_t)n, 4, a, &err);
        assert_non_null(z);
        pc_ptree o = parse1(a, z);
        assert_int_equal(pc_ptree_leaves(&o, NULL, NULL), n);
    }
    pc_arena_free(a);
    pc_parser_free(g);
    pc_parser_free(p);
}

/* One model, several threads: the same trees as parsed alone. */
typedef struct job {
    const pc_parser *p;
    char out[N(TRAIN)][1024];
    int ok;
} job;

static void *parse_all(void *arg)
{
    job *j = arg;
    pc_arena *a = pc_arena_new(0);
    j->ok = a != NULL;
    for (int round = 0; round < 20 && j->ok; round++)
        for (size_t i = 0; i < N(TRAIN); i++) {
            pc_arena_reset(a);
            pc_ptree t;
            const char *s = TRAIN[i];
            long line = 1;
            pc_error err;
            if (pc_ptb_parse(a, &s, &line, &t, "t", &err) != 1) {
                j->ok = 0;
                break;
            }
            const char *w[32], *g[32];
            int n = pc_ptree_leaves(&t, w, g);
            char *out = pc_parser_parse(j->p, w, g, (size_t)n, 1 + (int)(i % 2) * 3, a, &err);
            if (!out || strlen(out) >= sizeof j->out[i]) {
                j->ok = 0;
                break;
            }
            strcpy(j->out[i], out);
        }
    pc_arena_free(a);
    return NULL;
}

static void test_threads_share_model(void **state)
{
    (void)state;
    pc_parser *p = shipped_parser();
    static job alone, th[3];
    alone.p = p;
    parse_all(&alone);
    assert_true(alone.ok);
    pthread_t tid[3];
    for (int i = 0; i < 3; i++) {
        th[i].p = p;
        assert_int_equal(pthread_create(&tid[i], NULL, parse_all, &th[i]), 0);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(tid[i], NULL);
        assert_true(th[i].ok);
        for (size_t k = 0; k < N(TRAIN); k++)
            assert_string_equal(th[i].out[k], alone.out[k]);
    }
    pc_parser_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binarize_round_trip),
        cmocka_unit_test(test_head_rules),
        cmocka_unit_test(test_ptb_read_errors),
        cmocka_unit_test(test_evalb_known_cases),
        cmocka_unit_test(test_tiny_training_greedy),
        cmocka_unit_test(test_tiny_training_explore),
        cmocka_unit_test(test_tiny_training_beam),
        cmocka_unit_test(test_guided_training),
        cmocka_unit_test(test_parse_arguments),
        cmocka_unit_test(test_folds),
        cmocka_unit_test(test_corrupt_model),
        cmocka_unit_test(test_shipped_model),
        cmocka_unit_test(test_shipped_model_saved_back),
        cmocka_unit_test(test_shipped_model_bracket_spellings),
        cmocka_unit_test(test_greedy_load),
        cmocka_unit_test(test_threads_share_model),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
