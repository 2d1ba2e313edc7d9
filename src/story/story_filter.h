/* story_filter.h -- PETRARCH2's utilities.story_filter ("one-a-story"), as a
 * pure function of the coded sentences so it can be tested without a coder.
 * Internal to src/story. */
#ifndef PC_STORY_FILTER_H
#define PC_STORY_FILTER_H

#include "petrarch.h"
#include "util/arena.h"

/* One coded sentence of the story, given in PETRARCH2's iteration order (the
 * CPython 2.7 dict order of the sentence ids).  res: its events (only
 * sentences with events matter) and issues (a sentence's get_issues list). */
typedef struct pc_filter_sent {
    const char *sent_id;
    const pc_sentence_result *res;
} pc_filter_sent;

/* Merge the events of the sentences into one line per (date, source, target,
 * code), exactly as story_filter does:
 *   - ids: "STORY_SENT" of the LAST sentence (in the order given) with it;
 *   - issues: replaced by a sentence's issues only when that sentence has
 *     some, as "CODE,n;CODE,n" in the iteration order of a Python 2 Counter
 *     (py2dict order of the codes, counts of repeated codes added);
 *   - texts: replaced (only those the options write) by every sentence
 *     that has texts for the event (pc_event.has_text: extract_phrases gave
 *     it an entry), even when they are all "---" (NULL);
 * Output order: first appearance (PETRARCH2's own order is dict order over
 * the tuples; outputs are compared sorted).  Everything is allocated in a.
 * story_source NULL -> "NULL".  Returns PC_OK or PC_ERR_NOMEM. */
pc_status pc_story_filter(pc_arena *a, const char *story_id, const char *date,
                          const char *story_source, const pc_options *opt,
                          const pc_filter_sent *sents, size_t n,
                          pc_story_event **events, size_t *n_events);

/* A Counter built from issues[0..n) (codes may repeat: counts add up),
 * formatted "CODE,n;CODE,n" in CPython 2.7 iteration order; "" if n == 0.
 * NULL on OOM. */
const char *pc_issue_string(pc_arena *a, const pc_issue *issues, size_t n);

#endif
