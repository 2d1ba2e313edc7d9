/* records.c -- pc_vfile_read: the validation records file (expat).
 *
 * What is read is what score_unittest.py / unittest_to_batch.py read with
 * ElementTree: every <Sentence> element (attributes id, date, category), its
 * direct <EventCoding> children, and the .text of its first direct <Text> and
 * <Parse> children (the character data before the child's first element;
 * comments are dropped, CDATA is data).  <Environment> gives the dictionary
 * file names (<Verbfile>, <Actorfile> -- may be repeated --, <Agentfile>,
 * <Discardfile>, <Issuefile>); its other elements (<Include>, <Errorfile>,
 * <Pause>, <Config>) are PETRARCH1 run settings and are not used. */
#include <expat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dnode.h"
#include "dict/finreader.h"
#include "util/error.h"
#include "validate.h"

#define CHUNK (64 * 1024)

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

/* The .text of one direct child. */
typedef struct field {
    int state;       /* 0 not met, 1 collecting, 2 done */
    sbuf b;
} field;

enum { ENV_NONE, ENV_VERBS, ENV_ACTORS, ENV_AGENTS, ENV_DISCARDS, ENV_ISSUES };

typedef struct rd {
    XML_Parser p;
    pc_vfile *vf;
    pc_arena *a;
    const char *name;
    pc_warn_fn warn;
    void *ud;
    int oom;
    long depth;

    /* <Environment> */
    int in_env, env_done;
    long env_depth;
    int env_field;          /* ENV_* being collected */
    sbuf env_text;
    size_t actors_cap;

    /* records */
    size_t cap;
    pc_dnode *seen;         /* base id -> occurrences */
    pc_dnode *used;         /* story ids given out */
    int in_rec;
    long rec_depth;
    pc_vrecord cur;
    size_t gold_cap;
    int has_coding;
    field text, parse;
    field *collect;
} rd;

static int sb_append(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np)
            return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static void fail_oom(rd *r)
{
    r->oom = 1;
    XML_StopParser(r->p, XML_FALSE);
}

static void warn(rd *r, const char *fmt, ...) PC_PRINTF(2, 3);

