/* arena.h -- bump allocator: one per loaded dictionary set, one per story.
 * Everything allocated from an arena is released at once by pc_arena_reset or
 * pc_arena_free; nothing in it is freed one by one.
 *
 * The structs are here only so that pc_arena_alloc's common case (the
 * current chunk has room) can be inlined: the coder and the dictionary
 * readers make millions of small allocations.  Use the functions. */
#ifndef PC_ARENA_H
#define PC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct pc_arena_chunk {
    struct pc_arena_chunk *next;
    size_t size; /* usable bytes in data[] */
    size_t used;
    _Alignas(16) unsigned char data[];
} pc_arena_chunk;

typedef struct pc_arena {
    pc_arena_chunk *head;  /* current chunk (most recent) */
    pc_arena_chunk *first; /* kept on reset */
    size_t chunk_size;
    size_t total;
} pc_arena;

/* chunk: preferred chunk size in bytes (0 -> 64 KiB, or what
 * pc_arena_set_default_chunk said). NULL on OOM. */
pc_arena *pc_arena_new(size_t chunk);
/* Testing: the chunk size of arenas made with chunk 0 from now on (0: back
 * to 64 KiB).  Tiny chunks make the coder allocate at almost every step, so
 * tests/unit/test_alloc_fail.c can make each of those steps fail. */
void pc_arena_set_default_chunk(size_t chunk);
void pc_arena_free(pc_arena *a);
/* Forget every allocation but keep the first chunk for reuse. */
void pc_arena_reset(pc_arena *a);

/* A new chunk, then the allocation (pc_arena_alloc when the chunk is full). */
void *pc_arena_alloc_slow(pc_arena *a, size_t n);

/* 16-byte aligned; NULL on OOM (or n too large). */
static inline void *pc_arena_alloc(pc_arena *a, size_t n)
{
    /* (no locals: GCC's -Wclobbered would flag them where this is inlined
     * into a function that calls setjmp) */
    if (n - 1 < SIZE_MAX / 2 && /* n == 0 and huge n take the slow path */
        a->head->size - a->head->used >= ((n + 15) & ~(size_t)15)) {
        a->head->used += (n + 15) & ~(size_t)15;
        a->total += (n + 15) & ~(size_t)15;
        return a->head->data + a->head->used - ((n + 15) & ~(size_t)15);
    }
    return pc_arena_alloc_slow(a, n);
}

void *pc_arena_calloc(pc_arena *a, size_t count, size_t size);
/* Grow an allocation (copying); old memory is simply abandoned. */
void *pc_arena_realloc(pc_arena *a, void *old, size_t old_n, size_t new_n);
char *pc_arena_strdup(pc_arena *a, const char *s);
char *pc_arena_strndup(pc_arena *a, const char *s, size_t n);
/* Bytes handed out since creation/reset (for statistics). */
size_t pc_arena_used(const pc_arena *a);

#endif
