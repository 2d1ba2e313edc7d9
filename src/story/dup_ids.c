/* dup_ids.c -- see dup_ids.h. */
#include "dup_ids.h"

#include <stdio.h>
#include <string.h>

#include "util/strmap.h"

long pc_story_rename_dups(pc_arena *a, const pc_story_in *in, pc_story_in *out,
                          pc_dup_rename **renames)
{
    *out = *in;
    *renames = NULL;
    size_t n = in->n_sents;
    if (n < 2)
        return 0;
    pc_strmap *ids = pc_strmap_new(a, n); /* every id in use -> its sentence */
    if (!ids)
        return -1;
    size_t ndup = 0;
    for (size_t i = 0; i < n; i++) {
        const char *id = in->sents[i].sent_id ? in->sents[i].sent_id : "";
        if (pc_strmap_get(ids, id) >= 0)
            ndup++;
        else if (pc_strmap_put(ids, id, i) < 0)
            return -1;
    }
    if (ndup == 0)
        return 0;

    pc_sentence_in *s = pc_arena_alloc(a, n * sizeof *s);
    pc_dup_rename *rn = pc_arena_alloc(a, ndup * sizeof *rn);
    if (!s || !rn)
        return -1;
    memcpy(s, in->sents, n * sizeof *s);
    pc_strmap *seen = pc_strmap_new(a, n); /* ids met so far -> how many times */
    if (!seen)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *id = s[i].sent_id ? s[i].sent_id : "";
        long count = pc_strmap_get(seen, id);
        if (pc_strmap_put(seen, id, count < 0 ? 1 : (size_t)count + 1) < 0)
            return -1;
        if (count < 0)
            continue;
        /* the (count+1)-th time: SENTdup<count+1>, or the next free number */
        size_t len = strlen(id) + 24;
        char *name = pc_arena_alloc(a, len);
        if (!name)
            return -1;
        for (long d = count + 1;; d++) {
            snprintf(name, len, "%sdup%ld", id, d);
            if (pc_strmap_get(ids, name) < 0)
                break;
        }
        if (pc_strmap_put(ids, name, i) < 0)
            return -1;
        rn[k++] = (pc_dup_rename){.index = i, .first = (size_t)pc_strmap_get(ids, id)};
        s[i].sent_id = name;
    }
    out->sents = s;
    *renames = rn;
    return (long)k;
}
