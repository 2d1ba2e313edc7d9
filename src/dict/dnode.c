/* dnode.c -- see dnode.h.  Small nodes (most of a trie) are searched
 * linearly; from SMALL entries on an index table is kept. */
#include "dnode.h"

#include <string.h>

#define SMALL 8

pc_dnode *dn_new(pc_arena *a)
{
    return pc_arena_calloc(a, 1, sizeof(pc_dnode));
}

static long find(const pc_dnode *d, const char *key, size_t n, uint32_t h)
{
    if (!d || d->count == 0)
        return -1;
    if (!d->icap) {
        for (uint32_t i = 0; i < d->count; i++) {
            const dn_entry *e = &d->entries[i];
            if (e->hash == h && e->keylen == n && memcmp(e->key, key, n) == 0)
                return i;
        }
        return -1;
    }
    uint32_t mask = d->icap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t slot = d->index[i];
        if (!slot)
            return -1;
        const dn_entry *e = &d->entries[slot - 1];
        if (e->hash == h && e->keylen == n && memcmp(e->key, key, n) == 0)
            return slot - 1;
    }
}

const dn_entry *dn_find(const pc_dnode *d, const char *key, size_t n, uint32_t h)
{
    long i = find(d, key, n, h);
    return i < 0 ? NULL : &d->entries[i];
}

static int rebuild_index(pc_arena *a, pc_dnode *d, uint32_t icap)
{
    uint32_t *idx = pc_arena_calloc(a, icap, sizeof *idx);
    if (!idx)
        return -1;
    uint32_t mask = icap - 1;
    for (uint32_t k = 0; k < d->count; k++) {
        uint32_t i = d->entries[k].hash & mask;
        while (idx[i])
            i = (i + 1) & mask;
        idx[i] = k + 1;
    }
    d->index = idx;
    d->icap = icap;
    return 0;
}

/* Append a new entry (key known absent); returns it or NULL on OOM. */
static dn_entry *append(pc_arena *a, pc_dnode *d, const char *key, size_t n, uint32_t h)
{
    if (d->count == d->cap) {
        uint32_t ncap = d->cap ? d->cap * 2 : 1;
        dn_entry *ne = pc_arena_realloc(a, d->entries, d->cap * sizeof *ne, ncap * sizeof *ne);
        if (!ne)
            return NULL;
        d->entries = ne;
        d->cap = ncap;
    }
    char *k = pc_arena_strndup(a, key, n);
    if (!k)
        return NULL;
    dn_entry *e = &d->entries[d->count++];
    memset(e, 0, sizeof *e);
    e->key = k;
    e->keylen = (uint32_t)n;
    e->hash = h;
    if (d->count > SMALL) {
        if (!d->icap || d->count * 2 > d->icap) {
            if (rebuild_index(a, d, d->icap ? d->icap * 2 : 32) < 0) {
                d->count--;
                return NULL;
            }
        } else {
            uint32_t mask = d->icap - 1, i = h & mask;
            while (d->index[i])
                i = (i + 1) & mask;
            d->index[i] = d->count;
        }
    }
    return e;
}

static dn_entry *get_or_add(pc_arena *a, pc_dnode *d, const char *key)
{
    size_t n = strlen(key);
    uint32_t h = dn_hash(key, n);
    long i = find(d, key, n, h);
    if (i >= 0)
        return &d->entries[i];
    return append(a, d, key, n, h);
}

pc_dnode *dn_setdefault(pc_arena *a, pc_dnode *d, const char *key)
{
    dn_entry *e = get_or_add(a, d, key);
    if (!e)
        return NULL;
    if (e->kind == 0) {
        pc_dnode *c = dn_new(a);
        if (!c)
            return NULL;
        e->kind = DN_NODE;
        e->v.node = c;
    }
    return e->kind == DN_NODE ? e->v.node : NULL;
}

int dn_set_leaf(pc_arena *a, pc_dnode *d, const char *key, void *leaf)
{
    dn_entry *e = get_or_add(a, d, key);
    if (!e)
        return -1;
    e->kind = DN_LEAF;
    e->v.leaf = leaf;
    return 0;
}

int dn_set_int(pc_arena *a, pc_dnode *d, const char *key, long ival)
{
    dn_entry *e = get_or_add(a, d, key);
    if (!e)
        return -1;
    e->kind = DN_INT;
    e->v.ival = ival;
    return 0;
}

int dn_set_node(pc_arena *a, pc_dnode *d, const char *key, pc_dnode *child)
{
    dn_entry *e = get_or_add(a, d, key);
    if (!e)
        return -1;
    e->kind = DN_NODE;
    e->v.node = child;
    return 0;
}
