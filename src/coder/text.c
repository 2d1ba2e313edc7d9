/* text.c -- utilities.extract_phrases: the actor and event texts written
 * with write_actor_text / write_event_text / write_actor_root. */
#include <stdio.h>
#include <string.h>

#include "sent.h"
#include "text.h"
#include "util/pystr.h"

/* The sentence text as code points, and its upper-cased twin (Python's
 * str.find and slicing count code points). */
typedef struct ustr {
    int32_t *cp;
    size_t *off; /* byte offset of each code point in the UTF-8 text, n+1 entries */
    size_t n;
    const char *utf8;
} ustr;

static void to_ustr(sent *s, const char *t, ustr *u)
{
    size_t n = strlen(t);
    u->cp = pc_arena_alloc(s->rt.a, (n + 1) * sizeof *u->cp);
    u->off = pc_arena_alloc(s->rt.a, (n + 1) * sizeof *u->off);
    if (!u->cp || !u->off)
        py_raise(&s->rt, PY_MEMORY_ERROR, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        int32_t c = pc_utf8_decode(t + i, n - i, &len);
        u->off[k] = i;
        u->cp[k++] = c < 0 ? (int32_t)(0xDC00 + (unsigned char)t[i]) : c;
        i += len;
    }
    u->off[k] = n;
    u->n = k;
    u->utf8 = t;
}

typedef struct tctx {
    sent *s;
    ustr content, ucont;
    pv *noun_list;
} tctx;

static long ufind(const ustr *h, const ustr *needle, size_t start)
{
    if (start > h->n)
        return -1;
    if (needle->n == 0)
        return (long)start;
    for (size_t i = start; i + needle->n <= h->n; i++) {
        if (memcmp(h->cp + i, needle->cp, needle->n * sizeof(int32_t)) == 0)
            return (long)i;
    }
    return -1;
}

/* get_text_phrase(phst) */
static pv *get_text_phrase(tctx *t, const pv *phst)
{
    sent *s = t->s;
    py_rt *rt = &s->rt;
    size_t cap = phst->n * 2 + t->content.n * 2 + 64, o = 0;
    char *out = pc_arena_alloc(rt->a, cap + 1);
    if (!out)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    size_t curloc = 0;
    /* phst.split(' ') */
    const char *p = phst->s, *end = phst->s + phst->n;
    for (;;) {
        const char *q = memchr(p, ' ', (size_t)(end - p));
        size_t wn = q ? (size_t)(q - p) : (size_t)(end - p);
        char *wd = pc_arena_strndup(rt->a, p, wn);
        if (!wd)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        ustr uw;
        to_ustr(s, wd, &uw);
        long newloc = ufind(&t->ucont, &uw, curloc);
        size_t need;
        if (newloc >= 0) {
            size_t nl = (size_t)newloc;
            size_t from = t->content.off[nl], to = t->content.off[nl + uw.n];
            need = 5 + (to - from);
            if (o + need >= cap) {
                char *nb = pc_arena_realloc(rt->a, out, o, (cap = 2 * (cap + need)) + 1);
                if (!nb)
                    py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                out = nb;
            }
            if (o > 0 && nl > curloc + 1) {
                memcpy(out + o, " ...", 4);
                o += 4;
            }
            curloc = nl + uw.n;
            out[o++] = ' ';
            memcpy(out + o, t->content.utf8 + from, to - from);
            o += to - from;
        } else {
            need = wn + 4;
            if (o + need >= cap) {
                char *nb = pc_arena_realloc(rt->a, out, o, (cap = 2 * (cap + need)) + 1);
                if (!nb)
                    py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                out = nb;
            }
            out[o++] = ' ';
            out[o++] = '<';
            memcpy(out + o, wd, wn);
            o += wn;
            out[o++] = '>';
        }
        if (!q)
            break;
        p = q + 1;
    }
    out[o] = '\0';
    /* lcphst.strip() */
    size_t b = 0, e = o, len;
    while (b < e) {
        int32_t c = pc_utf8_decode(out + b, e - b, &len);
        if (!pc_py_isspace(c))
            break;
        b += len;
    }
    while (e > b) {
        size_t k = e - 1;
        while (k > b && ((unsigned char)out[k] & 0xC0) == 0x80)
            k--;
        int32_t c = pc_utf8_decode(out + k, e - k, &len);
        if (!pc_py_isspace(c))
            break;
        e = k;
    }
    return pv_strn(rt, out + b, e - b);
}

