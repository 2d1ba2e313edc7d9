/* cmd_eval_models.c -- `petrarch eval-tagger` and `petrarch eval-parser`:
 * accuracy and speed of the models on held-out data (the figures of `make
 * eval-models`).  Tagger: token accuracy on CoNLL-U XPOS.  Parser: EVALB
 * labelled bracket precision/recall/F1 on PTB trees, parsing the gold words
 * with predicted tags (--tagger) or gold tags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "nlp/conllu.h"
#include "nlp/evalb.h"
#include "nlp/parser.h"
#include "nlp/ptb_read.h"
#include "nlp/tagger.h"

int cmd_eval_tagger(int argc, char **argv);
int cmd_eval_parser(int argc, char **argv);

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: speeds stay meaningful on a busy machine. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const pc_error *e)
{
    fprintf(stderr, "%s: %s%s%s\n", pc_prog, e->file, e->file[0] ? ": " : "", e->message);
}

int cmd_eval_tagger(int argc, char **argv)
{
    FILE *dump = NULL;   /* -o FILE: word, gold tag, predicted tag per line */
    if (argc >= 3 && !strcmp(argv[1], "-o")) {
        if (!(dump = fopen(argv[2], "w"))) {
            perror(argv[2]);
            return EXIT_FATAL;
        }
        argc -= 2;
        argv += 2;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: %s eval-tagger [-o ERRORS] MODEL FILE.conllu...\n", pc_prog);
        if (dump)
            fclose(dump);
        return EXIT_USAGE;
    }
    pc_error err = {0};
    double t0 = now_s(), c0 = cpu_s();
    pc_tagger *t = pc_tagger_load(argv[1], &err);
    if (!t) {
        report(&err);
        if (dump)
            fclose(dump);
        return EXIT_FATAL;
    }
    printf("tagger %s: loaded in %.0f ms (%.0f ms CPU)\n", argv[1], 1000 * (now_s() - t0),
           1000 * (cpu_s() - c0));
    int rc = EXIT_OK;
    for (int i = 2; i < argc; i++) {
        pc_tcorpus c = {0};
        if (pc_conllu_read(&c, argv[i], &err) != PC_OK) {
            report(&err);
            rc = EXIT_FATAL;
            continue;
        }
        size_t right = 0, all = 0, maxn = 1;
        for (size_t s = 0; s < c.n; s++)
            if (c.s[s].n > maxn)
                maxn = c.s[s].n;
        const char **tags = malloc(maxn * sizeof *tags);
        double t1 = cpu_s();
        for (size_t s = 0; tags && s < c.n; s++) {
            pc_tagger_tag(t, c.s[s].word, c.s[s].n, tags);
            for (size_t j = 0; j < c.s[s].n; j++) {
                right += strcmp(tags[j], c.s[s].tag[j]) == 0;
                all++;
                if (dump)
                    fprintf(dump, "%s\t%s\t%s\n", c.s[s].word[j], c.s[s].tag[j], tags[j]);
            }
        }
        double dt = cpu_s() - t1;
        printf("%s: %zu sentences, %zu tokens, accuracy %.2f%%, %.0f tokens/s (CPU)\n", argv[i], c.n,
               all, all ? 100.0 * (double)right / (double)all : 0, dt > 0 ? (double)all / dt : 0);
        free(tags);
        pc_tcorpus_free(&c);
    }
    pc_tagger_free(t);
    if (dump)
        fclose(dump);
    return rc;
}

