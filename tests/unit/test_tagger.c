/* test_tagger.c -- the part-of-speech tagger: a tiny training run tags its
 * training sentences back, a saved model loads and tags the same, damaged
 * model files fail to load with a message saying what is wrong, and the
 * shipped model tags a news sentence right and is saved back byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "nlp/conllu.h"
#include "nlp/perceptron.h"
#include "nlp/features.h"
#include "nlp/tagger.h"
#include "support_files.h"

static const char *CONLLU =
    "# text = Israel attacked Gaza .\n"
    "1\tIsrael\tIsrael\tPROPN\tNNP\t_\t_\t_\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t_\t_\t_\t_\n"
    "3\tGaza\tGaza\tPROPN\tNNP\t_\t_\t_\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
    "3-4\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\two\twill\tAUX\tMD\t_\t5\taux\t_\t_\n"
    "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
    "5\tvisit\tvisit\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
    "7\tcapital\tcapital\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
    "8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n"
    "1\tRebels\trebel\tNOUN\tNNS\t_\t42\tnsubj\t_\t_\n"
    "2\tfired\tfire\tVERB\tVBD\t_\t_\t_\t_\t_\n"
    "3\trockets\trocket\tNOUN\tNNS\t_\t_\t_\t_\t_\n"
    "4\tat\tat\tADP\tIN\t_\t_\t_\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t_\t_\t_\t_\n"
    "6\ttown\ttown\tNOUN\tNN\t_\t_\t_\t_\t_\n"
    "7\tyesterday\tyesterday\tNOUN\tNN\t_\t_\t_\t_\t_\n"
    "8\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n";

static char dir[64];

static char *tmp_path(const char *name)
{
    static char buf[4][128];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, 128, "%s/%s", dir, name);
    return p;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/pc_test_tagger_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"train.conllu", "tagger.bin", "bad.bin", "actors.txt"};
    for (size_t i = 0; i < 4; i++)
        remove(tmp_path(names[i]));
    rmdir(dir);
    return 0;
}

static pc_tagger *train_tiny(pc_tcorpus *c)
{
    write_file(tmp_path("train.conllu"), CONLLU, strlen(CONLLU));
    pc_error err = {0};
    assert_int_equal(pc_conllu_read(c, tmp_path("train.conllu"), &err), PC_OK);
    assert_int_equal(c->n, 3);
    assert_int_equal(c->s[1].n, 8);   /* "won't" (3-4) is skipped, wo + n't kept */
    assert_string_equal(c->s[1].word[2], "wo");
    /* heads as word indices (the multiword line not counted), -1 the root;
     * not given or out of range: -2 */
    const int32_t heads[] = {1, 4, 4, 4, -1, 6, 4, 4};
    for (int i = 0; i < 8; i++)
        assert_int_equal(c->s[1].head[i], heads[i]);
    assert_string_equal(c->s[1].rel[1], "nsubj");
    assert_int_equal(c->s[0].head[0], -2);
    assert_string_equal(c->s[0].rel[0], "_");
    assert_int_equal(c->s[2].head[0], -2);
    pc_tagger_opts o = {10, 1, 0.0f, NULL, 0, NULL, NULL, 1};
    pc_tagger *t = pc_tagger_train(c->s, c->n, &o, &err);
    assert_non_null(t);
    return t;
}

static void check_tags_back(const pc_tagger *t, const pc_tcorpus *c)
{
    const char *tags[16];
    for (size_t i = 0; i < c->n; i++) {
        assert_int_equal(pc_tagger_tag(t, c->s[i].word, c->s[i].n, tags), 0);
        for (size_t j = 0; j < c->s[i].n; j++)
            assert_string_equal(tags[j], c->s[i].tag[j]);
    }
}

static void test_train_tags_training_data_back(void **state)
{
    (void)state;
    pc_tcorpus c = {0};
    pc_tagger *t = train_tiny(&c);
    check_tags_back(t, &c);
    pc_error err = {0};
    assert_int_equal(pc_tagger_save(t, tmp_path("tagger.bin"), &err), PC_OK);
    pc_tagger *u = pc_tagger_load(tmp_path("tagger.bin"), &err);
    assert_non_null(u);
    check_tags_back(u, &c);   /* quantized weights: same decisions */
    assert_int_equal(pc_tagger_ntags(u), pc_tagger_ntags(t));
    pc_tagger_free(t);
    pc_tagger_free(u);
    pc_tcorpus_free(&c);
}

/* --average K: the weights of K trainings (other shuffles) averaged into
 * one model, which still tags its training data back and is not the
 * single training's model. */
