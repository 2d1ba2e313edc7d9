/* arena.c -- see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"

static pc_arena_chunk *chunk_new(size_t size)
{
    pc_arena_chunk *c = pc_malloc(sizeof(pc_arena_chunk) + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

static size_t default_chunk = 64 * 1024;

void pc_arena_set_default_chunk(size_t chunk)
{
    default_chunk = chunk ? chunk : 64 * 1024;
}

pc_arena *pc_arena_new(size_t chunk_size)
{
    pc_arena *a = pc_malloc(sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? chunk_size : default_chunk;
    a->first = a->head = chunk_new(a->chunk_size);
    if (!a->head) {
        pc_free(a);
        return NULL;
    }
    a->total = 0;
    return a;
}

void pc_arena_free(pc_arena *a)
{
    if (!a)
        return;
    pc_arena_chunk *c = a->head;
    while (c) {
        pc_arena_chunk *n = c->next;
        pc_free(c);
        c = n;
    }
    pc_free(a);
}

void pc_arena_reset(pc_arena *a)
{
    pc_arena_chunk *c = a->head;
    while (c && c != a->first) {
        pc_arena_chunk *n = c->next;
        pc_free(c);
        c = n;
    }
    a->head = a->first;
    a->first->next = NULL;
    a->first->used = 0;
    a->total = 0;
}

void *pc_arena_alloc_slow(pc_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2)
        return NULL;
    n = (n + 15) & ~(size_t)15;
    pc_arena_chunk *c = a->head;
    if (c->size - c->used < n) {
        size_t sz = n > a->chunk_size ? n : a->chunk_size;
        pc_arena_chunk *nc = chunk_new(sz);
        if (!nc)
            return NULL;
        nc->next = a->head;
        a->head = nc;
        c = nc;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

void *pc_arena_calloc(pc_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = pc_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *pc_arena_realloc(pc_arena *a, void *old, size_t old_n, size_t new_n)
{
    void *p = pc_arena_alloc(a, new_n);
    if (p && old && old_n)
        memcpy(p, old, old_n < new_n ? old_n : new_n);
    return p;
}

char *pc_arena_strndup(pc_arena *a, const char *s, size_t n)
{
    char *p = pc_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *pc_arena_strdup(pc_arena *a, const char *s)
{
    return pc_arena_strndup(a, s, strlen(s));
}

size_t pc_arena_used(const pc_arena *a)
{
    return a->total;
}
