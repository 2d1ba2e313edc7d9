/* cmd_validate.c -- `petrarch validate FILE`: code validation records
 * (PETR.UnitTest.records.xml's format) with the dictionaries their
 * <Environment> names, and report per record and per category how the events
 * compare with the gold codings (src/validate/validate.h says how they are
 * counted). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "petrarch.h"
#include "validate/validate.h"

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

void usage_validate(FILE *f)
{
    fprintf(f,
            "usage: %s validate FILE [--only CATEGORY]... [--fail-only] [--exclude-file IDS]\n"
            "                        [--json OUT] [--fixed] [-c CONFIG] [-v]\n"
            "\n"
            "Codes each <Sentence> record of FILE (PETR.UnitTest.records.xml's format) as a\n"
            "one-sentence story and compares its events with the record's <EventCoding>s:\n"
            "a PASS/FAIL/ERROR line per record with the expected and produced events, then\n"
            "records fully correct and event precision/recall/F1 by category and overall.\n"
            "\n"
            "  --only CATEGORY     only the records of this category (repeat, or a\n"
            "                      comma-separated list)\n"
            "  --fail-only         list only the records that are not fully correct\n"
            "  --exclude-file IDS  leave out the records whose ids are in the first column\n"
            "                      of IDS (e.g. tests/data/reference/unittest.validate.crashes.tsv);\n"
            "                      a second summary line counts them as failed\n"
            "  --json OUT          also write the report as JSON to OUT (- : to standard\n"
            "                      output, instead of the text report)\n"
            "  --fixed             load what PETRARCH2 silently drops (patterns after a '<!'\n"
            "                      line, verbs with codes outside CAMEO); default: PETRARCH2's\n"
            "                      behaviour\n"
            "  -c, --config CONFIG use this PETR_config.ini's dictionaries instead of those\n"
            "                      FILE's <Environment> names (looked up next to FILE, then\n"
            "                      in $PETRARCH_DATA/dictionaries, data dir %s)\n"
            "  -v, --verbose       show every dictionary warning\n"
            "\n"
            "Exit status: 0 every scored record fully correct, 1 some not (or none scored),\n"
            "2 usage error, 3 records file, config or dictionaries unusable.\n",
            pc_prog, PC_DATA_DIR);
}

typedef struct vargs {
    const char *file, *exclude, *json, *config;
    char **only;
    size_t n_only;
    int fail_only, fixed, verbose;
} vargs;

typedef struct vstate {
    int verbose;
    long dict_warnings;
} vstate;

static void print_diag(const pc_error *e, const char *kind)
{
    fputs(e->file[0] ? e->file : pc_prog, stderr);
    if (e->line > 0)
        fprintf(stderr, ":%ld", e->line);
    fprintf(stderr, ": %s%s\n", kind, e->message);
}

static void on_record_warning(void *ud, const pc_error *w)
{
    (void)ud;
    print_diag(w, "warning: ");
}

static void on_dict_warning(void *ud, const pc_error *w)
{
    vstate *st = ud;
    if (st->verbose)
        print_diag(w, "warning: ");
    st->dict_warnings++;
}

/* --only A,B: each comma-separated name. 0, or -1 on OOM. */
static int add_only(vargs *a, const char *v)
{
    for (const char *p = v;;) {
        size_t n = strcspn(p, ",");
        if (n) {
            char **nv = realloc(a->only, (a->n_only + 1) * sizeof *nv);
            char *s = malloc(n + 1);
            if (!nv || !s) {
                free(s);
                if (nv)
                    a->only = nv;
                return -1;
            }
            memcpy(s, p, n);
            s[n] = '\0';
            a->only = nv;
            a->only[a->n_only++] = s;
        }
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

static void free_args(vargs *a)
{
    for (size_t i = 0; i < a->n_only; i++)
        free(a->only[i]);
    free(a->only);
}

/* 0, -1 (help printed) or an exit code. */
static int parse_args(int argc, char **argv, vargs *a)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *eq = strncmp(s, "--", 2) == 0 ? strchr(s, '=') : NULL;
        size_t nlen = eq ? (size_t)(eq - s) : strlen(s);
#define IS(x) (strlen(x) == nlen && strncmp(s, x, nlen) == 0)
#define VALUE() (eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL))
        const char **slot = NULL;
        if (IS("--only")) {
            const char *v = VALUE();
            if (!v)
                goto missing;
            if (add_only(a, v) < 0) {
                fprintf(stderr, "%s: out of memory\n", pc_prog);
                return EXIT_FATAL;
            }
            continue;
        } else if (IS("--exclude-file")) {
            slot = &a->exclude;
        } else if (IS("--json")) {
            slot = &a->json;
        } else if (IS("-c") || IS("--config")) {
            slot = &a->config;
        } else if (IS("--fail-only")) {
            a->fail_only = 1;
        } else if (IS("--fixed")) {
            a->fixed = 1;
        } else if (IS("-v") || IS("--verbose")) {
            a->verbose = 1;
        } else if (IS("-h") || IS("--help")) {
            usage_validate(stdout);
            return -1;
        } else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "%s: validate: unknown option %s\n", pc_prog, s);
            usage_validate(stderr);
            return EXIT_USAGE;
        } else if (a->file) {
            fprintf(stderr, "%s: validate: one records file only (%s, %s)\n", pc_prog, a->file, s);
            return EXIT_USAGE;
        } else {
            a->file = s;
        }
        if (slot && !(*slot = VALUE()))
            goto missing;
        continue;
