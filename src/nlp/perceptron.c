/* perceptron.c -- see perceptron.h. */
#include "nlp/perceptron.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* ------------------------------------------------------------ scoring */

static uint32_t key32(uint64_t k) { return (uint32_t)(k >> 32) ^ (uint32_t)k; }

static uint32_t slot_of(uint32_t key, uint32_t mask)
{
    return (key ^ (key >> 17)) & mask;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* acc[0..n) += row[0..n), n a multiple of 8.  With GCC and clang, in
 * vectors of four (their vector extensions; plain loops of widening adds
 * are left scalar at -O2). */
#if defined(__GNUC__) && !defined(PC_NO_VECTOR)
typedef int16_t v4s __attribute__((vector_size(8)));
typedef int32_t v4i __attribute__((vector_size(16)));

static ALWAYS_INLINE void add_dense(int32_t *restrict acc, const int16_t *restrict row,
                                    uint32_t n)
{
    for (uint32_t c = 0; c < n; c += 4) {
        v4s w;
        v4i a;
        memcpy(&w, row + c, sizeof w);
        memcpy(&a, acc + c, sizeof a);
        a += __builtin_convertvector(w, v4i);
        memcpy(acc + c, &a, sizeof a);
    }
}
#else
static ALWAYS_INLINE void add_dense(int32_t *restrict acc, const int16_t *restrict row,
                                    uint32_t n)
{
    for (uint32_t c = 0; c < n; c++)
        acc[c] += row[c];
}
#endif

/* scores[c] += acc[c] for c < n. */
static ALWAYS_INLINE void add_sums(float *restrict scores, const int32_t *restrict acc,
                                   uint32_t n)
{
    for (uint32_t c = 0; c < n; c++)
        scores[c] += (float)acc[c];
}

/* The same two in AVX2, eight at a time (score_avx2 below): adding dense
 * rows and the sums were a third of the scorer's instructions with SSE2,
 * which has no widening load. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(PC_NO_VECTOR)
#define HAVE_SCORE_AVX2 1
#include <immintrin.h>

__attribute__((target("avx2"))) static inline void
add_dense_avx2(int32_t *restrict acc, const int16_t *restrict row, uint32_t n)
{
    for (uint32_t c = 0; c < n; c += 8) {
        __m256i w = _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(const void *)(row + c)));
        __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(acc + c));
        _mm256_storeu_si256((__m256i *)(void *)(acc + c), _mm256_add_epi32(a, w));
    }
}

__attribute__((target("avx2"))) static inline void
add_sums_avx2(float *restrict scores, const int32_t *restrict acc, uint32_t n)
{
    uint32_t c = 0;
    for (; c + 8 <= n; c += 8) {
        __m256 a = _mm256_cvtepi32_ps(_mm256_loadu_si256((const __m256i *)(const void *)(acc + c)));
        _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c), a));
    }
    add_sums(scores + c, acc + c, n - c);
}
#endif

_Static_assert(sizeof(pc_pslot) == 16, "four slots to a cache line");

/* A longer row kept dense (cls[0] of a row longer than PC_PSLOT_INLINE). */
static int is_dense(const pc_pslot *x) { return x->len > PC_PSLOT_INLINE && x->cls[0]; }

/* pc_pmodel_score's work, inlined into each build of it below. */
static ALWAYS_INLINE void score_body(const pc_pmodel *m, const uint64_t *f, size_t nf,
                                     float *scores, int avx2)
{
    if (!m->slot)
        return;
    if (nf > 256)
        nf = 256;
    /* the model is far larger than the caches: start every slot load first,
     * then every row load, then add */
    const pc_pslot *hit[256];
    uint32_t key[256];
    for (size_t i = 0; i < nf; i++) {
        key[i] = key32(f[i]);
        PREFETCH(&m->slot[slot_of(key[i], m->mask)]);
    }
    size_t nh = 0;
    for (size_t i = 0; i < nf; i++) {
        uint32_t s = slot_of(key[i], m->mask);
        for (;;) {
            const pc_pslot *x = &m->slot[s];
            if (x->len == 0)
                break;
            if (x->key == key[i]) {
                if (is_dense(x))
                    PREFETCH(&m->dense[(size_t)x->u.start * m->n_pad]);
                else if (x->len > PC_PSLOT_INLINE)
                    PREFETCH(&m->ent[x->u.start]);
                hit[nh++] = x;
                break;
            }
            s = (s + 1) & m->mask;
        }
    }
    /* integer sums: exact (256 weights of at most 2^15 stay below 2^24, so
     * the floats they become are the sums a float accumulator would make) */
    int32_t acc[PC_PMODEL_MAX_PAD];
    memset(acc, 0, (size_t)m->n_pad * sizeof *acc);
    for (size_t i = 0; i < nh; i++) {
        const pc_pslot *x = hit[i];
        if (x->len <= PC_PSLOT_INLINE) {
            for (uint32_t j = 0; j < x->len; j++)
                acc[x->cls[j]] += x->u.w[j];
        } else if (x->cls[0]) {
            const int16_t *row = &m->dense[(size_t)x->u.start * m->n_pad];
#ifdef HAVE_SCORE_AVX2
            if (avx2)
                add_dense_avx2(acc, row, m->n_pad);
            else
#endif
                add_dense(acc, row, m->n_pad);
        } else {
            const pc_pent *e = &m->ent[x->u.start];
            for (uint32_t j = 0; j < x->len; j++)
                acc[e[j].cls] += e[j].w;
        }
    }
#ifdef HAVE_SCORE_AVX2
    if (avx2) {
        add_sums_avx2(scores, acc, m->n_classes);
        return;
    }
#endif
    (void)avx2;
    add_sums(scores, acc, m->n_classes);
}

/* Built twice on x86-64 with GCC or clang: for any x86-64, and for AVX2,
 * chosen at each call (the CPU's features, read once at start-up by the
 * compiler's runtime).  The sums are integers, so both give the same bits. */
void pc_pmodel_score_portable(const pc_pmodel *m, const uint64_t *f, size_t nf, float *scores)
{
    score_body(m, f, nf, scores, 0);
}

#ifdef HAVE_SCORE_AVX2
__attribute__((target("avx2"))) static void score_avx2(const pc_pmodel *m, const uint64_t *f,
                                                       size_t nf, float *scores)
{
    score_body(m, f, nf, scores, 1);
}
#endif

void pc_pmodel_score(const pc_pmodel *m, const uint64_t *f, size_t nf, float *scores)
{
#ifdef HAVE_SCORE_AVX2
    if (__builtin_cpu_supports("avx2")) {
        score_avx2(m, f, nf, scores);
        return;
    }
#endif
    pc_pmodel_score_portable(m, f, nf, scores);
}

/* Rows with at least 1/DENSE_SHARE of the classes go dense. */
#define DENSE_SHARE 4

static int goes_dense(const pc_pmodel *m, uint32_t len)
{
    return len > PC_PSLOT_INLINE && len * DENSE_SHARE >= m->n_classes;
}

static uint32_t table_size(uint32_t n_feat);

/* Fault a large table's pages in with one call (Linux 5.14 on; a no-op
 * elsewhere): it is filled all over anyway, and one page fault per 4 kB
 * was most of a model's load time.  (Huge pages made the load faster still
 * in the median, but now and then 3x slower, when the kernel had to
 * compact memory to find them.) */
static void *prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
    const uintptr_t page = 4096;
    if (p && n >= (4u << 20)) {
        uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1);
        uintptr_t e = ((uintptr_t)p + n) & ~(page - 1);
        madvise((void *)a, e - a, MADV_POPULATE_WRITE);
    }
