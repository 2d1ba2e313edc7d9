/* text_common.c -- what `petrarch code` and `petrarch parse` share: their
 * options, reading the input files, story ids, dates and sources, loading
 * the models (see text_cmd.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nlp/dateline.h"
#include "text_cmd.h"

#ifndef PC_MODEL_DIR
#define PC_MODEL_DIR "models"
#endif

#define MAX_INPUT (64u << 20) /* bytes of one article file */

/* "--name=value", "--name value", "-x value" (opt() matched): the value, or
 * "" after printing that it is missing */
static const char *value_of(int argc, char **argv, int *i, const char *l)
{
    const char *a = argv[*i];
    size_t n = strlen(l);
    if (strncmp(a, l, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a value\n", pc_prog, a);
        return "";
    }
    return argv[++*i];
}

static int opt(const char *a, const char *s, const char *l)
{
    size_t n = strlen(l);
    return (s && strcmp(a, s) == 0) || strcmp(a, l) == 0 || (strncmp(a, l, n) == 0 && a[n] == '=');
}

int text_args_parse(int argc, char **argv, int is_code, void (*usage)(FILE *), text_args *a)
{
    memset(a, 0, sizeof *a);
    a->files = calloc((size_t)argc, sizeof *a->files);
    if (!a->files) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return EXIT_FATAL;
    }
    int stdin_used = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i], *v;
        if (opt(s, "-o", "--output")) {
            if (!*(v = value_of(argc, argv, &i, "--output")))
                return EXIT_USAGE;
            a->out = v;
        } else if (is_code && opt(s, "-c", "--config")) {
            if (!*(v = value_of(argc, argv, &i, "--config")))
                return EXIT_USAGE;
            a->config = v;
        } else if (opt(s, NULL, "--models")) {
            if (!*(v = value_of(argc, argv, &i, "--models")))
                return EXIT_USAGE;
            a->models = v;
        } else if (opt(s, NULL, "--source")) {
            if (!*(v = value_of(argc, argv, &i, "--source")))
                return EXIT_USAGE;
            a->source = v;
        } else if (opt(s, NULL, "--date")) {
            if (!*(v = value_of(argc, argv, &i, "--date")))
                return EXIT_USAGE;
            if (!pc_date_header(v, strlen(v), a->date)) {
                fprintf(stderr, "%s: --date %s: give YYYYMMDD or YYYY-MM-DD\n", pc_prog, v);
                return EXIT_USAGE;
            }
        } else if (opt(s, NULL, "--beam")) {
            if (!*(v = value_of(argc, argv, &i, "--beam")))
                return EXIT_USAGE;
            char *end;
            long k = strtol(v, &end, 10);
            if (*end || k < 1 || k > 64) {
                fprintf(stderr, "%s: --beam %s: give a number from 1 to 64\n", pc_prog, v);
                return EXIT_USAGE;
            }
            a->beam = (int)k;
        } else if (!is_code && strcmp(s, "--tokens") == 0) {
            a->tokens = 1;
        } else if (strcmp(s, "-v") == 0 || strcmp(s, "--verbose") == 0) {
            a->verbose = 1;
        } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            usage(stdout);
            return -1;
        } else if (s[0] == '-' && s[1] != '\0') {
            fprintf(stderr, "%s: unknown option %s\n", pc_prog, s);
            usage(stderr);
            return EXIT_USAGE;
        } else {
            if (strcmp(s, "-") == 0 && stdin_used++) {
                fprintf(stderr, "%s: standard input (-) given twice\n", pc_prog);
                return EXIT_USAGE;
            }
            a->files[a->n_files++] = s;
        }
    }
    if (a->n_files == 0) {
        fprintf(stderr, "%s: no input: give one or more text files (- for standard input)\n",
                pc_prog);
        usage(stderr);
        return EXIT_USAGE;
    }
    return 0;
}

void text_args_free(text_args *a)
{
    free(a->files);
    a->files = NULL;
}

pc_nlp *text_load_models(const text_args *a)
{
    char buf[4096];
    const char *dir = a->models;
    const char *env = getenv("PETRARCH_DATA");
    if (!dir && env && *env) {
        snprintf(buf, sizeof buf, "%s/../models", env);
        dir = buf;
    }
    if (!dir)
        dir = PC_MODEL_DIR;
    pc_error err;
    pc_nlp *nlp = pc_nlp_load(dir, a->beam > 0 ? a->beam : PC_NLP_DEFAULT_BEAM, &err);
    if (!nlp)
        fprintf(stderr, "%s: cannot load the tagger and parser from %s: %s\n", pc_prog, dir,
                err.message);
    return nlp;
}

