/* tally.c -- accounting for every record of a `petrarch batch` run: the
 * diagnostics on stderr, the closing summary, the progress line and the
 * --report file.  See batch.h. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cli.h"
#include "io/json_str.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void tally_init(tally *t, int verbose, int quiet)
{
    memset(t, 0, sizeof *t);
    t->verbose = verbose;
    t->quiet = quiet;
    t->progress = !quiet && isatty(STDERR_FILENO);
    t->t0 = now();
    t->last_tick = t->t0 - 1; /* the first tick shows the line */
}

void tally_free(tally *t)
{
    for (long i = 0; i < t->n_items; i++) {
        free(t->items[i].file);
        free(t->items[i].record);
        free(t->items[i].message);
    }
    free(t->items);
    t->items = NULL;
    t->n_items = t->cap_items = 0;
}

static void keep(tally *t, int level, const char *file, long line, const char *record,
                 const char *message)
{
    if (t->n_items >= TALLY_MAX_ITEMS) {
        t->items_omitted++;
        return;
    }
    if (t->n_items == t->cap_items) {
        long cap = t->cap_items ? 2 * t->cap_items : 64;
        tally_item *n = realloc(t->items, (size_t)cap * sizeof *n);
        if (!n) {
            t->items_omitted++;
            return;
        }
        t->items = n;
        t->cap_items = cap;
    }
    tally_item *it = &t->items[t->n_items++];
    it->level = level;
    it->line = line;
    it->file = strdup(file ? file : "");
    it->record = strdup(record ? record : "");
    it->message = strdup(message ? message : "");
}

/* The progress line must not be left half-overwritten by a diagnostic. */
static void clear_progress(tally *t)
{
    if (t->progress_shown) {
        fputs("\r\033[K", stderr);
        t->progress_shown = 0;
    }
}

static void print(const pc_error *e, const char *kind)
{
    fputs(e->file[0] ? e->file : pc_prog, stderr);
    if (e->line > 0)
        fprintf(stderr, ":%ld", e->line);
    fputs(": ", stderr);
    if (e->record_id[0])
        fprintf(stderr, "record %s: ", e->record_id);
    fprintf(stderr, "%s%s\n", kind, e->message);
}

void tally_diag(tally *t, int is_error, const pc_error *e)
{
    clear_progress(t);
    print(e, is_error ? "error: " : "warning: ");
    if (is_error)
        t->errors++;
    else
        t->warnings++;
    keep(t, is_error ? TALLY_ERROR : TALLY_WARNING, e->file, e->line, e->record_id, e->message);
}

void tally_dict_warning(tally *t, const pc_error *e)
{
    if (t->verbose) {
        clear_progress(t);
        print(e, "warning: ");
    }
    t->dict_warnings++;
    keep(t, TALLY_WARNING, e->file, e->line, e->record_id, e->message);
}

void tally_discard(tally *t, const char *file, long line, const char *story, const char *sent,
                   const char *phrase)
{
    char id[300];
    snprintf(id, sizeof id, "%s_%s", story, sent);
    const char *msg = phrase ? phrase : "(in a story discarded by a later sentence)";
    if (t->verbose) {
        clear_progress(t);
        fprintf(stderr, "%s:%ld: record %s: discarded: %s\n", file, line, id, msg);
    }
    keep(t, TALLY_DISCARD, file, line, id, msg);
}

void tally_fatal(const pc_error *e)
{
    print(e, "fatal: ");
}

long tally_read(const tally *t)
{
    return t->rd.records + t->split_extra;
}

long tally_discarded(const tally *t)
{
    return t->sent_discarded + t->in_discarded_stories;
}

long tally_rejected(const tally *t)
{
    return t->rd.rejected + t->rd.lost + t->no_parse + t->coder_errors;
}

int tally_has_problems(const tally *t)
{
    return tally_rejected(t) > 0 || t->rd.errors > 0 || t->files_failed > 0;
}

void tally_progress(tally *t, int force)
{
    if (!t->progress)
        return;
    double tn = now();
    if (!force && tn - t->last_tick < 0.5)
        return;
    t->last_tick = tn;
    long done = t->coded + tally_discarded(t) + tally_rejected(t);
    double secs = tn - t->t0;
    fprintf(stderr, "\r%s: %ld records read, %ld done (%.0f records/s), %ld events\033[K",
            pc_prog, tally_read(t), done, secs > 0 ? (double)done / secs : 0.0,
            t->events_coded);
    t->progress_shown = 1;
}

void tally_progress_end(tally *t)
{
    clear_progress(t);
}

static const char *plural(long n)
{
    return n == 1 ? "" : "s";
}

