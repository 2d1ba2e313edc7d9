/* verb.c -- VerbPhrase methods of PETRtree.py (but match_pattern and
 * match_transform, in their own files). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "coder.h"
#include "dict/cameo_codes.h"
#include "sent.h"

static int in_list(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(s, *set) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ codes */

void convert_code_fwd(sent *s, const char *code, pv **active, pv **passive)
{
    pc_code_memo *m = &s->memo[((uintptr_t)code >> 3) % PC_CODE_MEMO];
    if (m->code != code) {
        m->ok = pc_cameo_to_internal(code, &m->active, &m->passive) == 0;
        m->code = code;
    }
    if (!m->ok)
        py_raise(&s->rt, PY_KEY_ERROR, "convert_code: code not in CAMEO");
    *active = pv_int(&s->rt, m->active);
    *passive = pv_int(&s->rt, m->passive);
}

pv *convert_code_back(sent *s, const pv *code)
{
    /* if code and code in reverse: return reverse[code]; return 0 */
    if (!pv_truthy(code))
        return pv_int(&s->rt, 0);
    pv_check_hashable(&s->rt, code);
    if (!pv_is_int(code))
        return pv_int(&s->rt, 0);
    const char *c = pc_internal_to_cameo(code->i);
    return c ? pv_str(&s->rt, c) : pv_int(&s->rt, 0);
}

pv *combine_code(sent *s, const pv *selfcode, const pv *to_add)
{
    py_rt *rt = &s->rt;
    pv *zero = pv_int(rt, 0), *k1000 = pv_int(rt, 0x1000);
    if (pv_cmp(to_add, zero) < 0)
        return pv_add(rt, to_add, selfcode);
    if (pv_cmp(selfcode, k1000) >= 0 && pv_cmp(to_add, k1000) >= 0)
        return (pv *)to_add;
    if (pv_cmp(to_add, selfcode) >= 0)
        return (pv *)to_add;
    return pv_add(rt, selfcode, to_add);
}

/* ------------------------------------------------------------ passive, S */

