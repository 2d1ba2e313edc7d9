/* lint.h -- the dictionary linter behind `petrarch check-dicts`.
 *
 * Each checker re-reads one dictionary file line by line, the way PETRARCH2's
 * reader for it classifies lines (src/dict/finreader.h helpers), and records
 * findings: file, line, severity, the check that found it, a message.  The
 * readers themselves are also run on each file and their warnings (lines
 * PETRARCH2 would fail on or skip) become findings of the check "read".
 *
 * Severity:
 *   error    PETRARCH2 crashes on the entry, cannot read it, or silently
 *            loses it or part of it (lines never loaded, a date that cannot
 *            apply, a code outside CAMEO).
 *   warning  PETRARCH2 reads the entry, but not as written or not as the
 *            author evidently meant (a duplicate whose codes never apply, an
 *            overlapping or far-future date, a malformed code it tolerates). */
#ifndef PC_LINT_H
#define PC_LINT_H

#include <stdio.h>

#include "petrarch.h"
#include "util/arena.h"

typedef enum pc_lint_sev { PC_LINT_WARNING = 0, PC_LINT_ERROR = 1 } pc_lint_sev;

typedef struct pc_lint_finding {
    pc_lint_sev sev;
    const char *check;   /* "read", "syntax", "cameo", "actor-code", "date", "date-order",
                            "duplicate", "unreachable", "synset" */
    const char *file;
    long line;
    const char *message;
    size_t file_order;   /* order in which the file was linted */
    size_t seq;          /* order found */
} pc_lint_finding;

typedef struct pc_lint_file {
    const char *path;
    const char *kind;    /* "verbs", "actors", "agents", "discards", "issues" */
    long lines;          /* lines read */
} pc_lint_file;

typedef struct pc_lint {
    pc_arena *arena;
    pc_lint_finding *v;
    size_t n, cap;
    pc_lint_file *files;
    size_t n_files, files_cap;
    int oom;
    struct pc_dnode *actors_seen; /* actor phrase -> first entry, across actor files */
} pc_lint;

pc_lint *pc_lint_new(void);
void pc_lint_free(pc_lint *l);

/* Lint one file of a kind.  Actor files accumulate (duplicate phrases are
 * looked for across all actor files linted with one pc_lint).  PC_ERR_IO when
 * the file cannot be read, PC_ERR_NOMEM. */
pc_status pc_lint_verbs(pc_lint *l, const char *path, pc_error *err);
pc_status pc_lint_actors(pc_lint *l, const char *path, pc_error *err);
pc_status pc_lint_agents(pc_lint *l, const char *path, pc_error *err);
pc_status pc_lint_discards(pc_lint *l, const char *path, pc_error *err);
pc_status pc_lint_issues(pc_lint *l, const char *path, pc_error *err);

/* Every dictionary the config names, in PETRARCH2's load order. */
pc_status pc_lint_config(pc_lint *l, const pc_config *cfg, pc_error *err);

/* Sort the findings by file (linting order) and line, and drop a reader
 * finding where a checker found something more specific on the same line. */
void pc_lint_finish(pc_lint *l);

/* ------------------------------------------------ for the checkers */

void pc_lint_add(pc_lint *l, pc_lint_sev sev, const char *check, const char *file, long line,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Physical lines in a file's text (a last line without '\n' counts). */
long pc_lint_lines(const char *buf, size_t len);

/* Register a file being linted; returns its path as kept in the arena (NULL
 * on OOM).  lines is filled in by the checker when done. */
pc_lint_file *pc_lint_begin_file(pc_lint *l, const char *path, const char *kind);

/* Run the PETRARCH2 reader of this kind on path and add its warnings as
 * findings (check "read", severity error). */
pc_status pc_lint_reader(pc_lint *l, const char *path, const char *kind, pc_error *err);

/* Event codes: how PETRARCH2's convert_code reads code (the text between
 * '[' and ']'). */
typedef enum pc_lint_cameo {
    PC_LCAMEO_OK,        /* every part a CAMEO code (or "---"), or empty (no code) */
    PC_LCAMEO_FALLBACK,  /* convertible only through the first-two-digits fallback */
    PC_LCAMEO_BAD        /* convert_code raises KeyError */
} pc_lint_cameo;
/* fallback (when PC_LCAMEO_FALLBACK): what PETRARCH2 reads instead, e.g. "110". */
pc_lint_cameo pc_lint_check_cameo(const char *code, char fallback[8]);

/* Report a bad or tolerated event code found at file:line ("verb",
 * "pattern", "block", "transformation" in what). */
void pc_lint_cameo_finding(pc_lint *l, const char *file, long line, const char *what,
                           const char *code);

/* Actor codes are upper-case letters/digits in groups of three ("USAGOV"),
 * or "---"; agent codes such a group string after a '~' ("~GOV"). */
int pc_lint_actor_code_ok(const char *code);
int pc_lint_agent_code_ok(const char *code);

/* ------------------------------------------------ dates (lint_dates.c) */

/* A date restriction of an actor code as PETRARCH2's check_date reads it:
 * the interval of dates (ANSI ordinals, PETRARCH2's dstr_to_ordate) on which
 * the code applies, [lo, hi).  valid 0 when it cannot apply as written (the
 * finding has been added). */
typedef struct pc_lint_when {
    int valid;
    int dated;           /* has a restriction */
    long lo, hi;         /* LONG_MIN / LONG_MAX for open ends */
} pc_lint_when;

/* Check the dates of one code (the strings the actor reader stores for it)
 * and add findings for malformed, impossible, reversed or far-future dates. */
pc_lint_when pc_lint_dates(pc_lint *l, const char *file, long line, const char *code,
                           size_t n, const char *const *dates);

/* The report: one line per finding, "FILE:LINE: SEVERITY: MESSAGE [CHECK]". */
int pc_lint_print(FILE *f, const pc_lint *l, int errors_only);
/* Counts by file and check, and the totals. */
int pc_lint_print_summary(FILE *f, const pc_lint *l);
size_t pc_lint_count(const pc_lint *l, pc_lint_sev sev);

#endif
