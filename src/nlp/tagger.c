/* tagger.c -- see tagger.h. */
#include "nlp/tagger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/features.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"
#include "nlp/ptb_read.h"
#include "util/error.h"
#include "util/alloc.h"

#define TAGGER_MAGIC "PCTAGGER"
#define TAGGER_VERSION 3u
#define MAX_TAGS 250
#define TAG_LEN 16
#define NFEAT 64
#define TAG_NONE 255    /* "no tag": before the sentence */

typedef struct wordkv {
    uint64_t key;
    uint32_t tag;
} wordkv;

/* A word's ambiguity class: the set of tags it had in training (bit tag % 64). */
typedef struct ambkv {
    uint64_t key;
    uint64_t mask;
} ambkv;

struct pc_tagger {
    size_t n_tags;
    char tag[MAX_TAGS][TAG_LEN];
    pc_pmodel model;       /* pass 1: left to right */
    pc_pmodel model2;      /* pass 2: also sees pass 1's tags to the right */
    uint64_t *actor;       /* sorted hashes of upper-cased actor-name words */
    size_t n_actor;
    wordkv *fixed;         /* sorted: frequent words with one tag */
    size_t n_fixed;
    ambkv *amb;            /* sorted: frequent (lower-cased) words' tag sets */
    size_t n_amb;
};

/* Per-token values, computed once a sentence. */
typedef struct tok {
    uint64_t lw, suf1, suf2, suf3, suf4, pre1, pre2, pre3, shape, w;
    uint64_t amb;   /* ambiguity class, 0 if the word is rare or unknown */
    unsigned flags;
    int actor;
} tok;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int in_sorted(const uint64_t *v, size_t n, uint64_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < k)
            lo = mid + 1;
        else if (v[mid] > k)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

static int fixed_tag(const pc_tagger *t, uint64_t k)
{
    size_t lo = 0, hi = t->n_fixed;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->fixed[mid].key < k)
            lo = mid + 1;
        else if (t->fixed[mid].key > k)
            hi = mid;
        else
            return (int)t->fixed[mid].tag;
    }
    return -1;
}

static uint64_t amb_of(const pc_tagger *t, uint64_t k)
{
    size_t lo = 0, hi = t->n_amb;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->amb[mid].key < k)
            lo = mid + 1;
        else if (t->amb[mid].key > k)
            hi = mid;
        else
            return t->amb[mid].mask;
    }
    return 0;
}

static void fill_tok(const pc_tagger *t, const char *w, tok *k)
{
    k->w = pc_hash_str(w);
    k->lw = pc_hash_lower(w);
    k->suf1 = pc_hash_suffix(w, 1);
    k->suf2 = pc_hash_suffix(w, 2);
    k->suf3 = pc_hash_suffix(w, 3);
    k->suf4 = pc_hash_suffix(w, 4);
    k->pre1 = pc_hash_prefix(w, 1);
    k->pre2 = pc_hash_prefix(w, 2);
    k->pre3 = pc_hash_prefix(w, 3);
    k->shape = pc_hash_shape(w);
    k->flags = pc_word_flags(w);
    k->actor = t->n_actor && in_sorted(t->actor, t->n_actor, pc_hash_upper(w));
    k->amb = amb_of(t, k->lw);
}

