/* dnode.h -- a string-keyed dictionary node, the shape of PETRARCH2's nested
 * Python dicts (actor, agent, verb, pattern, transformation, discard and
 * issue tries).  Keys are byte strings; values are a child node, an opaque
 * leaf pointer, or an integer.  Entries keep insertion order.
 *
 * Nodes are built while dictionaries load (mutable, allocated from the
 * dictionary arena) and are read-only afterwards: lookups never write, so a
 * loaded trie is safe to share among threads. */
#ifndef PC_DNODE_H
#define PC_DNODE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/arena.h"

typedef enum dn_kind { DN_NODE = 1, DN_LEAF = 2, DN_INT = 3 } dn_kind;

typedef struct pc_dnode pc_dnode;

typedef struct dn_entry {
    const char *key;   /* NUL-terminated, owned by the arena */
    uint32_t keylen;
    uint32_t hash;
    dn_kind kind;
    union {
        pc_dnode *node;
        void *leaf;
        long ival;
    } v;
} dn_entry;

struct pc_dnode {
    uint32_t count;    /* entries in use */
    uint32_t cap;      /* capacity of entries[] */
    uint32_t icap;     /* size of index[] (power of two), 0 while count is small */
    dn_entry *entries; /* insertion order */
    uint32_t *index;   /* open addressing over entries: 0 empty, else i+1 */
};

/* FNV-1a.  Inline (as are the lookups below) so that the hash of a literal
 * key such as "#" is folded at compile time: the coder looks such keys up
 * at every trie level. */
static inline uint32_t dn_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

pc_dnode *dn_new(pc_arena *a);

/* Lookup by key and its dn_hash: NULL when absent. */
const dn_entry *dn_find(const pc_dnode *d, const char *key, size_t n, uint32_t h);

/* Lookup: NULL when absent. */
static inline const dn_entry *dn_getn(const pc_dnode *d, const char *key, size_t n)
{
    return dn_find(d, key, n, dn_hash(key, n));
}
static inline const dn_entry *dn_get(const pc_dnode *d, const char *key)
{
    return dn_getn(d, key, strlen(key));
}
/* The child node under key, NULL if absent or not a node. */
static inline pc_dnode *dn_get_node(const pc_dnode *d, const char *key)
{
    const dn_entry *e = dn_get(d, key);
    return e && e->kind == DN_NODE ? e->v.node : NULL;
}

/* Python's d.setdefault(key, {}): the child node under key, created empty if
 * absent.  NULL on OOM or when key holds a leaf/int (the caller decides). */
pc_dnode *dn_setdefault(pc_arena *a, pc_dnode *d, const char *key);
/* d[key] = value (replaces whatever was there).  0 on success, -1 on OOM. */
int dn_set_leaf(pc_arena *a, pc_dnode *d, const char *key, void *leaf);
int dn_set_int(pc_arena *a, pc_dnode *d, const char *key, long ival);
int dn_set_node(pc_arena *a, pc_dnode *d, const char *key, pc_dnode *child);

static inline size_t dn_count(const pc_dnode *d) { return d ? d->count : 0; }
static inline const dn_entry *dn_at(const pc_dnode *d, size_t i) { return &d->entries[i]; }

#endif
