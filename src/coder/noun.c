/* noun.c -- Phrase, NounPhrase and PrepPhrase methods of PETRtree.py. */
#include <stdio.h>
#include <string.h>

#include "sent.h"
#include "util/pystr.h"

static int label_prefix_in(const char *label, const char *const *set)
{
    /* child.label[:2] in [...] (the set holds two-letter strings) */
    if (!label[0] || !label[1])
        return 0;
    for (; *set; set++)
        if (label[0] == (*set)[0] && label[1] == (*set)[1])
            return 1;
    return 0;
}

/* Python's `label in "SBAR"` is a substring test. */
static int label_in(const char *label, const char *s)
{
    return strstr(s, label) != NULL;
}

/* ------------------------------------------------------------ get_head */

static head_pair hp(pv *h, phrase *p)
{
    head_pair r = {h, p};
    return r;
}

static head_pair get_head_body(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    const char *label = self->label;
    ph_list *ch = self->children;
    if (strcmp(label, "S") == 0) {
        /* map(get_head, filter(label == 'VP'))[0]: every VP child's head is
         * computed, then the first is taken */
        head_pair first = {NULL, NULL};
        int have = 0;
        for (size_t i = 0; i < ch->n; i++) {
            if (strcmp(ch->v[i]->label, "VP") == 0) {
                head_pair h = ph_get_head(s, ch->v[i]);
                if (!have) {
                    first = h;
                    have = 1;
                }
            }
        }
        if (!have)
            py_raise(rt, PY_INDEX_ERROR, "get_head: S without VP");
        self->head = first.head;
        self->head_phrase = first.phrase;
        return first;
    }
    if (strcmp(label, "ADVP") == 0) {
        if (ch->n == 0)
            py_raise(rt, PY_INDEX_ERROR, "get_head: empty ADVP");
        return hp(pv_str(rt, ch->v[0]->text), self);
    }
    if (strlen(label) < 2)
        py_raise(rt, PY_INDEX_ERROR, "get_head: label[1]");
    if (label[1] != 'P')
        return hp(pv_str(rt, self->text), self->parent);

    /* children whose label starts with our first letter and is not a phrase */
    head_pair *poss = pc_arena_alloc(rt->a, (ch->n ? ch->n : 1) * sizeof *poss);
    if (!poss)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    size_t np = 0;
    int any_head_child = 0;
    for (size_t i = 0; i < ch->n; i++) {
        const char *cl = ch->v[i]->label;
        if (cl[0] == label[0]) {
            if (strlen(cl) < 2)
                py_raise(rt, PY_INDEX_ERROR, "get_head: child label[1]");
            if (cl[1] != 'P')
                any_head_child = 1;
        }
    }
    for (size_t i = 0; i < ch->n; i++) {
        const char *cl = ch->v[i]->label;
        if (cl[0] != label[0])
            continue;
        if (any_head_child && cl[1] == 'P')
            continue;
        poss[np++] = ph_get_head(s, ch->v[i]);
    }
    if (np == 0)
        py_raise(rt, PY_INDEX_ERROR, "get_head: no candidates");
    self->head_phrase = poss[np - 1].phrase;
    self->head = poss[np - 1].head;
    return poss[np - 1];
}

head_pair ph_get_head(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    if (self->head_memo)
        return hp(self->head, self->head_phrase);
    self->head_memo = 1; /* self.get_head = self.return_head */
    py_enter(rt);
    head_pair result;
    py_frame f;
    py_try_push(rt, &f);
    if (setjmp(f.jb) == 0) {
        result = get_head_body(s, self);
        py_try_leave(rt, &f);
    } else {
        if (rt->last == PY_MEMORY_ERROR)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        result = hp(pv_none(), NULL); /* bare except: (None, None) */
    }
    py_leave(rt);
    return result;
}

/* ------------------------------------------------------------ codes */

