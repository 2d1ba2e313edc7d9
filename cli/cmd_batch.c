/* cmd_batch.c -- `petrarch batch`: read PETRARCH XML, code every story,
 * write the events (PETRARCH2's `petrarch2 batch`).  Every record read is
 * accounted for in the closing summary on stderr. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io/xml_input.h"
#include "petrarch.h"
#include "story/story_store.h"

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

typedef struct run {
    pc_coder *coder;
    const pc_options *opt;
    FILE *out;
    int verbose;
    int fatal;
    long dict_warnings;
    /* sentences handed to the coder, by outcome (exclusive) */
    long coded, with_events, sent_discarded, in_discarded_stories, coder_errors;
    long stories_discarded, events;
    pc_story_store *store;   /* NULL in --stream mode */
} run;

void usage_batch(FILE *f)
{
    fprintf(f,
            "usage: %s batch -i INPUT [INPUT...] [-i INPUT...] -o OUTPUT [-c CONFIG] [-v]\n"
            "\n"
            "  -i, --inputs INPUT   PETRARCH XML file, a directory (its *.xml files, sorted)\n"
            "                       or - for standard input; may be repeated\n"
            "  -o, --outputs OUTPUT the events file, written as OUTPUT exactly (PETRARCH2\n"
            "                       writes evts.OUTPUT); - for standard output\n"
            "  -c, --config CONFIG  a PETR_config.ini (default: the bundled one,\n"
            "                       $PETRARCH_DATA/PETR_config.ini, data dir %s)\n"
            "  --stream             code each story as it is read, in input order, in\n"
            "                       constant memory (default: read everything, merge\n"
            "                       stories by id and code them sorted by id, as\n"
            "                       PETRARCH2 does -- its results can depend on that order)\n"
            "  -v, --verbose        show every dictionary warning\n"
            "\n"
            "Diagnostics go to stderr as FILE:LINE: record ID: MESSAGE, then a summary.\n"
            "Exit status: 0 all records coded, 1 some records rejected or not coded,\n"
            "2 usage error, 3 config/dictionary/input/output file unusable.\n",
            pc_prog, PC_DATA_DIR);
}

static void print_diag(const pc_error *e, const char *kind)
{
    fputs(e->file[0] ? e->file : pc_prog, stderr);
    if (e->line > 0)
        fprintf(stderr, ":%ld", e->line);
    fputs(": ", stderr);
    if (e->record_id[0])
        fprintf(stderr, "record %s: ", e->record_id);
    fprintf(stderr, "%s%s\n", kind, e->message);
}

static void on_xml_diag(void *ud, int is_error, const pc_error *d)
{
    (void)ud;
    print_diag(d, is_error ? "error: " : "warning: ");
}

/* Dictionary warnings (lines PETRARCH2 skips, as it does silently) are only
 * counted unless -v: the bundled dictionaries have a few. */
static void on_dict_warning(void *ud, const pc_error *w)
{
    run *r = ud;
    if (r->verbose)
        print_diag(w, "warning: ");
    r->dict_warnings++;
}

static void sentence_diag(const pc_xml_loc *loc, long line, const char *story,
                          const char *sent, const char *msg)
{
    pc_error e = {.code = PC_ERR_CODER, .line = line};
    snprintf(e.file, sizeof e.file, "%s", loc->file);
    snprintf(e.record_id, sizeof e.record_id, "%s_%s", story, sent);
    snprintf(e.message, sizeof e.message, "%s", msg ? msg : "coding failed");
    print_diag(&e, "error: ");
}

static int code_story(run *r, const pc_story_in *s, const pc_xml_loc *loc)
{
    pc_story_result res;
    pc_error err;
    if (pc_coder_code_story(r->coder, s, &res, &err) != PC_OK) {
        fprintf(stderr, "%s: record %s: fatal: %s\n", loc->file, s->story_id, err.message);
        r->fatal = 1;
        return 1;
    }
    if (res.discarded)
        r->stories_discarded++;
    for (size_t i = 0; i < res.n_sents; i++) {
        const pc_sentence_status *st = &res.sents[i];
        if (st->status != PC_OK) {
            r->coder_errors++;
            sentence_diag(loc, loc->lines[i], s->story_id, st->sent_id, st->message);
        } else if (res.discarded) {
            r->in_discarded_stories++;
        } else if (st->discard == PC_DISCARD_SENTENCE) {
            r->sent_discarded++;
        } else {
            r->coded++;
            r->with_events += st->n_events > 0;
        }
    }
    int n = pc_write_evts(r->out, &res, r->opt);
    if (n < 0) {
        r->fatal = 1;
        return 1; /* reported by out_commit / below */
    }
    r->events += n;
    return 0;
}

