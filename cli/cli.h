/* cli.h -- the petrarch command line: what the files in cli/ share. */
#ifndef PC_CLI_H
#define PC_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "petrarch.h"

/* Exit codes (also in `petrarch help`). */
enum {
    EXIT_OK = 0,        /* every record was coded (or discarded by a discard phrase) */
    EXIT_REJECTED = 1,  /* some records were rejected, lost or failed to code */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_FATAL = 3      /* config, dictionary, input or output file could not be used */
};

extern const char *pc_prog; /* "petrarch" */

/* A library error on stderr: "petrarch: FILE:LINE: message", "petrarch:
 * FILE: message", or, with no file, "petrarch: WHAT: message". */
void report_error(const char *what, const pc_error *e);

int cmd_batch(int argc, char **argv);
void usage_batch(FILE *f);

/* Input list: each argument is a file, "-" (stdin) or a directory (its
 * *.xml files, sorted bytewise, not recursive, as PETRARCH2 globs them; or
 * the files ending in one of suffixes, a NULL-terminated list, or in one of
 * them + ".gz").  Returns 0, or -1 after printing why (a missing path). */
typedef struct pc_paths {
    char **v;
    size_t n, cap;
} pc_paths;
int paths_add_arg(pc_paths *p, const char *arg, const char *const *suffixes);
void paths_free(pc_paths *p);

/* Output written to a temporary file next to the target and renamed over it
 * at the end, so a failed run never leaves a half-written file.  Written
 * directly instead: "-" (stdout) and a target that exists but is not a
 * regular file (a device, a FIFO, a symbolic link: renaming would replace
 * it). */
typedef struct pc_out {
    FILE *f;
    const char *target;
    char *tmp;     /* NULL when written directly */
} pc_out;
int out_open(pc_out *o, const char *target);
int out_commit(pc_out *o);   /* 0 ok; -1 after printing why (the temp is removed) */
void out_abort(pc_out *o);   /* remove the temporary file */

#endif
