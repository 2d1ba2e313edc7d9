/* xml_input.c -- see xml_input.h.  Expat callbacks collect one <Sentence>
 * record at a time (attributes, the text of its first direct <Text> and
 * <Parse> children), validate it, and add it to the story being grouped
 * (story_group.c), which is handed to the callback when the story id
 * changes or the file ends.
 *
 * After an XML syntax error expat cannot go on, so the reader starts a new
 * parser at the next "<Sentence" found in the raw bytes (a scanner runs
 * ahead of expat and keeps their offsets) and reads each record from there
 * on as a document of its own; the "junk after document element" error
 * between two such records is expected and not reported.  Offsets, lines
 * and columns stay those of the file (base, line_base, col_base).
 *
 * Element text follows ElementTree's .text, which PETRARCH2 reads: the
 * character data before the element's first child element (comments and
 * processing instructions are dropped, CDATA is data), None when there is
 * none. */
#include "xml_input.h"

#include <expat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "record_check.h"
#include "story_group.h"
#include "util/error.h"
#include "util/alloc.h"

#define CHUNK (64 * 1024)

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

/* Which warnings are shown only once per file (then counted). */
enum { W_NOT_TRUE, W_MANY_UNDERSCORES, W_NKINDS };

/* One direct child of the record whose .text we keep. */
typedef struct field {
    int state;      /* 0 not met yet, 1 collecting, 2 done (first child only) */
    int too_big;
    sbuf b;
} field;

struct pc_xml_reader {
    pc_xml_story_fn story_fn;
    void *story_ud;
    pc_xml_diag_fn diag_fn;
    void *diag_ud;
    pc_xml_stats st;
    pc_group *g;
    int oom;
    int merging;                /* the caller merges stories by id: no warning */

    /* per file */
    XML_Parser p;
    char *buf;                  /* CHUNK bytes: the data being parsed */
    const char *file;
    long depth;
    long file_records;
    long once_count[W_NKINDS];
    XML_Index last_event_end;   /* file offset just after the last event expat reported */
    XML_Index *pending;         /* file offsets of "<Sentence" seen in raw bytes, not yet passed */
    size_t pend_head, pend_n, pend_cap;
    int match;                  /* chars of "<Sentence" matched by the raw scanner */
    XML_Index match_start;
    /* the current parser: where its input starts in the file */
    XML_Index base;
    long line_base, col_base;   /* file line before its line 1; columns before its column 0 */
    int resynced;               /* started at a "<Sentence" after an error */
    int root_done;              /* its document's root element has ended */
    int junk_warned;

    /* the record being read */
    int in_rec;
    long rec_depth, rec_line;
    int has_date, has_id, has_source, has_sentence;
    sbuf date, id, source, sentence;
    field text, parse;
    field *collect;             /* the child whose text is being collected */
    int nested_warned;
    int seen_full_warned;
};

/* ------------------------------------------------------------ utilities */

static int sbuf_set(sbuf *b, const char *s, size_t n)
{
    if (n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < n + 1)
            cap *= 2;
        char *np = pc_realloc(b->p, cap);
        if (!np)
            return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p, s, n);
    b->p[n] = '\0';
    b->n = n;
    return 0;
}

