/* parser.c -- see parser.h.
 *
 * Transition system (Sagae & Lavie 2005, Zhu et al. 2013):
 *   SHIFT           the next word, as a leaf labelled with its tag
 *   UNARY-X         s0 -> X(s0)                       (at most PC_MAX_UNARY in a row)
 *   BINARY-X/@X-L|R s1 s0 -> X(s1 s0), head from the left or right child
 *   FINISH          one complete constituent left and no words: done
 * The legality rules keep every state completable into a tree whose @X
 * nodes unbinarize: an @X child only under X or @X, never two @X children,
 * the head always inside the @X child.
 *
 * Stacks are persistent: a node records the node under it, so a state is just
 * (top node, stack size, buffer position) and beam states share their nodes. */
#include "nlp/parser.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/binarize.h"
#include "nlp/features.h"
#include "nlp/fold.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"
#include "util/error.h"
#include "util/alloc.h"

#define PARSER_MAGIC "PCPARSER"
#define PARSER_VERSION 4u   /* 4: words looked up by pc_model_form */
#define MAX_FEAT 96
#define MAX_BEAM 64

enum { A_SHIFT = 0, A_FINISH = 1, A_FIRST = 2 };
enum { K_UNARY = 0, K_BIN_L, K_BIN_R, K_TMP_L, K_TMP_R, K_N };

struct pc_parser {
    pc_labels lab;
    int n_phrase;
    int16_t phrase_label[PC_MAX_LABELS];   /* phrase index -> label id */
    int16_t phrase_of[PC_MAX_LABELS];      /* label id -> phrase index or -1 */
    int n_actions;
    uint8_t allowed[A_FIRST + K_N * PC_MAX_LABELS];  /* seen in training */
    int unk_tag;    /* label id for tags the parser never saw */
    int frag;       /* label id of FRAG (for the fallback of a stuck parse) */
    uint64_t *vocab;   /* sorted hashes of words seen >= 2 times in training */
    size_t n_vocab;
    pc_pmodel model;        /* trained for greedy decoding */
    pc_pmodel beam_model;   /* trained with beam search (used when beam > 1) */
    int has_beam;
    int guided;             /* trained with dependency trees (pc_parser_parse_deps) */
};

/* The model file's flags byte (after the greedy weights). */
enum { F_BEAM = 1, F_GUIDED = 2 };

typedef struct pnode {
    int32_t below;        /* the node under this one on the stack */
    int32_t left, right;  /* children; unary: left only; leaf: none */
    int32_t head;         /* head word */
    int32_t start, end;   /* words covered */
    int16_t label;
    uint8_t temp, headleft, unary;
} pnode;

typedef struct pstate {
    int32_t top, size, buf;
    int32_t prev;         /* index of the previous state (history), -1 */
    int16_t act;          /* action that made this state; -1 carried over */
    uint8_t done;
    double score;
} pstate;

/* A word of a dependency-guided parse: its head (-1 none) and relation, the
 * words its subtree covers, [lo, hi), and its dependents, kids[k0..k1) of
 * the sentence's list (in word order). */
typedef struct dword {
    int32_t head, lo, hi, k0, k1;
    uint64_t rel;
} dword;

/* One sentence being parsed. */
typedef struct sctx {
    int n;
    const uint64_t *wh;   /* word hashes */
    const int16_t *tg;    /* tag label ids */
    pnode *node;
    int nn, cap;
    const dword *dw;      /* the dependency tree (guided parsing), else NULL */
    const int32_t *kids;  /* its dependents lists (dword.k0, k1) */
} sctx;

/* ------------------------------------------------------------ transitions */

static int act_kind(int a) { return (a - A_FIRST) % K_N; }
static int act_phrase(int a) { return (a - A_FIRST) / K_N; }
static int make_act(int phrase, int kind) { return A_FIRST + phrase * K_N + kind; }

static int legal(const pc_parser *P, const sctx *c, const pstate *s, int a)
{
    const pnode *s0 = s->top >= 0 ? &c->node[s->top] : NULL;
    const pnode *s1 = s0 && s0->below >= 0 ? &c->node[s0->below] : NULL;
    int buf_empty = s->buf >= c->n;
    if (a == A_SHIFT)
        return !buf_empty;
    if (a == A_FINISH)
        return buf_empty && s->size == 1 && !s0->temp;
    int kind = act_kind(a), label = P->phrase_label[act_phrase(a)];
    if (kind == K_UNARY)
        return s0 && !s0->temp && s0->label != label && s0->unary < PC_MAX_UNARY;
    if (!s1 || (s0->temp && s1->temp))
        return 0;
    int hl = kind == K_BIN_L || kind == K_TMP_L, tmp = kind == K_TMP_L || kind == K_TMP_R;
    if (s1->temp && (s1->label != label || !hl))
        return 0;
    if (s0->temp && (s0->label != label || hl || s0->headleft))
        return 0;
    if (tmp && buf_empty) {
        if (hl)
            return 0;   /* an @X still taking right siblings needs words */
        const pnode *s2 = s1->below >= 0 ? &c->node[s1->below] : NULL;
        if (!s2 || s2->temp)
            return 0;
    }
    return 1;
}

/* Apply a (legal) action: the new state (its node appended to c). */
static pstate apply(const pc_parser *P, sctx *c, const pstate *s, int a)
{
    pstate r = *s;
    r.act = (int16_t)a;
    if (a == A_FINISH) {
        r.done = 1;
        return r;
    }
    pnode *x = &c->node[c->nn];
    memset(x, 0, sizeof *x);
    if (a == A_SHIFT) {
        x->below = s->top;
        x->left = x->right = -1;
        x->head = s->buf;
        x->start = s->buf;
        x->end = s->buf + 1;
        x->label = c->tg[s->buf];
        r.buf++;
        r.size++;
    } else {
        int kind = act_kind(a);
        const pnode *s0 = &c->node[s->top];
        x->label = P->phrase_label[act_phrase(a)];
        if (kind == K_UNARY) {
            x->below = s0->below;
            x->left = s->top;
            x->right = -1;
            x->head = s0->head;
            x->start = s0->start;
            x->end = s0->end;
            x->unary = (uint8_t)(s0->unary + 1);
        } else {
            const pnode *s1 = &c->node[s0->below];
            x->below = s1->below;
            x->left = s0->below;
            x->right = s->top;
            x->headleft = kind == K_BIN_L || kind == K_TMP_L;
            x->temp = kind == K_TMP_L || kind == K_TMP_R;
            x->head = x->headleft ? s1->head : s0->head;
            x->start = s1->start;
            x->end = s0->end;
            r.size--;
        }
    }
    r.top = c->nn++;
    return r;
}

/* ------------------------------------------------------------ features */

#define NONE_C 0xFFFFu
#define NONE_W 0x5bd1e995u

/* How node x's span sits on its head word's subtree: for each edge, equal
 * (0), inside (1: dependents still to take) or beyond it (2); 9: no node. */
static uint64_t dep_shape(const sctx *c, int x)
{
    if (x < 0)
        return 9;
    const pnode *n = &c->node[x];
    const dword *d = &c->dw[n->head];
    int l = n->start == d->lo ? 0 : n->start > d->lo ? 1 : 2;
    int r = n->end == d->hi ? 0 : n->end < d->hi ? 1 : 2;
    return (uint64_t)(l * 3 + r);
}

/* Where the head of word w lies from span [st, en): 0 none, 1 left, 2 right, 3 inside. */
static uint64_t dep_dir(const sctx *c, int w, int st, int en)
{
    int h = c->dw[w].head;
    return h < 0 ? 0 : h < st ? 1 : h >= en ? 2 : 3;
}

/* The link of the head words of stack nodes a (left) and b (right): b's head
 * depends on a's (1), a's on b's (2), both on one word (3), else 0; 9: no node. */
static uint64_t dep_link(const sctx *c, int a, int b)
{
    if (a < 0 || b < 0)
        return 9;
    int ha = c->node[a].head, hb = c->node[b].head;
    const dword *D = c->dw;
    return D[hb].head == ha ? 1 : D[ha].head == hb ? 2 : D[ha].head == D[hb].head ? 3 : 0;
}

