/* dateline.c -- see dateline.h.  Small hand-written matchers over the
 * normalized text (dashes are already "-" or "--" there). */
#include "dateline.h"

#include <string.h>

#include "ascii.h"


/* ------------------------------------------------------------ date header */

static int number(const char *s, size_t n, size_t *i, size_t digits)
{
    int v = 0;
    for (size_t k = 0; k < digits; k++) {
        if (*i >= n || !pc_is_digit(s[*i]))
            return -1;
        v = v * 10 + (s[(*i)++] - '0');
    }
    return v;
}

int pc_date_header(const char *line, size_t n, char date[9])
{
    size_t i = 0;
    while (i < n && pc_is_hspace(line[i]))
        i++;
    if (pc_prefix_ci(line + i, n - i, "date")) {
        i += 4;
        if (i < n && line[i] == ':')
            i++;
        while (i < n && pc_is_hspace(line[i]))
            i++;
    }
    int y = number(line, n, &i, 4);
    if (y < 0)
        return 0;
    int dashed = i < n && line[i] == '-';
    i += (size_t)dashed;
    int m = number(line, n, &i, 2);
    if (m < 0 || (dashed && (i >= n || line[i] != '-')))
        return 0;
    i += (size_t)dashed;
    int d = number(line, n, &i, 2);
    while (i < n && pc_is_hspace(line[i]))
        i++;
    if (d < 0 || i != n || y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    for (int k = 3; k >= 0; k--, y /= 10)
        date[k] = (char)('0' + y % 10);
    date[4] = (char)('0' + m / 10);
    date[5] = (char)('0' + m % 10);
    date[6] = (char)('0' + d / 10);
    date[7] = (char)('0' + d % 10);
    date[8] = '\0';
    return 1;
}

/* --------------------------------------------------------------- dateline */

static const char *const agencies[] = {
    "AFP", "AP", "Reuters", "REUTERS", "Xinhua", "XINHUA", "UPI", "dpa", "DPA",
    "ANSA", "EFE", "PTI", "IANS", "ANI", "TASS", "Tass", "Interfax", "Bloomberg",
    "Kyodo", "Yonhap", "IRNA", "SANA", "Anadolu", "AA", "CNN", "BBC", "AJ",
    "Al Jazeera", "RIA Novosti", "Ria Novosti", "APA", "MENA", "WAM", "SPA", "KUNA",
    "QNA", "Petra", "NNA", "BERNAMA", "Bernama", "Antara", "PNA", "KCNA",
};

static int is_agency(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++)
        if (strlen(agencies[i]) == n && memcmp(agencies[i], s, n) == 0)
            return 1;
    return 0;
}

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

/* a month name (any case, abbreviations with an optional period) at s */
static size_t month_at(const char *s, size_t n)
{
    size_t best = 0;
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
        size_t k = strlen(months[i]);
        if (!pc_prefix_ci(s, n, months[i]) || (k < n && pc_is_alpha(s[k])))
            continue;
        if (k < n && s[k] == '.')
            k++;
        if (k > best)
            best = k;
    }
    return best;
}

/* "Aug 4", "Dec. 19", "4 August", with an optional ", 2025" */
static size_t date_at(const char *s, size_t n)
{
    size_t i = month_at(s, n), d = 0;
    if (i && i < n && s[i] == ' ') {
        d = i + 1;
        while (d < n && d < i + 3 && pc_is_digit(s[d]))
            d++;
        if (d == i + 1)
            return 0;
    } else if (!i) {
        while (d < n && d < 2 && pc_is_digit(s[d]))
            d++;
        if (d == 0 || d >= n || s[d] != ' ' || !(i = month_at(s + d + 1, n - d - 1)))
            return 0;
        d += 1 + i;
    } else {
        return 0;
    }
    if (d + 6 <= n && s[d] == ',' && s[d + 1] == ' ' && pc_is_digit(s[d + 2]) &&
        pc_is_digit(s[d + 3]) && pc_is_digit(s[d + 4]) && pc_is_digit(s[d + 5]))
        d += 6;
    return d;
}

