/* transform.c -- VerbPhrase.match_transform.
 *
 * Its inner recurse(pdict, event, a2v={}, v2a={}) is defined anew at every
 * match_transform call, so the two "mutable default" dicts live for one
 * call: the variable bindings of one event never leak into the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sent.h"
#include "dict/cameo_codes.h"

/* a tiny dict of Python values (a handful of entries at most) */
typedef struct xmap {
    pv **keys;
    pv **vals;
    size_t n, cap;
} xmap;

static long xfind(const xmap *m, const pv *k)
{
    for (size_t i = 0; i < m->n; i++)
        if (pv_eq(m->keys[i], k))
            return (long)i;
    return -1;
}

static void xset(sent *s, xmap *m, pv *k, pv *v)
{
    long i = xfind(m, k);
    if (i >= 0) {
        m->vals[i] = v;
        return;
    }
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 8;
        pv **nk = pc_arena_alloc(s->rt.a, nc * sizeof *nk);
        pv **nv = pc_arena_alloc(s->rt.a, nc * sizeof *nv);
        if (!nk || !nv)
            py_raise(&s->rt, PY_MEMORY_ERROR, "out of memory");
        if (m->n) {
            memcpy(nk, m->keys, m->n * sizeof *nk);
            memcpy(nv, m->vals, m->n * sizeof *nv);
        }
        m->keys = nk;
        m->vals = nv;
        m->cap = nc;
    }
    m->keys[m->n] = k;
    m->vals[m->n] = v;
    m->n++;
}

/* ---- the transformation trie: integer keys are stored as "%ld" ---- */

static int key_is_int(const char *k, long *out)
{
    char *end;
    if (!*k)
        return 0;
    long v = strtol(k, &end, 10);
    if (*end)
        return 0;
    *out = v;
    return 1;
}

static pv *key_pv(sent *s, const dn_entry *e)
{
    long v;
    if (key_is_int(e->key, &v))
        return pv_int(&s->rt, v);
    return pv_str(&s->rt, e->key);
}

/* `k in node` / node[k] for a Python key value */
static const dn_entry *xget(sent *s, const pc_dnode *node, const pv *k)
{
    char buf[32];
    long dummy;
    pv_check_hashable(&s->rt, k);
    if (!node)
        return NULL;
    if (pv_is_int(k)) {
        size_t n = pv_fmt_long(buf, k->i);
        return dn_getn(node, buf, n);
    }
    if (k->k == PV_STR) {
        if (key_is_int(k->s, &dummy))
            return NULL; /* such keys are ints, not this string */
        return dn_get(node, k->s);
    }
    return NULL;
}

static pv *pymod(sent *s, const pv *a, long m)
{
    long v = pv_as_int(&s->rt, a);
    long r = v % m;
    if (r < 0)
        r += m;
    return pv_int(&s->rt, r);
}

typedef struct xval {
    const pc_dnode *node;            /* a dict, or */
    const pc_transform_leaf *leaf;   /* the [answer, line] list */
} xval;

static xval xval_of(const dn_entry *e)
{
    xval v = {NULL, NULL};
    if (e->kind == DN_NODE)
        v.node = e->v.node;
    else if (e->kind == DN_LEAF)
        v.leaf = e->v.leaf;
    return v;
}

static int cmp_desc(const void *a, const void *b)
{
    return pv_cmp(*(pv *const *)b, *(pv *const *)a);
}

/* recurse(pdict, event, a2v, v2a): a (results, line) tuple or NULL (False) */
typedef struct xstate {
    xmap a2v; /* actor -> variable */
    xmap v2a; /* variable -> actor (and "Q" -> code) */
} xstate;

