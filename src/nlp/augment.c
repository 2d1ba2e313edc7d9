/* augment.c -- see augment.h.
 *
 * A new tree is written out as a bracketed string and read back with
 * pc_ptb_parse, so it is in the same pre-order node layout as every tree read
 * from a file.  Walks use explicit stacks: a deep tree is data, not recursion. */
#include "nlp/augment.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "nlp/binarize.h"
#include "nlp/features.h"
#include "nlp/model_io.h"
#include "util/alloc.h"
#include "util/error.h"

#define MAX_NAME_WORDS 4    /* a borrowed name: "the United Arab Emirates" */
#define MAX_SUBJ_WORDS 6    /* a subject that gets conjuncts before it */
#define MAX_ADDED 3         /* conjuncts added before it */

/* A bracketed tree being written (nlp/model_io.h's growable buffer). */
static void put(pc_wbuf *b, const char *s) { pc_wbuf_bytes(b, s, strlen(s)); }

static int base_is(const char *label, const char *want)
{
    char buf[PC_LABEL_LEN + 8];
    return strcmp(pc_label_base(label, buf, sizeof buf), want) == 0;
}

static int is_leaf(const pc_ptree *t, int i) { return t->node[i].word != NULL; }

struct coord;

typedef struct emitter {
    pc_wbuf *b;
    int words;   /* written so far */
    int odd;     /* a tree too deep or too wide to copy here: skipped */
    /* where the list goes: node subj of tree t is written as coord says */
    const pc_ptree *t;
    int subj;
    const struct coord *coord;
} emitter;

#define MAX_KIDS 256
#define MAX_DEPTH 512

/* The children of node x into kids; -1 if more than MAX_KIDS. */
static int children(const pc_ptree *t, int x, int *kids)
{
    int nk = 0;
    for (int c = t->node[x].first; c >= 0; c = t->node[c].next) {
        if (nk == MAX_KIDS)
            return -1;
        kids[nk++] = c;
    }
    return nk;
}

/* The preterminals under node i in order, at most cap (returns the count, or
 * cap + 1 when there are more). */
static int leaves_of(const pc_ptree *t, int i, int *out, int cap)
{
    int st[MAX_DEPTH], sp = 0, k = 0;
    st[sp++] = i;
    while (sp > 0) {
        int x = st[--sp];
        if (is_leaf(t, x)) {
            if (k == cap)
                return cap + 1;
            out[k++] = x;
            continue;
        }
        int kids[MAX_KIDS], nk = children(t, x, kids);
        if (nk < 0 || sp + nk > MAX_DEPTH)
            return cap + 1;
        while (nk > 0)
            st[sp++] = kids[--nk];
    }
    return k;
}

/* Node c of t (-1: none) is an NP and its next sibling a VP: a subject. */
static int np_before_vp(const pc_ptree *t, int c)
{
    if (c < 0 || is_leaf(t, c) || !base_is(t->node[c].label, "NP"))
        return 0;
    int v = t->node[c].next;
    return v >= 0 && !is_leaf(t, v) && base_is(t->node[v].label, "VP");
}

/* A noun's tag: what a phrase naming something ends in. */
static int is_noun(const char *label)
{
    return base_is(label, "NN") || base_is(label, "NNS") || base_is(label, "NNP") ||
           base_is(label, "NNPS");
}

/* The subject of the first S that has one: S's first child an NP, its next a
 * VP.  -1 if none. */
static int find_subject(const pc_ptree *t)
{
    for (int i = 0; i < t->n; i++)
        if (!is_leaf(t, i) && base_is(t->node[i].label, "S") && np_before_vp(t, t->node[i].first))
            return t->node[i].first;
    return -1;
}

