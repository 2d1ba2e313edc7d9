/* events.c -- Sentence.get_events and the metadata chain behind the event
 * text (Sentence.get_metadata). */
#include <string.h>

#include "sent.h"

void meta_set(sent *s, const pv *key, pv *val)
{
    meta_map *m = &s->meta;
    for (size_t i = 0; i < m->n; i++) {
        if (m->keys[i] == key) {
            m->vals[i] = val;
            return;
        }
    }
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 16;
        const pv **nk = pc_arena_alloc(s->rt.a, nc * sizeof *nk);
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
    m->keys[m->n] = key;
    m->vals[m->n] = val;
    m->n++;
}

pv *meta_get(sent *s, const pv *key)
{
    /* newest first: a key set twice keeps its latest value either way */
    for (size_t i = s->meta.n; i-- > 0;)
        if (s->meta.keys[i] == key)
            return s->meta.vals[i];
    return NULL;
}

/* Sentence.get_metadata(entry) */
static pv *get_metadata(sent *s, pv *entry)
{
    py_rt *rt = &s->rt;
    pv *total = pv_list(rt);
    pv *next = entry;
    pv *store;
    size_t guard = 0;
    while ((store = meta_get(s, next)) != NULL) {
        pv_append(rt, total, store);
        next = pv_getitem(rt, store, 0);
        if (++guard > s->meta.n + 1)
            break; /* a cycle cannot happen with fresh tuples; be safe */
    }
    pv *out = pv_list(rt);
    for (size_t i = total->n; i-- > 0;) {
        pv *a = total->items[i];
        pv_append(rt, out, pv_len(rt, a) > 1 ? pv_getitem(rt, a, -2) : pv_getitem(rt, a, 0));
    }
    return out;
}

/* Sentence.get_events(): fills *valid (list of (src, tgt, code) tuples) and
 * *metakeys and *metavals (the event -> metadata part of its meta dict). */
void get_events(sent *s, pv **valid_out, pv **mkeys_out, pv **mvals_out)
{
    py_rt *rt = &s->rt;
    ph_list *ch = s->tree.root->children;
    size_t n = ch->n, k = 0;
    phrase **sel = pc_arena_alloc(rt->a, (n ? n : 1) * sizeof *sel);
    if (!sel)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < n; i++)
        if (strstr("SVP", ch->v[i]->label))
            sel[k++] = ch->v[i];
    pv **events = pc_arena_alloc(rt->a, (k ? k : 1) * sizeof *events);
    if (!events)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    for (size_t i = 0; i < k; i++)
        events[i] = ph_get_meaning(s, sel[i]);

    pv *valid = pv_list(rt), *mkeys = pv_list(rt), *mvals = pv_list(rt);
    static const char *const COOP[] = {"03", "04", "05", "06", NULL};
    for (size_t i = 0; i < k; i++) {
        pv *sentl = pv_to_list(rt, events[i]);
        for (size_t j = 0; j < sentl->n; j++) {
            pv *event = sentl->items[j];
            if (pv_eq_cstr(pv_getitem(rt, event, 1), "passive"))
                event = pv_tuple3(rt, pv_getitem(rt, event, 0), pv_none(), pv_getitem(rt, event, 2));
            if (!(pv_is_tuple(event) && pv_is_str(pv_getitem(rt, event, 1))))
                continue;
            pv *e0 = pv_getitem(rt, event, 0), *e1 = pv_getitem(rt, event, 1);
            pv *e2 = pv_getitem(rt, event, 2);
            pv *code = convert_code_back(s, e2);
            /* print('checking event', event, hex(event[2])) */
            if (!pv_is_int(e2))
                py_raise(rt, PY_TYPE_ERROR, "hex() argument can't be converted to hex");
            if (pv_truthy(e0) && pv_truthy(e1) && pv_truthy(code)) {
                pv *srcs = pv_to_list(rt, e0);
                for (size_t q = 0; q < srcs->n; q++) {
                    pv *src = pv_str_replace(rt, srcs->items[q], "~", "---");
                    pv *tgt = pv_str_replace(rt, e1, "~", "---");
                    pv *t = pv_tuple3(rt, src, tgt, code);
                    pv_append(rt, valid, t);
                    pv *md = get_metadata(s, event);
                    /* meta[t] = ...: a dict, so a repeated key keeps one slot */
                    size_t w;
                    for (w = 0; w < mkeys->n; w++)
                        if (pv_eq(mkeys->items[w], t))
                            break;
                    if (w < mkeys->n) {
                        mvals->items[w] = md;
                    } else {
                        pv_append(rt, mkeys, t);
                        pv_append(rt, mvals, md);
                    }
                }
            }
            /* require_dyad is always 1 here: get_events() is called without it */
            if (pv_len(rt, e0) > 1 && !pv_truthy(e1) && pv_truthy(code)) {
                int coop = 0;
                if (code->k == PV_STR && code->n >= 2) {
                    for (const char *const *c = COOP; *c; c++)
                        if (memcmp(code->s, *c, 2) == 0)
                            coop = 1;
                }
                if (coop) {
                    pv *srcs = pv_to_list(rt, e0);
                    for (size_t a = 0; a < srcs->n; a++)
                        for (size_t b = 0; b < srcs->n; b++)
                            if (!pv_eq(srcs->items[a], srcs->items[b]))
                                pv_append(rt, valid,
                                          pv_tuple3(rt, pv_str_replace(rt, srcs->items[a], "~", "---"),
                                                    pv_str_replace(rt, srcs->items[b], "~", "---"), code));
                }
            }
        }
    }
    *valid_out = valid;
    *mkeys_out = mkeys;
    *mvals_out = mvals;
}