int vp_check_passive(sent *s, phrase *self)
{
    static const char *const BE[] = {"AM", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", NULL};
    if (self->passive_forced)
        return 1;
    if (self->passive_memo)
        return self->passive;
    self->passive_memo = 1;
    if (self->children->n == 0)
        py_raise(&s->rt, PY_INDEX_ERROR, "check_passive: no children");
    const char *l0 = self->children->v[0]->label;
    if (strcmp(l0, "VBD") == 0 || strcmp(l0, "VBN") == 0) {
        phrase *level = self->parent;
        if (!level)
            py_raise(&s->rt, PY_ATTRIBUTE_ERROR, "check_passive: no parent");
        if (strcmp(level->label, "NP") == 0) {
            self->passive = 1;
            return 1;
        }
        for (int i = 0; i < 2; i++) {
            if (level && level->kind == PH_VP) {
                if (level->children->n == 0)
                    py_raise(&s->rt, PY_INDEX_ERROR, "check_passive: level.children[0]");
                if (in_list(level->children->v[0]->text, BE)) {
                    self->passive = 1;
                    return 1;
                }
            }
            level = level->parent;
            if (!level)
                break;
        }
    }
    self->passive = 0;
    return 0;
}

phrase *vp_get_S(sent *s, phrase *self)
{
    if (self->S_memo)
        return self->S;
    self->S_memo = 1;
    phrase *level = self;
    while (level->parent) {
        if (level->parent->kind == PH_VP) {
            level = level->parent;
        } else if (strcmp(level->parent->label, "S") == 0) {
            if (level->children->n == 0)
                py_raise(&s->rt, PY_INDEX_ERROR, "get_S: level.children[0]");
            if (strcmp(level->children->v[0]->label, "TO") == 0 && level->index == 0) {
                level = level->parent;
                continue;
            }
            self->S = level->parent;
            return level->parent;
        } else {
            return level; /* not stored: the next call returns self.S (None) */
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ is_valid */

static int is_valid_body(sent *s, phrase *self)
{
    static const char *const HELPING[] = {"HAVE", "HAD", "HAVING", "HAS", NULL};
    py_rt *rt = &s->rt;
    if (self->children->n == 0)
        py_raise(rt, PY_INDEX_ERROR, "is_valid: children[0]");
    if (strcmp(self->children->v[0]->label, "VBN") == 0) {
        phrase *parent = self->parent;
        if (!parent)
            py_raise(rt, PY_ATTRIBUTE_ERROR, "is_valid: no parent");
        head_pair h = ph_get_head(s, parent);
        int helped = h.head->k == PV_STR && in_list(h.head->s, HELPING);
        if (!helped) {
            if (parent->children->n == 0)
                py_raise(rt, PY_INDEX_ERROR, "is_valid: parent.children[0]");
            helped = in_list(parent->children->v[0]->text, HELPING);
        }
        if (!helped) {
            size_t nvp = 0;
            for (size_t i = 0; i < parent->children->n; i++)
                nvp += parent->children->v[i]->kind == PH_VP;
            if (nvp <= 1 && !vp_check_passive(s, self)) {
                phrase *np = ph_new(rt, PH_NP, "NP");
                np->children = self->children; /* the same list object */
                np->parent = self->parent;
                np->index = self->index;
                ph_list_remove(rt, parent->children, self);
                ph_list_insert(rt, parent->children, self->index, np);
                return 0;
            }
        }
    }
    return 1;
}

int vp_is_valid(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    int r;
    py_frame f;
    py_try_push(rt, &f);
    if (setjmp(f.jb) == 0) {
        r = is_valid_body(s, self);
        py_try_leave(rt, &f);
        return r;
    }
    if (rt->last != PY_INDEX_ERROR) /* except IndexError only */
        py_raise(rt, rt->last, rt->where);
    return 1;
}

/* ------------------------------------------------------------ theme, upper */

pv *vp_get_theme(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    pv *m = vp_get_meaning(s, self);
    pv *m0 = pv_getitem(rt, m, 0);
    if (pv_is_str(m0))
        return pv_list1(rt, m0);
    if (pv_eq_cstr(pv_getitem(rt, m0, 1), "passive"))
        return pv_getitem(rt, m0, 0);
    return pv_list1(rt, pv_getitem(rt, m0, 1));
}

static pv *vp_get_upper(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    if (self->upper_memo)
        return self->upper;
    self->upper_memo = 1;
    if (!self->parent)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "get_upper: no parent");
    ph_list *ch = self->parent->children;
    for (size_t i = 0; i < ch->n; i++) {
        phrase *c = ch->v[i];
        if (c->kind != PH_NP)
            continue;
        pv *m = ph_get_meaning(s, c);
        if (m->k == PV_LIST && m->n == 1 && pv_eq_cstr(m->items[0], "~"))
            continue;
        self->upper = ph_get_meaning(s, c);
        return self->upper;
    }
    return pv_list(rt);
}

/* ------------------------------------------------------------ lower */

static pv *vp_get_lower(sent *s, phrase *self, int *negated)
{
    py_rt *rt = &s->rt;
    ph_list *ch = self->children;
    /* v_options = filter(VerbPhrase and is_valid, children): is_valid may
     * swap a child for an NP in place while the filter walks the list */
    pv *lower = pv_list(rt);
    size_t nopt = 0;
    phrase **opts = NULL;
    {
        size_t cap = 0;
        for (size_t i = 0; i < ch->n; i++) {
            phrase *c = ch->v[i];
            if (c->kind == PH_VP && vp_is_valid(s, c)) {
                if (nopt == cap) {
                    size_t nc = cap ? cap * 2 : 4;
                    phrase **no = pc_arena_realloc(rt->a, opts, cap * sizeof *no, nc * sizeof *no);
                    if (!no)
                        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                    opts = no;
                    cap = nc;
                }
                opts[nopt++] = c;
            }
        }
    }
    for (size_t i = 0; i < nopt; i++)
        pv_append(rt, lower, vp_get_meaning(s, opts[i]));

    pv *events = pv_list(rt);
    int neg = 0;
    if (ch->n > 1)
        neg = pv_truthy(lower) && strcmp(ch->v[1]->text, "NOT") == 0;
    for (size_t i = 0; i < lower->n; i++) {
        pv *item = lower->items[i];
        if (neg) {
            pv *adjusted = pv_list(rt);
            pv *all = pv_to_list(rt, item);
            for (size_t k = 0; k < all->n; k++) {
                pv *ev = all->items[k];
                if (pv_is_tuple(ev))
                    pv_append(rt, adjusted,
                              pv_tuple3(rt, pv_getitem(rt, ev, 0), pv_getitem(rt, ev, 1),
                                        pv_sub(rt, pv_getitem(rt, ev, 2), pv_int(rt, 0xFFFF))));
                else
                    pv_append(rt, adjusted, ev);
            }
            item = adjusted;
        }
        pv_extend(rt, events, item);
    }
    *negated = neg;
    if (pv_truthy(events))
        return events;

    pv *npcodes = pv_list(rt), *ppcodes = pv_list(rt);
    for (size_t i = 0; i < ch->n; i++) {
        phrase *c = ch->v[i];
        if (c->kind == PH_NP)
            pv_extend(rt, npcodes, ph_get_meaning(s, c));
        else if (c->kind == PH_PP)
            pv_extend(rt, ppcodes, ph_get_meaning(s, c));
    }
    pv *npa, *npg, *ppa, *ppg;
    resolve_codes(s, npcodes, &npa, &npg);
    resolve_codes(s, ppcodes, &ppa, &ppg);
    pv *actorcodes = pv_list(rt), *agentcodes = pv_list(rt);
    pv_extend(rt, actorcodes, npa);
    if (!pv_truthy(actorcodes))
        pv_extend(rt, actorcodes, ppa);
    pv_extend(rt, agentcodes, npg);
    if (!pv_truthy(agentcodes))
        pv_extend(rt, agentcodes, ppg);
    return mix_codes(s, agentcodes, actorcodes);
}

/* ------------------------------------------------------------ get_code */

typedef struct code_result {
    pv *code;
    pv *passive;
    pv *meta;
} code_result;

/* try: ... the verb-entry part of get_code ... except: handled by caller */
static void code_from_entry(sent *s, phrase *self, const pc_dnode *path, pv *verb,
                            pv **passive, pv **active, int two_levels)
{
    py_rt *rt = &s->rt;
    const pc_dnode *p = path;
    if (two_levels) {
        p = dn_get_node(p, "#");
        if (!p)
            py_raise(rt, PY_KEY_ERROR, "'#'");
    }
    const dn_entry *e = dn_get(p, "#");
    if (!e || e->kind != DN_LEAF)
        py_raise(rt, PY_KEY_ERROR, "'#'");
    const pc_verb_leaf *leaf = e->v.leaf;
    pv *meaning = pv_str(rt, leaf->meaning);
    self->verbclass = pv_truthy(meaning) ? meaning : verb;
    if (leaf->code[0]) {
        convert_code_fwd(s, leaf->code, active, passive);
        self->code = *active;
    }
}

static int try_code_from_entry(sent *s, phrase *self, const pc_dnode *path, pv *verb,
                               pv **passive, pv **active, int two_levels)
{
    py_rt *rt = &s->rt;
    py_frame f;
    py_try_push(rt, &f);
    if (setjmp(f.jb) == 0) {
        code_from_entry(s, self, path, verb, passive, active, two_levels);
        py_try_leave(rt, &f);
        return 0;
    }
    if (rt->last == PY_MEMORY_ERROR)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return 1;
}

static code_result vp_get_code(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    code_result r;
    pv *meta = pv_list(rt);
    ph_list *ch = self->children;
    for (size_t i = 0; i < ch->n; i++) {
        if (strcmp(ch->v[i]->text, "AND") == 0) {
            r.code = pv_int(rt, 0);
            r.passive = pv_int(rt, 0);
            r.meta = pv_list1(rt, pv_str(rt, "and"));
            return r;
        }
    }
    if (ch->n == 0)
        py_raise(rt, PY_INDEX_ERROR, "get_code: children[0]");
    pv *verb = strcmp(ch->v[0]->label, "TO") == 0 ? pv_str(rt, "TO") : ph_get_head(s, self).head;
    pv_append(rt, meta, verb);
    pv *passive = pv_false();
    pv *active = NULL; /* unbound until convert_code runs */
    const pc_dnode *path = NULL;
    if (verb->k == PV_STR)
        path = dn_get_node(s->d->verbs, verb->s);
    if (path) {
        if (path->count == 1 && strcmp(path->entries[0].key, "#") == 0) {
            const pc_dnode *p1 = dn_get_node(path, "#");
            if (!p1 || try_code_from_entry(s, self, p1, verb, &passive, &active, 0)) {
                /* except: self.code = (0, 0, []) -- a tuple PETRARCH2 crashes on
                 * later (e.g. a verb stored only with a word before it, WIRE_+TAP).
                 * --fixed (pc_options.fixed): leave the code unset, as PETRARCH2's
                 * post-compound branch below does on the same exception. */
                if (!s->d->fixed)
                    self->code = pv_tuple3(rt, pv_int(rt, 0), pv_int(rt, 0), pv_list(rt));
            }
        } else {
            for (size_t i = 0; i < ch->n; i++) {
                phrase *c = ch->v[i];
                if (strcmp(c->label, "PRT") == 0 || strcmp(c->label, "ADVP") == 0) {
                    if (c->children->n == 0)
                        py_raise(rt, PY_INDEX_ERROR, "get_code: child.children[0]");
                    const char *w = c->children->v[0]->text;
                    const dn_entry *e = dn_get(path, w);
                    if (e) {
                        pv_append(rt, meta, pv_str(rt, w));
                        if (e->kind != DN_NODE)
                            py_raise(rt, PY_TYPE_ERROR, "verb path is not a dict");
                        path = e->v.node;
                    }
                }
            }
            if (dn_get(path, "#"))
                try_code_from_entry(s, self, path, verb, &passive, &active, 1); /* except: pass */
        }
    }
    const pc_pattern_leaf *match = vp_match_pattern(s, self);
    if (match) {
        pv_append(rt, meta, pv_bytes_str(rt, match->line));
        convert_code_fwd(s, match->code, &active, &passive);
        self->code = active;
    }
    if (pv_truthy(passive) && !pv_truthy(active)) {
        self->passive_forced = 1; /* self.check_passive = lambda: True */
        self->code = passive;
    }
    r.code = self->code;
    r.passive = passive;
    r.meta = meta;
    return r;
}

/* ------------------------------------------------------------ get_meaning */

static int is_empty_actor(const pv *up)
{
    /* up in ['', [], [""], ["~"], ["~~"]] */
    if (pv_eq_cstr(up, ""))
        return 1;
    if (up->k != PV_LIST)
        return 0;
    if (up->n == 0)
        return 1;
    if (up->n == 1)
        return pv_eq_cstr(up->items[0], "") || pv_eq_cstr(up->items[0], "~") ||
               pv_eq_cstr(up->items[0], "~~");
    return 0;
}

typedef struct vp_ctx {
    sent *s;
    pv *up;
    pv *c;
    pv *passive;
    pv *meta;
} vp_ctx;

static pv *mlist(py_rt *rt, size_t n, pv **items)
{
    pv *l = pv_list(rt);
    for (size_t i = 0; i < n; i++)
        pv_append(rt, l, items[i]);
    return l;
}

/* resolve_events(event) of VerbPhrase.get_meaning */
static pv *resolve_events(vp_ctx *x, pv *event)
{
    sent *s = x->s;
    py_rt *rt = &s->rt;
    pv *returns = pv_list(rt);
    pv *first = x->up, *second = pv_empty_str(), *third = pv_empty_str();
    if (!(pv_truthy(x->up) || pv_truthy(x->c)))
        return pv_list1(rt, event);
    if (!pv_is_tuple(event)) {
        second = event;
        third = x->c;
        if (pv_truthy(x->passive)) {
            pv *items = pv_to_list(rt, first);
            for (size_t i = 0; i < items->n; i++) {
                pv *e2 = pv_tuple3(rt, pv_list1(rt, second), items->items[i], x->passive);
                pv *mv[3] = {event, x->meta, pv_int(rt, 7)};
                meta_set(s, e2, mlist(rt, 3, mv));
                pv_append(rt, returns, e2);
            }
        }
    } else if (pv_eq_cstr(pv_getitem(rt, event, 1), "passive")) {
        first = pv_getitem(rt, event, 0);
        third = combine_code(s, x->c, pv_getitem(rt, event, 2));
        if (pv_truthy(x->up)) {
            returns = pv_list(rt);
            pv *items = pv_to_list(rt, x->up);
            for (size_t i = 0; i < items->n; i++) {
                pv *e = pv_tuple3(rt, first, items->items[i], third);
                pv *mv[3] = {event, x->up, pv_int(rt, 1)};
                meta_set(s, e, mlist(rt, 3, mv));
                pv_append(rt, returns, e);
            }
            return returns;
        }
        second = pv_str(rt, "passive");
    } else if (!is_empty_actor(pv_getitem(rt, event, 0))) {
        second = event;
        third = x->c;
    } else {
        second = pv_getitem(rt, event, 1);
        third = combine_code(s, x->c, pv_getitem(rt, event, 2));
    }
    pv *e = pv_tuple3(rt, first, second, third);
    pv *mv[4] = {event, x->c, x->meta, pv_int(rt, 2)};
    meta_set(s, e, mlist(rt, 4, mv));
    pv *out = pv_list(rt);
    pv_extend(rt, out, returns);
    pv_append(rt, out, e);
    return out;
}

static const char *const BYFROMIN[] = {"BY", "FROM", "IN", NULL};
static const char *const ATAGAINST[] = {"AT", "AGAINST", "INTO", "TOWARDS", NULL};

pv *vp_get_meaning(sent *s, phrase *self)
{
    py_rt *rt = &s->rt;
    if (self->meaning_memo)
        return self->meaning;
    self->meaning_memo = 1; /* self.get_meaning = self.return_meaning */
    py_enter(rt);

    code_result cr = vp_get_code(s, self);
    vp_ctx x = {s, NULL, cr.code, cr.passive, cr.meta};
    ph_list *ch = self->children;

    /* s_options = filter(label in "SBAR", children): a snapshot */
    size_t nso = 0;
    phrase **so = pc_arena_alloc(rt->a, (ch->n ? ch->n : 1) * sizeof *so);
    if (!so)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < ch->n; i++)
        if (strstr("SBAR", ch->v[i]->label))
            so[nso++] = ch->v[i];

    pv *events = pv_list(rt);
    pv *up = vp_get_upper(s, self);
    if (vp_check_passive(s, self) || (pv_truthy(cr.passive) && !pv_truthy(x.c))) {
        pv *source_options = pv_list(rt);
        pv *target_options = up; /* an alias: += below extends `up` itself */
        for (size_t i = 0; i < ch->n; i++) {
            phrase *c = ch->v[i];
            if (c->kind != PH_PP)
                continue;
            pv *prep = pp_get_prep(s, c);
            if (in_list(prep->s, BYFROMIN)) {
                pv_extend(rt, source_options, ph_get_meaning(s, c));
                pv_append(rt, x.meta, pv_tuple2(rt, c->prep, ph_get_meaning(s, c)));
            } else if (in_list(pp_get_prep(s, c)->s, ATAGAINST)) {
                if (target_options->k != PV_LIST) {
                    /* `"" += list` */
                    target_options = pv_add(rt, target_options, ph_get_meaning(s, c));
                } else {
                    pv_extend(rt, target_options, ph_get_meaning(s, c));
                }
                pv_append(rt, x.meta, pv_tuple2(rt, c->prep, ph_get_meaning(s, c)));
            }
        }
        if (!pv_truthy(target_options))
            target_options = pv_list1(rt, pv_str(rt, "passive"));
        if (pv_truthy(source_options) || pv_truthy(x.c)) {
            pv *targets = pv_to_list(rt, target_options);
            if (targets->n > 0) {
                pv *i0 = targets->items[0];
                pv *code = vp_check_passive(s, self) ? x.c : cr.passive;
                pv *e = pv_tuple3(rt, source_options, i0, code);
                pv_append(rt, events, e);
                pv *mv[4] = {pv_none(), e, x.meta, pv_int(rt, 3)};
                meta_set(s, e, mlist(rt, 4, mv));
                self->meaning = events;
                py_leave(rt);
                return events;
            }
        }
    }

    up = is_empty_actor(up) ? pv_empty_str() : up;
    x.up = up;
    int neg = 0;
    pv *low = vp_get_lower(s, self, &neg);
    if (!pv_truthy(low))
        low = pv_empty_str();
    if (neg)
        x.c = pv_int(rt, 0);

    if (pv_is_list(low)) {
        for (size_t i = 0; i < low->n; i++)
            pv_extend(rt, events, resolve_events(&x, low->items[i]));
    } else if (nso == 0) {
        if (pv_truthy(up) || pv_truthy(x.c)) {
            pv *e = pv_tuple3(rt, up, low, x.c);
            pv *mv[3] = {pv_none(), e, pv_int(rt, 4)};
            meta_set(s, e, mlist(rt, 3, mv));
            pv_append(rt, events, e);
        } else if (pv_truthy(low)) {
            pv_append(rt, events, low);
        }
    }

    pv *sents = pv_list(rt);
    {
        pv **lower = pc_arena_alloc(rt->a, (nso ? nso : 1) * sizeof *lower);
        if (!lower)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        for (size_t i = 0; i < nso; i++)
            lower[i] = ph_get_meaning(s, so[i]);
        for (size_t i = 0; i < nso; i++)
            pv_extend(rt, sents, lower[i]);
    }
    if (pv_truthy(sents) && !pv_truthy(events)) {
        for (size_t i = 0; i < sents->n; i++) {
            pv *event = sents->items[i];
            if (!(pv_is_tuple(event) &&
                  (pv_truthy(pv_getitem(rt, event, 1)) || pv_truthy(pv_getitem(rt, event, 2)))))
                continue;
            pv *evs = resolve_events(&x, event);
            for (size_t k = 0; k < evs->n; k++) {
                pv *ev = evs->items[k];
                pv *ev1 = pv_getitem(rt, ev, 1);
                if (pv_is_list(ev1)) {
                    for (size_t j = 0; j < ev1->n; j++) {
                        pv *item = ev1->items[j];
                        pv *local = pv_tuple3(rt, pv_getitem(rt, ev, 0), item, pv_getitem(rt, ev, 2));
                        pv *mv[3] = {ev, item, pv_int(rt, 5)};
                        meta_set(s, local, mlist(rt, 3, mv));
                        pv_append(rt, events, local);
                    }
                } else {
                    pv_extend(rt, events, resolve_events(&x, event));
                }
            }
        }
    }

    pv *maps = pv_list(rt);
    for (size_t i = 0; i < events->n; i++) {
        pv *ev = events->items[i];
        pv *evs = vp_match_transform(s, self, ev);
        if (pv_is_tuple(evs)) {
            pv *list = pv_getitem(rt, evs, 0);
            pv *line = pv_getitem(rt, evs, 1);
            pv *all = pv_to_list(rt, list);
            for (size_t k = 0; k < all->n; k++) {
                pv *j = all->items[k];
                pv_append(rt, maps, j);
                pv *mv[3] = {ev, line, pv_int(rt, 6)};
                meta_set(s, j, mlist(rt, 3, mv));
            }
        } else {
            pv_extend(rt, maps, evs);
        }
    }
    self->meaning = maps;
    py_leave(rt);
    return maps;
}
