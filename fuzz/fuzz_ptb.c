/* fuzz_ptb.c -- Penn Treebank parse strings through the whole sentence
 * coder (tree reader, phrase methods, patterns, transformations, event and
 * text extraction, issues) with the bundled dictionaries.
 *
 * Input: "TEXT\0PARSE", or just PARSE (then the text is the parse itself,
 * which exercises the discard and issue scans on odd text too). */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pc_coder *coder;
    if (!coder) {
        pc_error err;
        coder = pc_coder_new(fz_dicts(), fz_config(), &err);
        if (!coder)
            abort();
    }
    char *buf = fz_strndup(data, size);
    const char *text = buf, *parse = buf;
    size_t tl = strlen(buf);
    if (tl < size)
        parse = buf + tl + 1; /* after the first NUL */

    pc_sentence_result r;
    pc_error err;
    if (pc_coder_code_sentence(coder, parse, text, "20150101", &r, &err) == PC_OK) {
        /* read every result string: ASan checks they are valid */
        volatile size_t n = 0;
        for (size_t i = 0; i < r.n_events; i++) {
            const pc_event *e = &r.events[i];
            n += strlen(e->source) + strlen(e->target) + strlen(e->code);
            if (e->source_text)
                n += strlen(e->source_text);
            if (e->target_text)
                n += strlen(e->target_text);
            if (e->event_text)
                n += strlen(e->event_text);
        }
        for (size_t i = 0; i < r.n_issues; i++)
            n += strlen(r.issues[i].code);
        (void)n;
    } else if (err.code == PC_OK || !err.message[0]) {
        abort(); /* an error must say what it is */
    } else {
        fz_check_nomem(&err);
    }

    /* the same sentence twice in one story, through the story filter and
     * the evts writer */
    pc_sentence_in s[2] = {{"1", text, parse}, {"2", text, parse}};
    pc_story_in st = {"FUZZ", "20150101", "SRC", 2, s};
    pc_story_result sr;
    if (pc_coder_code_story(coder, &st, &sr, &err) == PC_OK)
        pc_write_evts(fz_null(), &sr, pc_config_options(fz_config()));
    else
        fz_check_nomem(&err);
    free(buf);
    return 0;
}
