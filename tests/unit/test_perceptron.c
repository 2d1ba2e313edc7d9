/* test_perceptron.c -- the perceptron's scoring model (nlp/perceptron.h).
 * Its rows take three forms when built (kept in the slot, sparse, dense):
 * every form must score exactly the weights it was given, alone and mixed,
 * after export and after a write/read round trip, and writing a read model
 * must give back the same bytes.  Export writes every row with its classes
 * ascending and no weight 0, whatever the order of training, and reading
 * refuses a row that is not so (a dense row is written back from its
 * vector, which keeps neither).  pc_pmodel_skip reads past a model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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

/* The model of t, written. */
static pc_wbuf written(const pc_ptrain *t)
{
    pc_pmodel m;
    assert_int_equal(pc_ptrain_export_current(t, 0.0f, &m), 0);
    pc_wbuf w = {0};
    pc_pmodel_write(&m, &w);
    assert_false(w.oom);
    pc_pmodel_free(&m);
    return w;
}

/* A written model's parts: 16 bytes of header, 5 per feature, 3 per entry. */
static uint32_t u32_at(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Where row i of a written model starts (its length in *len). */
static size_t row_at(const pc_wbuf *w, uint32_t i, uint32_t *len)
{
    uint32_t nf = u32_at(w->p + 4);
    size_t at = 16 + (size_t)nf * 5;
    for (uint32_t k = 0; k < i; k++)
        at += 3u * w->p[16 + (size_t)k * 5 + 4];
    *len = w->p[16 + (size_t)i * 5 + 4];
    return at;
}

/* Read bytes p[0..n) as a model: 0, or -1 with r.bad set. */
static int read_bytes(const unsigned char *p, size_t n)
{
    pc_rbuf r = {0};
    r.p = p;
    r.end = p + n;
    pc_pmodel m;
    int rc = pc_pmodel_read(&m, &r);
    if (rc == 0)
        pc_pmodel_free(&m);
    else
        assert_true(r.bad);
    return rc;
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
        float sc[NCLS] = {0}, sp[NCLS] = {0};
        pc_pmodel_score(m, f, nf, sc);
        pc_pmodel_score_portable(m, f, nf, sp);
        for (int c = 0; c < NCLS; c++) {
            float want = 0;
            for (int i = 0; i < NFEAT; i++)
                if (set >> i & 1)
                    want += weight(i, c);
            if (sc[c] != want || sp[c] != want)
                fail_msg("features %#x class %d: %g (portable %g), want %g", set, c, (double)sc[c],
                         (double)sp[c], (double)want);
        }
    }
}

