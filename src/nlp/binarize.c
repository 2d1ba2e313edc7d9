/* binarize.c -- see binarize.h. */
#include "nlp/binarize.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/alloc.h"

int pc_labels_find(const pc_labels *l, const char *name)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->name[i], name) == 0)
            return i;
    return -1;
}

int pc_labels_add(pc_labels *l, const char *name)
{
    int i = pc_labels_find(l, name);
    if (i >= 0)
        return i;
    if (l->n == PC_MAX_LABELS || strlen(name) >= PC_LABEL_LEN || !name[0])
        return -1;
    strcpy(l->name[l->n], name);
    l->phrase[l->n] = 0;
    return l->n++;
}

const char *pc_label_base(const char *label, char *buf, size_t cap)
{
    size_t n = 0;
    if (label[0] == '-')
        n = strlen(label);
    else
        while (label[n] && label[n] != '-' && label[n] != '=')
            n++;
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, label, n);
    buf[n] = '\0';
    return buf;
}

/* ------------------------------------------------------------ head rules */

/* Collins (1999) head rules as usually given (Bikel's / CoreNLP's table):
 * for each category of the list in turn, search the children from the left
 * (L) or from the right (R); none found: the first (L) or last (R) child. */
typedef struct hrule {
    const char *parent;
    char dir;
    const char *cats;   /* space separated */
} hrule;

static const hrule RULES[] = {
    {"ADJP", 'L', "NNS QP NN $ ADVP JJ VBN VBG ADJP JJR NP JJS DT FW RBR RBS SBAR RB"},
    {"ADVP", 'R', "RB RBR RBS FW ADVP TO CD JJR JJ IN NP JJS NN"},
    {"CONJP", 'R', "CC RB IN"},
    {"FRAG", 'R', ""},
    {"INTJ", 'L', ""},
    {"LST", 'R', "LS :"},
    {"NAC", 'L', "NN NNS NNP NNPS NP NAC EX $ CD QP PRP VBG JJ JJS JJR ADJP FW"},
    {"NX", 'L', ""},
    {"PP", 'R', "IN TO VBG VBN RP FW"},
    {"PRN", 'L', ""},
    {"PRT", 'R', "RP"},
    {"QP", 'L', "$ IN NNS NN JJ RB DT CD NCD QP JJR JJS"},
    {"RRC", 'R', "VP NP ADVP ADJP PP"},
    {"S", 'L', "TO IN VP S SBAR ADJP UCP NP"},
    {"SBAR", 'L', "WHNP WHPP WHADVP WHADJP IN DT S SQ SINV SBAR FRAG"},
    {"SBARQ", 'L', "SQ S SINV SBARQ FRAG"},
    {"SINV", 'L', "VBZ VBD VBP VB MD VP S SINV ADJP NP"},
    {"SQ", 'L', "VBZ VBD VBP VB MD VP SQ"},
    {"UCP", 'R', ""},
    {"VP", 'L', "TO VBD VBN MD VBZ VB VBG VBP VP ADJP NN NNS NP"},
    {"WHADJP", 'L', "CC WRB JJ ADJP"},
    {"WHADVP", 'R', "CC WRB"},
    {"WHNP", 'L', "WDT WP WP$ WHADJP WHPP WHNP"},
    {"WHPP", 'R', "IN TO FW"},
    {"X", 'R', ""},
};

static int cat_is(const char *kid, const char *cat, size_t len)
{
    return strlen(kid) == len && memcmp(kid, cat, len) == 0;
}

/* first child (from dir) whose label is one of cats (any of them: anyof=1) */
static int search(const char *const *kids, int nk, char dir, const char *cats, int anyof)
{
    if (anyof) {
        for (int s = 0; s < nk; s++) {
            int i = dir == 'L' ? s : nk - 1 - s;
            for (const char *c = cats; *c;) {
                size_t len = strcspn(c, " ");
                if (cat_is(kids[i], c, len))
                    return i;
                c += len;
                while (*c == ' ')
                    c++;
            }
        }
        return -1;
    }
    for (const char *c = cats; *c;) {
        size_t len = strcspn(c, " ");
        for (int s = 0; s < nk; s++) {
            int i = dir == 'L' ? s : nk - 1 - s;
            if (cat_is(kids[i], c, len))
                return i;
        }
        c += len;
        while (*c == ' ')
            c++;
    }
    return -1;
}

