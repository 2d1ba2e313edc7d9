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
 *   same sentence id twice in a story: both are handed on (PETRARCH2 keeps
 *                    only the later one); the caller renames the later one
 *                    (story/dup_ids.h).
 *   a story id seen again after other stories: PETRARCH2 merges the two into
 *                    one story; a stream cannot, so it is coded as a separate
 *                    story, with a warning (detected for the first 1M ids),
 *                    unless the caller merges (pc_xml_reader_set_merging).
 *   no <Parse>       a text-only record: handed on with parse NULL, for the
 *                    raw-text path (raw_text.h).
 *   the parse        checked by pc_check_parse (record_check.h): too many
 *                    nodes rejects the record, unbalanced brackets warn.
 * Rejected records (an error each, file:line + id, and counted): missing or
 * empty id or date, no <Text> or empty <Text>, empty <Parse>, a Text or
 * Parse over PC_XML_MAX_FIELD bytes, a parse over the node limit.
 * An XML syntax error (bad entity, invalid UTF-8, NUL byte, truncation...)
 * loses the record it is in: it is reported, and reading resumes at the
 * next "<Sentence" in the raw bytes, each record then being read as a
 * document of its own; the <Sentence tags skipped are counted as lost.
 * Text after the document's end is read the same way (a warning).  So one
 * damaged record costs that record, not the rest of the file. */
#ifndef PC_XML_INPUT_H
#define PC_XML_INPUT_H

#include <stdio.h>

#include "petrarch.h"
#include "reader.h"

#define PC_XML_MAX_FIELD (64u << 20) /* bytes of one <Text> or <Parse> */

/* The reader's callback types and counts are those of every reader. */
typedef pc_rec_loc pc_xml_loc;
typedef pc_story_fn pc_xml_story_fn;
typedef pc_diag_fn pc_xml_diag_fn;
typedef pc_read_stats pc_xml_stats;

typedef struct pc_xml_reader pc_xml_reader;

pc_xml_reader *pc_xml_reader_new(pc_xml_story_fn story, void *story_ud, pc_xml_diag_fn diag,
                                 void *diag_ud);
void pc_xml_reader_free(pc_xml_reader *r);

/* Tell the reader its caller merges stories by id (pc_story_store), so a
 * story id that comes back later is not worth a warning. */
void pc_xml_reader_set_merging(pc_xml_reader *r, int on);

/* Read one file (filename is only used in diagnostics).  Returns PC_OK when
 * the file was read to its end (XML errors are reported through diag and
 * the stats), PC_ERR_IO when reading f failed (err says where; the
 * complete stories before it were handed on), PC_ERR_NOMEM.
 * Stories never span files. */
pc_status pc_xml_read(pc_xml_reader *r, FILE *f, const char *filename, pc_error *err);

const pc_xml_stats *pc_xml_reader_stats(const pc_xml_reader *r);

#endif
