/* exclude.c -- pc_vexclude_read: the ids to leave out of a validation run,
 * in the format unittest_to_batch.py --exclude reads (and the crash lists of
 * tests/data/reference/unittest.*.crashes.tsv are written in): the first
 * tab-separated column of each line is a story id ("DEMO-31") or sentence id
 * ("DEMO-31_1"); blank lines, lines starting with '#' and the column header
 * "story_id" are skipped. */
#include <stdio.h>
#include <string.h>

#include "dict/finreader.h"
#include "util/error.h"
#include "validate.h"

pc_status pc_vexclude_read(const char *path, pc_arena *a, const char ***ids, size_t *n,
                           pc_error *err)
{
    pc_error_clear(err);
    *ids = NULL;
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "%s: cannot open", path);
    size_t cap = 0;
    char line[4096];
    pc_status st = PC_OK;
    int rest = 0; /* this chunk continues a line longer than the buffer */
    while (st == PC_OK && fgets(line, sizeof line, f)) {
        int skip = rest || line[0] == '#';
        rest = strchr(line, '\n') == NULL;
        if (skip)
            continue;
        pc_span id = pc_strip(pc_sp(line, strcspn(line, "\t\n")), PC_WS_UNICODE);
        if (id.n == 0 || pc_eq(id, "story_id"))
            continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            const char **nv = pc_arena_realloc(a, *ids, cap * sizeof *nv, ncap * sizeof *nv);
            if (!nv) {
                st = pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
                break;
            }
            *ids = nv;
            cap = ncap;
        }
        if (!((*ids)[*n] = pc_arena_strndup(a, id.p, id.n)))
            st = pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
        else
            (*n)++;
    }
    if (st == PC_OK && ferror(f))
        st = pc_error_set(err, PC_ERR_IO, path, 0, NULL, "%s: read error", path);
    fclose(f);
    return st;
}
