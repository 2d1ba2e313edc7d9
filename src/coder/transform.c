/* transform.c -- VerbPhrase.match_transform and the state it keeps (see
 * xstate.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sent.h"
#include "xstate.h"
#include "dict/cameo_codes.h"

pc_xstate *pc_xstate_new(void)
{
    pc_xstate *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->a = pc_arena_new(4096);
    if (!x->a) {
        free(x);
        return NULL;
    }
    return x;
}

void pc_xstate_free(pc_xstate *x)
{
    if (!x)
        return;
    pc_arena_free(x->a);
    free(x);
}

void pc_xstate_clear(pc_xstate *x)
{
    pc_arena_reset(x->a);
    memset(&x->a2v, 0, sizeof x->a2v);
    memset(&x->v2a, 0, sizeof x->v2a);
}

/* A deep copy into the state's arena (the sentence's is reset). */
static pv *persist(sent *s, pc_arena *a, const pv *v)
{
    if (v->k == PV_NONE || v->k == PV_BOOL)
        return (pv *)v;
    pv *c = pc_arena_alloc(a, sizeof *c);
    if (!c)
        py_raise(&s->rt, PY_MEMORY_ERROR, "out of memory");
    *c = *v;
    if (v->k == PV_STR) {
        c->s = pc_arena_strndup(a, v->s, v->n);
        if (!c->s)
            py_raise(&s->rt, PY_MEMORY_ERROR, "out of memory");
    } else if (v->k == PV_LIST || v->k == PV_TUPLE) {
        c->items = pc_arena_alloc(a, (v->n ? v->n : 1) * sizeof(pv *));
        if (!c->items)
            py_raise(&s->rt, PY_MEMORY_ERROR, "out of memory");
        for (size_t i = 0; i < v->n; i++)
            c->items[i] = persist(s, a, v->items[i]);
        c->cap = v->n;
    }
    return c;
}

static long xfind(const xmap *m, const pv *k)
{
    for (size_t i = 0; i < m->n; i++)
        if (pv_eq(m->keys[i], k))
            return (long)i;
    return -1;
}

static void xset(sent *s, pc_xstate *x, xmap *m, const pv *k, const pv *v)
{
    long i = xfind(m, k);
    if (i >= 0) {
        pv *old = m->vals[i];
        /* "Q" is re-bound at every Q match: reuse an int slot so a long run
         * does not grow the state */
        if (old->k == PV_INT && v->k == PV_INT)
            old->i = v->i;
        else
            m->vals[i] = persist(s, x->a, v);
        return;
    }
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 8;
        pv **nk = pc_arena_alloc(x->a, nc * sizeof *nk);
        pv **nv = pc_arena_alloc(x->a, nc * sizeof *nv);
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
    m->keys[m->n] = persist(s, x->a, k);
    m->vals[m->n] = persist(s, x->a, v);
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
        snprintf(buf, sizeof buf, "%ld", k->i);
        return dn_get(node, buf);
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
static pv *xrecurse(sent *s, xval pd, pv *event)
{
    py_rt *rt = &s->rt;
    pc_xstate *x = s->xs;
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
            xset(s, x, &x->v2a, pv_str(rt, "Q"), c);
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
        pv *r = xrecurse(s, xval_of(e), pv_getitem(rt, event, 1));
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
                xset(s, x, &x->v2a, var, actor);
                xset(s, x, &x->a2v, actor, var);
            }
            const dn_entry *ve = xget(s, path.node, var);
            pv *r = xrecurse(s, xval_of(ve), pv_getitem(rt, event, 1));
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
    pv *t = xrecurse(s, top, e);
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
    if (s->xs_reset)
        pc_xstate_clear(s->xs);
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
