/* cmd_batch.c -- `petrarch batch`: read the inputs (PETRARCH XML, JSON
 * Lines, text; plain or gzip), code every story, write the events (evts as
 * PETRARCH2's `petrarch2 batch` does, JSON Lines or Phoenix TSV).  Every
 * record read is accounted for: coded, discarded or rejected (tally.c). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "batch_jobs.h"
#include "cli.h"
#include "io/raw_text.h"
#include "io/record_check.h"
#include "petrarch.h"
#include "story/dup_ids.h"
#include "story/parallel.h"
#include "story/story_store.h"
#include "text_cmd.h"
#include "util/error.h"

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

typedef struct run {
    pc_coder *coder;
    tally t;
    emitter em;
    int fatal;
    pc_story_store *store;   /* NULL in --stream mode */
    pc_arena *a;             /* per story coded: renamed ids */
    pc_arena *raw;           /* per story read: the raw-text path's sentences */
    const char *models;      /* --models */
    pc_nlp *nlp;             /* loaded when the first text-only sentence comes */
    int nlp_tried;
    batch_jobs *jobs;        /* -j N > 1: stories coded on N threads */
    int dup_replace;         /* --dup-ids replace: PETRARCH2's last-one-wins */
} run;

void usage_batch(FILE *f)
{
    fprintf(f,
            "usage: %s batch -i INPUT [INPUT...] -o OUTPUT [-c CONFIG] [OPTIONS]\n"
            "\n"
            "  -i, --inputs INPUT   an input file: PETRARCH XML, JSON Lines or text, plain or\n"
            "                       gzip-compressed; a directory (its *.xml, *.jsonl and\n"
            "                       *.ndjson files, .gz too; *.txt with --in text; sorted);\n"
            "                       - for standard input.  May be repeated\n"
            "  --in FORMAT          auto (default: from each file's first bytes), xml,\n"
            "                       jsonl or text (one story per file)\n"
            "  -o, --outputs OUTPUT the output file, written as OUTPUT exactly (PETRARCH2\n"
            "                       writes evts.OUTPUT) when the run ends; - for stdout\n"
            "  --out FORMAT         evts (default: PETRARCH2's events file), jsonl (one JSON\n"
            "                       object per event) or phoenix (the 26-column Phoenix TSV)\n"
            "  --header             phoenix: start with a row of column names\n"
            "  --one-a-day          one event per (date, source, target, code) across\n"
            "                       stories, their ids, sources and issues merged\n"
            "  -c, --config CONFIG  a PETR_config.ini (default: the bundled one,\n"
            "                       $PETRARCH_DATA/PETR_config.ini, data dir %s)\n"
            "  -j, --jobs N         code on N threads (same output as -j 1; default 1)\n"
            "  --dup-ids keep|replace  a sentence id that repeats in its story: keep both,\n"
            "                       the later renamed SENTdup2 (default), or let the later\n"
            "                       replace the earlier exactly as PETRARCH2 does\n"
            "  --stream             code each story as it is read, in input order, in\n"
            "                       constant memory (default: read everything, merge\n"
            "                       stories by id and code them sorted by id, as\n"
            "                       PETRARCH2 does -- its results can depend on that order)\n"
            "  --actors FILE        an overlay actor dictionary, read after the config's:\n"
            "                       its entries replace the codes of the phrases they\n"
            "                       name (README \"Current actors\"); may be repeated\n"
            "  --agents FILE        an agent dictionary read after the config's; may be\n"
            "                       repeated\n"
            "  --date DATE          the story date of text files without a date line\n"
            "                       (YYYY-MM-DD or YYYYMMDD)\n"
            "  --source NAME        the news source of text files\n"
            "  --models DIR         tagger and parser for text without parses (default:\n"
            "                       $PETRARCH_DATA/../models or the build's models/)\n"
            "  --report FILE        the counts and every problem as JSON (README \"Report\")\n"
            "  -q, --quiet          no progress line, no summary\n"
            "  -v, --verbose        show every dictionary warning and discarded sentence\n"
            "\n"
            "Diagnostics go to stderr as FILE:LINE: record ID: MESSAGE, then a summary:\n"
            "records read = coded + discarded + rejected.\n"
            "Exit status: 0 every record coded or discarded, 1 some records rejected (or an\n"
            "input empty or unreadable), 2 usage error, 3 config, dictionary or output file\n"
            "unusable (then no output file is written).\n",
            pc_prog, PC_DATA_DIR);
}