#else
    (void)n;
#endif
    return p;
}

/* Room for the rows kept outside their slots: nd dense rows and ns sparse
 * weights (counted from the row lengths first, so that the weights of the
 * other rows are never stored twice). */
static int alloc_rows(pc_pmodel *m, uint32_t nd, uint32_t ns)
{
    m->n_pad = (m->n_classes + 7) & ~7u;
    size_t dn = (size_t)nd * m->n_pad;
    m->dense = prefault(pc_calloc(dn + 1, sizeof *m->dense), dn * sizeof *m->dense);
    m->ent = prefault(pc_malloc(((size_t)ns + 1) * sizeof *m->ent), (size_t)ns * sizeof *m->ent);
    return m->dense && m->ent ? 0 : -1;
}

/* A row entry as files have it: class byte, little-endian weight. */
#define ENTRY_BYTES 3

static void put_entry(unsigned char *q, uint32_t cls, int16_t w)
{
    q[0] = (uint8_t)cls;
    q[1] = (uint8_t)((uint16_t)w & 0xff);
    q[2] = (uint8_t)((uint16_t)w >> 8);
}

/* The entry at q, into *e.  -1 if it breaks the rule of pc_pslot: a class
 * below *next (the row's previous class + 1; then set for the entry after
 * it) or not below n_classes, or a weight 0. */
