/* raw_text.c -- see raw_text.h. */
#include "raw_text.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"

int pc_story_has_text_only(const pc_story_in *s)
{
    for (size_t i = 0; i < s->n_sents; i++)
        if (!s->sents[i].parse)
            return 1;
    return 0;
}

typedef struct acc {
    pc_arena *a;
    pc_sentence_in *s;
    size_t *from;
    size_t n, cap;
    pc_raw_failure *f;
    size_t nf, capf;
} acc;

static int push(acc *c, pc_sentence_in s, size_t from)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 16;
        pc_sentence_in *ns = pc_arena_realloc(c->a, c->s, c->n * sizeof *ns, cap * sizeof *ns);
        size_t *nf = pc_arena_realloc(c->a, c->from, c->n * sizeof *nf, cap * sizeof *nf);
        if (!ns || !nf)
            return -1;
        c->s = ns;
        c->from = nf;
        c->cap = cap;
    }
    c->s[c->n] = s;
    c->from[c->n++] = from;
    return 0;
}

static int fail(acc *c, size_t from, const char *id, const char *msg)
{
    if (c->nf == c->capf) {
        size_t cap = c->capf ? 2 * c->capf : 8;
        pc_raw_failure *nf = pc_arena_realloc(c->a, c->f, c->nf * sizeof *nf, cap * sizeof *nf);
        if (!nf)
            return -1;
        c->f = nf;
        c->capf = cap;
    }
    c->f[c->nf++] = (pc_raw_failure){.from = from, .sent_id = id, .message = msg};
    return 0;
}

/* The id of the k-th (0-based) sentence the splitter made of in sentence id. */
static const char *piece_id(pc_arena *a, const char *id, size_t k, int unsplit)
{
    char buf[32];
    if (unsplit) {
        snprintf(buf, sizeof buf, "%zu", k + 1);
        return pc_arena_strdup(a, buf);
    }
    if (k == 0)
        return id;
    size_t len = strlen(id) + 24;
    char *s = pc_arena_alloc(a, len);
    if (s)
        snprintf(s, len, "%s.%zu", id, k + 1);
    return s;
}

pc_status pc_raw_text_parse(const pc_nlp *nlp, const char *no_nlp, pc_arena *a,
                            const pc_story_in *in, int unsplit, pc_raw_result *out,
                            pc_error *err)
{
    memset(out, 0, sizeof *out);
    out->story = *in;
    acc c = {.a = a};
    size_t n = in->n_sents;
    out->units = pc_arena_alloc(a, (n ? n : 1) * sizeof *out->units);
    if (!out->units)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        const pc_sentence_in *s = &in->sents[i];
        const char *id = s->sent_id ? s->sent_id : "";
        size_t before = c.n + c.nf;
        if (s->parse) {
            if (push(&c, *s, i) < 0)
                goto oom;
        } else if (!nlp) {
            if (fail(&c, i, id, no_nlp) < 0)
                goto oom;
        } else {
            const char *text = s->text ? s->text : "";
            pc_nlp_doc d;
            if (pc_nlp_process(nlp, text, strlen(text), 0, a, &d, err) < 0)
                return err && err->code ? err->code : PC_ERR_NOMEM;
            if (d.n_sents == 0 && fail(&c, i, id, "no sentence found in the text") < 0)
                goto oom;
            for (size_t k = 0; k < d.n_sents; k++) {
                const pc_nlp_sentence *ns = &d.sents[k];
                const char *sid = piece_id(a, id, k, unsplit);
                if (!sid)
                    goto oom;
                int bad = ns->parse ? push(&c, (pc_sentence_in){sid, ns->text, ns->parse}, i)
                                    : fail(&c, i, sid, ns->error ? ns->error : "not parsed");
                if (bad < 0)
                    goto oom;
            }
            if (unsplit && !in->source && d.agency)
                out->story.source = d.agency;
        }
        out->units[i] = c.n + c.nf - before;
    }
    out->story.sents = c.s;
    out->story.n_sents = c.n;
    out->from = c.from;
    out->failed = c.f;
    out->n_failed = c.nf;
    return PC_OK;
oom:
    return pc_error_set(err, PC_ERR_NOMEM, NULL, 0, in->story_id, "out of memory");
}
