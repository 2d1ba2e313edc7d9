/* cmd_train.c -- `petrarch train tagger|parser`: train the part-of-speech
 * tagger from CoNLL-U files (XPOS) or the constituency parser from PTB tree
 * files, and write the model file.  Any number of files; .gz is read too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "nlp/augment.h"
#include "nlp/conllu.h"
#include "nlp/fold.h"
#include "nlp/parser.h"
#include "nlp/ptb_read.h"
#include "nlp/tagger.h"

int cmd_train(int argc, char **argv);
void usage_train(FILE *f);

void usage_train(FILE *f)
{
    fprintf(f,
            "usage: %s train tagger -o MODEL [--epochs N] [--seed S] [--actors FILE]... "
            "[--fold K/N] [--average K] FILE.conllu...\n"
            "       %s train parser -o MODEL [--epochs N] [--seed S] [--beam K] [--explore E] "
            "[--tagger MODEL]... [--augment-coord N] [--augment-report N] [--deps FILE.conllu]... "
            "FILE.ptb...\n"
            "\n"
            "tagger: trains on the FORM and XPOS columns; --actors adds a PETRARCH actor\n"
            "        dictionary's name words to the name-list feature (repeatable).\n"
            "        --average K trains each pass K times (other shuffles) and averages\n"
            "        the weights into one model (K times the training time).\n"
            "parser: trains on PTB trees (function tags are stripped): greedy weights, and with\n"
            "        --beam K > 1 beam weights too (beam search, max-violation update).\n"
            "        --explore E: from epoch E on, greedy training follows its own actions,\n"
            "        corrected by a dynamic oracle (default: the gold actions throughout).\n"
            "        --tagger tags the training trees with that model instead of using\n"
            "        their gold tags.\n"
            "        --augment-coord N adds N trees whose subject became a coordination\n"
            "        (\"A, B and <subject> ...\") of proper-name subjects of other trees.\n"
            "        --augment-report N adds N trees of a sentence followed by a reporter\n"
            "        (\"<sentence>, the ministry said.\", inverted or quoted too).\n"
            "        --deps gives the dependency trees of the same sentences (CoNLL-U, in\n"
            "        the order of the trees): the model then converts dependency trees to\n"
            "        constituents (petrarch convert-deps) instead of parsing words.\n"
            "jackknifing: `train tagger --fold K/N` leaves out the sentences of fold K of N;\n"
            "        `train parser` with N --tagger models tags each tree with the model of\n"
            "        its fold (the first for fold 0, ...), so that training tags are as\n"
            "        wrong as tags of new text.  A sentence's fold depends on its words only.\n"
            "both:   --prune W drops averaged weights below W from the model (smaller,\n"
            "        faster to load; default 0.02 tagger, 0.05 parser).\n",
            pc_prog, pc_prog);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(void *ud, int epoch, double acc)
{
    double *t0 = ud;
    fprintf(stderr, "%s: epoch %d: training accuracy %.2f%% (%.1f s)\n", pc_prog, epoch,
            100 * acc, now_s() - *t0);
}

typedef struct targs {
    const char *out;
    const char **taggers;
    size_t n_taggers;
    unsigned fold, nfolds;  /* --fold K/N: leave fold K out (nfolds 0: none) */
    int epochs, beam, explore;
    int average;            /* --average K: weights of K trainings averaged */
    long augment_coord;     /* --augment-coord N: coordinated-subject trees added */
    long augment_report;    /* --augment-report N: reported-speech trees added */
    unsigned seed;
    double prune;
    const char **actors;
    size_t n_actors;
    const char **files;
    size_t n_files;
    const char **deps;      /* --deps: CoNLL-U files of the trees' dependency trees */
    size_t n_deps;
} targs;