static int sbuf_append(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *np = pc_realloc(b->p, cap);
        if (!np)
            return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static void diag(pc_xml_reader *r, int is_error, long line, const char *id, const char *fmt, ...)
    PC_PRINTF(5, 6);

static void diag(pc_xml_reader *r, int is_error, long line, const char *id, const char *fmt, ...)
{
    if (is_error)
        r->st.errors++;
    else
        r->st.warnings++;
    if (!r->diag_fn)
        return;
    pc_error e;
    pc_error_set(&e, PC_ERR_INPUT, r->file, line, id, "%s", "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->diag_fn(r->diag_ud, is_error, &e);
}

/* ------------------------------------------- counting records after errors */

/* Raw scan for "<Sentence" + (space | '>' | '/'), so that an XML error can
 * say how many records it made us lose.  The pattern has no self-overlap
 * beyond its '<', so a one-counter matcher suffices. */
static int push_pending(pc_xml_reader *r, XML_Index off)
{
    /* drop the passed entries so that the array stays as small as the
     * records of one chunk, whatever the file size */
    if (r->pend_head > 0 && (r->pend_head == r->pend_n || r->pend_n == r->pend_cap)) {
        memmove(r->pending, r->pending + r->pend_head,
                (r->pend_n - r->pend_head) * sizeof *r->pending);
        r->pend_n -= r->pend_head;
        r->pend_head = 0;
    }
    if (r->pend_n == r->pend_cap) {
        size_t cap = r->pend_cap ? r->pend_cap * 2 : 64;
        XML_Index *np = pc_realloc(r->pending, cap * sizeof *np);
        if (!np)
            return -1;
        r->pending = np;
        r->pend_cap = cap;
    }
    r->pending[r->pend_n++] = off;
    return 0;
}

static int raw_scan(pc_xml_reader *r, const char *s, size_t n, XML_Index base)
{
    static const char pat[] = "<Sentence";
    const int plen = (int)sizeof pat - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (r->match == plen) {
            r->match = 0;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/') {
                if (push_pending(r, r->match_start) < 0)
                    return -1;
                continue;
            }
        }
        if (c == pat[r->match]) {
            if (r->match == 0)
                r->match_start = base + (XML_Index)i;
            r->match++;
        } else {
            r->match = c == '<';
            if (r->match)
                r->match_start = base + (XML_Index)i;
        }
    }
    return 0;
}

/* Every handler calls this: tags before the end of the current event have
 * been seen by expat, so they are no longer pending. */
static void advance(pc_xml_reader *r)
{
    XML_Index end = r->base + XML_GetCurrentByteIndex(r->p) + XML_GetCurrentByteCount(r->p);
    if (end > r->last_event_end)
        r->last_event_end = end;
    while (r->pend_head < r->pend_n && r->pending[r->pend_head] < r->last_event_end)
        r->pend_head++;
}

/* The position expat is at, as a line and column of the file. */
static long cur_line(pc_xml_reader *r)
{
    return (long)XML_GetCurrentLineNumber(r->p) + r->line_base;
}

