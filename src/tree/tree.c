/* tree.c -- see tree.h. */
#include "tree.h"

#include <string.h>

#include "util/pystr.h"

static void *alloc0(py_rt *rt, size_t n)
{
    void *p = pc_arena_calloc(rt->a, 1, n);
    if (!p)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return p;
}

phrase *ph_new(py_rt *rt, ph_kind kind, const char *label)
{
    phrase *p = alloc0(rt, sizeof *p);
    p->kind = kind;
    p->label = strcmp(label, "MD") == 0 ? "VB" : label;
    p->text = "";
    p->children = &p->own;
    p->index = -1;
    p->head = kind == PH_PP ? pv_empty_str() : pv_none();
    p->meaning = pv_empty_str();
    p->upper = pv_empty_str();
    p->code = pv_int(rt, 0);
    p->verbclass = pv_empty_str();
    p->prep = pv_empty_str();
    return p;
}

void ph_list_append(py_rt *rt, ph_list *l, phrase *p)
{
    if (l->n < l->cap) {
        l->v[l->n++] = p;
        return;
    }
    ph_list_insert(rt, l, (long)l->n, p);
}

void ph_list_insert(py_rt *rt, ph_list *l, long index, phrase *p)
{
    /* Python's list.insert clamps the index. */
    long n = (long)l->n;
    if (index < 0)
        index += n;
    if (index < 0)
        index = 0;
    if (index > n)
        index = n;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4;
        phrase **nv = pc_arena_alloc(rt->a, nc * sizeof *nv);
        if (!nv)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        if (l->n)
            memcpy(nv, l->v, l->n * sizeof *nv);
        l->v = nv;
        l->cap = nc;
    }
    memmove(l->v + index + 1, l->v + index, (l->n - (size_t)index) * sizeof *l->v);
    l->v[index] = p;
    l->n++;
}

void ph_list_remove(py_rt *rt, ph_list *l, phrase *p)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i] == p) {
            memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof *l->v);
            l->n--;
            return;
        }
    }
    py_raise(rt, PY_VALUE_ERROR, "list.remove(x): x not in list");
}

/* ---- utilities._format_parsed_str ---- */

/* Python unicode.strip() bounds. */
static void py_strip(const char *s, size_t n, size_t *b, size_t *e)
{
    size_t i = 0, j = n, len;
    while (i < j && (unsigned char)s[i] < 0x80 && pc_py_isspace((unsigned char)s[i]))
        i++;
    while (j > i && (unsigned char)s[j - 1] < 0x80 && pc_py_isspace((unsigned char)s[j - 1]))
        j--;
    while (i < j) {
        int32_t c = pc_utf8_decode(s + i, j - i, &len);
        if (!pc_py_isspace(c))
            break;
        i += len;
    }
    while (j > i) {
        /* step back one code point */
        size_t k = j - 1;
        while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        int32_t c = pc_utf8_decode(s + k, j - k, &len);
        if (!pc_py_isspace(c) || k + len != j)
            break;
        j = k;
    }
    *b = i;
    *e = j;
}

static int starts(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    return n >= m && memcmp(s, p, m) == 0;
}

/* The part of the parse string that _format_parsed_str keeps: the
 * strip()ped string without its "(ROOT" ... ")" wrapper (or its first and
 * last characters when it starts with another bracket), as *s, *sn. */
static void parse_slice(const char *in, const char **s_out, size_t *sn_out)
{
    size_t n = strlen(in), b, e;
    py_strip(in, n, &b, &e);
    const char *s = in + b;
    size_t sn = e - b;
    if (starts(s, sn, "(ROOT") && sn > 0 && s[sn - 1] == ')') {
        /* parsed_str.strip()[5:-1].strip() -- slicing counts code points,
         * but "(ROOT" and ")" are ASCII */
        size_t b2, e2;
        py_strip(s + 5, sn - 6, &b2, &e2);
        s = s + 5 + b2;
        sn = e2 - b2;
    } else {
        /* parsed_str.strip()[1:].strip().startswith("(") */
        size_t skip = 0;
        if (sn) {
            pc_utf8_decode(s, sn, &skip);
        }
        size_t b2, e2;
        py_strip(s + skip, sn - skip, &b2, &e2);
        if (e2 > b2 && s[skip + b2] == '(') {
            /* parsed_str.strip()[1:-1] */
            size_t last = sn;
            if (sn > skip) {
                last = sn - 1;
                while (last > skip && ((unsigned char)s[last] & 0xC0) == 0x80)
                    last--;
            }
            s = s + skip;
            sn = last > skip ? last - skip : 0;
        }
    }
    *s_out = s;
    *sn_out = sn;
}

