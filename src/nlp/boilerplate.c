/* boilerplate.c -- see boilerplate.h.  Matching is on whole words and
 * case-insensitive; lines that merely start with such a word but go on like
 * a sentence ("Published reports said ...", "By the end of the year, ...")
 * are kept: the prefixes below need the word that makes them page furniture
 * ("Published at", "Published on", "Published:"), and a byline must be
 * short, in capitals and unpunctuated. */
#include "boilerplate.h"

#include <string.h>

#include "ascii.h"


/* Whole lines (compared without trailing ":.!" and case). */
static const char *const whole[] = {
    "share", "share this", "share this article", "share this story", "share this page",
    "share on facebook", "share on twitter", "share on x", "share on whatsapp",
    "share via email", "tweet", "email", "e-mail", "print", "print this page",
    "advertisement", "advertising", "ad", "sponsored", "sponsored content",
    "read more", "read also", "also read", "see also", "related", "related articles",
    "related stories", "related topics", "more on this story", "listen",
    "listen to this article", "watch", "video", "copy link", "link copied", "comments",
    "top stories", "most read", "subscribe", "sign up", "log in", "login",
    "skip to content", "skip to main content", "back to top", "close", "menu", "home",
    "first published", "published", "updated", "last updated",
};

/* Line prefixes, each ending on a word boundary. */
static const char *const prefixes[] = {
    "published at", "published on", "published:", "published -", "first published",
    "updated at", "updated on", "updated:", "updated to", "updated -", "last updated",
    "posted at", "posted on", "posted:", "modified:", "share this", "share on",
    "follow us", "follow @", "sign up for", "sign up to", "subscribe to", "subscribe for",
    "click here", "read more:", "read more at", "read more on", "read also:",
    "see also:", "related:", "copyright", "(c) ", "all rights reserved",
    "photo:", "photo credit", "photograph:", "image:", "image credit", "picture:",
    "caption:", "file photo", "(reporting by", "reporting by", "(editing by",
    "editing by", "writing by", "additional reporting", "contact us",
    "originally published", "this article was originally", "this story was originally",
    "\xc2\xa9", /* © */
};

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
            w++;
    return w;
}

static int eq_ci(const char *s, size_t n, const char *e)
{
    return strlen(e) == n && pc_prefix_ci(s, n, e);
}

/* s starts with pre (any case) and a word boundary follows (unless pre
 * ends in punctuation or a space) */
static int prefix_word(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    return pc_prefix_ci(s, n, pre) && (k == n || !pc_is_alnum(pre[k - 1]) || !pc_is_alnum(s[k]));
}

/* "By Jane Doe", "By Jane Doe and John Roe, AFP", "By JANE DOE | Reuters" */
static int is_byline(const char *s, size_t n)
{
    if (n < 4 || memcmp(s, "By ", 3) != 0 || words_in(s, n) > 10)
        return 0;
    char last = s[n - 1];
    if (last == '.' || last == '?' || last == '!')
        return 0;
    for (size_t i = 3; i < n; i++) {
        if (i > 3 && s[i - 1] != ' ')
            continue;
        if (s[i] == ' ')
            continue;
        /* each word: capitalized, or a joining word */
        if (pc_is_upper(s[i]) || (unsigned char)s[i] >= 0x80 || s[i] == '|' || s[i] == '&')
            continue;
        if (prefix_word(s + i, n - i, "and") || prefix_word(s + i, n - i, "in") ||
            prefix_word(s + i, n - i, "with") || prefix_word(s + i, n - i, "de") ||
            prefix_word(s + i, n - i, "al-") || prefix_word(s + i, n - i, "van"))
            continue;
        return 0;
    }
    return 1;
}

int pc_is_boilerplate(const char *line, size_t n)
{
    int has_alnum = 0;
    for (size_t i = 0; i < n && !has_alnum; i++)
        has_alnum = pc_is_alnum(line[i]) || (unsigned char)line[i] >= 0x80;
    if (!has_alnum)
        return 1;
    size_t m = n;
    while (m > 0 && (line[m - 1] == ':' || line[m - 1] == '.' || line[m - 1] == '!' ||
                     line[m - 1] == ' '))
        m--;
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        if (eq_ci(line, m, whole[i]))
            return 1;
    if (words_in(line, n) <= 15)
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
            if (prefix_word(line, n, prefixes[i]))
                return 1;
    return is_byline(line, n);
}
