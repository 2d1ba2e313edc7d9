/* models.c -- pc_nlp_load: the trained tagger and parser (nlp/tagger.h,
 * nlp/parser.h) as a pc_nlp backend. */
#include <stdio.h>
#include <stdlib.h>

#include "nlp/nlp.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"
#include "util/error.h"

typedef struct models {
    pc_tagger *tagger;
    pc_parser *parser;
} models;

static int tag(void *ctx, const char *const *words, size_t n, const char **tags)
{
    return pc_tagger_tag(((models *)ctx)->tagger, words, n, tags);
}

static char *parse(void *ctx, const char *const *words, const char *const *tags, size_t n,
                   int beam, pc_arena *a, pc_error *err)
{
    return pc_parser_parse(((models *)ctx)->parser, words, tags, n, beam, a, err);
}

static void models_free(void *ctx)
{
    models *m = ctx;
    if (!m)
        return;
    pc_tagger_free(m->tagger);
    pc_parser_free(m->parser);
    free(m);
}

pc_nlp *pc_nlp_load(const char *model_dir, int beam, pc_error *err)
{
    models *m = calloc(1, sizeof *m);
    if (!m) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/tagger.bin", model_dir);
    if (!(m->tagger = pc_tagger_load(path, err)))
        goto fail;
    snprintf(path, sizeof path, "%s/parser.bin", model_dir);
    if (!(m->parser = beam > 1 ? pc_parser_load(path, err) : pc_parser_load_greedy(path, err)))
        goto fail;
    if (pc_parser_guided(m->parser)) {
        /* it needs a dependency tree for every sentence: raw text has none */
        pc_error_set(err, PC_ERR_INPUT, path, 0, NULL,
                     "a dependency-guided parser model (train parser --deps) cannot parse raw "
                     "text: use it with convert-deps");
        goto fail;
    }
    pc_nlp_backend b = {m, tag, parse, models_free};
    pc_nlp *nlp = pc_nlp_new(&b, err);
    if (nlp)
        return nlp;
fail:
    models_free(m);
    return NULL;
}
