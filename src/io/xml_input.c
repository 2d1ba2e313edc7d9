/* xml_input.c -- see xml_input.h.  Expat callbacks collect one <Sentence>
 * record at a time (attributes, the text of its first direct <Text> and
 * <Parse> children), validate it, and add it to the story being grouped
 * (story_group.c), which is handed to the callback when the story id
 * changes or the file ends.
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

#include "story_group.h"
#include "util/error.h"

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
    const char *file;
    long depth;
    long file_records;
    long once_count[W_NKINDS];
    XML_Index last_event_end;   /* byte just after the last event expat reported */
    XML_Index *pending;         /* offsets of "<Sentence" seen in raw bytes, not yet passed */
    size_t pend_head, pend_n, pend_cap;
    int match;                  /* chars of "<Sentence" matched by the raw scanner */
    XML_Index match_start;

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
        char *np = realloc(b->p, cap);
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
        char *np = realloc(b->p, cap);
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
        XML_Index *np = realloc(r->pending, cap * sizeof *np);
        if (!np)
            return -1;
        r->pending = np;
        r->pend_cap = cap;
    }
    r->pending[r->pend_n++] = off;
    return 0;
}

static int raw_scan(pc_xml_reader *r, const char *s, size_t n, XML_Index base, long *count)
{
    static const char pat[] = "<Sentence";
    const int plen = (int)sizeof pat - 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (r->match == plen) {
            r->match = 0;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/') {
                if (count)
                    (*count)++;
                else if (push_pending(r, r->match_start) < 0)
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
    XML_Index end = XML_GetCurrentByteIndex(r->p) + XML_GetCurrentByteCount(r->p);
    if (end > r->last_event_end)
        r->last_event_end = end;
    while (r->pend_head < r->pend_n && r->pending[r->pend_head] < r->last_event_end)
        r->pend_head++;
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
    else if (r->parse.state == 0 || r->parse.b.n == 0)
        problem = r->parse.state == 0 ? "no <Parse> element" : "empty <Parse>";
    else if (r->text.too_big || r->parse.too_big)
        problem = "<Text> or <Parse> longer than the limit of 64 MiB";

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
    long old_line = 0;
    int rep = pc_group_add(r->g, sent_id, r->text.b.p, r->text.b.n, r->parse.b.p,
                           r->parse.b.n, line, &old_line);
    if (rep < 0)
        goto oom;
    if (rep) {
        r->st.replaced++;
        char full[300];
        snprintf(full, sizeof full, "%s_%s", story_id, sent_id);
        diag(r, 0, line, full,
             "sentence id repeats in its story: this record replaces the one on line %ld "
             "(as PETRARCH2 does)", old_line);
    }
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
            diag(r, 0, XML_GetCurrentLineNumber(r->p), r->has_id ? r->id.p : "",
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
    r->rec_line = (long)XML_GetCurrentLineNumber(r->p);
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
    r->depth--;
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
    pc_xml_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->g = pc_group_new();
    if (!r->g) {
        free(r);
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
        free(bufs[i]->p);
    free(r->pending);
    free(r);
}

const pc_xml_stats *pc_xml_reader_stats(const pc_xml_reader *r)
{
    return &r->st;
}

/* After an XML error: the records expat did not finish are lost; count the
 * <Sentence tags not yet passed and those in the rest of the file. */
static pc_status count_lost(pc_xml_reader *r, FILE *f, pc_error *err)
{
    long tail = (long)(r->pend_n - r->pend_head);
    char buf[CHUNK];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        raw_scan(r, buf, n, 0, &tail);
    if (ferror(f))
        return pc_error_set(err, PC_ERR_IO, r->file, 0, NULL,
                            "read error after an XML error");
    long lost = tail + (r->in_rec ? 1 : 0);
    r->st.records += tail;
    r->st.lost += lost;
    if (lost > 0)
        diag(r, 1, 0, "",
             "%ld record%s not read because of the XML error (counted by their <Sentence tags)",
             lost, lost == 1 ? "" : "s");
    return PC_OK;
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
    r->p = XML_ParserCreate(NULL);
    if (!r->p)
        return pc_error_set(err, PC_ERR_NOMEM, r->file, 0, NULL, "out of memory (XML parser)");
    XML_SetUserData(r->p, r);
    XML_SetElementHandler(r->p, on_start, on_end);
    XML_SetCharacterDataHandler(r->p, on_data);
    XML_SetDefaultHandlerExpand(r->p, on_other);

    pc_status st = PC_OK;
    XML_Index off = 0;
    for (;;) {
        void *buf = XML_GetBuffer(r->p, CHUNK);
        if (!buf) {
            st = pc_error_set(err, PC_ERR_NOMEM, r->file, 0, NULL, "out of memory (XML buffer)");
            break;
        }
        size_t n = fread(buf, 1, CHUNK, f);
        if (ferror(f)) {
            st = pc_error_set(err, PC_ERR_IO, r->file, 0, NULL, "read error");
            break;
        }
        int final = n == 0;
        if (raw_scan(r, buf, n, off, NULL) < 0) {
            r->oom = 1;
            break;
        }
        off += (XML_Index)n;
        if (final && off == 0) {
            diag(r, 1, 0, "", "empty file: no records");
            break;
        }
        if (XML_ParseBuffer(r->p, (int)n, final) == XML_STATUS_ERROR) {
            if (r->oom || r->st.stopped)
                break;
            diag(r, 1, (long)XML_GetCurrentLineNumber(r->p), r->in_rec && r->has_id ? r->id.p : "",
                 "XML error at column %lu: %s; the rest of the file is not read",
                 (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1,
                 XML_ErrorString(XML_GetErrorCode(r->p)));
            if (!r->oom)
                flush_story(r); /* the complete records before the error */
            st = count_lost(r, f, err);
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
    if (st != PC_OK || r->st.stopped)
        pc_group_clear(r->g); /* not handed on: an aborted read */
    end_of_file_notes(r);
    XML_ParserFree(r->p);
    r->p = NULL;
    return st;
}
