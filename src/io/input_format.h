/* input_format.h -- which reader an input needs: PETRARCH XML, JSON Lines
 * or plain text, named on the command line (--in) or detected from the
 * first bytes of the content. */
#ifndef PC_INPUT_FORMAT_H
#define PC_INPUT_FORMAT_H

#include <stddef.h>

typedef enum pc_in_format {
    PC_IN_AUTO = 0,
    PC_IN_XML,
    PC_IN_JSONL,
    PC_IN_TEXT
} pc_in_format;

/* "auto", "xml", "jsonl" (also "json", "ndjson"), "text" (also "txt");
 * -1 for anything else. */
int pc_in_format_parse(const char *name);
const char *pc_in_format_name(pc_in_format f);

/* From the first bytes (after a UTF-8 byte-order mark and white space):
 * '<' is XML, '{' is JSON Lines, anything else is text.  n == 0 (an empty
 * input) gives PC_IN_AUTO: nothing to read. */
pc_in_format pc_in_format_detect(const char *head, size_t n);

#endif
