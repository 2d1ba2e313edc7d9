/* evts_writer.c -- pc_write_evts: one line per filtered event, in the format
 * of PETRARCH2's PETRwriter.write_events:
 *   date TAB source TAB target TAB code TAB issues TAB ids TAB story-source
 *   [TAB source-text TAB target-text]   when write_actor_text
 *   [TAB event-text]                    when write_event_text
 *   [TAB source-root TAB target-root]   when write_actor_root
 * A missing text is "---"; issues may be empty.  PETRARCH2 adds a url column
 * before the story source only for pipeline input, which has none here. */
#include <stdio.h>

#include "petrarch.h"

static void field(FILE *f, const char *s)
{
    fputc('\t', f);
    fputs(s ? s : "---", f);
}

int pc_write_evts(FILE *f, const pc_story_result *r, const pc_options *opt)
{
    if (!f || !r)
        return -1;
    if (r->discarded)
        return 0;
    for (size_t i = 0; i < r->n_events; i++) {
        const pc_story_event *e = &r->events[i];
        fputs(e->date, f);
        field(f, e->source);
        field(f, e->target);
        field(f, e->code);
        field(f, e->issues ? e->issues : "");
        field(f, e->ids);
        field(f, e->story_source ? e->story_source : "NULL");
        if (opt && opt->write_actor_text) {
            field(f, e->source_text);
            field(f, e->target_text);
        }
        if (opt && opt->write_event_text)
            field(f, e->event_text);
        if (opt && opt->write_actor_root) {
            field(f, e->source_root);
            field(f, e->target_root);
        }
        fputc('\n', f);
    }
    return ferror(f) ? -1 : (int)r->n_events;
}