#undef IS
#undef VALUE
    missing:
        fprintf(stderr, "%s: validate: %s needs a value\n", pc_prog, s);
        return EXIT_USAGE;
    }
    if (!a->file) {
        fprintf(stderr, "%s: validate: no records file given\n", pc_prog);
        usage_validate(stderr);
        return EXIT_USAGE;
    }
    return 0;
}

/* The dictionaries: -c CONFIG, or the records file's <Environment>. */
static pc_config *make_config(const vargs *a, const pc_vfile *vf, const char *data_dir)
{
    pc_error err;
    pc_config *cfg;
    if (a->config) {
        cfg = pc_config_load(a->config, data_dir, &err);
    } else {
        const pc_venv *e = &vf->env;
        if (!e->verbs || !e->n_actors || !e->agents || !e->discards) {
            fprintf(stderr,
                    "%s: %s <Environment> does not name a <Verbfile>, <Actorfile>, <Agentfile> "
                    "and <Discardfile>; give -c CONFIG\n",
                    a->file, e->present ? "its" : "no");
            return NULL;
        }
        pc_dict_files files = {.verbs = e->verbs, .actors = e->actors,
                               .n_actors = e->n_actors, .agents = e->agents,
                               .discards = e->discards, .issues = e->issues};
        /* names are relative to the records file's directory, then the data */
        const char *slash = strrchr(a->file, '/');
        char *dir = strdup(a->file);
        if (!dir) {
            fprintf(stderr, "%s: out of memory\n", pc_prog);
            return NULL;
        }
        if (slash)
            dir[slash - a->file + (slash == a->file)] = '\0';
        else
            dir[0] = '\0';
        char origin[600];
        snprintf(origin, sizeof origin, "%s <Environment>", a->file);
        cfg = pc_config_from_files(&files, dir, data_dir, origin, &err);
        free(dir);
    }
    if (!cfg)
        print_diag(&err, "fatal: ");
    return cfg;
}

static int write_json(const char *path, const pc_vrun *run, const pc_vscore *s,
                      const pc_vmeta *m)
{
    pc_out o;
    if (out_open(&o, path) < 0)
        return -1;
    if (pc_vreport_json(o.f, run, s, m) < 0) {
        fprintf(stderr, "%s: error writing %s\n", pc_prog, path);
        out_abort(&o);
        return -1;
    }
    return out_commit(&o);
}

/* Warn about exclusion ids that name no record of the file (a typo would
 * exclude nothing); ids of records --only did not select are fine. */
static void unused_excludes(const char *path, const char **ids, const int *used, size_t n,
                            const pc_vfile *vf)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int found = used[i];
        for (size_t r = 0; !found && r < vf->n; r++) {
            size_t sl = strlen(vf->recs[r].story);
            found = strncmp(ids[i], vf->recs[r].story, sl) == 0 &&
                    (ids[i][sl] == '\0' || strcmp(ids[i] + sl, "_1") == 0);
        }
        if (!found && k++ < 5)
            fprintf(stderr, "%s: warning: id %s matches no record\n", path, ids[i]);
    }
    if (k > 5)
        fprintf(stderr, "%s: warning: %zu more ids match no record\n", path, k - 5);
}

