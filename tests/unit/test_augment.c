/* test_augment.c -- extra training trees (src/nlp/augment.c) made from the
 * small treebank tests/data/nlp/augment.ptb.
 *
 * Coordinated subjects: every new tree is one of the input sentences whose
 * subject became the last conjunct of "NAME (, NAME)* (,) and|or SUBJECT",
 * the names being the input's proper-name subjects; the rest of the sentence
 * is unchanged (a first function word goes to lower case, "American" does
 * not); pronoun and demonstrative subjects are never extended; the same seed
 * gives the same trees; and a tree too deep to copy is skipped, not a crash.
 *
 * Reported speech: every new tree is an input sentence ending in a full stop,
 * then a reporter (the subject of an input's reporting verb, or a proper-name
 * subject) and a reporting verb, plain, inverted (SINV) or quoted.  Both
 * give the same trees for the same seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "nlp/augment.h"
#include "nlp/binarize.h"
#include "nlp/ptb_read.h"
#include "util/arena.h"

#define BANK "tests/data/nlp/augment.ptb"
#define MAXW 256

static int leaves(const pc_ptree *t, const char **w, const char **tg)
{
    assert_true(pc_ptree_leaves(t, NULL, NULL) <= MAXW);
    return pc_ptree_leaves(t, w, tg);
}

/* The words of t joined by spaces into buf. */
static const char *sentence(const pc_ptree *t, char *buf, size_t cap)
{
    const char *w[MAXW];
    int n = leaves(t, w, NULL);
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        strncat(buf, w[i], cap - strlen(buf) - 2);
        if (i + 1 < n)
            strcat(buf, " ");
    }
    return buf;
}

/* The trees of src into a new treebank. */
static void read_inline(const char *src, pc_treebank *tb)
{
    memset(tb, 0, sizeof *tb);
    tb->arena = pc_arena_new(0);
    assert_non_null(tb->arena);
    pc_error err = {0};
    const char *s = src;
    long line = 1;
    pc_ptree t;
    while (pc_ptb_parse(tb->arena, &s, &line, &t, "inline", &err) == 1)
        assert_int_equal(pc_treebank_add(tb, &t), 0);
}

/* t is a training tree: it binarizes, with its n words. */
static void assert_binarizes(const pc_ptree *t, int n)
{
    pc_labels lab = {0};
    pc_arena *a = pc_arena_new(0);
    pc_btree bt;
    pc_error err = {0};
    assert_int_equal(pc_binarize(t, &lab, a, &bt, &err), 0);
    assert_int_equal(bt.n_words, n);
    pc_arena_free(a);
}

/* The generators' common signature. */
typedef pc_status (*augment_fn)(pc_treebank *, size_t, unsigned, size_t *, pc_error *);

/* aug adds count trees to the test bank: the same with seed as with seed
 * again, others (some) with seed + 1. */
static void check_same_seed_same_trees(augment_fn aug, size_t count, unsigned seed)
{
    char b1[4096], b2[4096];
    pc_treebank x = {0}, y = {0}, z = {0};
    pc_error err = {0};
    assert_int_equal(pc_treebank_read(&x, BANK, &err), PC_OK);
    assert_int_equal(pc_treebank_read(&y, BANK, &err), PC_OK);
    assert_int_equal(pc_treebank_read(&z, BANK, &err), PC_OK);
    size_t n0 = x.n;
    assert_int_equal(aug(&x, count, seed, NULL, &err), PC_OK);
    assert_int_equal(aug(&y, count, seed, NULL, &err), PC_OK);
    assert_int_equal(aug(&z, count, seed + 1, NULL, &err), PC_OK);
    assert_int_equal(x.n, n0 + count);
    int differ = 0;
    for (size_t i = n0; i < x.n; i++) {
        assert_string_equal(sentence(&x.tree[i], b1, sizeof b1), sentence(&y.tree[i], b2, sizeof b2));
        differ += strcmp(b1, sentence(&z.tree[i], b2, sizeof b2)) != 0;
    }
    assert_true(differ > 0);
    pc_treebank_free(&x);
    pc_treebank_free(&y);
    pc_treebank_free(&z);
}

static int is_name_word(const char *w)
{
    static const char *const names[] = {"Egypt", "Kenya", "The", "the", "United", "States"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(w, names[i]))
            return 1;
    return 0;
}

