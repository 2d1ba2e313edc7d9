/* pv.c -- see pv.h. */
#include "pv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/pystr.h"

static pv NONE_V = {.k = PV_NONE};
static pv FALSE_V = {.k = PV_BOOL, .i = 0};
static pv TRUE_V = {.k = PV_BOOL, .i = 1};
static pv EMPTY_STR_V = {.k = PV_STR, .s = "", .n = 0};

_Noreturn void py_raise(py_rt *rt, py_exc e, const char *where)
{
    py_frame *f = rt->top;
    rt->last = e;
    rt->where = where;
    /* Every coding call installs an outermost frame, so f is never NULL. */
    if (!f)
        abort();
    rt->top = f->prev;
    rt->depth = f->depth;
    longjmp(f->jb, 1);
}

_Noreturn void py_over_budget(py_rt *rt)
{
    rt->over_budget = 1;
    py_raise(rt, PY_MEMORY_ERROR, "work budget exceeded");
}

static void *alloc(py_rt *rt, size_t n)
{
    void *p = pc_arena_alloc(rt->a, n);
    if (!p)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return p;
}

pv *pv_none(void) { return &NONE_V; }
pv *pv_false(void) { return &FALSE_V; }
pv *pv_true(void) { return &TRUE_V; }
pv *pv_empty_str(void) { return &EMPTY_STR_V; }
static pv SPACE_V = {.k = PV_STR, .s = " ", .n = 1};
pv *pv_space(void) { return &SPACE_V; }

/* Ints 0..15 are shared, like CPython's small ints: they are made
 * everywhere (codes, metadata tags) and no value is ever changed. */
#define SMALL_INT(x) {.k = PV_INT, .i = (x)}
static pv SMALL_INTS[16] = {SMALL_INT(0),  SMALL_INT(1),  SMALL_INT(2),  SMALL_INT(3),
                            SMALL_INT(4),  SMALL_INT(5),  SMALL_INT(6),  SMALL_INT(7),
                            SMALL_INT(8),  SMALL_INT(9),  SMALL_INT(10), SMALL_INT(11),
                            SMALL_INT(12), SMALL_INT(13), SMALL_INT(14), SMALL_INT(15)};

pv *pv_int(py_rt *rt, long i)
{
    if (i >= 0 && i < 16)
        return &SMALL_INTS[i];
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_INT;
    v->i = i;
    return v;
}

pv *pv_str(py_rt *rt, const char *s)
{
    if (!*s)
        return &EMPTY_STR_V;
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_STR;
    v->s = s;
    v->n = strlen(s);
    return v;
}

pv *pv_str_len(py_rt *rt, const char *s, size_t n)
{
    if (n == 0)
        return &EMPTY_STR_V;
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_STR;
    v->s = s;
    v->n = n;
    return v;
}

pv *pv_bytes_str(py_rt *rt, const char *s)
{
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_STR;
    v->bytes = 1;
    v->s = s;
    v->n = strlen(s);
    return v;
}

