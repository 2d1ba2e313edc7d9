/* pipeline.c -- see nlp.h: text -> normalize -> split -> tokenize (segment),
 * then the backend's tagger and parser per sentence (process). */
#include "nlp/nlp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/conventions.h"
#include "nlp/normalize.h"
#include "nlp/tokenize.h"
#include "util/error.h"

struct pc_nlp {
    pc_nlp_backend b;
};

pc_nlp *pc_nlp_new(const pc_nlp_backend *b, pc_error *err)
{
    if (!b || !b->tag || !b->parse) {
        pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL, "pc_nlp_new: no tagger or parser");
        return NULL;
    }
    pc_nlp *nlp = malloc(sizeof *nlp);
    if (!nlp) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    nlp->b = *b;
    return nlp;
}

void pc_nlp_free(pc_nlp *nlp)
{
    if (!nlp)
        return;
    if (nlp->b.free)
        nlp->b.free(nlp->b.ctx);
    free(nlp);
}

/* ------------------------------------------------------------- segment */

typedef struct seg {
    const char *orig;
    const pc_norm *nm;
    pc_arena *a;
    pc_nlp_doc *doc;
    size_t cap;
} seg;

/* Where to end a piece of a too-long sentence that starts at token first:
 * after the last , ; : or -- in the second half of the window, else at the
 * window's end. */
static size_t cut_at(const pc_token *t, size_t first, size_t n)
{
    size_t end = first + PC_NLP_MAX_TOKENS;
    if (end >= n)
        return n;
    for (size_t k = end; k > first + PC_NLP_MAX_TOKENS / 2; k--) {
        const char *w = t[k - 1].word;
        if (!strcmp(w, ",") || !strcmp(w, ";") || !strcmp(w, ":") || !strcmp(w, "--"))
            return k;
    }
    return end;
}

/* One sentence (normalized tokens t[0..n), offsets from base) into doc. */
static int add_sentence(seg *z, size_t base, const pc_token *t, size_t n)
{
    pc_nlp_doc *d = z->doc;
    if (d->n_sents == z->cap) {
        size_t cap = z->cap ? z->cap * 2 : 16;
        pc_nlp_sentence *v =
            pc_arena_realloc(z->a, d->sents, z->cap * sizeof *v, cap * sizeof *v);
        if (!v)
            return -1;
        d->sents = v;
        z->cap = cap;
    }
    pc_nlp_sentence *s = &d->sents[d->n_sents];
    memset(s, 0, sizeof *s);
    s->tokens = pc_arena_alloc(z->a, n * sizeof *s->tokens);
    if (!s->tokens)
        return -1;
    for (size_t i = 0; i < n; i++) {
        pc_nlp_token *o = &s->tokens[i];
        o->word = t[i].word;
        o->tag = NULL;
        pc_norm_span(z->nm, base + t[i].start, base + t[i].end, &o->start, &o->end);
    }
    s->n_tokens = n;
    pc_norm_span(z->nm, base + t[0].start, base + t[n - 1].end, &s->start, &s->end);
    s->text = pc_text_clean(z->orig + s->start, s->end - s->start, z->a);
    if (!s->text)
        return -1;
    d->n_sents++;
    return 0;
}

static int segment_spans(seg *z, const pc_split_result *sp)
{
    const pc_norm *nm = z->nm;
    for (size_t i = 0; i < sp->n_sents; i++) {
        size_t base = sp->sents[i].start;
        pc_token *t;
        size_t n;
        if (pc_tokenize(nm->text + base, sp->sents[i].end - base, z->a, &t, &n) < 0)
            return -1;
        for (size_t first = 0; first < n;) {
            size_t end = cut_at(t, first, n);
            if (add_sentence(z, base, t + first, end - first) < 0)
                return -1;
            z->doc->n_cut += end < n;
            first = end;
        }
    }
    pc_nlp_doc *d = z->doc;
    if (sp->n_skips) {
        d->skipped = pc_arena_alloc(z->a, sp->n_skips * sizeof *d->skipped);
        if (!d->skipped)
            return -1;
    }
    for (size_t i = 0; i < sp->n_skips; i++) {
        pc_nlp_skipped *k = &d->skipped[i];
        pc_norm_span(nm, sp->skips[i].start, sp->skips[i].end, &k->start, &k->end);
        k->kind = sp->skips[i].kind;
    }
    d->n_skipped = sp->n_skips;
    memcpy(d->date, sp->date, sizeof d->date);
    if (sp->agency_end > sp->agency_start) {
        size_t os, oe;
        pc_norm_span(nm, sp->agency_start, sp->agency_end, &os, &oe);
        if (!(d->agency = pc_text_clean(z->orig + os, oe - os, z->a)))
            return -1;
    }
    return 0;
}

