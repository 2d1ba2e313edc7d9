/* lint_verbs.c -- the verb dictionary, read line by line as PETRARCH2's
 * read_verb_dictionary does (see src/dict/verbs.c for the line kinds).
 * Checks:
 *   - a "<!" line: PETRARCH2 reads no pattern after it, for the rest of the
 *     file (one finding, with the number of patterns lost);
 *   - event codes of blocks, verbs, patterns and transformations: the
 *     "[...]" form and CAMEO (lint_codes.c);
 *   - synonym sets used but not defined (or defined only later, or glued to
 *     other text, or named with a comment that becomes part of the name);
 *   - '+' lines read as synonym-set members although they follow a block
 *     header (no "####### VERB PATTERNS #######" line before them);
 *   - verb forms defined twice with different codes (the first wins);
 *   - patterns that repeat an earlier one with another code (the last wins),
 *     and patterns of a meaning no verb has (they can never match);
 *   - malformed pattern lines (no '*', no code, several '*'). */
#include <string.h>

#include "dict/dnode.h"
#include "dict/finreader.h"
#include "lint.h"
#include "util/error.h"

#define UNI PC_WS_UNICODE
#define BYTES PC_WS_BYTES

typedef struct verbent {
    long line;
    const char *code;
} verbent;

typedef struct patinfo {
    long first_line;
    long count;
} patinfo;

typedef struct use {
    const char *name;
    long line;
} use;

typedef struct vl {
    pc_lint *l;
    const char *file;
    pc_arena *tmp, *keep;
    int record_patterns, syn;
    long stop_line, n_dead, first_dead, last_dead;
    const char *meaning;
    int meaning_from_amp;
    const char *block_code;   /* the header's code word, e.g. "[042]" */
    long block_line;
    int block_checked;
    pc_dnode *synsets;        /* name -> line */
    pc_dnode *intended;       /* first word of a definition with more on its line -> line */
    pc_dnode *forms;          /* verb form key -> verbent */
    pc_dnode *verb_meanings;  /* meanings that have a verb */
    pc_dnode *pat_meanings;   /* meaning -> patinfo (loaded patterns) */
    pc_dnode *pat_keys;       /* meaning + pattern words -> verbent */
    use *uses;                /* synset uses not defined where used */
    size_t n_uses, c_uses;
} vl;

#define TRY(x)                                                                 \
    do {                                                                       \
        if ((x) < 0)                                                           \
            return -1;                                                         \
    } while (0)

static char *dup(pc_arena *a, pc_span s)
{
    return pc_arena_strndup(a, s.p, s.n);
}

/* s joined by ' ' (NULL on OOM) */
static char *join(pc_arena *a, const pc_span *w, size_t n, const char *sep)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += w[i].n + strlen(sep);
    char *s = pc_arena_alloc(a, len);
    if (!s)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(s + o, sep, strlen(sep));
            o += strlen(sep);
        }
        memcpy(s + o, w[i].p, w[i].n);
        o += w[i].n;
    }
    s[o] = '\0';
    return s;
}

/* ------------------------------------------------------------ codes */

