/* jsonl_writer.h -- events as JSON Lines: one JSON object per line, per
 * event, with the fields listed in the README ("Output formats"), always
 * valid JSON (jansson; text that is not valid UTF-8 has its bad bytes
 * replaced by U+FFFD). */
#ifndef PC_JSONL_WRITER_H
#define PC_JSONL_WRITER_H

#include <stdio.h>

#include "event_record.h"

/* Write one line.  0, or -1 on a write error (or OOM). */
int pc_jsonl_write_event(FILE *f, const pc_event_record *r);

#endif