/* The link of the next word q with stack node x: q depends on x's head (1),
 * x's head on q (2), q on another word of x (3), q on a word left of x (4),
 * on a word to its right (5), q is the root (6); 9: no node or no word. */
static uint64_t dep_qlink(const sctx *c, int x, int q)
{
    if (x < 0 || q >= c->n)
        return 9;
    const pnode *n = &c->node[x];
    int hq = c->dw[q].head;
    if (hq == n->head)
        return 1;
    if (c->dw[n->head].head == q)
        return 2;
    return hq < 0 ? 6 : hq >= n->start && hq < n->end ? 3 : hq < n->start ? 4 : 5;
}

static uint64_t dep_rel(const sctx *c, int x) { return x < 0 ? NONE_W : c->dw[c->node[x].head].rel; }

/* The relations at the edges of node x: of the outermost dependent of its
 * head inside the span and of the nearest one outside it, on the left
 * (e[0], e[1]) and on the right (e[2], e[3]).  Which dependents a span has
 * taken tells its label: + obj a VP, + nsubj an S, + mark an SBAR. */
static void dep_edges(const sctx *c, int x, uint64_t *e)
{
    e[0] = e[1] = e[2] = e[3] = NONE_W;
    if (x < 0)
        return;
    const pnode *n = &c->node[x];
    const dword *h = &c->dw[n->head];
    for (int i = h->k0; i < h->k1; i++) {
        int k = c->kids[i];
        uint64_t r = c->dw[k].rel;
        if (k < n->start)
            e[1] = r;   /* the last one left of the span */
        else if (k < n->head && e[0] == NONE_W)
            e[0] = r;
        else if (k > n->head && k < n->end)
            e[2] = r;
        else if (k >= n->end && e[3] == NONE_W)
            e[3] = r;
    }
}

/* The top of the stack as features() sees it: the nodes and the values it
 * has already worked out (labels with their @ bit, s0's head tag, q0's tag). */
typedef struct stacktop {
    int s0, s1, s2;
    uint64_t c0, c1, c2, t0, q0t;
} stacktop;

/* The dependency tree's features: which stack items are complete subtrees,
 * how they and the next word attach to each other. */
static size_t dep_features(const sctx *c, const pstate *s, const stacktop *st, uint64_t *f)
{
    int s0 = st->s0, s1 = st->s1, s2 = st->s2;
    uint64_t c0 = st->c0, c1 = st->c1, c2 = st->c2, t0 = st->t0, q0t = st->q0t;
    const pnode *N = c->node;
    int q = s->buf;
    uint64_t sh0 = dep_shape(c, s0), sh1 = dep_shape(c, s1);
    uint64_t r0 = dep_rel(c, s0), r1 = dep_rel(c, s1);
    uint64_t l10 = dep_link(c, s1, s0), l21 = dep_link(c, s2, s1);
    uint64_t lq0 = dep_qlink(c, s0, q), lq1 = dep_qlink(c, s1, q);
    uint64_t rq = q < c->n ? c->dw[q].rel : NONE_W;
    uint64_t dq = q < c->n ? dep_dir(c, q, q, q + 1) : 9;
    uint64_t d0 = s0 >= 0 ? dep_dir(c, N[s0].head, N[s0].start, N[s0].end) : 9;
    uint64_t u0 = s0 >= 0 ? N[s0].unary : 9;
    size_t k = 0;
    f[k++] = pc_feat3(70, c0, sh0, r0);
    f[k++] = pc_feat3(71, c1, sh1, r1);
    f[k++] = pc_feat3(72, l10, c0, c1);
    f[k++] = pc_feat3(73, l10, r0, r1);
    f[k++] = pc_feat3(74, lq0, c0, rq);
    f[k++] = pc_feat3(75, lq1, c1, q0t);
    f[k++] = pc_feat3(76, sh0 * 10 + sh1, l10, lq0);
    f[k++] = pc_feat3(77, r0, t0, sh0 * 4 + d0);
    f[k++] = pc_feat3(78, rq, dq, q0t);
    f[k++] = pc_feat3(79, c0, sh0, lq0 * 10 + l10);
    f[k++] = pc_feat3(80, c0, u0, pc_feat2(0, r0, sh0));
    f[k++] = pc_feat3(81, c1, sh1 * 10 + l10, c0);
    f[k++] = pc_feat3(82, l21, c1, c2);
    f[k++] = pc_feat3(83, pc_feat2(0, r0, sh0 * 4 + d0), c0, q0t);
    uint64_t e0[4], e1[4];
    dep_edges(c, s0, e0);
    dep_edges(c, s1, e1);
    f[k++] = pc_feat3(84, c0, e0[0], e0[1]);
    f[k++] = pc_feat3(85, c0, e0[2], e0[3]);
    f[k++] = pc_feat3(86, c1, e1[0], e1[1]);
    f[k++] = pc_feat3(87, c1, e1[2], e1[3]);
    f[k++] = pc_feat3(88, c0, u0, pc_feat2(0, e0[0], e0[1]));
    f[k++] = pc_feat3(89, pc_feat2(0, e0[1], e0[3]), r0, c0);
    return k;
}

