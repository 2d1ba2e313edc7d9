/* lint_actors.c -- actor dictionaries, read line by line as PETRARCH2's
 * read_actor_dictionary does (see src/dict/actors.c):
 *   "PHRASE [CODE dates][CODE]"  starts an actor (and stores the previous one)
 *   "+PHRASE"                    another phrase of the actor
 *   "[CODE dates]"               another code of the actor
 * Checks: the codes and their date restrictions (lint_dates.c); the order of
 * an actor's codes (PETRARCH2 uses the first that applies to the sentence's
 * date: an undated code before others hides them, overlapping ranges are
 * decided by order); phrases that are also other actors (the codes pile up);
 * text PETRARCH2 misreads; the last actor of a file, which PETRARCH2 never
 * stores.  In an overlay file (src/dict/overlay.h, a petrarch-c extension) a
 * phrase from an earlier file is replaced, not added to, and the last actor is
 * stored: neither is a finding there. */
#include <limits.h>
#include <string.h>

#include "dict/dnode.h"
#include "dict/finreader.h"
#include "dict/overlay.h"
#include "lint.h"
#include "util/error.h"

#define UNI PC_WS_UNICODE

typedef struct item {
    const char *code;
    size_t n_dates;
    const char **dates;
    long line;
    int bad;              /* its dates were already reported as unreadable */
    int quiet;            /* not a code at all (reported): no code checks */
    pc_lint_when when;
} item;

typedef struct phrase {
    const char *key;      /* the words joined by ' ' */
    long line;
} phrase;

/* The first entry seen for an actor phrase. */
typedef struct seen {
    const char *file;
    long line;
    const char *sig;      /* the codes with their dates, for comparison */
    int has_undated;      /* an undated code: later codes for the phrase never apply */
} seen;

typedef struct actx {
    pc_lint *l;
    const char *file;
    pc_arena *tmp;        /* per line */
    pc_arena *pend;       /* the pending actor */
    phrase *ph;
    size_t nph, cph;
    item *it;
    size_t nit, cit;
    long base_line;
    int overlay;          /* an overlay file: its entries replace earlier files' */
} actx;

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

/* bad: its dates were reported; quiet: it is no code at all (reported) */
static int add_item(actx *c, pc_span code, size_t n, const pc_span *dates, long line, int bad,
                    int quiet)
{
    if (grow(c->pend, (void **)&c->it, &c->cit, c->nit, sizeof *c->it) < 0)
        return -1;
    item *it = &c->it[c->nit];
    memset(it, 0, sizeof *it);
    it->code = dup(c->pend, code);
    it->n_dates = n;
    it->dates = pc_arena_calloc(c->pend, n + 1, sizeof *it->dates);
    it->line = line;
    it->bad = bad || quiet;
    it->quiet = quiet;
    if (!it->code || !it->dates)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!(it->dates[i] = dup(c->pend, dates[i])))
            return -1;
    c->nit++;
    return 0;
}

/* dates = d.split('-') if '-' in d else [d] */
static int add_item_dates(actx *c, pc_span code, pc_span d, long line, int bad, int quiet)
{
    pc_span *parts;
    long n = pc_split_sep(c->tmp, d, "-", &parts);
    return n < 0 ? -1 : add_item(c, code, (size_t)n, parts, line, bad, quiet);
}

static int add_phrase(actx *c, pc_span text, long line)
{
    char *r = pc_replace(c->tmp, text, "_", " ", -1);
    pc_span *w;
    long n = r ? pc_split_ws(c->tmp, pc_sz(r), UNI, &w) : -1;
    if (n < 0)
        return -1;
    if (n == 0)
        return 0;
    size_t len = 0;
    for (long i = 0; i < n; i++)
        len += w[i].n + 1;
    char *key = pc_arena_alloc(c->pend, len);
    if (!key || grow(c->pend, (void **)&c->ph, &c->cph, c->nph, sizeof *c->ph) < 0)
        return -1;
    size_t o = 0;
    for (long i = 0; i < n; i++) {
        memcpy(key + o, w[i].p, w[i].n);
        o += w[i].n;
        key[o++] = i + 1 < n ? ' ' : '\0';
    }
    c->ph[c->nph].key = key;
    c->ph[c->nph++].line = line;
    return 0;
}

