/* phoenix_writer.h -- events in the Phoenix data set's 26-column TSV, as
 * phoenix_pipeline's postprocess.py writes them (README "Output formats"
 * lists the columns).  No geolocation: Lat .. CountryCode are empty; there
 * are no URLs, so URLs holds one empty entry per id (";"-joined, as
 * postprocess.py joins its list).  A TAB or newline inside a field (only
 * possible in ids and news sources taken from the input) is written as a
 * space, so every line has exactly 26 columns. */
#ifndef PC_PHOENIX_WRITER_H
#define PC_PHOENIX_WRITER_H

#include <stdio.h>

#include "event_record.h"

#define PC_PHOENIX_COLUMNS 26

/* The header row: the column names.  0, or -1 on a write error. */
int pc_phoenix_write_header(FILE *f);

/* One row; event_id is the EventID column. */
int pc_phoenix_write_event(FILE *f, const pc_event_record *r, unsigned long event_id);

#endif
