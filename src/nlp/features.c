/* features.c -- see features.h. */
#include "nlp/features.h"

#include <string.h>

#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

uint64_t pc_hash_bytes(const char *s, size_t n)
{
    uint64_t h = FNV_OFF;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return pc_mix64(h ^ n);
}

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static unsigned char upper(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

static uint64_t hash_mapped(const char *s, size_t n, unsigned char (*f)(unsigned char))
{
    uint64_t h = FNV_OFF;
    for (size_t i = 0; i < n; i++) {
        h ^= f((unsigned char)s[i]);
        h *= FNV_PRIME;
    }
    return pc_mix64(h ^ n);
}

uint64_t pc_hash_lower(const char *s) { return hash_mapped(s, strlen(s), lower); }
uint64_t pc_hash_upper(const char *s) { return hash_mapped(s, strlen(s), upper); }

uint64_t pc_hash_suffix(const char *s, size_t k)
{
    size_t n = strlen(s);
    if (k > n)
        k = n;
    return hash_mapped(s + n - k, k, lower) + k;
}

uint64_t pc_hash_prefix(const char *s, size_t k)
{
    size_t n = strlen(s);
    if (k > n)
        k = n;
    return hash_mapped(s, k, lower) + 31 * k;
}

uint64_t pc_hash_shape(const char *s)
{
    char buf[24];
    size_t n = 0;
    char last = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < sizeof buf; p++) {
        char c;
        if (*p >= 'A' && *p <= 'Z')
            c = 'X';
        else if (*p >= 'a' && *p <= 'z')
            c = 'x';
        else if (*p >= '0' && *p <= '9')
            c = 'd';
        else if (*p >= 0x80)
            c = 'u';
        else
            c = (char)*p;
        if (c == last && (c == 'X' || c == 'x' || c == 'd' || c == 'u'))
            continue;
        buf[n++] = c;
        last = c;
    }
    return pc_hash_bytes(buf, n);
}

unsigned pc_word_flags(const char *s)
{
    unsigned f = 0;
    int letters = 0, uppers = 0, alnum = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            letters++;
            uppers++;
            alnum++;
            if (p == (const unsigned char *)s)
                f |= PC_W_UPPER1;
        } else if (*p >= 'a' && *p <= 'z') {
            letters++;
            alnum++;
        } else if (*p >= '0' && *p <= '9') {
            f |= PC_W_DIGIT;
            alnum++;
        } else if (*p == '-') {
            f |= PC_W_HYPHEN;
        } else if (*p >= 0x80) {
            f |= PC_W_NONASCII;
            alnum++;
        }
    }
    if (letters > 1 && letters == uppers)
        f |= PC_W_ALLCAPS;
    if (!alnum)
        f |= PC_W_PUNCT;
    return f;
}

const char *pc_ptb_bracket(const char *w)
{
    static const char *const map[][2] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
        {"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"},
    };
    if (w[0] != '-')   /* most words are passed at once */
        return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(w, map[i][0]))
            return map[i][1];
    return NULL;
}

const char *pc_model_form(const char *w)
{
    const char *b = pc_ptb_bracket(w);
    if (b)
        return b;
    if (!strcmp(w, "``"))
        return "\xe2\x80\x9c";   /* U+201C */
    if (!strcmp(w, "''"))
        return "\xe2\x80\x9d";   /* U+201D */
    return w;
}