/* The features of token i given the two previous tags. */
/* r: pass 1's tags (pass 2 only), else NULL. */
static size_t features(const tok *k, size_t n, size_t i, unsigned p1, unsigned p2,
                       const unsigned *r, uint64_t *f)
{
    static const tok none = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0};
    const tok *c = &k[i];
    const tok *m1 = i >= 1 ? &k[i - 1] : &none, *m2 = i >= 2 ? &k[i - 2] : &none;
    const tok *n1 = i + 1 < n ? &k[i + 1] : &none, *n2 = i + 2 < n ? &k[i + 2] : &none;
    size_t j = 0;
    f[j++] = pc_feat1(0, 0);
    f[j++] = pc_feat1(1, c->lw);
    f[j++] = pc_feat1(2, c->suf3);
    f[j++] = pc_feat1(3, c->suf2);
    f[j++] = pc_feat1(4, c->pre1);
    f[j++] = pc_feat1(5, p1);
    f[j++] = pc_feat1(6, p2);
    f[j++] = pc_feat2(7, p1, p2);
    f[j++] = pc_feat2(8, p1, c->lw);
    f[j++] = pc_feat1(9, m1->lw);
    f[j++] = pc_feat1(10, m1->suf3);
    f[j++] = pc_feat1(11, n1->lw);
    f[j++] = pc_feat1(12, n1->suf3);
    f[j++] = pc_feat1(13, m2->lw);
    f[j++] = pc_feat1(14, n2->lw);
    f[j++] = pc_feat1(15, c->shape);
    f[j++] = pc_feat1(16, c->flags);
    f[j++] = pc_feat2(17, (uint64_t)c->actor, c->flags & (PC_W_UPPER1 | PC_W_ALLCAPS));
    f[j++] = pc_feat1(18, c->suf4);
    f[j++] = pc_feat1(19, c->pre3);
    f[j++] = pc_feat1(20, c->w);
    f[j++] = pc_feat2(21, c->lw, n1->lw);
    f[j++] = pc_feat2(22, m1->lw, c->lw);
    f[j++] = pc_feat2(23, p1, c->suf3);
    f[j++] = pc_feat1(24, n1->shape);
    f[j++] = pc_feat2(25, i == 0, c->flags & PC_W_UPPER1);
    f[j++] = pc_feat1(26, c->suf1);
    f[j++] = pc_feat2(27, p1, n1->lw);
    f[j++] = pc_feat1(28, c->pre2);
    f[j++] = pc_feat1(29, m1->shape);
    f[j++] = pc_feat2(30, n1->suf3, n2->suf3);
    f[j++] = pc_feat2(31, c->shape, (uint64_t)c->actor + 2 * (uint64_t)n1->actor);
    f[j++] = pc_feat2(32, p1, n1->flags);
    f[j++] = pc_feat2(33, m1->lw, n1->lw);
    f[j++] = pc_feat2(34, p2, c->lw);
    f[j++] = pc_feat2(35, c->lw, n1->suf3);
    f[j++] = pc_feat2(36, m1->suf3, c->suf3);
    f[j++] = pc_feat2(37, c->shape, n1->shape);
    /* ambiguity classes: what the next words can be, which a left-to-right
     * tagger cannot otherwise see */
    f[j++] = pc_feat1(38, c->amb);
    f[j++] = pc_feat1(39, n1->amb);
    f[j++] = pc_feat2(40, c->amb, n1->amb);
    f[j++] = pc_feat2(41, p1, n1->amb);
    f[j++] = pc_feat1(42, n2->amb);
    f[j++] = pc_feat2(43, c->lw, n1->amb);
    if (r) {
        unsigned r1 = i + 1 < n ? r[i + 1] : TAG_NONE, r2 = i + 2 < n ? r[i + 2] : TAG_NONE;
        f[j++] = pc_feat1(50, r1);
        f[j++] = pc_feat2(51, r1, r2);
        f[j++] = pc_feat2(52, p1, r1);
        f[j++] = pc_feat2(53, c->lw, r1);
        f[j++] = pc_feat2(54, r1, n1->lw);
        f[j++] = pc_feat2(55, c->suf3, r1);
        f[j++] = pc_feat1(56, r[i]);
        f[j++] = pc_feat3(57, p1, r[i], r1);
    }
    return j;
}

static size_t argmax(const float *s, size_t n)
{
    size_t b = 0;
    for (size_t i = 1; i < n; i++)
        if (s[i] > s[b])
            b = i;
    return b;
}

/* Tag one sentence into ids, scored by the trainer tr (while training) or
 * the model m; r: pass 1's tags for pass 2, else NULL. */
static void tag_ids(const pc_tagger *t, const pc_ptrain *tr, const pc_pmodel *m, const tok *k,
                    size_t n, const unsigned *r, unsigned *out)
{
    uint64_t f[NFEAT];
    float sc[MAX_TAGS];
    unsigned p1 = TAG_NONE, p2 = TAG_NONE;
    for (size_t i = 0; i < n; i++) {
        int fx = tr ? -1 : fixed_tag(t, k[i].w);
        unsigned best;
        if (fx >= 0) {
            best = (unsigned)fx;
        } else {
            size_t nf = features(k, n, i, p1, p2, r, f);
            memset(sc, 0, t->n_tags * sizeof *sc);
            if (tr)
                pc_ptrain_score(tr, f, nf, sc);
            else
                pc_pmodel_score(m, f, nf, sc);
            best = (unsigned)argmax(sc, t->n_tags);
        }
        out[i] = best;
        p2 = p1;
        p1 = best;
    }
}

