/* fuzz_text.c -- the raw-text front end without its models: normalization
 * (invalid UTF-8, quotes, dashes, controls, the offset map), sentence
 * splitting (date headers, datelines, boilerplate, abbreviations) and PTB
 * tokenization of every sentence, and pc_text_clean.  Offsets must stay
 * inside the text they point into. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "nlp/normalize.h"
#include "nlp/split.h"
#include "nlp/tokenize.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pc_arena *a;
    if (!a && !(a = pc_arena_new(0)))
        abort();
    pc_arena_reset(a);
    const char *s = (const char *)data;
    pc_norm nm;
    if (pc_normalize(s, size, a, &nm) != 0)
        return 0;
    if (nm.text[nm.len] != '\0')
        abort();
    for (size_t i = 0; i < nm.len; i++)
        if (nm.orig_end[i] > size || nm.orig_start[i] > nm.orig_end[i])
            abort();
    pc_split_result sp;
    if (pc_split(nm.text, nm.len, a, &sp) != 0)
        return 0;
    for (size_t k = 0; k < sp.n_sents; k++) {
        size_t b = sp.sents[k].start, e = sp.sents[k].end;
        if (b > e || e > nm.len)
            abort();
        pc_token *t;
        size_t nt;
        if (pc_tokenize(nm.text + b, e - b, a, &t, &nt) != 0)
            return 0;
        for (size_t i = 0; i < nt; i++)
            if (t[i].start > t[i].end || t[i].end > e - b || !t[i].word[0])
                abort();
        if (e > b) {
            size_t os, oe;
            pc_norm_span(&nm, b, e, &os, &oe);
            if (os > oe || oe > size)
                abort();
        }
    }
    for (size_t k = 0; k < sp.n_skips; k++)
        if (sp.skips[k].start > sp.skips[k].end || sp.skips[k].end > nm.len)
            abort();
    char *clean = pc_text_clean(s, size, a);
    if (clean && strlen(clean) > 3 * size + 3)
        abort();
    return 0;
}
