/* jsonl_input.c -- see jsonl_input.h. */
#include "jsonl_input.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "record_check.h"
#include "util/arena.h"
#include "util/error.h"
#include "util/alloc.h"

typedef struct ctx {
    const char *file;
    pc_story_fn story;
    pc_diag_fn diag;
    void *ud;
    pc_read_stats *st;
    pc_arena *a;        /* the story of the current line */
    long line;
} ctx;

static void report(ctx *c, int is_error, const char *id, const char *fmt, ...) PC_PRINTF(4, 5);

static void report(ctx *c, int is_error, const char *id, const char *fmt, ...)
{
    if (is_error)
        c->st->errors++;
    else
        c->st->warnings++;
    if (!c->diag)
        return;
    pc_error e;
    pc_error_set(&e, PC_ERR_INPUT, c->file, c->line, id, "%s", "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    c->diag(c->ud, is_error, &e);
}

/* One record rejected (counted and reported). */
#define REJECT(c, id, ...)                                                                   \
    do {                                                                                     \
        (c)->st->records++;                                                                  \
        (c)->st->rejected++;                                                                 \
        report((c), 1, (id), "record skipped: " __VA_ARGS__);                                \
    } while (0)

/* An id member (string or integer) as text in c->a: NULL when absent, ""
 * when of another type or empty. */
static const char *id_text(ctx *c, json_t *v)
{
    if (!v)
        return NULL;
    if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return pc_arena_strdup(c->a, buf);
    }
    return json_is_string(v) ? json_string_value(v) : "";
}

/* The sentences of a "sentences" array; rejected entries are reported and
 * counted, the others go into s[0..*n). */
static int read_sentences(ctx *c, const char *story_id, json_t *arr, pc_sentence_in *s,
                          size_t *n)
{
    size_t i;
    json_t *v;
    *n = 0;
    json_array_foreach(arr, i, v)
    {
        char pos[32], full[300];
        snprintf(pos, sizeof pos, "%zu", i + 1);
        json_t *jid = json_is_object(v) ? json_object_get(v, "id") : NULL;
        const char *sid = jid ? id_text(c, jid) : pc_arena_strdup(c->a, pos);
        if (!sid)
            return -1;
        snprintf(full, sizeof full, "%s_%s", story_id, sid);
        if (!json_is_object(v)) {
            REJECT(c, full, "sentence %zu is not an object", i + 1);
            continue;
        }
        if (!*sid) {
            REJECT(c, full, "sentence %zu: \"id\" must be a non-empty string or an integer",
                   i + 1);
            continue;
        }
        json_t *text = json_object_get(v, "text"), *parse = json_object_get(v, "parse");
        if (!json_is_string(text) || json_string_length(text) == 0) {
            REJECT(c, full, "sentence %zu: no \"text\" (a non-empty string)", i + 1);
            continue;
        }
        if (parse && !json_is_null(parse) &&
            (!json_is_string(parse) || json_string_length(parse) == 0)) {
            REJECT(c, full, "sentence %zu: \"parse\" must be a non-empty string", i + 1);
            continue;
        }
        const char *p = json_is_string(parse) ? json_string_value(parse) : NULL;
        if (p) {
            char why[300];
            pc_parse_verdict pv = pc_check_parse(p, json_string_length(parse), why, sizeof why);
            if (pv == PC_PARSE_REJECT) {
                REJECT(c, full, "%s", why);
                continue;
            }
            if (pv == PC_PARSE_WARN)
                report(c, 0, full, "%s", why);
        }
        s[(*n)++] = (pc_sentence_in){.sent_id = sid, .text = json_string_value(text), .parse = p};
    }
    return 0;
}