/* A "[CODE]" word: its form and what PETRARCH2 reads from it (word[1:-1]). */
static void check_code_word(vl *v, pc_span word, long line, const char *what)
{
    pc_span in = pc_sp(word.p + (word.n ? 1 : 0), word.n >= 2 ? word.n - 2 : 0);
    char *inner = dup(v->tmp, in);
    if (!inner)
        return;
    int shape = word.n >= 2 && word.p[0] == '[' && word.p[word.n - 1] == ']' &&
                !pc_contains(in, "[") && !pc_contains(in, "]");
    if (shape) {
        pc_lint_cameo_finding(v->l, v->file, line, what, inner);
        return;
    }
    char fb[8] = "";
    pc_lint_cameo c = pc_lint_check_cameo(inner, fb);
    if (c == PC_LCAMEO_BAD)
        pc_lint_add(v->l, PC_LINT_ERROR, "cameo", v->file, line,
                    "%s code '%.*s' is malformed, and what PETRARCH2 reads from it ('%s') is not "
                    "a CAMEO code: it crashes on sentences that use it", what, (int)word.n,
                    word.p, inner);
    else
        pc_lint_add(v->l, PC_LINT_WARNING, "syntax", v->file, line,
                    "%s code '%.*s' is malformed: PETRARCH2 reads '%s'%s%s%s%s", what,
                    (int)word.n, word.p, inner, inner[0] ? "" : " (no code)",
                    c == PC_LCAMEO_FALLBACK && fb[0] ? ", which it codes as " : "",
                    c == PC_LCAMEO_FALLBACK ? fb : "",
                    c == PC_LCAMEO_FALLBACK && fb[0] ? " by its first-two-characters fallback" : "");
}

/* ----------------------------------------------------------- synsets */

static int synset_uses(vl *v, pc_span pattern, long line)
{
    pc_span *w;
    long n = pc_split_ws(v->tmp, pattern, UNI, &w);
    if (n < 0)
        return -1;
    for (long i = 0; i < n; i++) {
        if (!pc_contains(w[i], "&"))
            continue;
        char *s = pc_replace(v->tmp, w[i], "{", "", -1);
        s = s ? pc_replace(v->tmp, pc_sz(s), "}", "", -1) : NULL;
        s = s ? pc_replace(v->tmp, pc_sz(s), "(", "", -1) : NULL;
        s = s ? pc_replace(v->tmp, pc_sz(s), ")", "", -1) : NULL;
        if (!s)
            return -1;
        if (dn_get(v->synsets, s))
            continue;
        void *nv = v->uses;
        if (v->n_uses == v->c_uses) {
            size_t ncap = v->c_uses ? v->c_uses * 2 : 16;
            nv = pc_arena_realloc(v->keep, v->uses, v->c_uses * sizeof *v->uses,
                                  ncap * sizeof *v->uses);
            v->c_uses = ncap;
        }
        char *name = pc_arena_strdup(v->keep, s);
        if (!nv || !name)
            return -1;
        v->uses = nv;
        v->uses[v->n_uses].name = name;
        v->uses[v->n_uses++].line = line;
    }
    return 0;
}

static void report_uses(vl *v)
{
    for (size_t i = 0; i < v->n_uses; i++) {
        const char *name = v->uses[i].name;
        long line = v->uses[i].line;
        const dn_entry *later = dn_get(v->synsets, name);
        const dn_entry *meant = dn_get(v->intended, name);
        const char *amp = strchr(name, '&');
        if (later)
            pc_lint_add(v->l, PC_LINT_ERROR, "synset", v->file, line,
                        "synonym set %s is used before its definition (line %ld): PETRARCH2 "
                        "resolves sets as it reads", name, later->v.ival);
        else if (meant)
            pc_lint_add(v->l, PC_LINT_ERROR, "synset", v->file, line,
                        "synonym set %s is not defined: the definition on line %ld has more "
                        "text on its line, which PETRARCH2 takes as part of the name", name,
                        meant->v.ival);
        else if (amp != name)
            pc_lint_add(v->l, PC_LINT_ERROR, "synset", v->file, line,
                        "synonym set reference '%s' is not a word of its own: PETRARCH2 looks "
                        "for a set named '%s', which is not defined", name, name);
        else
            pc_lint_add(v->l, PC_LINT_ERROR, "synset", v->file, line,
                        "synonym set %s is not defined", name);
    }
}