static int parse_args(int argc, char **argv, targs *a)
{
    for (int i = 2; i < argc; i++) {
        const char *s = argv[i];
        int has = i + 1 < argc;
        if (!strcmp(s, "-o") && has)
            a->out = argv[++i];
        else if (!strcmp(s, "--epochs") && has)
            a->epochs = atoi(argv[++i]);
        else if (!strcmp(s, "--seed") && has)
            a->seed = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(s, "--beam") && has)
            a->beam = atoi(argv[++i]);
        else if (!strcmp(s, "--explore") && has)
            a->explore = atoi(argv[++i]);
        else if (!strcmp(s, "--average") && has)
            a->average = atoi(argv[++i]);
        else if (!strcmp(s, "--augment-coord") && has)
            a->augment_coord = atol(argv[++i]);
        else if (!strcmp(s, "--augment-report") && has)
            a->augment_report = atol(argv[++i]);
        else if (!strcmp(s, "--prune") && has)
            a->prune = atof(argv[++i]);
        else if (!strcmp(s, "--tagger") && has) {
            if (a->n_taggers == PC_PARSER_MAX_FOLDS) {
                fprintf(stderr, "%s: train parser: at most %d --tagger models\n", pc_prog,
                        PC_PARSER_MAX_FOLDS);
                return -1;
            }
            a->taggers[a->n_taggers++] = argv[++i];
        }
        else if (!strcmp(s, "--fold") && has) {
            unsigned k, n;
            char c;
            if (sscanf(argv[++i], "%u/%u%c", &k, &n, &c) != 2 || n < 2 ||
                n > PC_PARSER_MAX_FOLDS || k >= n) {
                fprintf(stderr, "%s: train: --fold K/N with 2 <= N <= %d, 0 <= K < N\n",
                        pc_prog, PC_PARSER_MAX_FOLDS);
                return -1;
            }
            a->fold = k;
            a->nfolds = n;
        }
        else if (!strcmp(s, "--deps") && has)
            a->deps[a->n_deps++] = argv[++i];
        else if (!strcmp(s, "--actors") && has)
            a->actors[a->n_actors++] = argv[++i];
        else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "%s: train: unknown or incomplete option '%s'\n", pc_prog, s);
            return -1;
        } else
            a->files[a->n_files++] = s;
    }
    if (!a->out || a->n_files == 0) {
        fprintf(stderr, "%s: train: give -o MODEL and at least one training file\n", pc_prog);
        return -1;
    }
    if (a->epochs < 0 || a->epochs > 1000 || a->beam < 0 || a->beam > 256 || a->explore < 0 ||
        a->explore > 1000 || a->augment_coord < 0 || a->augment_coord > 1000000 ||
        a->augment_report < 0 || a->augment_report > 1000000 ||
        a->average < 0 || a->average > 64) {
        fprintf(stderr,
                "%s: train: --epochs 0..1000, --beam 1..256, --explore 1..1000, "
                "--augment-coord and --augment-report 0..1000000, --average 1..64\n",
                pc_prog);
        return -1;
    }
    return 0;
}

static int train_tagger(targs *a)
{
    pc_tcorpus c = {0};
    pc_error err = {0};
    double t0 = now_s();
    for (size_t i = 0; i < a->n_files; i++)
        if (pc_conllu_read(&c, a->files[i], &err) != PC_OK) {
            report_error("train", &err);
            pc_tcorpus_free(&c);
            return EXIT_FATAL;
        }
    if (a->nfolds) {
        /* leave fold K out: keep the other sentences, in order */
        size_t kept = 0;
        for (size_t i = 0; i < c.n; i++)
            if (pc_fold_of(c.s[i].word, c.s[i].n, a->nfolds) != a->fold)
                c.s[kept++] = c.s[i];
        fprintf(stderr, "%s: fold %u/%u: %zu of %zu sentences left out\n", pc_prog, a->fold,
                a->nfolds, c.n - kept, c.n);
        c.n = kept;
    }
    size_t words = 0;
    for (size_t i = 0; i < c.n; i++)
        words += c.s[i].n;
    fprintf(stderr, "%s: training the tagger on %zu sentences, %zu words\n", pc_prog, c.n, words);
    pc_tagger_opts o = {a->epochs ? a->epochs : 8, a->seed, a->prune > 0 ? (float)a->prune : 0.02f,
                        a->actors, a->n_actors, progress, &t0, a->average};
    pc_tagger *t = pc_tagger_train(c.s, c.n, &o, &err);
    pc_tcorpus_free(&c);
    if (!t || pc_tagger_save(t, a->out, &err) != PC_OK) {
        report_error("train tagger", &err);
        pc_tagger_free(t);
        return EXIT_FATAL;
    }
    pc_tagger_free(t);
    fprintf(stderr, "%s: wrote %s (%.1f s)\n", pc_prog, a->out, now_s() - t0);
    return EXIT_OK;
}