static size_t features(const sctx *c, const pstate *s, uint64_t *f)
{
    const pnode *N = c->node;
    int s0 = s->top, s1 = -1, s2 = -1, s3 = -1;
    if (s0 >= 0)
        s1 = N[s0].below;
    if (s1 >= 0)
        s2 = N[s1].below;
    if (s2 >= 0)
        s3 = N[s2].below;
#define C(x) ((x) < 0 ? NONE_C : (uint64_t)N[x].label * 2u + N[x].temp)
#define W(x) ((x) < 0 ? NONE_W : c->wh[N[x].head])
#define T(x) ((x) < 0 ? NONE_C : (uint64_t)c->tg[N[x].head])
#define QW(i) (s->buf + (i) < c->n ? c->wh[s->buf + (i)] : NONE_W + (i))
#define QT(i) (s->buf + (i) < c->n ? (uint64_t)c->tg[s->buf + (i)] : NONE_C - 1 - (i))
    /* children of s0 and s1: left, right, unary */
    int s0l = -1, s0r = -1, s0u = -1, s1l = -1, s1r = -1, s1u = -1;
    if (s0 >= 0 && N[s0].left >= 0) {
        if (N[s0].right >= 0) {
            s0l = N[s0].left;
            s0r = N[s0].right;
        } else {
            s0u = N[s0].left;
        }
    }
    if (s1 >= 0 && N[s1].left >= 0) {
        if (N[s1].right >= 0) {
            s1l = N[s1].left;
            s1r = N[s1].right;
        } else {
            s1u = N[s1].left;
        }
    }
    uint64_t s0c = C(s0), s1c = C(s1), s2c = C(s2), s3c = C(s3);
    uint64_t s0w = W(s0), s1w = W(s1), s2w = W(s2), s3w = W(s3);
    uint64_t s0t = T(s0), s1t = T(s1), s2t = T(s2), s3t = T(s3);
    uint64_t q0w = QW(0), q1w = QW(1), q2w = QW(2), q3w = QW(3);
    uint64_t q0t = QT(0), q1t = QT(1), q2t = QT(2), q3t = QT(3);
    size_t k = 0;
    /* unigrams */
    f[k++] = pc_feat2(1, s0t, s0c);
    f[k++] = pc_feat2(2, s0w, s0c);
    f[k++] = pc_feat2(3, s1t, s1c);
    f[k++] = pc_feat2(4, s1w, s1c);
    f[k++] = pc_feat2(5, s2t, s2c);
    f[k++] = pc_feat2(6, s2w, s2c);
    f[k++] = pc_feat2(7, s3t, s3c);
    f[k++] = pc_feat2(8, s3w, s3c);
    f[k++] = pc_feat2(9, q0w, q0t);
    f[k++] = pc_feat2(10, q1w, q1t);
    f[k++] = pc_feat2(11, q2w, q2t);
    f[k++] = pc_feat2(12, q3w, q3t);
    f[k++] = pc_feat2(13, W(s0l), C(s0l));
    f[k++] = pc_feat2(14, W(s0r), C(s0r));
    f[k++] = pc_feat2(15, W(s0u), C(s0u));
    f[k++] = pc_feat2(16, W(s1l), C(s1l));
    f[k++] = pc_feat2(17, W(s1r), C(s1r));
    f[k++] = pc_feat2(18, W(s1u), C(s1u));
    /* bigrams */
    f[k++] = pc_feat2(19, s0w, s1w);
    f[k++] = pc_feat2(20, s0w, s1c);
    f[k++] = pc_feat2(21, s0c, s1w);
    f[k++] = pc_feat2(22, s0c, s1c);
    f[k++] = pc_feat2(23, s0w, q0w);
    f[k++] = pc_feat2(24, s0w, q0t);
    f[k++] = pc_feat2(25, s0c, q0w);
    f[k++] = pc_feat2(26, s0c, q0t);
    f[k++] = pc_feat2(27, q0w, q1w);
    f[k++] = pc_feat2(28, q0w, q1t);
    f[k++] = pc_feat2(29, q0t, q1w);
    f[k++] = pc_feat2(30, q0t, q1t);
    f[k++] = pc_feat2(31, s1w, q0w);
    f[k++] = pc_feat2(32, s1w, q0t);
    f[k++] = pc_feat2(33, s1c, q0w);
    f[k++] = pc_feat2(34, s1c, q0t);
    /* trigrams */
    f[k++] = pc_feat3(35, s0c, s1c, s2c);
    f[k++] = pc_feat3(36, s0w, s1c, s2c);
    f[k++] = pc_feat3(37, s0c, s1w, s2c);
    f[k++] = pc_feat3(38, s0c, s1c, s2w);
    f[k++] = pc_feat3(39, s0c, s1c, q0t);
    f[k++] = pc_feat3(40, s0w, s1c, q0t);
    f[k++] = pc_feat3(41, s0c, s1w, q0t);
    f[k++] = pc_feat3(42, s0c, s1c, q0w);
    /* extensions: tags of s0/s1 with the queue, child labels, span edges,
     * where we are (for FINISH and the last unaries) */
    f[k++] = pc_feat3(43, s0c, C(s0l), C(s0r));
    f[k++] = pc_feat3(44, s1c, C(s1l), C(s1r));
    f[k++] = pc_feat3(45, s0c, C(s0u), s0 >= 0 ? (uint64_t)N[s0].unary : 0);
    f[k++] = pc_feat3(46, s0t, s1t, q0t);
    f[k++] = pc_feat3(47, s0c, q0t, q1t);
    f[k++] = pc_feat3(48, (uint64_t)(s->size < 4 ? s->size : 4), s->buf >= c->n, s0c);
    uint64_t s0first = s0 >= 0 ? c->wh[N[s0].start] : NONE_W, s0last = s0 >= 0 ? c->wh[N[s0].end - 1] : NONE_W;
    uint64_t s1first = s1 >= 0 ? c->wh[N[s1].start] : NONE_W, s1last = s1 >= 0 ? c->wh[N[s1].end - 1] : NONE_W;
    f[k++] = pc_feat2(49, s0first, s0c);
    f[k++] = pc_feat2(50, s0last, s0c);
    f[k++] = pc_feat2(51, s1first, s1c);
    f[k++] = pc_feat2(52, s1last, s1c);
    f[k++] = pc_feat3(53, s0c, s1c, s2t);
    f[k++] = pc_feat2(54, s0c, s2c);
    f[k++] = pc_feat3(55, s1t, s0t, s0c);
    f[k++] = pc_feat2(56, q0w, s0t);
    f[k++] = pc_feat2(57, s0c, s3c);
    f[k++] = pc_feat3(58, s0w, s0c, q0t);
    f[k++] = pc_feat2(59, q1w, s0c);
    f[k++] = pc_feat2(60, q2t, s0c);
    f[k++] = pc_feat2(61, s0c, (uint64_t)(s0 >= 0 ? (N[s0].end - N[s0].start < 8 ? N[s0].end - N[s0].start : 8) : 0));
    /* span edges and what lies just outside them (punctuation, the last
     * word of s1), as CoreNLP's shift-reduce parser uses */
    uint64_t prevw = s->buf > 0 ? c->wh[s->buf - 1] : NONE_W;
    uint64_t s0et = s0 >= 0 ? (uint64_t)c->tg[N[s0].start] : NONE_C;
    uint64_t s0lt = s0 >= 0 ? (uint64_t)c->tg[N[s0].end - 1] : NONE_C;
    uint64_t s0pt = s0 >= 0 && N[s0].start > 0 ? (uint64_t)c->tg[N[s0].start - 1] : NONE_C;
    uint64_t s1et = s1 >= 0 ? (uint64_t)c->tg[N[s1].start] : NONE_C;
    uint64_t s1lt = s1 >= 0 ? (uint64_t)c->tg[N[s1].end - 1] : NONE_C;
    f[k++] = pc_feat2(62, prevw, q0t);
    f[k++] = pc_feat3(63, s0t, C(s0r), q0t);
    f[k++] = pc_feat3(64, s0pt, s0c, s1c);
    f[k++] = pc_feat3(65, s0et, s0lt, s0c);
    f[k++] = pc_feat3(66, s1et, s1lt, s1c);
    f[k++] = pc_feat3(67, q0w, s0c, s1c);
    f[k++] = pc_feat3(68, s0w, s0c, pc_feat2(0, s1w, s1c));
    f[k++] = pc_feat3(69, s0lt, q0t, s0c);
    if (c->dw) {
        stacktop st = {s0, s1, s2, s0c, s1c, s2c, s0t, q0t};
        k += dep_features(c, s, &st, f + k);
    }
    (void)q2w;
    (void)q3t;
#undef C
#undef W
#undef T
#undef QW
#undef QT
    return k;
}

/* ------------------------------------------------------------ decoding */

/* Scores of every action of s into sc (the trainer's weights, or the model's). */
static void score_all(const pc_parser *P, const pc_ptrain *tr, const pc_pmodel *m, const sctx *c,
                      const pstate *s, float *sc)
{
    uint64_t f[MAX_FEAT];
    size_t nf = features(c, s, f);
    memset(sc, 0, (size_t)P->n_actions * sizeof *sc);
    if (tr)
        pc_ptrain_score(tr, f, nf, sc);
    else
        pc_pmodel_score(m, f, nf, sc);
}

/* score_all, and in ok which actions are allowed and legal; returns how many. */
static int score_actions(const pc_parser *P, const pc_ptrain *tr, const pc_pmodel *m,
                         const sctx *c, const pstate *s, float *sc, uint8_t *ok)
{
    score_all(P, tr, m, c, s, sc);
    int n = 0;
    for (int a = 0; a < P->n_actions; a++) {
        ok[a] = P->allowed[a] && legal(P, c, s, a);
        n += ok[a];
    }
    return n;
}

typedef struct cand {
    double score;
    int32_t from;   /* beam index */
    int16_t act;    /* -1: a finished state carried over */
} cand;

/* Better first: score, then earlier state, then smaller action (determinism). */
static int cand_better(const cand *x, const cand *y)
{
    if (x->score != y->score)
        return x->score > y->score;
    if (x->from != y->from)
        return x->from < y->from;
    return x->act < y->act;
}

static void cand_insert(cand *top, int *nt, int k, cand c)
{
    if (*nt == k && !cand_better(&c, &top[k - 1]))
        return;
    int i = *nt < k ? (*nt)++ : k - 1;
    while (i > 0 && cand_better(&c, &top[i - 1])) {
        top[i] = top[i - 1];
        i--;
    }
    top[i] = c;
}

/* One beam step: from beam[0..nb) to next[0..) (returns its size). hist
 * records every state (for backtracking); beam/next hold history indices. */
typedef struct beamctx {
    const pc_parser *P;
    const pc_ptrain *tr;   /* the trainer's weights, or */
    const pc_pmodel *m;    /* the model's */
    sctx *c;
    pstate *hist;
    int nh, cap_h;
    float *sc;
    uint8_t *ok;
    cand *top;
} beamctx;

