/* json_str.h -- a jansson string from any C string: jansson refuses
 * invalid UTF-8, so such bytes become U+FFFD (output is always valid JSON). */
#ifndef PC_JSON_STR_H
#define PC_JSON_STR_H

#include <jansson.h>

/* A new reference: json null for NULL; NULL only on OOM. */
json_t *pc_json_string(const char *s);

#endif