/* "&NAME" in the synonym-set section: synsets[line.strip()] */
static int define_synset(vl *v, pc_span line, long ln)
{
    pc_span name = pc_strip(line, BYTES);
    char *full = dup(v->keep, name);
    if (!full || dn_set_int(v->keep, v->synsets, full, ln) < 0)
        return -1;
    pc_span *w;
    long n = pc_split_ws(v->tmp, name, UNI, &w);
    if (n < 0)
        return -1;
    if (n > 1) {
        char *first = dup(v->keep, w[0]);
        if (!first || dn_set_int(v->keep, v->intended, first, ln) < 0)
            return -1;
        pc_lint_add(v->l, PC_LINT_ERROR, "synset", v->file, ln,
                    "the synonym set is named '%s' -- the whole line: PETRARCH2 does not cut "
                    "comments here, so %.*s stays undefined", full, (int)w[0].n, w[0].p);
    }
    v->meaning = full;
    v->meaning_from_amp = 1;
    return 0;
}

/* ---------------------------------------------------------- patterns */

static int pattern_line(vl *v, pc_span line, long ln)
{
    pc_span *parts;
    if (pc_split_sep(v->tmp, pc_sp(line.p + 1, line.n - 1), "#", &parts) < 0)
        return -1;
    pc_span pat = parts[0];
    int loaded = v->record_patterns;
    if (!loaded) {
        if (!v->n_dead++)
            v->first_dead = ln;
        v->last_dead = ln;
    }
    TRY(synset_uses(v, pat, ln));
    pc_span *segs;
    long ns = pc_split_sep(v->tmp, pat, "*", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2) {
        pc_lint_add(v->l, PC_LINT_ERROR, "syntax", v->file, ln,
                    "pattern without '*' (the verb's place): PETRARCH2 %s", loaded ?
                    "fails on it" : "would fail on it");
        return 0;
    }
    if (ns > 2)
        pc_lint_add(v->l, PC_LINT_WARNING, "syntax", v->file, ln,
                    "pattern with more than one '*': PETRARCH2 ignores what follows the second");
    pc_span *pre, *post;
    long npre = pc_split_ws(v->tmp, segs[0], UNI, &pre);
    long npost = pc_split_ws(v->tmp, segs[1], UNI, &post);
    if (npre < 0 || npost < 0)
        return -1;
    if (npost == 0) {
        pc_lint_add(v->l, PC_LINT_ERROR, "syntax", v->file, ln,
                    "pattern without a [CODE] after the '*'");
        return 0;
    }
    pc_span code = post[npost - 1];
    check_code_word(v, code, ln, "pattern");
    if (!loaded)
        return 0;
    /* which meaning the pattern is stored under, and its words */
    const dn_entry *e = dn_get(v->pat_meanings, v->meaning);
    if (e) {
        ((patinfo *)e->v.leaf)->count++;
    } else {
        patinfo *pi = pc_arena_calloc(v->keep, 1, sizeof *pi);
        if (!pi || dn_set_leaf(v->keep, v->pat_meanings, v->meaning, pi) < 0)
            return -1;
        pi->first_line = ln;
        pi->count = 1;
    }
    char *a = join(v->tmp, pre, (size_t)npre, " ");
    char *b = join(v->tmp, post, (size_t)npost - 1, " ");
    char *inner = dup(v->tmp, pc_sp(code.p + 1, code.n >= 2 ? code.n - 2 : 0));
    if (!a || !b || !inner)
        return -1;
    size_t kn = strlen(v->meaning) + strlen(a) + strlen(b) + 8;
    char *key = pc_arena_alloc(v->keep, kn);
    if (!key)
        return -1;
    snprintf(key, kn, "%s\t%s * %s", v->meaning, a, b);
    const dn_entry *k = dn_get(v->pat_keys, key);
    if (k) {
        verbent *old = k->v.leaf;
        if (strcmp(old->code, inner) != 0)
            pc_lint_add(v->l, PC_LINT_WARNING, "duplicate", v->file, ln,
                        "pattern repeats the one on line %ld ('%s * %s' of %s) with another "
                        "code: PETRARCH2 keeps this one, so [%s] on line %ld never applies",
                        old->line, a, b, v->meaning, old->code, old->line);
        old->line = ln;
        old->code = pc_arena_strdup(v->keep, inner);
        return old->code ? 0 : -1;
    }
    verbent *ent = pc_arena_alloc(v->keep, sizeof *ent);
    if (!ent || !(ent->code = pc_arena_strdup(v->keep, inner)))
        return -1;
    ent->line = ln;
    return dn_set_leaf(v->keep, v->pat_keys, key, ent);
}

