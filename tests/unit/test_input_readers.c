/* test_input_readers.c -- the JSON Lines and text readers, the plain/gzip
 * input stream and format detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>

#include "io/input_format.h"
#include "io/input_stream.h"
#include "io/jsonl_input.h"
#include "io/text_input.h"

/* What the callbacks saw: "STORY|date|source|unsplit|sent=text=parse@line..." and
 * "E|W line record: message" lines. */
typedef struct seen {
    char stories[8192];
    char diags[8192];
} seen;

static void cat(char *dst, size_t cap, const char *fmt, ...)
{
    size_t l = strlen(dst);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst + l, cap - l, fmt, ap);
    va_end(ap);
}

static int on_story(void *ud, const pc_story_in *s, const pc_rec_loc *loc)
{
    seen *w = ud;
    cat(w->stories, sizeof w->stories, "%s|%s|%s|%d", s->story_id, s->date,
        s->source ? s->source : "(null)", loc->unsplit);
    for (size_t i = 0; i < s->n_sents; i++)
        cat(w->stories, sizeof w->stories, "|%s=%s=%s@%ld", s->sents[i].sent_id, s->sents[i].text,
            s->sents[i].parse ? s->sents[i].parse : "-", loc->lines[i]);
    cat(w->stories, sizeof w->stories, "\n");
    return 0;
}

static void on_diag(void *ud, int is_error, const pc_error *d)
{
    seen *w = ud;
    cat(w->diags, sizeof w->diags, "%s %ld %s: %s\n", is_error ? "E" : "W", d->line, d->record_id,
        d->message);
}

static pc_read_stats jsonl(seen *w, const char *text)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    pc_read_stats st = {0};
    pc_error err;
    assert_int_equal(pc_jsonl_read(f, "in.jsonl", on_story, on_diag, w, &st, &err), PC_OK);
    fclose(f);
    assert_int_equal(st.records, st.sentences + st.rejected + st.lost);
    return st;
}

static void test_jsonl(void **st)
{
    (void)st;
    seen w = {0};
    pc_read_stats s = jsonl(&w,
        "\xEF\xBB\xBF{\"id\": \"S1\", \"date\": \"2015-06-09T10:00:00Z\", \"source\": \"AFP\", \"text\": \"Raw.\"}\n"
        "\n   \n"
        "{\"id\": 42, \"date\": \"20150610\", \"source\": null, \"sentences\": ["
        "{\"text\": \"One.\", \"parse\": \"(S1)\"}, {\"id\": 7, \"text\": \"Two.\"},"
        "{\"text\": \"\"}, {\"id\": \"x_y\", \"text\": \"Three.\", \"parse\": null}]}\r\n"
        "{\"id\": \"S3\", \"date\": \"20150611\", \"sentences\": [{\"text\": \"T\", \"parse\": \"(S (NP (NN x))\"}], \"other\": 1}");
    assert_string_equal(w.stories,
        "S1|20150609|AFP|1|1=Raw.=-@1\n"
        "42|20150610|(null)|0|1=One.=(S1)@4|7=Two.=-@4|x_y=Three.=-@4\n"
        "S3|20150611|(null)|0|1=T=(S (NP (NN x))@5\n");
    assert_int_equal(s.records, 6);
    assert_int_equal(s.sentences, 5);
    assert_int_equal(s.rejected, 1);
    assert_int_equal(s.stories, 3);
    assert_string_equal(w.diags,
        "E 4 42_3: record skipped: sentence 3: no \"text\" (a non-empty string)\n"
        "W 5 S3_1: parse brackets unbalanced: 1 '(' not closed, 0 surplus ')'; coded as PETRARCH2 "
        "reads it\n");
}

static void test_jsonl_rejects(void **st)
{
    (void)st;
    seen w = {0};
    pc_read_stats s = jsonl(&w,
        "{\"id\": \"A\", \"date\": 20150609, \"text\": \"x\"}\n"
        "{\"id\": \"\", \"date\": \"20150609\", \"text\": \"x\"}\n"
        "{\"id\": 1.5, \"date\": \"20150609\", \"text\": \"x\"}\n"
        "{\"id\": \"B\", \"date\": \"20150609\", \"source\": 3, \"text\": \"x\"}\n"
        "{\"id\": \"C\", \"date\": \"20150609\", \"text\": \"\"}\n"
        "{\"id\": \"D\", \"date\": \"20150609\", \"sentences\": {}}\n"
        "{\"id\": \"E\", \"date\": \"20150609\", \"sentences\": [3, {\"text\": \"t\", \"parse\": \"\"}]}\n"
        "{\"id\": \"F\", \"date\": \"20150609\"} trailing\n");
    assert_string_equal(w.stories, "");
    assert_int_equal(s.rejected, 9);
    assert_string_equal(w.diags,
        "E 1 A: record skipped: malformed \"date\" (not a string): use YYYYMMDD or YYYY-MM-DD\n"
        "E 2 : record skipped: \"id\" must be a non-empty string or an integer\n"
        "E 3 : record skipped: \"id\" must be a non-empty string or an integer\n"
        "E 4 B: record skipped: \"source\" must be a string\n"
        "E 5 C: record skipped: no \"text\" (a non-empty string) and no \"sentences\"\n"
        "E 6 D: record skipped: \"sentences\" must be a non-empty array\n"
        "E 7 E_1: record skipped: sentence 1 is not an object\n"
        "E 7 E_2: record skipped: sentence 2: \"parse\" must be a non-empty string\n"
        "E 8 : record skipped: invalid JSON at column 40: end of file expected near 'trailing'\n");
}