/* beam_step for a beam of one: the same choice (the best allowed, legal
 * action; the first of equals), without ranking every action: legality is
 * only asked of an action that would beat the best so far. */
static int greedy_step(beamctx *b, int cur, int *next)
{
    const pstate *s = &b->hist[cur];
    if (s->done) {
        next[0] = cur;
        return 1;
    }
    const pc_parser *P = b->P;
    score_all(P, b->tr, b->m, b->c, s, b->sc);
    int best = -1;
    double top = 0;
    for (int a = 0; a < P->n_actions; a++) {
        double v = s->score + b->sc[a];
        if (!P->allowed[a] || (best >= 0 && !(v > top)) || !legal(P, b->c, s, a))
            continue;
        best = a;
        top = v;
    }
    if (best < 0)
        return 0;   /* stuck */
    pstate r = apply(P, b->c, s, best);
    r.prev = cur;
    r.score = top;
    b->hist[b->nh] = r;
    next[0] = b->nh++;
    return 1;
}

static int beam_step(beamctx *b, const int *beam, int nb, int k, int *next)
{
    if (k == 1 && nb == 1)
        return greedy_step(b, beam[0], next);
    int nt = 0;
    for (int i = 0; i < nb; i++) {
        const pstate *s = &b->hist[beam[i]];
        if (s->done) {
            cand_insert(b->top, &nt, k, (cand){s->score, i, -1});
            continue;
        }
        if (score_actions(b->P, b->tr, b->m, b->c, s, b->sc, b->ok) == 0)
            continue;   /* stuck: drops out */
        for (int a = 0; a < b->P->n_actions; a++)
            if (b->ok[a])
                cand_insert(b->top, &nt, k, (cand){s->score + b->sc[a], i, (int16_t)a});
    }
    for (int j = 0; j < nt; j++) {
        const pstate *s = &b->hist[beam[b->top[j].from]];
        if (b->top[j].act < 0) {
            next[j] = beam[b->top[j].from];
            continue;
        }
        pstate r = apply(b->P, b->c, s, b->top[j].act);
        r.prev = beam[b->top[j].from];
        r.score = b->top[j].score;
        b->hist[b->nh] = r;
        next[j] = b->nh++;
    }
    return nt;
}

/* Upper bound on the steps of a parse of n words (shift, binary, unaries, finish). */
static int max_steps(int n) { return 8 * n + 8; }

/* ------------------------------------------------------------ output */

/* The tree of a final (or stuck) state as a string. */
static char *output(const pc_parser *P, sctx *c, const pstate *s, const char *const *words,
                    const char *const *tags, pc_arena *a)
{
    pc_btree bt;
    /* room for a FRAG chain over a stuck stack */
    pc_bnode *bn = pc_arena_alloc(a, ((size_t)c->nn + (size_t)s->size + 2) * sizeof *bn);
    if (!bn)
        return NULL;
    for (int i = 0; i < c->nn; i++) {
        const pnode *x = &c->node[i];
        int leaf = x->left < 0;
        bn[i] = (pc_bnode){x->label, x->temp, x->headleft, x->left, x->right, leaf ? x->head : -1};
    }
    int nb = c->nn, root = s->top;
    if (s->size != 1 || (root >= 0 && c->node[root].temp)) {
        /* not a single constituent: everything on the stack under one FRAG */
        int cur = -1;
        for (int x = s->top; x >= 0; x = c->node[x].below) {
            if (cur < 0) {
                cur = x;
                continue;
            }
            bn[nb] = (pc_bnode){(int16_t)P->frag, 1, 0, x, cur, -1};
            cur = nb++;
        }
        if (cur >= 0 && cur >= c->nn)
            bn[cur].temp = 0;
        else if (cur >= 0) {
            bn[nb] = (pc_bnode){(int16_t)P->frag, 0, 0, cur, -1, -1};
            cur = nb++;
        }
        root = cur;
    }
    bt.node = bn;
    bt.n = nb;
    bt.n_words = c->n;
    bt.word = (const char **)words;
    bt.tag = (const char **)tags;
    return pc_unbinarize(&bt, root, &P->lab, words, tags, a);
}

static int in_vocab(const pc_parser *P, uint64_t h)
{
    size_t lo = 0, hi = P->n_vocab;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (P->vocab[mid] < h)
            lo = mid + 1;
        else if (P->vocab[mid] > h)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

/* The word as features see it: itself if frequent in training, else a class
 * of rare words by suffix and form (so that rare words share what they know). */
static uint64_t word_key(const pc_parser *P, const char *w)
{
    w = pc_model_form(w);
    uint64_t h = pc_hash_str(w);
    if (in_vocab(P, h))
        return h;
    unsigned fl = pc_word_flags(w) & (PC_W_UPPER1 | PC_W_ALLCAPS | PC_W_DIGIT | PC_W_HYPHEN);
    return pc_feat2(999, pc_hash_suffix(w, 2), fl);
}

static int tag_label(const pc_parser *P, const char *tag)
{
    int id = pc_labels_find(&P->lab, tag);
    return id >= 0 && !P->lab.phrase[id] ? id : P->unk_tag;
}

/* The dependency tree of n words as dwords: heads (out of range: none),
 * relations, and each word's subtree span, found bottom-up without recursion
 * (words on a cycle cover only themselves).  scratch: 3n ints. */
static void dep_words(const pc_pdeps *dep, int n, dword *d, int32_t *kids, int32_t *scratch)
{
    int32_t *first = scratch, *next = scratch + n, *order = scratch + 2 * (size_t)n;
    for (int i = 0; i < n; i++) {
        int32_t h = dep->head ? dep->head[i] : -1;
        d[i].head = h >= 0 && h < n && h != i ? h : -1;
        d[i].rel = pc_hash_str(dep->rel && dep->rel[i] ? dep->rel[i] : "_");
        d[i].lo = i;
        d[i].hi = i + 1;
        first[i] = -1;
    }
    for (int i = n - 1; i >= 0; i--)
        if (d[i].head >= 0) {
            next[i] = first[d[i].head];
            first[d[i].head] = i;
        }
    int32_t nk = 0;   /* the lists in word order, one after another */
    for (int i = 0; i < n; i++) {
        d[i].k0 = nk;
        for (int ch = first[i]; ch >= 0; ch = next[ch])
            kids[nk++] = ch;
        d[i].k1 = nk;
    }
    int no = 0;
    for (int i = 0; i < n; i++)
        if (d[i].head < 0)
            order[no++] = i;
    for (int j = 0; j < no; j++)   /* breadth first: every word once */
        for (int ch = first[order[j]]; ch >= 0; ch = next[ch])
            order[no++] = ch;
    for (int j = no - 1; j >= 0; j--) {
        int w = order[j], h = d[w].head;
        if (h < 0)
            continue;
        if (d[w].lo < d[h].lo)
            d[h].lo = d[w].lo;
        if (d[w].hi > d[h].hi)
            d[h].hi = d[w].hi;
    }
}

int pc_parser_guided(const pc_parser *p) { return p && p->guided; }

char *pc_parser_parse(const pc_parser *p, const char *const *words, const char *const *tags,
                      size_t n, int beam, pc_arena *a, pc_error *err)
{
    return pc_parser_parse_deps(p, words, tags, NULL, n, beam, a, err);
}

char *pc_parser_parse_deps(const pc_parser *p, const char *const *words, const char *const *tags,
                           const pc_pdeps *deps, size_t n, int beam, pc_arena *a, pc_error *err)
{
    if (!p || !a || !words || !tags || n == 0 || n > 100000) {
        pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL,
                     n == 0 ? "parse: no words" : "parse: bad arguments");
        return NULL;
    }
    if (beam < 1)
        beam = 1;
    if (beam > MAX_BEAM)
        beam = MAX_BEAM;
    int N = (int)n, steps = max_steps(N);
    uint64_t *wh = pc_arena_alloc(a, n * sizeof *wh);
    int16_t *tg = pc_arena_alloc(a, n * sizeof *tg);
    sctx c = {N, wh, tg, NULL, 0, steps * beam + 2, NULL, NULL};
    c.node = pc_arena_alloc(a, (size_t)c.cap * sizeof *c.node);
    beamctx b = {p, NULL, beam > 1 && p->has_beam ? &p->beam_model : &p->model, &c, NULL, 0, 0,
                 NULL, NULL, NULL};
    b.hist = pc_arena_alloc(a, ((size_t)steps * (size_t)beam + 2) * sizeof *b.hist);
    b.sc = pc_arena_alloc(a, (size_t)p->n_actions * sizeof *b.sc);
    b.ok = pc_arena_alloc(a, (size_t)p->n_actions);
    b.top = pc_arena_alloc(a, (size_t)beam * sizeof *b.top);
    int *cur = pc_arena_alloc(a, (size_t)beam * sizeof *cur);
    int *next = pc_arena_alloc(a, (size_t)beam * sizeof *next);
    dword *dw = deps ? pc_arena_alloc(a, n * sizeof *dw) : NULL;
    int32_t *kids = deps ? pc_arena_alloc(a, n * sizeof *kids) : NULL;
    int32_t *scratch = deps ? pc_arena_alloc(a, 3 * n * sizeof *scratch) : NULL;
    if (!wh || !tg || !c.node || !b.hist || !b.sc || !b.ok || !b.top || !cur || !next ||
        (deps && (!dw || !kids || !scratch))) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory parsing");
        return NULL;
    }
    if (deps) {
        dep_words(deps, N, dw, kids, scratch);
        c.dw = dw;
        c.kids = kids;
    }
    for (size_t i = 0; i < n; i++) {
        if (!words[i] || !tags[i]) {
            pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL, "parse: word %zu is NULL", i);
            return NULL;
        }
        wh[i] = word_key(p, words[i]);
        tg[i] = (int16_t)tag_label(p, tags[i]);
    }
    b.hist[0] = (pstate){-1, 0, 0, -1, -1, 0, 0};
    b.nh = 1;
    cur[0] = 0;
    int nb = 1, last = 0;
    for (int step = 0; step < steps; step++) {
        int all_done = 1;
        for (int i = 0; i < nb; i++)
            all_done &= b.hist[cur[i]].done;
        if (all_done)
            break;
        int nn = beam_step(&b, cur, nb, beam, next);
        if (nn == 0)
            break;   /* every state stuck: output the best one so far */
        memcpy(cur, next, (size_t)nn * sizeof *cur);
        nb = nn;
        last = cur[0];
    }
    /* the best finished state, else the best there is */
    int best = last;
    for (int i = 0; i < nb; i++)
        if (b.hist[cur[i]].done) {
            best = cur[i];
            break;
        }
    char *r = output(p, &c, &b.hist[best], words, tags, a);
    if (!r)
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory writing the tree");
    return r;
}