pv *pv_strn(py_rt *rt, const char *s, size_t n)
{
    char *c = alloc(rt, n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_STR;
    v->s = c;
    v->n = n;
    return v;
}

pv *pv_list(py_rt *rt)
{
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_LIST;
    return v;
}

pv *pv_list1(py_rt *rt, pv *x)
{
    pv *l = pv_list(rt);
    pv_append(rt, l, x);
    return l;
}

pv *pv_tuple(py_rt *rt, size_t n, pv **items)
{
    pv *v = alloc(rt, sizeof *v);
    memset(v, 0, sizeof *v);
    v->k = PV_TUPLE;
    v->n = n;
    v->items = alloc(rt, (n ? n : 1) * sizeof(pv *));
    if (n)
        memcpy(v->items, items, n * sizeof(pv *));
    return v;
}

pv *pv_tuple2(py_rt *rt, pv *a, pv *b)
{
    pv *it[2] = {a, b};
    return pv_tuple(rt, 2, it);
}

pv *pv_tuple3(py_rt *rt, pv *a, pv *b, pv *c)
{
    pv *it[3] = {a, b, c};
    return pv_tuple(rt, 3, it);
}

int pv_truthy(const pv *v)
{
    switch (v->k) {
    case PV_NONE: return 0;
    case PV_BOOL:
    case PV_INT: return v->i != 0;
    case PV_STR:
    case PV_LIST:
    case PV_TUPLE: return v->n != 0;
    }
    return 0;
}

int pv_eq(const pv *a, const pv *b)
{
    if (a == b)
        return 1;
    if (pv_is_int(a) && pv_is_int(b))
        return a->i == b->i;
    if (a->k != b->k)
        return 0;
    switch (a->k) {
    case PV_NONE: return 1;
    case PV_STR: return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
    case PV_LIST:
    case PV_TUPLE:
        if (a->n != b->n)
            return 0;
        for (size_t i = 0; i < a->n; i++)
            if (!pv_eq(a->items[i], b->items[i]))
                return 0;
        return 1;
    default: return 0;
    }
}

int pv_eq_cstr(const pv *a, const char *s)
{
    return a->k == PV_STR && strcmp(a->s, s) == 0;
}

/* Python unicode strings index by code point. */
static size_t str_cplen(const pv *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n;) {
        size_t len;
        pc_utf8_decode(s->s + i, s->n - i, &len);
        i += len;
        n++;
    }
    return n;
}

size_t pv_len(py_rt *rt, const pv *v)
{
    switch (v->k) {
    case PV_STR: return str_cplen(v);
    case PV_LIST:
    case PV_TUPLE: return v->n;
    default: py_raise(rt, PY_TYPE_ERROR, "object has no len()");
    }
}

pv *pv_getitem(py_rt *rt, const pv *v, long i)
{
    if (v->k == PV_LIST || v->k == PV_TUPLE) {
        long n = (long)v->n;
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            py_raise(rt, PY_INDEX_ERROR, "index out of range");
        return v->items[i];
    }
    if (v->k == PV_STR) {
        long n = (long)str_cplen(v);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            py_raise(rt, PY_INDEX_ERROR, "string index out of range");
        size_t off = 0, len = 0;
        for (long k = 0;; k++) {
            pc_utf8_decode(v->s + off, v->n - off, &len);
            if (k == i)
                break;
            off += len;
        }
        return pv_strn(rt, v->s + off, len);
    }
    py_raise(rt, PY_TYPE_ERROR, "object is not subscriptable");
}

int pv_contains(py_rt *rt, const pv *c, const pv *item)
{
    if (c->k == PV_LIST || c->k == PV_TUPLE) {
        for (size_t i = 0; i < c->n; i++)
            if (pv_eq(c->items[i], item))
                return 1;
        return 0;
    }
    if (c->k == PV_STR) {
        if (item->k != PV_STR)
            py_raise(rt, PY_TYPE_ERROR, "'in <string>' requires string as left operand");
        if (item->n == 0)
            return 1;
        if (item->n > c->n)
            return 0;
        for (size_t i = 0; i + item->n <= c->n; i++)
            if (memcmp(c->s + i, item->s, item->n) == 0)
                return 1;
        return 0;
    }
    py_raise(rt, PY_TYPE_ERROR, "argument of type is not iterable");
}

void pv_append(py_rt *rt, pv *l, pv *x)
{
    if (l->k != PV_LIST)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "object has no attribute 'append'");
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4;
        pv **ni = alloc(rt, nc * sizeof(pv *));
        if (l->n)
            memcpy(ni, l->items, l->n * sizeof(pv *));
        l->items = ni;
        l->cap = nc;
    }
    l->items[l->n++] = x;
}

void pv_extend(py_rt *rt, pv *l, const pv *it)
{
    if (l->k != PV_LIST)
        py_raise(rt, PY_TYPE_ERROR, "can only extend a list");
    if (it->k == PV_LIST || it->k == PV_TUPLE) {
        size_t n = it->n; /* l += l must not loop */
        for (size_t i = 0; i < n; i++)
            pv_append(rt, l, it->items[i]);
        return;
    }
    if (it->k == PV_STR) {
        for (size_t off = 0; off < it->n;) {
            size_t len;
            pc_utf8_decode(it->s + off, it->n - off, &len);
            pv_append(rt, l, pv_strn(rt, it->s + off, len));
            off += len;
        }
        return;
    }
    py_raise(rt, PY_TYPE_ERROR, "object is not iterable");
}

