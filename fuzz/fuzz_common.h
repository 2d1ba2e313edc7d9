/* fuzz_common.h -- what the libFuzzer targets in fuzz/ share.
 *
 * Each target defines LLVMFuzzerTestOneInput.  Built with clang
 * -fsanitize=fuzzer (fuzz/fuzz.mk) it is a fuzzer; linked with
 * fuzz/replay_main.c instead it replays files (the regression test
 * tests/t_fuzz_regress.sh runs every file of tests/data/fuzz-regress/TARGET/
 * through the TARGET's replay binary, under ASan in `make SAN=1 test`). */
#ifndef PC_FUZZ_COMMON_H
#define PC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "petrarch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled config and dictionaries (data/, or $PETRARCH_DATA), loaded
 * once per process; aborts if they cannot be loaded (a broken setup, not a
 * finding). */
const pc_config *fz_config(void);
const pc_dicts *fz_dicts(void);

/* A path naming a file whose content is data[0..size) (a memfd, so nothing
 * touches the disk): "/proc/self/fd/N".  Valid until the next call.  Aborts
 * on failure. */
const char *fz_file(const uint8_t *data, size_t size);

/* A small input never needs much memory: PC_ERR_NOMEM from the library is
 * a finding (runaway growth), reported by aborting. */
void fz_check_nomem(const pc_error *err);

/* data as a NUL-terminated string (malloc'd; the caller frees). */
char *fz_strndup(const uint8_t *data, size_t size);

/* A sink for writers (/dev/null). */
FILE *fz_null(void);

/* A warning callback that ignores everything (but reads it, so ASan sees
 * a bad message or file field). */
void fz_warn(void *ud, const pc_error *w);

#endif
