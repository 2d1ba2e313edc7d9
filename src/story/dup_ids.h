/* dup_ids.h -- "both kept": a story with the same sentence id twice.
 *
 * PETRARCH2 keeps a story's sentences in a dict, so a second record with a
 * sentence id the story already has silently replaces the first (the
 * GigaWord sample has two different GOLD_9 sentences; only the second is
 * coded).  petrarch-c keeps both: the later one is renamed SENT -> SENTdup2
 * (the third SENTdup3, ...; a name already taken in the story is skipped
 * to the next number), the caller warns, and both are coded.  A deliberate
 * difference from PETRARCH2 (README); stories without repeated ids -- every
 * parity reference -- are untouched. */
#ifndef PC_DUP_IDS_H
#define PC_DUP_IDS_H

#include <stddef.h>

#include "petrarch.h"
#include "util/arena.h"

typedef struct pc_dup_rename {
    size_t index;  /* the renamed sentence (in story->sents) */
    size_t first;  /* the earlier sentence whose id it repeated */
} pc_dup_rename;

/* *out = *in, with every repeated sentence id renamed (then out->sents is a
 * copy in a; else it is in->sents).  *renames (in a) lists them in input
 * order.  Returns how many were renamed, -1 on OOM. */
long pc_story_rename_dups(pc_arena *a, const pc_story_in *in, pc_story_in *out,
                          pc_dup_rename **renames);

#endif