void resolve_codes(sent *s, const pv *codes, pv **actors, pv **agents)
{
    py_rt *rt = &s->rt;
    pv *ac = pv_list(rt), *ag = pv_list(rt);
    *actors = ac;
    *agents = ag;
    if (!pv_truthy(codes))
        return;
    pv *items = pv_to_list(rt, codes); /* iterate a list, tuple or str */
    for (size_t i = 0; i < items->n; i++) {
        pv *code = items->items[i];
        if (!pv_truthy(code))
            continue;
        if (pv_startswith(rt, code, "~"))
            pv_append(rt, ag, code);
        else
            pv_append(rt, ac, code);
    }
}

/* s[1:] of a str value, by code point */
static pv *str_from1(sent *s, const pv *v)
{
    if (v->k != PV_STR)
        py_raise(&s->rt, PY_TYPE_ERROR, "slice of a non-string");
    if (v->n == 0)
        return pv_empty_str();
    size_t len;
    pc_utf8_decode(v->s, v->n, &len);
    return pv_strn(&s->rt, v->s + len, v->n - len);
}

pv *mix_codes(sent *s, const pv *agents, const pv *actors)
{
    py_rt *rt = &s->rt;
    pv *acts;
    if (pv_truthy(actors)) {
        acts = pv_to_list(rt, actors);
    } else {
        acts = pv_list1(rt, pv_str(rt, "~"));
    }
    pv *ags = pv_to_list(rt, agents);
    size_t nag = ags->n;
    for (size_t k = 0; k < nag; k++) {
        pv *ag = ags->items[k];
        if (pv_eq_cstr(ag, "~PPL") && nag > 1)
            continue;
        pv *suffix = str_from1(s, ag);
        pv *next = pv_list(rt);
        for (size_t i = 0; i < acts->n; i++) {
            pv *a = acts->items[i];
            /* a + b if not b in a else a */
            if (pv_contains(rt, a, suffix))
                pv_append(rt, next, a);
            else
                pv_append(rt, next, pv_add(rt, a, suffix));
        }
        acts = next;
    }
    pv *out = pv_list(rt);
    for (size_t i = 0; i < acts->n; i++) {
        pv *a = acts->items[i];
        if (a->k == PV_NONE || pv_eq_cstr(a, "") || pv_eq_cstr(a, "~") || pv_eq_cstr(a, "~~"))
            continue;
        pv_append(rt, out, a);
    }
    return out;
}

/* ------------------------------------------------------------ text */

/* The get_text methods build their text as `text = text + " " + part`, part
 * by part.  Python frees each old string; in an arena every one of them
 * would stay, n^2/2 bytes for a phrase of n words (gigabytes for a few
 * thousand), so the parts go into one growing buffer instead: the same
 * string at the end (every part is a str, so no `+` could have raised). */
typedef struct tbuf {
    char *p;
    size_t n, cap;
} tbuf;

static void tb_put(py_rt *rt, tbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->n + n + 1) * 2;
        char *np = pc_arena_alloc(rt->a, nc < 64 ? 64 : nc);
        if (!np)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        if (b->n)
            memcpy(np, b->p, b->n);
        b->p = np;
        b->cap = nc < 64 ? 64 : nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void tb_put_pv(py_rt *rt, tbuf *b, const pv *v)
{
    if (v->k != PV_STR) /* (never: every part is a str) */
        py_raise(rt, PY_TYPE_ERROR, "unsupported operand type(s) for +");
    tb_put(rt, b, v->s, v->n);
}

static pv *tb_value(py_rt *rt, const tbuf *b)
{
    return pv_str_len(rt, b->p, b->n);
}

pv *ph_get_text(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    if (self->kind == PH_NP) {
        /* callers that want NounPhrase.get_text()[0] go through np_get_text */
        pv *t, *c;
        np_get_text(s, self, &t, &c);
        return pv_tuple2(rt, t, c);
    }
    if (self->color)
        return pv_empty_str();
    py_enter(rt);
    tbuf text = {NULL, 0, 0};
    tb_put(rt, &text, self->text, strlen(self->text)); /* text = self.text */
    ph_list *ch = self->children;
    for (size_t i = 0; i < ch->n; i++) {
        phrase *c = ch->v[i];
        pv *t;
        if (c->kind == PH_NP) {
            pv *codes;
            np_get_text(s, c, &t, &codes);
        } else {
            t = ph_get_text(s, c);
        }
        tb_put(rt, &text, " ", 1); /* text = text + " " + t */
        tb_put_pv(rt, &text, t);
    }
    py_leave(rt);
    return tb_value(rt, &text);
}