/* New tree t against the n0 originals: some original o has the same words
 * after a list "NAME... (,) and|or" inserted where o's subject starts. */
static void check_tree(const pc_treebank *tb, size_t n0, const pc_ptree *t)
{
    const char *w[MAXW], *tg[MAXW], *ow[MAXW];
    int n = leaves(t, w, tg);
    char buf[4096];
    int found = 0;
    for (size_t o = 0; o < n0 && !found; o++) {
        int m = leaves(&tb->tree[o], ow, NULL);
        int extra = n - m;
        if (extra < 2)
            continue;
        /* where the list goes: anywhere the words before it are o's and the
         * words after it are o's from there on (ignoring the case of a first
         * letter that moved) */
        for (int at = 0; at <= m && !found; at++) {
            if (at > 0 && strcmp(w[at - 1], ow[at - 1]))
                break;
            int same = 1;
            for (int i = at; i < m && same; i++)   /* only o's first word may change case */
                same = i == 0 ? !strcasecmp(w[i + extra], ow[i]) : !strcmp(w[i + extra], ow[i]);
            if (!same)
                continue;
            /* the inserted words: names, commas, one and|or last */
            const char *cc = w[at + extra - 1];
            if (strcmp(cc, "and") && strcmp(cc, "or"))
                continue;
            int ok = 1;
            for (int i = at; i < at + extra - 1; i++)
                ok &= !strcmp(w[i], ",") || is_name_word(w[i]);
            found = ok;
        }
    }
    if (!found)
        fail_msg("not an input sentence with a coordinated subject: %s",
                 sentence(t, buf, sizeof buf));
    /* never a pronoun or "this" subject extended */
    for (int i = 1; i < n; i++)
        if ((!strcmp(w[i], "He") || !strcmp(w[i], "this")) &&
            (!strcmp(w[i - 1], "and") || !strcmp(w[i - 1], "or")))
            fail_msg("a pronoun subject was extended: %s", sentence(t, buf, sizeof buf));
    /* the tree is a training tree: it binarizes */
    assert_binarizes(t, n);
}

static void test_coordinated_subjects(void **state)
{
    (void)state;
    pc_treebank tb = {0};
    pc_error err = {0};
    assert_int_equal(pc_treebank_read(&tb, BANK, &err), PC_OK);
    size_t n0 = tb.n, added = 0;
    assert_int_equal(n0, 7);
    assert_int_equal(pc_treebank_augment_coord(&tb, 40, 3, &added, &err), PC_OK);
    assert_int_equal(added, 40);
    assert_int_equal(tb.n, n0 + 40);
    int flat = 0, nested = 0, three = 0;
    for (size_t i = n0; i < tb.n; i++) {
        const pc_ptree *t = &tb.tree[i];
        check_tree(&tb, n0, t);
        /* the coordination: an NP with a CC child; flat (names as
         * preterminals) only when every conjunct is one word */
        for (int x = 0; x < t->n; x++) {
            if (t->node[x].word || strcmp(t->node[x].label, "NP"))
                continue;
            int cc = 0, kids = 0, np_kids = 0;
            for (int c = t->node[x].first; c >= 0; c = t->node[c].next) {
                kids++;
                cc += t->node[c].word && !strcmp(t->node[c].label, "CC");
                np_kids += !t->node[c].word;
            }
            if (!cc)
                continue;
            if (np_kids == 0)
                flat++;
            else
                nested++;
            three += kids >= 5;
        }
    }
    /* "... and the government met American officials": the sentence's first
     * word in lower case inside the list, other capitals kept */
    int lowered = 0;
    char b1[4096];
    for (size_t i = n0; i < tb.n; i++) {
        const char *s1 = sentence(&tb.tree[i], b1, sizeof b1);
        lowered += strstr(s1, " the government met American officials") != NULL;
        if (strstr(s1, " The government") || strstr(s1, "american"))
            fail_msg("case not kept: %s", s1);
    }
    assert_true(lowered > 0);
    assert_true(flat > 0);     /* "Egypt and Kenya praised ..." */
    assert_true(nested > 0);   /* "... and the government rejected ..." */
    assert_true(three > 0);    /* lists of three or more */
    pc_treebank_free(&tb);
}

