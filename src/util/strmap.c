/* strmap.c -- see strmap.h.  Open addressing (linear probing), load <= 1/2. */
#include "strmap.h"

#include <stdint.h>
#include <string.h>

typedef struct slot {
    const char *key; /* NULL: empty */
    size_t index;
} slot;

struct pc_strmap {
    pc_arena *a;
    slot *s;
    size_t cap, n; /* cap: a power of two */
};

static uint64_t hash(const char *k)
{
    uint64_t h = 1469598103934665603u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211u;
    return h;
}

static slot *find(slot *s, size_t cap, const char *key)
{
    size_t i = (size_t)hash(key) & (cap - 1);
    while (s[i].key && strcmp(s[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &s[i];
}

pc_strmap *pc_strmap_new(pc_arena *a, size_t n)
{
    pc_strmap *m = pc_arena_alloc(a, sizeof *m);
    if (!m)
        return NULL;
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    m->a = a;
    m->cap = cap;
    m->n = 0;
    m->s = pc_arena_calloc(a, cap, sizeof *m->s);
    return m->s ? m : NULL;
}

long pc_strmap_get(const pc_strmap *m, const char *key)
{
    const slot *e = find(m->s, m->cap, key);
    return e->key ? (long)e->index : -1;
}

int pc_strmap_put(pc_strmap *m, const char *key, size_t index)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap * 2;
        slot *ns = pc_arena_calloc(m->a, cap, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < m->cap; i++)
            if (m->s[i].key)
                *find(ns, cap, m->s[i].key) = m->s[i];
        m->s = ns;
        m->cap = cap;
    }
    slot *e = find(m->s, m->cap, key);
    if (!e->key) {
        e->key = key;
        m->n++;
    }
    e->index = index;
    return 0;
}