void tally_summary(const tally *t, const char *out)
{
    if (t->quiet)
        return;
    fprintf(stderr,
            "%s: %ld record%s read from %ld file%s: %ld coded (%ld with events), %ld discarded, "
            "%ld rejected\n",
            pc_prog, tally_read(t), plural(tally_read(t)), t->files, plural(t->files), t->coded,
            t->with_events, tally_discarded(t), tally_rejected(t));
    if (tally_rejected(t))
        fprintf(stderr,
                "%s: rejected: %ld by the input readers, %ld lost to XML errors, %ld without a "
                "parse, %ld failed to code\n",
                pc_prog, t->rd.rejected, t->rd.lost, t->no_parse, t->coder_errors);
    if (tally_discarded(t))
        fprintf(stderr, "%s: discarded: %ld by a sentence discard phrase, %ld in %ld stories "
                        "discarded by a story discard phrase\n",
                pc_prog, t->sent_discarded, t->in_discarded_stories, t->stories_discarded);
    if (t->files_failed)
        fprintf(stderr, "%s: %ld input file%s could not be read to the end\n", pc_prog,
                t->files_failed, plural(t->files_failed));
    if (t->renamed)
        fprintf(stderr, "%s: %ld repeated sentence id%s renamed (both sentences coded)\n",
                pc_prog, t->renamed, plural(t->renamed));
    if (t->replaced)
        fprintf(stderr, "%s: %ld record%s replaced by a later one with the same sentence id "
                "(--dup-ids replace)\n", pc_prog, t->replaced, plural(t->replaced));
    if (t->dict_warnings && !t->verbose)
        fprintf(stderr, "%s: %ld dictionary warning%s (-v shows them)\n", pc_prog,
                t->dict_warnings, plural(t->dict_warnings));
    fprintf(stderr, "%s: %ld event%s written to %s; %ld warning%s, %ld error%s\n", pc_prog,
            t->events_written, plural(t->events_written),
            strcmp(out, "-") == 0 ? "standard output" : out, t->warnings, plural(t->warnings),
            t->errors, plural(t->errors));
}

/* ---------------------------------------------------------------- report */

static json_t *item_json(const tally_item *it)
{
    static const char *const level[] = {"error", "warning", "discarded"};
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "level", json_string(level[it->level]));
    json_object_set_new(o, "file", pc_json_string(it->file));
    json_object_set_new(o, "line", json_integer(it->line));
    json_object_set_new(o, "record", pc_json_string(it->record));
    json_object_set_new(o, it->level == TALLY_DISCARD ? "phrase" : "message",
                        pc_json_string(it->message));
    return o;
}

int tally_write_report(const tally *t, const report_info *ri, FILE *f)
{
    /* json_pack's "s" needs valid UTF-8: check the one name from outside */
    json_t *oj = pc_json_string(ri->output);
    const char *out = json_is_string(oj) ? json_string_value(oj) : NULL;
    json_t *inputs = json_array();
    for (size_t i = 0; inputs && i < ri->n_inputs; i++)
        json_array_append_new(inputs, pc_json_string(ri->inputs[i]));
    json_t *items = json_array();
    for (long i = 0; items && i < t->n_items; i++)
        json_array_append_new(items, item_json(&t->items[i]));
    json_t *r = json_pack(
        "{s:s, s:i, s:o, s:I, s:I, s:{s:s, s:s}, s:{s:I, s:I, s:I, s:I}, s:I, s:I, s:I,"
        " s:{s:I, s:I, s:I, s:I}, s:{s:I, s:I, s:I}, s:I, s:I, s:{s:I, s:I, s:I}, s:o, s:I}",
        "petrarch", PC_VERSION, "exit_code", ri->exit_code, "inputs", inputs, "files",
        (json_int_t)t->files, "files_failed", (json_int_t)t->files_failed, "output", "file",
        out ? out : "", "format", ri->out_format, "records", "read", (json_int_t)tally_read(t),
        "coded", (json_int_t)t->coded, "discarded", (json_int_t)tally_discarded(t),
        "rejected", (json_int_t)tally_rejected(t), "coded_with_events",
        (json_int_t)t->with_events, "events_coded", (json_int_t)t->events_coded,
        "events_written", (json_int_t)t->events_written, "rejected", "input",
        (json_int_t)t->rd.rejected, "xml_lost", (json_int_t)t->rd.lost, "no_parse",
        (json_int_t)t->no_parse, "coder", (json_int_t)t->coder_errors, "discarded",
        "sentence", (json_int_t)t->sent_discarded, "in_discarded_stories",
        (json_int_t)t->in_discarded_stories, "stories", (json_int_t)t->stories_discarded,
        "renamed_ids", (json_int_t)t->renamed, "replaced_ids", (json_int_t)t->replaced, "diagnostics", "errors",
        (json_int_t)(t->errors), "warnings", (json_int_t)t->warnings, "dictionary_warnings",
        (json_int_t)t->dict_warnings, "items", items, "items_omitted",
        (json_int_t)t->items_omitted);
    json_decref(oj); /* (out was copied by json_pack) */
    if (!r)
        return -1;
    int bad = json_dumpf(r, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(r);
    if (bad || fputc('\n', f) == EOF)
        return -1;
    return 0;
}