static void test_same_seed_same_trees(void **state)
{
    (void)state;
    check_same_seed_same_trees(pc_treebank_augment_coord, 12, 5);
    check_same_seed_same_trees(pc_treebank_augment_report, 60, 3);
}

/* Nothing to extend or nothing to borrow: no tree added, no error. */
static void test_nothing_to_do(void **state)
{
    (void)state;
    pc_treebank tb;
    pc_error err = {0};
    read_inline("(ROOT (S (NP (PRP He)) (VP (VBD left)) (. .)))\n"
                "(ROOT (NP (NN Headline) (NNS words)))\n",
                &tb);
    assert_int_equal(tb.n, 2);
    size_t added = 99;
    assert_int_equal(pc_treebank_augment_coord(&tb, 10, 1, &added, &err), PC_OK);
    assert_int_equal(added, 0);
    assert_int_equal(tb.n, 2);
    assert_int_equal(pc_treebank_augment_coord(&tb, 0, 1, &added, &err), PC_OK);
    pc_treebank_free(&tb);
}

/* A subject 5,000 brackets deep: skipped or copied, never a crash. */
static void test_deep_tree(void **state)
{
    (void)state;
    enum { DEPTH = 5000 };
    size_t cap = DEPTH * 8 + 512;
    char *src = malloc(cap);
    assert_non_null(src);
    strcpy(src, "(ROOT (S (NP (NNP Egypt)) (VP (VBD left)) (. .)))\n(ROOT (S (NP");
    for (int i = 0; i < DEPTH; i++)
        strcat(src, " (NP");
    strcat(src, " (NN x)");
    for (int i = 0; i < DEPTH; i++)
        strcat(src, ")");
    strcat(src, ") (VP (VBD left)) (. .)))\n");
    pc_treebank tb;
    pc_error err = {0};
    read_inline(src, &tb);
    assert_int_equal(tb.n, 2);
    size_t added = 0;
    assert_int_equal(pc_treebank_augment_coord(&tb, 5, 1, &added, &err), PC_OK);
    /* only the shallow sentence takes conjuncts (its own name, for want of
     * others); the deep one is neither extended nor borrowed from */
    assert_int_equal(added, 5);
    for (size_t i = 2; i < tb.n; i++) {
        const char *w[16];
        int n = pc_ptree_leaves(&tb.tree[i], NULL, NULL);
        assert_true(n >= 5 && n <= 9);
        pc_ptree_leaves(&tb.tree[i], w, NULL);
        assert_string_equal(w[n - 2], "left");
        for (int j = 0; j < n; j++)
            assert_string_not_equal(w[j], "x");
    }
    pc_treebank_free(&tb);
    free(src);
}

/* ------------------------------------------------------ reported speech */

/* The words a reporter's verb phrase can have (augment.c's table). */
static int is_report_word(const char *w)
{
    static const char *const words[] = {"said",     "says",     "added",     "wrote",  "announced",
                                        "told",     "reporters", "AFP",      "in",     "a",
                                        "statement", "Monday",  "Tuesday",   "Wednesday",
                                        "Thursday", "Friday",   "Saturday",  "Sunday"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(w, words[i]))
            return 1;
    return 0;
}

/* New tree t against the n0 originals: `` (quoted only), the words of an
 * original sentence but its full stop, ",", '' (quoted only), a reporter and
 * a reporting verb in either order, "."; the reporter "he" (the subject of
 * "He said ...", lower case inside the sentence) or a proper-name subject.
 * Counts the shapes seen. */