/* ------------------------------------------------------------ model file */

pc_status pc_parser_save(const pc_parser *p, const char *path, pc_error *err)
{
    pc_wbuf b = {0};
    pc_wbuf_u32(&b, (uint32_t)p->lab.n);
    for (int i = 0; i < p->lab.n; i++) {
        pc_wbuf_str(&b, p->lab.name[i]);
        pc_wbuf_u8(&b, p->lab.phrase[i]);
    }
    pc_wbuf_u32(&b, (uint32_t)p->unk_tag);
    pc_wbuf_u32(&b, (uint32_t)p->frag);
    pc_wbuf_u32(&b, (uint32_t)p->n_actions);
    pc_wbuf_u32(&b, (uint32_t)p->n_vocab);
    for (size_t i = 0; i < p->n_vocab; i++)
        pc_wbuf_u64(&b, p->vocab[i]);
    pc_wbuf_bytes(&b, p->allowed, (size_t)p->n_actions);
    pc_pmodel_write(&p->model, &b);
    pc_wbuf_u8(&b, (uint8_t)((p->has_beam ? F_BEAM : 0) | (p->guided ? F_GUIDED : 0)));
    if (p->has_beam)
        pc_pmodel_write(&p->beam_model, &b);
    pc_status st = pc_wbuf_save(&b, path, PARSER_MAGIC, PARSER_VERSION, err);
    pc_wbuf_free(&b);
    return st;
}

static void index_phrases(pc_parser *p)
{
    p->n_phrase = 0;
    for (int i = 0; i < PC_MAX_LABELS; i++)
        p->phrase_of[i] = -1;
    for (int i = 0; i < p->lab.n; i++)
        if (p->lab.phrase[i]) {
            p->phrase_of[i] = (int16_t)p->n_phrase;
            p->phrase_label[p->n_phrase++] = (int16_t)i;
        }
    p->n_actions = A_FIRST + K_N * p->n_phrase;
}

static pc_parser *load(const char *path, int with_beam, pc_error *err)
{
    pc_rbuf r;
    if (pc_rbuf_open(&r, path, PARSER_MAGIC, PARSER_VERSION, "parser", err) != PC_OK)
        return NULL;
    pc_parser *p = pc_calloc(1, sizeof *p);
    const char *why = "out of memory";
    if (!p)
        goto fail;
    why = "bad label table";
    uint32_t nl = pc_rbuf_u32(&r);
    if (r.bad || nl == 0 || nl > PC_MAX_LABELS)
        goto fail;
    p->lab.n = (int)nl;
    for (uint32_t i = 0; i < nl; i++) {
        if (pc_rbuf_str(&r, p->lab.name[i], PC_LABEL_LEN) != 0)
            goto fail;
        p->lab.phrase[i] = pc_rbuf_u8(&r);
    }
    uint32_t unk = pc_rbuf_u32(&r), frag = pc_rbuf_u32(&r), na = pc_rbuf_u32(&r);
    index_phrases(p);
    if (r.bad || unk >= nl || frag >= nl || !p->lab.phrase[frag] || (int)na != p->n_actions)
        goto fail;
    p->unk_tag = (int)unk;
    p->frag = (int)frag;
    why = "bad vocabulary";
    p->n_vocab = pc_rbuf_u32(&r);
    if (r.bad || p->n_vocab > (size_t)(r.end - r.p) / 8)
        goto fail;
    p->vocab = pc_malloc((p->n_vocab + 1) * sizeof *p->vocab);
    if (!p->vocab) {
        why = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < p->n_vocab; i++)
        p->vocab[i] = pc_rbuf_u64(&r);
    const void *al = pc_rbuf_take(&r, na);
    if (!al)
        goto fail;
    memcpy(p->allowed, al, na);
    why = "bad weights";
    int rc = pc_pmodel_read(&p->model, &r);
    if (rc == -2)
        why = "out of memory";
    if (rc != 0 || (int)p->model.n_classes != p->n_actions)
        goto fail;
    unsigned flags = pc_rbuf_u8(&r);
    if (r.bad || flags > (F_BEAM | F_GUIDED))
        goto fail;
    p->has_beam = (flags & F_BEAM) != 0;
    p->guided = (flags & F_GUIDED) != 0;
    if (p->has_beam && !with_beam) {
        uint32_t nc = 0;
        if (pc_pmodel_skip(&r, &nc) != 0 || (int)nc != p->n_actions)
            goto fail;
        p->has_beam = 0;
    } else if (p->has_beam) {
        rc = pc_pmodel_read(&p->beam_model, &r);
        if (rc == -2)
            why = "out of memory";
        if (rc != 0 || (int)p->beam_model.n_classes != p->n_actions)
            goto fail;
    }
    if (r.p != r.end) {
        why = "unexpected bytes after the weights";
        goto fail;
    }
    pc_rbuf_close(&r);
    return p;
fail:
    pc_error_set(err, strcmp(why, "out of memory") == 0 ? PC_ERR_NOMEM : PC_ERR_INPUT, path, 0,
                 NULL, "parser model is corrupt: %s", why);
    pc_rbuf_close(&r);
    pc_parser_free(p);
    return NULL;
}

pc_parser *pc_parser_load(const char *path, pc_error *err) { return load(path, 1, err); }

pc_parser *pc_parser_load_greedy(const char *path, pc_error *err) { return load(path, 0, err); }

