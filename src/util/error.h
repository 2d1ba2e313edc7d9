/* error.h -- filling pc_error values (errors are data, see petrarch.h). */
#ifndef PC_ERROR_H
#define PC_ERROR_H

#include "petrarch.h"

#if defined(__GNUC__)
#define PC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define PC_PRINTF(a, b)
#endif

/* Set err (if not NULL): code, file (may be NULL), line, record id (may be
 * NULL) and a printf-style message.  Returns code, so callers can
 * `return pc_error_set(...)`. */
pc_status pc_error_set(pc_error *err, pc_status code, const char *file, long line,
                       const char *record_id, const char *fmt, ...) PC_PRINTF(6, 7);
void pc_error_clear(pc_error *err);

#endif