int pc_head_child(const char *parent, const char *const *kids, int nk)
{
    if (nk <= 1)
        return 0;
    if (strcmp(parent, "NP") == 0 || strcmp(parent, "NML") == 0) {
        /* Collins' NP rule */
        if (strcmp(kids[nk - 1], "POS") == 0)
            return nk - 1;
        int h = search(kids, nk, 'R', "NN NNP NNPS NNS NML NX POS JJR", 1);
        if (h < 0)
            h = search(kids, nk, 'L', "NP", 1);
        if (h < 0)
            h = search(kids, nk, 'R', "$ ADJP PRN", 1);
        if (h < 0)
            h = search(kids, nk, 'R', "CD", 1);
        if (h < 0)
            h = search(kids, nk, 'R', "JJ JJS RB QP", 1);
        return h < 0 ? nk - 1 : h;
    }
    for (size_t r = 0; r < sizeof RULES / sizeof RULES[0]; r++)
        if (strcmp(RULES[r].parent, parent) == 0) {
            int h = search(kids, nk, RULES[r].dir, RULES[r].cats, 0);
            if (h >= 0)
                return h;
            return RULES[r].dir == 'L' ? 0 : nk - 1;
        }
    return 0;
}

/* ------------------------------------------------------------ binarize */

static int is_root_label(const char *l)
{
    return !l[0] || strcmp(l, "ROOT") == 0 || strcmp(l, "TOP") == 0;
}

int pc_binarize(const pc_ptree *t, pc_labels *lab, pc_arena *a, pc_btree *out, pc_error *err)
{
    int n = t->n;
    memset(out, 0, sizeof *out);
    /* top[i]: the binary node standing for tree node i (-1: removed) */
    int *top = pc_calloc((size_t)n + 1, sizeof *top);
    int *ulen = NULL;     /* unary chain length on top of each binary node */
    const char **base = pc_malloc(((size_t)n + 1) * sizeof *base);
    int *kid = pc_malloc(((size_t)n + 1) * sizeof *kid);
    const char **kl = pc_malloc(((size_t)n + 1) * sizeof *kl);
    /* at most n leaves + (n - 1) binary + n unary nodes */
    size_t cap = 3 * (size_t)n + 4;
    out->node = pc_arena_alloc(a, cap * sizeof *out->node);
    ulen = pc_malloc(cap * sizeof *ulen);
    int nw = pc_ptree_leaves(t, NULL, NULL);
    out->word = pc_arena_alloc(a, ((size_t)nw + 1) * sizeof *out->word);
    out->tag = pc_arena_alloc(a, ((size_t)nw + 1) * sizeof *out->tag);
    int rc = -1;
    if (!top || !base || !kid || !kl || !out->node || !ulen || !out->word || !out->tag) {
        pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
        goto done;
    }
    char buf[PC_LABEL_LEN + 8];
    for (int i = 0; i < n; i++) {
        base[i] = pc_arena_strdup(a, pc_label_base(t->node[i].label, buf, sizeof buf));
        if (!base[i]) {
            pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
            goto done;
        }
    }
    /* words in order (pre-order), skipping -NONE- */
    int w = 0;
    int *widx = kid;   /* borrowed: word index of each leaf */
    for (int i = 0; i < n; i++)
        if (t->node[i].word) {
            if (strcmp(base[i], "-NONE-") == 0) {
                widx[i] = -1;
                continue;
            }
            out->word[w] = t->node[i].word;
            out->tag[w] = base[i];
            widx[i] = w++;
        }
    out->n_words = w;
    int nb = 0;
    /* children come after their parent in pre-order: go backwards */
    for (int i = n - 1; i >= 0; i--) {
        const pc_tnode *x = &t->node[i];
        if (x->word) {
            if (widx[i] < 0) {
                top[i] = -1;
                continue;
            }
            int id = pc_labels_add(lab, base[i]);
            if (id < 0)
                goto badlabel;
            out->node[nb] = (pc_bnode){(int16_t)id, 0, 0, -1, -1, widx[i]};
            ulen[nb] = 0;
            top[i] = nb++;
            continue;
        }
        int nk = 0;
        int kids[512];
        for (int c = x->first; c >= 0; c = t->node[c].next)
            if (top[c] >= 0) {
                if (nk == 512) {
                    pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "a constituent with over 512 children");
                    goto done;
                }
                kids[nk++] = c;
            }
        if (nk == 0) {
            top[i] = -1;
            continue;
        }
        const char *label = base[i];
        if (i == 0 && is_root_label(label)) {
            if (nk == 1) {
                top[i] = top[kids[0]];
                continue;
            }
            label = "FRAG";   /* a ROOT over several constituents */
        }
        if (!label[0])
            goto badlabel;
        int id = pc_labels_add(lab, label);
        if (id < 0)
            goto badlabel;
        lab->phrase[id] = 1;
        if (nk == 1) {
            int c = top[kids[0]];
            if (out->node[c].label == id || ulen[c] >= PC_MAX_UNARY) {
                top[i] = c;   /* X -> X, or a chain too long: dropped */
                continue;
            }
            out->node[nb] = (pc_bnode){(int16_t)id, 0, 0, c, -1, -1};
            ulen[nb] = ulen[c] + 1;
            top[i] = nb++;
            continue;
        }
        for (int k = 0; k < nk; k++)
            kl[k] = base[kids[k]];
        int h = pc_head_child(label, kl, nk);
        int cur = top[kids[h]];
        int left_todo = h, right_todo = nk - 1 - h;
        for (int k = h - 1; k >= 0; k--) {
            int last = --left_todo == 0 && right_todo == 0;
            out->node[nb] = (pc_bnode){(int16_t)id, (uint8_t)!last, 0, top[kids[k]], cur, -1};
            ulen[nb] = 0;
            cur = nb++;
        }
        for (int k = h + 1; k < nk; k++) {
            int last = --right_todo == 0;
            out->node[nb] = (pc_bnode){(int16_t)id, (uint8_t)!last, 1, cur, top[kids[k]], -1};
            ulen[nb] = 0;
            cur = nb++;
        }
        top[i] = cur;
    }
    if (n == 0 || top[0] < 0) {
        pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "a tree without words");
        goto done;
    }
    /* the root must be the last node: it is, unless ROOT's child was reused */
    if (top[0] != nb - 1) {
        pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "internal: root is not last");
        goto done;
    }
    out->n = nb;
    rc = 0;
    goto done;
