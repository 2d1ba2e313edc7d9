/* agents.c -- pc_read_agent_dictionary: a port of PETRreader.read_agent_dictionary.
 *
 *   "!MARKER! = A, B, C"         defines a substitution set (this file only);
 *   "WORDS {PLURAL} [CODE]"      an agent with an explicit ({} = no) plural;
 *   "WORDS [CODE]"               an agent with the automatic plural, computed
 *                                on agent = part[0].strip() + ' ' exactly as
 *                                PETRARCH2: ..Y -> ..IES, ..S -> ..SES, else +S;
 *   "PRE!MARKER!POST [CODE]"     one agent per member of the set.
 * Quirks kept: a marker line ALSO stores the phrase with the literal
 * "!MARKER!" in it, and stores the plural left over from the previous entry
 * (with this line's code) -- PETRARCH2 falls through to the common
 * store_agent(agent)/store_agent(plural) code.  The last entry for a phrase
 * wins (AgentDict[...]['#'] = code).
 */
#include <string.h>

#include "dicts.h"
#include "finreader.h"
#include "../util/error.h"

#define UNI PC_WS_UNICODE

typedef struct subst_set {
    size_t n;
    char **items;
} subst_set;

typedef struct gctx {
    pc_dicts *d;
    pc_fin fin;
    pc_arena *tmp;     /* reset for every line */
    pc_arena *keep;    /* the substitution sets and the plural, for the file */
    pc_dnode *subdict; /* marker -> subst_set (leaf) */
    char *plural;      /* NULL until the first entry defines it */
} gctx;

#define TRY(x)                                                                 \
    do {                                                                       \
        int r_ = (x);                                                          \
        if (r_)                                                                \
            return r_;                                                         \
    } while (0)

static const char enderr[] = " in .agents file ; line skipped";

/* store_agent: AgentDict[w1][w2]...['#'] = code */
static int store_agent(gctx *g, pc_span nounst, const char *code)
{
    char *r = pc_replace(g->tmp, nounst, "_", " ", -1);
    pc_span *w;
    long n = r ? pc_split_ws(g->tmp, pc_sz(r), UNI, &w) : -1;
    if (n < 0)
        return -1;
    pc_dnode *node = g->d->agents;
    for (long i = 0; i < n; i++) {
        char *k = pc_arena_strndup(g->tmp, w[i].p, w[i].n);
        if (!k)
            return -1;
        TRY(pc_fin_step(&g->fin, g->d->arena, &node, k));
    }
    /* (like Python's list["#"] = code this replaces even a '#' subtree) */
    return dn_set_leaf(g->d->arena, node, "#", (void *)code);
}

/* define_marker: "!NAME! = A, B" */
static int define_marker(gctx *g, pc_span line)
{
    long i = pc_find(line, "!", 0);
    if (pc_find(line, "!", (size_t)i + 1) < 0 || pc_find(line, "=", (size_t)i) < 0) {
        pc_fin_warn(&g->fin, "Substitution marker incorrectly defined%s", enderr);
        return 1;
    }
    size_t ka = (size_t)i + 1;
    long close = pc_find(line, "!", ka);
    char *marker = pc_arena_strndup(g->keep, line.p + ka, (size_t)close - ka);
    long eq = pc_find(line, "=", ka);
    pc_span loclist = pc_strip(pc_sp(line.p + eq + 1, line.n - (size_t)eq - 1), UNI);
    pc_span *items;
    long n = pc_split_sep(g->tmp, loclist, ",", &items);
    subst_set *s = pc_arena_calloc(g->keep, 1, sizeof *s);
    if (!marker || n < 0 || !s || !(s->items = pc_arena_calloc(g->keep, (size_t)n, sizeof *s->items)))
        return -1;
    s->n = (size_t)n;
    for (long k = 0; k < n; k++) {
        pc_span it = pc_strip(items[k], UNI);
        if (!(s->items[k] = pc_arena_strndup(g->keep, it.p, it.n)))
            return -1;
    }
    return dn_set_leaf(g->keep, g->subdict, marker, s);
}

