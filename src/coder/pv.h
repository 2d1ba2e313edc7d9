/* pv.h -- the few Python 2 values PETRARCH2's coder passes around, and the
 * exceptions it relies on.
 *
 * Why a value type: PETRARCH2's results come from dynamically typed data
 * (a "meaning" is "" or a list of codes or a list of event tuples whose
 * target may be a string, a list, another tuple or "passive"), and from
 * which operations raise on which types (caught by try/except at a few
 * places).  Mirroring those values and exceptions is how the port stays
 * exact.  All values live in the sentence's scratch arena; nothing is freed
 * one by one.
 *
 * Exceptions are longjmp()s to the innermost py_try frame; the code between
 * must not own anything but arena memory (it never does). */
#ifndef PC_PV_H
#define PC_PV_H

#include <setjmp.h>
#include <stddef.h>

#include "util/arena.h"

typedef enum pv_kind {
    PV_NONE = 0,
    PV_BOOL,
    PV_INT,
    PV_STR,
    PV_LIST,
    PV_TUPLE
} pv_kind;

typedef struct pv pv;
struct pv {
    pv_kind k;
    int bytes;       /* STR: a Python 2 byte string (repr without u''), as the
                        lines PETRARCH2 reads from the verb dictionary are */
    long i;          /* BOOL, INT */
    const char *s;   /* STR: UTF-8, NUL-terminated */
    size_t n;        /* STR: bytes; LIST/TUPLE: items */
    size_t cap;      /* LIST */
    pv **items;      /* LIST/TUPLE */
};

/* Python exception classes the coder distinguishes. */
typedef enum py_exc {
    PY_NOEXC = 0,
    PY_INDEX_ERROR,
    PY_KEY_ERROR,
    PY_TYPE_ERROR,
    PY_VALUE_ERROR,
    PY_ATTRIBUTE_ERROR,
    PY_RUNTIME_ERROR, /* recursion depth exceeded */
    PY_MEMORY_ERROR   /* our own arena ran out */
} py_exc;

typedef struct py_frame {
    jmp_buf jb;
    struct py_frame *prev;
    int depth;         /* call depth at the try, restored by py_raise */
} py_frame;

/* The interpreter state of one sentence. */
typedef struct py_rt {
    pc_arena *a;
    py_frame *top;     /* innermost try */
    int depth;         /* emulated call depth (Python's recursion limit) */
    py_exc last;       /* the exception being handled */
    const char *where; /* what raised it (for messages) */
    long steps;        /* emulated calls so far (py_enter) */
    int over_budget;   /* stopped by the work budget (below) */
} py_rt;

#define PY_RECURSION_LIMIT 900

/* The work budget of one sentence.  PETRARCH2's coder can take time
 * exponential in the parse: a call that raises (e.g. at the recursion
 * limit) leaves nothing memoised, so an enclosing try/except that calls it
 * again redoes the whole subtree; a fuzzed 2.5 KB parse ran for minutes and
 * filled 24 GB.  The coder stops a sentence after PY_STEP_BUDGET emulated
 * calls or PY_MEMORY_BUDGET bytes of scratch memory -- news sentences need
 * a few thousand calls and well under 1 MB; every corpus we have codes
 * identically with 2,000 calls and 256 KB -- and reports it as not coded
 * (PC_ERR_CODER).  128 MB, because a legitimate if absurd sentence may need
 * it (20,000 coordinated targets: tests/unit/test_coder_extremes.c); the
 * fuzz build uses much smaller budgets (fuzz/fuzz.mk), as touching 128 MB
 * under ASan takes seconds.  Internally this is a MemoryError with
 * over_budget set, so that every except clause passes it on as it passes on
 * MemoryError. */
#ifndef PY_STEP_BUDGET /* (overridable to measure the margin) */
#define PY_STEP_BUDGET 2000000L
#endif
#ifndef PY_MEMORY_BUDGET
#define PY_MEMORY_BUDGET ((size_t)128 << 20)
#endif
_Noreturn void py_over_budget(py_rt *rt);

/* raise: never returns. */
_Noreturn void py_raise(py_rt *rt, py_exc e, const char *where);

/* try/except:
 *     py_frame f;
 *     py_try_push(rt, &f);
 *     if (setjmp(f.jb) == 0) { ...body...; py_try_leave(rt, &f); }
 *     else { ...handler: rt->last is the exception; the frame is popped... }
 * Locals assigned in the body and read in the handler must be volatile. */
