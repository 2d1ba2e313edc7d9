/* report.c -- see cli.h (report_error). */
#include <stdio.h>

#include "cli.h"

void report_error(const char *what, const pc_error *e)
{
    if (e->file[0] && e->line)
        fprintf(stderr, "%s: %s:%ld: %s\n", pc_prog, e->file, e->line, e->message);
    else if (e->file[0])
        fprintf(stderr, "%s: %s: %s\n", pc_prog, e->file, e->message);
    else
        fprintf(stderr, "%s: %s: %s\n", pc_prog, what, e->message);
}
