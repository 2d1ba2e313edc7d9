/* main.c -- `petrarch COMMAND ...`: dispatch, --version, help. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "petrarch.h"

const char *pc_prog = "petrarch";

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s batch -i INPUT [INPUT...] -o OUTPUT [-c CONFIG] [-v]\n"
            "       %s --version\n"
            "       %s help [batch]\n"
            "\n"
            "Codes political events (CAMEO) from Penn Treebank parses in PETRARCH XML,\n"
            "with the output of PETRARCH2 %s.\n",
            pc_prog, pc_prog, pc_prog, PC_PETRARCH2_VERSION);
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
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        printf("%s %s (PETRARCH2 %s event coder)\n", pc_prog, PC_VERSION, PC_PETRARCH2_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        if (argc > 2 && strcmp(argv[2], "batch") == 0)
            usage_batch(stdout);
        else {
            usage(stdout);
            printf("\nRun '%s help batch' for the options of batch.\n", pc_prog);
        }
        return EXIT_OK;
    }
    if (strcmp(cmd, "parse") == 0 || strcmp(cmd, "-na") == 0 || strcmp(cmd, "-nv") == 0 ||
        strcmp(cmd, "--nullactors") == 0 || strcmp(cmd, "--nullverbs") == 0) {
        fprintf(stderr, "%s: '%s' (a PETRARCH2 mode) is not supported; see '%s help'\n",
                pc_prog, cmd, pc_prog);
        return EXIT_USAGE;
    }
    fprintf(stderr, "%s: unknown command '%s'\n", pc_prog, cmd);
    usage(stderr);
    return EXIT_USAGE;
}
