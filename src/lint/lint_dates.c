/* lint_dates.c -- the date restrictions of actor codes, as PETRARCH2's
 * NounPhrase.check_date reads them:
 *   no date          the code always applies;
 *   "<D"             applies before D;  ">D" applies from D on;
 *   "D1-D2"          applies from D1 until before D2;
 *   "D" alone        check_date takes it as ">" but cuts the first digit off
 *                    its ordinal, so it always applies;
 * a date being YYYYMMDD, or YYMMDD with YY <= 30 read as 20YY, and compared
 * as PETRARCH2's dstr_to_ordate ordinals.  When check_date meets a date
 * dstr_to_ordate rejects, it stops and the actor gets the code "". */
#include <limits.h>
#include <string.h>

#include "lint.h"

#define FAR_FUTURE_YEAR 2100 /* a restriction from then on is surely a typo */

/* int(s[a:b]) as Python 2 reads a slice of digits: -1 when it raises
 * ValueError (empty, or not a digit). */
static long slice_int(const char *s, size_t n, size_t a, size_t b)
{
    if (b > n)
        b = n;
    if (a >= b)
        return -1;
    long v = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* PETRARCH2's dstr_to_ordate, and whether the date is as it should be
 * written.  0 with *ord and *year (and *note set when PETRARCH2 reads the
 * string other than as written), or -1 when it raises DateError (*why). */
static int parse_date(const char *s, long *ord, int *year, const char **why, const char **note)
{
    size_t n = strlen(s);
    long y, m, d;
    *note = NULL;
    if (n > 7) {
        y = slice_int(s, n, 0, 4), m = slice_int(s, n, 4, 6), d = slice_int(s, n, 6, 8);
    } else {
        y = slice_int(s, n, 0, 2), m = slice_int(s, n, 2, 4), d = slice_int(s, n, 4, 6);
        if (y >= 0)
            y += y <= 30 ? 2000 : 1900;
    }
    if (y < 0 || m < 0 || d < 0) {
        *why = n ? "not YYYYMMDD or YYMMDD" : "empty";
        return -1;
    }
    /* (no month check in PETRARCH2: months 0 and 13+ get 31 days) */
    long dim = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
               : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    if (d <= 0 || d > dim) {
        *why = "impossible: no such day in that month";
        return -1;
    }
    long a = m < 3, yr = y + 4800 - a, mo = m + 12 * a - 3;
    *ord = d + (153 * mo + 2) / 5 + 365 * yr + yr / 4 - yr / 100 + yr / 400 - 32045 - 2305813;
    *year = (int)y;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            *note = "has characters PETRARCH2 ignores";
    if (m < 1 || m > 12)
        *note = "has no such month (PETRARCH2 computes a day of another month)";
    else if (n != 6 && n != 8 && !*note)
        *note = n > 8 ? "has more than 8 digits (PETRARCH2 reads the first 8)"
                      : "has 7 digits (PETRARCH2 reads the first 6)";
    return 0;
}

static int date_ok(pc_lint *l, const char *file, long line, const char *code, const char *shown,
                   const char *d, long *ord)
{
    int year;
    const char *why, *note;
    if (parse_date(d, ord, &year, &why, &note) < 0) {
        pc_lint_add(l, PC_LINT_ERROR, "date", file, line,
                    "date restriction '%s' of %s: '%s' is %s: PETRARCH2 rejects it, and an "
                    "actor whose codes get that far is given no code", shown, code, d, why);
        return 0;
    }
    if (note) /* an impossible month is an error, extra characters only odd */
        pc_lint_add(l, strstr(note, "month") ? PC_LINT_ERROR : PC_LINT_WARNING, "date", file, line,
                    "date restriction '%s' of %s: '%s' %s", shown, code, d, note);
    else if (year >= FAR_FUTURE_YEAR)
        pc_lint_add(l, PC_LINT_WARNING, "date", file, line,
                    "date restriction '%s' of %s: %d is in the far future (a typo?)", shown, code,
                    year);
    return 1;
}

pc_lint_when pc_lint_dates(pc_lint *l, const char *file, long line, const char *code,
                           size_t n, const char *const *dates)
{
    pc_lint_when w = {1, n > 0, LONG_MIN, LONG_MAX};
    char shown[128];
    if (n == 0)
        return w;
    snprintf(shown, sizeof shown, "%s%s%s", dates[0], n > 1 ? "-" : "", n > 1 ? dates[1] : "");
    if (n > 2) {
        pc_lint_add(l, PC_LINT_ERROR, "date", file, line,
                    "date restriction of %s has more than one '-': PETRARCH2 reads only '%s'",
                    code, shown);
        w.valid = 0;
        return w;
    }
    if (n == 1) {
        char op = dates[0][0];
        if (op != '<' && op != '>') {
            pc_lint_add(l, PC_LINT_ERROR, "date", file, line,
                        "date restriction '%s' of %s has no '<' or '>' and is not a range: "
                        "PETRARCH2 then compares with a mangled date, so it always applies",
                        shown, code);
            w.valid = 0;
            return w;
        }
        long o;
        if (!date_ok(l, file, line, code, shown, dates[0] + 1, &o)) {
            w.valid = 0;
            return w;
        }
        if (op == '<')
            w.hi = o;
        else
            w.lo = o;
        return w;
    }
    long a, b;
    int ok1 = date_ok(l, file, line, code, shown, dates[0], &a);
    int ok2 = date_ok(l, file, line, code, shown, dates[1], &b);
    if (!ok1 || !ok2) {
        w.valid = 0;
        return w;
    }
    if (a >= b) {
        pc_lint_add(l, PC_LINT_ERROR, "date", file, line,
                    "date range '%s' of %s ends %s it starts: it never applies", shown, code,
                    a == b ? "the day" : "before");
        w.valid = 0;
        return w;
    }
    w.lo = a;
    w.hi = b;
    return w;
}
