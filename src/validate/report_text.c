/* report_text.c -- the text report of `petrarch validate`: a line per record,
 * the table by category, and summary lines in score_unittest.py's wording
 * (so they can be compared with PETRARCH2's published figures line for
 * line).  Triples are written SOURCE/TARGET/CODE, sorted; "-" is the empty
 * set. */
#include "validate.h"

static void put_set(FILE *f, const pc_vset *s)
{
    if (s->n == 0)
        fputs("-", f);
    for (size_t i = 0; i < s->n; i++)
        fprintf(f, "%s%s/%s/%s", i ? " " : "", s->v[i].source, s->v[i].target, s->v[i].code);
}

/* The triples of a that are not in b (both sorted). */
static void put_diff(FILE *f, const pc_vset *a, const pc_vset *b)
{
    size_t j = 0, k = 0;
    for (size_t i = 0; i < a->n; i++) {
        while (j < b->n && pc_vtriple_cmp(&b->v[j], &a->v[i]) < 0)
            j++;
        if (j < b->n && pc_vtriple_cmp(&b->v[j], &a->v[i]) == 0)
            continue;
        fprintf(f, "%s%s/%s/%s", k++ ? " " : "", a->v[i].source, a->v[i].target, a->v[i].code);
    }
    if (k == 0)
        fputs("-", f);
}

static void record_line(FILE *f, const pc_vresult *r)
{
    static const char *const word[] = {"PASS ", "FAIL ", "ERROR", "SKIP "};
    const pc_vrecord *rec = r->rec;
    fprintf(f, "%s %s [%s] line %ld: expected: ", word[r->status], rec->id, rec->category,
            rec->line);
    put_set(f, &rec->gold);
    if (r->status == PC_V_ERROR) {
        fprintf(f, "; not coded: %s\n", r->message);
        return;
    }
    fputs("; produced: ", f);
    put_set(f, &r->pred);
    if (r->status == PC_V_FAIL) {
        fputs("; missing: ", f);
        put_diff(f, &rec->gold, &r->pred);
        fputs("; extra: ", f);
        put_diff(f, &r->pred, &rec->gold);
    }
    fputc('\n', f);
}

int pc_vreport_summary_line(FILE *f, const char *label, const pc_vcount *c)
{
    double p, r, f1;
    pc_vprf(c, &p, &r, &f1);
    return fprintf(f,
                   "%s: records fully correct %ld/%ld (%.1f%%); events gold %ld, predicted %ld, "
                   "TP %ld FP %ld FN %ld; P %.3f R %.3f F1 %.3f\n",
                   label, c->correct, c->records,
                   c->records ? 100.0 * (double)c->correct / (double)c->records : 0.0, c->gold,
                   c->pred, c->tp, c->fp, c->fn, p, r, f1) < 0 ? -1 : 0;
}

static void table_row(FILE *f, const char *name, const pc_vcount *c)
{
    double p, r, f1;
    pc_vprf(c, &p, &r, &f1);
    fprintf(f, "%-12s %7ld %7ld %6.1f%% %6ld %6ld %6ld %6ld %6ld  %.3f  %.3f  %.3f\n",
            name[0] ? name : "(none)", c->records, c->correct,
            c->records ? 100.0 * (double)c->correct / (double)c->records : 0.0, c->gold, c->pred,
            c->tp, c->fp, c->fn, p, r, f1);
}

int pc_vreport_text(FILE *f, const pc_vrun *run, const pc_vscore *s, int fail_only)
{
    for (size_t i = 0; i < run->n; i++) {
        const pc_vresult *r = &run->res[i];
        if (r->status == PC_V_EXCLUDED || (fail_only && r->status == PC_V_PASS))
            continue;
        record_line(f, r);
    }
    fprintf(f, "\n%-12s %7s %7s %7s %6s %6s %6s %6s %6s  %5s  %5s  %5s\n", "category", "records",
            "correct", "%", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1");
    for (size_t i = 0; i < s->n_cats; i++)
        table_row(f, s->cats[i].name, &s->cats[i].c);
    table_row(f, "overall", &s->scored);
    fputc('\n', f);
    if (s->excluded) {
        char label[96];
        pc_vreport_summary_line(f, "scored records", &s->scored);
        snprintf(label, sizeof label, "all records, %ld not run counted failed", s->excluded);
        pc_vreport_summary_line(f, label, &s->all);
    } else {
        pc_vreport_summary_line(f, "all records", &s->scored);
    }
    fputs("by gold kind:", f);
    for (size_t i = 0; i < s->n_kinds; i++)
        fprintf(f, "%s %s %ld/%ld", i ? ";" : "", s->kinds[i].label, s->kinds[i].ok,
                s->kinds[i].n);
    fputc('\n', f);
    return ferror(f) ? -1 : 0;
}
