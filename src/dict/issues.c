/* issues.c -- issue coding: pc_read_issue_list (PETRreader.read_issue_list)
 * and pc_get_issues (petrarch2.get_issues).
 *
 *   "phrase [CODE]"   IssueList[W1]..[Wn]['#'] = index of CODE in issue_codes;
 *   "~phrase"         an ignore phrase (code index 0, "~");
 *   "~~phrase"        a story ignore phrase (index 1, "~~") -- get_issues
 *                     treats both alike: any match cancels all issues;
 *   lines without '[' (e.g. <ISSUE CATEGORY=...>) are skipped.
 * Phrases are upper-cased, then expanded until nothing changes:
 *   '+'   -> one form with ' ' and one with '-' (first '+' each time),
 *   'N:w' -> w and its plural (w..Y -> ..IES, else +S),
 *   'V:w' -> w, wS, wED (wD after E), wING (w[:-1]ING after E).
 */
#include <string.h>

#include "dicts.h"
#include "finreader.h"
#include "../util/error.h"

#define UNI PC_WS_UNICODE

typedef struct ictx {
    pc_dicts *d;
    pc_fin fin;
    pc_arena *tmp;
    char **forms;
    size_t n, cap;
} ictx;

#define TRY(x)                                                                 \
    do {                                                                       \
        int r_ = (x);                                                          \
        if (r_)                                                                \
            return r_;                                                         \
    } while (0)

/* IssueCodes.append(code): the array grows by doubling at powers of two. */
static int append_code(pc_dicts *d, const char *code)
{
    size_t n = d->n_issue_codes;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
        size_t ncap = n == 0 ? 8 : n * 2;
        const char **nv = pc_arena_realloc(d->arena, (void *)d->issue_codes,
                                           n * sizeof *nv, ncap * sizeof *nv);
        if (!nv)
            return -1;
        d->issue_codes = nv;
    }
    d->issue_codes[d->n_issue_codes++] = code;
    return 0;
}

/* Each '+' doubles a line's forms, without limit in PETRARCH2 (a line with
 * 40 of them would need 2^40 forms: it hangs).  The Phoenix file needs at
 * most 64; a line that would pass this many is skipped with a warning. */
#define MAX_FORMS 4096

/* forms.insert(at, s); 1 (warned: skip the line) past MAX_FORMS */
static int insert_form(ictx *c, size_t at, char *s)
{
    if (!s)
        return -1;
    if (c->n >= MAX_FORMS) {
        pc_fin_warn(&c->fin, "the phrase expands to more than %d forms ('+', 'N:', 'V:'; "
                             "PETRARCH2 would run out of time or memory); line skipped",
                    MAX_FORMS);
        return 1;
    }
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 8;
        char **nv = pc_arena_realloc(c->tmp, c->forms, c->cap * sizeof *nv, ncap * sizeof *nv);
        if (!nv)
            return -1;
        c->forms = nv;
        c->cap = ncap;
    }
    memmove(c->forms + at + 1, c->forms + at, (c->n - at) * sizeof *c->forms);
    c->forms[at] = s;
    c->n++;
    return 0;
}

static char *cat3(ictx *c, pc_span a, pc_span b, pc_span d)
{
    pc_span parts[3] = {a, b, d};
    return pc_concat(c->tmp, 3, parts);
}

/* One pass of the expansion over forms[ka]; *changed is set when it did
 * anything.  1 (skip the line) where Python would raise IndexError. */