/* get_noun_list() */
static pv *get_noun_list(sent *s)
{
    py_rt *rt = &s->rt;
    pv *nl = pv_list(rt);
    for (size_t i = 0; i < s->nouns->n; i++) {
        pv *ca = s->nouns->items[i];
        pv *c0 = ca->items[0], *c1 = ca->items[1], *c2 = ca->items[2];
        size_t n1 = pv_len(rt, c1);
        if (n1 == 1) {
            pv_append(rt, nl, ca);
            continue;
        }
        for (size_t ka = 0; ka < n1; ka++) {
            /* try: ... except: pass -- IndexError when the lists differ in length */
            size_t n0 = pv_len(rt, c0), n2 = pv_len(rt, c2);
            if (ka < n0) {
                if (ka >= n2)
                    continue;
                pv_append(rt, nl, pv_tuple3(rt, c0->items[ka], pv_getitem(rt, c1, (long)ka), c2->items[ka]));
            } else {
                if (n0 == 0 || n2 == 0)
                    continue;
                pv_append(rt, nl, pv_tuple3(rt, c0->items[n0 - 1], pv_getitem(rt, c1, (long)ka), c2->items[n2 - 1]));
            }
        }
    }
    return nl;
}

/* the noun_list entry whose codes contain code (list: member; str: substring) */
static pv *find_noun(tctx *t, pv *code)
{
    for (size_t i = 0; i < t->noun_list->n; i++) {
        pv *ca = t->noun_list->items[i];
        if (pv_contains(&t->s->rt, pv_getitem(&t->s->rt, ca, 1), code))
            return ca;
    }
    return NULL;
}

static pv *get_actor_phrase(tctx *t, pv *code)
{
    py_rt *rt = &t->s->rt;
    if (pv_startswith(rt, code, "---"))
        code = pv_add(rt, pv_str(rt, "~"), pv_strn(rt, code->s + 3, code->n - 3));
    pv *ca = find_noun(t, code);
    if (!ca)
        return NULL; /* '---' */
    pv *tarst = pv_empty_str();
    pv *parts = pv_to_list(rt, pv_getitem(rt, ca, 0));
    for (size_t i = 0; i < parts->n; i++)
        tarst = pv_add(rt, tarst, parts->items[i]);
    /* tarst[1:] */
    size_t skip = 0;
    if (tarst->n)
        pc_utf8_decode(tarst->s, tarst->n, &skip);
    return get_text_phrase(t, pv_strn(rt, tarst->s + skip, tarst->n - skip));
}

static pv *get_actor_root(tctx *t, pv *code)
{
    py_rt *rt = &t->s->rt;
    if (pv_startswith(rt, code, "---"))
        return NULL;
    pv *ca = find_noun(t, code);
    if (!ca)
        return NULL;
    if (!(pv_len(rt, ca) > 2 && !pv_eq_cstr(pv_getitem(rt, ca, 2), "~")))
        return NULL;
    pv *phrst = pv_empty_str();
    pv *lis = pv_to_list(rt, pv_getitem(rt, ca, 2));
    pv *sp = pv_str(rt, " ");
    for (size_t i = 0; i < lis->n; i++) {
        pv *li = lis->items[i];
        if (pv_is_list(li)) {
            pv *joined = pv_empty_str();
            for (size_t k = 0; k < li->n; k++) {
                if (k)
                    joined = pv_add(rt, joined, sp);
                joined = pv_add(rt, joined, li->items[k]);
            }
            phrst = pv_add(rt, pv_add(rt, phrst, sp), joined);
        } else {
            phrst = pv_add(rt, pv_add(rt, phrst, sp), li);
        }
    }
    phrst = pv_str_replace(rt, phrst, " ~", "");
    /* .strip() */
    size_t b = 0, e = phrst->n;
    while (b < e && (phrst->s[b] == ' ' || (phrst->s[b] >= 9 && phrst->s[b] <= 13)))
        b++;
    while (e > b && (phrst->s[e - 1] == ' ' || (phrst->s[e - 1] >= 9 && phrst->s[e - 1] <= 13)))
        e--;
    return pv_strn(rt, phrst->s + b, e - b);
}

/* str[a:b] by code points, b = -1 for the end */
static pv *uslice(sent *s, const pv *v, long a, long b)
{
    ustr u;
    to_ustr(s, v->s, &u);
    long n = (long)u.n;
    if (b < 0 || b > n)
        b = n;
    if (a > n)
        a = n;
    if (a > b)
        a = b;
    return pv_strn(&s->rt, v->s + u.off[a], u.off[b] - u.off[a]);
}

static long ufind_c(sent *s, const pv *v, const char *c)
{
    ustr u, n;
    to_ustr(s, v->s, &u);
    to_ustr(s, c, &n);
    return ufind(&u, &n, 0);
}