/* ---------------------------------------------------- checking an actor */

static int overlap(const pc_lint_when *a, const pc_lint_when *b)
{
    return a->lo < b->hi && b->lo < a->hi;
}

static void check_order(actx *c)
{
    pc_lint *l = c->l;
    for (size_t j = 0; j < c->nit; j++) {
        item *b = &c->it[j];
        if (!b->when.valid)
            continue;
        for (size_t i = 0; i < j; i++) {
            item *a = &c->it[i];
            if (!a->when.valid || strcmp(a->code, b->code) == 0 || !overlap(&a->when, &b->when))
                continue;
            if (a->when.dated && !b->when.dated)
                continue; /* an undated default after dated codes: as meant */
            if (!a->when.dated && !b->when.dated)
                pc_lint_add(l, PC_LINT_WARNING, "date-order", c->file, b->line,
                            "code %s never applies: the undated code %s (line %ld) comes first "
                            "and PETRARCH2 uses the first code that applies", b->code, a->code,
                            a->line);
            else if (!a->when.dated)
                pc_lint_add(l, PC_LINT_WARNING, "date-order", c->file, b->line,
                            "dated code %s never applies: the undated code %s (line %ld) comes "
                            "first and PETRARCH2 uses the first code that applies", b->code,
                            a->code, a->line);
            else
                pc_lint_add(l, PC_LINT_WARNING, "date-order", c->file, b->line,
                            "the dates of %s overlap those of %s (line %ld): PETRARCH2 uses %s "
                            "for the dates in both", b->code, a->code, a->line, a->code);
            break; /* one finding per code */
        }
    }
}

static int check_duplicates(actx *c)
{
    pc_lint *l = c->l;
    size_t len = 1;
    int undated = 0;
    for (size_t i = 0; i < c->nit; i++) {
        len += strlen(c->it[i].code) + 2;
        for (size_t k = 0; k < c->it[i].n_dates; k++)
            len += strlen(c->it[i].dates[k]) + 1;
        undated |= c->it[i].n_dates == 0;
    }
    char *sig = pc_arena_alloc(c->pend, len);
    if (!sig)
        return -1;
    size_t o = 0;
    for (size_t i = 0; i < c->nit; i++) {
        o += (size_t)snprintf(sig + o, len - o, "%s%s", i ? " " : "", c->it[i].code);
        for (size_t k = 0; k < c->it[i].n_dates; k++)
            o += (size_t)snprintf(sig + o, len - o, "%c%s", k ? '-' : '/', c->it[i].dates[k]);
    }
    sig[o] = '\0';
    const char *kept_sig = NULL;
    for (size_t p = 0; p < c->nph; p++) {
        const dn_entry *e = dn_get(l->actors_seen, c->ph[p].key);
        if (e && c->overlay && ((const seen *)e->v.leaf)->file != c->file)
            e = NULL; /* replaced: this entry is now the phrase's first */
        if (e) {
            const seen *s = e->v.leaf;
            if (strcmp(s->sig, sig) != 0 && (s->line != c->base_line || s->file != c->file)) {
                char where[600];
                if (s->file == c->file)
                    snprintf(where, sizeof where, "line %ld", s->line);
                else
                    snprintf(where, sizeof where, "%s:%ld", s->file, s->line);
                pc_lint_add(l, PC_LINT_WARNING, "duplicate", c->file, c->ph[p].line,
                            "'%s' is also an actor on %s with other codes (%s): PETRARCH2 adds "
                            "this entry's codes (%s) after those%s", c->ph[p].key, where,
                            s->sig[0] ? s->sig : "none", sig[0] ? sig : "none",
                            s->has_undated ? ", so they never apply"
                                           : " and uses the first that applies");
            }
            continue;
        }
        seen *s = pc_arena_alloc(l->arena, sizeof *s);
        if (!kept_sig)
            kept_sig = pc_arena_strdup(l->arena, sig);
        char *key = pc_arena_strdup(l->arena, c->ph[p].key);
        if (!s || !kept_sig || !key)
            return -1;
        s->file = c->file;
        s->line = c->base_line;
        s->sig = kept_sig;
        s->has_undated = undated;
        if (dn_set_leaf(l->arena, l->actors_seen, key, s) < 0)
            return -1;
    }
    return 0;
}