/* Returns the formatted tree string (arena) of the slice -- upper-cased,
 * ')' spaced: split('\n'), strip each non-empty line, drop blank ones, add
 * ' ', replace ')' by ' ) ', upper-case, join.  ASCII is upper-cased on the
 * fly; other text goes through pc_py_upper afterwards. */
static char *format_parsed(py_rt *rt, const char *s, size_t sn)
{
    size_t cap = 3 * sn + 2, o = 0;
    char *buf = pc_arena_alloc(rt->a, cap);
    if (!buf)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    int ascii = 1;
    size_t i = 0;
    while (i <= sn) {
        const char *nl = i < sn ? memchr(s + i, '\n', sn - i) : NULL;
        size_t j = nl ? (size_t)(nl - s) : sn;
        size_t lb, le;
        py_strip(s + i, j - i, &lb, &le);
        if (le > lb) {
            for (size_t k = i + lb; k < i + le; k++) {
                unsigned char ch = (unsigned char)s[k];
                if (ch == ')') {
                    buf[o++] = ' ';
                    buf[o++] = ')';
                    buf[o++] = ' ';
                } else {
                    if (ch >= 0x80)
                        ascii = 0;
                    buf[o++] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 32) : (char)ch;
                }
            }
            buf[o++] = ' ';
        }
        i = j + 1;
    }
    buf[o] = '\0';
    if (ascii)
        return buf;
    char *up = pc_py_upper(rt->a, buf, o);
    if (!up)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    return up;
}

/* The tokens of the formatted string, straight from an all-ASCII slice:
 * whatever the line handling does, the tokens of split() are the runs of
 * non-space characters with each ')' a token of its own, upper-cased.
 * Each token is written NUL-terminated into one buffer.  0 (nothing made)
 * when the slice has a non-ASCII byte: format_parsed + pc_py_split then. */
/* Byte classes for ascii_tokens (bytes >= 0x80: T_NONASCII). */
enum { T_WORD = 0, T_LOWER, T_SPACE, T_CLOSE, T_NONASCII };
static const unsigned char TOKCLS[128] = {
    [' '] = T_SPACE, [9] = T_SPACE, [10] = T_SPACE, [11] = T_SPACE, [12] = T_SPACE,
    [13] = T_SPACE, [0x1c] = T_SPACE, [0x1d] = T_SPACE, [0x1e] = T_SPACE, [0x1f] = T_SPACE,
    [')'] = T_CLOSE,
    ['a'] = T_LOWER, ['b'] = T_LOWER, ['c'] = T_LOWER, ['d'] = T_LOWER, ['e'] = T_LOWER,
    ['f'] = T_LOWER, ['g'] = T_LOWER, ['h'] = T_LOWER, ['i'] = T_LOWER, ['j'] = T_LOWER,
    ['k'] = T_LOWER, ['l'] = T_LOWER, ['m'] = T_LOWER, ['n'] = T_LOWER, ['o'] = T_LOWER,
    ['p'] = T_LOWER, ['q'] = T_LOWER, ['r'] = T_LOWER, ['s'] = T_LOWER, ['t'] = T_LOWER,
    ['u'] = T_LOWER, ['v'] = T_LOWER, ['w'] = T_LOWER, ['x'] = T_LOWER, ['y'] = T_LOWER,
    ['z'] = T_LOWER,
};
#define TOKCLASS(ch) ((ch) >= 0x80 ? T_NONASCII : TOKCLS[ch])