int cmd_validate(int argc, char **argv)
{
    vargs a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc != 0) {
        free_args(&a);
        return rc < 0 ? EXIT_OK : rc;
    }
    const char *env = getenv("PETRARCH_DATA");
    const char *data_dir = env && *env ? env : PC_DATA_DIR;
    vstate st = {.verbose = a.verbose};
    pc_vfile *vf = NULL;
    pc_config *cfg = NULL;
    pc_dicts *dicts = NULL;
    pc_coder *coder = NULL;
    pc_vrun *run = NULL;
    pc_vscore *score = NULL;
    pc_arena *xa = NULL;
    int *used = NULL;
    const char **xids = NULL;
    size_t n_x = 0;
    pc_error err;
    rc = EXIT_FATAL;

    FILE *f = strcmp(a.file, "-") == 0 ? stdin : fopen(a.file, "rb");
    if (!f) {
        perror(a.file);
        goto done;
    }
    vf = pc_vfile_read(f, a.file, on_record_warning, NULL, &err);
    if (f != stdin)
        fclose(f);
    if (!vf) {
        print_diag(&err, "fatal: ");
        goto done;
    }
    if (!(cfg = make_config(&a, vf, data_dir)))
        goto done;
    pc_config_options_mut(cfg)->fixed = a.fixed;
    if (!(dicts = pc_dicts_load(cfg, on_dict_warning, &st, &err)) ||
        !(coder = pc_coder_new(dicts, cfg, &err))) {
        print_diag(&err, "fatal: ");
        goto done;
    }
    if (a.exclude) {
        if (!(xa = pc_arena_new(0)) || pc_vexclude_read(a.exclude, xa, &xids, &n_x, &err) != PC_OK) {
            if (xa)
                print_diag(&err, "fatal: ");
            else
                fprintf(stderr, "%s: out of memory\n", pc_prog);
            goto done;
        }
        if (n_x && !(used = calloc(n_x, sizeof *used))) {
            fprintf(stderr, "%s: out of memory\n", pc_prog);
            goto done;
        }
    }
    pc_vselect sel = {.only = (const char *const *)a.only, .n_only = a.n_only,
                      .exclude = xids, .n_exclude = n_x, .exclude_used = used};
    if (!(run = pc_vrun_code(coder, vf, &sel, &err)) || !(score = pc_vscore_new(run, &err))) {
        print_diag(&err, "fatal: ");
        goto done;
    }
    if (a.exclude)
        unused_excludes(a.exclude, xids, used, n_x, vf);
    if (a.n_only && run->n == 0)
        fprintf(stderr, "%s: warning: no record has the category given with --only\n", a.file);

    long errors = 0;
    for (size_t i = 0; i < run->n; i++)
        errors += run->res[i].status == PC_V_ERROR;
    int json_stdout = a.json && strcmp(a.json, "-") == 0;
    if (!json_stdout && pc_vreport_text(stdout, run, score, a.fail_only) < 0) {
        fprintf(stderr, "%s: error writing the report\n", pc_prog);
        goto done;
    }
    pc_vmeta meta = {.records_file = a.file, .mode = a.fixed ? "fixed" : "parity", .cfg = cfg};
    if (a.json && write_json(a.json, run, score, &meta) < 0)
        goto done;
    fflush(stdout);
    fprintf(stderr,
            "%s: validate: %zu records in %s, %zu selected, %ld excluded, %ld not coded; "
            "%s mode; %ld dictionary warnings%s\n",
            pc_prog, vf->n, a.file, run->n, score->excluded, errors,
            a.fixed ? "fixed" : "parity (PETRARCH2's behaviour)", st.dict_warnings,
            st.dict_warnings && !a.verbose ? " (-v shows them)" : "");
    /* (nothing scored -- an --only typo -- is no success either) */
    rc = score->scored.records && score->scored.correct == score->scored.records ? EXIT_OK
                                                                                : EXIT_REJECTED;
done:
    pc_vscore_free(score);
    pc_vrun_free(run);
    free(used);
    pc_arena_free(xa);
    pc_coder_free(coder);
    pc_dicts_free(dicts);
    pc_config_free(cfg);
    pc_vfile_free(vf);
    free_args(&a);
    return rc;
}