/* A proper name as a flat NP: NNP/NNPS words, perhaps after "the". */
static int is_name(const pc_ptree *t, int np)
{
    int lv[MAX_NAME_WORDS + 1];
    int k = leaves_of(t, np, lv, MAX_NAME_WORDS);
    if (k < 1 || k > MAX_NAME_WORDS)
        return 0;
    for (int c = t->node[np].first; c >= 0; c = t->node[c].next)
        if (!is_leaf(t, c))
            return 0;
    int names = 0;
    for (int j = 0; j < k; j++) {
        const pc_tnode *x = &t->node[lv[j]];
        if (j == 0 && base_is(x->label, "DT") && (!strcmp(x->word, "the") || !strcmp(x->word, "The")))
            continue;
        if (!base_is(x->label, "NNP") && !base_is(x->label, "NNPS"))
            return 0;
        names++;
    }
    return names > 0;
}

/* A subject that can take conjuncts: short, not a pronoun, not already a
 * coordination. */
static int can_extend(const pc_ptree *t, int np)
{
    int lv[MAX_SUBJ_WORDS + 1];
    int k = leaves_of(t, np, lv, MAX_SUBJ_WORDS);
    if (k < 1 || k > MAX_SUBJ_WORDS)
        return 0;
    static const char *const no_first[] = {"PRP", "EX", "WP", "WDT", "-NONE-"};
    for (size_t j = 0; j < sizeof no_first / sizeof no_first[0]; j++)
        if (base_is(t->node[lv[0]].label, no_first[j]))
            return 0;
    for (int j = 0; j < k; j++)
        if (base_is(t->node[lv[j]].label, "CC") || base_is(t->node[lv[j]].label, ","))
            return 0;
    /* a noun phrase naming something: a noun last, and if a determiner
     * first, an article ("this is ..." and "someone ..." are no actors) */
    const char *last = t->node[lv[k - 1]].label, *w0 = t->node[lv[0]].word;
    if (!is_noun(last))
        return 0;
    if (base_is(t->node[lv[0]].label, "DT") && strcasecmp(w0, "the") && strcasecmp(w0, "a") &&
        strcasecmp(w0, "an"))
        return 0;
    static const char *const vague[] = {"someone", "somebody", "anyone", "anybody", "everyone",
                                        "everybody", "nobody", "something", "anything",
                                        "everything", "nothing"};
    for (size_t j = 0; j < sizeof vague / sizeof vague[0]; j++)
        if (k == 1 && !strcasecmp(w0, vague[j]))
            return 0;
    return 1;
}

/* The first word of t (its node), or -1. */
static int first_leaf(const pc_ptree *t)
{
    for (int i = 0; i < t->n; i++)
        if (is_leaf(t, i))
            return i;
    return -1;
}

/* A word as it reads in its new place: the new sentence's first word
 * capitalized ("the" -> "The"); a sentence's first word, now inside it, in
 * lower case if it is a function word or pronoun ("The government" -> "the
 * government", "He" -> "he"; not "American", "I" or "NATO"); every other
 * word as it was. */
static void put_word(pc_wbuf *b, const pc_tnode *x, int first, int was_first)
{
    static const char *const closed[] = {"DT", "PDT", "PRP", "PRP$", "WP$", "CD", "IN", "CC", "RB"};
    char w[128];
    size_t k = strlen(x->word);
    int lower = 0;
    for (size_t j = 0; was_first && !first && j < sizeof closed / sizeof *closed; j++)
        lower |= base_is(x->label, closed[j]);
    if (!strcmp(x->word, "I"))
        lower = 0;
    for (size_t j = 1; lower && j < k; j++)
        if (isupper((unsigned char)x->word[j]))
            lower = 0;   /* "US", "NATO" */
    if (k >= sizeof w || (!first && !lower)) {
        put(b, x->word);
        return;
    }
    memcpy(w, x->word, k + 1);
    w[0] = (char)(first ? toupper((unsigned char)w[0]) : tolower((unsigned char)w[0]));
    put(b, w);
}

static void emit_list(emitter *e);

/* Node i of t and everything under it, bracketed; the subject of e's tree
 * replaced by the list. */
