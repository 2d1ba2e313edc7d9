/* test_xml_input.c -- the streaming PETRARCH XML reader: records, grouping
 * into stories, the id rules, rejected records, XML errors, and PETRARCH2's
 * own unit-test file as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/xml_input.h"

/* What the callbacks saw, as text: one line per story
 *   "STORY|date|source|sent=text=parse@line|..."
 * and one line per diagnostic "E|W line record: message". */
typedef struct seen {
    char stories[1 << 16];
    char diags[1 << 16];
    int stop_after;     /* stop after this many stories (0: never) */
    int nstories;
} seen;

static void cat(char *dst, size_t cap, const char *fmt, ...)
{
    size_t l = strlen(dst);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst + l, cap - l, fmt, ap);
    va_end(ap);
}

static int on_story(void *ud, const pc_story_in *s, const pc_xml_loc *loc)
{
    seen *w = ud;
    cat(w->stories, sizeof w->stories, "%s|%s|%s", s->story_id, s->date,
        s->source ? s->source : "(null)");
    for (size_t i = 0; i < s->n_sents; i++)
        cat(w->stories, sizeof w->stories, "|%s=%s=%s@%ld", s->sents[i].sent_id, s->sents[i].text,
            s->sents[i].parse ? s->sents[i].parse : "(text only)", loc->lines[i]);
    cat(w->stories, sizeof w->stories, "\n");
    w->nstories++;
    return w->stop_after && w->nstories >= w->stop_after;
}

static void on_diag(void *ud, int is_error, const pc_error *d)
{
    seen *w = ud;
    cat(w->diags, sizeof w->diags, "%s %ld %s: %s\n", is_error ? "E" : "W", d->line, d->record_id,
        d->message);
}

/* Read the string xml; returns the reader's stats. */
static pc_xml_stats run(seen *w, const char *xml)
{
    /* fmemopen cannot open an empty buffer */
    FILE *f = *xml ? fmemopen((void *)xml, strlen(xml), "r") : fopen("/dev/null", "r");
    assert_non_null(f);
    pc_xml_reader *r = pc_xml_reader_new(on_story, w, on_diag, w);
    assert_non_null(r);
    pc_error err;
    assert_int_equal(pc_xml_read(r, f, "in.xml", &err), PC_OK);
    fclose(f);
    pc_xml_stats st = *pc_xml_reader_stats(r);
    pc_xml_reader_free(r);
    /* every record accounted for */
    assert_int_equal(st.records, st.sentences + st.rejected + st.lost);
    return st;
}

#define REC(date, id, extra, text, parse) \
    "<Sentence date=\"" date "\" id=\"" id "\" sentence=\"True\"" extra ">\n" \
    "<Text>" text "</Text>\n<Parse>" parse "</Parse>\n</Sentence>\n"

static void test_grouping(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<Sentences>\n"
        REC("20080801", "A_1", " source=\"AFP\"", "one", "(S1)")
        REC("20080802", "A_2", " source=\"XIN\"", "two", "(S2)")
        REC("20080803", "B_1", "", "three", "(S3)")
        "</Sentences>\n");
    /* date and source from the story's first record; no source -> NULL */
    assert_string_equal(w.stories, "A|20080801|AFP|1=one=(S1)@2|2=two=(S2)@6\n"
                                   "B|20080803|(null)|1=three=(S3)@10\n");
    assert_string_equal(w.diags, "");
    assert_int_equal(s.records, 3);
    assert_int_equal(s.stories, 2);
    assert_int_equal(s.sentences, 3);
}

/* Text is passed on as read (entities decoded, CDATA kept, comments
 * dropped); only the text before the first child element counts, as in
 * ElementTree's .text; other elements and attributes are ignored. */
static void test_text_and_entities(void **st)
{
    (void)st;
    seen w = {0};
    run(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Doc><Other id=\"x_1\"/>"
            "<Sentence id=\"S_1\" date=\"1\" sentence=\"True\" junk=\"j\">"
            "<EventCoding sourcecode=\"A\"/>"
            "<Text>a &amp; b &lt;c&gt; &#233;\n  d<!-- comment --> e<![CDATA[ <f> ]]><b>bold</b>tail</Text>"
            "<Parse>(S (NP x))</Parse><Parse>second</Parse><Text>second</Text>"
            "</Sentence></Doc>");
    assert_string_equal(w.stories, "S|1|(null)|1=a & b <c> \xc3\xa9\n  d e <f> =(S (NP x))@2\n");
}

