/* pattern.c -- VerbPhrase.match_pattern: match the tree against the verb
 * patterns of the verb's meaning (see Petrarch2.pdf).  The Python builds
 * closures (match_phrase, match_noun, match_prep, reroute) whose default
 * arguments are bound when match_pattern runs; `fn` below names each
 * callable the Python passes around. */
#include <string.h>

#include "sent.h"

typedef enum fkind {
    F_FALSE,        /* skip = lambda a: False */
    F_NONE,         /* None passed as o1 */
    F_NOUN_DEF,     /* match_noun with its default phrase */
    F_NOUN_PPOBJ,   /* lambda a: match_noun(a, item.children[1]) if len(item.children) > 1 else False */
    F_PREP_DEF,     /* match_prep with phrase=self */
    F_PREP_ITEM,    /* lambda a: match_prep(a, item) */
    F_PHRASE_HEAD   /* lambda a: match_phrase(a, item.head_phrase) */
} fkind;

typedef struct fn {
    fkind k;
    phrase *item;
} fn;

typedef struct mctx {
    sent *s;
    phrase *self;
    phrase *noun_default; /* match_noun's default phrase */
} mctx;

static const pc_pattern_leaf *match_noun(mctx *m, const pc_dnode *path, phrase *phrase_, int preplimit);
static const pc_pattern_leaf *match_prep(mctx *m, const pc_dnode *path, phrase *phrase_);
static const pc_pattern_leaf *match_phrase(mctx *m, const pc_dnode *path, phrase *phrase_);

static fn F(fkind k, phrase *item)
{
    fn f = {k, item};
    return f;
}

static const pc_pattern_leaf *call(mctx *m, fn f, const pc_dnode *a)
{
    switch (f.k) {
    case F_FALSE:
    case F_NONE:
        return NULL;
    case F_NOUN_DEF:
        return match_noun(m, a, m->noun_default, 0);
    case F_NOUN_PPOBJ:
        return f.item->children->n > 1 ? match_noun(m, a, f.item->children->v[1], 0) : NULL;
    case F_PREP_DEF:
        return match_prep(m, a, m->self);
    case F_PREP_ITEM:
        return match_prep(m, a, f.item);
    case F_PHRASE_HEAD:
        return match_phrase(m, a, f.item ? f.item->head_phrase : NULL);
    }
    return NULL;
}

/* A value in the pattern trie that is a leaf behaves as a dict without the
 * marker keys. */
static const pc_dnode *sub(const pc_dnode *path, const char *key)
{
    return dn_get_node(path, key);
}

static const pc_pattern_leaf *reroute(mctx *m, const pc_dnode *subpath, fn o1, fn o2, fn o3,
                                      fn o4, int exit_)
{
    if (o1.k == F_NONE)
        return NULL;
    if (!subpath)
        return NULL;
    const pc_pattern_leaf *r;
    const pc_dnode *p;
    if ((p = sub(subpath, "-")) && (r = call(m, o1, p)))
        return r;
    if ((p = sub(subpath, ",")) && (r = call(m, o2, p)))
        return r;
    if ((p = sub(subpath, "|")) && (r = call(m, o3, p)))
        return r;
    if ((p = sub(subpath, "*")) && (r = call(m, o4, p)))
        return r;
    if (exit_) {
        const dn_entry *e = dn_get(subpath, "#");
        if (e && e->kind == DN_LEAF)
            return e->v.leaf;
    }
    return NULL;
}

/* reroute with the Python defaults o2=o4=match_noun, o3=match_prep */
static const pc_pattern_leaf *reroute1(mctx *m, const pc_dnode *subpath, fn o1)
{
    return reroute(m, subpath, o1, F(F_NOUN_DEF, NULL), F(F_PREP_DEF, NULL), F(F_NOUN_DEF, NULL), 1);
}

static const pc_pattern_leaf *match_phrase(mctx *m, const pc_dnode *path, phrase *ph)
{
    py_rt *rt = &m->s->rt;
    if (!ph)
        return NULL;
    py_enter(rt);
    ph_list *ch = ph->children;
    for (size_t i = 0; i < ch->n; i++) {
        phrase *item = ch->v[i];
        const dn_entry *e = dn_get(path, item->text);
        if (!e)
            continue;
        const pc_dnode *subpath = e->kind == DN_NODE ? e->v.node : NULL;
        const pc_pattern_leaf *r = reroute1(m, subpath, F(F_PHRASE_HEAD, item));
        if (r) {
            item->color = 1;
            py_leave(rt);
            return r;
        }
    }
    const pc_pattern_leaf *r = reroute1(m, path, F(F_PHRASE_HEAD, ph));
    py_leave(rt);
    return r;
}