void np_get_text(sent *s, phrase *self, pv **text_out, pv **codes_out)
{
    static const char *const JJNNDT[] = {"JJ", "NN", "DT", NULL};
    py_rt *rt = &s->rt;
    py_enter(rt);
    pv *ppcodes = pv_list(rt);
    tbuf text = {NULL, 0, 0}; /* text = "" */
    ph_list *ch = self->children;
    for (size_t i = 0; i < ch->n; i++) {
        phrase *c = ch->v[i];
        if (c->kind == PH_PP) {
            pv *act, *ag;
            resolve_codes(s, ph_get_meaning(s, c), &act, &ag);
            if (pv_truthy(act)) {
                pv_extend(rt, ppcodes, ph_get_meaning(s, c));
            } else {
                pv *t = ph_get_text(s, c);
                tb_put(rt, &text, " ", 1); /* text += " " + child.get_text() */
                tb_put_pv(rt, &text, t);
            }
        }
        if (c->kind == PH_NP) {
            pv *t, *cc;
            np_get_text(s, c, &t, &cc);
            tb_put_pv(rt, &text, t);
            pv_extend(rt, ppcodes, cc);
        }
        if (label_prefix_in(c->label, JJNNDT)) {
            tb_put(rt, &text, " ", 1);
            tb_put(rt, &text, c->text, strlen(c->text));
        }
    }
    py_leave(rt);
    *text_out = tb_value(rt, &text);
    *codes_out = ppcodes;
}

/* ------------------------------------------------------------ dates */

/* Python int() of a str: optional surrounding whitespace and sign. */
static int py_int(const char *p, size_t n, long *out)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || (p[i] >= 9 && p[i] <= 13)))
        i++;
    while (n > i && (p[n - 1] == ' ' || (p[n - 1] >= 9 && p[n - 1] <= 13)))
        n--;
    int neg = 0;
    if (i < n && (p[i] == '+' || p[i] == '-'))
        neg = p[i++] == '-';
    if (i >= n)
        return -1;
    long v = 0;
    for (; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        if (v > 100000000000L)
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = neg ? -v : v;
    return 0;
}

/* Python slice s[a:b] of a string by code points (b < 0: to the end). */
static void cp_slice(const char *s, size_t n, size_t a, long b, const char **p, size_t *pn)
{
    size_t i = 0, k = 0, len, start = n, end = n;
    for (; i <= n; k++) {
        if (k == a)
            start = i;
        if (b >= 0 && (long)k == b) {
            end = i;
            break;
        }
        if (i == n)
            break;
        pc_utf8_decode(s + i, n - i, &len);
        i += len;
    }
    if (start > end)
        start = end;
    *p = s + start;
    *pn = end - start;
}

static size_t cp_count(const char *s, size_t n)
{
    size_t k = 0, len;
    for (size_t i = 0; i < n; i += len, k++)
        pc_utf8_decode(s + i, n - i, &len);
    return k;
}

