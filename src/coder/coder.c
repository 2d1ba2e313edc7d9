/* coder.c -- coder handle and the sentence entry points. */
#include "coder.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/alloc.h"
#include "sent.h"
#include "text.h"

pc_coder *pc_coder_new(const pc_dicts *dicts, const pc_config *cfg, pc_error *err)
{
    pc_coder *c = pc_calloc(1, sizeof *c);
    if (!c) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory creating a coder");
        return NULL;
    }
    c->dicts = dicts;
    c->opt = *pc_config_options(cfg);
    c->has_issues = dicts->issues != NULL;
    c->arena = pc_arena_new(0);
    c->scratch = pc_arena_new(0);
    if (!c->arena || !c->scratch) {
        pc_coder_free(c);
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory creating a coder");
        return NULL;
    }
    return c;
}

void pc_coder_free(pc_coder *c)
{
    if (!c)
        return;
    pc_arena_free(c->arena);
    pc_arena_free(c->scratch);
    pc_free(c);
}

void pc_coder_reset(pc_coder *c)
{
    pc_arena_reset(c->arena);
    pc_arena_reset(c->scratch);
}

pc_status pc_coder_code_sentence(pc_coder *c, const char *parse, const char *text,
                                 const char *date, pc_sentence_result *out, pc_error *err)
{
    pc_coder_reset(c);
    return pc_coder_sentence_noreset(c, parse, text, date, out, err);
}

/* ------------------------------------------------------------ sentence */

/* PETRARCH2's read_xml_input: text.replace('\n', ' ').replace('  ', ' ')
 * (one pass each, so three spaces become two). */
static char *normalize_text(pc_arena *a, const char *t)
{
    size_t n = strlen(t);
    char *tmp = pc_arena_alloc(a, n + 1);
    char *out = pc_arena_alloc(a, n + 1);
    if (!tmp || !out)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        tmp[i] = t[i] == '\n' ? ' ' : t[i];
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (tmp[i] == ' ' && tmp[i + 1] == ' ') {
            out[o++] = ' ';
            i += 2;
        } else {
            out[o++] = tmp[i++];
        }
    }
    out[o] = '\0';
    return out;
}

static const char *copy_str(pc_arena *a, const pv *v)
{
    if (!v || v->k != PV_STR)
        return NULL;
    return pc_arena_strndup(a, v->s, v->n);
}

static const char *exc_name(py_exc e)
{
    switch (e) {
    case PY_INDEX_ERROR: return "IndexError";
    case PY_KEY_ERROR: return "KeyError";
    case PY_TYPE_ERROR: return "TypeError";
    case PY_VALUE_ERROR: return "ValueError";
    case PY_ATTRIBUTE_ERROR: return "AttributeError";
    case PY_RUNTIME_ERROR: return "RuntimeError";
    case PY_MEMORY_ERROR: return "MemoryError";
    default: return "Exception";
    }
}

/* The body of do_coding for one sentence that has a parse and survived the
 * discard check; runs under an outermost py frame. */
static void code_parsed(pc_coder *c, sent *s, const char *parse, const char *content,
                        pc_sentence_result *out)
{
    py_rt *rt = &s->rt;
    const char *msg = NULL;
    if (pc_tree_build(rt, parse, &s->tree, &msg) != 0) {
        rt->where = msg;
        py_raise(rt, PY_INDEX_ERROR, msg);
    }
    pv *valid, *mkeys, *mvals, *texts = NULL;
    get_events(s, &valid, &mkeys, &mvals);
    int want_text = c->opt.write_actor_text || c->opt.write_event_text || c->opt.write_actor_root;
    if (valid->n && want_text)
        extract_phrases(s, content, mkeys, mvals, &texts);

    pc_event *ev = pc_arena_calloc(c->arena, valid->n ? valid->n : 1, sizeof *ev);
    if (!ev)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < valid->n; i++) {
        pv *t = valid->items[i];
        ev[i].source = copy_str(c->arena, t->items[0]);
        ev[i].target = copy_str(c->arena, t->items[1]);
        ev[i].code = copy_str(c->arena, t->items[2]);
        if (!ev[i].source || !ev[i].target || !ev[i].code)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        if (!texts)
            continue;
        for (size_t k = 0; k < mkeys->n; k++) {
            if (!pv_eq(mkeys->items[k], t))
                continue;
            pv *tx = texts->items[k];
            if (c->opt.write_actor_text) {
                ev[i].source_text = copy_str(c->arena, tx->items[0]);
                ev[i].target_text = copy_str(c->arena, tx->items[1]);
            }
            if (c->opt.write_event_text)
                ev[i].event_text = copy_str(c->arena, tx->items[2]);
            if (c->opt.write_actor_root) {
                ev[i].source_root = copy_str(c->arena, tx->items[3]);
                ev[i].target_root = copy_str(c->arena, tx->items[4]);
            }
            ev[i].has_text = 1;
            break;
        }
    }
    out->events = ev;
    out->n_events = valid->n;
}

