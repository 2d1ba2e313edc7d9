/* input_stream.c -- see input_stream.h.  zlib reads plain files as they are
 * ("transparent" mode), so every input goes through gzread and compressed
 * and plain inputs take the same path. */
#define _GNU_SOURCE /* fopencookie */
#include "input_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "util/error.h"
#include "util/alloc.h"

struct pc_input {
    gzFile gz;
    FILE *f;               /* the cookie stream, made on first use */
    char peek[PC_INPUT_PEEK];
    size_t peek_n, peek_pos;
    int peek_err;          /* the read that filled peek failed */
    int gzip;
    char error[160];
};

/* gzread, with zlib's reason kept on failure. */
static ssize_t gz_read(pc_input *in, char *buf, size_t size)
{
    if (size > INT_MAX)
        size = INT_MAX;
    int n = gzread(in->gz, buf, (unsigned)size);
    int zerr = Z_OK;
    const char *msg = n <= 0 ? gzerror(in->gz, &zerr) : NULL;
    /* gzread takes a cut-off gzip stream for a soft end (Z_BUF_ERROR: the
     * file may still be being written); here it is damaged input */
    if (n < 0 || (n == 0 && zerr == Z_BUF_ERROR)) {
        snprintf(in->error, sizeof in->error, "%s",
                 zerr == Z_ERRNO ? strerror(errno)
                 : zerr == Z_BUF_ERROR ? "the gzip data ends too early"
                 : msg ? msg : "read error");
        errno = EIO;
        return -1;
    }
    return n;
}

static ssize_t cookie_read(void *cookie, char *buf, size_t size)
{
    pc_input *in = cookie;
    if (in->peek_pos < in->peek_n) {
        size_t k = in->peek_n - in->peek_pos;
        if (k > size)
            k = size;
        memcpy(buf, in->peek + in->peek_pos, k);
        in->peek_pos += k;
        return (ssize_t)k;
    }
    if (in->peek_err) {
        errno = EIO;
        return -1;
    }
    return gz_read(in, buf, size);
}

pc_input *pc_input_open(const char *path, pc_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
    if (fd < 0) {
        pc_error_set(err, PC_ERR_IO, is_stdin ? "<stdin>" : path, 0, NULL, "cannot open: %s",
                     strerror(errno));
        return NULL;
    }
    pc_input *in = pc_calloc(1, sizeof *in);
    gzFile gz = in ? gzdopen(fd, "rb") : NULL;
    if (!gz) {
        close(fd);
        pc_free(in);
        pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory opening the input");
        return NULL;
    }
    in->gz = gz;
    gzbuffer(gz, 128 * 1024);
    /* fill the peek buffer (short reads happen only at the end) */
    while (in->peek_n < sizeof in->peek) {
        ssize_t n = gz_read(in, in->peek + in->peek_n, sizeof in->peek - in->peek_n);
        if (n < 0) {
            in->peek_err = 1;
            break;
        }
        if (n == 0)
            break;
        in->peek_n += (size_t)n;
    }
    in->gzip = !gzdirect(gz);
    return in;
}

const char *pc_input_peek(pc_input *in, size_t *n)
{
    *n = in->peek_n;
    return in->peek;
}

FILE *pc_input_file(pc_input *in)
{
    if (!in->f) {
        cookie_io_functions_t io = {.read = cookie_read};
        in->f = fopencookie(in, "r", io);
    }
    return in->f;
}

int pc_input_is_gzip(const pc_input *in)
{
    return in->gzip;
}

const char *pc_input_error(const pc_input *in)
{
    return in->error;
}

void pc_input_close(pc_input *in)
{
    if (!in)
        return;
    if (in->f)
        fclose(in->f);
    gzclose(in->gz);
    pc_free(in);
}