/* The pending actor is complete (PETRARCH2 stores it now). */
static int finish_actor(actx *c)
{
    if (c->nph == 0 && c->nit == 0)
        return 0;
    pc_lint *l = c->l;
    if (c->nit == 0 && c->nph)
        pc_lint_add(l, PC_LINT_WARNING, "actor-code", c->file, c->base_line,
                    "actor '%s' has no code (a missing '+' before the next phrase?)",
                    c->ph[0].key);
    for (size_t i = 0; i < c->nit; i++) {
        item *it = &c->it[i];
        if (!it->quiet && !pc_lint_actor_code_ok(it->code))
            pc_lint_add(l, PC_LINT_WARNING, "actor-code", c->file, it->line,
                        "'%s' is not a well-formed actor code (upper-case letters and digits "
                        "in groups of three, or ---)", it->code);
        if (it->bad)
            it->when.valid = 0;
        else
            it->when = pc_lint_dates(l, c->file, it->line, it->code, it->n_dates, it->dates);
    }
    check_order(c);
    if (check_duplicates(c) < 0)
        return -1;
    pc_arena_reset(c->pend);
    c->ph = NULL, c->nph = c->cph = 0;
    c->it = NULL, c->nit = c->cit = 0;
    return 0;
}

/* ------------------------------------------------------------ lines */

/* "[CODE dates]" on its own line: line[1:-1].split() */
static int date_line(actx *c, pc_span line, long ln)
{
    if (line.p[line.n - 1] != ']')
        pc_lint_add(c->l, PC_LINT_ERROR, "syntax", c->file, ln,
                    "code line does not end with ']': PETRARCH2 drops its last character "
                    "('%.*s') and reads the rest", (int)pc_last_char_len(line),
                    line.p + line.n - pc_last_char_len(line));
    pc_span body = pc_sp(line.p + 1, line.n - 1);
    body.n -= pc_last_char_len(body);
    pc_span *data;
    long n = pc_split_ws(c->tmp, body, UNI, &data);
    if (n <= 0)
        return n; /* (the reader reports an empty one) */
    if (n == 1)
        return add_item(c, data[0], 0, NULL, ln, 0, 0);
    char *joined = pc_concat(c->tmp, (size_t)n - 1, data + 1);
    return joined ? add_item_dates(c, data[0], pc_sz(joined), ln, 0, 0) : -1;
}

/* The codes of a base line, "[A 1-2][B >3]", split on ']' as PETRARCH2 does.
 * no_bracket: the "codes" are a phrase word (reported): no further findings. */