static int get_entry(const pc_pmodel *m, const unsigned char *q, uint32_t *next, pc_pent *e)
{
    e->cls = q[0];
    e->w = (int16_t)(uint16_t)(q[1] | q[2] << 8);
    if (e->cls < *next || e->cls >= m->n_classes || e->w == 0)
        return -1;
    *next = e->cls + 1u;
    return 0;
}

/* Give slot x (its key and len set) its row, entries at q, in the form
 * that scores fastest: in the slot, dense, or sparse at the end of ent
 * (room made by alloc_rows).  Each entry goes straight to its place
 * (decoding a row into a buffer first made loading 10% slower).  -1 if
 * the row breaks the rule of pc_pslot. */
static int place_row(pc_pmodel *m, pc_pslot *x, const unsigned char *q)
{
    uint32_t next = 0;
    pc_pent e;
    if (x->len <= PC_PSLOT_INLINE) {
        for (uint32_t j = 0; j < x->len; j++, q += ENTRY_BYTES) {
            if (get_entry(m, q, &next, &e) != 0)
                return -1;
            x->cls[j] = (uint8_t)e.cls;
            x->u.w[j] = e.w;
        }
    } else if (goes_dense(m, x->len)) {
        int16_t *row = &m->dense[(size_t)m->n_dense * m->n_pad];
        for (uint32_t j = 0; j < x->len; j++, q += ENTRY_BYTES) {
            if (get_entry(m, q, &next, &e) != 0)
                return -1;
            row[e.cls] = e.w;
        }
        x->u.start = m->n_dense++;
        x->cls[0] = 1;
    } else {
        pc_pent *row = &m->ent[m->n_sparse];
        for (uint32_t j = 0; j < x->len; j++, q += ENTRY_BYTES)
            if (get_entry(m, q, &next, &row[j]) != 0)
                return -1;
        x->u.start = m->n_sparse;
        m->n_sparse += x->len;
    }
    return 0;
}

/* Count a row of len weights in the room alloc_rows is to make: a dense
 * row in *nd, or its weights in *ns if sparse. */
static void count_row(const pc_pmodel *m, uint32_t len, uint32_t *nd, uint64_t *ns)
{
    if (goes_dense(m, len))
        (*nd)++;
    else if (len > PC_PSLOT_INLINE)
        *ns += len;
}

/* place_row for every row of an exported table: slots made by insert_slot,
 * their u.start their first entry in rows. */
static int finish_rows(pc_pmodel *m, const unsigned char *rows)
{
    uint32_t nd = 0;
    uint64_t ns = 0;
    for (uint32_t s = 0; s <= m->mask; s++)
        count_row(m, m->slot[s].len, &nd, &ns);
    if (alloc_rows(m, nd, (uint32_t)ns) != 0)
        return -1;
    for (uint32_t s = 0; s <= m->mask; s++) {
        pc_pslot *x = &m->slot[s];
        if (x->len && place_row(m, x, &rows[(size_t)x->u.start * ENTRY_BYTES]) != 0)
            return -1;   /* not reached: export keeps the rule */
    }
    return 0;
}