badlabel:
    pc_error_set(err, PC_ERR_PARSE, NULL, 0, NULL, "an unlabelled constituent or a label "
                 "table overflow (over %d labels or a label over %d bytes)",
                 PC_MAX_LABELS, PC_LABEL_LEN - 1);
done:
    pc_free(top);
    pc_free(ulen);
    pc_free(base);
    pc_free(kid);
    pc_free(kl);
    return rc;
}

/* ------------------------------------------------------------ unbinarize */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->oom)
        return;
    if (b->n + l + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->n + l + 1)
            c *= 2;
        char *np = pc_realloc(b->p, c);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = c;
    }
    memcpy(b->p + b->n, s, l + 1);
    b->n += l;
}

char *pc_unbinarize(const pc_btree *b, int root, const pc_labels *lab,
                    const char *const *words, const char *const *tags, pc_arena *a)
{
    if (!words)
        words = b->word;
    if (!tags)
        tags = b->tag;
    sbuf s = {0};
    put(&s, "(ROOT");
    /* stack entries: node*2 + closing */
    int *st = pc_malloc(((size_t)b->n * 2 + 2) * sizeof *st);
    if (!st || root < 0 || root >= b->n) {
        pc_free(st);
        return NULL;
    }
    int sp = 0;
    st[sp++] = root * 2;
    while (sp > 0) {
        int e = st[--sp];
        const pc_bnode *x = &b->node[e / 2];
        if (e & 1) {
            if (!x->temp)
                put(&s, ")");
            continue;
        }
        if (x->word >= 0) {
            put(&s, " (");
            put(&s, tags[x->word]);
            put(&s, " ");
            put(&s, words[x->word]);
            put(&s, ")");
            continue;
        }
        if (!x->temp) {
            put(&s, " (");
            put(&s, lab->name[x->label]);
        }
        st[sp++] = e | 1;
        if (x->right >= 0)
            st[sp++] = x->right * 2;
        if (x->left >= 0)
            st[sp++] = x->left * 2;
    }
    put(&s, ")");
    pc_free(st);
    char *r = s.oom ? NULL : pc_arena_strdup(a, s.p);
    pc_free(s.p);
    return r;
}