static pv *pstrip(sent *s, pv *v)
{
    size_t b = 0, e = v->n, len;
    while (b < e) {
        int32_t c = pc_utf8_decode(v->s + b, e - b, &len);
        if (!pc_py_isspace(c))
            break;
        b += len;
    }
    while (e > b) {
        size_t k = e - 1;
        while (k > b && ((unsigned char)v->s[k] & 0xC0) == 0x80)
            k--;
        int32_t c = pc_utf8_decode(v->s + k, e - k, &len);
        if (!pc_py_isspace(c))
            break;
        e = k;
    }
    return pv_strn(&s->rt, v->s + b, e - b);
}

static pv *get_event_phrase(tctx *t, pv *verb_list)
{
    sent *s = t->s;
    py_rt *rt = &s->rt;
    pv *phst = pv_empty_str(), *words = pv_empty_str();
    pv *sp = pv_str(rt, " ");
    pv *all = pv_to_list(rt, verb_list);
    for (size_t i = 0; i < all->n; i++) {
        pv *st = all->items[i];
        if (pv_is_str(st))
            continue;
        if (pv_len(rt, st) > 1) {
            pv *st1 = pv_getitem(rt, st, 1);
            if (pv_contains(rt, st1, pv_str(rt, "["))) {
                /* st[1][1:st[1].find('[')].strip(): find() is -1 only when
                 * absent, and here '[' is present */
                long f = ufind_c(s, st1, "[");
                pv *sta = pstrip(s, uslice(s, st1, 1, f));
                pv *st0 = pv_getitem(rt, st, 0);
                if (!pv_is_str(st0))
                    py_raise(rt, PY_TYPE_ERROR, "replace() argument must be str");
                words = pv_str_replace(rt, sta, "*", st0->s);
                words = pv_str_replace(rt, words, "(", "");
                words = pv_str_replace(rt, words, ")", "");
            } else if (pv_is_tuple(st1)) {
                words = pv_getitem(rt, st, 0);
                size_t n = pv_len(rt, st);
                for (size_t k = 1; k < n; k++) {
                    pv *tp = pv_getitem(rt, st, (long)k);
                    words = pv_add(rt, pv_add(rt, words, sp), pv_getitem(rt, tp, 0));
                    pv *tp1 = pv_getitem(rt, tp, 1);
                    if (pv_len(rt, tp1) > 0)
                        words = pv_add(rt, pv_add(rt, words, sp), pv_getitem(rt, tp1, 0));
                    else
                        words = pv_add(rt, words, pv_str(rt, " ---"));
                }
            } else {
                words = pv_repr(rt, st);
            }
        } else {
            pv *st0 = pv_getitem(rt, st, 0);
            if (pv_truthy(st0))
                words = st0;
        }
        if (!pv_contains(rt, phst, words))
            phst = pv_add(rt, pv_add(rt, words, sp), phst);
    }
    return get_text_phrase(t, phst);
}

void extract_phrases(sent *s, const char *content, pv *mkeys, pv *mvals, pv **texts_out)
{
    py_rt *rt = &s->rt;
    tctx t;
    t.s = s;
    to_ustr(s, content, &t.content);
    char *up = pc_py_upper(rt->a, content, strlen(content));
    if (!up)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    to_ustr(s, up, &t.ucont);
    if (t.ucont.n != t.content.n)
        py_raise(rt, PY_VALUE_ERROR, "upper() changed the text length");
    t.noun_list = NULL;
    pv *texts = pv_list(rt);
    for (size_t i = 0; i < mkeys->n; i++) {
        pv *evt = mkeys->items[i];
        pv *tx[5] = {pv_empty_str(), pv_empty_str(), pv_empty_str(), pv_empty_str(), pv_empty_str()};
        if (s->opt->write_actor_text) {
            t.noun_list = get_noun_list(s);
            pv *a = get_actor_phrase(&t, evt->items[0]);
            tx[0] = a ? a : pv_none();
            t.noun_list = get_noun_list(s);
            a = get_actor_phrase(&t, evt->items[1]);
            tx[1] = a ? a : pv_none();
        }
        if (s->opt->write_event_text)
            tx[2] = get_event_phrase(&t, mvals->items[i]);
        if (s->opt->write_actor_root) {
            t.noun_list = get_noun_list(s);
            pv *a = get_actor_root(&t, evt->items[0]);
            tx[3] = a ? a : pv_none();
            t.noun_list = get_noun_list(s);
            a = get_actor_root(&t, evt->items[1]);
            tx[4] = a ? a : pv_none();
        }
        pv_append(rt, texts, pv_tuple(rt, 5, tx));
    }
    *texts_out = texts;
}