static void write_entry(pc_wbuf *b, uint32_t cls, int16_t w)
{
    pc_wbuf_u8(b, (uint8_t)cls);
    pc_wbuf_u16(b, (uint16_t)w);
}

/* Slot x's row as it was read or exported.  A dense row's nonzero weights,
 * in class order, are exactly that row: its classes ascend and none of its
 * weights is 0 (see pc_pslot). */
static void write_row(const pc_pmodel *m, const pc_pslot *x, pc_wbuf *b)
{
    if (x->len <= PC_PSLOT_INLINE) {
        for (uint32_t j = 0; j < x->len; j++)
            write_entry(b, x->cls[j], x->u.w[j]);
    } else if (is_dense(x)) {
        const int16_t *row = &m->dense[(size_t)x->u.start * m->n_pad];
        for (uint32_t c = 0; c < m->n_classes; c++)
            if (row[c])
                write_entry(b, c, row[c]);
    } else {
        const pc_pent *e = &m->ent[x->u.start];
        for (uint32_t j = 0; j < x->len; j++)
            write_entry(b, e[j].cls, e[j].w);
    }
}

void pc_pmodel_free(pc_pmodel *m)
{
    pc_free(m->slot);
    pc_free(m->ent);
    pc_free(m->dense);
    memset(m, 0, sizeof *m);
}

static int alloc_slots(pc_pmodel *m)
{
    uint32_t size = table_size(m->n_feat);
    m->slot = prefault(pc_calloc(size, sizeof *m->slot), (size_t)size * sizeof *m->slot);
    m->mask = size - 1;
    return m->slot ? 0 : -1;
}

/* A slot for key's row of len weights (u.start: start, until place_row). */
static pc_pslot *insert_slot(pc_pmodel *m, uint32_t key, uint32_t start, uint32_t len)
{
    uint32_t s = slot_of(key, m->mask);
    while (m->slot[s].len)
        s = (s + 1) & m->mask;
    m->slot[s] = (pc_pslot){.key = key, .len = (uint8_t)len, .u.start = start};
    return &m->slot[s];
}

typedef struct keyslot {
    uint32_t home;   /* the slot the key hashes to in the loaded table */
    uint32_t s;
    uint32_t key;
} keyslot;

