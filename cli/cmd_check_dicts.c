/* cmd_check_dicts.c -- `petrarch check-dicts [CONFIG]`: lint every
 * dictionary a config names (or the files given with --verbs, --actors, ...)
 * and print each finding as FILE:LINE: SEVERITY: MESSAGE [CHECK], then a
 * summary by file and by check (src/lint/lint.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lint/lint.h"
#include "petrarch.h"

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

void usage_check_dicts(FILE *f)
{
    fprintf(f,
            "usage: %s check-dicts [CONFIG] [--summary] [--errors-only]\n"
            "       %s check-dicts --verbs FILE | --actors FILE... | --agents FILE |\n"
            "                          --discards FILE | --issues FILE  [--summary] [--errors-only]\n"
            "\n"
            "Lints every dictionary CONFIG names (default: the bundled PETR_config.ini,\n"
            "data dir %s), or only the files given: lines PETRARCH2 cannot read or\n"
            "drops, event codes outside CAMEO, malformed actor and agent codes, bad or\n"
            "impossible date restrictions (unreadable, reversed, overlapping, far future),\n"
            "duplicate entries with conflicting codes, patterns that can never be loaded or\n"
            "match, synonym sets used but not defined.  Each finding is printed as\n"
            "FILE:LINE: error|warning: MESSAGE [CHECK], then a summary.\n"
            "\n"
            "  --summary      print only the summary\n"
            "  --errors-only  print only the errors (and the summary)\n"
            "\n"
            "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error,\n"
            "3 a config or dictionary file could not be read.\n",
            pc_prog, pc_prog, PC_DATA_DIR);
}

typedef struct file_arg {
    const char *kind;
    const char *path;
} file_arg;

static pc_status lint_one(pc_lint *l, const file_arg *f, pc_error *err)
{
    if (strcmp(f->kind, "verbs") == 0)
        return pc_lint_verbs(l, f->path, err);
    if (strcmp(f->kind, "actors") == 0)
        return pc_lint_actors(l, f->path, err);
    if (strcmp(f->kind, "agents") == 0)
        return pc_lint_agents(l, f->path, err);
    if (strcmp(f->kind, "discards") == 0)
        return pc_lint_discards(l, f->path, err);
    return pc_lint_issues(l, f->path, err);
}

int cmd_check_dicts(int argc, char **argv)
{
    static const char *const kinds[] = {"verbs", "actors", "agents", "discards", "issues"};
    const char *config = NULL;
    int summary_only = 0, errors_only = 0;
    file_arg *files = calloc((size_t)argc, sizeof *files);
    size_t nfiles = 0;
    int rc = EXIT_USAGE;
    pc_config *cfg = NULL;
    pc_lint *l = NULL;
    if (!files) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return EXIT_FATAL;
    }
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        int k = -1;
        for (int j = 0; j < 5; j++)
            if (strncmp(s, "--", 2) == 0 && strcmp(s + 2, kinds[j]) == 0)
                k = j;
        if (k >= 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: check-dicts: %s needs a file\n", pc_prog, s);
                goto done;
            }
            files[nfiles].kind = kinds[k];
            files[nfiles++].path = argv[++i];
        } else if (strcmp(s, "--summary") == 0) {
            summary_only = 1;
        } else if (strcmp(s, "--errors-only") == 0) {
            errors_only = 1;
        } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            usage_check_dicts(stdout);
            rc = EXIT_OK;
            goto done;
        } else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "%s: check-dicts: unknown option %s\n", pc_prog, s);
            usage_check_dicts(stderr);
            goto done;
        } else if (config) {
            fprintf(stderr, "%s: check-dicts: one config only (%s, %s)\n", pc_prog, config, s);
            goto done;
        } else {
            config = s;
        }
    }
    if (config && nfiles) {
        fprintf(stderr, "%s: check-dicts: give a config or dictionary files, not both\n",
                pc_prog);
        goto done;
    }
    rc = EXIT_FATAL;
    pc_error err;
    if (!(l = pc_lint_new())) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        goto done;
    }
    pc_status st;
    if (nfiles) {
        st = PC_OK;
        for (size_t i = 0; st == PC_OK && i < nfiles; i++)
            st = lint_one(l, &files[i], &err);
    } else {
        const char *env = getenv("PETRARCH_DATA");
        const char *data = env && *env ? env : PC_DATA_DIR;
        char *def = NULL;
        if (!config) {
            size_t n = strlen(data) + 32;
            if (!(def = malloc(n))) {
                fprintf(stderr, "%s: out of memory\n", pc_prog);
                goto done;
            }
            snprintf(def, n, "%s/PETR_config.ini", data);
        }
        cfg = pc_config_load(config ? config : def, data, &err);
        free(def);
        st = cfg ? pc_lint_config(l, cfg, &err) : err.code;
    }
    if (st != PC_OK) {
        fprintf(stderr, "%s: fatal: %s\n", err.file[0] ? err.file : pc_prog, err.message);
        goto done;
    }
    pc_lint_finish(l);
    if (!summary_only)
        pc_lint_print(stdout, l, errors_only);
    if (!summary_only && l->n)
        putchar('\n');
    pc_lint_print_summary(stdout, l);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: error writing the report\n", pc_prog);
        goto done;
    }
    rc = pc_lint_count(l, PC_LINT_ERROR) ? EXIT_REJECTED : EXIT_OK;
done:
    pc_lint_free(l);
    pc_config_free(cfg);
    free(files);
    return rc;
}