static int on_story(void *ud, const pc_story_in *s, const pc_xml_loc *loc)
{
    run *r = ud;
    if (!r->store)
        return code_story(r, s, loc);
    if (pc_story_store_add(r->store, s, loc->file, loc->lines) < 0) {
        fprintf(stderr, "%s: out of memory holding the input (try --stream)\n", pc_prog);
        r->fatal = 1;
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
        pc_xml_loc loc;
        pc_story_store_get(r->store, i, &s, &loc.file, &loc.lines);
        if (code_story(r, &s, &loc))
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
    const char *out, *config;
    int verbose, stdin_used, stream;
} args;

static int add_input(args *a, const char *p)
{
    if (strcmp(p, "-") == 0 && a->stdin_used++) {
        fprintf(stderr, "%s: standard input (-) given twice\n", pc_prog);
        return EXIT_USAGE;
    }
    return paths_add_arg(&a->in, p) < 0 ? EXIT_FATAL : 0;
}

/* 0 or an exit code. */
static int parse_args(int argc, char **argv, args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        size_t eq;
        int rc;
        if (is_opt(s, "-i", "--inputs", &eq) || is_opt(s, "-i", "--input", &eq)) {
            const char *v = opt_value(argc, argv, &i, s, eq);
            if (!v)
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
        } else if (strcmp(s, "--stream") == 0) {
            a->stream = 1;
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
    if (a->in.n == 0 && a->stdin_used == 0) {
        fprintf(stderr, "%s: no input: give -i FILE (or a directory, or - for stdin)\n", pc_prog);
        usage_batch(stderr);
        return EXIT_USAGE;
    }
    if (!a->out) {
        fprintf(stderr, "%s: no output: give -o FILE (or - for stdout)\n", pc_prog);
        usage_batch(stderr);
        return EXIT_USAGE;
    }
    return 0;
}

static int read_inputs(run *r, const args *a, pc_xml_reader *xr)
{
    for (size_t i = 0; i < a->in.n && !r->fatal; i++) {
        const char *p = a->in.v[i];
        int is_stdin = strcmp(p, "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(p, "rb");
        if (!f) {
            perror(p);
            return -1;
        }
        pc_error err;
        pc_status st = pc_xml_read(xr, f, is_stdin ? "<stdin>" : p, &err);
        if (!is_stdin)
            fclose(f);
        if (st != PC_OK) {
            print_diag(&err, "fatal: ");
            return -1;
        }
    }
    return r->fatal ? -1 : 0;
}

static void summary(const run *r, const pc_xml_stats *x, size_t nfiles, const char *out)
{
    fprintf(stderr,
            "%s: %ld records in %zu file%s: %ld sentences in %ld stories, %ld rejected, "
            "%ld replaced by a later record, %ld lost to XML errors\n",
            pc_prog, x->records, nfiles, nfiles == 1 ? "" : "s", x->sentences, x->stories,
            x->rejected, x->replaced, x->lost);
    fprintf(stderr,
            "%s: sentences: %ld coded (%ld with events), %ld discarded, %ld in %ld discarded "
            "stories, %ld failed to code\n",
            pc_prog, r->coded, r->with_events, r->sent_discarded, r->in_discarded_stories,
            r->stories_discarded, r->coder_errors);
    if (r->dict_warnings && !r->verbose)
        fprintf(stderr, "%s: %ld dictionary warnings (-v shows them)\n",
                pc_prog, r->dict_warnings);
    fprintf(stderr, "%s: %ld events written to %s; %ld input warnings, %ld input errors\n",
            pc_prog, r->events, strcmp(out, "-") == 0 ? "standard output" : out, x->warnings,
            x->errors);
}

int cmd_batch(int argc, char **argv)
{
    args a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        paths_free(&a.in);
        return rc < 0 ? EXIT_OK : rc;
    }
    const char *env = getenv("PETRARCH_DATA");
    const char *data = env && *env ? env : PC_DATA_DIR;
    size_t dl = strlen(data) + 32;
    char *config_buf = malloc(dl), *dict_dir = malloc(dl);
    run r = {.verbose = a.verbose};
    pc_config *cfg = NULL;
    pc_dicts *dicts = NULL;
    pc_xml_reader *xr = NULL;
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
        print_diag(&err, "fatal: ");
        goto done;
    }
    if (!(dicts = pc_dicts_load(cfg, on_dict_warning, &r, &err))) {
        print_diag(&err, "fatal: ");
        goto done;
    }
    if (!(r.coder = pc_coder_new(dicts, cfg, &err))) {
        print_diag(&err, "fatal: ");
        goto done;
    }
    r.opt = pc_config_options(cfg);
    r.out = out.f;
    if (!(xr = pc_xml_reader_new(on_story, &r, on_xml_diag, &r))) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        goto done;
    }
    if (!a.stream) {
        if (!(r.store = pc_story_store_new())) {
            fprintf(stderr, "%s: out of memory\n", pc_prog);
            goto done;
        }
        pc_xml_reader_set_merging(xr, 1);
    }
    if (read_inputs(&r, &a, xr) < 0)
        goto done;
    if (r.store && code_stored(&r) < 0)
        goto done;
    out_open_ok = 0;
    if (out_commit(&out) < 0)
        goto done;
    const pc_xml_stats *x = pc_xml_reader_stats(xr);
    summary(&r, x, a.in.n, a.out);
    rc = (x->rejected || x->lost || x->errors || r.coder_errors) ? EXIT_REJECTED : EXIT_OK;
done:
    if (rc == EXIT_FATAL) {
        if (r.fatal && out.f && ferror(out.f))
            fprintf(stderr, "%s: error writing the output %s\n", pc_prog, a.out);
        if (out_open_ok)
            out_abort(&out);
        if (a.out && strcmp(a.out, "-") == 0)
            fprintf(stderr, "%s: stopped; the events on standard output are incomplete\n",
                    pc_prog);
        else
            fprintf(stderr, "%s: stopped; %s not written\n", pc_prog, a.out ? a.out : "output");
    }
    pc_xml_reader_free(xr);
    pc_story_store_free(r.store);
    pc_coder_free(r.coder);
    pc_dicts_free(dicts);
    pc_config_free(cfg);
    paths_free(&a.in);
    free(config_buf);
    free(dict_dir);
    return rc;
}
