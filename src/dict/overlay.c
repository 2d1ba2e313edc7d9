/* overlay.c -- recognising an overlay dictionary file (see overlay.h). */
#include "overlay.h"

#include <string.h>

int pc_text_declares_overlay(const char *text, size_t len)
{
    static const char dir[] = PC_OVERLAY_DIRECTIVE;
    const size_t dn = sizeof dir - 1;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end - i >= dn && memcmp(text + i, dir, dn) == 0) {
            size_t k = i + dn;
            while (k < end && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
                k++;
            if (k == end)
                return 1;
        }
        i = end + 1;
    }
    return 0;
}
