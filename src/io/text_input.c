/* text_input.c -- see text_input.h. */
#include "text_input.h"

#include <stdlib.h>
#include <string.h>

#include "nlp/dateline.h"
#include "util/error.h"
#include "util/pystr.h"
#include "util/alloc.h"

static long line_at(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/* Why the n bytes of s are not text (NULL if they are); *off: where. */
static const char *not_text(const char *s, size_t n, size_t *off)
{
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        *off = (size_t)(nul - s);
        return "a NUL byte";
    }
    size_t len;
    for (size_t i = 0; i < n; i += len)
        if (pc_utf8_decode(s + i, n - i, &len) < 0) {
            *off = i;
            return "invalid UTF-8";
        }
    return NULL;
}

pc_status pc_text_read(FILE *f, const char *filename, const pc_text_meta *m, pc_story_fn story,
                       pc_diag_fn diag, void *ud, pc_read_stats *st, pc_error *err)
{
    pc_error_clear(err);
    const char *file = filename ? filename : "<input>";
    st->stopped = 0;
    size_t cap = 1 << 16, n = 0;
    char *buf = pc_malloc(cap);
    int too_big = 0;
    if (!buf)
        return pc_error_set(err, PC_ERR_NOMEM, file, 0, NULL, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap >= PC_TEXT_MAX) {
                too_big = 1;
                break;
            }
            char *nb = pc_realloc(buf, cap * 2);
            if (!nb) {
                pc_free(buf);
                return pc_error_set(err, PC_ERR_NOMEM, file, 0, NULL, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (ferror(f)) {
        pc_free(buf);
        return pc_error_set(err, PC_ERR_IO, file, 0, NULL, "read error; the file is not read");
    }

    pc_error d;
    pc_error_clear(&d);
    size_t off = 0, start = 0;
    const char *why = too_big ? "" : not_text(buf, n, &off);
    char date[9];
    long text_line = 1;
    if (!why) {
        if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            start = 3;
        /* the first non-blank line: a date line? */
        size_t i = start;
        while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
            i++;
        const char *eol = memchr(buf + i, '\n', n - i);
        size_t len = eol ? (size_t)(eol - (buf + i)) : n - i;
        if (len && buf[i + len - 1] == '\r')
            len--;
        if (i < n && pc_date_header(buf + i, len, date))
            start = eol ? (size_t)(eol - buf) + 1 : n;
        else if (m->date)
            memcpy(date, m->date, 9);
        else
            date[0] = '\0';
        while (start < n && (buf[start] == ' ' || buf[start] == '\t' || buf[start] == '\n' ||
                             buf[start] == '\r'))
            start++;
        text_line = line_at(buf, start);
    }
    if (too_big)
        pc_error_set(&d, PC_ERR_INPUT, file, 0, m->story_id,
                     "record skipped: longer than %u bytes", PC_TEXT_MAX);
    else if (why)
        pc_error_set(&d, PC_ERR_INPUT, file, line_at(buf, off), m->story_id,
                     "record skipped: %s (byte %zu)", why, off + 1);
    else if (start == n)
        pc_error_set(&d, PC_ERR_INPUT, file, text_line, m->story_id, "record skipped: no text");
    else if (!date[0])
        pc_error_set(&d, PC_ERR_INPUT, file, 1, m->story_id,
                     "record skipped: no date: give --date YYYY-MM-DD, or start the file with "
                     "a date line (\"Date: YYYY-MM-DD\")");
    st->records++;
    if (d.message[0]) {
        st->rejected++;
        st->errors++;
        if (diag)
            diag(ud, 1, &d);
        pc_free(buf);
        return PC_OK;
    }
    buf[n] = '\0'; /* n < cap: the file was not too big */
    pc_sentence_in s1 = {.sent_id = "1", .text = buf + start, .parse = NULL};
    pc_story_in s = {.story_id = m->story_id, .date = date, .source = m->source, .n_sents = 1,
                     .sents = &s1};
    pc_rec_loc loc = {.file = file, .lines = &text_line, .unsplit = 1};
    st->sentences++;
    st->stories++;
    if (story && story(ud, &s, &loc))
        st->stopped = 1;
    pc_free(buf);
    return PC_OK;
}