static int expand_one(ictx *c, size_t ka, int *changed)
{
    if (strchr(c->forms[ka], '+')) {
        pc_span s = pc_sz(c->forms[ka]);
        char *a = pc_replace(c->tmp, s, "+", " ", 1);
        char *b = pc_replace(c->tmp, s, "+", "-", 1);
        if (!a)
            return -1;
        c->forms[ka] = a;
        TRY(insert_form(c, ka + 1, b));
        *changed = 1;
    }
    pc_span s = pc_sz(c->forms[ka]);
    long at = pc_find(s, "N:", 0);
    if (at >= 0) { /* regular noun forms */
        pc_span pre = pc_sp(s.p, (size_t)at), post = pc_sz(s.p + at + 2);
        long sp = pc_find(post, " ", 0);
        pc_span word = sp >= 0 ? pc_sp(post.p, (size_t)sp) : post;
        pc_span rest = sp >= 0 ? pc_sz(post.p + sp + 1) : pc_sz("");
        if (word.n == 0) {
            pc_fin_warn(&c->fin, "'N:' without a noun; line skipped");
            return 1;
        }
        char *base = cat3(c, pre, post, pc_sz(""));
        TRY(base ? 0 : -1);
        c->forms[ka] = base;
        char *pl = word.p[word.n - 1] == 'Y'
                       ? cat3(c, pc_sp(word.p, word.n - 1), pc_sz("IES"), pc_sz(""))
                       : cat3(c, word, pc_sz("S"), pc_sz(""));
        if (!pl)
            return -1;
        TRY(insert_form(c, ka + 1, cat3(c, pre, pc_sz(pl), pc_sz(""))));
        char *last = cat3(c, pc_sz(c->forms[ka + 1]), pc_sz(" "), rest);
        TRY(last ? 0 : -1);
        c->forms[ka + 1] = last;
        *changed = 1;
    }
    s = pc_sz(c->forms[ka]);
    at = pc_find(s, "V:", 0);
    if (at >= 0) { /* regular verb forms */
        pc_span pre = pc_sp(s.p, (size_t)at), post = pc_sz(s.p + at + 2);
        long sp = pc_find(post, " ", 0);
        pc_span root = sp >= 0 ? pc_sp(post.p, (size_t)sp) : post;
        pc_span rest = sp >= 0 ? pc_sz(post.p + sp + 1) : pc_sz("");
        if (root.n == 0) {
            pc_fin_warn(&c->fin, "'V:' without a verb; line skipped");
            return 1;
        }
        char *base = cat3(c, pre, post, pc_sz(""));
        TRY(base ? 0 : -1);
        c->forms[ka] = base;
        int e = root.p[root.n - 1] == 'E';
        /* part[0] + vscr + ' ' + root[2] for vscr in S, ED (D), ING */
        const char *sfx[3] = {"S", e ? "D " : "ED ", "ING "};
        pc_span stems[3] = {root, root, e ? pc_sp(root.p, root.n - 1) : root};
        for (int k = 0; k < 3; k++) {
            char *vscr = cat3(c, stems[k], pc_sz(sfx[k]), pc_sz(""));
            char *f = vscr ? cat3(c, pre, pc_sz(vscr), pc_sz(" ")) : NULL;
            f = f ? cat3(c, pc_sz(f), rest, pc_sz("")) : NULL;
            TRY(insert_form(c, ka + 1 + (size_t)k, f));
        }
        *changed = 1;
    }
    return 0;
}

static int store_forms(ictx *c, long codeindex)
{
    for (size_t i = 0; i < c->n; i++) {
        pc_span *w;
        long n = pc_split_ws(c->tmp, pc_sz(c->forms[i]), UNI, &w);
        if (n < 0)
            return -1;
        if (n == 0 && c->d->issue_codes[codeindex][0] != '~')
            /* IssueList['#'] matches at every word without advancing:
             * get_issues then loops forever (pc_get_issues skips it). */
            pc_fin_warn(&c->fin, "empty issue phrase (PETRARCH2's get_issues would hang)");
        pc_dnode *node = c->d->issues;
        for (long k = 0; k < n; k++) {
            char *key = pc_arena_strndup(c->tmp, w[k].p, w[k].n);
            if (!key)
                return -1;
            TRY(pc_fin_step(&c->fin, c->d->arena, &node, key));
        }
        if (dn_set_int(c->d->arena, node, "#", codeindex) < 0)
            return -1;
    }
    return 0;
}

static long code_index(pc_dicts *d, pc_span code)
{
    for (size_t i = 0; i < d->n_issue_codes; i++)
        if (pc_eq(code, d->issue_codes[i]))
            return (long)i; /* IssueCodes.index(code): the first one */
    char *s = pc_arena_strndup(d->arena, code.p, code.n);
    if (!s || append_code(d, s) < 0)
        return -1;
    return (long)d->n_issue_codes - 1;
}