/* store_marker: one agent per member of the set named between the '!'s. */
static int store_marker(gctx *g, pc_span agent, const char *code)
{
    long a = pc_find(agent, "!", 0);
    long b = pc_find(agent, "!", (size_t)a + 1);
    if (b < 0) {
        pc_fin_warn(&g->fin, "Substitution marker syntax incorrect%s", enderr);
        return 0; /* PETRARCH2 returns and goes on with the line */
    }
    char *name = pc_arena_strndup(g->tmp, agent.p + a + 1, (size_t)(b - a - 1));
    if (!name)
        return -1;
    const dn_entry *e = dn_get(g->subdict, name);
    if (!e) {
        pc_fin_warn(&g->fin, "Substitution marker !%s! missing in .agents file; line skipped", name);
        return 0;
    }
    const subst_set *s = e->v.leaf;
    for (size_t k = 0; k < s->n; k++) {
        pc_span parts[3] = {pc_sp(agent.p, (size_t)a), pc_sz(s->items[k]),
                            pc_sp(agent.p + b + 1, agent.n - (size_t)b - 1)};
        char *full = pc_concat(g->tmp, 3, parts);
        if (!full)
            return -1;
        TRY(store_agent(g, pc_sz(full), code));
    }
    return 0;
}

/* s.strip() + ' ' in the scratch arena */
static char *strip_space(gctx *g, pc_span s)
{
    pc_span parts[2] = {pc_strip(s, UNI), pc_sz(" ")};
    return pc_concat(g->tmp, 2, parts);
}

static int agent_line(gctx *g, pc_span line)
{
    if (pc_contains(line, "!") && pc_contains(line, "="))
        return define_marker(g, line);
    long lb = pc_find(line, "[", 0);
    if (lb < 0) {
        pc_fin_warn(&g->fin, "Codes are required for agents%s", enderr);
        return 1;
    }
    pc_span before = pc_sp(line.p, (size_t)lb);
    pc_span after = pc_sp(line.p + lb + 1, line.n - (size_t)lb - 1);
    long rb = pc_find(after, "]", 0);
    pc_span code = pc_strip(rb >= 0 ? pc_sp(after.p, (size_t)rb) : after, UNI);
    const char *codes = pc_arena_strndup(g->d->arena, code.p, code.n);
    char *agent = strip_space(g, before);
    if (!codes || !agent)
        return -1;
    if (pc_contains(before, "!")) {
        TRY(store_marker(g, pc_sz(agent), codes));
    } else if (pc_contains(before, "{")) {
        long ob = pc_find(before, "{", 0), cb = pc_find(before, "}", 0);
        if (cb < 0) {
            pc_fin_warn(&g->fin, "Missing '}'%s", enderr);
            return 1;
        }
        agent = strip_space(g, pc_sp(before.p, (size_t)ob));
        pc_span pl = pc_sp(before.p + ob + 1, cb > ob ? (size_t)(cb - ob - 1) : 0);
        pl = pc_strip(pl, UNI);
        g->plural = pc_arena_strndup(g->keep, pl.p, pl.n);
        if (!agent || !g->plural)
            return -1;
    } else {
        size_t n = strlen(agent);
        if (n < 2) {
            pc_fin_warn(&g->fin, "agent without a phrase (PETRARCH2 fails on agent[-2])%s", enderr);
            return 1;
        }
        pc_span parts[2] = {pc_sp(agent, n - 1), pc_sz("S")};
        if (agent[n - 2] == 'Y')
            parts[0].n--, parts[1] = pc_sz("IES");
        else if (agent[n - 2] == 'S')
            parts[1] = pc_sz("ES");
        if (!(g->plural = pc_concat(g->keep, 2, parts)))
            return -1;
    }
    TRY(store_agent(g, pc_sz(agent), codes));
    if (!g->plural) {
        pc_fin_warn(&g->fin, "marker entry before any plural was defined "
                             "(PETRARCH2 fails with UnboundLocalError)");
        return 1;
    }
    if (g->plural[0]) /* store_agent(plural + ' ', code) */
        TRY(store_agent(g, pc_sz(g->plural), codes));
    return 0;
}

pc_status pc_read_agent_dictionary(pc_dicts *d, const char *path, pc_warn_fn warn, void *ud,
                                   pc_error *err)
{
    gctx g;
    memset(&g, 0, sizeof g);
    g.d = d;
    pc_status st = pc_fin_open(&g.fin, path, 1, warn, ud, err);
    if (st != PC_OK)
        return st;
    g.tmp = pc_arena_new(0);
    g.keep = pc_arena_new(0);
    g.subdict = g.keep ? dn_new(g.keep) : NULL;
    int r = (g.tmp && g.subdict) ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&g.fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        r = agent_line(&g, line);
        if (r > 0)
            r = 0;
        pc_arena_reset(g.tmp);
    }
    pc_arena_free(g.tmp);
    pc_arena_free(g.keep);
    pc_fin_close(&g.fin);
    if (r < 0)
        return pc_error_set(err, PC_ERR_NOMEM, path, g.fin.lineno, NULL, "out of memory");
    return PC_OK;
}
