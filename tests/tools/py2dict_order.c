/* py2dict_order -- developer tool: prints pc_py2dict_order() for key sets read
 * from stdin, so tests/tools/py2dict_vs_python2.py can compare it with real
 * CPython 2.7.  Input: one case per line, "N<TAB>key1<TAB>...<TAB>keyN" (UTF-8);
 * output: one line per case, the indices of the distinct keys in iteration
 * order, separated by spaces; or with -h, the hash of each key. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/py2dict.h"

int main(int argc, char **argv)
{
    int hashes = argc > 1 && strcmp(argv[1], "-h") == 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    pc_arena *a = pc_arena_new(0);
    if (!a)
        return 1;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        char *tab = strchr(line, '\t');
        size_t n = strtoul(line, NULL, 10);
        const char **keys = pc_arena_alloc(a, (n + 1) * sizeof *keys);
        size_t *lens = pc_arena_alloc(a, (n + 1) * sizeof *lens);
        size_t *order = pc_arena_alloc(a, (n + 1) * sizeof *order);
        if (!keys || !lens || !order)
            return 1;
        char *p = tab ? tab + 1 : line + len;
        for (size_t i = 0; i < n; i++) {
            char *e = strchr(p, '\t');
            if (!e)
                e = p + strlen(p);
            keys[i] = p;
            lens[i] = (size_t)(e - p);
            p = *e ? e + 1 : e;
        }
        if (hashes) {
            for (size_t i = 0; i < n; i++)
                printf("%s%" PRId64, i ? " " : "", pc_py2_hash(keys[i], lens[i]));
        } else {
            long m = pc_py2dict_order(a, keys, lens, n, order);
            if (m < 0)
                return 1;
            for (long i = 0; i < m; i++)
                printf("%s%zu", i ? " " : "", order[i]);
        }
        putchar('\n');
        pc_arena_reset(a);
    }
    free(line);
    pc_arena_free(a);
    return 0;
}
