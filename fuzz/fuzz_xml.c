/* fuzz_xml.c -- PETRARCH XML input: the streaming reader (expat, record
 * checks, story grouping), the story store (merge by id, sort) and the
 * coding and writing of every story read, with the bundled dictionaries. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "io/xml_input.h"
#include "story/story_store.h"

typedef struct ctx {
    pc_coder *coder;
    pc_story_store *store;
} ctx;

static void code(pc_coder *c, const pc_story_in *s)
{
    pc_story_result r;
    pc_error err;
    if (pc_coder_code_story(c, s, &r, &err) == PC_OK)
        pc_write_evts(fz_null(), &r, pc_config_options(fz_config()));
}

static int on_story(void *ud, const pc_story_in *s, const pc_xml_loc *loc)
{
    ctx *x = ud;
    (void)loc;
    code(x->coder, s);
    if (x->store && pc_story_store_add(x->store, s, loc->file, loc->lines) < 0)
        abort();
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
    ctx x = {coder, pc_story_store_new()};
    if (!x.store)
        abort();
    pc_xml_reader *r = pc_xml_reader_new(on_story, &x, on_diag, NULL);
    if (!r)
        abort();
    pc_xml_reader_set_merging(r, 1);
    FILE *f = fopen(fz_file(data, size), "rb");
    if (!f)
        abort();
    pc_xml_read(r, f, "fuzz.xml", &err);
    fclose(f);
    /* PETRARCH2's order: merged by id, sorted, coded again */
    pc_story_store_sort(x.store);
    for (size_t i = 0; i < pc_story_store_count(x.store); i++) {
        pc_story_in s;
        const char *file;
        const long *lines;
        pc_story_store_get(x.store, i, &s, &file, &lines);
        code(coder, &s);
    }
    pc_xml_reader_free(r);
    pc_story_store_free(x.store);
    return 0;
}
