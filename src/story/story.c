/* story.c -- pc_coder_code_story: PETRARCH2's do_coding loop for one story
 * (petrarch2.do_coding), followed by its one-a-story filter (story_filter.c).
 *
 * Order matters: PETRARCH2 keeps a story's sentences in a dict keyed by the
 * sentence-id strings, so it codes -- and story_filter later walks -- them
 * in CPython 2.7 dict order, and the LAST sentence in that order decides an
 * event's ids.  A story discard stops the story; the sentences coded before
 * it are thrown away with it. */
#include <stdint.h>
#include <string.h>

#include "coder/coder.h"
#include "story_filter.h"
#include "util/error.h"
#include "util/py2dict.h"

/* For each sentence index k: the index of the LAST sentence with the same id
 * (a dict assignment keeps the first key's place but the last value). */
static size_t *last_of_same_id(pc_arena *a, const pc_story_in *s)
{
    size_t n = s->n_sents, nslots = 16;
    while (nslots < 2 * n)
        nslots *= 2;
    size_t *slot = pc_arena_alloc(a, nslots * sizeof *slot);
    size_t *last = pc_arena_alloc(a, (n ? n : 1) * sizeof *last);
    if (!slot || !last)
        return NULL;
    memset(slot, 0xff, nslots * sizeof *slot);
    for (size_t k = 0; k < n; k++) {
        const char *id = s->sents[k].sent_id;
        size_t h = (size_t)pc_py2_hash(id, strlen(id));
        size_t i = h & (nslots - 1);
        while (slot[i] != SIZE_MAX && strcmp(s->sents[slot[i]].sent_id, id) != 0)
            i = (i + 1) & (nslots - 1);
        if (slot[i] == SIZE_MAX)
            slot[i] = k;
        last[k] = k;
        last[slot[i]] = k;
    }
    return last;
}

static void discard_status(pc_sentence_status *st, pc_discard d, const char *phrase)
{
    st->discard = d;
    st->message = phrase;
}

pc_status pc_coder_code_story(pc_coder *c, const pc_story_in *story, pc_story_result *out,
                              pc_error *err)
{
    pc_error_clear(err);
    if (out)
        memset(out, 0, sizeof *out);
    if (!c || !story || !out || !story->story_id || !story->date ||
        (story->n_sents && !story->sents))
        return pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL,
                            "pc_coder_code_story: NULL argument");
    pc_coder_reset(c);
    pc_arena *a = c->arena;
    size_t n = story->n_sents;
    const char *sid = story->story_id;

    pc_sentence_status *sst = pc_arena_calloc(a, n ? n : 1, sizeof *sst);
    const char **keys = pc_arena_alloc(a, (n ? n : 1) * sizeof *keys);
    size_t *order = pc_arena_alloc(a, (n ? n : 1) * sizeof *order);
    pc_sentence_result *res = pc_arena_calloc(a, n ? n : 1, sizeof *res);
    pc_filter_sent *fs = pc_arena_alloc(a, (n ? n : 1) * sizeof *fs);
    size_t *last = last_of_same_id(a, story);
    if (!sst || !keys || !order || !res || !fs || !last)
        goto oom;
    for (size_t k = 0; k < n; k++) {
        keys[k] = story->sents[k].sent_id ? story->sents[k].sent_id : "";
        sst[k].sent_id = keys[k];
        if (last[k] != k)
            sst[k].message = "replaced by a later sentence with the same id";
    }
    long m = pc_py2dict_order(a, keys, NULL, n, order);
    if (m < 0)
        goto oom;
    out->n_sents = n;
    out->sents = sst;

    size_t nf = 0;
    long j;
    for (j = 0; j < m; j++) {
        size_t k = last[order[j]];
        const pc_sentence_in *s = &story->sents[k];
        pc_sentence_status *st = &sst[k];
        const char *text = s->text ? s->text : "";
        if (!s->parse) { /* PETRARCH2: "has no parse information. Passing." */
            st->status = PC_ERR_INPUT;
            st->message = "no parse";
            continue;
        }
        /* The sentence coder follows do_coding's order itself: the date
         * (dstr_to_ordate), check_discards, the tree and events, and
         * get_issues for a sentence with events when an issue file is set. */
        pc_sentence_result *r = &res[j];
        pc_error e;
        pc_error_clear(&e);
        pc_status cs = pc_coder_sentence_noreset(c, s->parse, text, story->date, r, &e);
        if (cs == PC_ERR_NOMEM)
            goto oom;
        if (cs != PC_OK) {
            st->status = cs;
            st->message = pc_arena_strdup(a, e.message);
            memset(r, 0, sizeof *r);
            continue;
        }
        pc_discard d = r->discard;
        const char *phrase = r->discard_phrase;
        if (d == PC_DISCARD_SENTENCE) {
            discard_status(st, d, phrase);
            continue;
        }
        if (d == PC_DISCARD_STORY) {
            discard_status(st, d, phrase);
            out->discarded = 1;
            break;
        }
        st->n_events = r->n_events;
        if (r->n_events > 0)
            fs[nf++] = (pc_filter_sent){.sent_id = keys[k], .res = r};
    }
    if (out->discarded) {
        /* do_coding sets the story's sents to None: nothing of it is
         * written.  The sentences after the discard are not coded (marked
         * PC_DISCARD_STORY, no message); those before keep what happened. */
        for (j = j + 1; j < m; j++)
            discard_status(&sst[last[order[j]]], PC_DISCARD_STORY, NULL);
        return PC_OK;
    }
    pc_story_event *ev;
    size_t nev;
    if (pc_story_filter(a, sid, story->date, story->source, &c->opt, fs, nf, &ev, &nev) != PC_OK)
        goto oom;
    out->events = ev;
    out->n_events = nev;
    return PC_OK;
oom:
    if (out)
        memset(out, 0, sizeof *out);
    return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, story->story_id,
                        "out of memory coding story %s", story->story_id);
}
