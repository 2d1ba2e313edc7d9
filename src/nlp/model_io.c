/* model_io.c -- see model_io.h. */
#include "nlp/model_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "util/error.h"
#include "util/alloc.h"

#define HEADER_BYTES (8 + 4 + 8 + 4)

static void grow(pc_wbuf *b, size_t extra)
{
    if (b->oom)
        return;
    if (b->n + extra <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + extra)
        cap *= 2;
    unsigned char *p = pc_realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->p = p;
    b->cap = cap;
}

void pc_wbuf_bytes(pc_wbuf *b, const void *src, size_t n)
{
    grow(b, n);
    if (b->oom || n == 0)
        return;
    memcpy(b->p + b->n, src, n);
    b->n += n;
}

static void put_le(pc_wbuf *b, uint64_t v, int bytes)
{
    unsigned char t[8];
    for (int i = 0; i < bytes; i++)
        t[i] = (unsigned char)(v >> (8 * i));
    pc_wbuf_bytes(b, t, (size_t)bytes);
}

void pc_wbuf_u8(pc_wbuf *b, uint8_t v) { put_le(b, v, 1); }
void pc_wbuf_u16(pc_wbuf *b, uint16_t v) { put_le(b, v, 2); }
void pc_wbuf_u32(pc_wbuf *b, uint32_t v) { put_le(b, v, 4); }
void pc_wbuf_u64(pc_wbuf *b, uint64_t v) { put_le(b, v, 8); }

void pc_wbuf_f32(pc_wbuf *b, float v)
{
    uint32_t u;
    memcpy(&u, &v, 4);
    pc_wbuf_u32(b, u);
}

void pc_wbuf_str(pc_wbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > 65535)
        n = 65535;
    pc_wbuf_u16(b, (uint16_t)n);
    pc_wbuf_bytes(b, s, n);
}

void pc_wbuf_free(pc_wbuf *b)
{
    pc_free(b->p);
    memset(b, 0, sizeof *b);
}

static uint32_t crc_of(const unsigned char *p, size_t n)
{
    uLong c = crc32(0L, Z_NULL, 0);
    while (n > 0) {   /* crc32 takes a uInt length */
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        c = crc32(c, p, k);
        p += k;
        n -= k;
    }
    return (uint32_t)c;
}

pc_status pc_wbuf_save(const pc_wbuf *b, const char *path, const char magic[8],
                       uint32_t version, pc_error *err)
{
    if (b->oom)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory writing the model");
    pc_wbuf h = {0};
    pc_wbuf_bytes(&h, magic, 8);
    pc_wbuf_u32(&h, version);
    pc_wbuf_u64(&h, b->n);
    pc_wbuf_u32(&h, crc_of(b->p, b->n));
    if (h.oom) {
        pc_wbuf_free(&h);
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    }
    size_t tl = strlen(path) + 8;
    char *tmp = pc_malloc(tl);
    if (!tmp) {
        pc_wbuf_free(&h);
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    }
    snprintf(tmp, tl, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(h.p, 1, h.n, f) == h.n && (b->n == 0 || fwrite(b->p, 1, b->n, f) == b->n);
    int e = errno;
    if (f && fclose(f) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0) {
        e = errno;
        ok = 0;
    }
    pc_wbuf_free(&h);
    if (!ok) {
        remove(tmp);
        pc_free(tmp);
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "cannot write the model: %s",
                            strerror(e));
    }
    pc_free(tmp);
    return PC_OK;
}

static uint64_t get_le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

pc_status pc_rbuf_open(pc_rbuf *r, const char *path, const char magic[8], uint32_t version,
                       const char *what, pc_error *err)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    FILE *f = fopen(path, "rb");
    if (!f)
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "cannot open the %s model: %s", what,
                            strerror(errno));
    /* one allocation of the file's size (+1 to see the end), not doublings */
    size_t cap = 1 << 20, n = 0;
    struct stat fs;
    if (fstat(fileno(f), &fs) == 0 && S_ISREG(fs.st_mode) && fs.st_size > 0 &&
        (uintmax_t)fs.st_size < SIZE_MAX / 2)
        cap = (size_t)fs.st_size + 1;
    unsigned char *buf = pc_malloc(cap);
    while (buf) {
        if (n == cap) {
            unsigned char *nb = pc_realloc(buf, cap * 2);
            if (!nb) {
                pc_free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int rerr = ferror(f);
    fclose(f);
    if (!buf)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory reading the %s model",
                            what);
    if (rerr) {
        pc_free(buf);
        return pc_error_set(err, PC_ERR_IO, path, 0, NULL, "read error on the %s model", what);
    }
    pc_status st = PC_OK;
    if (n < HEADER_BYTES || memcmp(buf, magic, 8) != 0) {
        st = pc_error_set(err, PC_ERR_INPUT, path, 0, NULL,
                          "not a petrarch %s model (bad magic; expected \"%.8s\")", what, magic);
    } else if ((uint32_t)get_le(buf + 8, 4) != version) {
        st = pc_error_set(err, PC_ERR_INPUT, path, 0, NULL,
                          "%s model format version %u, this build reads version %u (retrain it)",
                          what, (unsigned)get_le(buf + 8, 4), (unsigned)version);
    } else {
        uint64_t len = get_le(buf + 12, 8);
        uint32_t crc = (uint32_t)get_le(buf + 20, 4);
        if (len != n - HEADER_BYTES)
            st = pc_error_set(err, PC_ERR_INPUT, path, 0, NULL,
                              "%s model is truncated or has trailing bytes: header says %llu "
                              "payload bytes, file has %llu",
                              what, (unsigned long long)len,
                              (unsigned long long)(n - HEADER_BYTES));
        else if (crc_of(buf + HEADER_BYTES, n - HEADER_BYTES) != crc)
            st = pc_error_set(err, PC_ERR_INPUT, path, 0, NULL,
                              "%s model is corrupt (CRC-32 checksum mismatch)", what);
    }
    if (st != PC_OK) {
        pc_free(buf);
        return st;
    }
    r->data = buf;
    r->p = buf + HEADER_BYTES;
    r->end = buf + n;
    return PC_OK;
}

void pc_rbuf_close(pc_rbuf *r)
{
    pc_free(r->data);
    r->data = NULL;
    r->p = r->end = NULL;
}

const void *pc_rbuf_take(pc_rbuf *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return NULL;
    }
    const void *q = r->p;
    r->p += n;
    return q;
}

static uint64_t take_le(pc_rbuf *r, int bytes)
{
    const unsigned char *q = pc_rbuf_take(r, (size_t)bytes);
    return q ? get_le(q, bytes) : 0;
}

uint8_t pc_rbuf_u8(pc_rbuf *r) { return (uint8_t)take_le(r, 1); }
uint16_t pc_rbuf_u16(pc_rbuf *r) { return (uint16_t)take_le(r, 2); }
uint32_t pc_rbuf_u32(pc_rbuf *r) { return (uint32_t)take_le(r, 4); }
uint64_t pc_rbuf_u64(pc_rbuf *r) { return take_le(r, 8); }

float pc_rbuf_f32(pc_rbuf *r)
{
    uint32_t u = pc_rbuf_u32(r);
    float v;
    memcpy(&v, &u, 4);
    return v;
}

int pc_rbuf_str(pc_rbuf *r, char *dst, size_t cap)
{
    uint16_t n = pc_rbuf_u16(r);
    const char *q = pc_rbuf_take(r, n);
    if (!q || (size_t)n + 1 > cap) {
        r->bad = 1;
        return -1;
    }
    memcpy(dst, q, n);
    dst[n] = '\0';
    return 0;
}