static void test_row_forms_score_exactly(void **state)
{
    (void)state;
    pc_ptrain *t = trained();
    pc_pmodel m;
    assert_int_equal(pc_ptrain_export_current(t, 0.0f, &m), 0);
    /* the two longest rows went dense, the rest did not; ent holds only
     * the sparse rows (5 + 8 weights) */
    assert_int_equal(m.n_dense, 2);
    assert_int_equal(m.n_sparse, 13);
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
    assert_int_equal(back.n_dense, 2);
    assert_int_equal(back.n_sparse, 13);
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

/* Trained in another order of classes, with a weight that rounds to 0 (the
 * scale is 1): the same file, each row's classes ascending, no weight 0. */
static void test_export_is_canonical(void **state)
{
    (void)state;
    pc_ptrain *t = trained();
    pc_ptrain *u = pc_ptrain_new(NCLS);
    assert_non_null(u);
    for (uint64_t f = NFEAT; f-- > 0;)
        for (int c = NCLS; c-- > 0;)
            if (weight((int)f, c) != 0)
                assert_int_equal(pc_ptrain_update(u, &f, 1, (uint32_t)c, weight((int)f, c)), 0);
    uint64_t f2 = 2;
    assert_int_equal(pc_ptrain_update(u, &f2, 1, 1, 0.4f), 0);
    pc_wbuf w = written(t), wu = written(u);
    assert_int_equal(wu.n, w.n);
    assert_memory_equal(wu.p, w.p, w.n);
    for (uint32_t i = 0; i < NFEAT; i++) {
        uint32_t len;
        const unsigned char *e = w.p + row_at(&w, i, &len);
        for (uint32_t j = 0; j < len; j++, e += 3) {
            if (j > 0)
                assert_true(e[0] > e[-3]);
            assert_true(e[1] != 0 || e[2] != 0);
        }
    }
    pc_wbuf_free(&w);
    pc_wbuf_free(&wu);
    pc_ptrain_free(t);
    pc_ptrain_free(u);
}

/* A row with two classes in descending order, a class twice, a weight 0 or
 * a class out of range is refused, in every row form (rows of 1 and 3
 * weights are kept in the slot, of 5 and 8 sparse, of 10 and 40 dense). */
static void test_read_refuses_noncanonical_rows(void **state)
{
    (void)state;
    pc_ptrain *t = trained();
    pc_wbuf w = written(t);
    assert_int_equal(read_bytes(w.p, w.n), 0);
    unsigned char *b = malloc(w.n);
    assert_non_null(b);
    enum { DESCENDING, TWICE, ZERO, OUT_OF_RANGE, N_KINDS };
    for (uint32_t i = 0; i < NFEAT; i++)
        for (int kind = 0; kind < N_KINDS; kind++) {
            uint32_t len;
            size_t at = row_at(&w, i, &len);
            unsigned char *e = b + at, *last = e + 3 * (len - 1);
            memcpy(b, w.p, w.n);
            if (kind == DESCENDING || kind == TWICE) {
                if (len < 2)
                    continue;
                if (kind == TWICE)
                    e[3] = e[0];
                else {
                    unsigned char x[3];
                    memcpy(x, e, 3);
                    memcpy(e, e + 3, 3);
                    memcpy(e + 3, x, 3);
                }
            } else if (kind == ZERO) {
                last[1] = last[2] = 0;
            } else {
                last[0] = NCLS;
            }
            if (read_bytes(b, w.n) != -1)
                fail_msg("row %u (%u weights): change %d not refused", i, len, kind);
        }
    free(b);
    pc_wbuf_free(&w);
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

/* A class count that is no multiple of 8 (the vector code's width), rows of
 * every form, and scores that start nonzero: pc_pmodel_score (AVX2 where the
 * CPU has it) and the portable build add exactly the weights, tail included. */
static void test_vector_and_portable_agree(void **state)
{
    (void)state;
    enum { N = 45, F = 40 };
    pc_ptrain *t = pc_ptrain_new(N);
    assert_non_null(t);
    static float w[F][N];
    uint32_t x = 12345;
    for (uint64_t f = 0; f < F; f++)
        for (int c = 0; c < N; c++) {
            x = x * 1103515245u + 12345u;
            /* row f names about f/3 classes: short, sparse and dense rows */
            if ((int)(x >> 16) % F > (int)f / 3 + 1)
                continue;
            w[f][c] = (float)((int)(x >> 20) % 2001 - 1000);
            if (w[f][c] != 0)
                assert_int_equal(pc_ptrain_update(t, &f, 1, (uint32_t)c, w[f][c]), 0);
        }
    uint64_t big = F;   /* the largest weight: scale 1, exact integers */
    assert_int_equal(pc_ptrain_update(t, &big, 1, 0, 32767), 0);
    pc_pmodel m;
    assert_int_equal(pc_ptrain_export_current(t, 0.0f, &m), 0);
    assert_true(m.scale == 1.0f);
    assert_true(m.n_dense > 0 && m.n_sparse > 0);
    uint64_t f[F];
    for (int k = 0; k < F; k++)
        f[k] = (uint64_t)k;
    for (size_t nf = 1; nf <= F; nf++) {
        float sc[N], sp[N];
        for (int c = 0; c < N; c++)
            sc[c] = sp[c] = (float)(c * 7);
        pc_pmodel_score(&m, f, nf, sc);
        pc_pmodel_score_portable(&m, f, nf, sp);
        for (int c = 0; c < N; c++) {
            float want = (float)(c * 7);
            for (size_t k = 0; k < nf; k++)
                want += w[k][c];
            if (sc[c] != want || sp[c] != want)
                fail_msg("%zu features, class %d: %g (portable %g), want %g", nf, c, (double)sc[c],
                         (double)sp[c], (double)want);
        }
    }
    pc_pmodel_free(&m);
    pc_ptrain_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_row_forms_score_exactly),
        cmocka_unit_test(test_export_is_canonical),
        cmocka_unit_test(test_read_refuses_noncanonical_rows),
        cmocka_unit_test(test_skip),
        cmocka_unit_test(test_vector_and_portable_agree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