static int cmp_keyslot(const void *a, const void *b)
{
    const keyslot *x = a, *y = b;
    if (x->home != y->home)
        return x->home < y->home ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static uint32_t table_size(uint32_t n_feat)
{
    uint32_t size = 16;
    while (size < 2 * n_feat + 16)
        size *= 2;
    return size;
}

/* File layout: u32 classes, u32 features, u32 entries, f32 scale, then per
 * feature u32 key + u8 row length, then per entry u8 class + i16 weight
 * (within a row, classes ascending and weights nonzero: see pc_pslot).
 * Rows are written in the order of their home slots in the loaded table. */
void pc_pmodel_write(const pc_pmodel *m, pc_wbuf *b)
{
    pc_wbuf_u32(b, m->n_classes);
    pc_wbuf_u32(b, m->n_feat);
    pc_wbuf_u32(b, m->n_ent);
    pc_wbuf_f32(b, m->scale);
    /* slots sorted by key */
    keyslot *idx = pc_malloc(((size_t)m->n_feat + 1) * sizeof *idx);
    if (!idx) {
        b->oom = 1;
        return;
    }
    /* in the order of the slots they will take when loaded: the loader then
     * fills its table front to back instead of all over (load time) */
    uint32_t k = 0, lmask = table_size(m->n_feat) - 1;
    for (uint32_t s = 0; m->slot && s <= m->mask; s++)
        if (m->slot[s].len)
            idx[k++] = (keyslot){slot_of(m->slot[s].key, lmask), s, m->slot[s].key};
    qsort(idx, k, sizeof *idx, cmp_keyslot);
    for (uint32_t i = 0; i < k; i++) {
        pc_wbuf_u32(b, m->slot[idx[i].s].key);
        pc_wbuf_u8(b, m->slot[idx[i].s].len);
    }
    for (uint32_t i = 0; i < k; i++)
        write_row(m, &m->slot[idx[i].s], b);
    pc_free(idx);
}

/* The sizes of a model's weights in the file (after its header): -1 if they
 * do not fit in what is left of r. */
static int read_header(pc_pmodel *m, pc_rbuf *r)
{
    memset(m, 0, sizeof *m);
    m->n_classes = pc_rbuf_u32(r);
    m->n_feat = pc_rbuf_u32(r);
    m->n_ent = pc_rbuf_u32(r);
    m->scale = pc_rbuf_f32(r);
    size_t left = (size_t)(r->end - r->p);
    if (r->bad || m->n_classes == 0 || m->n_classes > PC_PMODEL_MAX_CLASSES ||
        !isfinite(m->scale) || (uint64_t)m->n_feat * 5 + (uint64_t)m->n_ent * ENTRY_BYTES > left) {
        r->bad = 1;
        return -1;
    }
    return 0;
}

int pc_pmodel_skip(pc_rbuf *r, uint32_t *n_classes)
{
    pc_pmodel m;
    if (read_header(&m, r) != 0)
        return -1;
    pc_rbuf_take(r, (size_t)m.n_feat * 5);
    pc_rbuf_take(r, (size_t)m.n_ent * ENTRY_BYTES);
    *n_classes = m.n_classes;
    return r->bad ? -1 : 0;
}

/* The room the rows of the key records need (count_row): -1 unless every
 * row has a weight and they add up to the model's weights. */
static int count_keys(const pc_pmodel *m, const unsigned char *keys, uint32_t *nd, uint32_t *ns)
{
    uint64_t sum = 0, sparse = 0;
    uint32_t dense = 0;
    for (uint32_t i = 0; i < m->n_feat; i++) {
        uint32_t len = keys[(size_t)i * 5 + 4];
        if (len == 0)
            return -1;
        sum += len;
        count_row(m, len, &dense, &sparse);
    }
    *nd = dense;
    *ns = (uint32_t)sparse;   /* at most sum */
    return sum == m->n_ent ? 0 : -1;
}

int pc_pmodel_read(pc_pmodel *m, pc_rbuf *r)
{
    /* sizes must fit what is left before anything is allocated */
    if (read_header(m, r) != 0)
        return -1;
    const unsigned char *keys = pc_rbuf_take(r, (size_t)m->n_feat * 5);
    const unsigned char *q = pc_rbuf_take(r, (size_t)m->n_ent * ENTRY_BYTES);
    /* the room each form needs, from the row lengths: no row is decoded twice */
    uint32_t nd, ns;
    if (count_keys(m, keys, &nd, &ns) != 0) {
        r->bad = 1;
        return -1;
    }
    if (alloc_slots(m) != 0 || alloc_rows(m, nd, ns) != 0) {
        pc_pmodel_free(m);
        return -2;
    }
    for (uint32_t i = 0; i < m->n_feat; i++, keys += 5) {
        uint32_t key = (uint32_t)keys[0] | (uint32_t)keys[1] << 8 |
                       (uint32_t)keys[2] << 16 | (uint32_t)keys[3] << 24;
        uint32_t len = keys[4];
        if (place_row(m, insert_slot(m, key, 0, len), q) != 0) {
            pc_pmodel_free(m);
            r->bad = 1;
            return -1;
        }
        q += (size_t)len * ENTRY_BYTES;
    }
    return 0;
}

/* ------------------------------------------------------------ training */

typedef struct tentry {
    uint16_t cls;
    uint32_t ts;      /* clock of the last change of w */
    float w;
    double tot;       /* sum of w over the clock up to ts */
} tentry;

typedef struct tfeat {
    uint64_t key;
    tentry *e;
    uint32_t n, cap;
} tfeat;

struct pc_ptrain {
    uint32_t n_classes;
    uint32_t clock;
    tfeat *feat;
    uint32_t n_feat, cap_feat;
    uint32_t *slot;
    uint32_t mask;
};

pc_ptrain *pc_ptrain_new(uint32_t n_classes)
{
    pc_ptrain *t = pc_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->n_classes = n_classes;
    t->mask = (1u << 16) - 1;
    t->slot = pc_calloc((size_t)t->mask + 1, sizeof *t->slot);
    if (!t->slot) {
        pc_free(t);
        return NULL;
    }
    t->clock = 1;
    return t;
}

void pc_ptrain_free(pc_ptrain *t)
{
    if (!t)
        return;
    for (uint32_t i = 0; i < t->n_feat; i++)
        pc_free(t->feat[i].e);
    pc_free(t->feat);
    pc_free(t->slot);
    pc_free(t);
}

size_t pc_ptrain_features(const pc_ptrain *t) { return t->n_feat; }

static tfeat *find(const pc_ptrain *t, uint64_t k)
{
    uint32_t s = slot_of(k, t->mask);
    for (;;) {
        uint32_t v = t->slot[s];
        if (!v)
            return NULL;
        if (t->feat[v - 1].key == k)
            return &t->feat[v - 1];
        s = (s + 1) & t->mask;
    }
}

static int rehash(pc_ptrain *t)
{
    uint32_t size = (t->mask + 1) * 2;
    uint32_t *ns = pc_calloc(size, sizeof *ns);
    if (!ns)
        return -1;
    pc_free(t->slot);
    t->slot = ns;
    t->mask = size - 1;
    for (uint32_t i = 0; i < t->n_feat; i++) {
        uint32_t s = slot_of(t->feat[i].key, t->mask);
        while (t->slot[s])
            s = (s + 1) & t->mask;
        t->slot[s] = i + 1;
    }
    return 0;
}

static tfeat *find_or_add(pc_ptrain *t, uint64_t k)
{
    tfeat *f = find(t, k);
    if (f)
        return f;
    if ((uint64_t)(t->n_feat + 1) * 2 > t->mask && rehash(t) != 0)
        return NULL;
    if (t->n_feat == t->cap_feat) {
        uint32_t nc = t->cap_feat ? t->cap_feat * 2 : 4096;
        tfeat *nf = pc_realloc(t->feat, (size_t)nc * sizeof *nf);
        if (!nf)
            return NULL;
        t->feat = nf;
        t->cap_feat = nc;
    }
    f = &t->feat[t->n_feat++];
    memset(f, 0, sizeof *f);
    f->key = k;
    uint32_t s = slot_of(k, t->mask);
    while (t->slot[s])
        s = (s + 1) & t->mask;
    t->slot[s] = t->n_feat;
    return f;
}

void pc_ptrain_score(const pc_ptrain *t, const uint64_t *f, size_t nf, float *scores)
{
    for (size_t i = 0; i < nf; i++) {
        const tfeat *x = find(t, f[i]);
        if (!x)
            continue;
        for (uint32_t j = 0; j < x->n; j++)
            scores[x->e[j].cls] += x->e[j].w;
    }
}

int pc_ptrain_update(pc_ptrain *t, const uint64_t *f, size_t nf, uint32_t c, float delta)
{
    for (size_t i = 0; i < nf; i++) {
        tfeat *x = find_or_add(t, f[i]);
        if (!x)
            return -1;
        tentry *e = NULL;
        for (uint32_t j = 0; j < x->n; j++)
            if (x->e[j].cls == c) {
                e = &x->e[j];
                break;
            }
        if (!e) {
            if (x->n == x->cap) {
                uint32_t nc = x->cap ? x->cap * 2 : 2;
                tentry *ne = pc_realloc(x->e, nc * sizeof *ne);
                if (!ne)
                    return -1;
                x->e = ne;
                x->cap = nc;
            }
            e = &x->e[x->n++];
            e->cls = (uint16_t)c;
            e->w = 0;
            e->tot = 0;
            e->ts = t->clock;
        }
        e->tot += (double)(t->clock - e->ts) * e->w;
        e->ts = t->clock;
        e->w += delta;
    }
    return 0;
}

void pc_ptrain_tick(pc_ptrain *t) { t->clock++; }

/* The weight of entry e: averaged over the clock, or the current one. */
static double weight_of(const pc_ptrain *t, const tentry *e, int current)
{
    if (current)
        return e->w;
    double now = t->clock;
    return (e->tot + (now - e->ts) * e->w) / now;
}

int pc_ptrain_accumulate(pc_ptrain *acc, const pc_ptrain *run, float share)
{
    for (uint32_t i = 0; i < run->n_feat; i++) {
        const tfeat *x = &run->feat[i];
        for (uint32_t j = 0; j < x->n; j++) {
            double v = weight_of(run, &x->e[j], 0);
            if (v != 0 && pc_ptrain_update(acc, &x->key, 1, x->e[j].cls, (float)(v * share)) != 0)
                return -1;
        }
    }
    return 0;
}

static int export_weights(const pc_ptrain *t, float prune, int current, pc_pmodel *m)
{
    memset(m, 0, sizeof *m);
    if (t->n_classes > PC_PMODEL_MAX_CLASSES)
        return -1;
    m->n_classes = t->n_classes;
    double maxw = 0;
    size_t ne = 0;
    /* averaged weights, kept if |w| >= prune */
    float **avg = pc_calloc((size_t)t->n_feat + 1, sizeof *avg);
    unsigned char *rows = NULL;   /* every row as a file has it, for place_row */
    if (!avg)
        return -1;
    for (uint32_t i = 0; i < t->n_feat; i++) {
        const tfeat *x = &t->feat[i];
        avg[i] = pc_malloc(((size_t)x->n + 1) * sizeof **avg);
        if (!avg[i])
            goto oom;
        for (uint32_t j = 0; j < x->n; j++) {
            double v = weight_of(t, &x->e[j], current);
            avg[i][j] = (float)v;
            if (fabs(v) >= prune && v != 0) {
                ne++;
                if (fabs(v) > maxw)
                    maxw = fabs(v);
            }
        }
    }
    m->scale = maxw > 0 ? (float)(maxw / 32767.0) : 1.0f;
    rows = pc_malloc((ne + 1) * ENTRY_BYTES);
    m->n_feat = t->n_feat;   /* an upper bound, for the table size */
    if (!rows || alloc_slots(m) != 0)
        goto oom;
    m->n_feat = 0;
    uint32_t k = 0;
    for (uint32_t i = 0; i < t->n_feat; i++) {
        const tfeat *x = &t->feat[i];
        uint32_t start = k;
        /* classes in ascending order (a trainer's row has each class once)
         * and no zero weights: the rule of pc_pslot, and the same file
         * whatever the update order */
        for (uint32_t c = 0, seen = 0; seen < x->n && c < t->n_classes; c++)
            for (uint32_t j = 0; j < x->n; j++) {
                if (x->e[j].cls != c)
                    continue;
                seen++;
                double v = avg[i][j];
                long q = lround(v / m->scale);
                if (fabs(v) >= prune && q != 0) {
                    int16_t w = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
                    put_entry(&rows[(size_t)k++ * ENTRY_BYTES], c, w);
                }
            }
        if (k > start) {
            insert_slot(m, key32(x->key), start, k - start);
            m->n_feat++;
        }
    }
    m->n_ent = k;
    for (uint32_t i = 0; i < t->n_feat; i++)
        pc_free(avg[i]);
    pc_free(avg);
    int rc = finish_rows(m, rows);
    pc_free(rows);
    if (rc != 0)
        pc_pmodel_free(m);
    return rc;
oom:
    for (uint32_t i = 0; i < t->n_feat; i++)
        pc_free(avg[i]);
    pc_free(avg);
    pc_free(rows);
    pc_pmodel_free(m);
    return -1;
}

int pc_ptrain_export(const pc_ptrain *t, float prune, pc_pmodel *m)
{
    return export_weights(t, prune, 0, m);
}

int pc_ptrain_export_current(const pc_ptrain *t, float prune, pc_pmodel *m)
{
    return export_weights(t, prune, 1, m);
}
