/* phoenix_writer.c -- see phoenix_writer.h. */
#include "phoenix_writer.h"

#include <stdlib.h>
#include <string.h>

#include "cameo_meta.h"
#include "util/alloc.h"

static const char *const columns[PC_PHOENIX_COLUMNS] = {
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources"};

int pc_phoenix_write_header(FILE *f)
{
    for (int i = 0; i < PC_PHOENIX_COLUMNS; i++) {
        fputs(columns[i], f);
        fputc(i + 1 < PC_PHOENIX_COLUMNS ? '\t' : '\n', f);
    }
    return ferror(f) ? -1 : 0;
}

/* n bytes of s (all of it if n is -1), TAB and newlines as spaces */
static void put(FILE *f, const char *s, long n)
{
    if (!s)
        return;
    size_t len = n < 0 ? strlen(s) : (size_t)n;
    for (size_t i = 0; i < len && s[i]; i++)
        fputc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
}

/* a field, after the TAB that separates it from the previous one */
static void field(FILE *f, const char *s, long n)
{
    fputc('\t', f);
    put(f, s, n);
}

/* Python's s[from:to] of an ASCII date */
static void date_part(FILE *f, const char *d, size_t from, size_t to)
{
    size_t n = strlen(d);
    if (from > n)
        from = n;
    if (to > n)
        to = n;
    field(f, d + from, (long)(to - from));
}

static int actor(FILE *f, const char *code)
{
    size_t n = code ? strlen(code) : 0;
    char entity[4], role[4];
    char *attr = pc_malloc(2 * n + 1);
    if (!attr)
        return -1;
    pc_actor_split(code, entity, role, attr, 2 * n + 1);
    field(f, code, -1);
    field(f, entity, -1);
    field(f, role, -1);
    field(f, attr, -1);
    pc_free(attr);
    return 0;
}

static void joined(FILE *f, const char *const *v, size_t n)
{
    fputc('\t', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(';', f);
        put(f, v[i], -1);
    }
}

int pc_phoenix_write_event(FILE *f, const pc_event_record *r, unsigned long event_id)
{
    const pc_story_event *e = r->ev;
    const char *date = e->date ? e->date : "";
    fprintf(f, "%lu", event_id);
    field(f, date, -1);
    date_part(f, date, 0, 4);
    date_part(f, date, 4, 6);
    date_part(f, date, 6, (size_t)-1);
    if (actor(f, e->source) < 0 || actor(f, e->target) < 0)
        return -1;
    char root[3];
    pc_cameo_root(e->code, root);
    field(f, e->code, -1);
    field(f, root, -1);
    int quad = pc_cameo_quad_class(e->code);
    fputc('\t', f);
    if (quad >= 0)
        fprintf(f, "%d", quad);
    double g;
    fputc('\t', f);
    if (pc_cameo_goldstein(e->code, &g))
        fprintf(f, "%.1f", g);
    field(f, e->issues, -1);
    fputs("\t\t\t\t\t", f); /* Lat Lon LocationName StateName CountryCode */
    joined(f, r->ids, r->n_ids);
    fputc('\t', f);
    for (size_t i = 1; i < r->n_ids; i++)
        fputc(';', f); /* URLs: one empty entry per id */
    joined(f, r->sources, r->n_ids);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}
