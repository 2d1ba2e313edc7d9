/* lint_lists.c -- the issue and discard lists.
 * Issues ("phrase [CODE]", "~phrase", "~~phrase"; read as PETRARCH2's
 * read_issue_list does, see src/dict/issues.c): a missing ']', and a phrase
 * another line gives a different code (the last line wins).  Discards have
 * no codes: only the reader's own findings. */
#include <string.h>

#include "dict/dnode.h"
#include "dict/finreader.h"
#include "lint.h"
#include "util/error.h"

#define UNI PC_WS_UNICODE

typedef struct issue_ent {
    long line;
    const char *code;
} issue_ent;

static int issue_line(pc_lint *l, const char *file, pc_arena *tmp, pc_arena *keep,
                      pc_dnode *seen, pc_span line, long ln)
{
    pc_span target, code;
    if (line.p[0] == '~') {
        int story = line.n > 1 && line.p[1] == '~';
        target = pc_strip(pc_sp(line.p + 1 + story, line.n - 1 - (size_t)story), UNI);
        code = pc_sz(story ? "~~ (ignore the story)" : "~ (ignore)");
    } else {
        long lb = pc_find(line, "[", 0);
        if (lb < 0)
            return 0; /* a heading, e.g. <ISSUE CATEGORY=...> */
        long rb = pc_find(line, "]", 0);
        if (rb < 0)
            pc_lint_add(l, PC_LINT_WARNING, "syntax", file, ln,
                        "issue code without ']': PETRARCH2 drops the line's last character");
        long end = rb >= 0 ? rb : (long)(line.n - pc_last_char_len(line));
        code = pc_sp(line.p + lb + 1, end > lb + 1 ? (size_t)(end - lb - 1) : 0);
        target = pc_strip(pc_sp(line.p, (size_t)lb), UNI);
    }
    char *up = pc_py_upper(tmp, target.p, target.n);
    pc_span *w;
    long n = up ? pc_split_ws(tmp, pc_sz(up), UNI, &w) : -1;
    if (n < 0)
        return -1;
    size_t len = 1;
    for (long i = 0; i < n; i++)
        len += w[i].n + 1;
    char *key = pc_arena_alloc(keep, len);
    char *c = pc_arena_strndup(keep, code.p, code.n);
    if (!key || !c)
        return -1;
    size_t o = 0;
    for (long i = 0; i < n; i++) {
        if (i)
            key[o++] = ' ';
        memcpy(key + o, w[i].p, w[i].n);
        o += w[i].n;
    }
    key[o] = '\0';
    const dn_entry *e = dn_get(seen, key);
    if (e) {
        issue_ent *old = e->v.leaf;
        if (strcmp(old->code, c) != 0)
            pc_lint_add(l, PC_LINT_WARNING, "duplicate", file, ln,
                        "issue phrase '%s' is already on line %ld with %s: PETRARCH2 keeps the "
                        "last (%s)", key, old->line, old->code, c);
        old->line = ln;
        old->code = c;
        return 0;
    }
    issue_ent *ent = pc_arena_alloc(keep, sizeof *ent);
    if (!ent)
        return -1;
    ent->line = ln;
    ent->code = c;
    return dn_set_leaf(keep, seen, key, ent);
}

pc_status pc_lint_issues(pc_lint *l, const char *path, pc_error *err)
{
    pc_lint_file *lf = pc_lint_begin_file(l, path, "issues");
    if (!lf)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 1, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    pc_arena *tmp = pc_arena_new(0), *keep = pc_arena_new(0);
    pc_dnode *seen = keep ? dn_new(keep) : NULL;
    int r = tmp && seen ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        r = issue_line(l, lf->path, tmp, keep, seen, line, fin.lineno);
        pc_arena_reset(tmp);
    }
    lf->lines = pc_lint_lines(fin.buf, fin.len);
    pc_fin_close(&fin);
    pc_arena_free(tmp);
    pc_arena_free(keep);
    if (r < 0 || l->oom)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    return pc_lint_reader(l, path, "issues", err);
}

pc_status pc_lint_discards(pc_lint *l, const char *path, pc_error *err)
{
    pc_lint_file *lf = pc_lint_begin_file(l, path, "discards");
    if (!lf)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 1, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    pc_span line;
    while (pc_fin_raw_line(&fin, &line))
        ;
    lf->lines = pc_lint_lines(fin.buf, fin.len);
    pc_fin_close(&fin);
    return pc_lint_reader(l, path, "discards", err);
}