static long floordiv(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

int pc_dstr_to_ordate(const char *ds, size_t n, long *out)
{
    long year, month, day;
    const char *p;
    size_t pn;
    if (cp_count(ds, n) > 7) {
        cp_slice(ds, n, 0, 4, &p, &pn);
        if (py_int(p, pn, &year))
            return -1;
        cp_slice(ds, n, 4, 6, &p, &pn);
        if (py_int(p, pn, &month))
            return -1;
        cp_slice(ds, n, 6, 8, &p, &pn);
        if (py_int(p, pn, &day))
            return -1;
    } else {
        cp_slice(ds, n, 0, 2, &p, &pn);
        if (py_int(p, pn, &year))
            return -1;
        year += year <= 30 ? 2000 : 1900;
        cp_slice(ds, n, 2, 4, &p, &pn);
        if (py_int(p, pn, &month))
            return -1;
        cp_slice(ds, n, 4, 6, &p, &pn);
        if (py_int(p, pn, &day))
            return -1;
    }
    if (day <= 0)
        return -1;
    if (month == 2) {
        int leap = year % 400 == 0 ? 1 : year % 100 == 0 ? 0 : year % 4 == 0;
        if (day > (leap ? 29 : 28))
            return -1;
    } else if (month == 4 || month == 6 || month == 9 || month == 11) {
        if (day > 30)
            return -1;
    } else if (day > 31) {
        return -1;
    }
    long adj = month < 3 ? 1 : 0;
    long yr = year + 4800 - adj;
    long mo = month + 12 * adj - 3;
    long ordate = day + floordiv(153 * mo + 2, 5) + 365 * yr;
    ordate += floordiv(yr, 4) - floordiv(yr, 100) + floordiv(yr, 400) - 32045;
    ordate -= 2305813;
    *out = ordate;
    return 0;
}

/* int(x) for the strings check_date builds */
static int cd_int(const char *str, long *out)
{
    return py_int(str, strlen(str), out);
}

/* curdate < v with Python 2's mixed-type ordering for the tests' str dates */
static int date_lt(const sent *s, long v)
{
    return s->date_is_str ? 0 : s->date < v;
}

/* NounPhrase.check_date: the code valid on the sentence date, "" if none,
 * NULL for Python's None (only when the first item raised).  Mirrors the
 * Python on the strings it builds, including its quirk that a single
 * unprefixed date d is compared as int(str(ordate(d))[1:]). */
static const char *check_date(sent *s, const pc_actor_leaf *match)
{
    const char *code = NULL;
    for (size_t k = 0; k < match->n; k++) {
        const pc_actor_item *j = &match->items[k];
        if (j->is_root) {
            /* dates = j[1]: the root's second word (IndexError if none);
             * iterating it gives one-character strings, on which
             * dstr_to_ordate always raises -- unless it is empty */
            if (j->n_words < 2)
                return code;
            code = "";
            if (j->words[1][0] != '\0')
                return code;
            code = j->code; /* no dates: never reached for a root */
            if (code && *code)
                return code;
            continue;
        }
        code = "";
        char ds[2][64];
        size_t nd = j->n_dates;
        for (size_t di = 0; di < nd; di++) {
            const char *d = j->dates[di];
            size_t dn = strlen(d);
            long od;
            char tmp[64];
            if (dn == 0)
                return code; /* d[0]: IndexError */
            if (d[0] == '<' || d[0] == '>') {
                if (pc_dstr_to_ordate(d + 1, dn - 1, &od))
                    return code;
                tmp[0] = d[0]; /* "%c%ld" */
                pv_fmt_long(tmp + 1, od);
            } else {
                if (pc_dstr_to_ordate(d, dn, &od))
                    return code;
                pv_fmt_long(tmp, od);
            }
            if (di < 2)
                memcpy(ds[di], tmp, sizeof tmp);
        }
        if (nd == 0) {
            code = j->code;
        } else if (nd == 1) {
            long v;
            if (cd_int(ds[0] + 1, &v))
                return code; /* int() raised ValueError */
            if (ds[0][0] == '<') {
                if (date_lt(s, v))
                    code = j->code;
            } else if (!date_lt(s, v)) {
                code = j->code;
            }
        } else {
            long v1, v0;
            if (cd_int(ds[1], &v1))
                return code;
            if (date_lt(s, v1)) {
                if (cd_int(ds[0], &v0))
                    return code;
                if (!date_lt(s, v0))
                    code = j->code;
            }
        }
        if (code && *code)
            return code;
    }
    return code;
}

/* ------------------------------------------------------------ NP meaning */

typedef struct np_match {
    int ok;
    int is_actor;
    const char *code;       /* match[0][0] */
    pv *so_far;             /* match[1] */
    long length;            /* match[2] */
    const pc_actor_item *root; /* match[3][0] for actors: path['#'][-1] */
} np_match;

/* recurse(path, words, length, so_far) of NounPhrase.get_meaning */
static np_match np_recurse(sent *s, const pc_dnode *path, pc_span *words, size_t nw,
                           long length, pv *so_far, int is_actor)
{
    py_rt *rt = &s->rt;
    np_match m = {0};
    if (nw > 0) {
        const dn_entry *e = dn_getn(path, words[0].p, words[0].n);
        if (e) {
            if (e->kind == DN_NODE) {
                pv *sf = pv_add(rt, pv_add(rt, so_far, pv_space()),
                                pv_strn(rt, words[0].p, words[0].n));
                m = np_recurse(s, e->v.node, words + 1, nw - 1, length + 1, sf, is_actor);
                if (m.ok)
                    return m;
            } else if (e->kind == DN_LEAF && !is_actor && nw > 1) {
                /* the word is '#': recursing into an agent's code string
                 * tests `words[0] in code` and then indexes a str by str */
                const char *code = e->v.leaf;
                char *w1 = pc_arena_strndup(rt->a, words[1].p, words[1].n);
                if (!w1)
                    py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                if (strstr(code, w1))
                    py_raise(rt, PY_TYPE_ERROR, "string indices must be integers");
            }
        }
    }
    const dn_entry *h = dn_get(path, "#");
    if (h && h->kind == DN_LEAF) {
        if (is_actor) {
            const pc_actor_leaf *leaf = h->v.leaf;
            const char *code = check_date(s, leaf);
            if (code) {
                m.ok = 1;
                m.is_actor = 1;
                m.code = code;
                m.so_far = so_far;
                m.length = length;
                if (leaf->n == 0)
                    py_raise(rt, PY_INDEX_ERROR, "path['#'][-1]");
                m.root = &leaf->items[leaf->n - 1];
                return m;
            }
        } else {
            m.ok = 1;
            m.code = h->v.leaf;
            m.so_far = so_far;
            m.length = length;
            return m;
        }
    }
    m.ok = 0;
    return m;
}

/* A root (path['#'][-1]) as the Python value roots would hold. */
static pv *root_value(sent *s, const pc_actor_item *r)
{
    py_rt *rt = &s->rt;
    if (r->is_root) {
        pv *l = pv_list(rt);
        for (size_t i = 0; i < r->n_words; i++)
            pv_append(rt, l, pv_str(rt, r->words[i]));
        return l;
    }
    pv *dl = pv_list(rt);
    for (size_t i = 0; i < r->n_dates; i++)
        pv_append(rt, dl, pv_str(rt, r->dates[i]));
    return pv_tuple2(rt, pv_str(rt, r->code), dl);
}

static pv *split_words(sent *s, const pv *text)
{
    py_rt *rt = &s->rt;
    if (text->k != PV_STR)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "split of a non-string");
    pc_span *sp;
    long n = pc_py_split(rt->a, text->s, text->n, &sp);
    if (n < 0)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    pv *l = pv_list(rt);
    for (long i = 0; i < n; i++)
        pv_append(rt, l, pv_strn(rt, sp[i].p, sp[i].n));
    return l;
}

