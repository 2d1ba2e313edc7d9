/* story_store.h -- stories held in memory to be coded in PETRARCH2's order.
 *
 * PETRARCH2 reads its whole input into a dict keyed by story id (so the
 * sentences of a story id merge wherever they are in the input) and codes
 * the stories sorted by id.  The order matters for exact results: the state
 * PETRARCH2's match_transform keeps between sentences (see
 * coder/xstate.h) depends on it.  The store does the same: add every story
 * as read, sort, then code in that order.  It copies what it is given. */
#ifndef PC_STORY_STORE_H
#define PC_STORY_STORE_H

#include <stddef.h>

#include "petrarch.h"

typedef struct pc_story_store pc_story_store;

pc_story_store *pc_story_store_new(void);
void pc_story_store_free(pc_story_store *s);

/* Add a story; a story id already in the store gets these sentences
 * appended (its date and source stay those of its first record, as in
 * PETRARCH2).  file and lines[i] (the line of sentence i, may be NULL) are
 * kept for diagnostics.  0, or -1 on OOM. */
int pc_story_store_add(pc_story_store *s, const pc_story_in *story, const char *file,
                       const long *lines);

/* Sort the stories by id (Python's sorted() on the ids: code point order). */
void pc_story_store_sort(pc_story_store *s);

size_t pc_story_store_count(const pc_story_store *s);

/* The i-th story; views stay valid until the store is freed.  file: that
 * of its first record. */
void pc_story_store_get(const pc_story_store *s, size_t i, pc_story_in *story,
                        const char **file, const long **lines);

/* The file of each sentence of the i-th story (parallel to its sents and
 * lines): a story id can come back in another file. */
const char *const *pc_story_store_files(const pc_story_store *s, size_t i);

#endif