pv *pv_list_concat(py_rt *rt, const pv *a, const pv *b)
{
    if (a->k != PV_LIST || b->k != PV_LIST)
        py_raise(rt, PY_TYPE_ERROR, "can only concatenate list to list");
    pv *l = pv_list(rt);
    pv_extend(rt, l, a);
    pv_extend(rt, l, b);
    return l;
}

pv *pv_to_list(py_rt *rt, const pv *x)
{
    pv *l = pv_list(rt);
    pv_extend(rt, l, x);
    return l;
}

pv *pv_to_tuple(py_rt *rt, const pv *x)
{
    pv *l = pv_to_list(rt, x);
    return pv_tuple(rt, l->n, l->items);
}

long pv_as_int(py_rt *rt, const pv *v)
{
    if (!pv_is_int(v))
        py_raise(rt, PY_TYPE_ERROR, "unsupported operand type(s)");
    return v->i;
}

pv *pv_add(py_rt *rt, const pv *a, const pv *b)
{
    if (pv_is_int(a) && pv_is_int(b))
        return pv_int(rt, a->i + b->i);
    if (a->k == PV_LIST && b->k == PV_LIST)
        return pv_list_concat(rt, a, b);
    if (a->k == PV_STR && b->k == PV_STR) {
        /* (the lengths are known: no strlen of the result, which the
         * text builders' repeated `text + " " + word` made quadratic) */
        size_t n = a->n + b->n;
        if (n == 0)
            return &EMPTY_STR_V;
        char *c = alloc(rt, n + 1);
        memcpy(c, a->s, a->n);
        memcpy(c + a->n, b->s, b->n);
        c[n] = '\0';
        pv *r = alloc(rt, sizeof *r);
        memset(r, 0, sizeof *r);
        r->k = PV_STR;
        r->bytes = a->bytes && b->bytes;
        r->s = c;
        r->n = n;
        return r;
    }
    if (a->k == PV_TUPLE && b->k == PV_TUPLE) {
        pv *l = pv_list(rt);
        pv_extend(rt, l, a);
        pv_extend(rt, l, b);
        return pv_tuple(rt, l->n, l->items);
    }
    py_raise(rt, PY_TYPE_ERROR, "unsupported operand type(s) for +");
}

pv *pv_sub(py_rt *rt, const pv *a, const pv *b)
{
    if (pv_is_int(a) && pv_is_int(b))
        return pv_int(rt, a->i - b->i);
    py_raise(rt, PY_TYPE_ERROR, "unsupported operand type(s) for -");
}

int pv_startswith(py_rt *rt, const pv *s, const char *prefix)
{
    if (s->k != PV_STR)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "object has no attribute 'startswith'");
    size_t n = strlen(prefix);
    return s->n >= n && memcmp(s->s, prefix, n) == 0;
}

pv *pv_str_replace(py_rt *rt, const pv *s, const char *old, const char *new_)
{
    if (s->k != PV_STR)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "object has no attribute 'replace'");
    size_t on = strlen(old), nn = strlen(new_);
    size_t count = 0;
    for (size_t i = 0; i + on <= s->n;) {
        if (memcmp(s->s + i, old, on) == 0) {
            count++;
            i += on;
        } else {
            i++;
        }
    }
    if (!count)
        return (pv *)s;
    size_t len = s->n + count * nn - count * on;
    char *out = alloc(rt, len + 1);
    size_t o = 0;
    for (size_t i = 0; i < s->n;) {
        if (i + on <= s->n && memcmp(s->s + i, old, on) == 0) {
            memcpy(out + o, new_, nn);
            o += nn;
            i += on;
        } else {
            out[o++] = s->s[i++];
        }
    }
    out[o] = '\0';
    return pv_str(rt, out);
}

size_t pv_fmt_long(char *buf, long v)
{
    char tmp[24];
    size_t n = 0, o = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[o++] = '-';
    while (n)
        buf[o++] = tmp[--n];
    buf[o] = '\0';
    return o;
}

