/* coder.c -- coder handle and the sentence entry points. */
#include "coder.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

pc_coder *pc_coder_new(const pc_dicts *dicts, const pc_config *cfg, pc_error *err)
{
    pc_coder *c = calloc(1, sizeof *c);
    if (!c) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory creating a coder");
        return NULL;
    }
    c->dicts = dicts;
    c->opt = *pc_config_options(cfg);
    c->has_issues = dicts->issues != NULL;
    c->arena = pc_arena_new(0);
    c->scratch = pc_arena_new(0);
    if (!c->arena || !c->scratch) {
        pc_coder_free(c);
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory creating a coder");
        return NULL;
    }
    return c;
}

void pc_coder_free(pc_coder *c)
{
    if (!c)
        return;
    pc_arena_free(c->arena);
    pc_arena_free(c->scratch);
    free(c);
}

void pc_coder_reset(pc_coder *c)
{
    pc_arena_reset(c->arena);
    pc_arena_reset(c->scratch);
}

pc_status pc_coder_code_sentence(pc_coder *c, const char *parse, const char *text,
                                 const char *date, pc_sentence_result *out, pc_error *err)
{
    pc_coder_reset(c);
    return pc_coder_sentence_noreset(c, parse, text, date, out, err);
}

/* STUB until the PETRtree port lands: codes nothing. */
pc_status pc_coder_sentence_noreset(pc_coder *c, const char *parse, const char *text,
                                    const char *date, pc_sentence_result *out, pc_error *err)
{
    (void)c; (void)parse; (void)text; (void)date; (void)err;
    memset(out, 0, sizeof *out);
    return PC_OK;
}