static void emit(emitter *e, const pc_ptree *t, int i)
{
    int st[MAX_DEPTH], sp = 0, fl = first_leaf(t);
    st[sp++] = i * 2;
    while (sp > 0 && !e->b->oom && !e->odd) {
        int v = st[--sp], x = v / 2;
        if (v & 1) {
            put(e->b, ")");
            continue;
        }
        if (t == e->t && x == e->subj) {
            emit_list(e);
            continue;
        }
        const pc_tnode *nd = &t->node[x];
        put(e->b, " (");
        put(e->b, nd->label[0] ? nd->label : "ROOT");
        if (nd->word) {
            put(e->b, " ");
            put_word(e->b, nd, e->words++ == 0, x == fl);
            put(e->b, ")");
            continue;
        }
        int kids[MAX_KIDS], nk = children(t, x, kids);
        if (nk < 0 || sp + nk + 1 > MAX_DEPTH) {
            e->odd = 1;
            return;
        }
        st[sp++] = x * 2 + 1;
        while (nk > 0)
            st[sp++] = kids[--nk] * 2;
    }
}

static void emit_pre(emitter *e, const char *tag, const char *word)
{
    pc_tnode x = {tag, word, -1, -1};
    put(e->b, " (");
    put(e->b, tag);
    put(e->b, " ");
    put_word(e->b, &x, e->words++ == 0, 0);
    put(e->b, ")");
}

typedef struct donor {
    int tree, np, nwords;
} donor;

/* The list that replaces a subject: "d[0], d[1] ... (,) cc <subject>". */
typedef struct coord {
    const pc_treebank *tb;
    const donor *d;
    int nd;
    const char *cc;
    int oxford;
} coord;

static void emit_list(emitter *e)
{
    const coord *c = e->coord;
    const pc_ptree *t = e->t;
    int subj = e->subj, first = t->node[subj].first;
    /* flat (names as preterminals) when every conjunct is one word */
    int flat = first >= 0 && is_leaf(t, first) && t->node[first].next < 0;
    for (int j = 0; j < c->nd; j++)
        flat = flat && c->d[j].nwords == 1;
    e->t = NULL;   /* the subject itself, as it was, goes last */
    put(e->b, " (NP");
    for (int j = 0; j < c->nd; j++) {
        const pc_ptree *dt = &c->tb->tree[c->d[j].tree];
        emit(e, dt, flat ? dt->node[c->d[j].np].first : c->d[j].np);
        if (j + 1 < c->nd || c->oxford)
            emit_pre(e, ",", ",");
    }
    emit_pre(e, "CC", c->cc);
    emit(e, t, flat ? first : subj);
    put(e->b, ")");
    e->t = t;
}

/* The tree e has written into its buffer, read back into *out: 1 made, 0
 * skipped (too deep or wide), -1 out of memory. */
static int read_back(pc_treebank *tb, const emitter *e, pc_ptree *out)
{
    pc_wbuf *b = e->b;
    pc_wbuf_u8(b, 0);   /* the string's end */
    if (b->oom)
        return -1;
    if (e->odd)
        return 0;
    const char *s = (const char *)b->p;
    long line = 1;
    pc_error err;
    int r = pc_ptb_parse(tb->arena, &s, &line, out, "augmented tree", &err);
    return r < 0 && err.code == PC_ERR_NOMEM ? -1 : r == 1;
}

/* Tree ti with c's list as its subject, read back into *out (read_back). */
static int make_tree(pc_treebank *tb, size_t ti, int subj, const coord *c, pc_ptree *out,
                     pc_wbuf *b)
{
    b->n = 0;
    emitter e = {b, 0, 0, &tb->tree[ti], subj, c};
    emit(&e, &tb->tree[ti], 0);
    return read_back(tb, &e, out);
}

static uint64_t rnd(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ULL;
    return pc_mix64(*s);
}

/* The candidate (an entry of a[0..n)) to try next: the n in a seeded order,
 * shuffled again at the start of each round (tried counts from 0). */
static size_t next_in_rounds(size_t *a, size_t n, size_t tried, uint64_t *rs)
{
    size_t j = tried % n;
    if (j == 0)
        for (size_t i = n; i > 1; i--) {
            size_t r = (size_t)(rnd(rs) % i), x = a[i - 1];
            a[i - 1] = a[r];
            a[r] = x;
        }
    return a[j];
}