static unsigned long cur_col(pc_xml_reader *r)
{
    unsigned long c = (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1;
    return XML_GetCurrentLineNumber(r->p) == 1 ? c + (unsigned long)r->col_base : c;
}

/* ------------------------------------------------------------- stories */

static void stop(pc_xml_reader *r)
{
    XML_StopParser(r->p, XML_FALSE);
}

static void flush_story(pc_xml_reader *r)
{
    if (!pc_group_story_id(r->g))
        return;
    pc_story_in s;
    pc_xml_loc loc = {.file = r->file, .lines = NULL};
    pc_group_view(r->g, &s, &loc.lines);
    r->st.stories++;
    r->st.sentences += (long)s.n_sents;
    int stop_now = r->story_fn ? r->story_fn(r->story_ud, &s, &loc) : 0;
    pc_group_clear(r->g);
    if (stop_now) {
        r->st.stopped = 1;
        stop(r);
    }
}

static void warn_once(pc_xml_reader *r, int kind, long line, const char *id, const char *msg)
{
    if (r->once_count[kind]++ == 0)
        diag(r, 0, line, id, "%s (further cases in this file are only counted)", msg);
}

/* The record is complete: check it, split its id, add it to its story. */
static void finish_record(pc_xml_reader *r)
{
    long line = r->rec_line;
    const char *id = r->has_id ? r->id.p : "";
    const char *problem = NULL;
    if (!r->has_id || r->id.n == 0)
        problem = r->has_id ? "empty id attribute" : "no id attribute";
    else if (!r->has_date || r->date.n == 0)
        problem = r->has_date ? "empty date attribute" : "no date attribute";
    else if (r->text.state == 0 || r->text.b.n == 0)
        problem = r->text.state == 0 ? "no <Text> element" : "empty <Text>";
    else if (r->parse.state != 0 && r->parse.b.n == 0)
        problem = "empty <Parse>";
    else if (r->text.too_big || r->parse.too_big)
        problem = "<Text> or <Parse> longer than the limit of 64 MiB";
    int has_parse = r->parse.state != 0;
    char why[300];
    pc_parse_verdict pv = PC_PARSE_OK;
    if (!problem && has_parse) {
        pv = pc_check_parse(r->parse.b.p, r->parse.b.n, why, sizeof why);
        if (pv == PC_PARSE_REJECT)
            problem = why;
    }

    const char *story_id = id, *sent_id = "0", *source = NULL;
    char *us = NULL;
    if (!problem && r->has_sentence && strcmp(r->sentence.p, "True") == 0) {
        us = strrchr(r->id.p, '_');
        if (!us)
            problem = "sentence=\"True\" needs an id STORY_SENT with a '_'";
        else if (us == r->id.p || us[1] == '\0')
            problem = "empty STORY or SENT part in the id STORY_SENT";
        else {
            if (strchr(r->id.p, '_') != us)
                warn_once(r, W_MANY_UNDERSCORES, line, id,
                          "id has several '_' (PETRARCH2 would crash on it): "
                          "split at the last one");
            *us = '\0'; /* r->id now holds the story id */
            sent_id = us + 1;
            source = r->has_source ? r->source.p : NULL;
        }
    } else if (!problem) {
        warn_once(r, W_NOT_TRUE, line, id,
                  "sentence attribute is not \"True\": PETRARCH2 would split this record's "
                  "text into sentences that share its parse; coded as the one sentence ID_0, "
                  "source NULL");
    }
    if (problem) {
        r->st.rejected++;
        diag(r, 1, line, id, "record skipped: %s", problem);
        return;
    }
    if (pv == PC_PARSE_WARN) {
        char full[300];
        snprintf(full, sizeof full, "%s%s%s", story_id, us ? "_" : "", us ? sent_id : "");
        diag(r, 0, line, full, "%s", why);
    }

    const char *cur = pc_group_story_id(r->g);
    if (!cur || strcmp(cur, story_id) != 0) {
        flush_story(r);
        if (r->st.stopped)
            return;
        int seen = pc_group_open(r->g, story_id, r->date.p, source);
        if (seen < 0)
            goto oom;
        if (seen && !r->merging)
            diag(r, 0, line, story_id,
                 "story id appeared before, not adjacent to this record: PETRARCH2 would "
                 "merge the two into one story, they are coded as separate stories here");
        if (pc_group_seen_full(r->g) && !r->seen_full_warned) {
            r->seen_full_warned = 1;
            diag(r, 0, line, story_id,
                 "more than %ld stories: story ids that come back later are no longer "
                 "detected", PC_GROUP_MAX_SEEN);
        }
    }
    if (pc_group_add(r->g, sent_id, r->text.b.p, r->text.b.n, has_parse ? r->parse.b.p : NULL,
                     r->parse.b.n, line) < 0)
        goto oom;
    return;
oom:
    r->oom = 1;
    stop(r);
}

/* ------------------------------------------------------ expat callbacks */

static field *child_field(pc_xml_reader *r, const char *name)
{
    if (strcmp(name, "Text") == 0)
        return &r->text;
    if (strcmp(name, "Parse") == 0)
        return &r->parse;
    return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    pc_xml_reader *r = ud;
    advance(r);
    r->depth++;
    if (r->collect)           /* a grandchild ends .text of the child */
        r->collect->state = 2, r->collect = NULL;
    if (r->in_rec) {
        if (r->depth == r->rec_depth + 1) {
            field *f = child_field(r, name);
            if (f && f->state == 0) {
                f->state = 1;
                r->collect = f;
            }
        } else if (strcmp(name, "Sentence") == 0 && !r->nested_warned) {
            r->nested_warned = 1;
            diag(r, 0, cur_line(r), r->has_id ? r->id.p : "",
                 "a <Sentence> inside a <Sentence> record is ignored");
        }
        return;
    }
    if (strcmp(name, "Sentence") != 0)
        return;
    r->st.records++;
    r->file_records++;
    r->in_rec = 1;
    r->rec_depth = r->depth;
    r->rec_line = cur_line(r);
    r->has_date = r->has_id = r->has_source = r->has_sentence = 0;
    r->nested_warned = 0;
    r->text.state = r->parse.state = 0;
    r->text.too_big = r->parse.too_big = 0;
    r->text.b.n = r->parse.b.n = 0;
    for (size_t i = 0; atts[i]; i += 2) {
        sbuf *b = NULL;
        int *has = NULL;
        if (strcmp(atts[i], "date") == 0)
            b = &r->date, has = &r->has_date;
        else if (strcmp(atts[i], "id") == 0)
            b = &r->id, has = &r->has_id;
        else if (strcmp(atts[i], "source") == 0)
            b = &r->source, has = &r->has_source;
        else if (strcmp(atts[i], "sentence") == 0)
            b = &r->sentence, has = &r->has_sentence;
        if (!b)
            continue;
        if (sbuf_set(b, atts[i + 1], strlen(atts[i + 1])) < 0) {
            r->oom = 1;
            stop(r);
            return;
        }
        *has = 1;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    pc_xml_reader *r = ud;
    (void)name;
    advance(r);
    if (r->collect)
        r->collect->state = 2, r->collect = NULL;
    if (r->in_rec && r->depth == r->rec_depth) {
        r->in_rec = 0;
        finish_record(r);
    }
    if (--r->depth == 0)
        r->root_done = 1;
}

static void XMLCALL on_data(void *ud, const XML_Char *s, int len)
{
    pc_xml_reader *r = ud;
    advance(r);
    field *f = r->collect;
    if (!f || f->too_big)
        return;
    if (f->b.n + (size_t)len > PC_XML_MAX_FIELD) {
        f->too_big = 1;
        return;
    }
    if (sbuf_append(&f->b, s, (size_t)len) < 0) {
        r->oom = 1;
        stop(r);
    }
}

static void XMLCALL on_other(void *ud, const XML_Char *s, int len)
{
    (void)s;
    (void)len;
    advance(ud);
}

/* ------------------------------------------------------------ the reader */

pc_xml_reader *pc_xml_reader_new(pc_xml_story_fn story, void *story_ud, pc_xml_diag_fn dg,
                                 void *diag_ud)
{
    pc_xml_reader *r = pc_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->g = pc_group_new();
    if (!r->g) {
        pc_free(r);
        return NULL;
    }
    r->story_fn = story;
    r->story_ud = story_ud;
    r->diag_fn = dg;
    r->diag_ud = diag_ud;
    return r;
}

void pc_xml_reader_set_merging(pc_xml_reader *r, int on)
{
    r->merging = on;
}

void pc_xml_reader_free(pc_xml_reader *r)
{
    if (!r)
        return;
    pc_group_free(r->g);
    sbuf *bufs[] = {&r->date, &r->id, &r->source, &r->sentence, &r->text.b, &r->parse.b};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        pc_free(bufs[i]->p);
    pc_free(r->pending);
    pc_free(r->buf);
    pc_free(r);
}

const pc_xml_stats *pc_xml_reader_stats(const pc_xml_reader *r)
{
    return &r->st;
}

static void end_of_file_notes(pc_xml_reader *r)
{
    if (r->once_count[W_NOT_TRUE] > 1)
        diag(r, 0, 0, "", "%ld records in this file were not sentence=\"True\" (see above)",
             r->once_count[W_NOT_TRUE]);
    if (r->once_count[W_MANY_UNDERSCORES] > 1)
        diag(r, 0, 0, "", "%ld ids in this file had several '_' (see above)",
             r->once_count[W_MANY_UNDERSCORES]);
}

static void setup_parser(pc_xml_reader *r)
{
    XML_SetUserData(r->p, r);
    XML_SetElementHandler(r->p, on_start, on_end);
    XML_SetCharacterDataHandler(r->p, on_data);
    XML_SetDefaultHandlerExpand(r->p, on_other);
}

/* After an error at file offset epos: the pending "<Sentence" tags before
 * it were never reported by expat, so their records are lost; drop and
 * count them.  The tag the current parser started at counts among them
 * when the error is right there, so that every restart makes progress. */
static long drop_unread_tags(pc_xml_reader *r, XML_Index epos)
{
    long k = 0;
    while (r->pend_head < r->pend_n &&
           (r->pending[r->pend_head] < epos ||
            (r->resynced && r->pending[r->pend_head] == r->base))) {
        r->pend_head++;
        k++;
    }
    return k;
}

/* expat stopped on an error: report it (unless it is in the text after a
 * document's end -- expected between two records read as separate
 * documents), count the records it costs, and forget the record in
 * progress. */
static void on_parse_error(pc_xml_reader *r)
{
    enum XML_Error code = XML_GetErrorCode(r->p);
    XML_Index idx = XML_GetCurrentByteIndex(r->p);
    XML_Index epos = idx >= 0 ? r->base + idx : r->last_event_end;
    int junk = r->root_done; /* whatever the error, it is after the document */
    long skipped = drop_unread_tags(r, epos);
    long lost = skipped + (r->in_rec ? 1 : 0);
    r->st.records += skipped; /* never seen by on_start */
    r->st.lost += lost;
    if (junk && lost == 0) {
        if (!r->resynced && !r->junk_warned) {
            r->junk_warned = 1;
            diag(r, 0, cur_line(r), "",
                 "text after the end of the XML document (PETRARCH2 would stop here): "
                 "the records in it are read too");
        }
    } else if (lost == 0) {
        diag(r, 1, cur_line(r), "", "XML error at column %lu: %s", cur_col(r),
             XML_ErrorString(code));
    } else {
        diag(r, 1, cur_line(r), r->in_rec && r->has_id ? r->id.p : "",
             "XML error at column %lu: %s; %ld record%s lost (reading goes on at the next "
             "<Sentence>)", cur_col(r), XML_ErrorString(code), lost, lost == 1 ? "" : "s");
    }
    r->in_rec = 0;
    r->collect = NULL;
    r->depth = 0;
    r->root_done = 0;
}

/* Newlines in s[0..n), and the bytes after the last one (n if none). */
static long count_lines(const char *s, size_t n, size_t *tail)
{
    long k = 0;
    *tail = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n') {
            k++;
            *tail = n - i - 1;
        }
    return k;
}

/* Where the chunk in r->buf starts in the file. */
typedef struct chunk_pos {
    XML_Index off;
    long lines;  /* newlines before it */
    long col;    /* bytes after the last of them */
} chunk_pos;

/* A new parser reading from the pending "<Sentence" at file offset at, a
 * record as a document of its own.  Returns where in r->buf to go on. */
static size_t restart_at(pc_xml_reader *r, XML_Index at, const chunk_pos *c)
{
    static const char pat[] = "<Sentence";
    XML_ParserReset(r->p, NULL);
    setup_parser(r);
    r->base = at;
    r->resynced = 1;
    if (at >= c->off) {
        size_t k = (size_t)(at - c->off), tail;
        long nl = count_lines(r->buf, k, &tail);
        r->line_base = c->lines + nl;
        r->col_base = nl ? (long)tail : c->col + (long)k;
        return k;
    }
    /* the tag began at the end of the previous chunk, which is gone; its
     * bytes there are the start of the pattern the scanner matched */
    size_t k = (size_t)(c->off - at);
    if (k > sizeof pat - 1)
        k = sizeof pat - 1;
    r->line_base = c->lines;
    r->col_base = c->col - (long)k;
    XML_Parse(r->p, pat, (int)k, 0);
    return 0;
}

/* Reading the file failed after the chunk c: the record in progress is
 * lost, the complete ones before it are handed on. */
static pc_status read_failed(pc_xml_reader *r, const chunk_pos *c, pc_error *err)
{
    if (r->in_rec)
        r->st.lost++;
    flush_story(r);
    return pc_error_set(err, PC_ERR_IO, r->file, c->lines + 1, NULL,
                        "read error; the rest of the file is not read");
}

pc_status pc_xml_read(pc_xml_reader *r, FILE *f, const char *filename, pc_error *err)
{
    pc_error_clear(err);
    r->file = filename ? filename : "<input>";
    r->depth = 0;
    r->file_records = 0;
    memset(r->once_count, 0, sizeof r->once_count);
    r->last_event_end = 0;
    r->pend_head = r->pend_n = 0;
    r->match = 0;
    r->in_rec = 0;
    r->collect = NULL;
    r->st.stopped = 0;
    r->base = 0;
    r->line_base = r->col_base = 0;
    r->resynced = r->junk_warned = r->root_done = 0;
    if (!r->buf && !(r->buf = pc_malloc(CHUNK)))
        return pc_error_set(err, PC_ERR_NOMEM, r->file, 0, NULL, "out of memory (XML buffer)");
    r->p = XML_ParserCreate(NULL);
    if (!r->p)
        return pc_error_set(err, PC_ERR_NOMEM, r->file, 0, NULL, "out of memory (XML parser)");
    setup_parser(r);

    pc_status st = PC_OK;
    chunk_pos c = {0, 0, 0};
    int waiting = 0; /* after an error: no parser until the next "<Sentence" */
    for (;;) {
        size_t n = fread(r->buf, 1, CHUNK, f);
        int read_error = ferror(f) != 0; /* after the n bytes, which are parsed */
        int final = n == 0 && !read_error;
        if (raw_scan(r, r->buf, n, c.off) < 0) {
            r->oom = 1;
            break;
        }
        if (final && c.off == 0) {
            diag(r, 1, 0, "", "empty file: no records");
            break;
        }
        if (read_error && n == 0) {
            st = read_failed(r, &c, err);
            break;
        }
        size_t start = 0;
        for (;;) {
            if (waiting) {
                if (r->pend_head == r->pend_n)
                    break; /* nothing to read in this chunk */
                start = restart_at(r, r->pending[r->pend_head], &c);
                waiting = 0;
            }
            if (XML_Parse(r->p, r->buf + start, (int)(n - start), final) != XML_STATUS_ERROR)
                break;
            if (r->oom || r->st.stopped)
                break;
            on_parse_error(r);
            waiting = 1;
        }
        if (r->oom || r->st.stopped)
            break;
        size_t tail;
        long nl = count_lines(r->buf, n, &tail);
        c.lines += nl;
        c.col = nl ? (long)tail : c.col + (long)n;
        c.off += (XML_Index)n;
        if (read_error) {
            st = read_failed(r, &c, err);
            break;
        }
        if (final) {
            flush_story(r);
            if (r->file_records == 0)
                diag(r, 0, 0, "", "no <Sentence> records in this file");
            break;
        }
    }
    if (r->oom && st == PC_OK)
        st = pc_error_set(err, PC_ERR_NOMEM, r->file, 0, NULL, "out of memory reading input");
    if (r->oom || r->st.stopped)
        pc_group_clear(r->g); /* not handed on: an aborted read */
    end_of_file_notes(r);
    XML_ParserFree(r->p);
    r->p = NULL;
    return st;
}