static void on_dict_warning(void *ud, const pc_error *w)
{
    tally_dict_warning(&((run *)ud)->t, w);
}

/* A diagnostic about sentence STORY_SENT of file:line. */
static void say(run *r, int is_error, const char *file, long line, const char *story,
                const char *sent, const char *fmt, ...) PC_PRINTF(7, 8);

static void say(run *r, int is_error, const char *file, long line, const char *story,
                const char *sent, const char *fmt, ...)
{
    pc_error e;
    char id[300];
    snprintf(id, sizeof id, "%s_%s", story, sent);
    pc_error_set(&e, is_error ? PC_ERR_INPUT : PC_OK, file, line, id, "%s", "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    tally_diag(&r->t, is_error, &e);
}

static void fatal(run *r, const char *file, const char *what)
{
    pc_error e;
    pc_error_set(&e, PC_ERR_NOMEM, file, 0, NULL, "%s", what);
    tally_fatal(&e);
    r->fatal = 1;
}

/* Repeated sentence ids: keep both, renaming the later (story/dup_ids.h).
 * *out is in r->a.  0, or -1 (OOM, reported). */
static int rename_dups(run *r, const pc_story_in *in, const char *const *files,
                       const long *lines, pc_story_in *out)
{
    pc_dup_rename *rn;
    long k = pc_story_rename_dups(r->a, in, out, &rn);
    if (k < 0) {
        fatal(r, files[0], "out of memory");
        return -1;
    }
    if (r->dup_replace) {
        /* PETRARCH2's dict: the later record replaces the earlier (the story
         * coder keeps the first one's place and the last one's content) */
        for (long j = 0; j < k; j++) {
            size_t i = rn[j].index, f = rn[j].first;
            say(r, 0, files[f], lines[f], in->story_id, in->sents[f].sent_id,
                "sentence id %s_%s repeats (%s:%ld): this record is replaced by the later one, "
                "as PETRARCH2 does (--dup-ids replace)",
                in->story_id, in->sents[f].sent_id, files[i], lines[i]);
        }
        r->t.replaced += k;
        *out = *in;
        return 0;
    }
    for (long j = 0; j < k; j++) {
        size_t i = rn[j].index, f = rn[j].first;
        say(r, 0, files[i], lines[i], out->story_id, out->sents[i].sent_id,
            "sentence id %s_%s repeats (%s:%ld): both kept, this one coded as %s_%s "
            "(PETRARCH2 keeps only the later one)",
            out->story_id, in->sents[f].sent_id, files[f], lines[f], out->story_id,
            out->sents[i].sent_id);
    }
    r->t.renamed += k;
    return 0;
}

/* A coded story: account for each sentence, write its events.  0, or -1
 * when the run must stop (reported). */
static int story_done(run *r, const pc_story_in *s, const pc_story_result *res,
                      const char *const *files, const long *lines)
{
    const char *story_phrase = NULL;
    for (size_t i = 0; i < res->n_sents; i++)
        if (res->sents[i].discard == PC_DISCARD_STORY && res->sents[i].message)
            story_phrase = res->sents[i].message;
    r->t.stories_discarded += res->discarded;
    for (size_t i = 0; i < res->n_sents; i++) {
        const pc_sentence_status *st = &res->sents[i];
        if (st->status != PC_OK) {
            r->t.coder_errors++;
            say(r, 1, files[i], lines[i], s->story_id, st->sent_id, "%s",
                st->message ? st->message : "coding failed");
        } else if (res->discarded) {
            r->t.in_discarded_stories++;
            tally_discard(&r->t, files[i], lines[i], s->story_id, st->sent_id, story_phrase);
        } else if (st->discard == PC_DISCARD_SENTENCE) {
            r->t.sent_discarded++;
            tally_discard(&r->t, files[i], lines[i], s->story_id, st->sent_id, st->message);
        } else {
            r->t.coded++;
            r->t.with_events += st->n_events > 0;
        }
    }
    long n = emit_story(&r->em, s, res);
    if (n < 0) {
        r->fatal = 1; /* a write error: reported when the output is closed */
        return -1;
    }
    r->t.events_coded += res->discarded ? 0 : (long)res->n_events;
    r->t.events_written += n;
    tally_progress(&r->t, 0);
    return 0;
}

/* Code one story: the one place stories are coded, in whatever order they
 * come.  files, lines: where each sentence is.  0, or -1 when the run must
 * stop (reported). */
static int code_story(run *r, const pc_story_in *in, const char *const *files, const long *lines)
{
    pc_arena_reset(r->a);
    pc_story_in s;
    if (rename_dups(r, in, files, lines, &s) < 0)
        return -1;
    if (r->jobs) { /* -j: coded on a thread, then job_done in input order */
        int k = batch_jobs_submit(r->jobs, &s, files, lines);
        if (k < 0)
            fatal(r, files[0], "out of memory");
        return k ? -1 : 0;
    }
    pc_story_result res;
    pc_error err;
    if (pc_coder_code_story(r->coder, &s, &res, &err) != PC_OK) {
        fatal(r, files[0], err.message);
        return -1;
    }
    return story_done(r, &s, &res, files, lines);
}

/* -j: a story coded on a thread, handed back in input order. */
static int job_done(void *ud, const pc_story_in *s, pc_status status,
                    const pc_story_result *res, const char *message, const char *const *files,
                    const long *lines)
{
    run *r = ud;
    if (status != PC_OK) {
        fatal(r, files[0], message);
        return 1;
    }
    return story_done(r, s, res, files, lines) < 0;
}

/* The tagger and parser, loaded the first time they are needed. */
static const pc_nlp *models(run *r)
{
    if (!r->nlp_tried) {
        r->nlp_tried = 1;
        text_args ta = {.models = r->models};
        r->nlp = text_load_models(&ta); /* says why when it cannot */
    }
    return r->nlp;
}

/* Parse the story's text-only sentences; those that cannot be are rejected
 * here.  *out, *lines: the story to code (in r->raw).  0, or -1 (OOM). */
static int parse_text(run *r, const pc_story_in *s, const pc_rec_loc *loc, pc_story_in *out,
                      const long **lines)
{
    pc_raw_result res;
    pc_error err;
    if (pc_raw_text_parse(models(r), "no parse: the tagger and parser could not be loaded (see "
                                     "above; --models DIR)",
                          r->raw, s, loc->unsplit, &res, &err) != PC_OK) {
        fatal(r, loc->file, err.message);
        return -1;
    }
    for (size_t i = 0; i < s->n_sents; i++)
        r->t.split_extra += (long)res.units[i] - 1;
    for (size_t i = 0; i < res.n_failed; i++) {
        const pc_raw_failure *f = &res.failed[i];
        r->t.no_parse++;
        say(r, 1, loc->file, loc->lines[f->from], s->story_id, f->sent_id,
            "record skipped: %s", f->message);
    }
    long *l = pc_arena_alloc(r->raw, (res.story.n_sents ? res.story.n_sents : 1) * sizeof *l);
    if (!l) {
        fatal(r, loc->file, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < res.story.n_sents; i++)
        l[i] = loc->lines[res.from[i]];
    *out = res.story;
    *lines = l;
    return 0;
}

static int on_story(void *ud, const pc_story_in *s, const pc_rec_loc *loc)
{
    run *r = ud;
    pc_story_in parsed = *s;
    const long *lines = loc->lines;
    pc_arena_reset(r->raw);
    if (pc_story_has_text_only(s) && parse_text(r, s, loc, &parsed, &lines) < 0)
        return 1;
    tally_progress(&r->t, 0);
    if (parsed.n_sents == 0)
        return 0;
    if (!r->store) {
        const char **files = pc_arena_alloc(r->raw, parsed.n_sents * sizeof *files);
        if (!files) {
            fatal(r, loc->file, "out of memory");
            return 1;
        }
        for (size_t i = 0; i < parsed.n_sents; i++)
            files[i] = loc->file;
        return code_story(r, &parsed, files, lines) < 0;
    }
    if (pc_story_store_add(r->store, &parsed, loc->file, lines) < 0) {
        fatal(r, loc->file, "out of memory holding the input (try --stream)");
        return 1;
    }
    return 0;
}

/* PETRARCH2's order: every story of the input, merged by id, sorted by id */
static int code_stored(run *r)
{
    pc_story_store_sort(r->store);
    size_t n = pc_story_store_count(r->store);
    for (size_t i = 0; i < n && !r->fatal; i++) {
        pc_story_in s;
        const char *file;
        const long *lines;
        pc_story_store_get(r->store, i, &s, &file, &lines);
        if (code_story(r, &s, pc_story_store_files(r->store, i), lines) < 0)
            return -1;
    }
    return r->fatal ? -1 : 0;
}

/* "--name=value" or "--name value" / "-x value"; NULL when a value is missing. */
static const char *opt_value(int argc, char **argv, int *i, const char *a, size_t eq)
{
    if (eq)
        return a + eq + 1;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static int is_opt(const char *a, const char *s, const char *l, size_t *eq)
{
    *eq = 0;
    if (strcmp(a, s) == 0 || strcmp(a, l) == 0)
        return 1;
    size_t n = strlen(l);
    if (strncmp(a, l, n) == 0 && a[n] == '=') {
        *eq = n;
        return 1;
    }
    return 0;
}

typedef struct args {
    pc_paths in;
    const char **raw_in;      /* -i arguments as given, expanded after parsing */
    size_t n_raw;
    const char *out, *config, *report, *source, *models;
    int verbose, quiet, stdin_used, stream, header, one_a_day, dup_replace;
    int in_format, out_format;
    int jobs;                 /* -j */
    char date[9];             /* --date as YYYYMMDD, "" if none */
    const char *dict_add[32]; /* --actors / --agents files, in order */
    int dict_add_agent[32];
    size_t n_dict_add;
} args;

static int add_input(args *a, const char *p)
{
    if (strcmp(p, "-") == 0 && a->stdin_used++) {
        fprintf(stderr, "%s: standard input (-) given twice\n", pc_prog);
        return EXIT_USAGE;
    }
    const char **nv = realloc(a->raw_in, (a->n_raw + 1) * sizeof *nv);
    if (!nv)
        return EXIT_FATAL;
    a->raw_in = nv;
    a->raw_in[a->n_raw++] = p;
    return 0;
}

/* The -i arguments as files: directories by the suffixes of the format. */
static int expand_inputs(args *a)
{
    static const char *const any[] = {".xml", ".jsonl", ".ndjson", NULL};
    static const char *const xml[] = {".xml", NULL};
    static const char *const jsonl[] = {".jsonl", ".ndjson", ".json", NULL};
    static const char *const text[] = {".txt", NULL};
    const char *const *suffixes = a->in_format == PC_IN_XML     ? xml
                                  : a->in_format == PC_IN_JSONL ? jsonl
                                  : a->in_format == PC_IN_TEXT  ? text
                                                                : any;
    for (size_t i = 0; i < a->n_raw; i++)
        if (paths_add_arg(&a->in, a->raw_in[i], suffixes) < 0)
            return EXIT_FATAL;
    return 0;
}

/* 0 or an exit code. */
static int parse_args(int argc, char **argv, args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        size_t eq;
        int rc;
        const char *v;
        if (is_opt(s, "-i", "--inputs", &eq) || is_opt(s, "-i", "--input", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            if ((rc = add_input(a, v)) != 0)
                return rc;
            /* PETRARCH2 takes one -i; accept "-i A B C" too */
            while (!eq && i + 1 < argc && (argv[i + 1][0] != '-' || strcmp(argv[i + 1], "-") == 0))
                if ((rc = add_input(a, argv[++i])) != 0)
                    return rc;
        } else if (is_opt(s, "-o", "--outputs", &eq) || is_opt(s, "-o", "--output", &eq)) {
            if (a->out) {
                fprintf(stderr, "%s: -o given twice\n", pc_prog);
                return EXIT_USAGE;
            }
            if (!(a->out = opt_value(argc, argv, &i, s, eq)))
                goto missing;
        } else if (is_opt(s, "-c", "--config", &eq)) {
            if (!(a->config = opt_value(argc, argv, &i, s, eq)))
                goto missing;
        } else if (is_opt(s, "--actors", "--actors", &eq) || is_opt(s, "--agents", "--agents", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            if (a->n_dict_add == sizeof a->dict_add / sizeof a->dict_add[0]) {
                fprintf(stderr, "%s: too many --actors/--agents files\n", pc_prog);
                return EXIT_USAGE;
            }
            a->dict_add_agent[a->n_dict_add] = strncmp(s, "--agents", 8) == 0;
            a->dict_add[a->n_dict_add++] = v;
        } else if (is_opt(s, "--in", "--in", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            if ((a->in_format = pc_in_format_parse(v)) < 0) {
                fprintf(stderr, "%s: --in %s: use auto, xml, jsonl or text\n", pc_prog, v);
                return EXIT_USAGE;
            }
        } else if (is_opt(s, "--out", "--out", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            if ((a->out_format = out_format_parse(v)) < 0) {
                fprintf(stderr, "%s: --out %s: use evts, jsonl or phoenix\n", pc_prog, v);
                return EXIT_USAGE;
            }
        } else if (is_opt(s, "--date", "--date", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            if (pc_normalize_date(v, strlen(v), a->date) < 0) {
                fprintf(stderr, "%s: --date %s: use YYYY-MM-DD or YYYYMMDD\n", pc_prog, v);
                return EXIT_USAGE;
            }
        } else if (is_opt(s, "--source", "--source", &eq)) {
            if (!(a->source = opt_value(argc, argv, &i, s, eq)))
                goto missing;
        } else if (is_opt(s, "--models", "--models", &eq)) {
            if (!(a->models = opt_value(argc, argv, &i, s, eq)))
                goto missing;
        } else if (is_opt(s, "--report", "--report", &eq)) {
            if (!(a->report = opt_value(argc, argv, &i, s, eq)))
                goto missing;
        } else if (is_opt(s, "-j", "--jobs", &eq)) {
            if (!(v = opt_value(argc, argv, &i, s, eq)))
                goto missing;
            char *end;
            long j = strtol(v, &end, 10);
            if (*end || end == v || j < 1 || j > PC_PARALLEL_MAX_THREADS) {
                fprintf(stderr, "%s: -j %s: give a number of threads, 1 to %d\n", pc_prog, v,
                        PC_PARALLEL_MAX_THREADS);
                return EXIT_USAGE;
            }
            a->jobs = (int)j;
        } else if (strcmp(s, "--header") == 0) {
            a->header = 1;
        } else if (strcmp(s, "--one-a-day") == 0) {
            a->one_a_day = 1;
        } else if (is_opt(s, "--dup-ids", "--dup-ids", &eq)) {
            const char *v = opt_value(argc, argv, &i, s, eq);
            if (!v)
                goto missing;
            if (strcmp(v, "keep") == 0)
                a->dup_replace = 0;
            else if (strcmp(v, "replace") == 0)
                a->dup_replace = 1;
            else {
                fprintf(stderr, "%s: --dup-ids %s: give keep or replace\n", pc_prog, v);
                return EXIT_USAGE;
            }
        } else if (strcmp(s, "--stream") == 0) {
            a->stream = 1;
        } else if (strcmp(s, "-q") == 0 || strcmp(s, "--quiet") == 0) {
            a->quiet = 1;
        } else if (strcmp(s, "-v") == 0 || strcmp(s, "--verbose") == 0) {
            a->verbose = 1;
        } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            usage_batch(stdout);
            return -1;
        } else if (strcmp(s, "-na") == 0 || strcmp(s, "-nv") == 0 ||
                   strcmp(s, "--nullactors") == 0 || strcmp(s, "--nullverbs") == 0) {
            fprintf(stderr, "%s: %s (PETRARCH2's null-actors/null-verbs modes) is not supported\n",
                    pc_prog, s);
            return EXIT_USAGE;
        } else if (s[0] == '-' && s[1] != '\0') {
            fprintf(stderr, "%s: unknown option %s\n", pc_prog, s);
            usage_batch(stderr);
            return EXIT_USAGE;
        } else if ((rc = add_input(a, s)) != 0) {
            return rc;
        }
        continue;
    missing:
        fprintf(stderr, "%s: %s needs a value\n", pc_prog, s);
        return EXIT_USAGE;
    }
    if (a->n_raw == 0) {
        fprintf(stderr, "%s: no input: give -i FILE (or a directory, or - for stdin)\n", pc_prog);
        usage_batch(stderr);
        return EXIT_USAGE;
    }
    if (!a->out) {
        fprintf(stderr, "%s: no output: give -o FILE (or - for stdout)\n", pc_prog);
        usage_batch(stderr);
        return EXIT_USAGE;
    }
    if (a->header && a->out_format != OUT_PHOENIX) {
        fprintf(stderr, "%s: --header is for --out phoenix\n", pc_prog);
        return EXIT_USAGE;
    }
    return expand_inputs(a);
}

/* The report file, written as the output is (temporary file + rename). */
static void write_report(run *r, const args *a, int rc)
{
    pc_out rep;
    report_info ri = {.output = a->out, .out_format = out_format_name(a->out_format),
                      .inputs = a->in.v, .n_inputs = a->in.n, .exit_code = rc};
    if (out_open(&rep, a->report) < 0)
        return;
    if (tally_write_report(&r->t, &ri, rep.f) < 0)
        fprintf(stderr, "%s: cannot write the report %s\n", pc_prog, a->report);
    out_commit(&rep);
}

int cmd_batch(int argc, char **argv)
{
    args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        paths_free(&a.in);
        free(a.raw_in);
        return rc < 0 ? EXIT_OK : rc;
    }
    const char *env = getenv("PETRARCH_DATA");
    const char *data = env && *env ? env : PC_DATA_DIR;
    size_t dl = strlen(data) + 32;
    char *config_buf = malloc(dl), *dict_dir = malloc(dl);
    run r = {.models = a.models, .dup_replace = a.dup_replace};
    tally_init(&r.t, a.verbose, a.quiet);
    pc_config *cfg = NULL;
    pc_dicts *dicts = NULL;
    pc_out out = {0};
    int out_open_ok = 0;
    rc = EXIT_FATAL;
    if (!config_buf || !dict_dir)
        goto done;
    snprintf(config_buf, dl, "%s/PETR_config.ini", data);
    snprintf(dict_dir, dl, "%s/dictionaries", data);
    const char *config = a.config ? a.config : config_buf;

    if (out_open(&out, a.out) < 0)
        goto done;
    out_open_ok = 1;
    pc_error err;
    if (!(cfg = pc_config_load(config, dict_dir, &err))) {
        tally_fatal(&err);
        goto done;
    }
    for (size_t i = 0; i < a.n_dict_add; i++) {
        if ((a.dict_add_agent[i] ? pc_config_add_agentfile
                                 : pc_config_add_actorfile)(cfg, a.dict_add[i], &err) != PC_OK) {
            tally_fatal(&err);
            goto done;
        }
    }
    if (!(dicts = pc_dicts_load(cfg, on_dict_warning, &r, &err))) {
        tally_fatal(&err);
        goto done;
    }
    if (!(r.coder = pc_coder_new(dicts, cfg, &err))) {
        tally_fatal(&err);
        goto done;
    }
    if (a.jobs > 1 && !(r.jobs = batch_jobs_new(dicts, cfg, a.jobs, job_done, &r, &err))) {
        tally_fatal(&err);
        goto done;
    }
    if (!(r.a = pc_arena_new(0)) || !(r.raw = pc_arena_new(0)) ||
        (!a.stream && !(r.store = pc_story_store_new())) ||
        emit_begin(&r.em, out.f, (out_format)a.out_format, pc_config_options(cfg), a.header,
                   a.one_a_day) < 0) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        goto done;
    }
    input_opts io = {.format = (pc_in_format)a.in_format, .date = a.date[0] ? a.date : NULL,
                     .source = a.source, .merging = r.store != NULL};
    if (read_inputs(a.in.v, a.in.n, &io, on_story, &r, &r.t) < 0 || r.fatal)
        goto done;
    if (r.store && code_stored(&r) < 0)
        goto done;
    if (r.jobs && (batch_jobs_finish(r.jobs) != 0 || r.fatal))
        goto done;
    long n = emit_end(&r.em);
    if (n < 0)
        goto done;
    r.t.events_written += n;
    out_open_ok = 0;
    if (out_commit(&out) < 0)
        goto done;
    tally_progress_end(&r.t);
    tally_summary(&r.t, a.out);
    rc = tally_has_problems(&r.t) ? EXIT_REJECTED : EXIT_OK;
done:
    tally_progress_end(&r.t);
    if (rc == EXIT_FATAL) {
        if (out.f && ferror(out.f))
            fprintf(stderr, "%s: error writing the output %s\n", pc_prog, a.out);
        if (out_open_ok)
            out_abort(&out);
        if (a.out && strcmp(a.out, "-") == 0)
            fprintf(stderr, "%s: stopped; the events on standard output are incomplete\n",
                    pc_prog);
        else
            fprintf(stderr, "%s: stopped; %s not written\n", pc_prog, a.out ? a.out : "output");
    }
    if (a.report)
        write_report(&r, &a, rc);
    emit_free(&r.em);
    pc_nlp_free(r.nlp);
    pc_arena_free(r.a);
    pc_arena_free(r.raw);
    pc_story_store_free(r.store);
    batch_jobs_free(r.jobs);
    pc_coder_free(r.coder);
    pc_dicts_free(dicts);
    pc_config_free(cfg);
    tally_free(&r.t);
    paths_free(&a.in);
    free(a.raw_in);
    free(config_buf);
    free(dict_dir);
    return rc;
}