static void test_id_rules(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<X>\n"
        REC("1", "NOUNDERSCORE", "", "t", "p")
        REC("1", "AFP_ENG_2010_3", "", "t", "p")
        REC("1", "AFP_ENG_2010_4", "", "t", "p")
        REC("1", "_1", "", "t", "p")
        REC("1", "S_", "", "t", "p")
        "</X>");
    assert_string_equal(w.stories, "AFP_ENG_2010|1|(null)|3=t=p@6|4=t=p@10\n");
    assert_int_equal(s.rejected, 3);
    assert_non_null(strstr(w.diags, "E 2 NOUNDERSCORE: record skipped: sentence=\"True\" needs an id"));
    assert_non_null(strstr(w.diags, "W 6 AFP_ENG_2010_3: id has several '_'"));
    assert_non_null(strstr(w.diags, "E 14 _1: record skipped: empty STORY or SENT part"));
    assert_non_null(strstr(w.diags, "E 18 S_: record skipped: empty STORY or SENT part"));
    assert_non_null(strstr(w.diags, "W 0 : 2 ids in this file had several '_'"));
}

/* sentence != "True": the record is a story of its own, coded as sentence 0
 * with no source (PETRARCH2 keeps none for it); warned once per file. */
static void test_not_true_records(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<X>\n"
        "<Sentence date=\"1\" id=\"DEMO-00\" sentence=\"true\" source=\"S\"><Text>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence date=\"2\" id=\"X_Y\" sentence=\"false\"><Text>b</Text><Parse>q</Parse></Sentence>\n"
        "<Sentence date=\"3\" id=\"Z\"><Text>c</Text><Parse>r</Parse></Sentence>\n"
        "</X>");
    assert_string_equal(w.stories, "DEMO-00|1|(null)|0=a=p@2\nX_Y|2|(null)|0=b=q@3\nZ|3|(null)|0=c=r@4\n");
    assert_int_equal(s.warnings, 2);
    assert_non_null(strstr(w.diags, "W 2 DEMO-00: sentence attribute is not \"True\""));
    assert_non_null(strstr(w.diags, "3 records in this file were not sentence=\"True\""));
}

static void test_rejected_records(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<X>\n"
        "<Sentence date=\"1\" sentence=\"True\"><Text>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"\" date=\"1\" sentence=\"True\"><Text>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_1\" sentence=\"True\"><Text>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_2\" date=\"\" sentence=\"True\"><Text>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_3\" date=\"1\" sentence=\"True\"><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_4\" date=\"1\" sentence=\"True\"><Text></Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_5\" date=\"1\" sentence=\"True\"><Text>a</Text></Sentence>\n"
        "<Sentence id=\"A_6\" date=\"1\" sentence=\"True\"><Text>a</Text><Parse/></Sentence>\n"
        "<Sentence id=\"A_7\" date=\"1\" sentence=\"True\"><Text><b>x</b>a</Text><Parse>p</Parse></Sentence>\n"
        "<Sentence id=\"A_8\" date=\"1\" sentence=\"True\"><Text>good</Text><Parse>p</Parse></Sentence>\n"
        "</X>");
    /* A_5 has no <Parse>: a text-only record, handed on for the raw-text path */
    assert_string_equal(w.stories, "A|1|(null)|5=a=(text only)@8|8=good=p@11\n");
    assert_int_equal(s.rejected, 8);
    assert_int_equal(s.errors, 8);
    assert_string_equal(w.diags,
        "E 2 : record skipped: no id attribute\n"
        "E 3 : record skipped: empty id attribute\n"
        "E 4 A_1: record skipped: no date attribute\n"
        "E 5 A_2: record skipped: empty date attribute\n"
        "E 6 A_3: record skipped: no <Text> element\n"
        "E 7 A_4: record skipped: empty <Text>\n"
        "E 9 A_6: record skipped: empty <Parse>\n"
        "E 10 A_7: record skipped: empty <Text>\n");
}

/* The same sentence id again in a story: both handed on (the caller renames
 * the later one, story/dup_ids.h); a story id that comes back later: a
 * separate story, with a warning. */
static void test_duplicates(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<X>\n"
        REC("1", "A_1", "", "first", "p")
        REC("1", "A_2", "", "two", "p")
        REC("1", "A_1", "", "again", "p")
        REC("1", "B_1", "", "b", "p")
        REC("1", "A_3", "", "three", "p")
        "</X>");
    assert_string_equal(w.stories, "A|1|(null)|1=first=p@2|2=two=p@6|1=again=p@10\n"
                                   "B|1|(null)|1=b=p@14\n"
                                   "A|1|(null)|3=three=p@18\n");
    assert_int_equal(s.sentences, 5);
    assert_int_equal(s.stories, 3);
    assert_null(strstr(w.diags, "A_1"));
    assert_non_null(strstr(w.diags, "W 18 A: story id appeared before"));
}

