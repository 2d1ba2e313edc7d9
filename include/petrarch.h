/*
 * petrarch.h -- the one public header of libpetrarch (petrarch-c).
 *
 * petrarch-c codes political events (who did what to whom, CAMEO codes) from
 * Penn Treebank parses, exactly as PETRARCH2 1.2.0 does.
 *
 * OWNERSHIP RULE (who frees what)
 *   - Every object returned by a pc_*_new / pc_*_load function is owned by the
 *     caller and released with the matching pc_*_free.  pc_*_free(NULL) is a no-op.
 *   - A pc_dicts is immutable once loaded: share one among any number of
 *     threads, each with its own pc_coder.  Free it after every coder using it.
 *   - Results (pc_sentence_result, pc_story_result) point into memory owned by
 *     the pc_coder that produced them; they stay valid until the next coding
 *     call on that coder, pc_coder_reset, or pc_coder_free.  Copy what you keep.
 *   - Strings passed in are only borrowed for the duration of the call.
 *
 * ERRORS
 *   Functions that can fail take a pc_error * (may be NULL) and return NULL or a
 *   pc_status other than PC_OK.  The library never prints and never exits;
 *   warnings (e.g. a malformed dictionary line, which is skipped) go to the
 *   optional pc_warn_fn callback as pc_error values.
 */
#ifndef PETRARCH_H
#define PETRARCH_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PC_VERSION "0.1.0"
#define PC_PETRARCH2_VERSION "1.2.0"

/* ------------------------------------------------------------------ errors */

typedef enum pc_status {
    PC_OK = 0,
    PC_ERR_NOMEM,   /* an allocation failed */
    PC_ERR_IO,      /* a file could not be opened/read/written */
    PC_ERR_CONFIG,  /* the config file is missing or wrong */
    PC_ERR_DICT,    /* a dictionary line is malformed (usually only a warning) */
    PC_ERR_INPUT,   /* an input record is malformed (XML, missing id, ...) */
    PC_ERR_PARSE,   /* a Penn Treebank parse cannot be read */
    PC_ERR_CODER,   /* coding failed where PETRARCH2 would have raised */
    PC_ERR_USAGE    /* a bad argument to a library call */
} pc_status;

typedef struct pc_error {
    pc_status code;
    char message[512];
    char file[256];      /* file the problem is in, "" if none */
    long line;           /* 1-based line in that file, 0 if unknown */
    char record_id[128]; /* input record (sentence/story id), "" if none */
    long position;       /* byte offset or column, -1 if unknown */
} pc_error;

/* Called for each non-fatal problem (skipped dictionary line, ...). */
typedef void (*pc_warn_fn)(void *userdata, const pc_error *warning);

const char *pc_status_name(pc_status s);

/* ------------------------------------------------------------------ config */

typedef struct pc_config pc_config;

/* Read a PETRARCH2 PETR_config.ini.  Relative dictionary names resolve against
 * the config file's directory, then against data_dir (may be NULL). */
pc_config *pc_config_load(const char *path, const char *data_dir, pc_error *err);
void pc_config_free(pc_config *cfg);

/* Options PETRARCH2 reads from [Options]. */
typedef struct pc_options {
    int write_actor_root;
    int write_actor_text;
    int write_event_text;
    int null_verbs;
    int null_actors;
    int new_actor_length;
    int require_dyad;       /* read as PETRARCH2 does; PETRARCH2 ignores it when coding */
    int code_by_sentence;
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    /* Not a PETRARCH2 option (no config key): petrarch-c's --fixed mode, off
     * by default.  When set before pc_dicts_load, the verb reader keeps
     * reading patterns after a '<!' comment line (PETRARCH2 stops for the
     * rest of the file) and, instead of storing event codes outside CAMEO
     * (on which PETRARCH2's coder crashes), warns and reads such a verb
     * without a code and skips such a pattern or transformation. */
    int fixed;
} pc_options;

const pc_options *pc_config_options(const pc_config *cfg);
pc_options *pc_config_options_mut(pc_config *cfg);

/* Resolved dictionary paths. */
const char *pc_config_verbfile(const pc_config *cfg);
size_t pc_config_actorfile_count(const pc_config *cfg);
const char *pc_config_actorfile(const pc_config *cfg, size_t i);
const char *pc_config_agentfile(const pc_config *cfg);
const char *pc_config_discardfile(const pc_config *cfg);
const char *pc_config_issuefile(const pc_config *cfg); /* NULL if none configured */

/* Dictionary file names for pc_config_from_files. */
typedef struct pc_dict_files {
    const char *verbs;
    const char *const *actors;
    size_t n_actors;
    const char *agents;
    const char *discards;
    const char *issues;      /* NULL: no issue coding */
} pc_dict_files;

/* A config for explicit dictionary files, without a PETR_config.ini (e.g. a
 * validation file's <Environment>).  Names resolve as in pc_config_load with
 * base_dir (may be NULL) in place of the config's directory; origin names
 * where they came from in error messages.  The options are those of a config
 * that sets none (PETRARCH2's defaults: texts off, require_dyad on). */
pc_config *pc_config_from_files(const pc_dict_files *files, const char *base_dir,
                                const char *data_dir, const char *origin, pc_error *err);

