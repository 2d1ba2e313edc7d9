/* event_record.c -- see event_record.h. */
#include "event_record.h"

#include <string.h>

#include "util/strmap.h"

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *pc_collapse_space(pc_arena *a, const char *s)
{
    char *out = pc_arena_alloc(a, strlen(s) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (; *s; s++) {
        if (!is_space(*s))
            out[o++] = *s;
        else if (o && !is_space(s[1]) && s[1])
            out[o++] = ' ';
    }
    out[o] = '\0';
    return out;
}

pc_status pc_event_records(pc_arena *a, const pc_story_in *story, const pc_story_result *r,
                           pc_event_record **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (r->discarded || r->n_events == 0)
        return PC_OK;
    /* the story's sentences by their full id STORY_SENT, as the events name them */
    pc_strmap *by_id = pc_strmap_new(a, story->n_sents);
    pc_event_record *rec = pc_arena_calloc(a, r->n_events, sizeof *rec);
    const char **src = pc_arena_alloc(a, sizeof *src);
    if (!by_id || !rec || !src)
        return PC_ERR_NOMEM;
    *src = story->source ? story->source : "NULL";
    size_t sl = strlen(story->story_id);
    for (size_t i = 0; i < story->n_sents; i++) {
        const char *sid = story->sents[i].sent_id ? story->sents[i].sent_id : "";
        char *full = pc_arena_alloc(a, sl + strlen(sid) + 2);
        if (!full)
            return PC_ERR_NOMEM;
        memcpy(full, story->story_id, sl);
        full[sl] = '_';
        strcpy(full + sl + 1, sid);
        if (pc_strmap_put(by_id, full, i) < 0)
            return PC_ERR_NOMEM;
    }
    for (size_t k = 0; k < r->n_events; k++) {
        const pc_story_event *e = &r->events[k];
        pc_event_record *o = &rec[k];
        o->ev = e;
        o->story_id = story->story_id;
        o->n_ids = 1;
        o->ids = &e->ids;
        o->sources = src;
        long i = pc_strmap_get(by_id, e->ids);
        if (i >= 0) {
            o->sent_id = story->sents[i].sent_id;
            o->sentence_text = pc_collapse_space(a, story->sents[i].text ? story->sents[i].text : "");
            if (!o->sentence_text)
                return PC_ERR_NOMEM;
        } else {
            o->sent_id = "";
        }
    }
    *out = rec;
    *n = r->n_events;
    return PC_OK;
}