int cmd_eval_parser(int argc, char **argv)
{
    const char *model = NULL, *tagger = NULL, *out = NULL;
    int beam = 1, nfiles = 0, ndeps = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    char **deps = calloc((size_t)argc, sizeof *deps);   /* --deps: file i's dependency trees */
    if (!files || !deps) {
        free(files);
        free(deps);
        return EXIT_FATAL;
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--tagger") && i + 1 < argc)
            tagger = argv[++i];
        else if (!strcmp(argv[i], "--deps") && i + 1 < argc)
            deps[ndeps++] = argv[++i];
        else if (!strcmp(argv[i], "--beam") && i + 1 < argc)
            beam = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!model)
            model = argv[i];
        else
            files[nfiles++] = argv[i];
    }
    if (!model || nfiles == 0 || (ndeps && ndeps != nfiles)) {
        fprintf(stderr,
                "usage: %s eval-parser MODEL [--tagger TAGGER] [--beam K] [-o TREES] "
                "[--deps FILE.conllu]... FILE.ptb...\n"
                "  without --tagger the gold tags are given to the parser;\n"
                "  --deps (one per FILE): their dependency trees, for a dependency-guided model\n",
                pc_prog);
        free(files);
        free(deps);
        return EXIT_USAGE;
    }
    pc_error err = {0};
    double t0 = now_s(), c0 = cpu_s();
    pc_parser *p = pc_parser_load(model, &err);
    double tl = now_s() - t0, cl = cpu_s() - c0;
    pc_tagger *t = NULL;
    if (p && tagger)
        t = pc_tagger_load(tagger, &err);
    if (!p || (tagger && !t)) {
        report(&err);
        pc_parser_free(p);
        free(files);
        free(deps);
        return EXIT_FATAL;
    }
    FILE *fo = out ? fopen(out, "w") : NULL;
    printf("parser %s: loaded in %.0f ms (%.0f ms CPU); beam %d; %s tags\n", model, 1000 * tl,
           1000 * cl, beam, t ? "predicted" : "gold");
    int rc = EXIT_OK;
    pc_arena *a = pc_arena_new(1 << 20);
    for (int i = 0; a && i < nfiles; i++) {
        pc_treebank tb = {0};
        pc_tcorpus dc = {0};
        if (pc_treebank_read(&tb, files[i], &err) != PC_OK ||
            (ndeps && pc_conllu_read(&dc, deps[i], &err) != PC_OK)) {
            report(&err);
            pc_treebank_free(&tb);
            pc_tcorpus_free(&dc);
            rc = EXIT_FATAL;
            continue;
        }
        if (ndeps && dc.n != tb.n) {
            fprintf(stderr, "%s: %s: %zu dependency trees for %zu trees\n", pc_prog, deps[i], dc.n,
                    tb.n);
            pc_treebank_free(&tb);
            pc_tcorpus_free(&dc);
            rc = EXIT_FATAL;
            continue;
        }
        pc_evalb e = {0};
        double tparse = 0, ttag = 0;
        long failed = 0;
        for (size_t s = 0; s < tb.n; s++) {
            pc_arena_reset(a);
            int n = pc_ptree_leaves(&tb.tree[s], NULL, NULL);
            const char **w = pc_arena_alloc(a, ((size_t)n + 1) * sizeof *w);
            const char **g = pc_arena_alloc(a, ((size_t)n + 1) * sizeof *g);
            const char **pt = pc_arena_alloc(a, ((size_t)n + 1) * sizeof *pt);
            if (!w || !g || !pt)
                break;
            pc_ptree_leaves(&tb.tree[s], w, g);
            double t1 = cpu_s();
            if (t)
                pc_tagger_tag(t, w, (size_t)n, pt);
            else
                memcpy(pt, g, (size_t)n * sizeof *pt);
            double t2 = cpu_s();
            if (ndeps && dc.s[s].n != (size_t)n) {
                /* the files are out of step: no score for this sentence */
                fprintf(stderr, "%s: %s: sentence %zu has %zu words, its tree %d\n", pc_prog,
                        deps[i], s + 1, dc.s[s].n, n);
                failed++;
                continue;
            }
            pc_pdeps pd = {ndeps ? dc.s[s].head : NULL, ndeps ? dc.s[s].rel : NULL};
            char *tree = pc_parser_parse_deps(p, w, pt, ndeps ? &pd : NULL, (size_t)n, beam, a,
                                              &err);
            tparse += cpu_s() - t2;
            ttag += t2 - t1;
            pc_ptree test;
            const char *sp = tree;
            long line = 1;
            if (!tree || pc_ptb_parse(a, &sp, &line, &test, "parser output", &err) != 1) {
                failed++;
                continue;
            }
            if (fo)
                fprintf(fo, "%s\n", tree);
            pc_evalb_add(&e, &tb.tree[s], &test);
        }
        printf("%s: %ld sentences (%ld failed, %ld skipped); labelled brackets P %.2f R %.2f "
               "F1 %.2f; exact %.2f%%; tags %.2f%%\n",
               files[i], e.sents, failed, e.skipped, 100 * pc_evalb_precision(&e),
               100 * pc_evalb_recall(&e), 100 * pc_evalb_f1(&e),
               e.sents ? 100.0 * (double)e.exact / (double)e.sents : 0,
               e.words ? 100.0 * (double)e.tags_right / (double)e.words : 0);
        printf("%s: speed (per CPU second, one thread): parsing %.0f sentences/s, tagging %.0f "
               "sentences/s, both %.0f sentences/s\n",
               files[i], tparse > 0 ? (double)tb.n / tparse : 0,
               ttag > 0 ? (double)tb.n / ttag : 0,
               tparse + ttag > 0 ? (double)tb.n / (tparse + ttag) : 0);
        pc_treebank_free(&tb);
        pc_tcorpus_free(&dc);
    }
    if (fo)
        fclose(fo);
    pc_arena_free(a);
    pc_tagger_free(t);
    pc_parser_free(p);
    free(files);
    free(deps);
    return rc;
}
