/* lint_agents.c -- the agent dictionary, read as PETRARCH2's
 * read_agent_dictionary does (see src/dict/agents.c):
 *   "WORDS [CODE]", "WORDS {PLURAL} [CODE]", "!MARKER! = A, B",
 *   "PRE!MARKER!POST [CODE]".
 * Checks: the code's form (PETRARCH2 takes a code not starting with '~' as
 * an actor code), a missing ']', and phrases -- or the plurals PETRARCH2
 * makes of them -- that another line gives a different code (the last line
 * wins). */
#include <string.h>

#include "dict/dnode.h"
#include "dict/finreader.h"
#include "lint.h"
#include "util/error.h"

#define UNI PC_WS_UNICODE

typedef struct agent_ent {
    long line;
    const char *code;
    int plural;
} agent_ent;

typedef struct gl {
    pc_lint *l;
    const char *file;
    pc_arena *tmp, *keep;
    pc_dnode *seen;
} gl;

/* phrase.replace('_', ' ').split() joined by ' ' */
static char *key_of(pc_arena *a, pc_span s)
{
    char *r = pc_replace(a, s, "_", " ", -1);
    pc_span *w;
    long n = r ? pc_split_ws(a, pc_sz(r), UNI, &w) : -1;
    if (n < 0)
        return NULL;
    size_t len = 1;
    for (long i = 0; i < n; i++)
        len += w[i].n + 1;
    char *k = pc_arena_alloc(a, len);
    if (!k)
        return NULL;
    size_t o = 0;
    for (long i = 0; i < n; i++) {
        if (i)
            k[o++] = ' ';
        memcpy(k + o, w[i].p, w[i].n);
        o += w[i].n;
    }
    k[o] = '\0';
    return k;
}

static int remember(gl *g, pc_span phrase, const char *code, long ln, int plural)
{
    char *key = key_of(g->keep, phrase);
    if (!key)
        return -1;
    if (!key[0])
        return 0;
    const dn_entry *e = dn_get(g->seen, key);
    if (e) {
        agent_ent *old = e->v.leaf;
        if (strcmp(old->code, code) != 0)
            pc_lint_add(g->l, PC_LINT_WARNING, "duplicate", g->file, ln,
                        "agent '%s'%s is already on line %ld%s with code %s: PETRARCH2 keeps "
                        "the last, so %s never applies to it", key,
                        plural ? " (the plural PETRARCH2 makes)" : "", old->line,
                        old->plural ? " (as a plural)" : "", old->code, old->code);
        old->line = ln;
        old->code = code;
        old->plural = plural;
        return 0;
    }
    agent_ent *ent = pc_arena_alloc(g->keep, sizeof *ent);
    if (!ent)
        return -1;
    ent->line = ln;
    ent->code = code;
    ent->plural = plural;
    return dn_set_leaf(g->keep, g->seen, key, ent);
}

static int agent_line(gl *g, pc_span line, long ln)
{
    if (pc_contains(line, "!") && pc_contains(line, "="))
        return 0; /* a marker definition */
    long lb = pc_find(line, "[", 0);
    if (lb < 0)
        return 0; /* (the reader reports it) */
    pc_span before = pc_sp(line.p, (size_t)lb);
    pc_span after = pc_sp(line.p + lb + 1, line.n - (size_t)lb - 1);
    long rb = pc_find(after, "]", 0);
    if (rb < 0)
        pc_lint_add(g->l, PC_LINT_WARNING, "syntax", g->file, ln,
                    "agent code without ']': PETRARCH2 takes the rest of the line as the code");
    pc_span cs = pc_strip(rb >= 0 ? pc_sp(after.p, (size_t)rb) : after, UNI);
    char *code = pc_arena_strndup(g->keep, cs.p, cs.n);
    if (!code)
        return -1;
    if (code[0] && !pc_lint_agent_code_ok(code)) {
        size_t n = strlen(code);
        if (code[n - 1] == '~')
            pc_lint_add(g->l, PC_LINT_WARNING, "actor-code", g->file, ln,
                        "agent code '%s' does not start with '~': PETRARCH2 uses it as the "
                        "actor code '%s' (PETRARCH1's prefix form is not supported)", code, code);
        else
            pc_lint_add(g->l, PC_LINT_WARNING, "actor-code", g->file, ln,
                        "'%s' is not a well-formed agent code ('~' and upper-case letters and "
                        "digits in groups of three)", code);
    }
    if (pc_contains(before, "!"))
        return 0; /* one agent per marker member: not compared */
    long ob = pc_find(before, "{", 0);
    if (ob >= 0) {
        long cb = pc_find(before, "}", 0);
        if (cb < 0)
            return 0; /* (the reader reports it) */
        if (remember(g, pc_sp(before.p, (size_t)ob), code, ln, 0) < 0)
            return -1;
        pc_span pl = pc_strip(pc_sp(before.p + ob + 1, cb > ob ? (size_t)(cb - ob - 1) : 0), UNI);
        return pl.n ? remember(g, pl, code, ln, 1) : 0;
    }
    pc_span agent = pc_strip(before, UNI);
    if (agent.n == 0)
        return 0;
    if (remember(g, agent, code, ln, 0) < 0)
        return -1;
    /* the automatic plural: ..Y -> ..IES, ..S -> ..SES, else ..S */
    pc_span parts[2] = {agent, pc_sz("S")};
    if (agent.p[agent.n - 1] == 'Y')
        parts[0].n--, parts[1] = pc_sz("IES");
    else if (agent.p[agent.n - 1] == 'S')
        parts[1] = pc_sz("ES");
    char *pl = pc_concat(g->tmp, 2, parts);
    return pl ? remember(g, pc_sz(pl), code, ln, 1) : -1;
}

pc_status pc_lint_agents(pc_lint *l, const char *path, pc_error *err)
{
    pc_lint_file *lf = pc_lint_begin_file(l, path, "agents");
    if (!lf)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    gl g = {.l = l, .file = lf->path};
    pc_fin fin;
    pc_status st = pc_fin_open(&fin, path, 1, NULL, NULL, err);
    if (st != PC_OK)
        return st;
    g.tmp = pc_arena_new(0);
    g.keep = pc_arena_new(0);
    g.seen = g.keep ? dn_new(g.keep) : NULL;
    int r = g.tmp && g.seen ? 0 : -1;
    pc_span line;
    while (r >= 0) {
        int got = pc_fin_read_line(&fin, &line);
        if (got <= 0) {
            r = got;
            break;
        }
        r = agent_line(&g, line, fin.lineno);
        pc_arena_reset(g.tmp);
    }
    lf->lines = pc_lint_lines(fin.buf, fin.len);
    pc_fin_close(&fin);
    pc_arena_free(g.tmp);
    pc_arena_free(g.keep);
    if (r < 0 || l->oom)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    return pc_lint_reader(l, path, "agents", err);
}
