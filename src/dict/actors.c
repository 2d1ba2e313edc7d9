/* actors.c -- pc_read_actor_dictionary: a port of PETRreader.read_actor_dictionary.
 *
 * Line kinds (after read_FIN_line and strip()):
 *   "[CODE dates]"  a date line: adds (CODE, dates) to the pending datelist;
 *   "+SYNONYM"      adds a phrase to the pending actor's phrases;
 *   otherwise       a base actor line "PHRASE [CODE dates][CODE dates]...".
 * A base line first STORES the pending actor (every pending phrase gets the
 * pending datelist appended -- .extend, so a repeated phrase, also one from
 * another file, accumulates codes), then starts a new pending actor.  So the
 * LAST actor of every file is never stored: PETRARCH2 does nothing at end of
 * file, and we reproduce that.
 * With write_actor_root on, the root phrase (the first pending phrase, as a
 * word list) is appended to the datelist before storing.
 * Quirks kept: on a base line "[EGYGOV > 140608]" gives dates [">"] (only
 * data[1] is used) but on a date line [">140608"] (''.join(data[1:])); with
 * exactly two whitespace-separated fields the second is taken as the codes
 * even without brackets ("A_B C_D" stores phrase A B with code "C_D").
 *
 * Overlay files (a petrarch-c extension, overlay.h) differ in two ways only:
 * storing a phrase REPLACES its list instead of extending it, and the last
 * entry of the file is stored.
 */
#include <string.h>

#include "dicts.h"
#include "finreader.h"
#include "overlay.h"
#include "../util/error.h"

#define UNI PC_WS_UNICODE

typedef struct phrase {
    char **w;
    size_t n;
} phrase;

typedef struct actx {
    pc_dicts *d;
    pc_fin fin;
    pc_arena *tmp;  /* reset for every line */
    pc_arena *pend; /* current_acts and datelist; reset when they are stored */
    phrase *acts;   /* current_acts */
    size_t nacts, cacts;
    pc_actor_item *dl; /* datelist */
    size_t ndl, cdl;
    unsigned overlay;  /* this file's overlay number (1, 2, ...), 0 if none */
    long entry_line;   /* line of the pending entry's base line */
} actx;

#define TRY(x)                                                                 \
    do {                                                                       \
        int r_ = (x);                                                          \
        if (r_)                                                                \
            return r_;                                                         \
    } while (0)

