/* discards.c -- the discard list: pc_read_discard_list (PETRreader.read_discard_list)
 * and pc_check_discards (petrarch2.check_discards).
 *
 * A line "WORDS" is stored as DiscardList[W1]...[Wn]['$'] = {} (sentence
 * discard), "+WORDS" as ...['+'] = {} (story discard), words upper-cased.
 */
#include <string.h>

#include "dicts.h"
#include "finreader.h"
#include "../util/error.h"

#define UNI PC_WS_UNICODE

static int discard_line(const pc_fin *fin, pc_dicts *d, pc_arena *tmp, pc_span line)
{
    /* (read_FIN_line already cut the '#' comment) */
    pc_span targ = pc_strip(line, UNI);
    int story = targ.n > 0 && targ.p[0] == '+';
    if (story)
        targ.p++, targ.n--;
    char *up = pc_py_upper(tmp, targ.p, targ.n);
    if (!up)
        return -1;
    pc_span parts[2] = {pc_sz(up), pc_sz(story ? " +" : " $")};
    char *full = pc_concat(tmp, 2, parts);
    pc_span *w;
    long n = full ? pc_split_ws(tmp, pc_sz(full), UNI, &w) : -1;
    if (n < 0)
        return -1;
    pc_dnode *node = d->discards;
    for (long i = 0; i < n; i++) {
        char *k = pc_arena_strndup(tmp, w[i].p, w[i].n);
        if (!k)
            return -1;
        int r = pc_fin_step(fin, d->arena, &node, k); /* (all nodes here: never 1) */
        if (r)
            return r;
    }
    return 0;
}

pc_status pc_read_discard_list(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                               pc_error *err)
{
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 1, warn, ud, err);
    if (st != PC_OK)
        return st;
    pc_arena *tmp = pc_arena_new(0);
    int r = tmp ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        r = discard_line(&fin, d, tmp, line);
        if (r > 0)
            r = 0;
        pc_arena_reset(tmp);
    }
    pc_arena_free(tmp);
    pc_fin_close(&fin);
    if (r < 0)
        return pc_error_set(err, PC_ERR_NOMEM, path, fin.lineno, NULL, "out of memory");
    return PC_OK;
}

/* check_discards, literally:
 *   for i in range(len(sent)):
 *       if '+' in level: return 2, '+ ' + phrase
 *       elif '$' in level: return 1, ' ' + phrase
 *       elif sent[i] in level: level = level[sent[i]]; phrase += ' ' + sent[i]
 *       else: level = DiscardList
 * so a phrase is only seen complete when ANOTHER word follows it (one that
 * ends the sentence is missed), a word that breaks a partial match is not
 * tried again from the root, and the phrase keeps the words of earlier
 * partial matches.  (Its `i = depart_index[0]` has no effect in a for loop.) */
pc_discard pc_check_discards(const pc_dicts *d, const char *text, pc_arena *a,
                             const char **phrase)
{
    *phrase = NULL;
    if (!d->discards || !text)
        return PC_DISCARD_NONE;
    size_t n = strlen(text);
    char *up = pc_py_upper(a, text, n);
    pc_span *w;
    long nw = up ? pc_split_ws(a, pc_sz(up), UNI, &w) : -1;
    if (nw <= 0)
        return PC_DISCARD_NONE;
    /* The phrase: at most every word plus a separator each, and "+ ". */
    char *buf = pc_arena_alloc(a, strlen(up) + (size_t)nw + 3);
    if (!buf)
        return PC_DISCARD_NONE;
    size_t bn = 2;
    const pc_dnode *level = d->discards;
    /* (the root's two markers are looked up once: most words are tried
     * at the root) */
    int root_story = dn_get(level, "+") != NULL, root_sent = dn_get(level, "$") != NULL;
    for (long i = 0; i < nw; i++) {
        int at_root = level == d->discards;
        int story = at_root ? root_story : dn_get(level, "+") != NULL;
        if (story || (at_root ? root_sent : dn_get(level, "$") != NULL)) {
            if (story)
                buf[0] = '+', buf[1] = ' ';
            buf[bn] = '\0';
            *phrase = story ? buf : buf + 1; /* '+ ' + phrase or ' ' + phrase */
            if (!story)
                buf[1] = ' ';
            return story ? PC_DISCARD_STORY : PC_DISCARD_SENTENCE;
        }
        const dn_entry *e = dn_getn(level, w[i].p, w[i].n);
        if (e && e->kind == DN_NODE) {
            level = e->v.node;
            buf[bn++] = ' ';
            memcpy(buf + bn, w[i].p, w[i].n);
            bn += w[i].n;
        } else {
            level = d->discards;
        }
    }
    return PC_DISCARD_NONE;
}
