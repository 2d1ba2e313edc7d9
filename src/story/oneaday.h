/* oneaday.h -- the one-a-day filter across stories, with the semantics of
 * phoenix_pipeline's oneaday_filter.py: events with the same (date,
 * source, target, code) -- from any story -- become one, whose ids are the
 * merged events' ids (in order), news sources their sources (one per
 * merged event, repeats kept) and issues the sum of their issue counts.
 *
 * Where oneaday_filter.py leaves things to dict order, this is
 * deterministic: events in order of first appearance, issue codes in order
 * of first appearance.  The texts (actor, event, roots) and the sentence
 * are the first event's (oneaday_filter.py keeps none). */
#ifndef PC_ONEADAY_H
#define PC_ONEADAY_H

#include <stddef.h>

#include "io/event_record.h"

typedef struct pc_oneaday pc_oneaday;

pc_oneaday *pc_oneaday_new(void);
void pc_oneaday_free(pc_oneaday *d);

/* Add an event (copied; r may itself be merged).  0, or -1 on OOM. */
int pc_oneaday_add(pc_oneaday *d, const pc_event_record *r);

size_t pc_oneaday_count(const pc_oneaday *d);

/* The i-th merged event (i < count), in order of first appearance: its
 * ev->ids and ev->story_source are the ';'-joined ids and sources, its
 * ev->issues the merged counts ("CODE,n;..."), as an evts line would show
 * them.  Valid until the next pc_oneaday_get, add or free; NULL on OOM. */
const pc_event_record *pc_oneaday_get(pc_oneaday *d, size_t i);

#endif
