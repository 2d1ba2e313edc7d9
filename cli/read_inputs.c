/* read_inputs.c -- every input of `petrarch batch`, whatever its format:
 * opened plain or gzip (io/input_stream.h), its format named (--in) or
 * detected from its first bytes, and read by the matching reader.  A file
 * that cannot be opened or read to its end is reported and the run goes
 * on with the others.  See batch.h. */
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "io/input_stream.h"
#include "io/jsonl_input.h"
#include "io/text_input.h"
#include "io/xml_input.h"
#include "util/error.h"

typedef struct ctx {
    tally *t;
    pc_story_fn story;
    void *ud;
    int stop;
} ctx;

static void on_diag(void *ud, int is_error, const pc_error *d)
{
    tally_diag(((ctx *)ud)->t, is_error, d);
}

static int on_story(void *ud, const pc_story_in *s, const pc_rec_loc *loc)
{
    ctx *c = ud;
    c->stop = c->story(c->ud, s, loc);
    return c->stop;
}

/* A text file's story id: its name without directories and extensions
 * (".gz" and one more): "news/2015-06-09-afp.txt.gz" -> "2015-06-09-afp". */
static char *story_id_of(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *b = strrchr(path, '/');
    char *id = strdup(b ? b + 1 : path);
    if (!id)
        return NULL;
    size_t n = strlen(id);
    if (n > 3 && strcmp(id + n - 3, ".gz") == 0)
        id[n -= 3] = '\0';
    char *dot = strrchr(id, '.');
    if (dot && dot != id)
        *dot = '\0';
    return id;
}

static void add_stats(pc_read_stats *sum, const pc_read_stats *s)
{
    sum->records += s->records;
    sum->sentences += s->sentences;
    sum->stories += s->stories;
    sum->rejected += s->rejected;
    sum->lost += s->lost;
    sum->warnings += s->warnings;
    sum->errors += s->errors;
}

/* Read one opened input.  0, or -1 when fatal (OOM). */
static int read_one(ctx *c, pc_input *in, const char *name, const char *path,
                    const input_opts *o, pc_xml_reader *xr, pc_read_stats *other)
{
    size_t n;
    const char *head = pc_input_peek(in, &n);
    pc_in_format fmt = o->format != PC_IN_AUTO ? o->format : pc_in_format_detect(head, n);
    FILE *f = pc_input_file(in);
    pc_error err;
    pc_error_clear(&err);
    if (!f) {
        pc_error_set(&err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
        tally_fatal(&err);
        return -1;
    }
    if (fmt == PC_IN_AUTO) { /* nothing to detect: empty, or unreadable from the start */
        const char *why = pc_input_error(in);
        if (*why)
            c->t->files_failed++;
        else
            other->errors++;
        pc_error_set(&err, PC_ERR_INPUT, name, 0, NULL, "%s%s", *why ? "read error: " : "",
                     *why ? why : "empty file: no records");
        tally_diag(c->t, 1, &err);
        return 0;
    }
    pc_status st;
    if (fmt == PC_IN_JSONL) {
        st = pc_jsonl_read(f, name, on_story, on_diag, c, other, &err);
    } else if (fmt == PC_IN_TEXT) {
        char *id = story_id_of(path);
        pc_text_meta m = {.story_id = id, .date = o->date, .source = o->source};
        st = id ? pc_text_read(f, name, &m, on_story, on_diag, c, other, &err)
                : pc_error_set(&err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
        free(id);
    } else {
        st = pc_xml_read(xr, f, name, &err);
    }
    if (st == PC_ERR_IO) {
        /* damaged gzip data or an I/O error: what was read stays coded */
        const char *why = pc_input_error(in);
        size_t l = strlen(err.message);
        if (*why)
            snprintf(err.message + l, sizeof err.message - l, " (%s)", why);
        c->t->files_failed++;
        tally_diag(c->t, 1, &err);
        return 0;
    }
    if (st != PC_OK) {
        tally_fatal(&err);
        return -1;
    }
    return 0;
}

int read_inputs(char *const *paths, size_t n, const input_opts *o, pc_story_fn story, void *ud,
                tally *t)
{
    ctx c = {.t = t, .story = story, .ud = ud};
    pc_xml_reader *xr = pc_xml_reader_new(on_story, &c, on_diag, &c);
    pc_read_stats other = {0}; /* JSON Lines and text */
    int ret = 0;
    if (!xr) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return -1;
    }
    pc_xml_reader_set_merging(xr, o->merging);
    for (size_t i = 0; i < n && ret == 0 && !c.stop; i++) {
        const char *name = strcmp(paths[i], "-") == 0 ? "<stdin>" : paths[i];
        pc_error err;
        pc_input *in = pc_input_open(paths[i], &err);
        t->files++;
        if (!in) {
            t->files_failed++;
            tally_diag(t, 1, &err);
            continue;
        }
        ret = read_one(&c, in, name, paths[i], o, xr, &other);
        pc_input_close(in);
        tally_progress(t, 0);
    }
    add_stats(&t->rd, pc_xml_reader_stats(xr));
    add_stats(&t->rd, &other);
    pc_xml_reader_free(xr);
    return ret < 0 || c.stop ? -1 : 0;
}