void pc_parser_free(pc_parser *p)
{
    if (!p)
        return;
    pc_pmodel_free(&p->model);
    pc_pmodel_free(&p->beam_model);
    pc_free(p->vocab);
    pc_free(p);
}

/* ------------------------------------------------------------ training */

typedef struct gold {
    int n;             /* words */
    uint64_t *wh;
    int16_t *tg;
    dword *dw;         /* guided training: the dependency tree, else NULL */
    int32_t *kids;
    int16_t *act;      /* gold actions, FINISH last */
    int n_act;
} gold;

/* c set up to parse g's sentence from the start. */
static void start_sentence(sctx *c, const gold *g)
{
    c->n = g->n;
    c->wh = g->wh;
    c->tg = g->tg;
    c->dw = g->dw;
    c->kids = g->kids;
    c->nn = 0;
}

/* Gold actions of a binary tree: its nodes in post-order. */
static int oracle(const pc_parser *p, const pc_btree *bt, int16_t *act)
{
    int k = 0, sp = 0;
    int *st = pc_malloc(((size_t)bt->n * 2 + 2) * sizeof *st);
    if (!st)
        return -1;
    st[sp++] = (bt->n - 1) * 2;
    while (sp > 0) {
        int e = st[--sp];
        const pc_bnode *x = &bt->node[e / 2];
        if (x->word >= 0) {
            act[k++] = A_SHIFT;
            continue;
        }
        if (!(e & 1)) {
            st[sp++] = e | 1;
            if (x->right >= 0)
                st[sp++] = x->right * 2;
            st[sp++] = x->left * 2;
            continue;
        }
        int ph = p->phrase_of[x->label], kind;
        if (x->right < 0)
            kind = K_UNARY;
        else if (x->temp)
            kind = x->headleft ? K_TMP_L : K_TMP_R;
        else
            kind = x->headleft ? K_BIN_L : K_BIN_R;
        act[k++] = (int16_t)make_act(ph, kind);
    }
    act[k++] = A_FINISH;
    pc_free(st);
    return k;
}

/* ------------------------------------------------------------ dynamic oracle */

/* A gold constituent: its words [start, end) and label; unary chains appear
 * bottom-up (in the order the gold actions build them). */
typedef struct gspan {
    int32_t start, end, head;
    int16_t label;
} gspan;

/* The gold constituents of g, by replaying its actions in c. */
static int gold_spans(const pc_parser *P, sctx *c, const gold *g, gspan *out)
{
    pstate s = {-1, 0, 0, -1, -1, 0, 0};
    c->nn = 0;
    int k = 0;
    for (int t = 0; t < g->n_act; t++) {
        int a = g->act[t];
        s = apply(P, c, &s, a);
        if (a >= A_FIRST && !c->node[s.top].temp)
            out[k++] = (gspan){c->node[s.top].start, c->node[s.top].end, c->node[s.top].head,
                                c->node[s.top].label};
    }
    c->nn = 0;
    return k;
}

static int try_opt(const pc_parser *P, const sctx *c, const pstate *s, int a, uint8_t *opt)
{
    if (a < 0 || a >= P->n_actions || !P->allowed[a] || !legal(P, c, s, a))
        return 0;
    opt[a] = 1;
    return 1;
}

/* Every legal binary reduction into opt: where none loses anything */
static int any_reduction(const pc_parser *P, const sctx *c, const pstate *s, uint8_t *opt)
{
    int k = 0;
    for (int a = A_FIRST; a < P->n_actions; a++)
        if (act_kind(a) != K_UNARY)
            k += try_opt(P, c, s, a, opt);
    return k;
}

/* The actions from state s that lose no gold constituent still within reach
 * (a dynamic oracle: Goldberg & Nivre 2012; for spans, Cross & Huang 2016).
 * Reachable: a gold span not yet built whose start is the start of a stack
 * item (or a word not yet shifted).  Sets opt[a] = 1 for each; returns how
 * many (0: every legal action is as good). */
static int dyn_oracle(const pc_parser *P, const sctx *c, const pstate *s, const gspan *gs,
                      int ngs, uint8_t *opt, uint8_t *isstart)
{
    const pnode *N = c->node;
    int n = c->n, b = s->buf, s0 = s->top, s1 = s0 >= 0 ? N[s0].below : -1;
    memset(opt, 0, (size_t)P->n_actions);
    if (s0 < 0)
        return try_opt(P, c, s, A_SHIFT, opt);
    int a0 = N[s0].start;
    /* a gold label of s0's own span not yet in its unary chain */
    if (!N[s0].temp) {
        for (int i = 0; i < ngs; i++) {
            if (gs[i].start != a0 || gs[i].end != b)
                continue;
            int have = 0;
            for (int x = s0; x >= 0 && !have; x = N[x].right < 0 ? N[x].left : -1)
                have = N[x].label == gs[i].label && N[x].left >= 0;
            if (!have && P->phrase_of[gs[i].label] >= 0 &&
                try_opt(P, c, s, make_act(P->phrase_of[gs[i].label], K_UNARY), opt))
                return 1;
        }
    }
    if (b >= n && s->size == 1)
        return try_opt(P, c, s, A_FINISH, opt);
    memset(isstart, 0, (size_t)n + 1);
    for (int x = s0; x >= 0; x = N[x].below)
        isstart[N[x].start] = 1;
    /* the smallest reachable gold span strictly containing s0 */
    int gi = -1;
    for (int i = 0; i < ngs; i++) {
        const gspan *g = &gs[i];
        if (g->start > a0 || g->end < b || g->end - g->start <= b - a0 || !isstart[g->start])
            continue;
        if (gi < 0 || g->end - g->start < gs[gi].end - gs[gi].start)
            gi = i;
    }
    int a1 = s1 >= 0 ? N[s1].start : -1, k = 0;
    if (gi < 0) {
        /* nothing reachable holds s0: shifting or any reduction costs nothing */
        k += try_opt(P, c, s, A_SHIFT, opt);
        return s1 >= 0 ? k + any_reduction(P, c, s, opt) : k;
    }
    const gspan *g = &gs[gi];
    int with_s1 = s1 >= 0 && g->start <= a1;
    /* the binarized gold grows a constituent outward from its head: s1 and
     * s0 join when one of them holds the head of g */
    int head_here = g->head >= a1 && g->head < b;
    /* the head takes its left siblings first, as pc_binarize does: shift
     * only when s1 and s0 cannot join yet */
    if (b < n && g->end > b && !(with_s1 && head_here))
        k += try_opt(P, c, s, A_SHIFT, opt);
    if (with_s1 && head_here) {
        int ph = P->phrase_of[g->label], hl = g->head < a0;
        if (ph >= 0) {
            int whole = g->start == a1 && g->end == b;
            int kind = whole ? (hl ? K_BIN_L : K_BIN_R) : (hl ? K_TMP_L : K_TMP_R);
            k += try_opt(P, c, s, make_act(ph, kind), opt);
        }
    } else if (with_s1 && k == 0) {
        /* g is lost (its head is out of reach): any reduction */
        k += any_reduction(P, c, s, opt);
    }
    return k;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Words seen at least twice: the rest are rare in training and at parse time
 * alike, and share their word_key class. */
static int build_vocab(pc_parser *P, const pc_btree *bts, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += (size_t)bts[i].n_words;
    uint64_t *h = pc_malloc((total + 1) * sizeof *h);
    P->vocab = pc_malloc((total + 1) * sizeof *P->vocab);
    if (!h || !P->vocab) {
        pc_free(h);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (int j = 0; j < bts[i].n_words; j++)
            h[k++] = pc_hash_str(pc_model_form(bts[i].word[j]));
    qsort(h, k, sizeof *h, cmp_u64);
    P->n_vocab = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && h[j] == h[i])
            j++;
        if (j - i >= 2)
            P->vocab[P->n_vocab++] = h[i];
        i = j;
    }
    pc_free(h);
    return 0;
}

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return pc_mix64(*s);
}

