/* text_input.h -- plain text input: one story per file (a news article).
 *
 * The story date is that of a date line -- the first non-blank line, alone
 * on its line: "Date: 2025-12-19", "Date: 20251219" or "2025-12-19" ("Date"
 * in any case, the colon optional; nlp/dateline.h) -- which is then not
 * part of the text; else the caller's default (--date); else the file is
 * rejected.  The text is handed on as one unsplit, text-only sentence
 * (reader.h): the raw-text path splits and parses it.
 *
 * Records (reader.h): the file is one.  Rejected: a NUL byte, invalid UTF-8
 * (file:line says where), no text, no date, more than PC_TEXT_MAX bytes. */
#ifndef PC_TEXT_INPUT_H
#define PC_TEXT_INPUT_H

#include <stdio.h>

#include "reader.h"

#define PC_TEXT_MAX (64u << 20)

typedef struct pc_text_meta {
    const char *story_id;  /* required */
    const char *date;      /* YYYYMMDD for a file without a date line, or NULL */
    const char *source;    /* the news source, or NULL */
} pc_text_meta;

/* Read one file; stats accumulate into *st.  PC_OK when read (even if the
 * file was rejected), PC_ERR_IO on a read error, PC_ERR_NOMEM. */
pc_status pc_text_read(FILE *f, const char *filename, const pc_text_meta *m, pc_story_fn story,
                       pc_diag_fn diag, void *ud, pc_read_stats *st, pc_error *err);

#endif