int pc_tagger_tag(const pc_tagger *t, const char *const *words, size_t n, const char **tags)
{
    if (!t || (n && (!words || !tags)))
        return -1;
    if (n == 0)
        return 0;
    tok kbuf[128];
    unsigned ibuf[256];
    tok *k = n <= 128 ? kbuf : pc_malloc(n * sizeof *k);
    unsigned *ids = n <= 128 ? ibuf : pc_malloc(2 * n * sizeof *ids);
    if (!k || !ids) {
        if (k != kbuf)
            pc_free(k);
        if (ids != ibuf)
            pc_free(ids);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        fill_tok(t, words[i] ? pc_model_form(words[i]) : "", &k[i]);
    tag_ids(t, NULL, &t->model, k, n, NULL, ids);
    tag_ids(t, NULL, &t->model2, k, n, ids, ids + n);
    for (size_t i = 0; i < n; i++)
        tags[i] = t->tag[ids[n + i]];
    if (k != kbuf)
        pc_free(k);
    if (ids != ibuf)
        pc_free(ids);
    return 0;
}

size_t pc_tagger_ntags(const pc_tagger *t) { return t->n_tags; }
const char *pc_tagger_tagname(const pc_tagger *t, size_t i) { return i < t->n_tags ? t->tag[i] : NULL; }

void pc_tagger_free(pc_tagger *t)
{
    if (!t)
        return;
    pc_pmodel_free(&t->model);
    pc_pmodel_free(&t->model2);
    pc_free(t->actor);
    pc_free(t->fixed);
    pc_free(t->amb);
    pc_free(t);
}

/* ------------------------------------------------------------ model file */

/* payload: u32 tags, tags as strings; u32 actor words, u64 each; u32 fixed
 * words, (u64 key, u8 tag) each; u32 ambiguity classes, (u64 key, u64 mask)
 * each; the two perceptrons (pass 1, pass 2). */
pc_status pc_tagger_save(const pc_tagger *t, const char *path, pc_error *err)
{
    pc_wbuf b = {0};
    pc_wbuf_u32(&b, (uint32_t)t->n_tags);
    for (size_t i = 0; i < t->n_tags; i++)
        pc_wbuf_str(&b, t->tag[i]);
    pc_wbuf_u32(&b, (uint32_t)t->n_actor);
    for (size_t i = 0; i < t->n_actor; i++)
        pc_wbuf_u64(&b, t->actor[i]);
    pc_wbuf_u32(&b, (uint32_t)t->n_fixed);
    for (size_t i = 0; i < t->n_fixed; i++) {
        pc_wbuf_u64(&b, t->fixed[i].key);
        pc_wbuf_u8(&b, (uint8_t)t->fixed[i].tag);
    }
    pc_wbuf_u32(&b, (uint32_t)t->n_amb);
    for (size_t i = 0; i < t->n_amb; i++) {
        pc_wbuf_u64(&b, t->amb[i].key);
        pc_wbuf_u64(&b, t->amb[i].mask);
    }
    pc_pmodel_write(&t->model, &b);
    pc_pmodel_write(&t->model2, &b);
    pc_status st = pc_wbuf_save(&b, path, TAGGER_MAGIC, TAGGER_VERSION, err);
    pc_wbuf_free(&b);
    return st;
}

pc_tagger *pc_tagger_load(const char *path, pc_error *err)
{
    pc_rbuf r;
    if (pc_rbuf_open(&r, path, TAGGER_MAGIC, TAGGER_VERSION, "tagger", err) != PC_OK)
        return NULL;
    pc_tagger *t = pc_calloc(1, sizeof *t);
    const char *why = "out of memory";
    if (!t)
        goto fail;
    why = "bad tag list";
    t->n_tags = pc_rbuf_u32(&r);
    if (r.bad || t->n_tags == 0 || t->n_tags > MAX_TAGS)
        goto fail;
    for (size_t i = 0; i < t->n_tags; i++)
        if (pc_rbuf_str(&r, t->tag[i], TAG_LEN) != 0)
            goto fail;
    why = "bad actor word list";
    t->n_actor = pc_rbuf_u32(&r);
    if (r.bad || t->n_actor > (size_t)(r.end - r.p) / 8)
        goto fail;
    t->actor = pc_malloc((t->n_actor + 1) * sizeof *t->actor);
    if (!t->actor) {
        why = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < t->n_actor; i++)
        t->actor[i] = pc_rbuf_u64(&r);
    why = "bad word list";
    t->n_fixed = pc_rbuf_u32(&r);
    if (r.bad || t->n_fixed > (size_t)(r.end - r.p) / 9)
        goto fail;
    t->fixed = pc_malloc((t->n_fixed + 1) * sizeof *t->fixed);
    if (!t->fixed) {
        why = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < t->n_fixed; i++) {
        t->fixed[i].key = pc_rbuf_u64(&r);
        t->fixed[i].tag = pc_rbuf_u8(&r);
        if (t->fixed[i].tag >= t->n_tags)
            goto fail;
    }
    why = "bad ambiguity classes";
    t->n_amb = pc_rbuf_u32(&r);
    if (r.bad || t->n_amb > (size_t)(r.end - r.p) / 16)
        goto fail;
    t->amb = pc_malloc((t->n_amb + 1) * sizeof *t->amb);
    if (!t->amb) {
        why = "out of memory";
        goto fail;
    }
    for (size_t i = 0; i < t->n_amb; i++) {
        t->amb[i].key = pc_rbuf_u64(&r);
        t->amb[i].mask = pc_rbuf_u64(&r);
    }
    why = "bad weights";
    int rc = pc_pmodel_read(&t->model, &r);
    if (rc == 0 && t->model.n_classes == t->n_tags)
        rc = pc_pmodel_read(&t->model2, &r);
    else if (rc == 0)
        rc = -1;
    if (rc == -2)
        why = "out of memory";
    if (rc != 0 || t->model2.n_classes != t->n_tags)
        goto fail;
    if (r.p != r.end) {
        why = "unexpected bytes after the weights";
        goto fail;
    }
    pc_rbuf_close(&r);
    return t;
fail:
    pc_error_set(err, strcmp(why, "out of memory") == 0 ? PC_ERR_NOMEM : PC_ERR_INPUT, path, 0,
                 NULL, "tagger model is corrupt: %s", why);
    pc_rbuf_close(&r);
    pc_tagger_free(t);
    return NULL;
}

/* ------------------------------------------------------------ training */

static int tag_id(pc_tagger *t, const char *s)
{
    for (size_t i = 0; i < t->n_tags; i++)
        if (strcmp(t->tag[i], s) == 0)
            return (int)i;
    if (t->n_tags == MAX_TAGS || strlen(s) >= TAG_LEN)
        return -1;
    strcpy(t->tag[t->n_tags], s);
    return (int)t->n_tags++;
}

/* Words of actor names: "+UNITED_NATIONS_COMMISSION_  [IGO]" -> UNITED, NATIONS, ... */
static pc_status read_actor_words(pc_tagger *t, const char *path, pc_error *err)
{
    char *text = pc_slurp(path, NULL, err);
    if (!text)
        return err ? err->code : PC_ERR_IO;
    size_t cap = t->n_actor + 4096;
    uint64_t *v = pc_realloc(t->actor, cap * sizeof *v);
    if (!v) {
        pc_free(text);
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    }
    t->actor = v;
    for (char *line = text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (eol)
            *eol = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t' || *p == '+')
            p++;
        if (*p && *p != '#' && *p != '<' && *p != '{') {
            size_t end = strcspn(p, " \t[#\r{");
            p[end] = '\0';
            for (char *w = strtok(p, "_"); w; w = strtok(NULL, "_")) {
                if (strlen(w) < 2)
                    continue;
                if (t->n_actor == cap) {
                    cap *= 2;
                    v = pc_realloc(t->actor, cap * sizeof *v);
                    if (!v) {
                        pc_free(text);
                        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
                    }
                    t->actor = v;
                }
                t->actor[t->n_actor++] = pc_hash_upper(w);
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    pc_free(text);
    return PC_OK;
}

static void unique_sorted(pc_tagger *t)
{
    if (t->n_actor == 0)
        return;
    qsort(t->actor, t->n_actor, sizeof *t->actor, cmp_u64);
    size_t k = 0;
    for (size_t i = 0; i < t->n_actor; i++)
        if (k == 0 || t->actor[k - 1] != t->actor[i])
            t->actor[k++] = t->actor[i];
    t->n_actor = k;
}

typedef struct wcount {
    uint64_t key;
    uint32_t tag;
    uint32_t n;
} wcount;

static int cmp_wcount(const void *a, const void *b)
{
    const wcount *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->tag < y->tag ? -1 : x->tag > y->tag;
}

/* Words seen >= 20 times with one tag >= 99.5% of the time. */
static int build_fixed(pc_tagger *t, const pc_tsent *s, size_t n, unsigned *const *gold)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += s[i].n;
    wcount *c = pc_malloc((total + 1) * sizeof *c);
    t->fixed = pc_malloc((total + 1) * sizeof *t->fixed);
    if (!c || !t->fixed) {
        pc_free(c);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].n; j++)
            c[k++] = (wcount){pc_hash_str(s[i].word[j]), gold[i][j], 1};
    qsort(c, k, sizeof *c, cmp_wcount);
    t->n_fixed = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i, best_n = 0, all = 0, run_start = i;
        uint32_t best = 0;
        while (j < k && c[j].key == c[i].key) {
            if (c[j].tag != c[run_start].tag)
                run_start = j;
            size_t run = j - run_start + 1;
            if (run > best_n) {
                best_n = run;
                best = c[j].tag;
            }
            all++;
            j++;
        }
        if (all >= 20 && best_n * 1000 >= all * 995)
            t->fixed[t->n_fixed++] = (wordkv){c[i].key, best};
        i = j;
    }
    pc_free(c);
    return 0;
}

/* Ambiguity classes of lower-cased words seen >= 5 times (rarer words would
 * carry their training tag into the features: the model would trust them). */
static int build_amb(pc_tagger *t, const pc_tsent *s, size_t n, unsigned *const *gold)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += s[i].n;
    wcount *c = pc_malloc((total + 1) * sizeof *c);
    t->amb = pc_malloc((total + 1) * sizeof *t->amb);
    if (!c || !t->amb) {
        pc_free(c);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].n; j++)
            c[k++] = (wcount){pc_hash_lower(s[i].word[j]), gold[i][j], 1};
    qsort(c, k, sizeof *c, cmp_wcount);
    t->n_amb = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        uint64_t mask = 0;
        while (j < k && c[j].key == c[i].key)
            mask |= 1ULL << (c[j++].tag % 64);
        if (j - i >= 5)
            t->amb[t->n_amb++] = (ambkv){c[i].key, mask};
        i = j;
    }
    pc_free(c);
    return 0;
}

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return pc_mix64(*s);
}