/* Words of a place name: letters and . ' - inside, separated by one space,
 * at most 5 words and 40 bytes.  *caps: no lower-case ASCII letter. */
static size_t place_at(const char *s, size_t n, int *caps, int *letters)
{
    size_t i = 0, words = 0;
    *caps = 1;
    *letters = 0;
    while (i < n && i < 40 && words < 5) {
        size_t w = i;
        while (i < n && (pc_is_upper(s[i]) || pc_is_lower(s[i]) || (unsigned char)s[i] >= 0x80 ||
                         (i > w && (s[i] == '.' || s[i] == '\'' || s[i] == '-')))) {
            *caps &= !pc_is_lower(s[i]);
            *letters += pc_is_upper(s[i]) || pc_is_lower(s[i]);
            i++;
        }
        if (i == w || !(pc_is_upper(s[w]) || (unsigned char)s[w] >= 0x80))
            return w == 0 ? 0 : w - 1; /* before the separating space */
        words++;
        if (i + 1 < n && s[i] == ' ' && (pc_is_upper(s[i + 1]) || (unsigned char)s[i + 1] >= 0x80))
            i++;
        else
            break;
    }
    return i;
}

/* "(Washington) ..." */
static size_t paren_form(const char *p, size_t n, size_t *as, size_t *ae)
{
    size_t i = 1;
    while (i < n && i < 60 && p[i] != ')' && p[i] != '(' && p[i] != '\n' && !pc_is_digit(p[i]))
        i++;
    if (i >= n || p[i] != ')' || i == 1 || !(pc_is_upper(p[1]) || (unsigned char)p[1] >= 0x80))
        return 0;
    size_t close = i++;
    if (i >= n || !pc_is_hspace(p[i]))
        return 0;
    if (is_agency(p + 1, close - 1)) {
        *as = 1;
        *ae = close;
    }
    return close + 1;
}

static size_t skip_dash(const char *p, size_t n, size_t i, int *dash)
{
    size_t j = i;
    while (j < n && pc_is_hspace(p[j]))
        j++;
    size_t k = j;
    while (k < n && p[k] == '-' && k < j + 3)
        k++;
    if (k > j && k < n && pc_is_hspace(p[k])) {
        *dash = 1;
        return k;
    }
    return i;
}

size_t pc_dateline(const char *p, size_t n, size_t *agency_start, size_t *agency_end)
{
    size_t as = 0, ae = 0, i;
    int dash = 0;
    if (n > 0 && p[0] == '(') {
        i = paren_form(p, n, &as, &ae);
        if (!i)
            return 0;
        i = skip_dash(p, n, i, &dash);
    } else {
        int caps, letters;
        i = place_at(p, n, &caps, &letters);
        if (i == 0)
            return 0;
        /* optional ", Region" and date parts */
        for (int part = 0; part < 2; part++) {
            size_t j = i;
            if (j + 1 < n && p[j] == ',' && p[j + 1] == ' ')
                j += 2;
            else if (j < n && p[j] == ' ')
                j += 1;
            else
                break;
            size_t d = date_at(p + j, n - j);
            if (d) {
                i = j + d;
                continue;
            }
            int c2, l2;
            size_t r = (p[i] == ',') ? place_at(p + j, n - j, &c2, &l2) : 0;
            if (!r || part == 1)
                break;
            i = j + r;
        }
        /* optional " (AGENCY)" */
        if (i + 2 < n && p[i] == ' ' && p[i + 1] == '(') {
            size_t k = i + 2;
            while (k < n && k < i + 40 && p[k] != ')' && p[k] != '(' && p[k] != '\n')
                k++;
            if (k < n && p[k] == ')' && k > i + 2 && pc_is_upper(p[i + 2])) {
                as = i + 2;
                ae = k;
                i = k + 1;
            }
        }
        i = skip_dash(p, n, i, &dash);
        if (!((caps && letters >= 2 && dash) || ae > as))
            return 0;
    }
    while (i < n && pc_is_space(p[i]))
        i++;
    if (i >= n)
        return 0; /* nothing after it: not a dateline but the whole text */
    *agency_start = as;
    *agency_end = ae;
    return i;
}
