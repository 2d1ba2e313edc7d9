/* error.c -- see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy_field(char *dst, size_t n, const char *src)
{
    if (!src)
        src = "";
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

void pc_error_clear(pc_error *err)
{
    if (!err)
        return;
    err->code = PC_OK;
    err->message[0] = err->file[0] = err->record_id[0] = '\0';
    err->line = 0;
    err->position = -1;
}

pc_status pc_error_set(pc_error *err, pc_status code, const char *file, long line,
                       const char *record_id, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    copy_field(err->file, sizeof err->file, file);
    copy_field(err->record_id, sizeof err->record_id, record_id);
    err->line = line;
    err->position = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *pc_status_name(pc_status s)
{
    switch (s) {
    case PC_OK: return "ok";
    case PC_ERR_NOMEM: return "out of memory";
    case PC_ERR_IO: return "I/O error";
    case PC_ERR_CONFIG: return "config error";
    case PC_ERR_DICT: return "dictionary error";
    case PC_ERR_INPUT: return "input error";
    case PC_ERR_PARSE: return "parse error";
    case PC_ERR_CODER: return "coder error";
    case PC_ERR_USAGE: return "usage error";
    }
    return "unknown error";
}
