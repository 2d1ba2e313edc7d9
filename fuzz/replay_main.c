/* replay_main.c -- run a fuzz target's LLVMFuzzerTestOneInput on files,
 * without libFuzzer (any compiler; ASan/UBSan in `make SAN=1`).
 *     build/fuzz-replay/fuzz_xml FILE...
 * Exits 0 when every file ran (a crash ends the process, as it should). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        size_t cap = 1 << 16, n = 0, r;
        unsigned char *buf = malloc(cap);
        while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
            n += r;
            if (n == cap) {
                unsigned char *nb = realloc(buf, cap *= 2);
                if (!nb)
                    free(buf);
                buf = nb;
            }
        }
        fclose(f);
        if (!buf) {
            fprintf(stderr, "%s: out of memory\n", argv[i]);
            return 2;
        }
        /* an exact-size copy, so ASan catches a read past the input's end */
        unsigned char *exact = malloc(n ? n : 1);
        if (!exact)
            return 2;
        for (size_t k = 0; k < n; k++)
            exact[k] = buf[k];
        free(buf);
        LLVMFuzzerTestOneInput(exact, n);
        free(exact);
        printf("ran %s (%zu bytes)\n", argv[i], n);
    }
    return 0;
}
