/* fuzz_conllu.c -- a CoNLL-U file (what `petrarch train tagger`,
 * `eval-tagger`, `train parser --deps` and `convert-deps` read) through the
 * reader (nlp/conllu.h): it reads or says what is wrong, and what it reads
 * holds together -- every sentence has words and tags, every head is a word
 * of its sentence, -1 (the root) or -2 (none), every relation is a string. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "nlp/conllu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_tcorpus c = {0};
    pc_error err = {0};
    if (pc_conllu_read(&c, fz_file(data, size), &err) != PC_OK) {
        if (err.code == PC_OK || !err.message[0])
            abort();   /* an error must say what it is */
        fz_check_nomem(&err);
    }
    for (size_t i = 0; i < c.n; i++) {
        const pc_tsent *s = &c.s[i];
        if (s->n == 0)
            abort();
        for (size_t j = 0; j < s->n; j++)
            if (!s->word[j] || !s->tag[j] || !s->rel[j] || s->head[j] < -2 ||
                s->head[j] >= (int32_t)s->n)
                abort();
    }
    pc_tcorpus_free(&c);
    return 0;
}