pc_status pc_coder_sentence_noreset(pc_coder *c, const char *parse, const char *text,
                                    const char *date, pc_sentence_result *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    pc_arena_reset(c->scratch);
    const char *content = normalize_text(c->arena, text ? text : "");
    if (!content)
        return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");

    long ordate;
    if (!date || pc_dstr_to_ordate(date, strlen(date), &ordate) != 0)
        return pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL,
                            "invalid date \"%s\" (PETRARCH2 raises DateError)", date ? date : "");

    const char *phrase = NULL;
    out->discard = pc_check_discards(c->dicts, content, c->arena, &phrase);
    if (out->discard != PC_DISCARD_NONE) {
        out->discard_phrase = phrase;
        return PC_OK;
    }
    if (!parse)
        return pc_error_set(err, PC_ERR_INPUT, NULL, 0, NULL, "no parse");

    /* The sentence state lives in the arena, not on this stack frame: it is
     * written between setjmp and longjmp, and read after the jump. */
    sent *s = pc_arena_calloc(c->scratch, 1, sizeof *s);
    if (!s)
        return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
    s->rt.a = c->scratch;
    s->d = c->dicts;
    s->memo = c->memo;
    s->opt = &c->opt;
    s->date = ordate;
    s->date_is_str = c->date_is_str;
    s->actoridx = 1;

    py_frame top;
    py_try_push(&s->rt, &top);
    if (setjmp(top.jb) == 0) {
        s->nouns = pv_list(&s->rt);
        code_parsed(c, s, parse, content, out);
        py_try_leave(&s->rt, &top);
    } else {
        memset(out, 0, sizeof *out);
        if (s->rt.over_budget)
            return pc_error_set(err, PC_ERR_CODER, NULL, 0, NULL,
                                "coding this sentence takes more than %ld steps or %zu MB "
                                "(PETRARCH2 would run for a very long time); not coded",
                                (long)PY_STEP_BUDGET, (size_t)PY_MEMORY_BUDGET >> 20);
        if (s->rt.last == PY_MEMORY_ERROR)
            return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        if (!s->tree.root)
            return pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "unreadable parse: %s",
                                s->rt.where ? s->rt.where : "");
        return pc_error_set(err, PC_ERR_CODER, NULL, 0, NULL,
                            "PETRARCH2 1.2.0 raises %s on this sentence (%s); not coded",
                            exc_name(s->rt.last), s->rt.where ? s->rt.where : "");
    }

    if (out->n_events && c->has_issues) {
        pc_issue *iss = NULL;
        long n = pc_get_issues(c->dicts, content, c->arena, &iss);
        if (n < 0)
            return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        out->issues = iss;
        out->n_issues = (size_t)n;
    }
    return PC_OK;
}

struct sent *pc_test_sentence(pc_coder *c, const char *parse, const char *date_str, long ordate)
{
    pc_arena_reset(c->scratch);
    sent *s = pc_arena_calloc(c->scratch, 1, sizeof *s);
    if (!s)
        return NULL;
    s->rt.a = c->scratch;
    s->d = c->dicts;
    s->memo = c->memo;
    s->opt = &c->opt;
    s->date = ordate;
    s->date_is_str = date_str != NULL;
    s->actoridx = 1;
    py_frame top;
    py_try_push(&s->rt, &top);
    if (setjmp(top.jb) != 0)
        return NULL;
    s->nouns = pv_list(&s->rt);
    const char *msg;
    int r = pc_tree_build(&s->rt, parse, &s->tree, &msg);
    py_try_leave(&s->rt, &top);
    return r == 0 ? s : NULL;
}