static void test_averaged_training(void **state)
{
    (void)state;
    pc_tcorpus c = {0};
    pc_tagger *one = train_tiny(&c);
    pc_error err = {0};
    pc_tagger_opts o = {10, 1, 0.0f, NULL, 0, NULL, NULL, 3};
    pc_tagger *avg = pc_tagger_train(c.s, c.n, &o, &err);
    assert_non_null(avg);
    check_tags_back(avg, &c);
    assert_int_equal(pc_tagger_save(one, tmp_path("tagger.bin"), &err), PC_OK);
    assert_int_equal(pc_tagger_save(avg, tmp_path("bad.bin"), &err), PC_OK);
    size_t n1, n2;
    unsigned char *b1 = pc_test_read_file(tmp_path("tagger.bin"), &n1);
    unsigned char *b2 = pc_test_read_file(tmp_path("bad.bin"), &n2);
    assert_true(n1 != n2 || memcmp(b1, b2, n1) != 0);
    free(b1);
    free(b2);
    pc_tagger_free(one);
    pc_tagger_free(avg);
    pc_tcorpus_free(&c);
}

/* pc_ptrain_accumulate: the mean of two trainings' averaged weights. */
static void test_weight_mean(void **state)
{
    (void)state;
    uint64_t f = 12345;
    pc_ptrain *a = pc_ptrain_new(2), *b = pc_ptrain_new(2), *acc = pc_ptrain_new(2);
    assert_true(a && b && acc);
    /* one update at the start, one tick: averaged over the clock, half of it */
    assert_int_equal(pc_ptrain_update(a, &f, 1, 0, 2.0f), 0);
    pc_ptrain_tick(a);
    assert_int_equal(pc_ptrain_update(b, &f, 1, 1, 4.0f), 0);
    pc_ptrain_tick(b);
    pc_pmodel ma, mm;
    assert_int_equal(pc_ptrain_export(a, 0.0f, &ma), 0);
    float sc[2] = {0, 0};
    pc_pmodel_score(&ma, &f, 1, sc);
    assert_float_equal(sc[0] * ma.scale, 1.0, 1e-3);
    assert_int_equal(pc_ptrain_accumulate(acc, a, 0.5f), 0);
    assert_int_equal(pc_ptrain_accumulate(acc, b, 0.5f), 0);
    assert_int_equal(pc_ptrain_export_current(acc, 0.0f, &mm), 0);
    sc[0] = sc[1] = 0;
    pc_pmodel_score(&mm, &f, 1, sc);
    assert_float_equal(sc[0] * mm.scale, 0.5, 1e-3);
    assert_float_equal(sc[1] * mm.scale, 1.0, 1e-3);
    pc_pmodel_free(&ma);
    pc_pmodel_free(&mm);
    pc_ptrain_free(a);
    pc_ptrain_free(b);
    pc_ptrain_free(acc);
}

/* Save a model, damage a copy with fn, expect load to fail with msg. */
static void expect_load_error(void (*damage)(unsigned char *b, size_t *n), const char *msg)
{
    pc_tcorpus c = {0};
    pc_tagger *t = train_tiny(&c);
    pc_error err = {0};
    assert_int_equal(pc_tagger_save(t, tmp_path("tagger.bin"), &err), PC_OK);
    size_t n;
    unsigned char *b = pc_test_read_file(tmp_path("tagger.bin"), &n);
    damage(b, &n);
    write_file(tmp_path("bad.bin"), b, n);
    pc_tagger *u = pc_tagger_load(tmp_path("bad.bin"), &err);
    assert_null(u);
    assert_int_equal(err.code, PC_ERR_INPUT);
    assert_non_null(strstr(err.message, msg));
    assert_string_equal(err.file, tmp_path("bad.bin"));
    free(b);
    pc_tagger_free(t);
    pc_tcorpus_free(&c);
}

static void flip_middle(unsigned char *b, size_t *n) { b[*n / 2] ^= 0x5a; }
static void truncate_half(unsigned char *b, size_t *n) { (void)b; *n /= 2; }
static void truncate_header(unsigned char *b, size_t *n) { (void)b; *n = 10; }
static void bad_magic(unsigned char *b, size_t *n) { (void)n; memcpy(b, "PCPARSER", 8); }
static void bad_version(unsigned char *b, size_t *n) { (void)n; b[8] = 99; }

static void test_corrupt_model_byte(void **s) { (void)s; expect_load_error(flip_middle, "corrupt (CRC-32"); }
static void test_truncated_model(void **s) { (void)s; expect_load_error(truncate_half, "truncated"); }
static void test_truncated_header(void **s) { (void)s; expect_load_error(truncate_header, "not a petrarch tagger model"); }
static void test_wrong_magic(void **s) { (void)s; expect_load_error(bad_magic, "not a petrarch tagger model"); }
static void test_wrong_version(void **s) { (void)s; expect_load_error(bad_version, "format version 99"); }

static void test_missing_file(void **state)
{
    (void)state;
    pc_error err = {0};
    assert_null(pc_tagger_load(tmp_path("nonexistent.bin"), &err));
    assert_int_equal(err.code, PC_ERR_IO);
    assert_non_null(strstr(err.message, "cannot open the tagger model"));
}

