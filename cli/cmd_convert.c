/* cmd_convert.c -- `petrarch convert-deps`: CoNLL-U dependency trees to PTB
 * constituency trees, by a dependency-guided parser model (`train parser
 * --deps`).  This is how the UD treebanks without constituency trees (EWT)
 * become training trees for the parser (models/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nlp/conllu.h"
#include "nlp/parser.h"

int cmd_convert_deps(int argc, char **argv);

static void usage_convert(FILE *f)
{
    fprintf(f,
            "usage: %s convert-deps MODEL [-o OUT.ptb] [--beam K] FILE.conllu...\n"
            "  MODEL: a parser trained with --deps; writes one PTB tree per line, a\n"
            "  sentence's words and XPOS tags as the leaves\n",
            pc_prog);
}

/* w as a PTB leaf, the way GUM's trees spell it: each '(' as -LRB-, each ')'
 * as -RRB- (a bracket in a leaf would end the tree). */
static const char *ptb_word(pc_arena *a, const char *w)
{
    size_t n = 0, k = 0;
    for (const char *p = w; *p; p++)
        n += *p == '(' || *p == ')' ? 5 : 1;
    if (n == strlen(w))
        return w;
    char *r = pc_arena_alloc(a, n + 1);
    if (!r)
        return NULL;
    for (const char *p = w; *p; p++) {
        const char *e = *p == '(' ? "-LRB-" : *p == ')' ? "-RRB-" : NULL;
        if (e) {
            memcpy(r + k, e, 5);
            k += 5;
        } else {
            r[k++] = *p;
        }
    }
    r[k] = '\0';
    return r;
}

/* Convert one file's sentences to out; returns the number that failed. */
static long convert_file(const pc_parser *p, const char *path, int beam, FILE *out, long *done,
                         int *fatal)
{
    pc_tcorpus c = {0};
    pc_error err = {0};
    if (pc_conllu_read(&c, path, &err) != PC_OK) {
        report_error(path, &err);
        pc_tcorpus_free(&c);
        *fatal = 1;
        return 0;
    }
    pc_arena *a = pc_arena_new(1 << 20);
    long failed = 0;
    for (size_t i = 0; a && i < c.n; i++) {
        pc_arena_reset(a);
        const pc_tsent *s = &c.s[i];
        pc_pdeps d = {s->head, s->rel};
        const char **w = pc_arena_alloc(a, (s->n + 1) * sizeof *w);
        int ok = w != NULL;
        for (size_t j = 0; ok && j < s->n; j++)
            ok = (w[j] = ptb_word(a, s->word[j])) != NULL;
        char *tree = ok ? pc_parser_parse_deps(p, w, s->tag, &d, s->n, beam, a, &err) : NULL;
        if (!ok)
            snprintf(err.message, sizeof err.message, "out of memory");
        if (!tree) {
            fprintf(stderr, "%s: %s: sentence %zu: %s\n", pc_prog, path, i + 1, err.message);
            failed++;
            continue;
        }
        fprintf(out, "%s\n", tree);
        (*done)++;
    }
    if (!a) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        *fatal = 1;
    }
    pc_arena_free(a);
    pc_tcorpus_free(&c);
    return failed;
}

int cmd_convert_deps(int argc, char **argv)
{
    const char *model = NULL, *out = NULL;
    int beam = 1, nfiles = 0;
    char **files = calloc((size_t)argc, sizeof *files);
    if (!files)
        return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--beam") && i + 1 < argc)
            beam = atoi(argv[++i]);
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "%s: convert-deps: unknown or incomplete option '%s'\n", pc_prog,
                    argv[i]);
            nfiles = -1;
            break;
        } else if (!model)
            model = argv[i];
        else
            files[nfiles++] = argv[i];
    }
    if (!model || nfiles <= 0) {
        usage_convert(stderr);
        free(files);
        return EXIT_USAGE;
    }
    pc_error err = {0};
    pc_parser *p = pc_parser_load(model, &err);
    if (p && !pc_parser_guided(p)) {
        fprintf(stderr, "%s: %s: not a dependency-guided model (train parser --deps)\n",
                pc_prog, model);
        pc_parser_free(p);
        free(files);
        return EXIT_USAGE;
    }
    if (!p) {
        report_error(model, &err);
        free(files);
        return EXIT_FATAL;
    }
    FILE *fo = out ? fopen(out, "w") : stdout;
    int fatal = !fo;
    long done = 0, failed = 0;
    if (!fo)
        fprintf(stderr, "%s: cannot write %s\n", pc_prog, out);
    for (int i = 0; fo && i < nfiles; i++)
        failed += convert_file(p, files[i], beam, fo, &done, &fatal);
    if (fo && fo != stdout && fclose(fo) != 0) {
        fprintf(stderr, "%s: cannot write %s\n", pc_prog, out);
        fatal = 1;
    }
    fprintf(stderr, "%s: convert-deps: %ld trees written, %ld sentences failed\n", pc_prog, done,
            failed);
    pc_parser_free(p);
    free(files);
    return fatal ? EXIT_FATAL : failed ? EXIT_REJECTED : EXIT_OK;
}
