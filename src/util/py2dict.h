/* py2dict.h -- the iteration order of a CPython 2.7 dict with string keys.
 *
 * Why: PETRARCH2 iterates dicts keyed by strings (a story's sentence ids, the
 * issue codes of a Counter) and its output order follows from that.  CPython
 * 2.7 (PYTHONHASHSEED unset, 64-bit Linux, UCS-4 build) iterates a dict in the
 * order of its hash-table slots, which depends only on the keys' hashes and
 * their insertion order (no deletions happen in the code we port).
 *
 * Keys are UTF-8 byte strings; they hash as the unicode (or ASCII str) object
 * Python 2 would have built from them, i.e. over code points.  An invalid
 * UTF-8 byte hashes as its byte value (Python would have raised earlier). */
#ifndef PC_PY2DICT_H
#define PC_PY2DICT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* hash(u'...') of CPython 2.7 (hash randomization off): a C long. */
int64_t pc_py2_hash(const char *s, size_t n);

/* Insert keys[0..n) in that order into an empty dict (a later duplicate only
 * updates the value: it keeps the first one's place) and write to order_out
 * the index in keys[] of each distinct key, in iteration order -- for a
 * duplicated key the index of its FIRST occurrence.  lens may be NULL (keys
 * are then NUL-terminated).  order_out needs room for n entries.  Scratch
 * memory comes from a.  Returns the number of distinct keys, -1 on OOM. */
long pc_py2dict_order(pc_arena *a, const char *const *keys, const size_t *lens, size_t n,
                      size_t *order_out);

#endif
