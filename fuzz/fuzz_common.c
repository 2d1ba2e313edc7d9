/* fuzz_common.c -- see fuzz_common.h. */
#define _GNU_SOURCE /* memfd_create */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

static pc_config *g_cfg;
static pc_dicts *g_dicts;

static const char *data_dir(void)
{
    const char *env = getenv("PETRARCH_DATA");
    return env && *env ? env : PC_DATA_DIR;
}

static void load(void)
{
    if (g_dicts)
        return;
    char path[4096], dicts[4096];
    snprintf(path, sizeof path, "%s/PETR_config.ini", data_dir());
    snprintf(dicts, sizeof dicts, "%s/dictionaries", data_dir());
    pc_error err;
    g_cfg = pc_config_load(path, dicts, &err);
    if (g_cfg)
        g_dicts = pc_dicts_load(g_cfg, fz_warn, NULL, &err);
    if (!g_dicts) {
        fprintf(stderr, "fuzz: cannot load %s: %s\n", path, err.message);
        abort();
    }
}

const pc_config *fz_config(void)
{
    load();
    return g_cfg;
}

const pc_dicts *fz_dicts(void)
{
    load();
    return g_dicts;
}

const char *fz_file(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("fuzz-input", 0);
        if (fd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        perror("fuzz: memfd");
        abort();
    }
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        if (w <= 0) {
            perror("fuzz: memfd write");
            abort();
        }
        off += (size_t)w;
    }
    return path;
}

void fz_check_nomem(const pc_error *err)
{
    if (err->code == PC_ERR_NOMEM) {
        fprintf(stderr, "fuzz: out of memory on a small input: %s\n", err->message);
        abort();
    }
}

char *fz_strndup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

FILE *fz_null(void)
{
    static FILE *f;
    if (!f && !(f = fopen("/dev/null", "w")))
        abort();
    return f;
}

void fz_warn(void *ud, const pc_error *w)
{
    (void)ud;
    volatile size_t n = strlen(w->message) + strlen(w->file) + strlen(w->record_id);
    (void)n;
}