/* A tree made (ok: what make_tree or make_report returned; 0 is a tree
 * skipped) into tb, counted in *made and *added (may be NULL); -1 out of
 * memory, else 0. */
static int keep_made(pc_treebank *tb, int ok, const pc_ptree *t, size_t *made, size_t *added)
{
    if (ok < 0 || (ok == 1 && pc_treebank_add(tb, t) != 0))
        return -1;
    *made += (size_t)ok;
    if (added)
        *added = *made;
    return 0;
}

pc_status pc_treebank_augment_coord(pc_treebank *tb, size_t count, unsigned seed, size_t *added,
                                    pc_error *err)
{
    if (added)
        *added = 0;
    size_t n = tb->n;
    if (count == 0 || n == 0)
        return PC_OK;
    donor *names = pc_malloc(n * sizeof *names);
    size_t *targets = pc_malloc(n * sizeof *targets);
    int *subj = pc_malloc(n * sizeof *subj);
    pc_wbuf b = {0};
    pc_status rc = PC_OK;
    if (!names || !targets || !subj)
        goto oom;
    size_t nn = 0, nt = 0;
    for (size_t i = 0; i < n; i++) {
        int lv[MAX_NAME_WORDS + 1];
        subj[i] = find_subject(&tb->tree[i]);
        if (subj[i] < 0)
            continue;
        if (is_name(&tb->tree[i], subj[i]))
            names[nn++] = (donor){(int)i, subj[i],
                                  leaves_of(&tb->tree[i], subj[i], lv, MAX_NAME_WORDS)};
        if (can_extend(&tb->tree[i], subj[i]))
            targets[nt++] = i;
    }
    if (nn == 0 || nt == 0)
        goto done;
    uint64_t rs = 0x5eed0000u + seed;
    /* the targets in a seeded order, round after round if count asks for more */
    for (size_t made = 0, tried = 0; made < count && tried < 4 * count; tried++) {
        size_t ti = next_in_rounds(targets, nt, tried, &rs);
        uint64_t r = rnd(&rs);
        int nd = 1 + (int)(r % 10 >= 5) + (int)(r % 10 >= 8);   /* 1: 50%, 2: 30%, 3: 20% */
        donor d[MAX_ADDED];
        /* names from other sentences, each once if the treebank has enough */
        for (int k = 0; k < nd; k++)
            for (int tries = 0; tries < 8; tries++) {
                d[k] = names[rnd(&rs) % nn];
                int dup = (size_t)d[k].tree == ti;
                for (int q = 0; q < k; q++)
                    dup |= d[q].tree == d[k].tree;
                if (!dup)
                    break;
            }
        const char *cc = (r >> 8) % 10 == 0 ? "or" : "and";
        int oxford = nd >= 2 && (r >> 16) % 10 < 3;
        coord c = {tb, d, nd, cc, oxford};
        pc_ptree t;
        if (keep_made(tb, make_tree(tb, ti, subj[ti], &c, &t, &b), &t, &made, added) < 0)
            goto oom;
    }
    goto done;
oom:
    rc = pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory augmenting trees");
done:
    pc_free(names);
    pc_free(targets);
    pc_free(subj);
    pc_wbuf_free(&b);
    return rc;
}

/* ------------------------------------------------------ reported speech */

#define MAX_HOST_WORDS 45   /* a sentence that gets "..., the ministry said." */

/* The verbs that report speech, as a reporter's clause has them. */
static int is_reporting(const char *w)
{
    static const char *const verbs[] = {"said", "says", "say", "told", "added", "wrote",
                                        "announced", "reported", "stated", "explained", "noted",
                                        "insisted", "claimed", "warned", "tweeted"};
    for (size_t j = 0; j < sizeof verbs / sizeof *verbs; j++)
        if (!strcasecmp(w, verbs[j]))
            return 1;
    return 0;
}

/* The reporter of t: the subject of its first clause whose verb reports
 * speech ("officials said ..."), else a proper-name subject; short, a noun
 * or personal pronoun last, no list.  -1 if none. */