static const char *type_name(const pv *v)
{
    switch (v->k) {
    case PV_LIST: return "list";
    case PV_TUPLE: return "tuple";
    case PV_STR: return "unicode";
    default: return "";
    }
}

int pv_cmp(const pv *a, const pv *b)
{
    if (a->k == PV_NONE || b->k == PV_NONE)
        return (a->k != PV_NONE) - (b->k != PV_NONE);
    int an = pv_is_int(a), bn = pv_is_int(b);
    if (an && bn)
        return (a->i > b->i) - (a->i < b->i);
    if (an != bn)
        return an ? -1 : 1;
    if (a->k != b->k)
        return strcmp(type_name(a), type_name(b));
    if (a->k == PV_STR) {
        size_t n = a->n < b->n ? a->n : b->n;
        int c = memcmp(a->s, b->s, n);
        if (c)
            return c;
        return (a->n > b->n) - (a->n < b->n);
    }
    size_t n = a->n < b->n ? a->n : b->n;
    for (size_t i = 0; i < n; i++) {
        if (!pv_eq(a->items[i], b->items[i]))
            return pv_cmp(a->items[i], b->items[i]);
    }
    return (a->n > b->n) - (a->n < b->n);
}

void pv_check_hashable(py_rt *rt, const pv *v)
{
    if (v->k == PV_LIST)
        py_raise(rt, PY_TYPE_ERROR, "unhashable type: 'list'");
    if (v->k == PV_TUPLE)
        for (size_t i = 0; i < v->n; i++)
            pv_check_hashable(rt, v->items[i]);
}

typedef struct sbuf {
    py_rt *rt;
    char *p;
    size_t n, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->cap + n + 1) * 2;
        char *np = alloc(b->rt, nc);
        if (b->n)
            memcpy(np, b->p, b->n);
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void repr_str(sbuf *b, const pv *v)
{
    int has_sq = memchr(v->s, '\'', v->n) != NULL, has_dq = memchr(v->s, '"', v->n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    char tmp[16];
    if (!v->bytes)
        sb_puts(b, "u");
    sb_put(b, &q, 1);
    for (size_t i = 0; i < v->n;) {
        size_t len;
        int32_t c = pc_utf8_decode(v->s + i, v->n - i, &len);
        if (c < 0 || (v->bytes && c >= 0x80)) {
            c = (unsigned char)v->s[i];
            len = 1;
        }
        i += len;
        if (c == q || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            sb_put(b, tmp, 2);
        } else if (c == '\t') {
            sb_puts(b, "\\t");
        } else if (c == '\n') {
            sb_puts(b, "\\n");
        } else if (c == '\r') {
            sb_puts(b, "\\r");
        } else if (c < 0x20 || (c >= 0x7f && c < 0x100)) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c);
            sb_puts(b, tmp);
        } else if (c >= 0x100 && c < 0x10000) {
            snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
            sb_puts(b, tmp);
        } else if (c >= 0x10000) {
            snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c);
            sb_puts(b, tmp);
        } else {
            tmp[0] = (char)c;
            sb_put(b, tmp, 1);
        }
    }
    sb_put(b, &q, 1);
}

static void repr_into(sbuf *b, const pv *v)
{
    char tmp[32];
    switch (v->k) {
    case PV_NONE: sb_puts(b, "None"); break;
    case PV_BOOL: sb_puts(b, v->i ? "True" : "False"); break;
    case PV_INT:
        snprintf(tmp, sizeof tmp, "%ld", v->i);
        sb_puts(b, tmp);
        break;
    case PV_STR: repr_str(b, v); break;
    case PV_LIST:
    case PV_TUPLE:
        sb_puts(b, v->k == PV_LIST ? "[" : "(");
        for (size_t i = 0; i < v->n; i++) {
            if (i)
                sb_puts(b, ", ");
            repr_into(b, v->items[i]);
        }
        if (v->k == PV_TUPLE && v->n == 1)
            sb_puts(b, ",");
        sb_puts(b, v->k == PV_LIST ? "]" : ")");
        break;
    }
}

pv *pv_repr(py_rt *rt, const pv *v)
{
    sbuf b = {rt, NULL, 0, 0};
    sb_put(&b, "", 0);
    repr_into(&b, v);
    return pv_str(rt, b.p);
}
