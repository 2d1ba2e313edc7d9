/* input_stream.h -- an input file as the readers want it: plain or
 * gzip-compressed (told apart by content, not by name, via zlib), a path or
 * standard input ("-"), with its first bytes available before reading so
 * that the format can be detected (input_format.h).
 *
 * The readers take a FILE*: pc_input_file gives one that reads the
 * decompressed content from its first byte (glibc's fopencookie over
 * zlib's gzread).  A damaged gzip stream shows as a read error on it
 * (ferror), and pc_input_error says what zlib found. */
#ifndef PC_INPUT_STREAM_H
#define PC_INPUT_STREAM_H

#include <stddef.h>
#include <stdio.h>

#include "petrarch.h"

#define PC_INPUT_PEEK 4096 /* bytes pc_input_peek can show */

typedef struct pc_input pc_input;

/* Open path ("-": standard input, which is then not closed).  NULL with err
 * set (PC_ERR_IO, the system's reason) when it cannot be opened. */
pc_input *pc_input_open(const char *path, pc_error *err);

/* The first bytes of the content (at most PC_INPUT_PEEK; fewer only when
 * the content is shorter, or a read error came first), not consumed. */
const char *pc_input_peek(pc_input *in, size_t *n);

/* The content as a stream, from its first byte.  Owned by in. */
FILE *pc_input_file(pc_input *in);

/* 1 when the content was gzip-compressed. */
int pc_input_is_gzip(const pc_input *in);

/* After a read error on the stream: why ("" when there was none). */
const char *pc_input_error(const pc_input *in);

void pc_input_close(pc_input *in);

#endif
