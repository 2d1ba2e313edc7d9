/* text_cmd.h -- the raw-text commands (`petrarch code`, `petrarch parse`)
 * and what they share (cli/text_common.c): options, reading the files,
 * story ids and dates, the models. */
#ifndef PC_CLI_TEXT_CMD_H
#define PC_CLI_TEXT_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "nlp/nlp.h"

int cmd_code(int argc, char **argv);
void usage_code(FILE *f);
int cmd_parse(int argc, char **argv);
void usage_parse(FILE *f);

typedef struct text_args {
    const char **files;   /* FILE... ("-" = standard input) */
    size_t n_files;
    const char *out;      /* -o, NULL = standard output */
    const char *config;   /* -c (code only) */
    const char *models;   /* --models DIR */
    const char *source;   /* --source NAME */
    char date[9];         /* --date, "" if none */
    int beam;             /* --beam K, 0 = default */
    int tokens;           /* --tokens (parse only): sentences and tokens, no models */
    int verbose;
} text_args;

/* Parse argv (argv[0] is the command).  is_code: accept -c; else --tokens.
 * Returns 0, -1 after printing help (exit 0), or an exit code. */
int text_args_parse(int argc, char **argv, int is_code, void (*usage)(FILE *), text_args *a);
void text_args_free(text_args *a);

/* --models, else $PETRARCH_DATA/../models, else the compiled-in
 * PC_MODEL_DIR.  NULL (after printing why) if the models cannot be loaded. */
pc_nlp *text_load_models(const text_args *a);

/* One input file, read and run through the pipeline. */
typedef struct text_story {
    const char *path;     /* as given ("-" for standard input) */
    const char *name;     /* for messages: the path or "<stdin>" */
    char id[128];         /* story id: the file name without its extension */
    char date[9];         /* --date, else the file's date header */
    const char *source;   /* --source, else the dateline's agency, else "NULL" */
    const char *text;     /* the file's bytes */
    size_t len;
    const pc_nlp_doc *doc;
    pc_arena *arena;      /* holds doc; reset before the next story */
} text_story;

/* Read each file, run nlp over it (segment only if nlp is NULL) and call fn.
 * Stories without a date are reported and skipped (*rejected counts them).
 * fn returns 0, or -1 to stop.  Returns 0, or -1 on a fatal error (a file
 * cannot be read, out of memory, fn stopped), after printing why. */
int text_each(const text_args *a, const pc_nlp *nlp, int (*fn)(void *ud, const text_story *s),
              void *ud, long *rejected);

/* Print a sentence-level problem as FILE: record ID_N: MESSAGE. */
void text_sentence_diag(const text_story *s, size_t sent, const char *kind, const char *msg);

#endif
