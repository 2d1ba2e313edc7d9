/* emit.c -- the output formats of `petrarch batch` (--out): evts
 * (PETRARCH2's events file, the parity format), jsonl and phoenix, with or
 * without the one-a-day filter.  See batch.h. */
#include <string.h>

#include "batch.h"
#include "io/jsonl_writer.h"
#include "io/phoenix_writer.h"

static const char *const names[] = {"evts", "jsonl", "phoenix"};

int out_format_parse(const char *name)
{
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *out_format_name(out_format f)
{
    return names[f];
}

int emit_begin(emitter *e, FILE *f, out_format fmt, const pc_options *opt, int header,
               int one_a_day)
{
    memset(e, 0, sizeof *e);
    e->f = f;
    e->fmt = fmt;
    e->opt = opt;
    e->next_id = 1;
    e->a = pc_arena_new(0);
    if (!e->a || (one_a_day && !(e->oad = pc_oneaday_new())))
        return -1;
    if (header && fmt == OUT_PHOENIX && pc_phoenix_write_header(f) < 0)
        return -1;
    return 0;
}

/* One event record in the chosen format. */
static int write_record(emitter *e, const pc_event_record *r)
{
    switch (e->fmt) {
    case OUT_JSONL:
        return pc_jsonl_write_event(e->f, r);
    case OUT_PHOENIX:
        return pc_phoenix_write_event(e->f, r, e->next_id++);
    case OUT_EVTS:
    default: {
        pc_story_result one = {.n_events = 1, .events = r->ev};
        return pc_write_evts(e->f, &one, e->opt) < 0 ? -1 : 0;
    }
    }
}

long emit_story(emitter *e, const pc_story_in *s, const pc_story_result *r)
{
    /* evts without one-a-day: PETRARCH2's writer as it is */
    if (e->fmt == OUT_EVTS && !e->oad)
        return pc_write_evts(e->f, r, e->opt);
    pc_arena_reset(e->a);
    pc_event_record *recs;
    size_t n;
    if (pc_event_records(e->a, s, r, &recs, &n) != PC_OK)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (e->oad ? pc_oneaday_add(e->oad, &recs[i]) : write_record(e, &recs[i]))
            return -1;
    return e->oad ? 0 : (long)n;
}

long emit_end(emitter *e)
{
    if (!e->oad)
        return 0;
    size_t n = pc_oneaday_count(e->oad);
    for (size_t i = 0; i < n; i++) {
        const pc_event_record *r = pc_oneaday_get(e->oad, i);
        if (!r || write_record(e, r) < 0)
            return -1;
    }
    return (long)n;
}

void emit_free(emitter *e)
{
    pc_oneaday_free(e->oad);
    pc_arena_free(e->a);
    e->oad = NULL;
    e->a = NULL;
}