/* The whole file (NUL-terminated), or NULL after printing why. */
static char *read_all(const char *path, size_t *len)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot read %s: %s\n", pc_prog, path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || n >= MAX_INPUT)
            break;
        char *nb = realloc(buf, cap * 2 + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(f) || n >= MAX_INPUT;
    if (bad)
        fprintf(stderr, "%s: cannot read %s: %s\n", pc_prog, path,
                !buf ? "out of memory" : n >= MAX_INPUT ? "larger than 64 MiB" : strerror(errno));
    if (!is_stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The file name without directories and extension; characters outside
 * [A-Za-z0-9.-] become '-' ('_' too: PETRARCH ids are STORY_SENT). */
static void story_id(const char *path, char *id, size_t cap)
{
    if (strcmp(path, "-") == 0) {
        snprintf(id, cap, "stdin");
        return;
    }
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot > b ? (size_t)(dot - b) : strlen(b);
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++) {
        char c = b[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-';
        id[i] = ok ? c : '-';
    }
    id[n] = '\0';
    if (n == 0)
        snprintf(id, cap, "story");
}

void text_sentence_diag(const text_story *s, size_t sent, const char *kind, const char *msg)
{
    fprintf(stderr, "%s: record %s_%zu: %s%s\n", s->name, s->id, sent, kind, msg);
}

static void report_doc(const text_args *a, const text_story *s)
{
    const pc_nlp_doc *d = s->doc;
    if (d->invalid_bytes)
        fprintf(stderr, "%s: warning: %zu invalid UTF-8 byte%s replaced by U+FFFD (the first at "
                        "byte %zu)\n",
                s->name, d->invalid_bytes, d->invalid_bytes == 1 ? "" : "s", d->first_invalid);
    if (d->n_cut)
        fprintf(stderr, "%s: warning: %zu sentence%s longer than %d tokens cut into pieces\n",
                s->name, d->n_cut, d->n_cut == 1 ? "" : "s", PC_NLP_MAX_TOKENS);
    if (a->verbose) {
        for (size_t i = 0; i < d->n_skipped; i++) {
            const pc_nlp_skipped *k = &d->skipped[i];
            fprintf(stderr, "%s: skipped %s: %.*s\n", s->name, pc_skip_kind_name(k->kind),
                    (int)(k->end - k->start), s->text + k->start);
        }
        fprintf(stderr, "%s: story %s: %zu sentences, date %s, source %s\n", s->name, s->id,
                d->n_sents, s->date, s->source);
    }
}

int text_each(const text_args *a, const pc_nlp *nlp, int (*fn)(void *ud, const text_story *s),
              void *ud, long *rejected)
{
    pc_arena *arena = pc_arena_new(0);
    if (!arena) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < a->n_files && rc == 0; i++) {
        text_story s;
        memset(&s, 0, sizeof s);
        s.path = a->files[i];
        s.name = strcmp(s.path, "-") == 0 ? "<stdin>" : s.path;
        char *text = read_all(s.path, &s.len);
        if (!text) {
            rc = -1;
            break;
        }
        s.text = text;
        story_id(s.path, s.id, sizeof s.id);
        pc_arena_reset(arena);
        pc_nlp_doc doc;
        pc_error err;
        int r = nlp ? pc_nlp_process(nlp, text, s.len, a->beam, arena, &doc, &err)
                    : pc_nlp_segment(text, s.len, arena, &doc, &err);
        if (r < 0) {
            fprintf(stderr, "%s: %s\n", s.name, err.message);
            rc = -1;
        } else {
            s.doc = &doc;
            s.arena = arena;
            memcpy(s.date, a->date[0] ? a->date : doc.date, sizeof s.date);
            s.source = a->source ? a->source : doc.agency ? doc.agency : "NULL";
            report_doc(a, &s);
            if (!s.date[0]) {
                fprintf(stderr,
                        "%s: error: no date: give --date YYYYMMDD or begin the file with a "
                        "line 'Date: YYYY-MM-DD'; story skipped\n",
                        s.name);
                ++*rejected;
            } else if (fn(ud, &s) < 0) {
                rc = -1;
            }
        }
        free(text);
    }
    pc_arena_free(arena);
    return rc;
}
