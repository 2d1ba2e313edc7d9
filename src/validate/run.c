/* run.c -- pc_vrun_code: code each selected validation record as its own
 * one-sentence story (as unittest_to_batch.py makes them for PETRARCH2) and
 * keep the (source, target, code) set of the events written for it. */
#include <string.h>

#include "util/error.h"
#include "validate.h"

static int wanted(const pc_vselect *sel, const pc_vrecord *r)
{
    if (!sel || sel->n_only == 0)
        return 1;
    for (size_t i = 0; i < sel->n_only; i++)
        if (strcmp(sel->only[i], r->category) == 0)
            return 1;
    return 0;
}

/* An exclusion id names the story ("DEMO-31") or its sentence ("DEMO-31_1"). */
static int excluded(const pc_vselect *sel, const pc_vrecord *r)
{
    int hit = 0;
    size_t n = strlen(r->story);
    for (size_t i = 0; sel && i < sel->n_exclude; i++) {
        const char *x = sel->exclude[i];
        if (strcmp(x, r->story) == 0 ||
            (strncmp(x, r->story, n) == 0 && strcmp(x + n, "_1") == 0)) {
            hit = 1;
            if (sel->exclude_used)
                sel->exclude_used[i] = 1;
        }
    }
    return hit;
}

static const char *incomplete(const pc_vrecord *r)
{
    if (!r->id[0])
        return "record without an id attribute; not coded";
    if (!r->date || !r->date[0])
        return "record without a date attribute; not coded";
    if (!r->text)
        return "record without <Text>; not coded";
    if (!r->parse)
        return "record without <Parse>; not coded";
    return NULL;
}

static const char *keep(pc_arena *a, const char *s, int *oom)
{
    char *o = pc_arena_strdup(a, s ? s : "---"); /* NULL is written "---" */
    if (!o)
        *oom = 1;
    return o;
}

/* Code one record into res; -1 with err set when the coder itself fails. */
static int code_record(pc_coder *c, pc_arena *a, const pc_vrecord *r, pc_vresult *res,
                       pc_error *err)
{
    pc_sentence_in sent = {.sent_id = "1", .text = r->text, .parse = r->parse};
    pc_story_in story = {.story_id = r->story, .date = r->date, .source = "UNITTEST",
                         .n_sents = 1, .sents = &sent};
    pc_story_result out;
    if (pc_coder_code_story(c, &story, &out, err) != PC_OK)
        return -1;
    int oom = 0;
    if (out.n_sents == 1 && out.sents[0].status != PC_OK) {
        res->status = PC_V_ERROR;
        res->message = keep(a, out.sents[0].message ? out.sents[0].message : "coding failed",
                            &oom);
    } else if (!out.discarded && out.n_events) {
        res->pred.v = pc_arena_calloc(a, out.n_events, sizeof *res->pred.v);
        if (!res->pred.v)
            oom = 1;
        for (size_t i = 0; !oom && i < out.n_events; i++) {
            const pc_story_event *e = &out.events[i];
            pc_vtriple *t = &res->pred.v[res->pred.n++];
            t->source = keep(a, e->source, &oom);
            t->target = keep(a, e->target, &oom);
            t->code = keep(a, e->code, &oom);
        }
        res->pred.n = pc_vtriples_normalize(res->pred.v, res->pred.n);
    }
    pc_coder_reset(c);
    if (oom)
        return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, r->id, "out of memory"), -1;
    if (res->status != PC_V_ERROR) {
        int same = res->pred.n == r->gold.n && pc_vset_common(&res->pred, &r->gold) == r->gold.n;
        res->status = same ? PC_V_PASS : PC_V_FAIL;
    }
    return 0;
}

pc_vrun *pc_vrun_code(pc_coder *c, const pc_vfile *vf, const pc_vselect *sel, pc_error *err)
{
    pc_error_clear(err);
    pc_arena *a = pc_arena_new(0);
    pc_vrun *run = a ? pc_arena_calloc(a, 1, sizeof *run) : NULL;
    if (run)
        run->arena = a;
    if (run && vf->n && !(run->res = pc_arena_calloc(a, vf->n, sizeof *run->res)))
        run = NULL;
    if (!run) {
        pc_arena_free(a);
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < vf->n; i++) {
        const pc_vrecord *r = &vf->recs[i];
        if (!wanted(sel, r))
            continue;
        pc_vresult *res = &run->res[run->n++];
        res->rec = r;
        const char *why;
        if (excluded(sel, r)) {
            res->status = PC_V_EXCLUDED;
        } else if ((why = incomplete(r))) {
            res->status = PC_V_ERROR;
            res->message = why;
        } else if (code_record(c, a, r, res, err) < 0) {
            pc_vrun_free(run);
            return NULL;
        }
    }
    return run;
}

void pc_vrun_free(pc_vrun *run)
{
    if (run)
        pc_arena_free(run->arena); /* run lives in its arena */
}