/* The name-list feature reads PETRARCH actor files; unreadable ones fail. */
static void test_actor_file_missing(void **state)
{
    (void)state;
    pc_tcorpus c = {0};
    write_file(tmp_path("train.conllu"), CONLLU, strlen(CONLLU));
    pc_error err = {0};
    assert_int_equal(pc_conllu_read(&c, tmp_path("train.conllu"), &err), PC_OK);
    const char *files[] = {tmp_path("no-such.actors")};
    pc_tagger_opts o = {2, 1, 0.0f, files, 1, NULL, NULL, 1};
    assert_null(pc_tagger_train(c.s, c.n, &o, &err));
    assert_int_equal(err.code, PC_ERR_IO);
    pc_tcorpus_free(&c);
}

/* The shipped model (make models), or the running test fails. */
static pc_tagger *shipped_tagger(void)
{
    pc_error err = {0};
    pc_tagger *t = pc_tagger_load("models/tagger.bin", &err);
    if (!t)
        fail_msg("models/tagger.bin: %s", err.message);
    return t;
}

/* The shipped model (make models): a news sentence, a name it never saw. */
static void test_shipped_model(void **state)
{
    (void)state;
    pc_tagger *t = shipped_tagger();
    const char *w[] = {"Israeli", "troops", "attacked", "the", "Gaza", "Strip", "on",
                       "Monday", ",", "the", "ministry", "said", "."};
    const char *want[] = {"JJ", "NNS", "VBD", "DT", "NNP", "NNP", "IN",
                          "NNP", ",", "DT", "NN", "VBD", "."};
    const char *tags[13];
    assert_int_equal(pc_tagger_tag(t, w, 13, tags), 0);
    for (int i = 0; i < 13; i++)
        assert_string_equal(tags[i], want[i]);
    assert_int_equal(pc_tagger_tag(t, w, 0, tags), 0);
    pc_tagger_free(t);
}

/* The shipped model saved again is the same file: a loaded model keeps each
 * row in its scoring form only, and writing rebuilds the rows from those. */
static void test_shipped_model_saved_back(void **state)
{
    (void)state;
    pc_tagger *t = shipped_tagger();
    pc_error err = {0};
    assert_int_equal(pc_tagger_save(t, tmp_path("tagger.bin"), &err), PC_OK);
    assert_true(pc_test_same_file(tmp_path("tagger.bin"), "models/tagger.bin"));
    pc_tagger_free(t);
}

/* PTB escapes as text spells them; other tokens are themselves. */
static void test_model_form(void **state)
{
    (void)state;
    const char *same[][2] = {{"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
                             {"-LCB-", "{"}, {"-RCB-", "}"}, {"``", "\xe2\x80\x9c"},
                             {"''", "\xe2\x80\x9d"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_string_equal(pc_model_form(same[i][0]), same[i][1]);
    const char *kept[] = {"(", "\"", "-", "--", "-LRB", "-lrb-", "`", "'", "'s", "Gaza", "",
                          "\xe2\x80\x9c", "-LRB--", "-RRB-s", "```", "'''"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        assert_ptr_equal(pc_model_form(kept[i]), kept[i]);
}

/* The shipped tagger learnt brackets and quotes from CoNLL-U, which spells
 * them as the text does ("(", curly quotes); the tokenizer writes CoreNLP's
 * "-LRB-" and "``": the same tags either way. */
static void test_shipped_model_brackets(void **state)
{
    (void)state;
    pc_tagger *t = shipped_tagger();
    const char *ptb[] = {"He", "said", "-LRB-", "in", "Arabic", "-RRB-", "``", "we", "won",
                         "''", "-LSB-", "sic", "-RSB-", "."};
    const char *raw[] = {"He", "said", "(", "in", "Arabic", ")", "\xe2\x80\x9c", "we", "won",
                         "\xe2\x80\x9d", "[", "sic", "]", "."};
    const char *want[] = {"PRP", "VBD", "-LRB-", "IN", "NNP", "-RRB-", "``", "PRP", "VBD",
                          "''", "-LRB-", NULL, "-RRB-", "."};
    const char *a[14], *b[14];
    assert_int_equal(pc_tagger_tag(t, ptb, 14, a), 0);
    assert_int_equal(pc_tagger_tag(t, raw, 14, b), 0);
    for (int i = 0; i < 14; i++) {
        assert_string_equal(a[i], b[i]);
        if (want[i])
            assert_string_equal(a[i], want[i]);
    }
    pc_tagger_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_tags_training_data_back),
        cmocka_unit_test(test_averaged_training),
        cmocka_unit_test(test_weight_mean),
        cmocka_unit_test(test_corrupt_model_byte),
        cmocka_unit_test(test_truncated_model),
        cmocka_unit_test(test_truncated_header),
        cmocka_unit_test(test_wrong_magic),
        cmocka_unit_test(test_wrong_version),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_actor_file_missing),
        cmocka_unit_test(test_shipped_model),
        cmocka_unit_test(test_shipped_model_saved_back),
        cmocka_unit_test(test_model_form),
        cmocka_unit_test(test_shipped_model_brackets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