static int base_codes(actx *c, pc_span codes, long ln, int no_bracket)
{
    pc_span s = pc_strip(codes, UNI);
    pc_span *items;
    long n = pc_split_sep(c->tmp, s, "]", &items);
    if (n < 0)
        return -1;
    for (long i = 0; i < n; i++) {
        pc_span itm = items[i];
        if (pc_strip(itm, UNI).n == 0)
            continue;
        long b = pc_find(itm, "[", 0);
        if (b < 0 && !no_bracket) {
            pc_span t = pc_strip(itm, UNI);
            pc_lint_add(c->l, PC_LINT_ERROR, "syntax", c->file, ln,
                        "'%.*s' after the last ']' is read by PETRARCH2 as another code",
                        (int)t.n, t.p);
        } else if (b > 0 && pc_strip(pc_sp(itm.p, (size_t)b), UNI).n) {
            pc_span t = pc_strip(pc_sp(itm.p, (size_t)b), UNI);
            pc_lint_add(c->l, PC_LINT_WARNING, "syntax", c->file, ln,
                        "'%.*s' between codes is ignored by PETRARCH2", (int)t.n, t.p);
        }
        pc_span body = b < 0 ? itm : pc_sp(itm.p + b + 1, itm.n - (size_t)(b + 1));
        pc_span *data;
        long nd = pc_split_ws(c->tmp, body, UNI, &data);
        if (nd < 0)
            return -1;
        if (nd == 0)
            continue; /* (the reader reports it) */
        int bad = 0, quiet = no_bracket || b < 0; /* no code: reported above */
        if (nd > 2 && !quiet) {
            pc_lint_add(c->l, PC_LINT_ERROR, "date", c->file, ln,
                        "a space inside the date restriction of %.*s: on an actor line "
                        "PETRARCH2 reads only '%.*s' (and then ignores the actor's codes)",
                        (int)data[0].n, data[0].p, (int)data[1].n, data[1].p);
            bad = 1;
        }
        int r = nd == 1 ? add_item(c, data[0], 0, NULL, ln, 0, quiet)
                        : add_item_dates(c, data[0], data[1], ln, bad, quiet);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int base_line(actx *c, pc_span line, long ln)
{
    if (finish_actor(c) < 0)
        return -1;
    c->base_line = ln;
    pc_span *temp;
    long n = pc_split_sep(c->tmp, line, "\t", &temp);
    if (n == 1)
        n = pc_split_ws(c->tmp, line, UNI, &temp);
    if (n < 0)
        return -1;
    pc_span actor = line, codes = pc_sp(line.p, 0);
    int no_bracket = 0;
    if (n == 2) {
        actor = temp[0];
        codes = temp[1];
        if ((no_bracket = !pc_contains(codes, "["))) {
            pc_span t = pc_strip(codes, UNI);
            pc_lint_add(c->l, PC_LINT_ERROR, "syntax", c->file, ln,
                        "no [CODE] after the phrase: PETRARCH2 takes '%.*s' as the code "
                        "(a phrase word without '_'?)", (int)t.n, t.p);
        }
    } else if (n > 2) {
        long b = pc_find(line, "[", 0);
        if (b >= 0) {
            actor = pc_sp(line.p, (size_t)b);
            codes = pc_sp(line.p + b, line.n - (size_t)b);
        }
    }
    if (base_codes(c, codes, ln, no_bracket) < 0)
        return -1;
    return add_phrase(c, actor, ln);
}

static int actor_line(actx *c, pc_span line, long ln)
{
    if (line.p[0] == '[')
        return date_line(c, line, ln);
    if (line.p[0] == '+')
        return add_phrase(c, pc_sp(line.p + 1, line.n - 1), ln);
    return base_line(c, line, ln);
}

pc_status pc_lint_actors(pc_lint *l, const char *path, pc_error *err)
{
    pc_lint_file *lf = pc_lint_begin_file(l, path, "actors");
    if (!l->actors_seen && lf)
        l->actors_seen = dn_new(l->arena);
    if (!lf || !l->actors_seen)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    actx c;
    memset(&c, 0, sizeof c);
    c.l = l;
    c.file = lf->path;
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 1, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    c.overlay = pc_text_declares_overlay(fin.buf, fin.len);
    c.tmp = pc_arena_new(0);
    c.pend = pc_arena_new(0);
    int r = c.tmp && c.pend ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        line = pc_strip(line, UNI);
        if (line.n)
            r = actor_line(&c, line, fin.lineno);
        pc_arena_reset(c.tmp);
    }
    if (r >= 0 && c.nph && !c.overlay) {
        pc_lint_add(l, PC_LINT_ERROR, "unreachable", c.file, c.base_line,
                    "the last actor of the file ('%s') is never stored: PETRARCH2 stores an "
                    "actor only when the next one starts", c.ph[0].key);
        c.nph = 0; /* (its codes are still checked) */
    }
    if (r >= 0)
        r = finish_actor(&c);
    lf->lines = pc_lint_lines(fin.buf, fin.len);
    pc_fin_close(&fin);
    pc_arena_free(c.tmp);
    pc_arena_free(c.pend);
    if (r < 0 || l->oom)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    return pc_lint_reader(l, path, "actors", err);
}
