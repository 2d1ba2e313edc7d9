/* fuzz_jsonl.c -- JSON Lines input (src/io/jsonl_input.c: jansson, record
 * checks, dates, ids, sentences with and without parses), and the coding
 * and writing of every story read, with the bundled dictionaries.  Sentences
 * without a parse are coded as the batch command does without models: each
 * is reported as having no parse. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "io/jsonl_input.h"

static int on_story(void *ud, const pc_story_in *s, const pc_rec_loc *loc)
{
    pc_coder *c = ud;
    (void)loc;
    pc_story_result r;
    pc_error err;
    if (pc_coder_code_story(c, s, &r, &err) == PC_OK)
        pc_write_evts(fz_null(), &r, pc_config_options(fz_config()));
    return 0;
}

static void on_diag(void *ud, int is_error, const pc_error *d)
{
    (void)is_error;
    fz_warn(ud, d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pc_coder *coder;
    pc_error err;
    if (!coder && !(coder = pc_coder_new(fz_dicts(), fz_config(), &err)))
        abort();
    FILE *f = fopen(fz_file(data, size), "rb");
    if (!f)
        abort();
    pc_read_stats st;
    memset(&st, 0, sizeof st);
    pc_jsonl_read(f, "fuzz.jsonl", on_story, on_diag, coder, &st, &err);
    fclose(f);
    return 0;
}