int pc_nlp_segment(const char *text, size_t n, pc_arena *a, pc_nlp_doc *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    pc_norm nm;
    pc_split_result sp;
    seg z = {.orig = text, .nm = &nm, .a = a, .doc = out};
    if (pc_normalize(text, n, a, &nm) < 0 || pc_split(nm.text, nm.len, a, &sp) < 0 ||
        segment_spans(&z, &sp) < 0) {
        memset(out, 0, sizeof *out);
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory splitting the text");
        return -1;
    }
    out->invalid_bytes = nm.invalid;
    out->first_invalid = nm.first_invalid;
    return 0;
}

/* ------------------------------------------------------------- process */

static void sentence_failed(pc_nlp_sentence *s, pc_arena *a, pc_status code, const char *msg)
{
    s->status = code;
    s->error = pc_arena_strdup(a, msg);
}

/* Tag and parse one sentence; scratch: reset per sentence, the parse is
 * copied into a. */
static int tag_and_parse(const pc_nlp *nlp, pc_nlp_sentence *s, int beam, pc_arena *a,
                         pc_arena *scratch)
{
    size_t n = s->n_tokens;
    const char **words = pc_arena_alloc(a, n * sizeof *words);
    const char **tags = pc_arena_alloc(a, n * sizeof *tags);
    if (!words || !tags)
        return -1;
    for (size_t i = 0; i < n; i++)
        words[i] = s->tokens[i].word;
    if (nlp->b.tag(nlp->b.ctx, words, n, tags) != 0) {
        sentence_failed(s, a, PC_ERR_PARSE, "the tagger failed on this sentence");
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        s->tokens[i].tag = tags[i];
    pc_arena_reset(scratch);
    pc_error e;
    pc_error_clear(&e);
    char *tree = nlp->b.parse(nlp->b.ctx, words, tags, n, beam, scratch, &e);
    if (!tree) {
        if (e.code == PC_ERR_NOMEM)
            return -1;
        sentence_failed(s, a, e.code == PC_OK ? PC_ERR_PARSE : e.code,
                        e.message[0] ? e.message : "the parser failed on this sentence");
        return 0;
    }
    /* CoreNLP's analyses where the coder depends on them (nlp/conventions.h) */
    const char *conv = pc_corenlp_conventions(tree, scratch);
    if (!conv || !(s->parse = pc_arena_strdup(a, conv)))
        return -1;
    return 0;
}

int pc_nlp_process(const pc_nlp *nlp, const char *text, size_t n, int beam, pc_arena *a,
                   pc_nlp_doc *out, pc_error *err)
{
    if (pc_nlp_segment(text, n, a, out, err) < 0)
        return -1;
    if (beam <= 0)
        beam = PC_NLP_DEFAULT_BEAM;
    pc_arena *scratch = pc_arena_new(0);
    if (!scratch) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < out->n_sents; i++) {
        if (tag_and_parse(nlp, &out->sents[i], beam, a, scratch) < 0) {
            pc_arena_free(scratch);
            pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory parsing sentence %zu",
                         i + 1);
            return -1;
        }
    }
    pc_arena_free(scratch);
    return 0;
}

long pc_nlp_sentences_in(const pc_nlp_doc *d, pc_arena *a, pc_sentence_in **out)
{
    *out = pc_arena_alloc(a, (d->n_sents + 1) * sizeof **out);
    if (!*out)
        return -1;
    long n = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        if (!d->sents[i].parse)
            continue;
        char id[24];
        snprintf(id, sizeof id, "%zu", i + 1);
        pc_sentence_in *s = &(*out)[n++];
        if (!(s->sent_id = pc_arena_strdup(a, id)))
            return -1;
        s->text = d->sents[i].text;
        s->parse = d->sents[i].parse;
    }
    return n;
}