/* Train one pass on the sentences idx[0..m) (shuffled in place each epoch)
 * into out; r: pass-1 tags for pass 2.  stage numbers the progress lines. */
static int train_run(const pc_tagger *t, tok *const *toks, unsigned *const *gold,
                     const pc_tsent *sents, size_t *idx, size_t m, unsigned *const *r,
                     const pc_tagger_opts *o, int stage, uint64_t rs, pc_ptrain *tr)
{
    uint64_t f[NFEAT];
    float sc[MAX_TAGS];
    for (int ep = 0; ep < o->epochs; ep++) {
        for (size_t i = m; i > 1; i--) {   /* Fisher-Yates */
            size_t j = (size_t)(rng_next(&rs) % i);
            size_t x = idx[i - 1];
            idx[i - 1] = idx[j];
            idx[j] = x;
        }
        size_t right = 0, all = 0;
        for (size_t oi = 0; oi < m; oi++) {
            size_t si = idx[oi];
            const tok *k = toks[si];
            size_t len = sents[si].n;
            unsigned p1 = TAG_NONE, p2 = TAG_NONE;
            for (size_t i = 0; i < len; i++) {
                /* the history is the tagger's own predictions, as when tagging */
                size_t nf = features(k, len, i, p1, p2, r ? r[si] : NULL, f);
                memset(sc, 0, t->n_tags * sizeof *sc);
                pc_ptrain_score(tr, f, nf, sc);
                unsigned g = gold[si][i], p = (unsigned)argmax(sc, t->n_tags);
                if (p != g) {
                    if (pc_ptrain_update(tr, f, nf, g, 1.0f) != 0 ||
                        pc_ptrain_update(tr, f, nf, p, -1.0f) != 0)
                        return -1;
                } else {
                    right++;
                }
                all++;
                pc_ptrain_tick(tr);
                p2 = p1;
                p1 = p;
            }
        }
        if (o->progress && stage <= 2)
            o->progress(o->ud, ep + 1 + (stage - 1) * o->epochs,
                        all ? (double)right / (double)all : 0);
    }
    return 0;
}