/* ------------------------------------------------------------- verbs */

/* "FRONT_WORDS+STEM_BACK_WORDS": 0, or 1 when there is no '+' (the reader
 * reports it). */
static int split_compound(vl *v, pc_span w, char **front, char **back, pc_span *stem)
{
    pc_span *segs, *f, *b;
    long ns = pc_split_sep(v->tmp, w, "+", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2)
        return 1;
    long nf = pc_split_sep(v->tmp, segs[0], "_", &f);
    long nb = pc_split_sep(v->tmp, segs[1], "_", &b);
    if (nf < 0 || nb < 0)
        return -1;
    *front = join(v->tmp, f, (size_t)nf, " ");
    *back = join(v->tmp, b + 1, (size_t)nb - 1, " ");
    *stem = b[0];
    return *front && *back ? 0 : -1;
}

static int add_form(vl *v, pc_span *forms, size_t *n, pc_span stem, size_t drop, const char *sfx)
{
    pc_span parts[2] = {pc_sp(stem.p, stem.n - drop), pc_sz(sfx)};
    char *s = pc_concat(v->tmp, 2, parts);
    if (!s)
        return -1;
    forms[(*n)++] = pc_sz(s);
    return 0;
}

/* Every form the line stores, keyed as PETRARCH2's trie path is. */
static int synonym_line(vl *v, pc_span line, long ln)
{
    pc_span *parts, *w;
    if (pc_split_sep(v->tmp, line, "#", &parts) < 0)
        return -1;
    pc_span word = parts[0];
    char *nobrace = pc_replace(v->tmp, word, "}", "", -1);
    nobrace = nobrace ? pc_replace(v->tmp, pc_sz(nobrace), "{", "", -1) : NULL;
    if (!nobrace)
        return -1;
    long nw = pc_split_ws(v->tmp, pc_sz(nobrace), UNI, &w);
    if (nw <= 0)
        return (int)nw;
    const char *code;
    if (pc_startswith(w[nw - 1], "[")) {
        check_code_word(v, w[nw - 1], ln, "verb");
        code = dup(v->tmp, pc_sp(w[nw - 1].p + 1, w[nw - 1].n >= 2 ? w[nw - 1].n - 2 : 0));
        nw--;
        if (nw == 0)
            return code ? 0 : -1;
    } else {
        if (v->block_code && !v->block_checked) {
            v->block_checked = 1;
            check_code_word(v, pc_sz(v->block_code), v->block_line, "block");
        }
        const char *bc = v->block_code ? v->block_code : "";
        size_t bn = strlen(bc);
        code = dup(v->tmp, pc_sp(bc + (bn ? 1 : 0), bn >= 2 ? bn - 2 : 0));
    }
    if (!code || dn_set_int(v->keep, v->verb_meanings, v->meaning, 1) < 0)
        return -1;
    pc_span *forms = pc_arena_calloc(v->tmp, (size_t)nw + 4, sizeof *forms);
    if (!forms)
        return -1;
    size_t nf = (size_t)nw;
    memcpy(forms, w, (size_t)nw * sizeof *w);
    char *front = "", *back = "";
    pc_span stem = w[0];
    if (pc_contains(stem, "_")) {
        int r = split_compound(v, stem, &front, &back, &stem);
        if (r)
            return r < 0 ? -1 : 0;
    }
    if (!(nw > 1 || pc_contains(word, "{"))) {
        if (pc_endswith(stem, "S") || pc_endswith(stem, "X") || pc_endswith(stem, "Z"))
            TRY(add_form(v, forms, &nf, stem, 0, "ES"));
        else if (pc_endswith(stem, "Y"))
            TRY(add_form(v, forms, &nf, stem, 1, "IES"));
        else
            TRY(add_form(v, forms, &nf, stem, 0, "S"));
        TRY(add_form(v, forms, &nf, stem, 0, pc_endswith(stem, "E") ? "D" : "ED"));
        int vowel = stem.n >= 2 && strchr("AEIOU", stem.p[stem.n - 2]) != NULL;
        TRY(add_form(v, forms, &nf, stem, pc_endswith(stem, "E") && !vowel ? 1 : 0, "ING"));
    }
    int reported = 0;
    for (size_t i = 0; i < nf; i++) {
        pc_span ws = forms[i];
        if (pc_contains(ws, "_")) {
            int r = split_compound(v, forms[i], &front, &back, &ws);
            if (r)
                return r < 0 ? -1 : 0;
        }
        size_t kn = strlen(front) + ws.n + strlen(back) + 4;
        char *key = pc_arena_alloc(v->keep, kn);
        if (!key)
            return -1;
        snprintf(key, kn, "%s|%.*s|%s", front, (int)ws.n, ws.p, back);
        const dn_entry *e = dn_get(v->forms, key);
        if (e) {
            const verbent *old = e->v.leaf;
            if (!reported && strcmp(old->code, code) != 0) {
                reported = 1; /* one finding per line */
                pc_lint_add(v->l, PC_LINT_WARNING, "duplicate", v->file, ln,
                            "verb '%s%s%.*s%s%s' is already in the dictionary (line %ld, code "
                            "[%s]): PETRARCH2 keeps the first, so [%s] never applies to it",
                            front, front[0] ? " " : "", (int)ws.n, ws.p, back[0] ? " " : "",
                            back, old->line, old->code, code);
            }
            continue;
        }
        verbent *ent = pc_arena_alloc(v->keep, sizeof *ent);
        if (!ent || !(ent->code = pc_arena_strdup(v->keep, code)))
            return -1;
        ent->line = ln;
        if (dn_set_leaf(v->keep, v->forms, key, ent) < 0)
            return -1;
    }
    return 0;
}

