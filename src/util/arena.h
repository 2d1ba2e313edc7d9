/* arena.h -- bump allocator: one per loaded dictionary set, one per story.
 * Everything allocated from an arena is released at once by pc_arena_reset or
 * pc_arena_free; nothing in it is freed one by one. */
#ifndef PC_ARENA_H
#define PC_ARENA_H

#include <stddef.h>

typedef struct pc_arena pc_arena;

/* chunk: preferred chunk size in bytes (0 -> 64 KiB). NULL on OOM. */
pc_arena *pc_arena_new(size_t chunk);
void pc_arena_free(pc_arena *a);
/* Forget every allocation but keep the first chunk for reuse. */
void pc_arena_reset(pc_arena *a);
/* 16-byte aligned; NULL on OOM (or n too large). */
void *pc_arena_alloc(pc_arena *a, size_t n);
void *pc_arena_calloc(pc_arena *a, size_t count, size_t size);
/* Grow an allocation (copying); old memory is simply abandoned. */
void *pc_arena_realloc(pc_arena *a, void *old, size_t old_n, size_t new_n);
char *pc_arena_strdup(pc_arena *a, const char *s);
char *pc_arena_strndup(pc_arena *a, const char *s, size_t n);
/* Bytes handed out since creation/reset (for statistics). */
size_t pc_arena_used(const pc_arena *a);

#endif