/* An XML error loses the record it is in; reading goes on at the next
 * "<Sentence" (each record then a document of its own), so the records
 * before and after it are read. */
static void test_syntax_error(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "<X>\n"
        REC("1", "A_1", "", "one", "p")
        "<Sentence date=\"1\" id=\"A_2\" sentence=\"True\"><Text>x & y</Text><Parse>p</Parse></Sentence>\n"
        REC("1", "A_3", "", "three", "p")
        "<!-- <Sentence in a comment is not a record --> "
        "<Sentences> <Sentence/>"
        "</X>");
    assert_string_equal(w.stories, "A|1|(null)|1=one=p@2|3=three=p@7\n");
    assert_int_equal(s.lost, 1);     /* A_2 */
    assert_int_equal(s.rejected, 1); /* <Sentence/>: no id */
    assert_int_equal(s.records, 4);
    assert_non_null(strstr(w.diags, "E 6 A_2: XML error at column 54: not well-formed (invalid "
                                    "token); 1 record lost (reading goes on at the next "
                                    "<Sentence>)\n"));
    assert_non_null(strstr(w.diags, "E 11 : record skipped: no id attribute\n"));
    assert_int_equal(s.errors, 2); /* the text between the records is not an error */

    /* an error inside a <Sentence tag itself: that record is lost */
    seen w2 = {0};
    s = run(&w2, "<X>" REC("1", "A_1", "", "one", "p") "<Sentence id=\"A_2 date=1>"
                 REC("1", "A_3", "", "three", "p") "</X>");
    assert_string_equal(w2.stories, "A|1|(null)|1=one=p@1|3=three=p@5\n");
    assert_int_equal(s.lost, 1);
    assert_int_equal(s.records, 3);

    /* undefined entity; truncated file */
    seen w3 = {0};
    s = run(&w3, "<X>" REC("1", "A_1", "", "a &nbsp; b", "p") REC("1", "A_2", "", "b", "p") "</X>");
    assert_int_equal(s.lost, 1);
    assert_string_equal(w3.stories, "A|1|(null)|2=b=p@5\n");
    assert_non_null(strstr(w3.diags, "undefined entity"));
    seen w4 = {0};
    s = run(&w4, "<X>" REC("1", "A_1", "", "a", "p") "<Sentence id=\"A_2\" date=\"1\"><Text>cut");
    assert_int_equal(s.sentences, 1);
    assert_int_equal(s.lost, 1);

    /* invalid UTF-8 and a NUL byte: the record is lost, not the file */
    static const char bad[] = "<X>" REC("1", "A_1", "", "caf\xe9", "p") REC("1", "A_2", "", "x\0y", "p")
                              REC("1", "A_3", "", "ok", "p") "</X>";
    seen w5 = {0};
    FILE *f = fmemopen((void *)bad, sizeof bad - 1, "r");
    pc_xml_reader *r = pc_xml_reader_new(on_story, &w5, on_diag, &w5);
    pc_error err;
    assert_int_equal(pc_xml_read(r, f, "in.xml", &err), PC_OK);
    fclose(f);
    s = *pc_xml_reader_stats(r);
    pc_xml_reader_free(r);
    assert_string_equal(w5.stories, "A|1|(null)|3=ok=p@9\n");
    assert_int_equal(s.lost, 2);
    assert_int_equal(s.errors, 2);

    /* two documents one after the other (cat a.xml b.xml): both read, a warning */
    seen w6 = {0};
    s = run(&w6, "<X>" REC("1", "A_1", "", "a", "p") "</X>\n<X>" REC("1", "B_1", "", "b", "p") "</X>");
    assert_string_equal(w6.stories, "A|1|(null)|1=a=p@1\nB|1|(null)|1=b=p@6\n");
    assert_int_equal(s.errors, 0);
    assert_non_null(strstr(w6.diags, "W 6 : text after the end of the XML document"));
}

/* After an error, reading resumes at a "<Sentence" that the 64 KiB read
 * buffer cut in two: its first bytes are gone with the previous chunk. */
static void test_resume_across_chunks(void **st)
{
    (void)st;
    static const char head[] = "<X>\n<Sentence id=\"A_1\" date=\"1\" sentence=\"True\"><Text>a & b";
    static const char tail[] = "</Text><Parse>p</Parse></Sentence>\n";
    size_t cut = 65536 - 4; /* "<Sen" in the first chunk, "tence" in the second */
    char *xml = malloc(cut + 200);
    assert_non_null(xml);
    size_t n = strlen(head);
    memcpy(xml, head, n);
    memcpy(xml + n, tail, strlen(tail));
    n += strlen(tail);
    for (; n < cut; n++)
        xml[n] = n % 64 == 0 ? '\n' : ' ';
    strcpy(xml + n, REC("1", "A_2", "", "two", "p") "</X>");
    seen w = {0};
    pc_xml_stats s = run(&w, xml);
    assert_int_equal(s.lost, 1);
    assert_int_equal(s.sentences, 1);
    long line = 2; /* the line of A_2's tag */
    for (size_t i = strlen(head); i < cut; i++)
        line += xml[i] == '\n';
    char want[64];
    snprintf(want, sizeof want, "A|1|(null)|2=two=p@%ld\n", line);
    assert_string_equal(w.stories, want);
    free(xml);
}

