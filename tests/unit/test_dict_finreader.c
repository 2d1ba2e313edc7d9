/* test_dict_finreader.c -- read_FIN_line (pc_fin_read_line) with its
 * comment quirks and universal newlines, the Python string helpers the
 * readers use, and convert_code (cameo_codes).
 *
 * The read_FIN_line results were printed by PETRARCH2's own read_FIN_line
 * (Python 2.7) for the same file; convert_code values by
 * utilities.convert_code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "petrarch.h"
#include "dict/cameo_codes.h"
#include "dict/finreader.h"
#include "util/pystr.h"

/* ------------------------------------------------------------- helpers */

typedef struct warns {
    int n;
    long line[32];
    char msg[32][512];
    char file[256];
} warns;

static void on_warn(void *ud, const pc_error *w)
{
    warns *ws = ud;
    if (ws->n < 32) {
        ws->line[ws->n] = w->line;
        snprintf(ws->msg[ws->n], sizeof ws->msg[0], "%s", w->message);
        snprintf(ws->file, sizeof ws->file, "%s", w->file);
    }
    ws->n++;
}

static char tmpdir[64];

static int setup(void **st)
{
    (void)st;
    strcpy(tmpdir, "/tmp/pc_test_fin_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void expect_line(pc_fin *f, const char *want, long lineno)
{
    pc_span l;
    assert_int_equal(pc_fin_read_line(f, &l), 1);
    assert_int_equal(l.n, strlen(want));
    assert_memory_equal(l.p, want, l.n);
    assert_int_equal(f->lineno, lineno);
}

static void test_read_fin_line(void **st)
{
    (void)st;
    const char *path = write_file("fin.txt", "# comment line\n"             /* 1 */
                                             "<!-- one-line comment -->\n"  /* 2 */
                                             "\n"
                                             "A  # trailing comment\n"      /* 4 */
                                             "B <!-- inline --> C\n"        /* 5 */
                                             "<!-- start of multi\n"        /* 6: skipped ... */
                                             "D not in a comment\n"         /* 7: ... but this is read */
                                             "end -->\n"                    /* 8: and this too */
                                             "E <!-- a # b -->\n"           /* 9: '#' cut first */
                                             "skipped 1\n"
                                             "skipped --> 2\n"              /* 11 */
                                             "# F returned raw\n"           /* 12: raw after a comment */
                                             "G --> x <!-- y\n"             /* 13: find() gives -1 */
                                             "   \n"
                                             "H\n"                          /* 15 */
                                             "\xe2\x80\x83\n"               /* 16: U+2003 is blank */
                                             "K\r\n"                        /* 17 */
                                             "L\rM\n");                     /* 18, 19 */
    pc_fin f;
    pc_error err;
    warns ws = {0};
    assert_int_equal(pc_fin_open(&f, path, 1, on_warn, &ws, &err), PC_OK);
    expect_line(&f, "A  ", 4);
    expect_line(&f, "B  C\n", 5);
    expect_line(&f, "D not in a comment\n", 7);
    expect_line(&f, "end -->\n", 8);
    expect_line(&f, "# F returned raw\n", 12);
    expect_line(&f, "G --> x \n", 13);
    expect_line(&f, "H\n", 15);
    expect_line(&f, "K\n", 17);
    expect_line(&f, "L\n", 18);
    expect_line(&f, "M\n", 19);
    pc_span l;
    assert_int_equal(pc_fin_read_line(&f, &l), 0);
    assert_int_equal(ws.n, 0);
    pc_fin_close(&f);
}

static void test_unterminated_comment_and_bad_utf8(void **st)
{
    (void)st;
    /* PETRARCH2 loops forever on the first, fails on the second */
    const char *path = write_file("fin2.txt", "A\nB \xff <!-- never closed\nC\nD\n");
    pc_fin f;
    pc_error err;
    warns ws = {0};
    assert_int_equal(pc_fin_open(&f, path, 1, on_warn, &ws, &err), PC_OK);
    assert_int_equal(ws.n, 1);
    assert_int_equal(ws.line[0], 2);
    assert_non_null(strstr(ws.msg[0], "UTF-8"));
    expect_line(&f, "A\n", 1);
    pc_span l;
    assert_int_equal(pc_fin_read_line(&f, &l), 0);
    assert_int_equal(ws.n, 2);
    assert_non_null(strstr(ws.msg[1], "unterminated"));
    pc_fin_close(&f);
    assert_int_equal(pc_fin_open(&f, "/nonexistent/x.txt", 1, NULL, NULL, &err), PC_ERR_IO);
}

static void test_raw_lines(void **st)
{
    (void)st;
    const char *path = write_file("raw.txt", "a\r\nb\rc\nlast");
    pc_fin f;
    pc_error err;
    assert_int_equal(pc_fin_open(&f, path, 0, NULL, NULL, &err), PC_OK);
    pc_span l;
    assert_int_equal(pc_fin_raw_line(&f, &l), 1);
    assert_int_equal(l.n, 3); /* "a\r\n": bytes, '\n' only */
    assert_int_equal(pc_fin_raw_line(&f, &l), 1);
    assert_int_equal(l.n, 4); /* "b\rc\n" */
    assert_int_equal(pc_fin_raw_line(&f, &l), 1);
    assert_int_equal(l.n, 4); /* "last" */
    assert_int_equal(f.lineno, 3);
    assert_int_equal(pc_fin_raw_line(&f, &l), 0);
    pc_fin_close(&f);
}

static void test_string_helpers(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    /* unicode whitespace: U+001C..U+001F, U+00A0, U+3000 ...; bytes: ASCII */
    const char *s = "\x1c a\xc2\xa0" "b\xe3\x80\x80" "c \xe2\x80\x8b" "d\x1f";
    pc_span *w;
    assert_int_equal(pc_split_ws(a, pc_sz(s), PC_WS_UNICODE, &w), 4);
    assert_memory_equal(w[0].p, "a", 1);
    assert_int_equal(w[3].n, 4); /* U+200B (zero width space) is not whitespace */
    assert_int_equal(pc_split_ws(a, pc_sz(s), PC_WS_BYTES, &w), 3);
    assert_int_equal(w[0].n, 1); /* "\x1c" */
    pc_span t = pc_strip(pc_sz("\xc2\xa0 x y\xe3\x80\x80\t"), PC_WS_UNICODE);
    assert_int_equal(t.n, 3);
    assert_memory_equal(t.p, "x y", 3);
    t = pc_strip(pc_sz("\x1c x\x1c"), PC_WS_BYTES);
    assert_int_equal(t.n, 4);
    assert_int_equal(pc_strip(pc_sz(" \t\n"), PC_WS_UNICODE).n, 0);
    /* str.split(sep) keeps empty parts */
    assert_int_equal(pc_split_sep(a, pc_sz("-a--b-"), "-", &w), 5);
    assert_int_equal(w[0].n, 0);
    assert_int_equal(w[2].n, 0);
    assert_int_equal(pc_split_sep(a, pc_sz(""), ",", &w), 1);
    assert_string_equal(pc_replace(a, pc_sz("a+b+c"), "+", " ", 1), "a b+c");
    assert_string_equal(pc_replace(a, pc_sz("a+b+c"), "+", "", -1), "abc");
    assert_string_equal(pc_replace(a, pc_sz("&SETX &SET"), "&SET", "W", 1), "WX &SET");
    assert_int_equal(pc_find(pc_sz("abcabc"), "ca", 0), 2);
    assert_int_equal(pc_find(pc_sz("abcabc"), "ca", 3), -1);
    assert_int_equal(pc_last_char_len(pc_sz("x\xc3\x96")), 2);
    pc_arena_free(a);
}

/* pc_split_ws/pc_strip avoid decoding most UTF-8 (see finreader.c): check
 * them against pc_py_split and a decoding strip on random byte strings made
 * of ASCII, whitespace of every kind, other multi-byte characters and
 * invalid bytes. */
static void test_fast_whitespace_matches_pystr(void **st)
{
    (void)st;
    static const char *const pieces[] = {
        "a", "Z", " ", "\t", "\n", "\x1c", "\x1f", "\x1a", "\xc2\x85", "\xc2\xa0", "\xc2\xa1",
        "\xe1\x9a\x80", "\xe1\xa0\x8e", "\xe2\x80\x80", "\xe2\x80\x8a", "\xe2\x80\x8b",
        "\xe2\x80\xa8", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe3\x80\x80", "\xe3\x80\x81",
        "\xc3\x96", "\xf0\x9f\x98\x80", "\xff", "\xe2\x80", "\xc2", "\xe3", "\x80",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    pc_arena *a = pc_arena_new(0);
    unsigned seed = 12345;
    for (int iter = 0; iter < 20000; iter++) {
        char buf[128] = "";
        int n = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
        for (int i = 0; i < n; i++)
            strcat(buf, pieces[((seed = seed * 1103515245u + 12345u) >> 16) % np]);
        size_t len = strlen(buf);
        pc_span *x, *y;
        long nx = pc_split_ws(a, pc_sp(buf, len), PC_WS_UNICODE, &x);
        long ny = pc_py_split(a, buf, len, &y);
        assert_int_equal(nx, ny);
        for (long i = 0; i < nx; i++) {
            assert_ptr_equal(x[i].p, y[i].p);
            assert_int_equal(x[i].n, y[i].n);
        }
        /* strip == from the first word's start to the last word's end */
        pc_span t = pc_strip(pc_sp(buf, len), PC_WS_UNICODE);
        if (ny == 0) {
            assert_int_equal(t.n, 0);
        } else {
            assert_ptr_equal(t.p, y[0].p);
            assert_ptr_equal(t.p + t.n, y[ny - 1].p + y[ny - 1].n);
        }
        pc_arena_reset(a);
    }
    pc_arena_free(a);
}

static void test_cameo_codes(void **st)
{
    (void)st;
    long a, p;
    assert_int_equal(pc_cameo_to_internal("010", &a, &p), 0);
    assert_int_equal(a, 0x1000);
    assert_int_equal(p, 0); /* no passive part: "---" */
    assert_int_equal(pc_cameo_to_internal("042:043", &a, &p), 0);
    assert_int_equal(a, 0xB002);
    assert_int_equal(p, 0xB003);
    assert_int_equal(pc_cameo_to_internal("011", &a, &p), 0);
    assert_int_equal(a, 0x1000 - 0xFFFF);
    assert_int_equal(pc_cameo_to_internal("1221", &a, &p), 0);
    assert_int_equal(a, -0xFFFF + 0x2045 + 0x300);
    assert_int_equal(pc_cameo_to_internal("", &a, &p), 0); /* "" -> "---" */
    assert_int_equal(a, 0);
    assert_int_equal(pc_cameo_to_internal("099", &a, &p), 0); /* unknown: "09" + "0" */
    assert_int_equal(a, 0xA000);
    assert_int_equal(pc_cameo_to_internal("0100", &a, &p), 0); /* "01" + "0" */
    assert_int_equal(a, 0x1000);
    assert_int_equal(pc_cameo_to_internal("08", &a, &p), 0);
    assert_int_equal(a, 0x200);
    assert_int_equal(pc_cameo_to_internal("020:0", &a, &p), -1); /* "00" + "0": KeyError */
    assert_int_equal(pc_cameo_to_internal("010:", &a, &p), -1);
    assert_int_equal(pc_cameo_to_internal("XYZ", &a, &p), -1);
    /* reverse, with Python 2's dict order for shared values */
    assert_string_equal(pc_internal_to_cameo(0x1000), "010");
    assert_string_equal(pc_internal_to_cameo(0x200), "080");
    assert_string_equal(pc_internal_to_cameo(0x20c), "0842");
    assert_string_equal(pc_internal_to_cameo(0x6004), "137");
    assert_string_equal(pc_internal_to_cameo(0xb010), "044");
    assert_string_equal(pc_internal_to_cameo(0x30a0), "138");
    assert_string_equal(pc_internal_to_cameo(-0xFFFF), "120");
    assert_null(pc_internal_to_cameo(0)); /* Python: `if code` -> 0 */
    assert_null(pc_internal_to_cameo(12345));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_fin_line),
        cmocka_unit_test(test_unterminated_comment_and_bad_utf8),
        cmocka_unit_test(test_raw_lines),
        cmocka_unit_test(test_string_helpers),
        cmocka_unit_test(test_fast_whitespace_matches_pystr),
        cmocka_unit_test(test_cameo_codes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
