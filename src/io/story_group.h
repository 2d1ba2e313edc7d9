/* story_group.h -- the story being assembled by the XML reader: consecutive
 * records with the same story id, their sentences in input order, and the
 * story ids seen so far (to warn when one comes back later).
 * Internal to src/io. */
#ifndef PC_STORY_GROUP_H
#define PC_STORY_GROUP_H

#include <stddef.h>

#include "petrarch.h"

typedef struct pc_group pc_group;

pc_group *pc_group_new(void);
void pc_group_free(pc_group *g);

/* The current story's id, NULL when no story is open. */
const char *pc_group_story_id(const pc_group *g);

/* Open a new story (the previous one must have been cleared).  source may be
 * NULL.  Returns 1 if this story id was already opened before (in any file
 * read by this group), 0 if not, -1 on OOM.  Ids are remembered as 64-bit
 * hashes, for the first PC_GROUP_MAX_SEEN stories only. */
#define PC_GROUP_MAX_SEEN (1L << 20)
int pc_group_open(pc_group *g, const char *story_id, const char *date, const char *source);

/* Whether the seen-ids memory is full (ids past it are not checked). */
int pc_group_seen_full(const pc_group *g);

/* Add a sentence to the open story (strings are copied; text/parse are n
 * bytes; parse may be NULL: a text-only record).  A sentence id the story
 * already has is added again (the caller decides what a repeated id
 * means).  0, or -1 on OOM. */
int pc_group_add(pc_group *g, const char *sent_id, const char *text, size_t text_n,
                 const char *parse, size_t parse_n, long line);

size_t pc_group_count(const pc_group *g);

/* The open story as the coder wants it; valid until pc_group_clear. */
void pc_group_view(const pc_group *g, pc_story_in *story, const long **lines);

/* Close the story and release its memory. */
void pc_group_clear(pc_group *g);

#endif
