/* alloc.c -- see alloc.h. */
#include "alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long count;   /* allocations attempted since pc_alloc_fail_at */
static atomic_long fail_at; /* 0: never */
static atomic_int sticky;
static atomic_long failed;
static atomic_long live;    /* blocks not yet freed */

/* Whether this allocation is to fail (a test asked for it). */
static int should_fail(void)
{
    long at = atomic_load_explicit(&fail_at, memory_order_relaxed);
    long k = atomic_fetch_add_explicit(&count, 1, memory_order_relaxed) + 1;
    if (at <= 0 || k < at)
        return 0;
    if (k > at && !atomic_load_explicit(&sticky, memory_order_relaxed))
        return 0;
    atomic_fetch_add_explicit(&failed, 1, memory_order_relaxed);
    return 1;
}

static void *counted(void *p)
{
    if (p)
        atomic_fetch_add_explicit(&live, 1, memory_order_relaxed);
    return p;
}

void *pc_malloc(size_t n)
{
    return should_fail() ? NULL : counted(malloc(n ? n : 1));
}

void *pc_calloc(size_t count_, size_t size)
{
    return should_fail() ? NULL : counted(calloc(count_ ? count_ : 1, size ? size : 1));
}

void *pc_realloc(void *p, size_t n)
{
    /* a failed realloc leaves p allocated, as the real one does */
    if (should_fail())
        return NULL;
    void *q = realloc(p, n ? n : 1);
    return p ? q : counted(q);
}

void pc_free(void *p)
{
    if (p)
        atomic_fetch_sub_explicit(&live, 1, memory_order_relaxed);
    free(p);
}

char *pc_strndup(const char *s, size_t n)
{
    char *d = pc_malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *pc_strdup(const char *s)
{
    return pc_strndup(s, strlen(s));
}

void pc_alloc_fail_at(long n, int sticky_)
{
    atomic_store(&fail_at, 0);
    atomic_store(&count, 0);
    atomic_store(&failed, 0);
    atomic_store(&sticky, sticky_);
    atomic_store(&fail_at, n);
}

long pc_alloc_count(void)
{
    return atomic_load(&count);
}

long pc_alloc_failed(void)
{
    return atomic_load(&failed);
}

long pc_alloc_live(void)
{
    return atomic_load(&live);
}
