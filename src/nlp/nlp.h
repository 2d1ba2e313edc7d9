/* nlp.h -- raw news text to what the coder reads: sentences, each with its
 * original text, Penn Treebank tokens, part-of-speech tags and a parse
 * "(ROOT (S ...))".
 *
 *   text --normalize.h--> --split.h--> sentences --tokenize.h--> tokens
 *        --tagger--> tags --parser--> tree
 *
 * A pc_nlp (the loaded tagger and parser) is immutable: share one among
 * threads.  Everything a call returns lives in the caller's arena; reset or
 * free the arena to drop it.  Offsets are bytes of the text the caller gave. */
#ifndef PC_NLP_NLP_H
#define PC_NLP_NLP_H

#include <stddef.h>

#include "nlp/split.h"
#include "petrarch.h"
#include "util/arena.h"

/* Beam width of the parser when the user gives none (1 = greedy). */
#define PC_NLP_DEFAULT_BEAM 1
/* Sentences longer than this (in tokens) are cut into pieces this long: a
 * run-on "sentence" of hundreds of words (a list, a table row) parses badly
 * and slowly and codes nothing anyway. */
#define PC_NLP_MAX_TOKENS 150

typedef struct pc_nlp pc_nlp;

/* What tags and parses for a pc_nlp: the trained models (pc_nlp_load), or
 * anything with these calls (tests use a stand-in).  tag: tags[i] static
 * strings, returns 0 or -1.  parse: a PTB tree string in a, or NULL + err. */
typedef struct pc_nlp_backend {
    void *ctx;
    int (*tag)(void *ctx, const char *const *words, size_t n, const char **tags);
    char *(*parse)(void *ctx, const char *const *words, const char *const *tags, size_t n,
                   int beam, pc_arena *a, pc_error *err);
    void (*free)(void *ctx);   /* may be NULL */
} pc_nlp_backend;

/* Load model_dir/tagger.bin and model_dir/parser.bin, for parsing with this
 * beam width (<= 1: greedy; the parser's beam weights are then not loaded,
 * and pc_nlp_process with a wider beam searches with the greedy weights). */
pc_nlp *pc_nlp_load(const char *model_dir, int beam, pc_error *err);
/* A pc_nlp over any backend (copied; the pc_nlp frees its ctx). */
pc_nlp *pc_nlp_new(const pc_nlp_backend *b, pc_error *err);
void pc_nlp_free(pc_nlp *nlp);

typedef struct pc_nlp_token {
    const char *word;     /* PTB form: "``", "-LRB-", "n't", "U.S." */
    const char *tag;      /* NULL until tagged */
    size_t start, end;    /* original bytes it came from */
} pc_nlp_token;

typedef struct pc_nlp_sentence {
    size_t start, end;    /* original bytes of the sentence */
    const char *text;     /* those bytes as a PETRARCH <Text> (pc_text_clean) */
    size_t n_tokens;
    pc_nlp_token *tokens;
    const char *parse;    /* "(ROOT ...)", NULL if not parsed */
    pc_status status;     /* PC_OK, or why tagging/parsing failed */
    const char *error;    /* its message, NULL if none */
} pc_nlp_sentence;

typedef struct pc_nlp_skipped {
    size_t start, end;    /* original bytes */
    pc_skip_kind kind;    /* date header, dateline, boilerplate, subhead */
} pc_nlp_skipped;

typedef struct pc_nlp_doc {
    size_t n_sents;
    pc_nlp_sentence *sents;
    size_t n_skipped;
    pc_nlp_skipped *skipped;
    char date[9];          /* YYYYMMDD from a date header line, "" if none */
    const char *agency;    /* the dateline's agency ("AFP"), NULL if none */
    size_t invalid_bytes;  /* invalid UTF-8 bytes (replaced by U+FFFD) */
    size_t first_invalid;  /* original offset of the first one */
    size_t n_cut;          /* sentences cut at PC_NLP_MAX_TOKENS */
} pc_nlp_doc;

/* Sentences and tokens only (no models).  Returns 0, or -1 with err (out
 * of memory). */
int pc_nlp_segment(const char *text, size_t n, pc_arena *a, pc_nlp_doc *out, pc_error *err);

/* Sentences, tokens, tags and parses.  beam: parser beam width (<= 0:
 * PC_NLP_DEFAULT_BEAM).  A sentence the tagger or parser fails on keeps
 * parse NULL and says why in status/error; the others are still parsed.
 * Returns 0, or -1 with err when nothing can go on (out of memory). */
int pc_nlp_process(const pc_nlp *nlp, const char *text, size_t n, int beam, pc_arena *a,
                   pc_nlp_doc *out, pc_error *err);

/* The parsed sentences of d as coder input (pc_story_in.sents), in the
 * arena: sent_id "1", "2", ... is the sentence's position in d (so a
 * sentence without a parse leaves a gap), text and parse as in d.
 * Returns how many, or -1 when the arena runs out of memory. */
long pc_nlp_sentences_in(const pc_nlp_doc *d, pc_arena *a, pc_sentence_in **out);

#endif
