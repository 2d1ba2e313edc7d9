/* reader.h -- what every input reader (PETRARCH XML, JSON Lines, plain
 * text) hands its caller: stories, diagnostics and counts, in one shape, so
 * that the caller codes and accounts for them the same way whatever the
 * format.
 *
 * Accounting: a reader counts "records", the units it reads -- an XML
 * <Sentence>, one entry of a JSONL story's "sentences" (a JSONL line that
 * is rejected as a whole, or that has only a "text", counts as one), a text
 * file.  Every record is in exactly one of: sentences (handed on in a
 * story), rejected (an error diagnostic says why), lost (XML only: records
 * an XML syntax error made unreadable, counted by their <Sentence tags).
 * Internal to src/io and the CLI. */
#ifndef PC_READER_H
#define PC_READER_H

#include "petrarch.h"

/* Where a story's records are: the file, the line of each sentence's record
 * (parallel to story->sents), and whether the story is unsplit raw text.
 * A sentence whose parse is NULL is text only: it has to go through the
 * raw-text path (raw_text.h) before it can be coded.  unsplit: the story
 * has one such "sentence" holding the whole story text, to be split into
 * sentences first (JSONL "text", text files). */
typedef struct pc_rec_loc {
    const char *file;
    const long *lines;
    int unsplit;
} pc_rec_loc;

/* Called once per story.  Return 0 to go on, non-zero to stop reading: the
 * read function then returns PC_OK at once with stats.stopped set (the
 * caller keeps the reason in its own state). */
typedef int (*pc_story_fn)(void *ud, const pc_story_in *story, const pc_rec_loc *loc);

/* A diagnostic: is_error 1 for a rejected record / lost input, 0 for a
 * warning.  d->file, d->line, d->record_id (may be "") and d->message are
 * filled. */
typedef void (*pc_diag_fn)(void *ud, int is_error, const pc_error *d);

/* Counts, accumulated over every file read with one reader.
 * records == sentences + rejected + lost. */
typedef struct pc_read_stats {
    long records;     /* records met, including lost ones */
    long sentences;   /* sentences handed to the callback */
    long stories;     /* callback calls */
    long rejected;    /* records reported as errors and skipped */
    long lost;        /* XML: records after a syntax error, until reading resumes */
    long warnings;
    long errors;      /* error diagnostics (rejected records, syntax errors, ...) */
    int stopped;      /* the callback asked to stop */
} pc_read_stats;

#endif