static int train_pass(const pc_tagger *t, tok *const *toks, unsigned *const *gold,
                      const pc_tsent *sents, size_t *idx, size_t m, unsigned *const *r,
                      const pc_tagger_opts *o, int stage, pc_pmodel *out)
{
    int runs = o->average > 1 ? o->average : 1, rc = -1;
    pc_ptrain *acc = runs > 1 ? pc_ptrain_new((uint32_t)t->n_tags) : NULL;
    if (runs > 1 && !acc)
        return -1;
    int ok = 1;
    for (int k = 0; ok && k < runs; k++) {
        pc_ptrain *tr = pc_ptrain_new((uint32_t)t->n_tags);
        uint64_t rs = o->seed + (uint64_t)stage * 7919 + (uint64_t)k * 104729;
        ok = tr && train_run(t, toks, gold, sents, idx, m, r, o, stage, rs, tr) == 0;
        /* one training is exported as it is (its averaged weights, the same
         * model as before --average existed); several are summed first */
        if (ok && runs == 1)
            rc = pc_ptrain_export(tr, o->prune, out);
        else if (ok)
            ok = pc_ptrain_accumulate(acc, tr, 1.0f / (float)runs) == 0;
        pc_ptrain_free(tr);
    }
    if (ok && runs > 1)
        rc = pc_ptrain_export_current(acc, o->prune, out);
    pc_ptrain_free(acc);
    return ok ? rc : -1;
}

