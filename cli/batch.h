/* batch.h -- the parts of `petrarch batch` (cmd_batch.c): the accounting of
 * every record (tally.c), the output formats (emit.c) and the reading of
 * inputs of any format (read_inputs.c). */
#ifndef PC_CLI_BATCH_H
#define PC_CLI_BATCH_H

#include <stdio.h>

#include "io/event_record.h"
#include "io/input_format.h"
#include "io/reader.h"
#include "petrarch.h"
#include "story/oneaday.h"
#include "util/arena.h"

/* ------------------------------------------------------------- tally.c */

/* A diagnostic kept for the report. */
typedef struct tally_item {
    int level;           /* TALLY_ERROR, TALLY_WARNING, TALLY_DISCARD */
    char *file, *record, *message;
    long line;
} tally_item;

enum { TALLY_ERROR, TALLY_WARNING, TALLY_DISCARD };

#define TALLY_MAX_ITEMS 100000L /* kept for the report; the rest only counted */

/* What happened to every record, and what was said about it. */
typedef struct tally {
    int verbose, quiet;
    /* what the readers counted (summed over formats) */
    pc_read_stats rd;
    long files, files_failed;
    /* sentences handed to the coder, by outcome (exclusive) */
    long coded, with_events, sent_discarded, in_discarded_stories, coder_errors;
    long stories_discarded;
    long no_parse;       /* text-only sentences the raw-text path could not take */
    long split_extra;    /* records more than read: a text the splitter made into
                            k sentences counts k times */
    long renamed;        /* repeated sentence ids renamed (both kept) */
    long replaced;       /* --dup-ids replace: records replaced by a later one
                            (counted among the coded: PETRARCH2 codes the later
                            record in the earlier one's place) */
    long events_coded;   /* events after the one-a-story filter */
    long events_written; /* lines written (after --one-a-day) */
    long dict_warnings;
    long warnings, errors; /* diagnostics shown (other than dictionary warnings) */
    tally_item *items;
    long n_items, cap_items, items_omitted;
    /* progress line */
    int progress;
    double t0, last_tick;
    int progress_shown;
} tally;

void tally_init(tally *t, int verbose, int quiet);
void tally_free(tally *t);

/* Print "FILE:LINE: record ID: error: MESSAGE" (or warning) and keep it. */
void tally_diag(tally *t, int is_error, const pc_error *e);
/* A dictionary warning: kept, printed only when verbose. */
void tally_dict_warning(tally *t, const pc_error *e);
/* A discarded sentence (phrase may be NULL: after a story discard). */
void tally_discard(tally *t, const char *file, long line, const char *story, const char *sent,
                   const char *phrase);
/* A fatal problem (printed, not counted). */
void tally_fatal(const pc_error *e);

/* Records read / coded / discarded / rejected: read == the other three. */
long tally_read(const tally *t);
long tally_discarded(const tally *t);
long tally_rejected(const tally *t);
/* Problems that make the exit status 1 (EXIT_REJECTED). */
int tally_has_problems(const tally *t);

/* The progress line (stderr is a terminal, not --quiet): at most twice a
 * second unless force; tally_progress_end erases it. */
void tally_progress(tally *t, int force);
void tally_progress_end(tally *t);

void tally_summary(const tally *t, const char *out);

/* The --report file (JSON, README "Report file"). */
typedef struct report_info {
    const char *output, *out_format;
    char *const *inputs;
    size_t n_inputs;
    int exit_code;
} report_info;
int tally_write_report(const tally *t, const report_info *ri, FILE *f);

/* -------------------------------------------------------------- emit.c */

typedef enum out_format { OUT_EVTS, OUT_JSONL, OUT_PHOENIX } out_format;

int out_format_parse(const char *name); /* -1 if unknown */
const char *out_format_name(out_format f);

typedef struct emitter {
    FILE *f;
    out_format fmt;
    const pc_options *opt;
    pc_oneaday *oad;            /* --one-a-day: events held until the end */
    unsigned long next_id;      /* Phoenix EventID */
    pc_arena *a;                /* per story */
} emitter;

/* 0, or -1 (OOM, a write error). */
int emit_begin(emitter *e, FILE *f, out_format fmt, const pc_options *opt, int header,
               int one_a_day);
/* The events of one coded story; returns the lines written (0 when held for
 * --one-a-day), -1 on a write error or OOM. */
long emit_story(emitter *e, const pc_story_in *s, const pc_story_result *r);
/* Write what --one-a-day held; lines written or -1. */
long emit_end(emitter *e);
void emit_free(emitter *e);

/* ------------------------------------------------------- read_inputs.c */

typedef struct input_opts {
    pc_in_format format;      /* PC_IN_AUTO: detect per file */
    const char *date;         /* YYYYMMDD for text files without a date line, or NULL */
    const char *source;       /* news source of text files, or NULL */
    int merging;              /* stories are merged by id (no warning when one comes back) */
} input_opts;

/* Read every path (a file or "-") with the reader its format needs, handing
 * each story to story(ud, ...) and counting into t.  Unreadable or damaged
 * files are reported and counted (t->files_failed); the others are read.
 * Returns 0, or -1 on a fatal problem (OOM, or story asked to stop). */
int read_inputs(char *const *paths, size_t n, const input_opts *o, pc_story_fn story, void *ud,
                tally *t);

#endif