static void check_report(const pc_treebank *tb, size_t n0, const pc_ptree *t, int *quoted,
                         int *inverted, int *he)
{
    const char *w[MAXW], *ow[MAXW];
    int n = leaves(t, w, NULL);
    char buf[4096];
    int q = !strcmp(w[0], "``"), at = q, found = 0, end = 0;
    for (size_t o = 0; o < n0 && !found; o++) {
        int m = leaves(&tb->tree[o], ow, NULL);
        if (m < 2 || strcmp(ow[m - 1], ".") || at + m - 1 > n)
            continue;
        int same = 1;
        for (int i = 0; i < m - 1 && same; i++)
            same = !strcmp(w[at + i], ow[i]);
        if (same) {
            found = 1;
            end = at + m - 1;
        }
    }
    if (!found || strcmp(w[end], ",") || strcmp(w[n - 1], "."))
        fail_msg("not an input sentence with a reporter: %s", sentence(t, buf, sizeof buf));
    int i = end + 1;
    if (q && strcmp(w[i++], "''"))
        fail_msg("quote not closed after the comma: %s", sentence(t, buf, sizeof buf));
    *quoted += q;
    int verb_first = is_report_word(w[i]);
    *inverted += verb_first;
    for (; i < n - 1; i++) {
        if (is_report_word(w[i]))
            continue;
        if (!strcmp(w[i], "He") || !strcmp(w[i], "The"))
            fail_msg("a reporter's first word kept its capital: %s", sentence(t, buf, sizeof buf));
        if (strcmp(w[i], "he") && strcmp(w[i], "the") && !is_name_word(w[i]))
            fail_msg("not a reporter: %s in %s", w[i], sentence(t, buf, sizeof buf));
        *he += !strcmp(w[i], "he");
    }
    /* SINV when inverted, S otherwise, and a training tree: it binarizes */
    int top = t->node[0].first;
    assert_string_equal(t->node[top].label, verb_first ? "SINV" : "S");
    assert_binarizes(t, n);
}

static void test_reported_speech(void **state)
{
    (void)state;
    pc_treebank tb = {0};
    pc_error err = {0};
    assert_int_equal(pc_treebank_read(&tb, BANK, &err), PC_OK);
    size_t n0 = tb.n, added = 0;
    assert_int_equal(pc_treebank_augment_report(&tb, 60, 3, &added, &err), PC_OK);
    assert_int_equal(added, 60);
    assert_int_equal(tb.n, n0 + 60);
    int quoted = 0, inverted = 0, he = 0;
    for (size_t i = n0; i < tb.n; i++)
        check_report(&tb, n0, &tb.tree[i], &quoted, &inverted, &he);
    assert_true(quoted > 0 && quoted < 60);
    assert_true(inverted > 0 && inverted < 60);
    assert_true(he > 0);
    pc_treebank_free(&tb);
}

/* No sentence ending in a full stop, or no reporter: nothing added; a
 * reporter too deep to copy is skipped, not a crash. */
static void test_report_nothing_to_do(void **state)
{
    (void)state;
    pc_treebank tb;
    pc_error err = {0};
    size_t added = 99;
    read_inline("(ROOT (SQ (VBD Did) (NP (NNP Egypt)) (VP (VB leave)) (. ?)))\n"
                "(ROOT (NP (NN Headline) (NNS words)))\n",
                &tb);
    assert_int_equal(pc_treebank_augment_report(&tb, 10, 1, &added, &err), PC_OK);
    assert_int_equal(added, 0);
    assert_int_equal(tb.n, 2);
    pc_treebank_free(&tb);
    read_inline("(ROOT (S (NP (DT the) (NN plan)) (VP (VBD failed) (ADVP (RB again))) (. .)))\n",
                &tb);
    assert_int_equal(pc_treebank_augment_report(&tb, 10, 1, &added, &err), PC_OK);
    assert_int_equal(added, 0);   /* no reporter: "the plan" names no one */
    pc_treebank_free(&tb);

    enum { DEPTH = 5000 };
    size_t cap = DEPTH * 8 + 512;
    char *src = malloc(cap);
    assert_non_null(src);
    strcpy(src, "(ROOT (S (NP (DT the) (NN plan)) (VP (VBD failed)) (. .)))\n(ROOT (S (NP");
    for (int i = 0; i < DEPTH; i++)
        strcat(src, " (NP");
    strcat(src, " (NNP Egypt)");
    for (int i = 0; i < DEPTH; i++)
        strcat(src, ")");
    strcat(src, ") (VP (VBD said) (NP (PRP it))) (. .)))\n");
    read_inline(src, &tb);
    assert_int_equal(pc_treebank_augment_report(&tb, 5, 1, &added, &err), PC_OK);
    assert_int_equal(added, 0);
    assert_int_equal(tb.n, 2);
    pc_treebank_free(&tb);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coordinated_subjects),
        cmocka_unit_test(test_same_seed_same_trees),
        cmocka_unit_test(test_nothing_to_do),
        cmocka_unit_test(test_deep_tree),
        cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_report_nothing_to_do),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
