/* jsonl_input.h -- JSON Lines input: one story per line (jansson).
 *
 *   {"id": "S1", "date": "2015-06-09", "source": "AFP", "text": "..."}
 *   {"id": "S2", "date": "20150609", "sentences": [
 *        {"text": "...", "parse": "(ROOT (S ...))"}, {"id": "7", "text": "..."}]}
 *
 * id      a non-empty string or an integer (required)
 * date    YYYYMMDD, YYYY-MM-DD or YYYY/MM/DD, optionally with a time after
 *         it ("2015-06-09T12:00:00Z"), written out as YYYYMMDD (required)
 * source  the news source (optional; null or absent is written NULL)
 * sentences  the story's sentences in order; each has "text" (required),
 *         "parse" (a Penn Treebank parse; without one the sentence is text
 *         only: raw-text path) and "id" (a string or integer; default its
 *         1-based position).  Events are STORY_SENT: "S2_1", "S2_7".
 * text    (when there is no "sentences") the whole story as raw text: one
 *         text-only "sentence" to be split (raw-text path).
 * Other members are ignored.  Blank lines are skipped (not records).
 *
 * Records (reader.h): each entry of "sentences" is one; a line with only a
 * "text", or rejected as a whole, is one.  Rejected: a line that is not
 * valid JSON (jansson's message and column: also invalid UTF-8, NUL bytes,
 * "\u0000", a repeated member name), not an object, a bad or missing id or
 * date, a source that is not a string, neither "text" nor a non-empty
 * "sentences"; a sentence without a non-empty "text", with an empty or
 * non-string "parse" or id, or a parse over the node limit (record_check.h).
 * A line longer than PC_JSONL_MAX_LINE bytes is rejected without being
 * held in memory. */
#ifndef PC_JSONL_INPUT_H
#define PC_JSONL_INPUT_H

#include <stdio.h>

#include "reader.h"

#define PC_JSONL_MAX_LINE (64u << 20)

/* Read one file; stats accumulate into *st.  PC_OK when read to its end,
 * PC_ERR_IO on a read error (err says where), PC_ERR_NOMEM. */
pc_status pc_jsonl_read(FILE *f, const char *filename, pc_story_fn story, pc_diag_fn diag,
                        void *ud, pc_read_stats *st, pc_error *err);

#endif