static int grow(pc_arena *a, void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = pc_arena_realloc(a, *v, *cap * size, ncap * size);
    if (!nv)
        return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

static char *dup(pc_arena *a, pc_span s)
{
    return pc_arena_strndup(a, s.p, s.n);
}

/* datelist.append((code, dates)); strings go to the dictionary arena. */
static int add_code(actx *c, pc_span code, size_t ndates, const pc_span *dates)
{
    TRY(grow(c->pend, (void **)&c->dl, &c->cdl, c->ndl, sizeof *c->dl));
    pc_actor_item *it = &c->dl[c->ndl];
    memset(it, 0, sizeof *it);
    it->code = dup(c->d->arena, code);
    it->n_dates = ndates;
    it->dates = pc_arena_calloc(c->d->arena, ndates + 1, sizeof *it->dates);
    if (!it->code || !it->dates)
        return -1;
    for (size_t i = 0; i < ndates; i++)
        if (!(it->dates[i] = dup(c->d->arena, dates[i])))
            return -1;
    c->ndl++;
    return 0;
}

/* dates = d.split('-') if '-' in d else [d] */
static int add_code_dates(actx *c, pc_span code, pc_span d)
{
    pc_span *parts;
    long n = pc_split_sep(c->tmp, d, "-", &parts);
    if (n < 0)
        return -1;
    return add_code(c, code, (size_t)n, parts);
}

/* current_acts.append(text.replace("_", ' ').split()) */
static int add_phrase(actx *c, pc_span text)
{
    char *r = pc_replace(c->tmp, text, "_", " ", -1);
    pc_span *w;
    long n = r ? pc_split_ws(c->tmp, pc_sz(r), UNI, &w) : -1;
    if (n < 0)
        return -1;
    TRY(grow(c->pend, (void **)&c->acts, &c->cacts, c->nacts, sizeof *c->acts));
    phrase *p = &c->acts[c->nacts];
    p->n = (size_t)n;
    p->w = pc_arena_calloc(c->pend, (size_t)n + 1, sizeof *p->w);
    if (!p->w)
        return -1;
    for (long i = 0; i < n; i++)
        if (!(p->w[i] = dup(c->pend, w[i])))
            return -1;
    c->nacts++;
    return 0;
}

/* "[CODE dates]" on its own line. */
static int date_line(actx *c, pc_span line)
{
    pc_span body = pc_sp(line.p + 1, line.n - 1);
    body.n -= pc_last_char_len(body); /* line[1:-1] */
    pc_span *data;
    long n = pc_split_ws(c->tmp, body, UNI, &data);
    if (n < 0)
        return -1;
    if (n == 0) {
        pc_fin_warn(&c->fin, "date line without a code; line skipped");
        return 1;
    }
    if (n == 1)
        return add_code(c, data[0], 0, NULL);
    char *joined = pc_concat(c->tmp, (size_t)n - 1, data + 1);
    if (!joined)
        return -1;
    return add_code_dates(c, data[0], pc_sz(joined));
}

/* The codes of a base line: "[A 1-2][B >3]" split on ']'. */
static int base_codes(actx *c, pc_span datetemp)
{
    pc_span s = pc_strip(datetemp, UNI); /* (.replace("\n", "") is a no-op here) */
    pc_span *items;
    long n = pc_split_sep(c->tmp, s, "]", &items);
    if (n < 0)
        return -1;
    for (long i = 0; i < n; i++) {
        if (items[i].n == 0)
            continue;
        long b = pc_find(items[i], "[", 0);
        pc_span body = pc_sp(items[i].p + b + 1, items[i].n - (size_t)(b + 1));
        pc_span *data;
        long nd = pc_split_ws(c->tmp, body, UNI, &data);
        if (nd < 0)
            return -1;
        if (nd == 0) {
            pc_fin_warn(&c->fin, "empty code '[%.*s]' ignored (PETRARCH2 fails here)",
                        (int)items[i].n, items[i].p);
            continue;
        }
        /* code = data[0].replace(']','') -- split(']') left no ']' */
        if (nd == 1)
            TRY(add_code(c, data[0], 0, NULL));
        else
            TRY(add_code_dates(c, data[0], data[1]));
    }
    return 0;
}

/* Overlay: the entry being stored takes the phrase's list over (the caller
 * then fills it).  1 when this entry already did -- a synonym given twice in
 * one entry, stored once -- else 0.  A phrase given by an earlier entry of
 * the same overlay is replaced too, with a warning: likely a mistake. */
static int overlay_claim(actx *c, pc_actor_leaf *leaf, const phrase *p)
{
    unsigned long entry = c->d->n_ov_entries;
    if (leaf->ov_file == c->overlay && leaf->ov_entry == entry)
        return 1;
    if (leaf->ov_file == c->overlay) {
        char words[256];
        size_t o = 0;
        for (size_t i = 0; i < p->n && o + 1 < sizeof words; i++)
            o += (size_t)snprintf(words + o, sizeof words - o, "%s%s", i ? "_" : "", p->w[i]);
        long now = c->fin.lineno;
        c->fin.lineno = c->entry_line;
        pc_fin_warn(&c->fin, "overlay: %s was already given at line %ld of this file; "
                             "this entry replaces it", words, leaf->ov_line);
        c->fin.lineno = now;
    }
    leaf->n = 0;
    leaf->ov_file = c->overlay;
    leaf->ov_entry = entry;
    leaf->ov_line = c->entry_line;
    return 0;
}

/* Store every pending phrase with the pending datelist, then clear both. */
static int store_pending(actx *c)
{
    if (c->overlay && c->nacts > 0)
        c->d->n_ov_entries++;
    if (c->d->write_actor_root && c->nacts > 0) {
        TRY(grow(c->pend, (void **)&c->dl, &c->cdl, c->ndl, sizeof *c->dl));
        pc_actor_item *it = &c->dl[c->ndl];
        memset(it, 0, sizeof *it);
        it->is_root = 1;
        it->n_words = c->acts[0].n;
        it->words = pc_arena_calloc(c->d->arena, it->n_words + 1, sizeof *it->words);
        if (!it->words)
            return -1;
        for (size_t i = 0; i < it->n_words; i++)
            if (!(it->words[i] = pc_arena_strdup(c->d->arena, c->acts[0].w[i])))
                return -1;
        c->ndl++;
    }
    for (size_t k = 0; k < c->nacts; k++) {
        pc_dnode *node = c->d->actors;
        int r = 0;
        for (size_t i = 0; r == 0 && i < c->acts[k].n; i++)
            r = pc_fin_step(&c->fin, c->d->arena, &node, c->acts[k].w[i]);
        if (r < 0)
            return -1;
        if (r > 0)
            continue; /* (warned) */
        const dn_entry *e = dn_get(node, "#");
        if (e && e->kind != DN_LEAF) {
            pc_fin_warn(&c->fin, "an actor phrase ends where a '#' word continues "
                                 "(PETRARCH2 fails here); skipped");
            continue;
        }
        pc_actor_leaf *leaf = e ? e->v.leaf : NULL;
        if (!leaf) {
            leaf = pc_arena_calloc(c->d->arena, 1, sizeof *leaf);
            if (!leaf || dn_set_leaf(c->d->arena, node, "#", leaf) < 0)
                return -1;
        }
        if (c->overlay && overlay_claim(c, leaf, &c->acts[k]))
            continue;
        if (leaf->n + c->ndl > leaf->cap) { /* .extend(datelist) */
            size_t ncap = leaf->cap ? leaf->cap : 2;
            while (ncap < leaf->n + c->ndl)
                ncap *= 2;
            pc_actor_item *ni = pc_arena_realloc(c->d->arena, leaf->items,
                                                 leaf->cap * sizeof *ni, ncap * sizeof *ni);
            if (!ni)
                return -1;
            leaf->items = ni;
            leaf->cap = ncap;
        }
        if (c->ndl)
            memcpy(leaf->items + leaf->n, c->dl, c->ndl * sizeof *c->dl);
        leaf->n += c->ndl;
    }
    pc_arena_reset(c->pend);
    c->acts = NULL, c->nacts = c->cacts = 0;
    c->dl = NULL, c->ndl = c->cdl = 0;
    return 0;
}

static int base_line(actx *c, pc_span line)
{
    TRY(store_pending(c));
    c->entry_line = c->fin.lineno;
    /* temp = line.split('\t'); if len(temp) == 1: temp = line.split() */
    pc_span *temp;
    long n = pc_split_sep(c->tmp, line, "\t", &temp);
    if (n < 0)
        return -1;
    if (n == 1 && (n = pc_split_ws(c->tmp, line, UNI, &temp)) < 0)
        return -1;
    pc_span actor = line, codes = pc_sp(line.p, 0);
    if (n == 2) {
        actor = temp[0];
        codes = temp[1];
    } else if (n > 2) {
        long b = pc_find(line, "[", 0);
        if (b >= 0) {
            actor = pc_sp(line.p, (size_t)b);
            codes = pc_sp(line.p + b, line.n - (size_t)b);
        }
    }
    TRY(base_codes(c, codes));
    return add_phrase(c, actor);
}

static int actor_line(actx *c, pc_span line)
{
    if (line.p[0] == '[')
        return date_line(c, line);
    if (line.p[0] == '+')
        return add_phrase(c, pc_sp(line.p + 1, line.n - 1));
    return base_line(c, line);
}

static pc_status read_actors(pc_dicts *d, const char *path, int force_overlay,
                             pc_warn_fn warn, void *ud, pc_error *err)
{
    actx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    pc_status st = pc_fin_open(&c.fin, path, 1, warn, ud, err);
    if (st != PC_OK)
        return st;
    if (force_overlay || pc_text_declares_overlay(c.fin.buf, c.fin.len))
        c.overlay = ++d->n_overlays;
    c.tmp = pc_arena_new(0);
    c.pend = pc_arena_new(0);
    int r = (c.tmp && c.pend) ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&c.fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        line = pc_strip(line, UNI);
        if (line.n == 0) /* cannot happen: read_FIN_line skips blank lines */
            continue;
        r = actor_line(&c, line);
        if (r > 0)
            r = 0;
        pc_arena_reset(c.tmp);
    }
    /* The pending (last) actor is dropped, as in PETRARCH2 -- except in an
     * overlay, a petrarch-c file with no PETRARCH2 behaviour to keep. */
    if (r == 0 && c.overlay)
        r = store_pending(&c);
    pc_arena_free(c.tmp);
    pc_arena_free(c.pend);
    pc_fin_close(&c.fin);
    if (r < 0)
        return pc_error_set(err, PC_ERR_NOMEM, path, c.fin.lineno, NULL, "out of memory");
    return PC_OK;
}

pc_status pc_read_actor_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                                   pc_error *err)
{
    return read_actors(d, path, 0, warn, ud, err);
}

pc_status pc_read_actor_overlay(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                                pc_error *err)
{
    return read_actors(d, path, 1, warn, ud, err);
}