/* Replay actions[0..n) from the start, adding delta * features to each. */
static int replay_update(const pc_parser *P, pc_ptrain *tr, sctx *c, const int16_t *acts, int n,
                         float delta)
{
    uint64_t f[MAX_FEAT];
    pstate s = {-1, 0, 0, -1, -1, 0, 0};
    c->nn = 0;
    for (int i = 0; i < n; i++) {
        size_t nf = features(c, &s, f);
        if (pc_ptrain_update(tr, f, nf, (uint32_t)acts[i], delta) != 0)
            return -1;
        s = apply(P, c, &s, acts[i]);
    }
    return 0;
}

/* One sentence of beam training with the max-violation update (Huang et al.
 * 2012): search to the end while following the gold sequence alongside, and
 * update at the step where the best beam state beats gold by the most.
 * Returns 1 if gold was never beaten, 0 if updated, -1 on OOM. */
static int train_beam(const pc_parser *P, pc_ptrain *tr, const gold *g, int k, beamctx *b, int *cur,
                      int *next, int16_t *pred, int16_t *gpred)
{
    sctx *c = b->c;
    start_sentence(c, g);
    b->nh = 1;
    b->hist[0] = (pstate){-1, 0, 0, -1, -1, 0, 0};
    cur[0] = 0;
    int nb = 1, gstate = 0, gb = 0, t = 0;
    double maxv = 0;
    int vbest = -1, vgold = -1;
    int limit = max_steps(g->n);
    for (int step = 0; step < limit; step++) {
        int all_done = b->hist[gstate].done;
        for (int i = 0; i < nb; i++)
            all_done &= b->hist[cur[i]].done;
        if (all_done)
            break;
        int nn = beam_step(b, cur, nb, k, next);
        if (nn == 0)
            break;
        /* gold follows its own sequence, scored by the same weights; gb is
         * its copy in the beam while it survives there */
        int ga = !b->hist[gstate].done && t < g->n_act ? g->act[t] : -1;
        if (gb >= 0) {
            int found = -1;
            for (int j = 0; j < nn && found < 0; j++) {
                const pstate *x = &b->hist[next[j]];
                if (ga < 0 ? next[j] == gb : (x->prev == gb && x->act == ga))
                    found = next[j];
            }
            gb = found;
        }
        if (ga >= 0) {
            t++;
            score_actions(P, tr, NULL, c, &b->hist[gstate], b->sc, b->ok);
            pstate r = apply(P, c, &b->hist[gstate], ga);
            r.prev = gstate;
            r.score = b->hist[gstate].score + b->sc[ga];
            b->hist[b->nh] = r;
            gstate = b->nh++;
        }
        double v = b->hist[next[0]].score - b->hist[gstate].score;
        if (next[0] != gb && v >= 0 && (vbest < 0 || v > maxv)) {
            maxv = v;
            vbest = next[0];
            vgold = gstate;
        }
        memcpy(cur, next, (size_t)nn * sizeof *cur);
        nb = nn;
    }
    if (vbest < 0)
        return 1;
    int np = 0, ng = 0;
    for (int h = vbest; h > 0; h = b->hist[h].prev)
        if (b->hist[h].act >= 0)
            np++;
    for (int h = vgold; h > 0; h = b->hist[h].prev)
        if (b->hist[h].act >= 0)
            ng++;
    int i = np;
    for (int h = vbest; h > 0; h = b->hist[h].prev)
        if (b->hist[h].act >= 0)
            pred[--i] = b->hist[h].act;
    i = ng;
    for (int h = vgold; h > 0; h = b->hist[h].prev)
        if (b->hist[h].act >= 0)
            gpred[--i] = b->hist[h].act;
    if (replay_update(P, tr, c, gpred, ng, 1.0f) != 0 ||
        replay_update(P, tr, c, pred, np, -1.0f) != 0)
        return -1;
    return 0;
}

/* Training: the features of s into f (their number into *nf), the trainer's
 * scores into sc, and the best legal action (-1 if none). */
static int train_best(const pc_parser *P, const pc_ptrain *tr, const sctx *c, const pstate *s,
                      uint64_t *f, size_t *nf, float *sc)
{
    *nf = features(c, s, f);
    memset(sc, 0, (size_t)P->n_actions * sizeof *sc);
    pc_ptrain_score(tr, f, *nf, sc);
    int best = -1;
    for (int a = 0; a < P->n_actions; a++)
        if (P->allowed[a] && legal(P, c, s, a) && (best < 0 || sc[a] > sc[best]))
            best = a;
    return best;
}

/* One sentence of greedy training with exploration: at each step the best
 * legal action is compared with the dynamic oracle's; a wrong one updates
 * toward the best-scoring optimal action, and the parser goes on from its own
 * mistake, so that it learns what to do after one (Goldberg & Nivre 2012:
 * following the model's action always was best here, against 90% of the time). */
static int train_explore(const pc_parser *P, pc_ptrain *tr, const gold *g, sctx *c, beamctx *b,
                         gspan *gs, uint8_t *opt, uint8_t *isstart, size_t *right, size_t *all)
{
    uint64_t f[MAX_FEAT];
    int ngs = gold_spans(P, c, g, gs);
    pstate s = {-1, 0, 0, -1, -1, 0, 0};
    int limit = max_steps(g->n);
    for (int t = 0; t < limit && !s.done; t++) {
        size_t nf;
        int best = train_best(P, tr, c, &s, f, &nf, b->sc);
        if (best < 0)
            break;
        int no = dyn_oracle(P, c, &s, gs, ngs, opt, isstart);
        if (no > 0 && !opt[best]) {
            int ga = -1;
            for (int a = 0; a < P->n_actions; a++)
                if (opt[a] && (ga < 0 || b->sc[a] > b->sc[ga]))
                    ga = a;
            if (pc_ptrain_update(tr, f, nf, (uint32_t)ga, 1.0f) != 0 ||
                pc_ptrain_update(tr, f, nf, (uint32_t)best, -1.0f) != 0)
                return -1;
        } else {
            (*right)++;
        }
        (*all)++;
        pc_ptrain_tick(tr);
        s = apply(P, c, &s, best);
    }
    return 0;
}

/* Train one set of weights: beam k (1: greedy, static oracle, or dynamic from
 * epoch o->explore) into out.  stage numbers the progress lines. */
