/* fuzz_treebank.c -- a training treebank (what `petrarch train parser` reads)
 * through the training side of the parser: the PTB tree reader
 * (nlp/ptb_read.h), coordinated-subject augmentation (nlp/augment.h), one
 * epoch of greedy training (binarization, the static oracle, features), and
 * the trained parser on each tree's words.
 *
 * Input: PTB trees, one after another.  The first byte also picks the
 * augmentation seed. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "nlp/augment.h"
#include "nlp/parser.h"
#include "nlp/ptb_read.h"
#include "util/arena.h"

#define MAX_TREES 64
#define MAX_WORDS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_treebank tb = {0};
    pc_error err = {0};
    if (pc_treebank_read(&tb, fz_file(data, size), &err) != PC_OK) {
        if (err.code == PC_OK || !err.message[0])
            abort();   /* an error must say what it is */
        fz_check_nomem(&err);
        pc_treebank_free(&tb);
        return 0;
    }
    if (tb.n == 0 || tb.n > MAX_TREES) {
        pc_treebank_free(&tb);
        return 0;
    }
    size_t n0 = tb.n, added = 0;
    unsigned seed = size ? data[0] : 0;
    if (pc_treebank_augment_coord(&tb, 8, seed, &added, &err) != PC_OK)
        fz_check_nomem(&err);
    if (tb.n != n0 + added)
        abort();
    for (size_t i = 0; i < tb.n; i++)
        if (pc_ptree_leaves(&tb.tree[i], NULL, NULL) > MAX_WORDS) {
            pc_treebank_free(&tb);
            return 0;   /* long sentences make training slow, not different */
        }
    pc_parser_opts o = {0};
    o.epochs = 1;
    o.beam = 1;
    o.seed = seed;
    o.prune = 0.0f;
    pc_parser *p = pc_parser_train(tb.tree, tb.n, &o, &err);
    if (!p) {
        if (err.code == PC_OK || !err.message[0])
            abort();
        fz_check_nomem(&err);
    } else {
        pc_arena *a = pc_arena_new(0);
        const char *w[MAX_WORDS], *t[MAX_WORDS];
        for (size_t i = 0; a && i < tb.n; i++) {
            int k = pc_ptree_leaves(&tb.tree[i], w, t);
            if (k == 0)
                continue;
            char *tree = pc_parser_parse(p, w, t, (size_t)k, 1, a, &err);
            if (!tree)
                fz_check_nomem(&err);
            else if (strncmp(tree, "(ROOT", 5) != 0)
                abort();   /* always a tree */
            pc_arena_reset(a);
        }
        pc_arena_free(a);
        pc_parser_free(p);
    }
    pc_treebank_free(&tb);
    return 0;
}