static int issue_line(ictx *c, pc_span line)
{
    pc_span target;
    long codeindex;
    if (line.p[0] == '~') {
        if (line.n < 2) {
            pc_fin_warn(&c->fin, "'~' alone (PETRARCH2 fails on line[1]); line skipped");
            return 1;
        }
        int story = line.p[1] == '~';
        target = pc_strip(pc_sp(line.p + 1 + story, line.n - 1 - (size_t)story), UNI);
        codeindex = story;
    } else {
        long lb = pc_find(line, "[", 0);
        if (lb < 0)
            return 0; /* "just do the codes now" */
        long rb = pc_find(line, "]", 0);
        /* line[lb+1 : rb]; Python's -1 for a missing ']' cuts the last char */
        long end = rb >= 0 ? rb : (long)(line.n - pc_last_char_len(line));
        pc_span code = pc_sp(line.p + lb + 1, end > lb + 1 ? (size_t)(end - lb - 1) : 0);
        if (code.n == 0)
            pc_fin_warn(&c->fin, "empty issue code (PETRARCH2 fails when it matches)");
        if ((codeindex = code_index(c->d, code)) < 0)
            return -1;
        target = pc_strip(pc_sp(line.p, (size_t)lb), UNI);
    }
    char *up = pc_py_upper(c->tmp, target.p, target.n);
    c->forms = NULL, c->n = c->cap = 0;
    TRY(insert_form(c, 0, up));
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t ka = 0; ka < c->n; ka++)
            TRY(expand_one(c, ka, &changed));
    }
    return store_forms(c, codeindex);
}

pc_status pc_read_issue_list(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                             pc_error *err)
{
    ictx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    pc_status st = pc_fin_open(&c.fin, path, 1, warn, ud, err);
    if (st != PC_OK)
        return st;
    /* PETRglobals.IssueList = {}; IssueCodes.append('~'), .append('~~') */
    c.tmp = pc_arena_new(0);
    int r = (c.tmp && (d->issues = dn_new(d->arena)) && append_code(d, "~") == 0 &&
             append_code(d, "~~") == 0) ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&c.fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        r = issue_line(&c, line);
        if (r > 0)
            r = 0;
        pc_arena_reset(c.tmp);
    }
    pc_arena_free(c.tmp);
    pc_fin_close(&c.fin);
    if (r < 0)
        return pc_error_set(err, PC_ERR_NOMEM, path, c.fin.lineno, NULL, "out of memory");
    return PC_OK;
}

/* get_issues: at each word, follow the trie; '#' is checked BEFORE the next
 * word, so the shortest phrase wins; a match skips its words. */
long pc_get_issues(const pc_dicts *d, const char *text, pc_arena *a, pc_issue **out)
{
    *out = NULL;
    if (!d->issues || !text)
        return 0;
    char *up = pc_py_upper(a, text, strlen(text));
    pc_span *w;
    long nw = up ? pc_split_ws(a, pc_sz(up), UNI, &w) : -1;
    if (nw < 0)
        return -1;
    pc_issue *res = NULL;
    size_t n = 0, cap = 0;
    long index = 0;
    while (index < nw) {
        const pc_dnode *path = d->issues;
        long len = 0;
        const dn_entry *hit = NULL;
        for (;;) {
            if ((hit = dn_get(path, "#")))
                break;
            const dn_entry *e = index + len < nw ? dn_getn(path, w[index + len].p, w[index + len].n)
                                                 : NULL;
            if (!e || e->kind != DN_NODE)
                break;
            path = e->v.node;
            len++;
        }
        if (!hit || hit->kind != DN_INT) {
            index++;
            continue;
        }
        const char *code = d->issue_codes[hit->v.ival];
        if (code[0] == '~') /* an ignore phrase: no issues at all */
            return 0;
        if (len == 0) {
            /* an empty phrase (IssueList['#']): PETRARCH2 loops forever
             * here; we skip the word instead */
            index++;
            continue;
        }
        index += len;
        size_t k = 0;
        while (k < n && strcmp(res[k].code, code) != 0)
            k++;
        if (k < n) {
            res[k].count++;
            continue;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            pc_issue *nr = pc_arena_realloc(a, res, cap * sizeof *nr, ncap * sizeof *nr);
            if (!nr)
                return -1;
            res = nr;
            cap = ncap;
        }
        res[n].code = code;
        res[n].count = 1;
        n++;
    }
    *out = res;
    return (long)n;
}
