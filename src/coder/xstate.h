/* xstate.h -- the state PETRARCH2's match_transform keeps between calls.
 *
 * PETRARCH2 1.2.0 declares `def recurse(pdict, event, a2v={}, v2a={})`: the
 * two default dicts are created once and shared by every later call, so a
 * variable bound while coding one sentence stays bound for the rest of the
 * run.  Parity mode keeps that state in the coder (so results depend on the
 * order sentences are coded in, exactly as PETRARCH2's do); the `fixed`
 * option clears it for every event instead. */
#ifndef PC_XSTATE_H
#define PC_XSTATE_H

#include "pv.h"

typedef struct xmap {
    pv **keys;
    pv **vals;
    size_t n, cap;
} xmap;

typedef struct pc_xstate {
    pc_arena *a;   /* lives as long as the coder */
    xmap a2v;      /* actor -> variable */
    xmap v2a;      /* variable -> actor (and "Q" -> code) */
} pc_xstate;

pc_xstate *pc_xstate_new(void);
void pc_xstate_free(pc_xstate *x);
void pc_xstate_clear(pc_xstate *x);

#endif