/* The tokens of the formatted string, straight from an all-ASCII slice:
 * whatever the line handling does, the tokens of split() are the runs of
 * non-space characters with each ')' a token of its own, upper-cased.
 * Each token is written NUL-terminated into one buffer.  0 (nothing used)
 * when the slice has a non-ASCII byte: format_parsed + pc_py_split then. */
static int ascii_tokens(py_rt *rt, const char *s, size_t sn, pc_span **out, long *nout,
                        size_t *bytes)
{
    char *buf = pc_arena_alloc(rt->a, 2 * sn + 1);
    size_t cap = sn / 4 + 16, n = 0, o = 0;
    pc_span *v = pc_arena_alloc(rt->a, cap * sizeof *v);
    if (!buf || !v)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    size_t i = 0;
    while (i < sn) {
        unsigned char ch = (unsigned char)s[i];
        unsigned k = TOKCLASS(ch);
        if (k == T_SPACE) {
            i++;
            continue;
        }
        size_t st = o;
        if (k == T_CLOSE) {
            buf[o++] = ')';
            i++;
        } else {
            for (;;) {
                if (k == T_NONASCII)
                    return 0;
                buf[o++] = k == T_LOWER ? (char)(ch - 32) : (char)ch;
                if (++i == sn)
                    break;
                ch = (unsigned char)s[i];
                k = TOKCLASS(ch);
                if (k == T_SPACE || k == T_CLOSE)
                    break;
            }
        }
        buf[o++] = '\0';
        if (n == cap) {
            pc_span *nv = pc_arena_realloc(rt->a, v, cap * sizeof *v, 2 * cap * sizeof *v);
            if (!nv)
                py_raise(rt, PY_MEMORY_ERROR, "out of memory");
            v = nv;
            cap *= 2;
        }
        v[n].p = buf + st;
        v[n].n = o - 1 - st;
        n++;
    }
    *out = v;
    *nout = (long)n;
    *bytes = o;
    return 1;
}

/* ---- NounPhrase.convert_existential ---- */
static void convert_existential(py_rt *rt, phrase *self)
{
    /* Every step can raise (AttributeError, IndexError): the caller's
     * try/except swallows it.  All reads come before any write. */
    if (self->kind != PH_NP)
        py_raise(rt, PY_ATTRIBUTE_ERROR, "no convert_existential");
    phrase *parent = self->parent;
    if (!parent || parent->children->n < 2)
        py_raise(rt, PY_INDEX_ERROR, "existential");
    phrase *sister = parent->children->v[1];
    if (sister->children->n < 2)
        py_raise(rt, PY_INDEX_ERROR, "existential");
    phrase *neice = sister->children->v[1];
    if (neice->children->n < 2)
        py_raise(rt, PY_INDEX_ERROR, "existential");
    phrase *subject = neice->children->v[0];
    phrase *predicate = neice->children->v[1];
    parent->children->v[0] = subject;
    subject->parent = parent;
    sister->children->v[1] = predicate;
    predicate->parent = sister;
    self->parent = NULL;
}