static int train_parser(targs *a)
{
    pc_treebank tb = {0};
    pc_error err = {0};
    double t0 = now_s();
    for (size_t i = 0; i < a->n_files; i++)
        if (pc_treebank_read(&tb, a->files[i], &err) != PC_OK) {
            report_error("train", &err);
            pc_treebank_free(&tb);
            return EXIT_FATAL;
        }
    pc_tcorpus deps = {0};
    for (size_t i = 0; i < a->n_deps; i++)
        if (pc_conllu_read(&deps, a->deps[i], &err) != PC_OK) {
            report_error("train", &err);
            pc_tcorpus_free(&deps);
            pc_treebank_free(&tb);
            return EXIT_FATAL;
        }
    if (a->n_deps && (deps.n != tb.n || a->augment_coord > 0 || a->augment_report > 0)) {
        fprintf(stderr, "%s: train parser: --deps needs one dependency tree per tree (%zu for "
                "%zu) and no --augment-*\n", pc_prog, deps.n, tb.n);
        pc_tcorpus_free(&deps);
        pc_treebank_free(&tb);
        return EXIT_USAGE;
    }
    size_t added = 0;
    if (a->augment_coord > 0 &&
        pc_treebank_augment_coord(&tb, (size_t)a->augment_coord, a->seed, &added, &err) != PC_OK) {
        report_error("train parser", &err);
        pc_treebank_free(&tb);
        return EXIT_FATAL;
    }
    if (added)
        fprintf(stderr, "%s: added %zu trees with coordinated subjects\n", pc_prog, added);
    added = 0;
    if (a->augment_report > 0 &&
        pc_treebank_augment_report(&tb, (size_t)a->augment_report, a->seed, &added, &err) !=
            PC_OK) {
        report_error("train parser", &err);
        pc_treebank_free(&tb);
        return EXIT_FATAL;
    }
    if (added)
        fprintf(stderr, "%s: added %zu trees with a reporter\n", pc_prog, added);
    fprintf(stderr, "%s: training the parser on %zu trees\n", pc_prog, tb.n);
    pc_parser_opts o = {0};
    o.epochs = a->epochs ? a->epochs : 10;
    o.beam = a->beam ? a->beam : 1;
    o.seed = a->seed;
    o.prune = a->prune > 0 ? (float)a->prune : 0.05f;
    o.tagger_paths = a->taggers;
    o.n_taggers = a->n_taggers;
    o.explore = a->explore;
    o.progress = progress;
    o.ud = &t0;
    o.deps = a->n_deps ? deps.s : NULL;
    pc_parser *p = pc_parser_train(tb.tree, tb.n, &o, &err);
    pc_treebank_free(&tb);
    pc_tcorpus_free(&deps);
    if (!p || pc_parser_save(p, a->out, &err) != PC_OK) {
        report_error("train parser", &err);
        pc_parser_free(p);
        return EXIT_FATAL;
    }
    pc_parser_free(p);
    fprintf(stderr, "%s: wrote %s (%.1f s)\n", pc_prog, a->out, now_s() - t0);
    return EXIT_OK;
}

int cmd_train(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "tagger") && strcmp(argv[1], "parser"))) {
        usage_train(stderr);
        return EXIT_USAGE;
    }
    targs a = {0};
    a.actors = calloc((size_t)argc, sizeof *a.actors);
    a.files = calloc((size_t)argc, sizeof *a.files);
    a.taggers = calloc((size_t)argc, sizeof *a.taggers);
    a.deps = calloc((size_t)argc, sizeof *a.deps);
    int rc = EXIT_USAGE;
    if (a.actors && a.files && a.taggers && a.deps && parse_args(argc, argv, &a) == 0)
        rc = !strcmp(argv[1], "tagger") ? train_tagger(&a) : train_parser(&a);
    free(a.actors);
    free(a.files);
    free(a.taggers);
    free(a.deps);
    return rc;
}