static int train_weights(const pc_parser *P, const gold *G, size_t ng, size_t *order, int maxw,
                         int k, const pc_parser_opts *o, int stage, pc_pmodel *out)
{
    pc_ptrain *tr = pc_ptrain_new((uint32_t)P->n_actions);
    if (!tr)
        return -1;
    int steps = max_steps(maxw);
    sctx c = {0, NULL, NULL, NULL, 0, steps * (k + 1) + 2, NULL, NULL};
    c.node = pc_malloc((size_t)c.cap * sizeof *c.node);
    beamctx b = {P, tr, NULL, &c, NULL, 0, 0, NULL, NULL, NULL};
    b.hist = pc_malloc(((size_t)steps * (size_t)(k + 1) + 2) * sizeof *b.hist);
    b.sc = pc_malloc((size_t)P->n_actions * sizeof *b.sc);
    b.ok = pc_malloc((size_t)P->n_actions);
    b.top = pc_malloc((size_t)k * sizeof *b.top);
    int *cur = pc_malloc((size_t)k * sizeof *cur), *next = pc_malloc((size_t)k * sizeof *next);
    int16_t *pred = pc_malloc(((size_t)steps + 2) * sizeof *pred);
    int16_t *gpred = pc_malloc(((size_t)steps + 2) * sizeof *gpred);
    int ok_alloc = c.node && b.hist && b.sc && b.ok && b.top && cur && next && pred && gpred;
    uint64_t rs = o->seed + (uint64_t)stage * 7919;
    /* greedy training explores from epoch o->explore (1-based) on */
    int explore_from = k == 1 && o->explore > 0 ? o->explore - 1 : o->epochs;
    gspan *gs = pc_malloc(((size_t)steps + 2) * sizeof *gs);
    uint8_t *opt = pc_malloc((size_t)P->n_actions);
    uint8_t *isstart = pc_malloc((size_t)maxw + 2);
    ok_alloc = ok_alloc && gs && opt && isstart;
    for (size_t i = 0; i < ng; i++)
        order[i] = i;
    uint64_t f[MAX_FEAT];
    for (int ep = 0; ok_alloc && ep < o->epochs; ep++) {
        for (size_t i = ng; i > 1; i--) {
            size_t j = (size_t)(rng_next(&rs) % i);
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        size_t right = 0, all = 0;
        for (size_t oi = 0; oi < ng && ok_alloc; oi++) {
            const gold *g = &G[order[oi]];
            if (k > 1) {
                int r = train_beam(P, tr, g, k, &b, cur, next, pred, gpred);
                if (r < 0)
                    ok_alloc = 0;
                right += r == 1;
                all++;
                pc_ptrain_tick(tr);
                continue;
            }
            start_sentence(&c, g);
            if (ep >= explore_from) {
                int r = train_explore(P, tr, g, &c, &b, gs, opt, isstart, &right, &all);
                if (r < 0)
                    ok_alloc = 0;
                continue;
            }
            pstate s = {-1, 0, 0, -1, -1, 0, 0};
            for (int t = 0; t < g->n_act; t++) {
                size_t nf;
                int best = train_best(P, tr, &c, &s, f, &nf, b.sc);
                int ga = g->act[t];
                if (best != ga) {
                    if (pc_ptrain_update(tr, f, nf, (uint32_t)ga, 1.0f) != 0 ||
                        (best >= 0 && pc_ptrain_update(tr, f, nf, (uint32_t)best, -1.0f) != 0)) {
                        ok_alloc = 0;
                        break;
                    }
                } else {
                    right++;
                }
                all++;
                pc_ptrain_tick(tr);
                s = apply(P, &c, &s, ga);
            }
        }
        if (ok_alloc && o->progress)
            o->progress(o->ud, ep + 1 + (stage - 1) * o->epochs,
                        all ? (double)right / (double)all : 0);
    }
    pc_free(c.node);
    pc_free(b.hist);
    pc_free(b.sc);
    pc_free(b.ok);
    pc_free(b.top);
    pc_free(cur);
    pc_free(next);
    pc_free(pred);
    pc_free(gpred);
    pc_free(gs);
    pc_free(opt);
    pc_free(isstart);
    int rc = ok_alloc ? pc_ptrain_export(tr, o->prune, out) : -1;
    pc_ptrain_free(tr);
    return rc;
}

pc_parser *pc_parser_train(const pc_ptree *trees, size_t n, const pc_parser_opts *o,
                           pc_error *err)
{
    pc_parser_opts def = {10, 1, 1, 0.05f, NULL, 0, NULL, NULL, 0, NULL};
    if (!o)
        o = &def;
    pc_parser *P = pc_calloc(1, sizeof *P);
    pc_arena *a = pc_arena_new(1 << 22);
    gold *G = pc_calloc(n + 1, sizeof *G);
    size_t *order = pc_malloc((n + 1) * sizeof *order);
    pc_tagger *taggers[PC_PARSER_MAX_FOLDS] = {NULL};
    size_t ntaggers = 0; /* loaded */
    pc_btree *bts = pc_calloc(n + 1, sizeof *bts);
    size_t *src = pc_malloc((n + 1) * sizeof *src);   /* bts[i] is trees[src[i]] */
    int32_t *scratch = NULL;
    int k = o->beam < 1 ? 1 : o->beam > MAX_BEAM ? MAX_BEAM : o->beam;
    if (!P || !a || !G || !order || !bts || !src)
        goto oom;
    if (o->n_taggers > PC_PARSER_MAX_FOLDS) {
        pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL, "at most %d taggers (folds)",
                     PC_PARSER_MAX_FOLDS);
        goto fail;
    }
    for (; ntaggers < o->n_taggers; ntaggers++)
        if (!(taggers[ntaggers] = pc_tagger_load(o->tagger_paths[ntaggers], err)))
            goto fail;
    /* binarize everything first: the label table must be complete before
     * actions are numbered */
    int maxw = 1;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) {
        pc_error e1;
        if (pc_binarize(&trees[i], &P->lab, a, &bts[ng], &e1) != 0) {
            if (e1.code == PC_ERR_NOMEM)
                goto oom;
            continue;   /* an empty tree: skipped */
        }
        if (o->deps && o->deps[i].n != (size_t)bts[ng].n_words) {
            pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL,
                         "tree %zu has %d words but its dependency tree %zu", i + 1,
                         bts[ng].n_words, o->deps[i].n);
            goto fail;
        }
        if (bts[ng].n_words > maxw)
            maxw = bts[ng].n_words;
        src[ng++] = i;
    }
    P->guided = o->deps != NULL;
    if (P->guided && !(scratch = pc_malloc(3 * ((size_t)maxw + 1) * sizeof *scratch)))
        goto oom;
    if (ng == 0) {
        pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL, "no usable training trees");
        goto fail;
    }
    int unk = pc_labels_add(&P->lab, "-UNKNOWN-TAG-");
    int frag = pc_labels_add(&P->lab, "FRAG");
    if (unk < 0 || frag < 0) {
        pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL, "too many labels");
        goto fail;
    }
    P->lab.phrase[frag] = 1;
    P->unk_tag = unk;
    P->frag = frag;
    index_phrases(P);
    if (build_vocab(P, bts, ng) != 0)
        goto oom;
    for (size_t i = 0; i < ng; i++) {
        gold *g = &G[i];
        int nw = bts[i].n_words;
        g->n = nw;
        g->wh = pc_arena_alloc(a, (size_t)nw * sizeof *g->wh);
        g->tg = pc_arena_alloc(a, (size_t)nw * sizeof *g->tg);
        g->act = pc_arena_alloc(a, ((size_t)bts[i].n + 2) * sizeof *g->act);
        if (!g->wh || !g->tg || !g->act)
            goto oom;
        const char **tags = bts[i].tag;
        const char *tbuf[4096];
        /* one tagger: fold 0 for every tree */
        const pc_tagger *tg =
            taggers[pc_fold_of(bts[i].word, (size_t)nw, (unsigned)o->n_taggers)];
        if (tg && nw <= 4096 && pc_tagger_tag(tg, bts[i].word, (size_t)nw, tbuf) == 0)
            tags = tbuf;
        for (int j = 0; j < nw; j++) {
            g->wh[j] = word_key(P, bts[i].word[j]);
            g->tg[j] = (int16_t)tag_label(P, tags[j]);
        }
        if (P->guided) {
            const pc_tsent *d = &o->deps[src[i]];
            pc_pdeps pd = {d->head, d->rel};
            g->dw = pc_arena_alloc(a, (size_t)nw * sizeof *g->dw);
            g->kids = pc_arena_alloc(a, (size_t)nw * sizeof *g->kids);
            if (!g->dw || !g->kids)
                goto oom;
            dep_words(&pd, nw, g->dw, g->kids, scratch);
        }
        g->n_act = oracle(P, &bts[i], g->act);
        if (g->n_act < 0)
            goto oom;
        for (int j = 0; j < g->n_act; j++)
            P->allowed[g->act[j]] = 1;
        order[i] = i;
    }
    P->allowed[A_FINISH] = P->allowed[A_SHIFT] = 1;
    if (P->n_actions > PC_PMODEL_MAX_CLASSES) {
        pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL,
                     "too many phrase labels (%d): at most %d", P->n_phrase,
                     (PC_PMODEL_MAX_CLASSES - A_FIRST) / K_N);
        goto fail;
    }
    /* greedy weights always; beam weights too when asked for */
    if (train_weights(P, G, ng, order, maxw, 1, o, 1, &P->model) != 0)
        goto oom;
    if (k > 1) {
        if (train_weights(P, G, ng, order, maxw, k, o, 2, &P->beam_model) != 0)
            goto oom;
        P->has_beam = 1;
    }
    goto done;
oom:
    pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory training the parser");
fail:
    pc_parser_free(P);
    P = NULL;
done:
    for (size_t t = 0; t < ntaggers; t++)
        pc_tagger_free(taggers[t]);
    pc_free(G);
    pc_free(order);
    pc_free(bts);
    pc_free(src);
    pc_free(scratch);
    pc_arena_free(a);
    return P;
}
