/* model_io.h -- the container of the tagger and parser model files.
 *
 * A model file is   magic[8] | u32 version | u64 payload bytes | u32 CRC-32 | payload
 * (little-endian).  The reader checks every one of these before anything is
 * decoded, so a truncated or damaged file fails with a message that says which
 * (never a crash or a silently wrong model).  The payload is read through a
 * bounds-checked cursor: running past its end is an error, not a read. */
#ifndef PC_NLP_MODEL_IO_H
#define PC_NLP_MODEL_IO_H

#include <stddef.h>
#include <stdint.h>

#include "petrarch.h"

/* ---- writing: an in-memory buffer, written out in one go */
typedef struct pc_wbuf {
    unsigned char *p;
    size_t n, cap;
    int oom;          /* an allocation failed; pc_wbuf_save reports it */
} pc_wbuf;

void pc_wbuf_bytes(pc_wbuf *b, const void *src, size_t n);
void pc_wbuf_u8(pc_wbuf *b, uint8_t v);
void pc_wbuf_u16(pc_wbuf *b, uint16_t v);
void pc_wbuf_u32(pc_wbuf *b, uint32_t v);
void pc_wbuf_u64(pc_wbuf *b, uint64_t v);
void pc_wbuf_f32(pc_wbuf *b, float v);
void pc_wbuf_str(pc_wbuf *b, const char *s);   /* u16 length + bytes */
void pc_wbuf_free(pc_wbuf *b);
/* Write magic/version/length/CRC + payload to path (via a temporary file
 * renamed over it).  Returns PC_OK or an error in err. */
pc_status pc_wbuf_save(const pc_wbuf *b, const char *path, const char magic[8],
                       uint32_t version, pc_error *err);

/* ---- reading */
typedef struct pc_rbuf {
    unsigned char *data;  /* the whole file (owned) */
    const unsigned char *p, *end;  /* cursor over the payload */
    int bad;              /* a read ran past the end */
    const char *path;
} pc_rbuf;

/* Load and verify path.  what: "tagger"/"parser", for messages. */
pc_status pc_rbuf_open(pc_rbuf *r, const char *path, const char magic[8], uint32_t version,
                       const char *what, pc_error *err);
void pc_rbuf_close(pc_rbuf *r);
uint8_t pc_rbuf_u8(pc_rbuf *r);
uint16_t pc_rbuf_u16(pc_rbuf *r);
uint32_t pc_rbuf_u32(pc_rbuf *r);
uint64_t pc_rbuf_u64(pc_rbuf *r);
float pc_rbuf_f32(pc_rbuf *r);
/* A pointer into the buffer to n bytes (NULL and bad set if short). */
const void *pc_rbuf_take(pc_rbuf *r, size_t n);
/* Copy a u16-length string into dst (cap bytes, NUL-terminated); -1 if bad. */
int pc_rbuf_str(pc_rbuf *r, char *dst, size_t cap);

#endif
