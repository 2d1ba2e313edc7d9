/* verbs.c -- pc_read_verb_dictionary: a port of PETRreader.read_verb_dictionary
 * (PETRARCH2 1.2.0; not the dead _read_verb_dictionary).
 *
 * The file is read as Python 2 byte strings with `for line in file`, and each
 * line is classified by its start, in this order:
 *   "<!"       stops pattern recording for the REST OF THE FILE (PETRARCH2
 *              sets record_patterns = 0 on any such line, e.g. an XML-style
 *              comment, and never sets it back);
 *   "####### VERB PATTERNS #######" ends the synonym-set section (and is
 *              then ignored like any other '#' line);
 *   blank      skipped;
 *   "---"      block header "--- MEANING [code] ...": sets the meaning/code;
 *   "-"        a pattern of the current block (trie under phrases[MEANING]);
 *   "&NAME"    (synonym-set section only) starts synset NAME;
 *   "+MEMBER"  (synonym-set section only) adds a member to it;
 *   "~"        a transformation;
 *   otherwise  verb synonyms of the current block (with generated forms).
 * Where PETRARCH2 would raise (IndexError, KeyError, ...) we warn with
 * file:line and skip the line; what was stored before stays, as in Python.
 * PETRARCH2 cannot read a non-ASCII line at all (str.startswith(unicode)
 * raises UnicodeDecodeError); we warn and read it as UTF-8.
 *
 * --fixed (d->fixed, off by default; nothing changes without it): a "<!"
 * line starts a comment that ends at the first line containing "-->" and
 * patterns go on being read after it; and an event code convert_code cannot
 * convert (outside CAMEO, e.g. the WEIS codes of PETR.Validate.verbs.txt) is
 * not stored: such a verb is read without a code (as PETRARCH2 itself treats
 * a failing code of a compound verb), such a pattern or transformation is
 * skipped, each with a warning.  PETRARCH2 would store the code and crash on
 * the first sentence that uses it.
 */
#include <stdio.h>
#include <string.h>

#include "dicts.h"
#include "cameo_codes.h"
#include "finreader.h"
#include "../util/error.h"

#define MAX_SYNSET_DEPTH 32 /* Python recurses without bound (RecursionError) */

/* Most operations act on unicode (the results of split("#") etc.). */
#define UNI PC_WS_UNICODE

/* A list of strings: a synset's members. */
typedef struct strlist {
    char **v;
    size_t n, cap;
} strlist;

typedef struct vctx {
    pc_dicts *d;
    pc_fin fin;
    pc_arena *tmp;       /* reset for every line */
    pc_arena *pat;       /* reset for every resolved pattern */
    pc_arena *keep;      /* the synsets, for the whole file */
    pc_dnode *synsets;   /* name -> strlist of members (leaf) */
    const char *meaning; /* block_meaning, in d->arena */
    pc_span code;        /* block_code (the "[...]" word), in d->arena */
    int record_patterns, syn;
    int in_comment;      /* --fixed: inside a multi-line <!-- --> comment */
    pc_span line;        /* the raw line, with its '\n' */
    const char *line_nonl; /* line[:-1] in d->arena, made on first use */
} vctx;

/* 0 ok, -1 out of memory, 1 the line was skipped (warned). */
#define TRY(x)                                                                 \
    do {                                                                       \
        int r_ = (x);                                                          \
        if (r_)                                                                \
            return r_;                                                         \
    } while (0)

static int oom_if_null(const void *p)
{
    return p ? 0 : -1;
}

/* --fixed: is code one that PETRARCH2 would store and later crash on? */
static int fixed_rejects(const vctx *v, const char *code)
{
    long a, p;
    return v->d->fixed && code[0] && pc_cameo_to_internal(code, &a, &p) != 0;
}

/* line[:-1] (Python drops the last byte, newline or not). */
static const char *line_nonl(vctx *v)
{
    if (!v->line_nonl)
        v->line_nonl = pc_arena_strndup(v->d->arena, v->line.p, v->line.n ? v->line.n - 1 : 0);
    return v->line_nonl;
}

/* s[1:-1] in d->arena. */
static const char *inner(vctx *v, pc_span s)
{
    return s.n >= 2 ? pc_arena_strndup(v->d->arena, s.p + 1, s.n - 2)
                    : pc_arena_strdup(v->d->arena, "");
}

