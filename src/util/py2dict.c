/* py2dict.c -- see py2dict.h.  A model of CPython 2.7 Objects/dictobject.c
 * (lookdict_string, insertdict, dictresize, PyDict_SetItem) restricted to
 * what decides slot positions: hashes, probing, and when/how it resizes. */
#include "py2dict.h"

#include <string.h>

#include "pystr.h"

#define PY2_MINSIZE 8     /* PyDict_MINSIZE */
#define PERTURB_SHIFT 5
#define EMPTY ((size_t)-1)

int64_t pc_py2_hash(const char *s, size_t n)
{
    /* unicode_hash()/string_hash(): unsigned arithmetic wraps exactly like
     * the C long arithmetic CPython relies on (two's complement). */
    if (n == 0)
        return 0;
    uint64_t x = 0, len = 0;
    int first = 1;
    for (size_t i = 0; i < n;) {
        size_t l;
        int32_t cp = pc_utf8_decode(s + i, n - i, &l);
        if (cp < 0)
            cp = (unsigned char)s[i];
        if (first) {
            x = (uint64_t)cp << 7;
            first = 0;
        }
        x = (1000003u * x) ^ (uint64_t)cp;
        len++;
        i += l;
    }
    x ^= len;
    int64_t h = (int64_t)x;
    return h == -1 ? -2 : h;
}

typedef struct slot {
    uint64_t hash;  /* me_hash as the unsigned value probing uses */
    size_t key;     /* index into keys[], EMPTY if unused */
} slot;

typedef struct table {
    slot *s;
    size_t mask;
    size_t used;    /* == ma_fill: there are no deletions */
} table;

static int key_eq(const char *const *keys, const size_t *lens, size_t a, size_t b)
{
    size_t la = lens ? lens[a] : strlen(keys[a]);
    size_t lb = lens ? lens[b] : strlen(keys[b]);
    return la == lb && memcmp(keys[a], keys[b], la) == 0;
}

/* The probe sequence of lookdict_string/insertdict_clean: i is not masked
 * between steps, only when indexing. */
static slot *probe(table *t, const char *const *keys, const size_t *lens, uint64_t h,
                   size_t key)
{
    size_t i = (size_t)h & t->mask;
    slot *e = &t->s[i];
    if (e->key == EMPTY || (e->hash == h && key_eq(keys, lens, e->key, key)))
        return e;
    for (uint64_t perturb = h;; perturb >>= PERTURB_SHIFT) {
        i = (i << 2) + i + (size_t)perturb + 1;
        e = &t->s[i & t->mask];
        if (e->key == EMPTY || (e->hash == h && key_eq(keys, lens, e->key, key)))
            return e;
    }
}

static int table_init(pc_arena *a, table *t, size_t size)
{
    t->s = pc_arena_alloc(a, size * sizeof *t->s);
    if (!t->s)
        return -1;
    for (size_t i = 0; i < size; i++)
        t->s[i].key = EMPTY;
    t->mask = size - 1;
    t->used = 0;
    return 0;
}

/* dictresize(mp, minused): the smallest power of two > minused (at least 8),
 * old entries reinserted in old slot order. */
static int resize(pc_arena *a, table *t, const char *const *keys, const size_t *lens,
                  size_t minused)
{
    size_t size = PY2_MINSIZE;
    while (size <= minused)
        size <<= 1;
    table nt;
    if (table_init(a, &nt, size) < 0)
        return -1;
    for (size_t i = 0; i <= t->mask; i++) {
        if (t->s[i].key == EMPTY)
            continue;
        *probe(&nt, keys, lens, t->s[i].hash, t->s[i].key) = t->s[i];
        nt.used++;
    }
    *t = nt;
    return 0;
}

long pc_py2dict_order(pc_arena *a, const char *const *keys, const size_t *lens, size_t n,
                      size_t *order_out)
{
    table t;
    if (table_init(a, &t, PY2_MINSIZE) < 0)
        return -1;
    for (size_t k = 0; k < n; k++) {
        size_t len = lens ? lens[k] : strlen(keys[k]);
        uint64_t h = (uint64_t)pc_py2_hash(keys[k], len);
        slot *e = probe(&t, keys, lens, h, k);
        if (e->key != EMPTY)
            continue; /* an update: the key keeps its slot */
        e->hash = h;
        e->key = k;
        t.used++;
        /* PyDict_SetItem: resize only after adding a key, when fill*3 >= size*2. */
        if (t.used * 3 >= (t.mask + 1) * 2) {
            size_t minused = (t.used > 50000 ? 2 : 4) * t.used;
            if (resize(a, &t, keys, lens, minused) < 0)
                return -1;
        }
    }
    size_t m = 0;
    for (size_t i = 0; i <= t.mask; i++)
        if (t.s[i].key != EMPTY)
            order_out[m++] = t.s[i].key;
    return (long)m;
}