static const pc_pattern_leaf *match_noun(mctx *m, const pc_dnode *path, phrase *ph, int preplimit)
{
    py_rt *rt = &m->s->rt;
    if (!ph)
        return NULL;
    py_enter(rt);
    size_t cap = ph->children->n + 1, nn = 0;
    phrase **nps = pc_arena_alloc(rt->a, cap * sizeof *nps);
    if (!nps)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    ph_list *ch = ph->children;
    if (preplimit) {
        for (size_t i = 0; i < ch->n; i++) {
            phrase *sib = ch->v[i];
            if (sib->kind == PH_PP && sib->children->n > 1) {
                pv *prep = pp_get_prep(m->s, sib);
                if (pv_eq_cstr(prep, "BY") || pv_eq_cstr(prep, "FROM"))
                    nps[nn++] = sib->children->v[1];
            }
        }
    } else {
        for (size_t i = 0; i < ch->n; i++)
            if (strcmp(ch->v[i]->label, "NP") == 0 || strcmp(ch->v[i]->label, "ADVP") == 0)
                nps[nn++] = ch->v[i];
        if (ph->kind == PH_NP)
            nps[nn++] = ph;
    }
    for (size_t i = 0; i < nn; i++) {
        phrase *item = nps[i];
        head_pair h = ph_get_head(m->s, item);
        if (!pv_truthy(h.head))
            continue;
        const dn_entry *e = dn_get(path, h.head->s);
        if (!e)
            continue;
        const pc_dnode *subpath = e->kind == DN_NODE ? e->v.node : NULL;
        /* First check within the NP for PP's */
        const pc_pattern_leaf *r =
            reroute(m, subpath, F(F_FALSE, NULL), F(F_FALSE, NULL), F(F_PREP_ITEM, item), F(F_FALSE, NULL), 0);
        if (!r) {
            /* Then check the other siblings */
            fn o1 = item->kind == PH_NP ? F(F_PHRASE_HEAD, item) : F(F_NONE, NULL);
            r = reroute1(m, subpath, o1);
        }
        if (r) {
            /* headphrase.children[-1].color = True */
            if (!h.phrase)
                py_raise(rt, PY_ATTRIBUTE_ERROR, "'NoneType' object has no attribute 'children'");
            if (h.phrase->children->n == 0)
                py_raise(rt, PY_INDEX_ERROR, "headphrase.children[-1]");
            h.phrase->children->v[h.phrase->children->n - 1]->color = 1;
            py_leave(rt);
            return r;
        }
    }
    const pc_pattern_leaf *r;
    const pc_dnode *caret = sub(path, "^");
    if (caret) {
        ph->color = 1;
        r = reroute1(m, caret, F(F_PHRASE_HEAD, ph));
    } else {
        r = reroute1(m, path, F(F_PHRASE_HEAD, ph));
    }
    py_leave(rt);
    return r;
}

static const pc_pattern_leaf *match_prep(mctx *m, const pc_dnode *path, phrase *ph)
{
    py_rt *rt = &m->s->rt;
    py_enter(rt);
    ph_list *ch = ph->children;
    /* filter(PrepPhrase, phrase.children): a snapshot */
    size_t n = ch->n, k = 0;
    phrase **pps = pc_arena_alloc(rt->a, (n ? n : 1) * sizeof *pps);
    if (!pps)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (ch->v[i]->kind == PH_PP)
            pps[k++] = ch->v[i];
    for (size_t i = 0; i < k; i++) {
        phrase *item = pps[i];
        if (item->children->n == 0)
            py_raise(rt, PY_INDEX_ERROR, "item.children[0]");
        const dn_entry *e = dn_get(path, item->children->v[0]->text);
        if (!e)
            continue;
        const pc_dnode *subpath = e->kind == DN_NODE ? e->v.node : NULL;
        const pc_pattern_leaf *r = reroute(m, subpath, F(F_NOUN_PPOBJ, item), F(F_PREP_DEF, NULL),
                                           F(F_PREP_DEF, NULL), F(F_NOUN_DEF, NULL), 1);
        if (r) {
            py_leave(rt);
            return r;
        }
    }
    const pc_pattern_leaf *r = reroute(m, path, F(F_NOUN_DEF, NULL), F(F_PREP_DEF, NULL),
                                       F(F_PREP_DEF, NULL), F(F_NOUN_DEF, NULL), 1);
    py_leave(rt);
    return r;
}

const pc_pattern_leaf *vp_match_pattern(sent *s, phrase *self)
{
    mctx m = {s, self, NULL};
    pv *meaning = self->verbclass;
    /* match_noun's default argument is evaluated when match_pattern runs */
    m.noun_default = vp_check_passive(s, self) ? vp_get_S(s, self) : self;
    if (!pv_is_str(meaning))
        return NULL;
    const pc_dnode *path = dn_get_node(s->d->phrases, meaning->s);
    if (!path)
        return NULL;
    if (vp_check_passive(s, self))
        return match_noun(&m, path, self, 1);
    return match_noun(&m, path, vp_get_S(s, self), 0);
}
