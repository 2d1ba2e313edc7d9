/* test_perceptron.c -- the perceptron's scoring model (nlp/perceptron.h).
 * Its rows take three forms when built (kept in the slot, sparse, dense):
 * every form must score exactly the weights it was given, alone and mixed,
 * after export and after a write/read round trip, and writing a read model
 * must give back the same bytes.  pc_pmodel_skip reads past a model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "nlp/perceptron.h"

#define NCLS 40
#define NFEAT 7

/* Feature i's weights: row lengths 1, 3 (kept in the slot), 5, 8 (sparse),
 * 10, 40 (dense: at least a quarter of the classes), and one class of
 * 32767, the largest weight, so that the model's scale is 1 and its
 * quantized weights are these integers exactly. */
static float weight(int feat, int cls)
{
    switch (feat) {
    case 0: return cls == 7 ? 5 : 0;
    case 1: return cls == 1 ? -3 : cls == 2 ? 4 : cls == 39 ? 100 : 0;
    case 2: return cls % 10 == 0 ? (float)(cls + 1) : cls == 33 ? -7 : 0;
    case 3: return cls % 5 == 1 ? (float)(-cls) : 0;
    case 4: return cls < 10 ? (float)(cls * cls + 1) : 0;
    case 5: return (float)(cls * 3 - 50);
    default: return cls == 0 ? 32767 : 0;
    }
}

static pc_ptrain *trained(void)
{
    pc_ptrain *t = pc_ptrain_new(NCLS);
    assert_non_null(t);
    for (uint64_t f = 0; f < NFEAT; f++)
        for (int c = 0; c < NCLS; c++)
            if (weight((int)f, c) != 0)
                assert_int_equal(pc_ptrain_update(t, &f, 1, (uint32_t)c, weight((int)f, c)), 0);
    return t;
}

/* Every subset of the features (and one the model lacks) scores the sum of
 * their weights. */
static void check_scores(const pc_pmodel *m)
{
    assert_true(m->scale == 1.0f);
    for (unsigned set = 1; set < (1u << NFEAT); set++) {
        uint64_t f[NFEAT + 1];
        size_t nf = 0;
        for (uint64_t i = 0; i < NFEAT; i++)
            if (set >> i & 1)
                f[nf++] = i;
        f[nf++] = 12345;   /* unknown */
        float sc[NCLS] = {0};
        pc_pmodel_score(m, f, nf, sc);
        for (int c = 0; c < NCLS; c++) {
            float want = 0;
            for (int i = 0; i < NFEAT; i++)
                if (set >> i & 1)
                    want += weight(i, c);
            if (sc[c] != want)
                fail_msg("features %#x class %d: %g, want %g", set, c, (double)sc[c], (double)want);
        }
    }
}

static void test_row_forms_score_exactly(void **state)
{
    (void)state;
    pc_ptrain *t = trained();
    pc_pmodel m;
    assert_int_equal(pc_ptrain_export_current(t, 0.0f, &m), 0);
    /* the two longest rows went dense, the rest did not */
    assert_int_equal(m.n_dense, 2);
    check_scores(&m);

    pc_wbuf w = {0};
    pc_pmodel_write(&m, &w);
    assert_false(w.oom);
    pc_rbuf r = {0};
    r.p = w.p;
    r.end = w.p + w.n;
    pc_pmodel back;
    assert_int_equal(pc_pmodel_read(&back, &r), 0);
    assert_true(r.p == r.end);
    check_scores(&back);

    /* written again: the same bytes */
    pc_wbuf w2 = {0};
    pc_pmodel_write(&back, &w2);
    assert_int_equal(w2.n, w.n);
    assert_memory_equal(w2.p, w.p, w.n);

    pc_wbuf_free(&w);
    pc_wbuf_free(&w2);
    pc_pmodel_free(&back);
    pc_pmodel_free(&m);
    pc_ptrain_free(t);
}

/* skip: past one model to the next; bad sizes are refused. */
static void test_skip(void **state)
{
    (void)state;
    pc_ptrain *t = trained();
    pc_pmodel m;
    assert_int_equal(pc_ptrain_export_current(t, 0.0f, &m), 0);
    pc_wbuf w = {0};
    pc_pmodel_write(&m, &w);
    pc_wbuf_u32(&w, 0xC0FFEEu);
    pc_rbuf r = {0};
    r.p = w.p;
    r.end = w.p + w.n;
    uint32_t nc = 0;
    assert_int_equal(pc_pmodel_skip(&r, &nc), 0);
    assert_int_equal(nc, NCLS);
    assert_int_equal(pc_rbuf_u32(&r), 0xC0FFEEu);

    r.p = w.p;
    r.end = w.p + w.n - 10;   /* the weights run past the end */
    assert_int_equal(pc_pmodel_skip(&r, &nc), -1);
    assert_true(r.bad);
    pc_wbuf_free(&w);
    pc_pmodel_free(&m);
    pc_ptrain_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_row_forms_score_exactly),
        cmocka_unit_test(test_skip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
