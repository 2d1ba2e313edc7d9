/* fuzz_dict.h -- the dictionary targets (fuzz_verbs.c, fuzz_actors.c, ...):
 * read the input as one dictionary file of that kind into an otherwise empty
 * dictionary set, then code a few fixed sentences with it, so the coder also
 * meets whatever tries a strange dictionary builds. */
#ifndef PC_FUZZ_DICT_H
#define PC_FUZZ_DICT_H

#include "fuzz_common.h"
#include "dict/dicts.h"

typedef pc_status (*fz_reader)(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                               pc_error *err);

/* Read data with reader (once with write_actor_root off, once on) and code
 * the fixed sentences with the result.  Always returns 0. */
int fz_dict_input(const uint8_t *data, size_t size, fz_reader reader);

#endif
