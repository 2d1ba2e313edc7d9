/* strmap.h -- a map from strings to indexes (size_t), allocated in an
 * arena: for per-story lookups (repeated sentence ids, the sentence an
 * event came from).  Keys are borrowed, not copied: they must outlive the
 * map.  No deletion. */
#ifndef PC_STRMAP_H
#define PC_STRMAP_H

#include <stddef.h>

#include "arena.h"

typedef struct pc_strmap pc_strmap;

/* A map sized for about n keys (it grows past that).  NULL on OOM. */
pc_strmap *pc_strmap_new(pc_arena *a, size_t n);

/* The index stored for key, or -1. */
long pc_strmap_get(const pc_strmap *m, const char *key);

/* Store key -> index (replacing an earlier index).  0, or -1 on OOM. */
int pc_strmap_put(pc_strmap *m, const char *key, size_t index);

#endif