/* ---------------------------------------------------- other line kinds */

/* "~ a (a b ATTACK) SAY = a b 015": the answer's code. */
static int transform_line(vl *v, pc_span line, long ln)
{
    pc_span *segs, *ans;
    long ns = pc_split_sep(v->tmp, pc_sp(line.p + 1, line.n - 1), "=", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2)
        return 0; /* (the reader reports it) */
    long n = pc_split_ws(v->tmp, segs[1], UNI, &ans);
    if (n < 0)
        return -1;
    if (n < 3) {
        pc_lint_add(v->l, PC_LINT_ERROR, "syntax", v->file, ln,
                    "transformation answer needs three words (source, target, code): "
                    "PETRARCH2 fails when it applies");
        return 0;
    }
    if (!pc_eq(ans[2], "Q")) {
        char *c = dup(v->tmp, ans[2]);
        if (!c)
            return -1;
        pc_lint_cameo_finding(v->l, v->file, ln, "transformation", c);
    }
    return 0;
}

static int block_line(vl *v, pc_span line, long ln)
{
    pc_span *segs;
    long n = pc_split_ws(v->tmp, line, BYTES, &segs);
    if (n < 0)
        return -1;
    if (n < 3)
        return 0; /* (the reader reports it) */
    char *m = dup(v->keep, segs[1]), *c = dup(v->keep, segs[2]);
    if (!m || !c)
        return -1;
    v->meaning = m;
    v->meaning_from_amp = 0;
    v->block_code = c;
    v->block_line = ln;
    v->block_checked = 0;
    return 0;
}

