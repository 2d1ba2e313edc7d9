/* main.c -- `petrarch COMMAND ...`: dispatch, --version, help. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "petrarch.h"
#include "text_cmd.h"

const char *pc_prog = "petrarch";

/* Model training and evaluation (cli/cmd_train.c, cli/cmd_eval_models.c). */
int cmd_train(int argc, char **argv);
void usage_train(FILE *f);
int cmd_eval_tagger(int argc, char **argv);
int cmd_eval_parser(int argc, char **argv);
int cmd_convert_deps(int argc, char **argv);

/* Dictionary quality (cli/cmd_validate.c, cli/cmd_check_dicts.c). */
int cmd_validate(int argc, char **argv);
void usage_validate(FILE *f);
int cmd_check_dicts(int argc, char **argv);
void usage_check_dicts(FILE *f);

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s batch -i INPUT [INPUT...] -o OUTPUT [-c CONFIG] [--out evts|jsonl|phoenix] [-v]\n"
            "       %s code FILE... [-o OUT] [--date YYYYMMDD]   (raw text; see: help code)\n"
            "       %s parse FILE... [-o OUT] [--date YYYYMMDD]  (raw text to PETRARCH XML)\n"
            "       %s validate RECORDS.xml [OPTIONS]   (see: help validate)\n"
            "       %s check-dicts [CONFIG] [OPTIONS]   (see: help check-dicts)\n"
            "       %s train tagger|parser -o MODEL FILE...   (see: help train)\n"
            "       %s eval-tagger MODEL FILE.conllu... | eval-parser MODEL [--tagger T] FILE.ptb...\n"
            "       %s convert-deps MODEL FILE.conllu...   (dependency trees to PTB trees)\n"
            "       %s --version\n"
            "       %s help [batch]\n"
            "\n"
            "Codes political events (CAMEO) from Penn Treebank parses in PETRARCH XML,\n"
            "with the output of PETRARCH2 %s.\n",
            pc_prog, pc_prog, pc_prog, pc_prog, pc_prog, pc_prog, pc_prog, pc_prog, pc_prog,
            pc_prog, PC_PETRARCH2_VERSION);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "batch") == 0)
        return cmd_batch(argc - 1, argv + 1);
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "parse") == 0)
        return cmd_parse(argc - 1, argv + 1);
    if (strcmp(cmd, "train") == 0)
        return cmd_train(argc - 1, argv + 1);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (strcmp(cmd, "check-dicts") == 0)
        return cmd_check_dicts(argc - 1, argv + 1);
    if (strcmp(cmd, "eval-tagger") == 0)
        return cmd_eval_tagger(argc - 1, argv + 1);
    if (strcmp(cmd, "eval-parser") == 0)
        return cmd_eval_parser(argc - 1, argv + 1);
    if (strcmp(cmd, "convert-deps") == 0)
        return cmd_convert_deps(argc - 1, argv + 1);
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        printf("%s %s (PETRARCH2 %s event coder)\n", pc_prog, PC_VERSION, PC_PETRARCH2_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        if (argc > 2 && strcmp(argv[2], "batch") == 0)
            usage_batch(stdout);
        else if (argc > 2 && strcmp(argv[2], "code") == 0)
            usage_code(stdout);
        else if (argc > 2 && strcmp(argv[2], "parse") == 0)
            usage_parse(stdout);
        else if (argc > 2 && strcmp(argv[2], "validate") == 0)
            usage_validate(stdout);
        else if (argc > 2 && strcmp(argv[2], "check-dicts") == 0)
            usage_check_dicts(stdout);
        else if (argc > 2 && strcmp(argv[2], "train") == 0)
            usage_train(stdout);
        else {
            usage(stdout);
            printf("\nRun '%s help batch' for the options of batch.\n", pc_prog);
        }
        return EXIT_OK;
    }
    if (strcmp(cmd, "-na") == 0 || strcmp(cmd, "-nv") == 0 ||
        strcmp(cmd, "--nullactors") == 0 || strcmp(cmd, "--nullverbs") == 0) {
        fprintf(stderr, "%s: '%s' (a PETRARCH2 mode) is not supported; see '%s help'\n",
                pc_prog, cmd, pc_prog);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s: unknown command '%s'\n", pc_prog, cmd);
    usage(stderr);
    return EXIT_USAGE;
}