/* Overlay dictionaries (petrarch-c only; README "Current actors").  In an
 * overlay actor file an entry REPLACES the codes of each phrase it names
 * (PETRARCH2 extends them), so a later file can amend an earlier entry.  An
 * actor file in the config is an overlay when it has the line
 * "<!-- petrarch-c: overlay -->"; a file added here is one anyway and is read
 * after the configured ones, in the order added.  PC_ERR_CONFIG when path is
 * not a file; the path is used as given (not resolved like config names). */
pc_status pc_config_add_actorfile(pc_config *cfg, const char *path, pc_error *err);
/* Was actor file i added with pc_config_add_actorfile? */
int pc_config_actorfile_forced_overlay(const pc_config *cfg, size_t i);
/* An agent file read after agentfile_name, in the order added; as in
 * PETRARCH2's reader, a later entry for a phrase replaces the earlier one. */
pc_status pc_config_add_agentfile(pc_config *cfg, const char *path, pc_error *err);
size_t pc_config_extra_agentfile_count(const pc_config *cfg);
const char *pc_config_extra_agentfile(const pc_config *cfg, size_t i);

/* ------------------------------------------------------------ dictionaries */

typedef struct pc_dicts pc_dicts;

/* Load every dictionary the config names.  Malformed lines are reported to
 * warn (file:line) and skipped; only unreadable files fail the load. */
pc_dicts *pc_dicts_load(const pc_config *cfg, pc_warn_fn warn, void *userdata,
                        pc_error *err);
void pc_dicts_free(pc_dicts *d);

/* ------------------------------------------------------------------- coder */

typedef struct pc_coder pc_coder;

pc_coder *pc_coder_new(const pc_dicts *dicts, const pc_config *cfg, pc_error *err);
void pc_coder_free(pc_coder *c);
void pc_coder_reset(pc_coder *c); /* drop the memory of the last result */

typedef struct pc_issue {
    const char *code;
    int count;
} pc_issue;

typedef struct pc_event {
    const char *source;       /* actor code, "---" prefix for agent-only actors */
    const char *target;
    const char *code;         /* CAMEO event code, e.g. "042" */
    /* Texts, NULL when PETRARCH2 would write "---" (or the option is off). */
    const char *source_text;
    const char *target_text;
    const char *event_text;
    const char *source_root;
    const char *target_root;
    int has_text;             /* PETRARCH2 extracted texts for this event (its
                                 text_dict has it); the story filter copies
                                 texts only from such events */
} pc_event;

typedef enum pc_discard {
    PC_DISCARD_NONE = 0,
    PC_DISCARD_SENTENCE = 1,
    PC_DISCARD_STORY = 2
} pc_discard;

typedef struct pc_sentence_result {
    pc_discard discard;
    const char *discard_phrase;  /* as PETRARCH2 logs it, NULL if none */
    size_t n_events;             /* events in PETRARCH2's order, duplicates kept */
    const pc_event *events;
    size_t n_issues;             /* issues of the sentence (only if it has events) */
    const pc_issue *issues;
} pc_sentence_result;

/* Code one sentence.  parse: the Penn Treebank string as in <Parse>; text: the
 * sentence text as in <Text>; date: YYYYMMDD.  On error (a parse PETRARCH2
 * cannot read, a coding path where it would raise) returns non-PC_OK with
 * err filled in, and *out is empty. */
pc_status pc_coder_code_sentence(pc_coder *c, const char *parse, const char *text,
                                 const char *date, pc_sentence_result *out,
                                 pc_error *err);

/* --------------------------------------------------------------- stories */

typedef struct pc_sentence_in {
    const char *sent_id;   /* the SENT part of STORY_SENT */
    const char *text;      /* raw <Text> content */
    const char *parse;     /* raw <Parse> content, NULL if none */
} pc_sentence_in;

typedef struct pc_story_in {
    const char *story_id;
    const char *date;      /* the story date (PETRARCH2: first sentence's date) */
    const char *source;    /* the story source, NULL -> "NULL" */
    size_t n_sents;
    const pc_sentence_in *sents;
} pc_story_in;

/* One line of the evts output after PETRARCH2's one-a-story filter. */
typedef struct pc_story_event {
    const char *date, *source, *target, *code;
    const char *issues;       /* "CODE,n;CODE,n" or "" */
    const char *ids;          /* "STORY_SENT[;...]" */
    const char *story_source;
    const char *source_text, *target_text, *event_text; /* NULL -> "---" */
    const char *source_root, *target_root;              /* NULL -> "---" */
} pc_story_event;

typedef struct pc_sentence_status {
    const char *sent_id;
    pc_status status;        /* PC_OK or the error that stopped this sentence */
    pc_discard discard;
    const char *message;     /* error message or discard phrase, NULL if none */
    size_t n_events;         /* events coded in this sentence (before the story filter) */
} pc_sentence_status;

typedef struct pc_story_result {
    int discarded;                 /* whole story dropped by a + discard phrase */
    size_t n_events;
    const pc_story_event *events;  /* deterministic order */
    size_t n_sents;
    const pc_sentence_status *sents; /* one per input sentence, input order */
} pc_story_result;

/* Code a story as PETRARCH2's do_coding + story_filter do.  Sentence errors
 * are reported per sentence in out->sents; the rest of the story is coded. */
pc_status pc_coder_code_story(pc_coder *c, const pc_story_in *story,
                              pc_story_result *out, pc_error *err);

/* Write one story's events as PETRARCH2's evts lines. */
int pc_write_evts(FILE *f, const pc_story_result *r, const pc_options *opt);

#ifdef __cplusplus
}
#endif
#endif /* PETRARCH_H */