static int find_reporter(const pc_ptree *t)
{
    int np = -1;
    for (int i = 0; i < t->n && np < 0; i++) {
        const pc_tnode *x = &t->node[i];
        if (is_leaf(t, i) || !base_is(x->label, "S"))
            continue;
        for (int c = x->first; c >= 0 && np < 0; c = t->node[c].next) {
            int lv[1];
            if (!np_before_vp(t, c))
                continue;
            leaves_of(t, t->node[c].next, lv, 1);
            if (is_reporting(t->node[lv[0]].word))
                np = c;
        }
    }
    if (np < 0) {
        np = find_subject(t);
        if (np < 0 || !is_name(t, np))
            return -1;
    }
    int lv[MAX_SUBJ_WORDS + 1], k = leaves_of(t, np, lv, MAX_SUBJ_WORDS);
    if (k < 1 || k > MAX_SUBJ_WORDS)
        return -1;
    for (int j = 0; j < k; j++)
        if (base_is(t->node[lv[j]].label, "CC") || base_is(t->node[lv[j]].label, ",") ||
            base_is(t->node[lv[j]].label, "-NONE-"))
            return -1;
    const pc_tnode *last = &t->node[lv[k - 1]];
    if (base_is(last->label, "PRP")) {
        static const char *const persons[] = {"he", "she", "they", "we", "I"};
        for (size_t j = 0; j < sizeof persons / sizeof *persons; j++)
            if (k == 1 && !strcasecmp(last->word, persons[j]))
                return np;
        return -1;
    }
    return is_noun(last->label) ? np : -1;
}

/* The clause of t that can take a reporter: the root's one child, an S with
 * a subject and a verb phrase, ending in a full stop, not too long.  -1 if
 * none. */
static int find_host(const pc_ptree *t)
{
    int s = t->node[0].first;
    if (s < 0 || t->node[s].next >= 0 || is_leaf(t, s) || !base_is(t->node[s].label, "S"))
        return -1;
    int lv[MAX_HOST_WORDS + 1];
    int k = leaves_of(t, s, lv, MAX_HOST_WORDS);
    if (k < 4 || k > MAX_HOST_WORDS || strcmp(t->node[lv[k - 1]].word, "."))
        return -1;
    int last = -1, subject = 0;
    for (int c = t->node[s].first; c >= 0; c = t->node[c].next) {
        subject |= np_before_vp(t, c);
        last = c;
    }
    return subject && is_leaf(t, last) ? s : -1;
}

/* How the reporter's verb phrase reads: tag, verb, what follows it (a
 * bracketed phrase or ""), and how often in a hundred. */
typedef struct report_verb {
    const char *tag, *verb, *rest;
    int weight, weekday;   /* a weekday's name follows the verb */
} report_verb;

static const report_verb report_verbs[] = {
    {"VBD", "said", "", 50, 0},
    {"VBZ", "says", "", 10, 0},
    {"VBD", "added", "", 8, 0},
    {"VBD", "said", " (PP (IN in) (NP (DT a) (NN statement)))", 8, 0},
    {"VBD", "said", "", 7, 1},
    {"VBD", "told", " (NP (NNS reporters))", 6, 0},
    {"VBD", "told", " (NP (NNP AFP))", 4, 0},
    {"VBD", "wrote", "", 4, 0},
    {"VBD", "announced", "", 3, 0},
};

static void emit_report_vp(emitter *e, const report_verb *v, uint64_t r)
{
    static const char *const days[] = {"Monday",   "Tuesday", "Wednesday", "Thursday",
                                       "Friday",   "Saturday", "Sunday"};
    put(e->b, " (VP");
    emit_pre(e, v->tag, v->verb);
    put(e->b, v->rest);
    if (v->weekday) {
        put(e->b, " (NP");
        emit_pre(e, "NNP", days[r % 7]);
        put(e->b, ")");
    }
    put(e->b, ")");
}

