/* record_check.c -- see record_check.h. */
#include "record_check.h"

#include <stdio.h>
#include <string.h>

pc_parse_verdict pc_check_parse(const char *parse, size_t n, char *why, size_t cap)
{
    long depth = 0, words = 0, nodes = 0, surplus = 0, trees = 0;
    int after_tree = 0; /* a second tree follows the first */
    char last = ')';    /* the last character other than white space */
    for (size_t i = 0; i < n; i++) {
        char c = parse[i];
        if (c == '(') {
            if (depth == 0)
                after_tree = ++trees > 1;
            depth++;
            nodes++;
        } else if (c == ')') {
            words += last != ')'; /* "(TAG word)" closes a leaf */
            if (depth == 0)
                surplus++;
            else
                depth--;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            last = c;
    }
    if (words > PC_MAX_PARSE_WORDS) {
        snprintf(why, cap,
                 "parse has %ld words, more than the limit of %d (the coder's memory grows with "
                 "the square of the sentence length); not coded",
                 words, PC_MAX_PARSE_WORDS);
        return PC_PARSE_REJECT;
    }
    if (nodes > PC_MAX_PARSE_NODES) {
        snprintf(why, cap, "parse has %ld nodes, more than the limit of %d; not coded", nodes,
                 PC_MAX_PARSE_NODES);
        return PC_PARSE_REJECT;
    }
    if (depth > 0 || surplus > 0 || after_tree) {
        snprintf(why, cap,
                 "parse brackets unbalanced: %ld '(' not closed, %ld surplus ')'%s; coded as "
                 "PETRARCH2 reads it",
                 depth, surplus, after_tree ? ", more than one tree" : "");
        return PC_PARSE_WARN;
    }
    return PC_PARSE_OK;
}

static int digits(const char *s, size_t n, long *v)
{
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return 0;
}

static int days_in_month(long y, long m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

int pc_normalize_date(const char *in, size_t n, char out[9])
{
    long y, m, d;
    size_t used;
    if (n >= 10 && (in[4] == '-' || in[4] == '/') && in[7] == in[4]) {
        if (digits(in, 4, &y) || digits(in + 5, 2, &m) || digits(in + 8, 2, &d))
            return -1;
        used = 10;
    } else if (n >= 8) {
        if (digits(in, 4, &y) || digits(in + 4, 2, &m) || digits(in + 6, 2, &d))
            return -1;
        used = 8;
    } else {
        return -1;
    }
    if (used < n && in[used] != 'T' && in[used] != ' ')
        return -1;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    long v[3] = {y, m, d};
    int w[3] = {4, 2, 2};
    for (int k = 0, o = 0; k < 3; o += w[k++])
        for (int i = w[k] - 1; i >= 0; i--, v[k] /= 10)
            out[o + i] = (char)('0' + v[k] % 10);
    out[8] = '\0';
    return 0;
}