static void warn(rd *r, const char *fmt, ...)
{
    if (!r->warn)
        return;
    pc_error e;
    pc_error_set(&e, PC_ERR_INPUT, r->name, (long)XML_GetCurrentLineNumber(r->p), NULL, "%s",
                 "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    r->warn(r->ud, &e);
}

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

/* s.strip(), copied into the arena. */
static const char *stripped(rd *r, const char *s)
{
    pc_span t = pc_strip(pc_sz(s), PC_WS_UNICODE);
    char *o = pc_arena_strndup(r->a, t.p, t.n);
    if (!o)
        fail_oom(r);
    return o;
}

/* ------------------------------------------------------------ ids */

/* unittest_to_batch.make_id_map, one id at a time. */
static const char *unique_story(rd *r, const char *id)
{
    size_t n = strlen(id);
    char *base = pc_arena_strndup(r->a, id, n);
    if (!base)
        return NULL;
    for (char *c = base; *c; c++)
        if (*c == '_')
            *c = '-';
    const dn_entry *e = dn_get(r->seen, base);
    long k = e ? e->v.ival + 1 : 1;
    char *story = base;
    for (;;) {
        if (k > 1) {
            size_t sn = n + 32;
            if (!(story = pc_arena_alloc(r->a, sn)))
                return NULL;
            snprintf(story, sn, "%s-dup%ld", base, k);
        }
        if (!dn_get(r->used, story))
            break;
        k++; /* (never for real files: "paranoia: never collide") */
    }
    if (dn_set_int(r->a, r->seen, base, k) < 0 || dn_set_int(r->a, r->used, story, 1) < 0)
        return NULL;
    return story;
}

/* ------------------------------------------------------------ records */

static void start_record(rd *r, const XML_Char **atts)
{
    memset(&r->cur, 0, sizeof r->cur);
    r->gold_cap = 0;
    r->has_coding = 0;
    r->text.state = r->parse.state = 0;
    r->text.b.n = r->parse.b.n = 0;
    r->in_rec = 1;
    r->rec_depth = r->depth;
    r->cur.line = (long)XML_GetCurrentLineNumber(r->p);
    const char *id = attr(atts, "id"), *date = attr(atts, "date"), *cat = attr(atts, "category");
    r->cur.id = pc_arena_strdup(r->a, id ? id : "");
    r->cur.category = pc_arena_strdup(r->a, cat ? cat : "");
    r->cur.date = date ? pc_arena_strdup(r->a, date) : NULL;
    r->cur.kind = "events";
    if (!r->cur.id || !r->cur.category || (date && !r->cur.date) ||
        !(r->cur.story = unique_story(r, r->cur.id)))
        fail_oom(r);
}

static void event_coding(rd *r, const XML_Char **atts)
{
    r->has_coding = 1;
    const char *code = attr(atts, "eventcode");
    if (code) {
        if (r->cur.gold.n == r->gold_cap) {
            size_t ncap = r->gold_cap ? r->gold_cap * 2 : 4;
            pc_vtriple *nv = pc_arena_realloc(r->a, r->cur.gold.v, r->gold_cap * sizeof *nv,
                                              ncap * sizeof *nv);
            if (!nv) {
                fail_oom(r);
                return;
            }
            r->cur.gold.v = nv;
            r->gold_cap = ncap;
        }
        const char *s = attr(atts, "sourcecode"), *t = attr(atts, "targetcode");
        pc_vtriple *tr = &r->cur.gold.v[r->cur.gold.n++];
        tr->source = stripped(r, s ? s : "");
        tr->target = stripped(r, t ? t : "");
        tr->code = stripped(r, code);
    } else if (attr(atts, "noevents")) {
        r->cur.kind = "noevents";
    } else if (attr(atts, "error")) {
        size_t n = strlen(attr(atts, "error")) + 7;
        char *k = pc_arena_alloc(r->a, n);
        if (!k) {
            fail_oom(r);
            return;
        }
        snprintf(k, n, "error:%s", attr(atts, "error"));
        r->cur.kind = k;
    }
}

static const char *field_text(rd *r, const field *f)
{
    if (f->state == 0 || f->b.n == 0)
        return NULL; /* no element, or .text None */
    char *s = pc_arena_strndup(r->a, f->b.p, f->b.n);
    if (!s)
        fail_oom(r);
    return s;
}

static void end_record(rd *r)
{
    r->in_rec = 0;
    r->collect = NULL;
    pc_vrecord *c = &r->cur;
    c->text = field_text(r, &r->text);
    c->parse = field_text(r, &r->parse);
    if (!r->has_coding)
        c->kind = "nocoding";
    c->gold.n = pc_vtriples_normalize(c->gold.v, c->gold.n);
    if (c->gold.n)
        c->kind = "events";
    pc_vfile *vf = r->vf;
    if (vf->n == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 256;
        pc_vrecord *nv = pc_arena_realloc(r->a, vf->recs, r->cap * sizeof *nv, ncap * sizeof *nv);
        if (!nv) {
            fail_oom(r);
            return;
        }
        vf->recs = nv;
        r->cap = ncap;
    }
    vf->recs[vf->n++] = *c;
}

/* ------------------------------------------------------- environment */

static int env_kind(const char *name)
{
    static const struct { const char *name; int kind; } k[] = {
        {"Verbfile", ENV_VERBS},       {"Actorfile", ENV_ACTORS}, {"Agentfile", ENV_AGENTS},
        {"Discardfile", ENV_DISCARDS}, {"Issuefile", ENV_ISSUES},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (strcmp(name, k[i].name) == 0)
            return k[i].kind;
    return ENV_NONE;
}

static void end_env_field(rd *r)
{
    pc_venv *e = &r->vf->env;
    const char *v = stripped(r, r->env_text.p ? r->env_text.p : "");
    int kind = r->env_field;
    r->env_field = ENV_NONE;
    if (!v)
        return;
    if (!v[0]) {
        warn(r, "empty <%s> in <Environment> ignored",
             kind == ENV_VERBS ? "Verbfile" : kind == ENV_ACTORS ? "Actorfile"
             : kind == ENV_AGENTS ? "Agentfile" : kind == ENV_DISCARDS ? "Discardfile"
             : "Issuefile");
        return;
    }
    if (kind == ENV_ACTORS) {
        if (e->n_actors == r->actors_cap) {
            size_t ncap = r->actors_cap ? r->actors_cap * 2 : 4;
            const char **nv = pc_arena_realloc(r->a, e->actors, r->actors_cap * sizeof *nv,
                                               ncap * sizeof *nv);
            if (!nv) {
                fail_oom(r);
                return;
            }
            e->actors = nv;
            r->actors_cap = ncap;
        }
        e->actors[e->n_actors++] = v;
        return;
    }
    const char **slot = kind == ENV_VERBS ? &e->verbs : kind == ENV_AGENTS ? &e->agents
                        : kind == ENV_DISCARDS ? &e->discards : &e->issues;
    if (*slot)
        warn(r, "<Environment> names a second %s; the last one is used",
             kind == ENV_VERBS ? "verb file" : kind == ENV_AGENTS ? "agent file"
             : kind == ENV_DISCARDS ? "discard file" : "issue file");
    *slot = v;
}

/* ------------------------------------------------------ expat handlers */

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    rd *r = ud;
    r->depth++;
    if (r->oom) /* (expat may call a handler or two after XML_StopParser) */
        return;
    if (r->collect) /* a child element ends .text */
        r->collect->state = 2, r->collect = NULL;
    if (r->in_env) {
        if (r->depth == r->env_depth + 1 && (r->env_field = env_kind(name)) != ENV_NONE)
            r->env_text.n = 0;
        return;
    }
    if (r->in_rec) {
        if (strcmp(name, "Sentence") == 0) {
            warn(r, "a <Sentence> inside a <Sentence> is ignored");
            return;
        }
        if (r->depth != r->rec_depth + 1)
            return;
        if (strcmp(name, "EventCoding") == 0) {
            event_coding(r, atts);
        } else {
            field *f = strcmp(name, "Text") == 0 ? &r->text
                       : strcmp(name, "Parse") == 0 ? &r->parse : NULL;
            if (f && f->state == 0) {
                f->state = 1;
                r->collect = f;
            }
        }
        return;
    }
    if (strcmp(name, "Sentence") == 0) {
        start_record(r, atts);
    } else if (strcmp(name, "Environment") == 0) {
        if (r->env_done)
            warn(r, "a second <Environment> is ignored");
        else
            r->in_env = 1, r->env_depth = r->depth, r->vf->env.present = 1;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    rd *r = ud;
    (void)name;
    if (r->oom) {
        r->depth--;
        return;
    }
    if (r->collect)
        r->collect->state = 2, r->collect = NULL;
    if (r->in_env) {
        if (r->depth == r->env_depth + 1 && r->env_field != ENV_NONE)
            end_env_field(r);
        else if (r->depth == r->env_depth)
            r->in_env = 0, r->env_done = 1;
    } else if (r->in_rec && r->depth == r->rec_depth) {
        end_record(r);
    }
    r->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    rd *r = ud;
    if (r->oom)
        return;
    sbuf *b = r->collect ? &r->collect->b
              : (r->in_env && r->env_field != ENV_NONE) ? &r->env_text : NULL;
    if (b && sb_append(b, s, (size_t)len) < 0)
        fail_oom(r);
}

/* ------------------------------------------------------------ driver */

pc_vfile *pc_vfile_read(FILE *f, const char *name, pc_warn_fn warn_fn, void *ud, pc_error *err)
{
    pc_error_clear(err);
    rd r;
    memset(&r, 0, sizeof r);
    r.name = name;
    r.warn = warn_fn;
    r.ud = ud;
    r.a = pc_arena_new(0);
    r.vf = r.a ? pc_arena_calloc(r.a, 1, sizeof *r.vf) : NULL;
    r.seen = r.vf ? dn_new(r.a) : NULL;
    r.used = r.seen ? dn_new(r.a) : NULL;
    r.p = r.used ? XML_ParserCreate(NULL) : NULL;
    char *buf = r.p ? malloc(CHUNK) : NULL;
    pc_status st = PC_OK;
    if (!buf) {
        st = pc_error_set(err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
        goto done;
    }
    r.vf->arena = r.a;
    XML_SetUserData(r.p, &r);
    XML_SetElementHandler(r.p, on_start, on_end);
    XML_SetCharacterDataHandler(r.p, on_text);
    for (;;) {
        size_t got = fread(buf, 1, CHUNK, f);
        if (ferror(f)) {
            st = pc_error_set(err, PC_ERR_IO, name, 0, NULL, "%s: read error", name);
            break;
        }
        int last = got < CHUNK;
        if (XML_Parse(r.p, buf, (int)got, last) == XML_STATUS_ERROR) {
            if (r.oom)
                st = pc_error_set(err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
            else
                st = pc_error_set(err, PC_ERR_INPUT, name, (long)XML_GetCurrentLineNumber(r.p),
                                  NULL, "%s:%lu: XML error: %s", name,
                                  (unsigned long)XML_GetCurrentLineNumber(r.p),
                                  XML_ErrorString(XML_GetErrorCode(r.p)));
            break;
        }
        if (last)
            break;
    }
    if (st == PC_OK && r.oom)
        st = pc_error_set(err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
done:
    free(buf);
    free(r.text.b.p);
    free(r.parse.b.p);
    free(r.env_text.p);
    if (r.p)
        XML_ParserFree(r.p);
    if (st != PC_OK) {
        pc_arena_free(r.a);
        return NULL;
    }
    return r.vf;
}

void pc_vfile_free(pc_vfile *vf)
{
    if (vf)
        pc_arena_free(vf->arena); /* vf lives in its arena */
}