static int verb_line(vl *v, pc_span l, long ln)
{
    if (pc_startswith(l, "<!")) {
        if (v->record_patterns)
            v->stop_line = ln;
        v->record_patterns = 0;
        return 0;
    }
    if (pc_startswith(l, "####### VERB PATTERNS #######"))
        v->syn = 0;
    if (pc_strip(l, BYTES).n == 0)
        return 0;
    if (pc_startswith(l, "---"))
        return block_line(v, l, ln);
    if (pc_startswith(l, "-"))
        return pattern_line(v, l, ln);
    if (v->syn && pc_startswith(l, "&"))
        return define_synset(v, l, ln);
    if (v->syn && pc_startswith(l, "+")) {
        if (!v->meaning_from_amp && v->meaning[0]) {
            pc_span t = pc_strip(l, BYTES);
            pc_lint_add(v->l, PC_LINT_ERROR, "unreachable", v->file, ln,
                        "'%.*s' is not read as a verb: before a '####### VERB PATTERNS "
                        "#######' line PETRARCH2 reads every '+' line as a member of a synonym "
                        "set (here one named %s, after the block header)", (int)t.n, t.p,
                        v->meaning);
        }
        return 0;
    }
    if (pc_startswith(l, "~"))
        return transform_line(v, l, ln);
    return synonym_line(v, l, ln);
}

static void report_end(vl *v)
{
    if (v->stop_line && v->n_dead) {
        char where[64];
        if (v->n_dead == 1)
            snprintf(where, sizeof where, "line after it (line %ld) is", v->first_dead);
        else
            snprintf(where, sizeof where, "lines after it (lines %ld-%ld) are", v->first_dead,
                     v->last_dead);
        pc_lint_add(v->l, PC_LINT_ERROR, "unreachable", v->file, v->stop_line,
                    "PETRARCH2 stops reading patterns at this '<!' line: the %ld pattern %s "
                    "never loaded (petrarch validate --fixed reads them)", v->n_dead, where);
    }
    report_uses(v);
    for (size_t i = 0; i < dn_count(v->pat_meanings); i++) {
        const dn_entry *e = dn_at(v->pat_meanings, i);
        if (dn_get(v->verb_meanings, e->key))
            continue;
        const patinfo *pi = e->v.leaf;
        pc_lint_add(v->l, PC_LINT_WARNING, "unreachable", v->file, pi->first_line,
                    "the %ld pattern%s of '%s' can never match: no verb has this meaning",
                    pi->count, pi->count == 1 ? "" : "s", e->key[0] ? e->key : "(no block)");
    }
}

pc_status pc_lint_verbs(pc_lint *l, const char *path, pc_error *err)
{
    pc_lint_file *lf = pc_lint_begin_file(l, path, "verbs");
    if (!lf)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    vl v;
    memset(&v, 0, sizeof v);
    v.l = l;
    v.file = lf->path;
    v.record_patterns = 1;
    v.syn = 1;
    v.meaning = "";
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 0, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    v.tmp = pc_arena_new(0);
    v.keep = pc_arena_new(0);
    int r = v.tmp && v.keep ? 0 : -1;
    if (!r) {
        v.synsets = dn_new(v.keep);
        v.intended = dn_new(v.keep);
        v.forms = dn_new(v.keep);
        v.verb_meanings = dn_new(v.keep);
        v.pat_meanings = dn_new(v.keep);
        v.pat_keys = dn_new(v.keep);
        r = v.synsets && v.intended && v.forms && v.verb_meanings && v.pat_meanings &&
                    v.pat_keys ? 0 : -1;
    }
    pc_span line;
    while (r >= 0 && pc_fin_raw_line(&fin, &line)) {
        r = verb_line(&v, line, fin.lineno);
        pc_arena_reset(v.tmp);
    }
    if (r >= 0)
        report_end(&v);
    lf->lines = pc_lint_lines(fin.buf, fin.len);
    pc_fin_close(&fin);
    pc_arena_free(v.tmp);
    pc_arena_free(v.keep);
    if (r < 0 || l->oom)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    return pc_lint_reader(l, path, "verbs", err);
}
