/* alloc.h -- the library's malloc, calloc, realloc, free and strdup.
 *
 * Every heap allocation of libpetrarch goes through these (arenas get their
 * chunks here), so a test can make allocations fail on purpose and check
 * that each failure comes back as PC_ERR_NOMEM with nothing leaked
 * (tests/unit/test_alloc_fail.c, in the manner of libexpat's allocation
 * tests).  Outside tests they are plain malloc & co plus one relaxed atomic
 * counter increment.  Not routed here: what expat, utf8proc and libc
 * allocate for themselves. */
#ifndef PC_ALLOC_H
#define PC_ALLOC_H

#include <stddef.h>

void *pc_malloc(size_t n);
void *pc_calloc(size_t count, size_t size);
void *pc_realloc(void *p, size_t n);
void pc_free(void *p);
char *pc_strdup(const char *s);
char *pc_strndup(const char *s, size_t n);

/* Testing.  pc_alloc_fail_at(n, sticky): count allocations from zero again;
 * the n-th one from now (1 = the next) fails, and with sticky every one
 * after it too; n = 0 makes none fail.  Process-wide (threads included). */
void pc_alloc_fail_at(long n, int sticky);
/* Allocations attempted (failed ones included) since pc_alloc_fail_at. */
long pc_alloc_count(void);
/* Allocations made to fail since pc_alloc_fail_at. */
long pc_alloc_failed(void);
/* Blocks handed out by pc_malloc/pc_calloc/pc_realloc(NULL, n)/pc_strdup
 * and not yet given to pc_free: a leak check that needs no sanitizer. */
long pc_alloc_live(void);

#endif