static inline void py_try_push(py_rt *rt, py_frame *f)
{
    f->prev = rt->top;
    f->depth = rt->depth;
    rt->top = f;
}
static inline void py_try_leave(py_rt *rt, py_frame *f) { rt->top = f->prev; }

/* Recursion accounting around each emulated Python call that can recurse. */
static inline void py_enter(py_rt *rt)
{
    if (++rt->depth > PY_RECURSION_LIMIT)
        py_raise(rt, PY_RUNTIME_ERROR, "maximum recursion depth exceeded");
    if (++rt->steps > PY_STEP_BUDGET ||
        ((rt->steps & 1023) == 0 && rt->a->total > PY_MEMORY_BUDGET))
        py_over_budget(rt);
}
static inline void py_leave(py_rt *rt) { rt->depth--; }

/* constructors */
pv *pv_none(void);
pv *pv_false(void);
pv *pv_true(void);
pv *pv_int(py_rt *rt, long i);
pv *pv_str(py_rt *rt, const char *s);   /* s must outlive the value */
pv *pv_strn(py_rt *rt, const char *s, size_t n); /* copies */
/* a str of the n bytes at s (NUL-terminated at s[n], outliving the value) */
pv *pv_str_len(py_rt *rt, const char *s, size_t n);
pv *pv_empty_str(void);
pv *pv_space(void); /* " " */
pv *pv_bytes_str(py_rt *rt, const char *s); /* a byte string (see .bytes) */
pv *pv_list(py_rt *rt);
pv *pv_list1(py_rt *rt, pv *x);
pv *pv_tuple(py_rt *rt, size_t n, pv **items);
pv *pv_tuple2(py_rt *rt, pv *a, pv *b);
pv *pv_tuple3(py_rt *rt, pv *a, pv *b, pv *c);

static inline int pv_is_str(const pv *v) { return v->k == PV_STR; }
static inline int pv_is_list(const pv *v) { return v->k == PV_LIST; }
static inline int pv_is_tuple(const pv *v) { return v->k == PV_TUPLE; }
static inline int pv_is_int(const pv *v) { return v->k == PV_INT || v->k == PV_BOOL; }
static inline int pv_is_seq(const pv *v) { return v->k == PV_LIST || v->k == PV_TUPLE; }

int pv_truthy(const pv *v);
int pv_eq(const pv *a, const pv *b);
/* a == "literal" */
int pv_eq_cstr(const pv *a, const char *s);

/* len(v): TypeError for non-sequences */
size_t pv_len(py_rt *rt, const pv *v);
/* v[i] with negative indexes; IndexError / TypeError as Python.  A string
 * index gives a one-character string. */
pv *pv_getitem(py_rt *rt, const pv *v, long i);
/* item in container (list/tuple: ==; str: substring, TypeError if item is
 * not a str) */
int pv_contains(py_rt *rt, const pv *container, const pv *item);
/* list.append */
void pv_append(py_rt *rt, pv *list, pv *x);
/* list += iterable (list, tuple, or str: its characters); TypeError otherwise */
void pv_extend(py_rt *rt, pv *list, const pv *iterable);
/* a + b for lists (new list) -- TypeError unless both are lists */
pv *pv_list_concat(py_rt *rt, const pv *a, const pv *b);
/* list(x) of a list/tuple/str */
pv *pv_to_list(py_rt *rt, const pv *x);
/* a copy of a list/tuple as a tuple */
pv *pv_to_tuple(py_rt *rt, const pv *x);

/* integer arithmetic with Python's type errors (bools count as ints) */
long pv_as_int(py_rt *rt, const pv *v);
pv *pv_add(py_rt *rt, const pv *a, const pv *b);
pv *pv_sub(py_rt *rt, const pv *a, const pv *b);

/* str.startswith / endswith / replace for str values */
int pv_startswith(py_rt *rt, const pv *s, const char *prefix);
pv *pv_str_replace(py_rt *rt, const pv *s, const char *old, const char *new_);

#endif

/* Python 2's ordering of any two values (mixed types allowed: None < numbers
 * < other types ordered by type name, strings taken as unicode): <0, 0, >0 */
int pv_cmp(const pv *a, const pv *b);
/* hash()able?  TypeError for lists (also inside tuples) */
void pv_check_hashable(py_rt *rt, const pv *v);

/* "%ld" of v into buf (at least 21 bytes), NUL-terminated; the length.
 * (snprintf showed in profiles of the transformation lookups.) */
size_t pv_fmt_long(char *buf, long v);

/* Python 2's repr() of a value (strings shown as unicode: u'...'). */
pv *pv_repr(py_rt *rt, const pv *v);