static pv *xrecurse(sent *s, xstate *x, xval pd, pv *event)
{
    py_rt *rt = &s->rt;
    py_enter(rt);
    if (pd.leaf) {
        const pc_transform_leaf *lf = pd.leaf;
        if (lf->n_answer < 3)
            py_raise(rt, PY_INDEX_ERROR, "transformation answer");
        pv *verb;
        if (strcmp(lf->answer[2], "Q") != 0) {
            pv *act, *pas;
            convert_code_fwd(s, lf->answer[2], &act, &pas);
            verb = act;
        } else {
            long qi = xfind(&x->v2a, pv_str(rt, "Q"));
            if (qi < 0)
                py_raise(rt, PY_KEY_ERROR, "v2a['Q']");
            verb = x->v2a.vals[qi];
        }
        long i1 = xfind(&x->v2a, pv_str(rt, lf->answer[1]));
        if (i1 < 0)
            py_raise(rt, PY_KEY_ERROR, "v2a[path[1]]");
        pv *v1 = x->v2a.vals[i1];
        pv *results = pv_list(rt);
        pv *line = pv_str(rt, lf->line);
        if (pv_is_tuple(v1)) {
            for (size_t k = 0; k < v1->n; k++) {
                long i0 = xfind(&x->v2a, pv_str(rt, lf->answer[0]));
                if (i0 < 0)
                    py_raise(rt, PY_KEY_ERROR, "v2a[path[0]]");
                pv_append(rt, results, pv_tuple3(rt, pv_to_list(rt, x->v2a.vals[i0]), v1->items[k], verb));
            }
        } else {
            long i0 = xfind(&x->v2a, pv_str(rt, lf->answer[0]));
            if (i0 < 0)
                py_raise(rt, PY_KEY_ERROR, "v2a[path[0]]");
            pv_append(rt, results, pv_tuple3(rt, pv_to_list(rt, x->v2a.vals[i0]), v1, verb));
        }
        py_leave(rt);
        return pv_tuple2(rt, results, line);
    }

    const pc_dnode *pdict = pd.node;
    xval path = pd;
    pv *actor;
    if (pv_is_tuple(event)) {
        pv *e0 = pv_getitem(rt, event, 0);
        actor = pv_truthy(e0) ? pv_to_tuple(rt, e0) : pv_none();
        pv *c = pv_getitem(rt, event, 2);
        pv *cand[4];
        cand[0] = c;
        cand[1] = pv_sub(rt, c, pymod(s, c, 0x10));
        cand[2] = pv_sub(rt, c, pymod(s, c, 0x100));
        cand[3] = pv_sub(rt, c, pymod(s, c, 0x1000));
        const dn_entry *hit = NULL;
        for (int k = 0; k < 4; k++) {
            const dn_entry *e = xget(s, pdict, cand[k]);
            if (e && !hit)
                hit = e;
        }
        if (hit) {
            path = xval_of(hit);
        } else {
            const dn_entry *q = xget(s, pdict, pv_int(rt, -1));
            if (!q) {
                py_leave(rt);
                return NULL;
            }
            xset(s, &x->v2a, pv_str(rt, "Q"), c);
            path = xval_of(q);
        }
    } else {
        actor = event;
    }
    pv_check_hashable(rt, actor);
    long ai = xfind(&x->a2v, actor);
    if (ai >= 0)
        actor = x->a2v.vals[ai];
    if (!pv_truthy(actor))
        actor = pv_str(rt, "_");
    /* a leaf (list) as `path`: `actor in list` compares with its two items */
    const dn_entry *e = path.node ? xget(s, path.node, actor) : NULL;
    if (e) {
        pv *r = xrecurse(s, x, xval_of(e), pv_getitem(rt, event, 1));
        py_leave(rt);
        return r;
    }
    if (!pv_eq_cstr(actor, "_")) {
        if (path.leaf) {
            /* sorted(list.keys()): AttributeError */
            py_raise(rt, PY_ATTRIBUTE_ERROR, "'list' object has no attribute 'keys'");
        }
        size_t nk = dn_count(path.node);
        pv **keys = pc_arena_alloc(rt->a, (nk ? nk : 1) * sizeof *keys);
        const dn_entry **ents = pc_arena_alloc(rt->a, (nk ? nk : 1) * sizeof *ents);
        if (!keys || !ents)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        for (size_t k = 0; k < nk; k++)
            keys[k] = key_pv(s, dn_at(path.node, k));
        qsort(keys, nk, sizeof *keys, cmp_desc);
        for (size_t k = 0; k < nk; k++) {
            pv *var = keys[k];
            if (xfind(&x->v2a, var) >= 0)
                continue;
            if (!pv_eq_cstr(var, ".")) {
                xset(s, &x->v2a, var, actor);
                xset(s, &x->a2v, actor, var);
            }
            const dn_entry *ve = xget(s, path.node, var);
            pv *r = xrecurse(s, x, xval_of(ve), pv_getitem(rt, event, 1));
            py_leave(rt);
            return r;
        }
    }
    py_leave(rt);
    return NULL;
}

static pv *transform_body(sent *s, pv *e)
{
    py_rt *rt = &s->rt;
    xval top = {s->d->transforms, NULL};
    xstate x;
    memset(&x, 0, sizeof x);
    pv *t = xrecurse(s, &x, top, e);
    if (t && pv_truthy(t))
        return t;
    pv *e0 = pv_getitem(rt, e, 0);
    if (!pv_truthy(e0))
        return NULL;
    pv *e2 = pv_getitem(rt, e, 2);
    if (!pv_truthy(e2))
        return NULL;
    pv *e1 = pv_getitem(rt, e, 1);
    if (!pv_is_tuple(e1))
        return NULL;
    pv *e10 = pv_getitem(rt, e1, 0);
    if (!pv_truthy(e10))
        return NULL;
    pv *e12 = pv_getitem(rt, e1, 2);
    long v = pv_as_int(rt, e12);
    long q = v / 4096;
    if ((v % 4096 != 0) && (v < 0))
        q--; /* Python 2 floor division */
    if (q != 0)
        return NULL;
    if (pv_is_list(e10)) {
        pv *results = pv_list(rt);
        for (size_t k = 0; k < e10->n; k++)
            pv_append(rt, results, pv_tuple3(rt, e0, e10->items[k], combine_code(s, e12, e2)));
        return results;
    }
    return pv_list1(rt, pv_tuple3(rt, e0, e10, combine_code(s, e2, e12)));
}

pv *vp_match_transform(sent *s, phrase *self, pv *e)
{
    (void)self;
    py_rt *rt = &s->rt;
    pv *r = NULL;
    py_frame f;
    py_try_push(rt, &f);
    if (setjmp(f.jb) == 0) {
        r = transform_body(s, e);
        py_try_leave(rt, &f);
        if (r)
            return r;
        return pv_list1(rt, e);
    }
    if (rt->last == PY_MEMORY_ERROR)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return pv_list1(rt, e);
}
