/* pystr.c -- see pystr.h. */
#include "pystr.h"

#include <string.h>
#include <utf8proc.h>

int32_t pc_utf8_decode(const char *s, size_t n, size_t *len)
{
    if (n && (unsigned char)s[0] < 0x80) {
        *len = 1;
        return (unsigned char)s[0];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (r <= 0) {
        *len = 1;
        return -1;
    }
    *len = (size_t)r;
    return cp;
}

int pc_py_isspace_slow(int32_t c)
{
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x180E: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return 1;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

char *pc_py_upper(pc_arena *a, const char *s, size_t n)
{
    /* Upper-casing can lengthen a UTF-8 sequence by at most one byte per
     * code point (e.g. U+0250..U+02AF -> 3-byte forms); 2n+1 is ample. */
    char *out = pc_arena_alloc(a, 2 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 128) {
            out[o++] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 32) : (char)ch;
            i++;
            continue;
        }
        size_t len;
        int32_t cp = pc_utf8_decode(s + i, n - i, &len);
        if (cp < 0) {
            out[o++] = (char)ch;
            i++;
            continue;
        }
        int32_t up = utf8proc_toupper(cp);
        o += (size_t)utf8proc_encode_char(up, (utf8proc_uint8_t *)out + o);
        i += len;
    }
    out[o] = '\0';
    return out;
}

long pc_py_split(pc_arena *a, const char *s, size_t n, pc_span **out)
{
    size_t cap = 16, cnt = 0;
    pc_span *v = pc_arena_alloc(a, cap * sizeof *v);
    if (!v)
        return -1;
    size_t i = 0;
    while (i < n) {
        size_t len;
        int32_t cp;
        unsigned char c0 = (unsigned char)s[i];
        if (c0 < 0x80) { /* ASCII without decoding (most parse text) */
            if (c0 == ' ' || (c0 >= 9 && c0 <= 13) || (c0 >= 0x1c && c0 <= 0x1f)) {
                i++;
                continue;
            }
        } else if (pc_py_isspace(cp = pc_utf8_decode(s + i, n - i, &len))) {
            i += len;
            continue;
        }
        size_t start = i;
        while (i < n) {
            unsigned char ch = (unsigned char)s[i];
            if (ch < 0x80) { /* the common case, without decoding */
                if (ch == ' ' || (ch >= 9 && ch <= 13) || (ch >= 0x1c && ch <= 0x1f))
                    break;
                i++;
                continue;
            }
            cp = pc_utf8_decode(s + i, n - i, &len);
            if (pc_py_isspace(cp))
                break;
            i += len;
        }
        if (cnt == cap) {
            pc_span *nv = pc_arena_realloc(a, v, cap * sizeof *v, 2 * cap * sizeof *v);
            if (!nv)
                return -1;
            v = nv;
            cap *= 2;
        }
        v[cnt].p = s + start;
        v[cnt].n = i - start;
        cnt++;
    }
    *out = v;
    return (long)cnt;
}
