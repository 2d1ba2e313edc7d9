/* jsonl_writer.c -- see jsonl_writer.h.  Field order is fixed (jansson
 * keeps insertion order), so equal inputs give equal bytes. */
#include "jsonl_writer.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cameo_meta.h"
#include "json_str.h"
#include "util/alloc.h"

static json_t *jstr(const char *s)
{
    return pc_json_string(s);
}

/* The actor code and its Phoenix split, as CODE, CODE_entity, ... */
static int add_actor(json_t *o, const char *name, const char *code)
{
    size_t n = code ? strlen(code) : 0;
    char entity[4], role[4], key[32];
    char *attr = pc_malloc(2 * n + 1);
    if (!attr)
        return -1;
    pc_actor_split(code, entity, role, attr, 2 * n + 1);
    int bad = json_object_set_new(o, name, jstr(code));
    snprintf(key, sizeof key, "%s_entity", name);
    bad |= json_object_set_new(o, key, jstr(entity));
    snprintf(key, sizeof key, "%s_role", name);
    bad |= json_object_set_new(o, key, jstr(role));
    snprintf(key, sizeof key, "%s_attribute", name);
    bad |= json_object_set_new(o, key, jstr(attr));
    pc_free(attr);
    return bad ? -1 : 0;
}

/* "CODE,n;CODE,n" -> {"CODE": n, ...} in that order */
static json_t *issues_object(const char *s)
{
    json_t *o = json_object();
    if (!o || !s)
        return o;
    while (*s) {
        const char *end = strchr(s, ';');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        const char *comma = NULL;
        for (size_t i = 0; i < len; i++)
            if (s[i] == ',')
                comma = s + i;
        if (comma) {
            char *code = pc_strndup(s, (size_t)(comma - s));
            long count = strtol(comma + 1, NULL, 10);
            if (!code || json_object_set_new(o, code, json_integer(count)) < 0) {
                pc_free(code);
                json_decref(o);
                return NULL;
            }
            pc_free(code);
        }
        s += len + (end ? 1 : 0);
    }
    return o;
}

static json_t *str_array(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, jstr(v[i])) < 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

int pc_jsonl_write_event(FILE *f, const pc_event_record *r)
{
    const pc_story_event *e = r->ev;
    json_t *o = json_object();
    if (!o)
        return -1;
    char root[3];
    pc_cameo_root(e->code, root);
    int quad = pc_cameo_quad_class(e->code);
    double gold;
    int has_gold = pc_cameo_goldstein(e->code, &gold);
    int bad = 0;
    bad |= json_object_set_new(o, "story_id", jstr(r->story_id));
    bad |= json_object_set_new(o, "sentence_id", jstr(r->sent_id));
    bad |= json_object_set_new(o, "ids", str_array(r->ids, r->n_ids));
    bad |= json_object_set_new(o, "date", jstr(e->date));
    bad |= add_actor(o, "source", e->source);
    bad |= add_actor(o, "target", e->target);
    bad |= json_object_set_new(o, "code", jstr(e->code));
    bad |= json_object_set_new(o, "root_code", jstr(root));
    bad |= json_object_set_new(o, "quad_class", quad >= 0 ? json_integer(quad) : json_null());
    bad |= json_object_set_new(o, "goldstein", has_gold ? json_real(gold) : json_null());
    bad |= json_object_set_new(o, "issues", issues_object(e->issues));
    bad |= json_object_set_new(o, "source_text", jstr(e->source_text));
    bad |= json_object_set_new(o, "target_text", jstr(e->target_text));
    bad |= json_object_set_new(o, "event_text", jstr(e->event_text));
    bad |= json_object_set_new(o, "source_root", jstr(e->source_root));
    bad |= json_object_set_new(o, "target_root", jstr(e->target_root));
    bad |= json_object_set_new(o, "news_sources", str_array(r->sources, r->n_ids));
    bad |= json_object_set_new(o, "sentence_text", jstr(r->sentence_text));
    /* every score has one decimal and |score| <= 10: 3 digits print it exactly */
    if (!bad)
        bad = json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
    json_decref(o);
    if (bad || fputc('\n', f) == EOF)
        return -1;
    return 0;
}