static void test_empty_inputs(void **st)
{
    (void)st;
    seen w = {0};
    pc_xml_stats s = run(&w, "");
    assert_int_equal(s.errors, 1);
    assert_non_null(strstr(w.diags, "empty file"));
    seen w2 = {0};
    s = run(&w2, "<Sentences></Sentences>");
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.warnings, 1);
    assert_non_null(strstr(w2.diags, "no <Sentence> records"));
    seen w3 = {0};
    s = run(&w3, "   \n");
    assert_int_equal(s.errors, 1);
    assert_non_null(strstr(w3.diags, "no element found"));
}

/* The story callback can stop the read. */
static void test_stop(void **st)
{
    (void)st;
    static const char xml[] = "<X>" REC("1", "A_1", "", "a", "p") REC("1", "B_1", "", "b", "p")
        REC("1", "C_1", "", "c", "p") "</X>";
    seen w = {.stop_after = 1};
    FILE *f = fmemopen((void *)xml, strlen(xml), "r");
    pc_xml_reader *r = pc_xml_reader_new(on_story, &w, on_diag, &w);
    pc_error err;
    assert_int_equal(pc_xml_read(r, f, "in.xml", &err), PC_OK);
    assert_true(pc_xml_reader_stats(r)->stopped);
    assert_int_equal(w.nstories, 1);
    fclose(f);
    pc_xml_reader_free(r);
}

/* PETRARCH2's unit-test file is readable as it is: 284 records (all
 * sentence="true"/"false"), each its own story; AGENTS-18 and AGENTS-19
 * come back later (warned). */
static void test_records_file(void **st)
{
    (void)st;
    seen *w = calloc(1, sizeof *w);
    FILE *f = fopen("tests/data/PETR.UnitTest.records.xml", "rb");
    assert_non_null(f);
    pc_xml_reader *r = pc_xml_reader_new(NULL, NULL, on_diag, w);
    pc_error err;
    assert_int_equal(pc_xml_read(r, f, "records.xml", &err), PC_OK);
    fclose(f);
    const pc_xml_stats *s = pc_xml_reader_stats(r);
    assert_int_equal(s->records, 284);
    assert_int_equal(s->sentences, 284);
    assert_int_equal(s->stories, 284);
    assert_int_equal(s->errors, 0);
    assert_non_null(strstr(w->diags, " AGENTS-18: story id appeared before"));
    assert_non_null(strstr(w->diags, " AGENTS-19: story id appeared before"));
    assert_non_null(strstr(w->diags, "284 records in this file were not sentence=\"True\""));

    /* the batch version: 280 one-sentence stories, no diagnostics but the
     * unbalanced parse of ERROR-03 (two '(' never closed); stories are never
     * merged across files, but a story id seen in an earlier file is warned
     * about */
    seen *w2 = calloc(1, sizeof *w2);
    pc_xml_reader *r2 = pc_xml_reader_new(on_story, w2, on_diag, w2);
    for (int k = 0; k < 2; k++) {
        f = fopen("tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml", "rb");
        assert_non_null(f);
        assert_int_equal(pc_xml_read(r2, f, "batch.xml", &err), PC_OK);
        fclose(f);
        if (k == 0)
            assert_string_equal(w2->diags, "W 9853 ERROR-03_1: parse brackets unbalanced: 2 '(' "
                                           "not closed, 0 surplus ')'; coded as PETRARCH2 reads "
                                           "it\n");
    }
    s = pc_xml_reader_stats(r2);
    assert_int_equal(s->stories, 560);
    assert_int_equal(s->warnings, 2 + 280);
    assert_non_null(strstr(w2->stories, "DEMO-00|19950101|UNITTEST|1=\nArnor is about to restore"));
    pc_xml_reader_free(r);
    pc_xml_reader_free(r2);
    free(w);
    free(w2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grouping),
        cmocka_unit_test(test_text_and_entities),
        cmocka_unit_test(test_id_rules),
        cmocka_unit_test(test_not_true_records),
        cmocka_unit_test(test_rejected_records),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_resume_across_chunks),
        cmocka_unit_test(test_empty_inputs),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_records_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
