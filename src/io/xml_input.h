/* xml_input.h -- streaming reader of PETRARCH XML input (expat).
 *
 * Reads <Sentence date= id= sentence= source=> records with <Text> and
 * <Parse> children anywhere in the document, ignoring every other element
 * and attribute, and hands consecutive records of the same story to a
 * callback as one pc_story_in.  Memory is bounded by the largest story, not
 * by the file: a story is released as soon as its callback returns.
 *
 * How a record becomes a sentence (PETRARCH2's PETRreader.read_xml_input,
 * with its crashes turned into reported errors):
 *   sentence="True"  id must be STORY_SENT.  PETRARCH2 splits at '_' and
 *                    crashes unless there is exactly one; we split at the LAST
 *                    '_' (a warning when there are several) and reject ids
 *                    without one.
 *   anything else    ("true", "false", missing: PETRARCH2 compares with the
 *                    exact string "True") a story record: PETRARCH2 would
 *                    split its text into sentences of 100-512 characters,
 *                    each coded with the record's one parse, keyed 0, 1, ...
 *                    and keep no source.  We code it as ONE sentence "0" of
 *                    story id (so its events read ID_0, source NULL) and warn
 *                    once per file.
 *   Text, Parse      passed on as read (the sentence coder applies
 *                    PETRARCH2's text.replace('\n', ' ').replace('  ', ' ')
 *                    and _format_parsed_str).
 *   story            date and source come from the story's first record (as
 *                    PETRARCH2 keeps its first record's meta); a missing source
 *                    is NULL (written "NULL").
 *   same sentence id twice in a story: the later record replaces the earlier
 *                    in its place (dict assignment), with a warning.
 *   a story id seen again after other stories: PETRARCH2 merges the two into
 *                    one story; a stream cannot, so it is coded as a separate
 *                    story, with a warning (detected for the first 1M ids).
 * Rejected records (an error each, file:line + id, and counted): missing or
 * empty id or date, no <Text> or empty <Text>, no <Parse> or empty <Parse>,
 * a Text or Parse over PC_XML_MAX_FIELD bytes.  An XML syntax error ends the
 * file (expat cannot resume): it is reported, complete records before it are
 * coded, and the <Sentence tags after it are counted as lost. */
#ifndef PC_XML_INPUT_H
#define PC_XML_INPUT_H

#include <stdio.h>

#include "petrarch.h"

#define PC_XML_MAX_FIELD (64u << 20) /* bytes of one <Text> or <Parse> */

/* Where a story's records are: file, and the line of each sentence's
 * <Sentence> tag (parallel to story->sents). */
typedef struct pc_xml_loc {
    const char *file;
    const long *lines;
} pc_xml_loc;

/* Called once per story.  Return 0 to go on, non-zero to stop reading:
 * pc_xml_read then returns PC_OK at once with stats.stopped set (the caller
 * keeps the reason in its own state). */
typedef int (*pc_xml_story_fn)(void *ud, const pc_story_in *story, const pc_xml_loc *loc);

/* A diagnostic: is_error 1 for a rejected record / lost input, 0 for a warning.
 * d->file, d->line, d->record_id (may be "") and d->message are filled. */
typedef void (*pc_xml_diag_fn)(void *ud, int is_error, const pc_error *d);

/* Counts, accumulated over every file read with one reader.  Every record
 * (<Sentence> tag) is in exactly one of: sentences, rejected, replaced, lost. */
typedef struct pc_xml_stats {
    long records;     /* <Sentence> records met, including lost ones */
    long sentences;   /* sentences handed to the callback */
    long stories;     /* callback calls */
    long rejected;    /* records reported as errors and skipped */
    long replaced;    /* records replaced by a later one with the same id */
    long lost;        /* records after an XML syntax error (counted textually) */
    long warnings;
    long errors;      /* error diagnostics (rejected records, syntax errors) */
    int stopped;      /* the callback asked to stop */
} pc_xml_stats;

typedef struct pc_xml_reader pc_xml_reader;

pc_xml_reader *pc_xml_reader_new(pc_xml_story_fn story, void *story_ud, pc_xml_diag_fn diag,
                                 void *diag_ud);
void pc_xml_reader_free(pc_xml_reader *r);

/* Tell the reader its caller merges stories by id (pc_story_store), so a
 * story id that comes back later is not worth a warning. */
void pc_xml_reader_set_merging(pc_xml_reader *r, int on);

/* Read one file (filename is only used in diagnostics).  Returns PC_OK when
 * the file was read to its end or to an XML error (both reported through
 * diag and the stats), PC_ERR_IO when reading f failed, PC_ERR_NOMEM.
 * Stories never span files. */
pc_status pc_xml_read(pc_xml_reader *r, FILE *f, const char *filename, pc_error *err);

const pc_xml_stats *pc_xml_reader_stats(const pc_xml_reader *r);

#endif
