/* validate.h -- validation records (PETR.UnitTest.records.xml's format):
 * reading them, coding them, scoring the events against their gold codings
 * and writing the report (`petrarch validate`).
 *
 * Scoring is that of PETRARCH2's published unit-test figures
 * (shared/tools/score_unittest.py), so the numbers can be compared:
 *   - one record = one one-sentence story, its id made unique as
 *     unittest_to_batch.py does ('_' -> '-', a repeated id gets "-dup<k>");
 *   - gold = the set of (sourcecode, targetcode, eventcode) of its
 *     <EventCoding> elements (values stripped); noevents="True", error="..."
 *     and a record without <EventCoding> expect no events;
 *   - predicted = the set of (source, target, code) of the events written
 *     for the story (after the one-a-story filter);
 *   - a record is fully correct when the two sets are equal; a record that
 *     could not be coded (or was excluded) counts as failed with nothing
 *     predicted;
 *   - TP = |pred & gold|, FP = |pred - gold|, FN = |gold - pred|, summed
 *     over records (micro-averaged); P = TP/(TP+FP), R = TP/(TP+FN), F1
 *     their harmonic mean, 0 when undefined. */
#ifndef PC_VALIDATE_H
#define PC_VALIDATE_H

#include <stdio.h>

#include "petrarch.h"
#include "util/arena.h"

/* ------------------------------------------------------------ records */

typedef struct pc_vtriple {
    const char *source, *target, *code;
} pc_vtriple;

/* A set of triples: sorted (source, then target, then code; bytewise, as
 * Python sorts str tuples), no duplicates. */
typedef struct pc_vset {
    size_t n;
    pc_vtriple *v;
} pc_vset;

typedef struct pc_vrecord {
    const char *id;        /* the id attribute as written ("" if none) */
    const char *story;     /* unique story id (see above); sentence id "1" */
    const char *category;  /* "" if none */
    const char *date;      /* NULL if missing */
    const char *text;      /* .text of the first <Text> child, NULL if none */
    const char *parse;     /* .text of the first <Parse> child, NULL if none */
    long line;             /* line of the <Sentence> tag */
    const char *kind;      /* gold kind: "events", "noevents", "error:VALUE", "nocoding" */
    pc_vset gold;
} pc_vrecord;

/* <Environment>: the dictionaries the records are meant for. */
typedef struct pc_venv {
    int present;
    const char *verbs, *agents, *discards, *issues; /* NULL when not given */
    const char **actors;
    size_t n_actors;
} pc_venv;

typedef struct pc_vfile {
    pc_arena *arena;
    pc_venv env;
    size_t n;
    pc_vrecord *recs;      /* in file order */
} pc_vfile;

/* Read a records file.  Problems that do not stop the reading (a nested
 * <Sentence>, ...) go to warn.  NULL with err set on an XML syntax error, a
 * read error or OOM. */
pc_vfile *pc_vfile_read(FILE *f, const char *name, pc_warn_fn warn, void *ud, pc_error *err);
void pc_vfile_free(pc_vfile *vf);

/* The set operations of the scorer. */
size_t pc_vset_common(const pc_vset *a, const pc_vset *b);    /* |a & b| */
int pc_vtriple_cmp(const pc_vtriple *a, const pc_vtriple *b);
/* Sort v[0..n) and drop duplicates in place; returns the new count. */
size_t pc_vtriples_normalize(pc_vtriple *v, size_t n);

/* ------------------------------------------------------------- coding */

typedef enum pc_vstatus {
    PC_V_PASS,      /* predicted set == gold set */
    PC_V_FAIL,      /* coded, sets differ */
    PC_V_ERROR,     /* not coded (PETRARCH2 would crash, record incomplete) */
    PC_V_EXCLUDED   /* left out by the exclusion list: not coded */
} pc_vstatus;

typedef struct pc_vresult {
    const pc_vrecord *rec;
    pc_vstatus status;
    pc_vset pred;
    const char *message;   /* PC_V_ERROR: why; else NULL */
} pc_vresult;

typedef struct pc_vselect {
    const char *const *only;  /* categories to keep; n_only == 0 keeps all */
    size_t n_only;
    const char *const *exclude; /* story ids (or STORY_1) to leave out */
    size_t n_exclude;
    int *exclude_used;        /* optional, n_exclude flags: set when an id matched */
} pc_vselect;

typedef struct pc_vrun {
    pc_arena *arena;
    size_t n;
    pc_vresult *res;          /* the selected records, file order */
} pc_vrun;

/* Code every selected record with c (one story each).  NULL with err set
 * only on OOM or a failure of the coder itself. */
/* Read an exclusion list (see exclude.c for the format) into a: *ids gets
 * the *n ids. */
pc_status pc_vexclude_read(const char *path, pc_arena *a, const char ***ids, size_t *n,
                           pc_error *err);

pc_vrun *pc_vrun_code(pc_coder *c, const pc_vfile *vf, const pc_vselect *sel, pc_error *err);
void pc_vrun_free(pc_vrun *run);

/* ------------------------------------------------------------ scoring */

typedef struct pc_vcount {
    long records, correct, gold, pred, tp, fp, fn;
} pc_vcount;

typedef struct pc_vcat {
    const char *name;
    pc_vcount c;
} pc_vcat;

typedef struct pc_vkind {
    const char *label;        /* "events" or "no-events(KIND)" */
    long n, ok;
} pc_vkind;

typedef struct pc_vscore {
    pc_arena *arena;
    pc_vcount scored;         /* records coded (not excluded) */
    pc_vcount all;            /* every selected record, excluded ones failed */
    long excluded;
    size_t n_cats;
    pc_vcat *cats;            /* scored records by category, first-seen order */
    size_t n_kinds;
    pc_vkind *kinds;          /* scored records by gold kind, sorted by label */
} pc_vscore;

pc_vscore *pc_vscore_new(const pc_vrun *run, pc_error *err);
void pc_vscore_free(pc_vscore *s);
void pc_vprf(const pc_vcount *c, double *p, double *r, double *f1);

/* ------------------------------------------------------------ reports */

/* What the report says about the run. */
typedef struct pc_vmeta {
    const char *records_file;
    const char *mode;          /* "parity" or "fixed" */
    const pc_config *cfg;      /* the dictionaries used */
} pc_vmeta;

/* The text report: one line per record (PASS/FAIL/ERROR, with the expected
 * and produced events; only FAIL and ERROR when fail_only), the table by
 * category and the summary lines.  Returns 0, or -1 on a write error. */
int pc_vreport_text(FILE *f, const pc_vrun *run, const pc_vscore *s, int fail_only);

/* The same as JSON (every record, whatever fail_only). */
int pc_vreport_json(FILE *f, const pc_vrun *run, const pc_vscore *s, const pc_vmeta *m);

/* "P 0.543 R 0.366 F1 0.438"-style summary of c as score_unittest.py
 * prints it: "LABEL: records fully correct 89/248 (35.9%); events gold ..." */
int pc_vreport_summary_line(FILE *f, const char *label, const pc_vcount *c);

#endif