/* try: child.get_meaning() except: -> 1 when it raised (the <16.06.10>
 * infinite-recursion trap of PETRARCH2 lands here) */
static int try_get_meaning(sent *s, phrase *p)
{
    py_rt *rt = &s->rt;
    py_frame f;
    py_try_push(rt, &f);
    if (setjmp(f.jb) == 0) {
        ph_get_meaning(s, p);
        py_try_leave(rt, &f);
        return 0;
    }
    if (rt->last == PY_MEMORY_ERROR)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return 1;
}

static pv *np_get_meaning(sent *s, phrase *self)
{
    static const char *const JJDTNN[] = {"JJ", "DT", "NN", NULL};
    py_rt *rt = &s->rt;
    if (self->meaning_memo)
        return self->meaning;
    py_enter(rt);
    pv *text_children = pv_list(rt);
    pv *ppcodes = pv_list(rt), *vpcodes = pv_list(rt), *npcodes = pv_list(rt);
    pv *codes = pv_list(rt), *roots = pv_list(rt), *matched_txt = pv_list(rt);
    ph_list *ch = self->children;

    for (size_t i = 0; i < ch->n; i++) {
        phrase *child = ch->v[i];
        if (child->kind == PH_NP) {
            pv *t, *c;
            np_get_text(s, child, &t, &c);
            pv_extend(rt, text_children, split_words(s, t));
            pv_extend(rt, npcodes, c);
        } else if (label_prefix_in(child->label, JJDTNN)) {
            pv_extend(rt, text_children, split_words(s, ph_get_text(s, child)));
        } else if (strcmp(child->label, "PP") == 0) {
            pv *act, *ag;
            resolve_codes(s, ph_get_meaning(s, child), &act, &ag);
            if (pv_truthy(act))
                pv_extend(rt, ppcodes, ph_get_meaning(s, child));
            else
                pv_extend(rt, text_children, split_words(s, ph_get_text(s, child)));
        } else if (strcmp(child->label, "VP") == 0) {
            pv *m = ph_get_meaning(s, child);
            if (pv_truthy(m)) {
                pv *m01 = pv_getitem(rt, pv_getitem(rt, m, 0), 1);
                if (pv_is_str(m01)) {
                    pv *act, *ag;
                    resolve_codes(s, m01, &act, &ag);
                    if (pv_truthy(act))
                        pv_extend(rt, vpcodes, vp_get_theme(s, child));
                }
            }
        } else if (strcmp(child->label, "PRP") == 0) {
            /* Find the antecedent */
            int not_found = 1, local = 1;
            phrase *level = self->parent;
            size_t tl = strlen(child->text);
            int reflexive = (tl >= 4 && strcmp(child->text + tl - 4, "SELF") == 0) ||
                            (tl >= 6 && strcmp(child->text + tl - 6, "SELVES") == 0);
            if (!level)
                py_raise(rt, PY_ATTRIBUTE_ERROR, "'NoneType' object has no attribute 'parent'");
            while (not_found && level->parent) {
                if (strncmp(level->label, "NP", 2) == 0 && reflexive)
                    break;
                if (local && (strcmp(level->label, "S") == 0 || strcmp(level->label, "SBAR") == 0)) {
                    local = 0;
                    level = level->parent;
                    continue;
                }
                if (!local || (reflexive && local)) {
                    ph_list *sib = level->parent->children;
                    for (size_t k = 0; k < sib->n; k++) {
                        phrase *c2 = sib->v[k];
                        if (c2->kind != PH_NP)
                            continue;
                        if (try_get_meaning(s, c2))
                            break;
                        /* cgm == "~" compares a list with a str: never */
                        not_found = 0;
                        pv_extend(rt, codes, ph_get_meaning(s, c2));
                        break;
                    }
                }
                level = level->parent;
            }
        }
    }

    /* check whether there are codes in the noun phrase */
    size_t ntc = text_children->n;
    pc_span *words = pc_arena_alloc(rt->a, (ntc ? ntc : 1) * sizeof *words);
    if (!words)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < ntc; i++) {
        words[i].p = text_children->items[i]->s;
        words[i].n = text_children->items[i]->n;
    }
    /* A match of length 0 comes from an empty phrase in the dictionary (a
     * '#' at the trie's root, e.g. an actor line "_"): PETRARCH2 adds its
     * code and does not advance, forever.  Such a match is ignored here, as
     * pc_get_issues ignores an empty issue phrase. */
    size_t index = 0;
    while (index < ntc) {
        np_match m = np_recurse(s, s->d->actors, words + index, ntc - index, 0,
                                pv_empty_str(), 1);
        if (m.ok && m.length > 0) {
            pv_append(rt, codes, pv_str(rt, m.code));
            pv_append(rt, roots, root_value(s, m.root));
            index += (size_t)m.length;
            pv_append(rt, matched_txt, m.so_far);
            continue;
        }
        m = np_recurse(s, s->d->agents, words + index, ntc - index, 0, pv_empty_str(), 0);
        if (m.ok && m.length > 0) {
            pv_append(rt, codes, pv_str(rt, m.code));
            pv_append(rt, roots, pv_list1(rt, pv_str(rt, "~")));
            index += (size_t)m.length;
            pv_append(rt, matched_txt, m.so_far);
            continue;
        }
        index += 1;
    }

    pv *actorcodes, *agentcodes;
    resolve_codes(s, codes, &actorcodes, &agentcodes);
    pv *txtstrg, *unused;
    np_get_text(s, self, &txtstrg, &unused);
    if (!pv_truthy(actorcodes) && s->opt->null_actors) {
        if (s->opt->new_actor_length &&
            (long)split_words(s, txtstrg)->n < s->opt->new_actor_length) {
            char buf[32];
            snprintf(buf, sizeof buf, "*%ld*", s->actoridx);
            actorcodes = pv_list1(rt, pv_strn(rt, buf, strlen(buf)));
            s->actoridx++;
            pv_append(rt, matched_txt, txtstrg);
        }
    }
    pv *ppa, *ppg, *npa, *npg, *vpa, *vpg;
    resolve_codes(s, ppcodes, &ppa, &ppg);
    resolve_codes(s, npcodes, &npa, &npg);
    resolve_codes(s, vpcodes, &vpa, &vpg);
    if (!pv_truthy(actorcodes)) {
        pv_extend(rt, actorcodes, npa);
        if (!pv_truthy(actorcodes)) {
            pv_extend(rt, actorcodes, ppa);
            if (!pv_truthy(actorcodes))
                pv_extend(rt, actorcodes, vpa);
        }
    }
    if (!pv_truthy(agentcodes)) {
        pv_extend(rt, agentcodes, npg);
        if (!pv_truthy(agentcodes)) {
            pv_extend(rt, agentcodes, ppg);
            if (!pv_truthy(agentcodes))
                pv_extend(rt, agentcodes, vpg);
        }
    }
    self->meaning = mix_codes(s, agentcodes, actorcodes);
    self->meaning_memo = 1;
    if (pv_truthy(matched_txt)) {
        pv *r = pv_list(rt);
        for (size_t i = 0; i < roots->n && i < matched_txt->n; i++)
            pv_append(rt, r, roots->items[i]);
        pv *it[3] = {matched_txt, self->meaning, r};
        pv_append(rt, s->nouns, pv_tuple(rt, 3, it));
    }
    py_leave(rt);
    return self->meaning;
}

