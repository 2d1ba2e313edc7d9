/* event_record.h -- one output event with what the JSON Lines and Phoenix
 * writers need beyond the evts line: the sentence it came from, and the
 * ids and news sources merged into it (several only after the one-a-day
 * filter, story/oneaday.h). */
#ifndef PC_EVENT_RECORD_H
#define PC_EVENT_RECORD_H

#include <stddef.h>

#include "petrarch.h"
#include "util/arena.h"

typedef struct pc_event_record {
    const pc_story_event *ev;    /* date, codes, issues, texts (ev->ids and
                                    ev->story_source as an evts line has them) */
    const char *story_id;        /* of the first id */
    const char *sent_id;
    const char *sentence_text;   /* of the first id, white space collapsed; NULL if unknown */
    size_t n_ids;                /* >= 1 */
    const char *const *ids;      /* each STORY_SENT merged into this event */
    const char *const *sources;  /* the news source of each ("NULL" if none) */
} pc_event_record;

/* The records of one coded story (r from pc_coder_code_story on story):
 * one per event of r, in r's order, allocated in a.  *n = 0 for a
 * discarded story.  PC_OK or PC_ERR_NOMEM. */
pc_status pc_event_records(pc_arena *a, const pc_story_in *story, const pc_story_result *r,
                           pc_event_record **out, size_t *n);

/* s with every run of white space made one space, and none at either end
 * (in a; NULL on OOM). */
char *pc_collapse_space(pc_arena *a, const char *s);

#endif