/* One non-blank line: 0 to go on, 1 to stop (the callback asked), -1 OOM. */
static int read_line(ctx *c, const char *buf, size_t len)
{
    json_error_t jerr;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
    int ret = 0;
    if (!root) {
        REJECT(c, "", "invalid JSON at column %d: %s", jerr.column, jerr.text);
        return 0;
    }
    pc_arena_reset(c->a);
    if (!json_is_object(root)) {
        REJECT(c, "", "not a JSON object");
        goto done;
    }
    const char *id = id_text(c, json_object_get(root, "id"));
    json_t *jdate = json_object_get(root, "date"), *jsrc = json_object_get(root, "source");
    json_t *sents = json_object_get(root, "sentences"), *text = json_object_get(root, "text");
    char date[9];
    if (!id) {
        REJECT(c, "", "no \"id\"");
        goto done;
    }
    if (!*id) {
        REJECT(c, "", "\"id\" must be a non-empty string or an integer");
        goto done;
    }
    if (!jdate || json_is_null(jdate)) {
        REJECT(c, id, "no \"date\"");
        goto done;
    }
    if (!json_is_string(jdate) ||
        pc_normalize_date(json_string_value(jdate), json_string_length(jdate), date) < 0) {
        REJECT(c, id, "malformed \"date\" %s: use YYYYMMDD or YYYY-MM-DD",
               json_is_string(jdate) ? json_string_value(jdate) : "(not a string)");
        goto done;
    }
    if (jsrc && !json_is_null(jsrc) && !json_is_string(jsrc)) {
        REJECT(c, id, "\"source\" must be a string");
        goto done;
    }
    pc_story_in s = {.story_id = id, .date = date,
                     .source = json_is_string(jsrc) ? json_string_value(jsrc) : NULL};
    pc_rec_loc loc = {.file = c->file};
    size_t n = 0;
    if (sents && !json_is_null(sents)) {
        if (!json_is_array(sents) || json_array_size(sents) == 0) {
            REJECT(c, id, "\"sentences\" must be a non-empty array");
            goto done;
        }
        pc_sentence_in *v = pc_arena_alloc(c->a, json_array_size(sents) * sizeof *v);
        if (!v || read_sentences(c, id, sents, v, &n) < 0) {
            ret = -1;
            goto done;
        }
        s.sents = v;
    } else if (json_is_string(text) && json_string_length(text) > 0) {
        pc_sentence_in *v = pc_arena_alloc(c->a, sizeof *v);
        if (!v) {
            ret = -1;
            goto done;
        }
        *v = (pc_sentence_in){.sent_id = "1", .text = json_string_value(text), .parse = NULL};
        s.sents = v;
        n = 1;
        loc.unsplit = 1;
    } else {
        REJECT(c, id, "no \"text\" (a non-empty string) and no \"sentences\"");
        goto done;
    }
    if (n == 0)
        goto done; /* every sentence rejected */
    long *lines = pc_arena_alloc(c->a, n * sizeof *lines);
    if (!lines) {
        ret = -1;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        lines[i] = c->line;
    loc.lines = lines;
    s.n_sents = n;
    c->st->records += (long)n;
    c->st->sentences += (long)n;
    c->st->stories++;
    if (c->story && c->story(c->ud, &s, &loc)) {
        c->st->stopped = 1;
        ret = 1;
    }
done:
    json_decref(root);
    return ret;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* The line being assembled from the blocks read: at most PC_JSONL_MAX_LINE
 * bytes are kept, the rest of a longer line is only skipped over. */
typedef struct linebuf {
    char *p;
    size_t n, cap;
    int too_long;
} linebuf;

/* Add k bytes; -1 on OOM. */
static int line_add(linebuf *l, const char *s, size_t k)
{
    if (l->too_long || k == 0) /* (k == 0: l->p may still be NULL) */
        return 0;
    if (l->n + k > PC_JSONL_MAX_LINE) {
        l->too_long = 1;
        return 0;
    }
    if (l->n + k > l->cap) {
        size_t cap = l->cap ? l->cap : 4096;
        while (cap < l->n + k)
            cap *= 2;
        char *np = pc_realloc(l->p, cap);
        if (!np)
            return -1;
        l->p = np;
        l->cap = cap;
    }
    memcpy(l->p + l->n, s, k);
    l->n += k;
    return 0;
}

/* A complete line: 0 to go on, 1 to stop, -1 OOM. */
static int line_done(ctx *c, linebuf *l)
{
    c->line++;
    const char *p = l->p;
    size_t n = l->n;
    int ret = 0;
    if (c->line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3, n -= 3; /* a byte-order mark */
    if (l->too_long)
        REJECT(c, "", "line longer than %u bytes", PC_JSONL_MAX_LINE);
    else if (!blank(p, n))
        ret = read_line(c, p, n);
    l->n = 0;
    l->too_long = 0;
    return ret;
}

pc_status pc_jsonl_read(FILE *f, const char *filename, pc_story_fn story, pc_diag_fn diag,
                        void *ud, pc_read_stats *st, pc_error *err)
{
    pc_error_clear(err);
    ctx c = {.file = filename ? filename : "<input>", .story = story, .diag = diag, .ud = ud,
             .st = st, .a = pc_arena_new(0)};
    linebuf l = {0};
    char *block = pc_malloc(1 << 16);
    int stop = 0;
    pc_status ret = PC_OK;
    st->stopped = 0;
    if (!c.a || !block) {
        ret = pc_error_set(err, PC_ERR_NOMEM, c.file, 0, NULL, "out of memory");
        goto done;
    }
    size_t k;
    while (!stop && (k = fread(block, 1, 1 << 16, f)) > 0) {
        const char *s = block, *end = block + k;
        while (!stop && s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            if (line_add(&l, s, (size_t)((nl ? nl : end) - s)) < 0) {
                stop = -1;
                break;
            }
            if (!nl)
                break;
            stop = line_done(&c, &l);
            s = nl + 1;
        }
    }
    if (!stop && ferror(f)) {
        ret = pc_error_set(err, PC_ERR_IO, c.file, c.line + 1, NULL,
                           "read error; the rest of the file is not read");
        goto done;
    }
    if (!stop && (l.n || l.too_long)) /* a last line without its newline */
        stop = line_done(&c, &l);
    if (stop < 0)
        ret = pc_error_set(err, PC_ERR_NOMEM, c.file, c.line, NULL, "out of memory");
done:
    pc_free(block);
    pc_free(l.p);
    pc_arena_free(c.a);
    return ret;
}