/* ------------------------------------------------------------ PP, S */

static pv *pp_get_meaning(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    ph_list *ch = self->children;
    if (ch->n == 0)
        py_raise(rt, PY_INDEX_ERROR, "PP without children");
    py_enter(rt);
    self->prep = pv_str(rt, ch->v[0]->text);
    if (ch->n > 1 && !ch->v[1]->color) {
        self->meaning = ch->v[1]->kind == PH_NP ? ph_get_meaning(s, ch->v[1]) : pv_empty_str();
        self->head = ph_get_head(s, ch->v[1]).head;
    }
    py_leave(rt);
    return self->meaning;
}

pv *pp_get_prep(sent *s, phrase *self)
{
    if (self->children->n == 0)
        py_raise(&s->rt, PY_INDEX_ERROR, "PP without children");
    return pv_str(&s->rt, self->children->v[0]->text);
}

static pv *base_get_meaning(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    if (label_in(self->label, "SBAR")) {
        py_enter(rt);
        pv *events = pv_list(rt);
        ph_list *ch = self->children;
        /* filter first (a snapshot of the children), then map */
        size_t n = ch->n;
        phrase **sel = pc_arena_alloc(rt->a, (n ? n : 1) * sizeof *sel);
        if (!sel)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (label_in(ch->v[i]->label, "SBARVP"))
                sel[k++] = ch->v[i];
        pv **lower = pc_arena_alloc(rt->a, (k ? k : 1) * sizeof *lower);
        if (!lower)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        for (size_t i = 0; i < k; i++)
            lower[i] = ph_get_meaning(s, sel[i]);
        for (size_t i = 0; i < k; i++)
            pv_extend(rt, events, lower[i]);
        py_leave(rt);
        if (pv_truthy(events)) {
            self->meaning = events;
            return events;
        }
    }
    return self->meaning;
}

pv *ph_get_meaning(sent *s, phrase *p)
{
    switch (p->kind) {
    case PH_NP: return np_get_meaning(s, p);
    case PH_VP: return vp_get_meaning(s, p);
    case PH_PP: return pp_get_meaning(s, p);
    default: return base_get_meaning(s, p);
    }
}