/* Host clause s of t with a reporter np of dt, bracketed as CoreNLP does:
 *   plain      (S (S clause) (, ,) (NP reporter) (VP said) (. .))
 *   inverted   (SINV (S clause) (, ,) (VP said) (NP reporter) (. .))
 *   quoted     (S (`` ``) (S clause) (, ,) ('' '') (NP reporter) (VP said) (. .))
 * (quoted and inverted too); the clause without its full stop. */
static int make_report(pc_treebank *tb, size_t ti, int s, size_t di, int np, uint64_t r,
                       pc_ptree *out, pc_wbuf *b)
{
    const pc_ptree *t = &tb->tree[ti], *dt = &tb->tree[di];
    int pick = (int)(r % 100), acc = 0;
    const report_verb *v = &report_verbs[0];
    for (size_t j = 0; j < sizeof report_verbs / sizeof *report_verbs; j++) {
        acc += report_verbs[j].weight;
        if (pick < acc) {
            v = &report_verbs[j];
            break;
        }
    }
    int shape = (int)((r >> 8) % 100), quoted = shape >= 70;
    int lv[1];
    leaves_of(dt, np, lv, 1);
    /* inverted only a bare verb before a noun reporter ("said he" is rare
     * in news) */
    int inverted = ((shape >= 50 && shape < 70) || shape >= 90) && !v->rest[0] && !v->weekday &&
                   !base_is(dt->node[lv[0]].label, "PRP");
    b->n = 0;
    emitter e = {b, 0, 0, NULL, -1, NULL};
    put(b, inverted ? "(ROOT (SINV" : "(ROOT (S");
    if (quoted)
        put(b, " (`` ``)");   /* the clause keeps its capital after it */
    put(b, " (S");
    int last = -1;
    for (int c = t->node[s].first; c >= 0; c = t->node[c].next)
        last = c;
    for (int c = t->node[s].first; c >= 0 && c != last; c = t->node[c].next)
        emit(&e, t, c);
    put(b, ")");
    emit_pre(&e, ",", ",");
    if (quoted)
        emit_pre(&e, "''", "''");
    if (inverted) {
        emit_report_vp(&e, v, r >> 16);
        emit(&e, dt, np);
    } else {
        emit(&e, dt, np);
        emit_report_vp(&e, v, r >> 16);
    }
    emit_pre(&e, ".", ".");
    put(b, "))");
    return read_back(tb, &e, out);
}

pc_status pc_treebank_augment_report(pc_treebank *tb, size_t count, unsigned seed, size_t *added,
                                     pc_error *err)
{
    if (added)
        *added = 0;
    size_t n = tb->n;
    if (count == 0 || n == 0)
        return PC_OK;
    donor *reporters = pc_malloc(n * sizeof *reporters);
    size_t *hosts = pc_malloc(n * sizeof *hosts);
    int *clause = pc_malloc(n * sizeof *clause);   /* each tree's host clause, or -1 */
    pc_wbuf b = {0};
    pc_status rc = PC_OK;
    if (!reporters || !hosts || !clause)
        goto oom;
    size_t nr = 0, nh = 0;
    for (size_t i = 0; i < n; i++) {
        int np = find_reporter(&tb->tree[i]);
        if (np >= 0)
            reporters[nr++] = (donor){(int)i, np, 0};
        clause[i] = find_host(&tb->tree[i]);
        if (clause[i] >= 0)
            hosts[nh++] = i;
    }
    if (nr == 0 || nh == 0)
        goto done;
    uint64_t rs = 0x5e9a0000u + seed;
    for (size_t made = 0, tried = 0; made < count && tried < 4 * count; tried++) {
        size_t hi = next_in_rounds(hosts, nh, tried, &rs);
        const donor *rep = &reporters[rnd(&rs) % nr];
        pc_ptree t;
        int ok = make_report(tb, hi, clause[hi], (size_t)rep->tree, rep->np, rnd(&rs), &t, &b);
        if (keep_made(tb, ok, &t, &made, added) < 0)
            goto oom;
    }
    goto done;
oom:
    rc = pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory augmenting trees");
done:
    pc_free(reporters);
    pc_free(hosts);
    pc_free(clause);
    pc_wbuf_free(&b);
    return rc;
}