pc_tagger *pc_tagger_train(const pc_tsent *sents, size_t n, const pc_tagger_opts *o,
                           pc_error *err)
{
    pc_tagger_opts def = {8, 1, 0.02f, NULL, 0, NULL, NULL, 1};
    if (!o)
        o = &def;
    pc_tagger *t = pc_calloc(1, sizeof *t);
    unsigned **gold = pc_calloc(n + 1, sizeof *gold);
    tok **toks = pc_calloc(n + 1, sizeof *toks);
    size_t *order = pc_malloc((n + 1) * sizeof *order);
    unsigned **rtags = NULL;
    if (!t || !gold || !toks || !order)
        goto oom;
    for (size_t i = 0; i < o->n_actor_files; i++)
        if (read_actor_words(t, o->actor_files[i], err) != PC_OK)
            goto fail;
    unique_sorted(t);
    for (size_t i = 0; i < n; i++) {
        gold[i] = pc_malloc((sents[i].n + 1) * sizeof **gold);
        toks[i] = pc_malloc((sents[i].n + 1) * sizeof **toks);
        if (!gold[i] || !toks[i])
            goto oom;
        for (size_t j = 0; j < sents[i].n; j++) {
            int id = tag_id(t, sents[i].tag[j]);
            if (id < 0) {
                pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL,
                             "too many tags or tag too long: '%s'", sents[i].tag[j]);
                goto fail;
            }
            gold[i][j] = (unsigned)id;
        }
        order[i] = i;
    }
    if (build_amb(t, sents, n, gold) != 0)
        goto oom;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < sents[i].n; j++)
            fill_tok(t, sents[i].word[j], &toks[i][j]);
    if (t->n_tags == 0) {
        pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL, "no training data");
        goto fail;
    }
    if (build_fixed(t, sents, n, gold) != 0)
        goto oom;
    /* pass 2 learns from pass-1 tags as good as on new text: each half of
     * the data is tagged by a pass-1 model trained on the other half */
    rtags = pc_calloc(n + 1, sizeof *rtags);
    if (!rtags)
        goto oom;
    for (size_t i = 0; i < n; i++)
        if (!(rtags[i] = pc_malloc((sents[i].n + 1) * sizeof **rtags)))
            goto oom;
    for (unsigned fold = 0; fold < 2; fold++) {
        pc_pmodel half;
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (i % 2 != fold)
                order[m++] = i;
        if (train_pass(t, toks, gold, sents, order, m, NULL, o, 10 + fold, &half) != 0)
            goto oom;
        for (size_t i = fold; i < n; i += 2)
            tag_ids(t, NULL, &half, toks[i], sents[i].n, NULL, rtags[i]);
        pc_pmodel_free(&half);
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    if (train_pass(t, toks, gold, sents, order, n, NULL, o, 1, &t->model) != 0)
        goto oom;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    if (train_pass(t, toks, gold, sents, order, n, rtags, o, 2, &t->model2) != 0)
        goto oom;
    goto done;
oom:
    pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory training the tagger");
fail:
    pc_tagger_free(t);
    t = NULL;
done:
    for (size_t i = 0; gold && toks && i < n; i++) {
        pc_free(gold[i]);
        pc_free(toks[i]);
    }
    pc_free(gold);
    pc_free(toks);
    pc_free(order);
    for (size_t i = 0; rtags && i < n; i++)
        pc_free(rtags[i]);
    pc_free(rtags);
    return t;
}
