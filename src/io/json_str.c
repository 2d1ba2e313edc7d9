/* json_str.c -- see json_str.h. */
#include "json_str.h"

#include <stdlib.h>
#include <string.h>

#include "util/pystr.h"
#include "util/alloc.h"

json_t *pc_json_string(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    char *fixed = pc_malloc(3 * n + 1);
    if (!fixed)
        return NULL;
    size_t o = 0, len;
    for (size_t i = 0; i < n; i += len) {
        if (pc_utf8_decode(s + i, n - i, &len) < 0) {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(fixed + o, s + i, len);
            o += len;
        }
    }
    fixed[o] = '\0';
    j = json_string(fixed);
    pc_free(fixed);
    return j;
}
