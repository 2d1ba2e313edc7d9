/* raw_text.h -- the raw-text path: from text-only sentences (parse NULL:
 * an XML record without <Parse>, a JSONL sentence without "parse") and
 * unsplit story texts (JSONL "text", text files) to parsed sentences the
 * coder can take, through src/nlp (sentence splitter, tokenizer, tagger,
 * parser).  This is the one place the readers' text meets the models.
 *
 * Sentence ids: an unsplit story's sentences are "1", "2", ... in text
 * order (as `petrarch code` numbers them); a text-only sentence that the
 * splitter finds to be k > 1 sentences gives SENT, SENT.2, ..., SENT.k. */
#ifndef PC_RAW_TEXT_H
#define PC_RAW_TEXT_H

#include <stddef.h>

#include "nlp/nlp.h"
#include "petrarch.h"
#include "util/arena.h"

/* A sentence that could not be parsed. */
typedef struct pc_raw_failure {
    size_t from;          /* the input sentence it came from */
    const char *sent_id;  /* the id it would have had */
    const char *message;
} pc_raw_failure;

typedef struct pc_raw_result {
    pc_story_in story;           /* every sentence parsed (source: the story's, else the
                                    dateline's agency of an unsplit story, else NULL) */
    const size_t *from;          /* story.sents[i] came from in->sents[from[i]] */
    size_t n_failed;
    const pc_raw_failure *failed;
    size_t *units;               /* per input sentence: sentences made of it (parsed or
                                    failed; 1 for one that had a parse) */
} pc_raw_result;

/* Parse the text-only sentences of in (unsplit: its one sentence is a whole
 * story, to be split) with nlp.  nlp NULL: every text-only sentence fails
 * with the message no_nlp.  Everything is allocated in a.  PC_OK (failures
 * are in out->failed), or PC_ERR_NOMEM. */
pc_status pc_raw_text_parse(const pc_nlp *nlp, const char *no_nlp, pc_arena *a,
                            const pc_story_in *in, int unsplit, pc_raw_result *out,
                            pc_error *err);

/* Whether any sentence of the story is text only. */
int pc_story_has_text_only(const pc_story_in *s);

#endif
