/* report_json.c -- the JSON report of `petrarch validate`: the run's
 * settings, one object per record (one per line), the counts by category,
 * overall and by gold kind.  Triples are [source, target, code] arrays. */
#include "validate.h"

static void jstr(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void jtriple(FILE *f, const pc_vtriple *t)
{
    fputc('[', f);
    jstr(f, t->source);
    fputs(", ", f);
    jstr(f, t->target);
    fputs(", ", f);
    jstr(f, t->code);
    fputc(']', f);
}

/* a, or a - b when b is given (both sorted). */
static void jset(FILE *f, const pc_vset *a, const pc_vset *b)
{
    size_t j = 0, k = 0;
    fputc('[', f);
    for (size_t i = 0; i < a->n; i++) {
        if (b) {
            while (j < b->n && pc_vtriple_cmp(&b->v[j], &a->v[i]) < 0)
                j++;
            if (j < b->n && pc_vtriple_cmp(&b->v[j], &a->v[i]) == 0)
                continue;
        }
        if (k++)
            fputs(", ", f);
        jtriple(f, &a->v[i]);
    }
    fputc(']', f);
}

static void jcount(FILE *f, const pc_vcount *c)
{
    double p, r, f1;
    pc_vprf(c, &p, &r, &f1);
    fprintf(f,
            "\"records\": %ld, \"correct\": %ld, \"gold\": %ld, \"predicted\": %ld, "
            "\"tp\": %ld, \"fp\": %ld, \"fn\": %ld, \"precision\": %.6f, \"recall\": %.6f, "
            "\"f1\": %.6f",
            c->records, c->correct, c->gold, c->pred, c->tp, c->fp, c->fn, p, r, f1);
}

static void jrecord(FILE *f, const pc_vresult *r)
{
    static const char *const status[] = {"pass", "fail", "error", "excluded"};
    static const pc_vset none = {0, NULL};
    const pc_vrecord *rec = r->rec;
    int coded = r->status == PC_V_PASS || r->status == PC_V_FAIL;
    const pc_vset *pred = coded ? &r->pred : &none;
    fputs("    {\"id\": ", f);
    jstr(f, rec->id);
    fputs(", \"story\": ", f);
    jstr(f, rec->story);
    fprintf(f, ", \"line\": %ld, \"category\": ", rec->line);
    jstr(f, rec->category);
    fputs(", \"gold_kind\": ", f);
    jstr(f, rec->kind);
    fprintf(f, ", \"status\": \"%s\", \"expected\": ", status[r->status]);
    jset(f, &rec->gold, NULL);
    fputs(", \"produced\": ", f);
    jset(f, pred, NULL);
    fputs(", \"missing\": ", f);
    jset(f, &rec->gold, pred);
    fputs(", \"extra\": ", f);
    jset(f, pred, &rec->gold);
    fputs(", \"message\": ", f);
    jstr(f, r->message);
    fputc('}', f);
}

static void jdicts(FILE *f, const pc_config *cfg)
{
    fputs("{\"verbs\": ", f);
    jstr(f, pc_config_verbfile(cfg));
    fputs(", \"actors\": [", f);
    for (size_t i = 0; i < pc_config_actorfile_count(cfg); i++) {
        if (i)
            fputs(", ", f);
        jstr(f, pc_config_actorfile(cfg, i));
    }
    fputs("], \"agents\": ", f);
    jstr(f, pc_config_agentfile(cfg));
    fputs(", \"discards\": ", f);
    jstr(f, pc_config_discardfile(cfg));
    fputs(", \"issues\": ", f);
    jstr(f, pc_config_issuefile(cfg));
    fputc('}', f);
}

int pc_vreport_json(FILE *f, const pc_vrun *run, const pc_vscore *s, const pc_vmeta *m)
{
    fprintf(f, "{\n  \"petrarch_c\": \"%s\",\n  \"records_file\": ", PC_VERSION);
    jstr(f, m ? m->records_file : NULL);
    fputs(",\n  \"mode\": ", f);
    jstr(f, m ? m->mode : NULL);
    fputs(",\n  \"dictionaries\": ", f);
    if (m && m->cfg)
        jdicts(f, m->cfg);
    else
        fputs("null", f);
    fputs(",\n  \"records\": [\n", f);
    for (size_t i = 0; i < run->n; i++) {
        jrecord(f, &run->res[i]);
        fputs(i + 1 < run->n ? ",\n" : "\n", f);
    }
    fputs("  ],\n  \"categories\": [\n", f);
    for (size_t i = 0; i < s->n_cats; i++) {
        fputs("    {\"category\": ", f);
        jstr(f, s->cats[i].name);
        fputs(", ", f);
        jcount(f, &s->cats[i].c);
        fputs(i + 1 < s->n_cats ? "},\n" : "}\n", f);
    }
    fputs("  ],\n  \"scored\": {", f);
    jcount(f, &s->scored);
    fprintf(f, "},\n  \"excluded\": %ld,\n  \"all\": {", s->excluded);
    jcount(f, &s->all);
    fputs("},\n  \"by_gold_kind\": [", f);
    for (size_t i = 0; i < s->n_kinds; i++) {
        fputs(i ? ", {\"kind\": " : "{\"kind\": ", f);
        jstr(f, s->kinds[i].label);
        fprintf(f, ", \"records\": %ld, \"correct\": %ld}", s->kinds[i].n, s->kinds[i].ok);
    }
    fputs("]\n}\n", f);
    return ferror(f) ? -1 : 0;
}