int pc_tree_build(py_rt *rt, const char *parse, pc_tree *out, const char **msg)
{
    memset(out, 0, sizeof *out);
    const char *sl;
    size_t sln;
    parse_slice(parse, &sl, &sln);
    pc_span *segs;
    long nseg;
    size_t tsn; /* bytes of the tokens and what is between them */
    /* terminated: each token is followed by a NUL (the ASCII path), so
     * labels and words need no copies */
    int terminated = ascii_tokens(rt, sl, sln, &segs, &nseg, &tsn);
    if (!terminated) {
        char *ts = format_parsed(rt, sl, sln);
        tsn = strlen(ts);
        nseg = pc_py_split(rt->a, ts, tsn, &segs);
        if (nseg < 0)
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    }
    if (nseg == 0) {
        *msg = "empty parse";
        return -1;
    }
    /* the root label is segs[0][1:] */
    const char *l0 = segs[0].n ? segs[0].p + 1 : segs[0].p;
    size_t l0n = segs[0].n ? segs[0].n - 1 : 0;
    {
        /* [1:] drops one code point */
        size_t len = 0;
        if (segs[0].n) {
            pc_utf8_decode(segs[0].p, segs[0].n, &len);
            l0 = segs[0].p + len;
            l0n = segs[0].n - len;
        }
    }
    const char *lab = terminated ? l0 : pc_arena_strndup(rt->a, l0, l0n);
    if (!lab)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    phrase *root = ph_new(rt, PH_BASE, lab);

    size_t cap = 64, sp = 0;
    phrase **stack = pc_arena_alloc(rt->a, cap * sizeof *stack);
    phrase **exist = NULL;
    size_t nexist = 0, capexist = 0;
    size_t txtcap = tsn + 2, txtn = 0;
    char *txt = pc_arena_alloc(rt->a, txtcap);
    if (!stack || !txt)
        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
    stack[sp++] = root;
    out->n_nodes = 1;
    out->depth = 1;

    for (long k = 1; k < nseg; k++) {
        const char *w = segs[k].p;
        size_t wn = segs[k].n;
        if (w[0] == '(') {
            if (sp == 0) {
                *msg = "the parse continues after its top constituent closed "
                       "(PETRARCH2 raises IndexError in str_to_tree)";
                return -1;
            }
            const char *l = terminated ? w + 1 : pc_arena_strndup(rt->a, w + 1, wn - 1);
            if (!l)
                py_raise(rt, PY_MEMORY_ERROR, "out of memory");
            ph_kind kind = PH_BASE;
            if (strcmp(l, "NP") == 0)
                kind = PH_NP;
            else if (strcmp(l, "VP") == 0)
                kind = PH_VP;
            else if (strcmp(l, "PP") == 0)
                kind = PH_PP;
            phrase *nw = ph_new(rt, kind, l);
            if (kind == PH_BASE && strcmp(l, "EX") == 0) {
                if (nexist == capexist) {
                    size_t nc = capexist ? capexist * 2 : 4;
                    phrase **ne = pc_arena_realloc(rt->a, exist, capexist * sizeof *ne, nc * sizeof *ne);
                    if (!ne)
                        py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                    exist = ne;
                    capexist = nc;
                }
                exist[nexist++] = nw;
            }
            phrase *top = stack[sp - 1];
            nw->parent = top;
            nw->index = (long)top->children->n;
            ph_list_append(rt, top->children, nw);
            if (sp == cap) {
                phrase **ns = pc_arena_realloc(rt->a, stack, cap * sizeof *ns, 2 * cap * sizeof *ns);
                if (!ns)
                    py_raise(rt, PY_MEMORY_ERROR, "out of memory");
                stack = ns;
                cap *= 2;
            }
            stack[sp++] = nw;
            out->n_nodes++;
            if (sp > out->depth)
                out->depth = sp;
        } else if (w[wn - 1] == ')') {
            if (sp == 0)
                break; /* level_stack.pop() raised; PETRARCH2 stops reading */
            sp--;
        } else {
            if (sp == 0) {
                *msg = "a word follows the close of the top constituent "
                       "(PETRARCH2 raises IndexError in str_to_tree)";
                return -1;
            }
            stack[sp - 1]->text = terminated ? w : pc_arena_strndup(rt->a, w, wn);
            if (!stack[sp - 1]->text)
                py_raise(rt, PY_MEMORY_ERROR, "out of memory");
            txt[txtn++] = ' ';
            memcpy(txt + txtn, w, wn);
            txtn += wn;
        }
    }
    txt[txtn] = '\0';

    for (size_t k = 0; k < nexist; k++) {
        py_frame f;
        py_try_push(rt, &f);
        if (setjmp(f.jb) == 0) {
            phrase *p = exist[k]->parent;
            if (!p)
                py_raise(rt, PY_ATTRIBUTE_ERROR, "None has no convert_existential");
            convert_existential(rt, p);
            py_try_leave(rt, &f);
        } else if (rt->last == PY_MEMORY_ERROR) {
            py_raise(rt, PY_MEMORY_ERROR, "out of memory");
        }
    }
    out->root = root;
    out->txt = txt;
    return 0;
}