static pc_read_stats text(seen *w, const char *body, const char *date)
{
    FILE *f = fmemopen((void *)body, strlen(body), "r");
    pc_read_stats st = {0};
    pc_error err;
    pc_text_meta m = {.story_id = "art", .date = date, .source = "AP"};
    assert_int_equal(pc_text_read(f, "art.txt", &m, on_story, on_diag, w, &st, &err), PC_OK);
    fclose(f);
    assert_int_equal(st.records, 1);
    return st;
}

static void test_text(void **st)
{
    (void)st;
    seen w = {0};
    text(&w, "\n  Date: 2015-06-09\n\nWASHINGTON (AP) -- Text.\nMore.\n", NULL);
    text(&w, "WASHINGTON (AP) -- Text.\n", "20150101");
    text(&w, "2015-06-09\nText.", "20150101"); /* the date line wins */
    assert_string_equal(w.stories,
        "art|20150609|AP|1|1=WASHINGTON (AP) -- Text.\nMore.\n=-@4\n"
        "art|20150101|AP|1|1=WASHINGTON (AP) -- Text.\n=-@1\n"
        "art|20150609|AP|1|1=Text.=-@2\n");
    seen w2 = {0};
    pc_read_stats s = text(&w2, "No date.\n", NULL);
    assert_int_equal(s.rejected, 1);
    text(&w2, "Date: 2015-06-09\n  \n", NULL);
    text(&w2, "Date: 2015-06-09\nna\xefve\n", NULL);
    assert_string_equal(w2.stories, "");
    assert_string_equal(w2.diags,
        "E 1 art: record skipped: no date: give --date YYYY-MM-DD, or start the file with a date "
        "line (\"Date: YYYY-MM-DD\")\n"
        "E 3 art: record skipped: no text\n"
        "E 2 art: record skipped: invalid UTF-8 (byte 20)\n");
}

static void test_format_detect(void **st)
{
    (void)st;
    assert_int_equal(pc_in_format_detect("\xEF\xBB\xBF \n<?xml", 10), PC_IN_XML);
    assert_int_equal(pc_in_format_detect("  {\"id\"", 7), PC_IN_JSONL);
    assert_int_equal(pc_in_format_detect("Date: 2015", 10), PC_IN_TEXT);
    assert_int_equal(pc_in_format_detect("   ", 3), PC_IN_TEXT);
    assert_int_equal(pc_in_format_detect("", 0), PC_IN_AUTO);
    assert_int_equal(pc_in_format_parse("ndjson"), PC_IN_JSONL);
    assert_int_equal(pc_in_format_parse("csv"), -1);
    assert_string_equal(pc_in_format_name(PC_IN_TEXT), "text");
}

/* the same bytes, plain and gzip (and gzip cut short) */
static void test_input_stream(void **st)
{
    (void)st;
    char plain[] = "/tmp/pc_input_XXXXXX", gz[] = "/tmp/pc_inputgz_XXXXXX";
    int fd = mkstemp(plain);
    char data[20000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 23);
    memcpy(data, "<Sentences>", 11);
    assert_int_equal(write(fd, data, sizeof data), (ssize_t)sizeof data);
    close(fd);
    fd = mkstemp(gz);
    gzFile g = gzdopen(fd, "wb");
    assert_int_equal(gzwrite(g, data, sizeof data), (int)sizeof data);
    gzclose(g);
    for (int k = 0; k < 2; k++) {
        pc_error err;
        pc_input *in = pc_input_open(k ? gz : plain, &err);
        assert_non_null(in);
        assert_int_equal(pc_input_is_gzip(in), k);
        size_t n;
        const char *head = pc_input_peek(in, &n);
        assert_int_equal(n, PC_INPUT_PEEK);
        assert_int_equal(pc_in_format_detect(head, n), PC_IN_XML);
        char back[sizeof data + 10];
        FILE *f = pc_input_file(in);
        assert_int_equal(fread(back, 1, sizeof back, f), sizeof data);
        assert_memory_equal(back, data, sizeof data);
        assert_false(ferror(f));
        assert_string_equal(pc_input_error(in), "");
        pc_input_close(in);
    }
    /* cut short: the bytes that are there, then a read error that says why */
    FILE *f = fopen(gz, "rb");
    char zbuf[30000];
    size_t zn = fread(zbuf, 1, sizeof zbuf, f);
    fclose(f);
    f = fopen(gz, "wb");
    fwrite(zbuf, 1, zn - 12, f);
    fclose(f);
    pc_error err;
    pc_input *in = pc_input_open(gz, &err);
    char back[sizeof data];
    f = pc_input_file(in);
    size_t got = fread(back, 1, sizeof back, f);
    assert_true(got < sizeof data);
    assert_true(ferror(f));
    assert_string_equal(pc_input_error(in), "the gzip data ends too early");
    pc_input_close(in);
    assert_null(pc_input_open("/nonexistent/x", &err));
    assert_int_equal(err.code, PC_ERR_IO);
    unlink(plain);
    unlink(gz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_jsonl_rejects),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_format_detect),
        cmocka_unit_test(test_input_stream),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
