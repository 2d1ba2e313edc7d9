/* fuzz_treebank.c -- a training treebank (what `petrarch train parser` reads)
 * through the training side of the parser: the PTB tree reader
 * (nlp/ptb_read.h), coordinated-subject augmentation (nlp/augment.h), one
 * epoch of greedy training (binarization, the static oracle, features), and
 * the trained parser on each tree's words; then the same for a
 * dependency-guided parser (`train parser --deps`), with dependency trees
 * made from the input's bytes: any heads, cycles and bad indices included.
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

static const char *const RELS[] = {"nsubj", "obj", "root", "det", "case", "punct", "_"};

/* Train a parser on the trees (with their dependency trees d, or none) and
 * parse every tree's words with it: always a tree, or an error that says what. */
static void train_and_parse(const pc_treebank *tb, const pc_tsent *d, int beam, unsigned seed)
{
    pc_parser_opts o = {0};
    o.epochs = 1;
    o.beam = beam;
    o.seed = seed;
    o.prune = 0.0f;
    o.deps = d;
    pc_error err = {0};
    pc_parser *p = pc_parser_train(tb->tree, tb->n, &o, &err);
    if (!p) {
        if (err.code == PC_OK || !err.message[0])
            abort();   /* an error must say what it is */
        fz_check_nomem(&err);
        return;
    }
    if (pc_parser_guided(p) != (d != NULL))
        abort();
    pc_arena *a = pc_arena_new(0);
    const char *w[MAX_WORDS], *t[MAX_WORDS];
    for (size_t i = 0; a && i < tb->n; i++) {
        int k = pc_ptree_leaves(&tb->tree[i], w, t);
        if (k == 0)
            continue;
        pc_pdeps dep = {d ? d[i].head : NULL, d ? d[i].rel : NULL};
        char *tree = pc_parser_parse_deps(p, w, t, d ? &dep : NULL, (size_t)k, beam, a, &err);
        if (!tree)
            fz_check_nomem(&err);
        else if (strncmp(tree, "(ROOT", 5) != 0)
            abort();   /* always a tree */
        pc_arena_reset(a);
    }
    pc_arena_free(a);
    pc_parser_free(p);
}

/* The trees' dependency trees, heads and relations taken from the input's
 * bytes, and a guided parser trained and run on them. */
static void guided(const pc_treebank *tb, const uint8_t *data, size_t size, unsigned seed)
{
    pc_tsent *d = calloc(tb->n, sizeof *d);
    int32_t *heads = calloc(tb->n * MAX_WORDS, sizeof *heads);
    const char **rels = calloc(tb->n * MAX_WORDS, sizeof *rels);
    if (!d || !heads || !rels)
        abort();
    size_t b = 0;
    for (size_t i = 0; i < tb->n; i++) {
        int k = pc_ptree_leaves(&tb->tree[i], NULL, NULL);
        d[i].n = (size_t)k;
        d[i].head = heads + i * MAX_WORDS;
        d[i].rel = rels + i * MAX_WORDS;
        for (int j = 0; j < k; j++, b++) {
            uint8_t x = size ? data[b % size] : 0;
            d[i].head[j] = (int32_t)(x % (unsigned)(k + 3)) - 2;   /* -2 .. k */
            d[i].rel[j] = RELS[x % (sizeof RELS / sizeof *RELS)];
        }
    }
    /* greedy, or beam weights as well */
    train_and_parse(tb, d, 1 + (int)(seed % 2) * 2, seed);
    free(d);
    free(heads);
    free(rels);
}

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
    train_and_parse(&tb, NULL, 1, seed);
    guided(&tb, data, size, seed);
    pc_treebank_free(&tb);
    return 0;
}