/* path = path.setdefault(key, {}) */
static int step(vctx *v, pc_dnode **path, pc_span key)
{
    /* Most steps follow an existing node: look it up without copying. */
    const dn_entry *e0 = dn_getn(*path, key.p, key.n);
    if (e0 && e0->kind == DN_NODE) {
        *path = e0->v.node;
        return 0;
    }
    char buf[256], *k = buf;
    if (key.n < sizeof buf) {
        memcpy(buf, key.p, key.n);
        buf[key.n] = '\0';
    } else if (!(k = pc_arena_strndup(v->tmp, key.p, key.n))) {
        return -1;
    }
    pc_dnode *n = dn_setdefault(v->d->arena, *path, k);
    if (!n) {
        const dn_entry *e = dn_get(*path, k);
        if (e && e->kind != DN_NODE) {
            pc_fin_warn(&v->fin, "'%s' is both a word and an entry here; line skipped", k);
            return 1;
        }
        return -1;
    }
    *path = n;
    return 0;
}

static int stepz(vctx *v, pc_dnode **path, const char *key)
{
    return step(v, path, pc_sz(key));
}

/* ------------------------------------------------------------- synsets */

static int push_str(pc_arena *a, strlist *l, char *s)
{
    if (!s)
        return -1;
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        char **nv = pc_arena_realloc(a, l->v, l->cap * sizeof *nv, ncap * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = s;
    return 0;
}

/* make_plural_noun: NULL (no plural) for "..._" and "{...}" members. */
static char *make_plural_noun(pc_arena *a, const char *noun, int *oom)
{
    size_t n = strlen(noun);
    *oom = 0;
    if (noun[n - 1] == '_' || noun[0] == '{')
        return NULL;
    pc_span parts[2] = {pc_sp(noun, n), pc_sz("S")};
    if (noun[n - 1] == 'Y')
        parts[0].n--, parts[1] = pc_sz("IES");
    else if (noun[n - 1] == 'S')
        parts[0].n--, parts[1] = pc_sz("ES");
    char *r = pc_concat(a, 2, parts);
    *oom = !r;
    return r;
}

/* "+MEMBER" line: synsets[block_meaning] += [temp] with the '_' rules. */
static int add_synset_member(vctx *v)
{
    pc_span term = pc_strip(v->line, PC_WS_BYTES);
    term.p++, term.n--;
    if (term.n == 0) {
        pc_fin_warn(&v->fin, "empty synonym set member; line skipped");
        return 1;
    }
    const char *temp = NULL;
    pc_span head = pc_sp(term.p, term.n - 1);
    int ends_ = term.p[term.n - 1] == '_';
    pc_span base = ends_ ? head : term;
    if ((ends_ && pc_contains(head, "_")) || (!ends_ && pc_contains(term, "_"))) {
        char *r = pc_replace(v->tmp, base, "_", " ", -1);
        pc_span *w;
        long nw = r ? pc_split_ws(v->tmp, pc_sz(r), UNI, &w) : -1;
        if (nw < 0)
            return -1;
        if (nw > 1) {
            pc_span parts[3] = {pc_sz("{"), pc_sz(r), pc_sz(ends_ ? "_}" : "}")};
            temp = pc_concat(v->keep, 3, parts);
        }
    }
    if (!temp)
        temp = pc_arena_strndup(v->keep, term.p, term.n);
    TRY(oom_if_null(temp));

    const dn_entry *e = dn_get(v->synsets, v->meaning);
    strlist *s = e ? e->v.leaf : NULL;
    if (!s) {
        s = pc_arena_calloc(v->keep, 1, sizeof *s);
        if (!s || dn_set_leaf(v->keep, v->synsets, v->meaning, s) < 0)
            return -1;
    }
    /* (appending: Python's synsets[m] + [temp] copies the list each time) */
    return push_str(v->keep, s, (char *)temp);
}

/* The whitespace-delimited word around the first '&' of s; 0 if none. */
static int first_amp_word(pc_span s, pc_span *word)
{
    long amp = pc_find(s, "&", 0);
    if (amp < 0)
        return 0;
    size_t start = 0, i = 0;
    while (i < (size_t)amp) { /* forward: UTF-8 spaces cannot be found backwards */
        size_t sp = pc_space_len(s, i, UNI);
        if (sp) {
            i += sp;
            start = i;
        } else {
            i++;
        }
    }
    while (i < s.n && !pc_space_len(s, i, UNI))
        i++;
    *word = pc_sp(s.p + start, i - start);
    return 1;
}

static int add_pattern(vctx *v, const char *pat);

/* resolve_synset: expand the first &SET word of line (and recursively the
 * rest) into every member and its plural.  line.replace(set, word, 1)
 * replaces the first occurrence of the set name anywhere in the line. */
static int resolve_synset(vctx *v, char *line, int depth)
{
    if (depth > MAX_SYNSET_DEPTH) {
        pc_fin_warn(&v->fin, "synonym sets nested too deeply (a set includes itself?); "
                             "line skipped");
        return 1;
    }
    /* The first word with a '&' in line.split() is the word holding the
     * first '&' of the line. */
    pc_span seg;
    if (!first_amp_word(pc_sz(line), &seg))
        return add_pattern(v, line);
    char *set = pc_replace(v->tmp, seg, "{", "", -1);
    set = set ? pc_replace(v->tmp, pc_sz(set), "}", "", -1) : NULL;
    set = set ? pc_replace(v->tmp, pc_sz(set), "(", "", -1) : NULL;
    set = set ? pc_replace(v->tmp, pc_sz(set), ")", "", -1) : NULL;
    TRY(oom_if_null(set));
    const dn_entry *e = dn_get(v->synsets, set);
    if (!e) {
        pc_fin_warn(&v->fin, "Undefined synset %s", set);
        return add_pattern(v, line);
    }
    const strlist *s = e->v.leaf;
    for (size_t k = 0; k < s->n; k++) {
        const char *word = s->v[k];
        size_t wn = strlen(word);
        if (wn == 0) { /* (word[-1]: PETRARCH2 raises IndexError) */
            pc_fin_warn(&v->fin, "empty member of synset %s; skipped", set);
            continue;
        }
        char *base = pc_arena_strndup(v->tmp, word, word[wn - 1] == '_' ? wn - 1 : wn);
        TRY(oom_if_null(base));
        char *l1 = pc_replace(v->tmp, pc_sz(line), set, base, 1);
        TRY(oom_if_null(l1));
        TRY(resolve_synset(v, l1, depth + 1));
        int oom;
        char *plural = make_plural_noun(v->tmp, word, &oom);
        TRY(oom ? -1 : 0);
        if (plural) {
            char *l2 = pc_replace(v->tmp, pc_sz(line), set, plural, 1);
            TRY(oom_if_null(l2));
            TRY(resolve_synset(v, l2, depth + 1));
        }
    }
    return 0;
}

/* ------------------------------------------------------------ patterns */

/* A noun phrase of a pattern: a single word, or (head, modifiers) from
 * "{MOD MOD HEAD}". */
typedef struct np {
    int tuple;
    pc_span head;
    pc_span *mods;
    size_t nmod;
} np;

typedef struct nplist {
    np *v;
    size_t n, cap;
} nplist;

typedef struct spanlist {
    pc_span *v;
    size_t n, cap;
} spanlist;

typedef struct prep {
    pc_span p;
    nplist nps;
} prep;

typedef struct patseg {
    nplist nps;
    prep *preps;
    size_t npreps;
} patseg;

static int grow(pc_arena *a, void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = pc_arena_realloc(a, *v, *cap * size, ncap * size);
    if (!nv)
        return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

static int push_np(pc_arena *a, nplist *l, int tuple, pc_span head, spanlist *mods)
{
    TRY(grow(a, (void **)&l->v, &l->cap, l->n, sizeof *l->v));
    np *e = &l->v[l->n++];
    e->tuple = tuple;
    e->head = head;
    e->mods = mods ? mods->v : NULL;
    e->nmod = mods ? mods->n : 0;
    if (mods)
        memset(mods, 0, sizeof *mods); /* modifiers = [] (a new list) */
    return 0;
}

static int push_span(pc_arena *a, spanlist *l, pc_span s)
{
    TRY(grow(a, (void **)&l->v, &l->cap, l->n, sizeof *l->v));
    l->v[l->n++] = s;
    return 0;
}

static pc_span drop_last(pc_span s)
{
    return pc_sp(s.p, s.n - 1);
}

/* The noun-phrase rules shared by both loops of resolve_patseg. */
static int noun_element(pc_arena *a, pc_span el, int *nounphrase, nplist *nps, spanlist *mods)
{
    if (pc_endswith(el, "}")) {
        *nounphrase = 0;
        return push_np(a, nps, 1, drop_last(el), mods);
    }
    if (*nounphrase)
        return push_span(a, mods, el);
    if (pc_startswith(el, "{")) {
        *nounphrase = 1;
        return push_span(a, mods, pc_sp(el.p + 1, el.n - 1));
    }
    return push_np(a, nps, 0, el, NULL);
}

/* resolve_patseg: noun phrases, and prepositional phrases "(PREP NOUNS)".
 * nounphrase is one variable for the whole segment, as in Python. */
static int resolve_patseg(vctx *v, const pc_span *seg, size_t n, patseg *out)
{
    pc_arena *a = v->tmp;
    memset(out, 0, sizeof *out);
    int prepphrase = 0, nounphrase = 0;
    spanlist mods = {0};
    size_t *starts = NULL, *ends = NULL, ns = 0, ne = 0, cs = 0, ce = 0;
    for (size_t i = 0; i < n; i++) {
        pc_span el = seg[i];
        if (pc_endswith(el, ")")) {
            TRY(grow(a, (void **)&ends, &ce, ne, sizeof *ends));
            ends[ne++] = i;
            if (pc_startswith(el, "(")) {
                TRY(grow(a, (void **)&starts, &cs, ns, sizeof *starts));
                starts[ns++] = i;
            }
            prepphrase = 0;
        } else if (pc_startswith(el, "(")) {
            TRY(grow(a, (void **)&starts, &cs, ns, sizeof *starts));
            starts[ns++] = i;
            prepphrase = 1;
        } else if (!prepphrase) {
            TRY(noun_element(a, el, &nounphrase, &out->nps, &mods));
        }
    }
    /* preps = segment[start:end+1] for zip(prepstarts, prepends) */
    size_t np_ = ns < ne ? ns : ne;
    out->preps = np_ ? pc_arena_calloc(a, np_, sizeof *out->preps) : NULL;
    if (np_ && !out->preps)
        return -1;
    for (size_t k = 0; k < np_; k++) {
        size_t st = starts[k], en = ends[k] + 1;
        if (en <= st) {
            pc_fin_warn(&v->fin, "')' before '(' in pattern; line skipped");
            return 1;
        }
        prep *p = &out->preps[out->npreps++];
        spanlist pmods = {0};
        for (size_t i = st; i < en; i++) {
            char *c = pc_replace(a, seg[i], "(", "", -1);
            c = c ? pc_replace(a, pc_sz(c), ")", "", -1) : NULL;
            TRY(oom_if_null(c));
            if (i == st)
                p->p = pc_sz(c);
            else
                TRY(noun_element(a, pc_sz(c), &nounphrase, &p->nps, &pmods));
        }
    }
    return 0;
}

/* The noun phrases before '|' (pre- and post-verb alike). */
static int add_nouns(vctx *v, pc_dnode **path, const nplist *nps)
{
    for (size_t i = 0; i < nps->n; i++) {
        const np *e = &nps->v[i];
        TRY(step(v, path, e->head));
        for (size_t m = 0; e->tuple && m < e->nmod; m++) {
            TRY(stepz(v, path, "-"));
            TRY(step(v, path, e->mods[m]));
        }
        if (i + 1 != nps->n)
            TRY(stepz(v, path, ","));
    }
    return 0;
}

/* The nouns of a prepositional phrase.  Python differs before and after the
 * verb: before it, a {..} phrase has no '-' in front of its head. */
static int add_prep_nouns(vctx *v, pc_dnode **path, const nplist *nps, int post)
{
    for (size_t i = 0; i < nps->n; i++) {
        const np *e = &nps->v[i];
        if (!e->tuple || post)
            TRY(stepz(v, path, "-"));
        TRY(step(v, path, e->head));
        for (size_t m = 0; e->tuple && m < e->nmod; m++) {
            TRY(stepz(v, path, "-"));
            TRY(step(v, path, e->mods[m]));
        }
        if (i + 1 != nps->n)
            TRY(stepz(v, path, ","));
    }
    return 0;
}

static int add_pattern_in(vctx *v, const char *pat);

/* Each resolved pattern's scratch memory is dropped once it is stored. */
static int add_pattern(vctx *v, const char *pat)
{
    pc_arena *line_tmp = v->tmp;
    v->tmp = v->pat;
    int r = add_pattern_in(v, pat);
    v->tmp = line_tmp;
    pc_arena_reset(v->pat);
    return r;
}

static int add_pattern_in(vctx *v, const char *pat)
{
    pc_span *segs, *pre, *post;
    long ns = pc_split_sep(v->tmp, pc_sz(pat), "*", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2) {
        pc_fin_warn(&v->fin, "pattern without '*'; line skipped");
        return 1;
    }
    long npre = pc_split_ws(v->tmp, segs[0], UNI, &pre);
    long npost = pc_split_ws(v->tmp, segs[1], UNI, &post);
    if (npre < 0 || npost < 0)
        return -1;
    if (npost == 0) {
        pc_fin_warn(&v->fin, "pattern without a code; line skipped");
        return 1;
    }
    pc_span code = post[--npost];
    if (v->d->fixed) { /* checked before the trie path is made */
        const char *c = inner(v, code);
        TRY(oom_if_null(c));
        if (fixed_rejects(v, c)) {
            pc_fin_warn(&v->fin, "pattern code '%s' is not a CAMEO code; pattern skipped "
                                 "(--fixed)", c);
            return 1;
        }
    }
    patseg a, b;
    TRY(resolve_patseg(v, pre, (size_t)npre, &a));
    TRY(resolve_patseg(v, post, (size_t)npost, &b));

    pc_dnode *path = v->d->phrases;
    TRY(stepz(v, &path, v->meaning));
    if (a.nps.n || a.npreps) {
        TRY(add_nouns(v, &path, &a.nps));
        if (a.npreps) {
            TRY(stepz(v, &path, "|"));
            for (size_t k = 0; k < a.npreps; k++) {
                TRY(step(v, &path, a.preps[k].p));
                TRY(add_prep_nouns(v, &path, &a.preps[k].nps, 0));
            }
        }
    }
    if (b.nps.n || b.npreps) {
        TRY(stepz(v, &path, "*"));
        TRY(add_nouns(v, &path, &b.nps));
        for (size_t k = 0; k < b.npreps; k++) {
            TRY(stepz(v, &path, "|"));
            TRY(step(v, &path, b.preps[k].p));
            TRY(add_prep_nouns(v, &path, &b.preps[k].nps, 1));
        }
    }
    pc_pattern_leaf *leaf = pc_arena_alloc(v->d->arena, sizeof *leaf);
    TRY(oom_if_null(leaf));
    leaf->code = inner(v, code);
    leaf->line = line_nonl(v);
    TRY(oom_if_null(leaf->code));
    TRY(oom_if_null(leaf->line));
    return dn_set_leaf(v->d->arena, path, "#", leaf);
}

/* "- PATTERN [code] # comment" */
static int pattern_line(vctx *v)
{
    pc_span *parts;
    pc_span rest = pc_sp(v->line.p + 1, v->line.n - 1);
    if (pc_split_sep(v->tmp, rest, "#", &parts) < 0)
        return -1;
    char *pattern = pc_arena_strndup(v->tmp, parts[0].p, parts[0].n);
    TRY(oom_if_null(pattern));
    return resolve_synset(v, pattern, 0); /* calls add_pattern for each form */
}

/* ------------------------------------------------------ verb synonyms */

/* Split a compound "FRONT_WORDS+STEM_BACK_WORDS" word. */
static int split_compound(vctx *v, pc_span w, spanlist *front, spanlist *back, pc_span *stem)
{
    pc_span *segs, *f, *b;
    long ns = pc_split_sep(v->tmp, w, "+", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2) {
        pc_fin_warn(&v->fin, "compound verb '%.*s' without '+'; line skipped", (int)w.n, w.p);
        return 1;
    }
    long nf = pc_split_sep(v->tmp, segs[0], "_", &f);
    long nb = pc_split_sep(v->tmp, segs[1], "_", &b);
    if (nf < 0 || nb < 0)
        return -1;
    front->v = f, front->n = (size_t)nf;
    back->v = b + 1, back->n = (size_t)nb - 1;
    *stem = b[0];
    return 0;
}

static int store_verb(vctx *v, pc_span wstem, const spanlist *front, const spanlist *back,
                      pc_verb_leaf *leaf)
{
    pc_dnode *path = v->d->verbs;
    TRY(step(v, &path, wstem));
    for (size_t i = 0; i < back->n; i++)
        if (back->v[i].n)
            TRY(step(v, &path, back->v[i]));
    TRY(stepz(v, &path, "#"));
    for (size_t i = 0; i < front->n; i++)
        if (front->v[i].n)
            TRY(step(v, &path, front->v[i]));
    if (!dn_get(path, "#")) /* setdefault: the first entry for a form wins */
        return dn_set_leaf(v->d->arena, path, "#", leaf);
    return 0;
}

static int append_form(vctx *v, spanlist *words, pc_span stem, size_t drop, const char *suffix)
{
    pc_span parts[2] = {pc_sp(stem.p, stem.n - drop), pc_sz(suffix)};
    char *s = pc_concat(v->tmp, 2, parts);
    TRY(oom_if_null(s));
    return push_span(v->tmp, words, pc_sz(s));
}

/* "VERB [code]", "VERB {FORMS ...}", "FRONT_+STEM_BACK" ... */
static int synonym_line(vctx *v)
{
    pc_span *parts, *w;
    if (pc_split_sep(v->tmp, v->line, "#", &parts) < 0)
        return -1;
    pc_span word = parts[0];
    char *nobrace = pc_replace(v->tmp, word, "}", "", -1);
    nobrace = nobrace ? pc_replace(v->tmp, pc_sz(nobrace), "{", "", -1) : NULL;
    TRY(oom_if_null(nobrace));
    long nw = pc_split_ws(v->tmp, pc_sz(nobrace), UNI, &w);
    if (nw < 0)
        return -1;
    if (nw == 0)
        return 0;
    spanlist words = {w, (size_t)nw, (size_t)nw};
    pc_span code = v->code;
    spanlist front = {0}, back = {0};
    pc_span stem = words.v[0];
    if (pc_contains(stem, "_"))
        TRY(split_compound(v, stem, &front, &back, &stem));
    if (pc_startswith(words.v[words.n - 1], "["))
        code = words.v[--words.n];
    if (!(words.n > 1 || pc_contains(word, "{"))) {
        /* the regular forms: S/ES/IES, D/ED, ING */
        if (pc_endswith(stem, "S") || pc_endswith(stem, "X") || pc_endswith(stem, "Z"))
            TRY(append_form(v, &words, stem, 0, "ES"));
        else if (pc_endswith(stem, "Y"))
            TRY(append_form(v, &words, stem, 1, "IES"));
        else
            TRY(append_form(v, &words, stem, 0, "S"));
        TRY(append_form(v, &words, stem, 0, pc_endswith(stem, "E") ? "D" : "ED"));
        if (pc_endswith(stem, "E")) {
            if (stem.n < 2) {
                pc_fin_warn(&v->fin, "verb stem 'E' (PETRARCH2 fails on stem[-2]); line skipped");
                return 1;
            }
            int vowel = strchr("AEIOU", stem.p[stem.n - 2]) != NULL;
            TRY(append_form(v, &words, stem, vowel ? 0 : 1, "ING"));
        } else {
            TRY(append_form(v, &words, stem, 0, "ING"));
        }
    }
    pc_verb_leaf *leaf = pc_arena_alloc(v->d->arena, sizeof *leaf);
    TRY(oom_if_null(leaf));
    leaf->code = inner(v, code);
    leaf->meaning = v->meaning;
    leaf->line = line_nonl(v);
    TRY(oom_if_null(leaf->code));
    TRY(oom_if_null(leaf->line));
    if (fixed_rejects(v, leaf->code)) {
        pc_fin_warn(&v->fin, "verb code '%s' is not a CAMEO code; verb read without a code "
                             "(--fixed)", leaf->code);
        leaf->code = "";
    }
    for (size_t i = 0; i < words.n; i++) {
        pc_span wstem = words.v[i];
        /* front/back carry over from earlier words that had them */
        if (pc_contains(wstem, "_"))
            TRY(split_compound(v, words.v[i], &front, &back, &wstem));
        TRY(store_verb(v, wstem, &front, &back, leaf));
    }
    return 0;
}

/* ----------------------------------------------------- transformations */

/* convert_code(verbs[c]['#']['#']['code'])[0], summed over c in
 * word.split("_"), with "Q" counting -1. */
static int transform_verb_code(vctx *v, pc_span word, long *sum)
{
    pc_span *cs;
    long n = pc_split_sep(v->tmp, word, "_", &cs);
    if (n < 0)
        return -1;
    *sum = 0;
    for (long i = 0; i < n; i++) {
        if (pc_eq(cs[i], "Q")) {
            *sum += -1;
            continue;
        }
        char *c = pc_arena_strndup(v->tmp, cs[i].p, cs[i].n);
        TRY(oom_if_null(c));
        pc_dnode *node = dn_get_node(v->d->verbs, c);
        node = node ? dn_get_node(node, "#") : NULL;
        const dn_entry *e = node ? dn_get(node, "#") : NULL;
        long active, passive;
        if (!e || e->kind != DN_LEAF) {
            pc_fin_warn(&v->fin, "transformation verb %s is not in the dictionary; line skipped", c);
            return 1;
        }
        const pc_verb_leaf *leaf = e->v.leaf;
        if (pc_cameo_to_internal(leaf->code, &active, &passive) < 0) {
            pc_fin_warn(&v->fin, "transformation verb %s has code '%s' that is not a CAMEO code; "
                                 "line skipped", c, leaf->code);
            return 1;
        }
        *sum += active;
    }
    return 0;
}

/* "~ a (a b ATTACK) SAY = a b 015" */
static int transform_line(vctx *v)
{
    char *p = pc_replace(v->tmp, pc_sp(v->line.p + 1, v->line.n - 1), "(", "", -1);
    p = p ? pc_replace(v->tmp, pc_sz(p), ")", "", -1) : NULL;
    TRY(oom_if_null(p));
    pc_span *segs, *pat, *ans;
    long ns = pc_split_sep(v->tmp, pc_sz(p), "=", &segs);
    if (ns < 0)
        return -1;
    if (ns < 2) {
        pc_fin_warn(&v->fin, "transformation without '='; line skipped");
        return 1;
    }
    long npat = pc_split_ws(v->tmp, segs[0], UNI, &pat);
    long nans = pc_split_ws(v->tmp, segs[1], UNI, &ans);
    if (npat < 0 || nans < 0)
        return -1;
    if (v->d->fixed && nans >= 3 && !pc_eq(ans[2], "Q")) {
        char *c = pc_arena_strndup(v->tmp, ans[2].p, ans[2].n);
        TRY(oom_if_null(c));
        if (fixed_rejects(v, c)) {
            pc_fin_warn(&v->fin, "transformation code '%s' is not a CAMEO code; line skipped "
                                 "(--fixed)", c);
            return 1;
        }
    }
    pc_dnode *path = v->d->transforms;
    long lo = 0, hi = npat; /* ev2 = pat[lo:hi] */
    while (hi - lo > 1) {
        long verb;
        TRY(transform_verb_code(v, pat[hi - 1], &verb));
        char key[32];
        snprintf(key, sizeof key, "%ld", verb);
        TRY(stepz(v, &path, key));
        TRY(step(v, &path, pat[lo]));
        lo++, hi--;
    }
    if (hi == lo) {
        pc_fin_warn(&v->fin, "transformation pattern with an even number of words; line skipped");
        return 1;
    }
    pc_transform_leaf *leaf = pc_arena_alloc(v->d->arena, sizeof *leaf);
    TRY(oom_if_null(leaf));
    leaf->n_answer = (size_t)nans;
    leaf->answer = pc_arena_calloc(v->d->arena, (size_t)nans + 1, sizeof *leaf->answer);
    leaf->line = pc_arena_strndup(v->d->arena, v->line.p, v->line.n);
    TRY(oom_if_null(leaf->answer));
    TRY(oom_if_null(leaf->line));
    for (long i = 0; i < nans; i++)
        TRY(oom_if_null(leaf->answer[i] = pc_arena_strndup(v->d->arena, ans[i].p, ans[i].n)));
    char *key = pc_arena_strndup(v->tmp, pat[lo].p, pat[lo].n);
    TRY(oom_if_null(key));
    /* path[ev2[0]] = [answer, line]: replaces whatever was there */
    return dn_set_leaf(v->d->arena, path, key, leaf);
}

/* --------------------------------------------------------------- lines */

/* "--- MEANING [code] ..." */
static int block_line(vctx *v)
{
    pc_span *segs;
    long n = pc_split_ws(v->tmp, v->line, PC_WS_BYTES, &segs);
    if (n < 0)
        return -1;
    if (n < 3) {
        pc_fin_warn(&v->fin, "block header without meaning and code; line skipped");
        return 1;
    }
    char *m = pc_arena_strndup(v->d->arena, segs[1].p, segs[1].n);
    char *c = pc_arena_strndup(v->d->arena, segs[2].p, segs[2].n);
    TRY(oom_if_null(m));
    TRY(oom_if_null(c));
    v->meaning = m;
    v->code = pc_sz(c);
    return 0;
}

static int verb_line(vctx *v)
{
    pc_span l = v->line;
    if (v->d->fixed && (v->in_comment || pc_startswith(l, "<!"))) {
        v->in_comment = !pc_contains(l, "-->"); /* a comment, patterns go on */
        return 0;
    }
    if (pc_startswith(l, "<!")) {
        v->record_patterns = 0;
        return 0;
    }
    if (pc_startswith(l, "####### VERB PATTERNS #######"))
        v->syn = 0;
    if (pc_strip(l, PC_WS_BYTES).n == 0)
        return 0;
    if (pc_has_non_ascii(l))
        pc_fin_warn(&v->fin, "non-ASCII text: PETRARCH2 cannot read this line "
                             "(UnicodeDecodeError); read as UTF-8");
    if (pc_startswith(l, "---"))
        return block_line(v);
    if (pc_startswith(l, "-"))
        return v->record_patterns ? pattern_line(v) : 0;
    if (v->syn && pc_startswith(l, "&")) {
        pc_span m = pc_strip(l, PC_WS_BYTES);
        char *s = pc_arena_strndup(v->d->arena, m.p, m.n);
        TRY(oom_if_null(s));
        v->meaning = s;
        return 0;
    }
    if (v->syn && pc_startswith(l, "+"))
        return add_synset_member(v);
    if (pc_startswith(l, "~"))
        return transform_line(v);
    return synonym_line(v);
}

pc_status pc_read_verb_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                                  pc_error *err)
{
    vctx v;
    memset(&v, 0, sizeof v);
    v.d = d;
    v.meaning = "";
    v.code = pc_sz("");
    v.record_patterns = 1;
    v.syn = 1;
    pc_status st = pc_fin_open(&v.fin, path, 0, warn, ud, err);
    if (st != PC_OK)
        return st;
    v.tmp = pc_arena_new(1 << 20); /* big enough that resets rarely free */
    v.pat = pc_arena_new(0);
    v.keep = pc_arena_new(0);
    v.synsets = v.keep ? dn_new(v.keep) : NULL;
    int r = (v.tmp && v.pat && v.synsets) ? 0 : -1;
    while (r >= 0 && pc_fin_raw_line(&v.fin, &v.line)) {
        v.line_nonl = NULL;
        r = verb_line(&v);
        if (r > 0)
            r = 0; /* skipped with a warning */
        pc_arena_reset(v.tmp);
    }
    pc_arena_free(v.tmp);
    pc_arena_free(v.pat);
    pc_arena_free(v.keep);
    pc_fin_close(&v.fin);
    if (r < 0)
        return pc_error_set(err, PC_ERR_NOMEM, path, v.fin.lineno, NULL, "out of memory");
    return PC_OK;
}
