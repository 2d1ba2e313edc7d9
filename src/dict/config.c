/* config.c -- pc_config: PETRARCH2's parse_Config on top of a port of Python
 * 2.7's ConfigParser (see config.h for why not inih).
 *
 * parse_Config semantics kept:
 *   - [Dictionaries] verbfile_name, agentfile_name, discardfile_name and
 *     actorfile_list are required (checked in that order); actorfile_list is
 *     split on ", " exactly (so "a.txt,b.txt" is ONE name, and a continued
 *     value keeps its '\n'); issuefile_name is optional.
 *   - [Options] booleans are ConfigParser words (1/yes/true/on,
 *     0/no/false/off, any case); absent means False except require_dyad
 *     (True); a bad value is an error, as PETRARCH2 exits on it.
 *   - code_by_sentence is True when the option is present, whatever its value.
 *   - Of comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax
 *     only the FIRST present one (in that order) is read: parse_Config uses an
 *     if/elif chain.  The rest keep their defaults (2, 8, 0, 0, 2, 8).
 * PETRARCH2 also requires [StanfordNLP] stanford_dir, eventfile_name and a
 * text file list; petrarch-c takes its input and output elsewhere, so those
 * are not required here.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/arena.h"
#include "../util/alloc.h"
#include "../util/error.h"

/* =============================================== ConfigParser emulation */

typedef struct ini_opt {
    char *name;  /* lower-cased (optionxform) */
    char *value; /* continuation lines joined with '\n' */
} ini_opt;

typedef struct ini_sect {
    char *name;
    ini_opt *opts;
    size_t n, cap;
} ini_sect;

struct pc_ini {
    pc_arena *a;
    const char *fname;
    ini_sect defaults; /* [DEFAULT] */
    ini_sect *sects;
    size_t n, cap;
};

/* Python 2 str.isspace() / \s: ASCII " \t\n\r\v\f". */
static int bspace(int c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

static int blower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static char *lower_dup(pc_arena *a, const char *s, size_t n)
{
    char *o = pc_arena_strndup(a, s, n);
    if (o)
        for (size_t i = 0; i < n; i++)
            o[i] = (char)blower((unsigned char)o[i]);
    return o;
}

static void strip(const char **s, size_t *n)
{
    while (*n && bspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && bspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

static ini_sect *find_sect(const pc_ini *ini, const char *name, size_t n)
{
    for (size_t i = 0; i < ini->n; i++)
        if (strlen(ini->sects[i].name) == n && memcmp(ini->sects[i].name, name, n) == 0)
            return &ini->sects[i];
    return NULL;
}

static ini_opt *find_opt(const ini_sect *s, const char *name)
{
    for (size_t i = 0; s && i < s->n; i++)
        if (strcmp(s->opts[i].name, name) == 0)
            return &s->opts[i];
    return NULL;
}

/* cursect[name] = value (replacing).  The returned pointer is stable only
 * until the next set on this section. */
static ini_opt *set_opt(pc_arena *a, ini_sect *s, char *name, char *value)
{
    ini_opt *o = find_opt(s, name);
    if (!o) {
        if (s->n == s->cap) {
            size_t ncap = s->cap ? s->cap * 2 : 16;
            ini_opt *no = pc_arena_realloc(a, s->opts, s->cap * sizeof *no, ncap * sizeof *no);
            if (!no)
                return NULL;
            s->opts = no;
            s->cap = ncap;
        }
        o = &s->opts[s->n++];
        o->name = name;
    }
    o->value = value;
    return o;
}

static ini_sect *add_sect(pc_ini *ini, const char *name, size_t n)
{
    if (ini->n == ini->cap) {
        size_t ncap = ini->cap ? ini->cap * 2 : 8;
        ini_sect *ns = pc_arena_realloc(ini->a, ini->sects, ini->cap * sizeof *ns, ncap * sizeof *ns);
        if (!ns)
            return NULL;
        ini->sects = ns;
        ini->cap = ncap;
    }
    ini_sect *s = &ini->sects[ini->n++];
    memset(s, 0, sizeof *s);
    s->name = pc_arena_strndup(ini->a, name, n);
    /* ConfigParser stores the section name as option "__name__". */
    char *k = pc_arena_strdup(ini->a, "__name__");
    if (!s->name || !k || !set_opt(ini->a, s, k, s->name))
        return NULL;
    return s;
}

void pc_ini_free(pc_ini *ini)
{
    if (ini)
        pc_arena_free(ini->a);
}

/* One option line "name [:=] value" as OPTCRE matches it.  0 on no match. */
static int match_option(const char *l, size_t n, size_t *name_n, const char **val, size_t *val_n)
{
    if (n == 0 || l[0] == ':' || l[0] == '=' || bspace((unsigned char)l[0]))
        return 0;
    size_t k = 0;
    while (k < n && l[k] != ':' && l[k] != '=')
        k++;
    if (k == n)
        return 0;
    *name_n = k;
    size_t v = k + 1;
    while (v < n && bspace((unsigned char)l[v]))
        v++;
    size_t e = n;
    if (e > v && l[e - 1] == '\n') /* `.*` stops before the newline */
        e--;
    *val = l + v;
    *val_n = e - v;
    return 1;
}

pc_ini *pc_ini_parse(const char *text, size_t len, const char *name, pc_error *err)
{
    pc_arena *a = pc_arena_new(0);
    pc_ini *ini = a ? pc_arena_calloc(a, 1, sizeof *ini) : NULL;
    if (!ini) {
        pc_arena_free(a);
        pc_error_set(err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
        return NULL;
    }
    ini->a = a;
    ini->fname = name;
    ini->defaults.name = "DEFAULT";
    ini_sect *cur = NULL;
    ini_opt *opt = NULL; /* optname: the option continuation lines extend */
    long lineno = 0, bad = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *l = text + pos;
        const char *nl = memchr(l, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - l) + 1 : len - pos;
        pos += n;
        lineno++;
        const char *s = l;
        size_t sn = n;
        strip(&s, &sn);
        if (sn == 0 || l[0] == '#' || l[0] == ';')
            continue;
        if (l[0] == 'r' || l[0] == 'R') { /* "rem" comments */
            size_t w = 0;
            while (w < n && !bspace((unsigned char)l[w]))
                w++;
            if (w == 3 && blower(l[1]) == 'e' && blower(l[2]) == 'm')
                continue;
        }
        if (bspace((unsigned char)l[0]) && cur && opt) {
            size_t vn = strlen(opt->value);
            char *v = pc_arena_alloc(a, vn + 1 + sn + 1);
            if (!v)
                goto oom;
            memcpy(v, opt->value, vn);
            v[vn] = '\n';
            memcpy(v + vn + 1, s, sn);
            v[vn + 1 + sn] = '\0';
            opt->value = v;
            continue;
        }
        if (l[0] == '[') { /* SECTCRE: \[ (?P<header>[^]]+) \] */
            const char *close = memchr(l + 1, ']', n - 1);
            if (close && close > l + 1) {
                size_t hn = (size_t)(close - l - 1);
                if (hn == 7 && memcmp(l + 1, "DEFAULT", 7) == 0)
                    cur = &ini->defaults;
                else if (!(cur = find_sect(ini, l + 1, hn)) && !(cur = add_sect(ini, l + 1, hn)))
                    goto oom;
                opt = NULL;
                continue;
            }
        }
        if (!cur) {
            pc_ini_free(ini);
            pc_error_set(err, PC_ERR_CONFIG, name, lineno, NULL,
                         "%s:%ld: file contains no section headers", name, lineno);
            return NULL;
        }
        size_t nn, vn;
        const char *v;
        if (!match_option(l, n, &nn, &v, &vn)) {
            if (!bad)
                bad = lineno; /* ConfigParser goes on and raises at the end */
            continue;
        }
        while (nn && bspace((unsigned char)l[nn - 1]))
            nn--;
        /* ';' starts a comment only if the char before the first ';' is a
         * space -- and for a leading ';' Python's optval[-1] is the LAST char. */
        const char *semi = memchr(v, ';', vn);
        if (semi) {
            size_t p = (size_t)(semi - v);
            if (bspace((unsigned char)(p ? v[p - 1] : v[vn - 1])))
                vn = p;
        }
        strip(&v, &vn);
        if (vn == 2 && v[0] == '"' && v[1] == '"')
            vn = 0;
        char *key = lower_dup(a, l, nn);
        char *val = pc_arena_strndup(a, v, vn);
        if (!key || !val || !(opt = set_opt(a, cur, key, val)))
            goto oom;
    }
    if (bad) {
        pc_ini_free(ini);
        pc_error_set(err, PC_ERR_CONFIG, name, bad, NULL,
                     "%s:%ld: line cannot be parsed as an option", name, bad);
        return NULL;
    }
    return ini;
oom:
    pc_ini_free(ini);
    pc_error_set(err, PC_ERR_NOMEM, name, 0, NULL, "out of memory");
    return NULL;
}

static const ini_sect *section(const pc_ini *ini, const char *section)
{
    if (!section[0] || strcmp(section, "DEFAULT") == 0)
        return &ini->defaults;
    return find_sect(ini, section, strlen(section));
}

int pc_ini_has(const pc_ini *ini, const char *sect, const char *option)
{
    const ini_sect *s = section(ini, sect);
    if (!s)
        return 0;
    char key[256];
    size_t n = strlen(option);
    if (n >= sizeof key)
        return 0;
    for (size_t i = 0; i <= n; i++)
        key[i] = (char)blower((unsigned char)option[i]);
    return find_opt(s, key) || find_opt(&ini->defaults, key);
}

/* vars[key] for interpolation: the section, then [DEFAULT]. */
static const char *lookup_var(const pc_ini *ini, const ini_sect *s, const char *key, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        return NULL;
    memcpy(buf, key, n);
    buf[n] = '\0';
    const ini_opt *o = find_opt(s, buf);
    if (!o)
        o = find_opt(&ini->defaults, buf);
    return o ? o->value : NULL;
}

/* Longest value %(name)s interpolation may make (a real one is a path). */
#define MAX_INTERPOLATED (1 << 20)

/* One round of ConfigParser._interpolate: lower-case the names in
 * "%(name)s" (its _KEYCRE.sub) and apply `value % vars`.  Only "%(name)s"
 * and "%%" are supported; Python would raise (or format oddly) on the rest. */

static char *interpolate_once(pc_ini *ini, const ini_sect *s, const char *v, pc_error *err,
                              const char *option)
{
    size_t cap = strlen(v) + 1, o = 0;
    char *out = pc_malloc(cap);
    if (!out)
        goto oom;
    for (size_t i = 0; v[i];) {
        const char *piece = v + i;
        size_t pn = 1;
        if (v[i] == '%') {
            if (v[i + 1] == '%') {
                pn = 1;
                i += 2;
            } else if (v[i + 1] == '(') {
                const char *close = strchr(v + i + 2, ')');
                if (!close || close[1] != 's' || memchr(v + i + 2, '(', (size_t)(close - v - i - 2)))
                    goto bad;
                size_t kn = (size_t)(close - v - i - 2);
                char key[256];
                if (kn >= sizeof key)
                    goto bad;
                for (size_t k = 0; k < kn; k++)
                    key[k] = (char)blower((unsigned char)v[i + 2 + k]);
                piece = lookup_var(ini, s, key, kn);
                if (!piece) {
                    pc_free(out);
                    pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                                 "bad interpolation: option '%s' refers to missing '%.*s'",
                                 option, (int)kn, key);
                    return NULL;
                }
                pn = strlen(piece);
                i = (size_t)(close - v) + 2;
            } else {
                goto bad;
            }
        } else {
            i++;
        }
        if (o + pn + 1 > MAX_INTERPOLATED) {
            /* %(x)s values referring to each other grow exponentially over
             * the 10 rounds (ConfigParser would take gigabytes too) */
            pc_free(out);
            pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                         "option '%s': %%(name)s interpolation makes a value over %d bytes",
                         option, MAX_INTERPOLATED);
            return NULL;
        }
        if (o + pn + 1 > cap) {
            while (o + pn + 1 > cap)
                cap *= 2;
            char *no = pc_realloc(out, cap);
            if (!no)
                goto oom;
            out = no;
        }
        memcpy(out + o, piece, pn);
        o += pn;
    }
    out[o] = '\0';
    return out;
bad:
    pc_free(out);
    pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                 "option '%s': unsupported %% interpolation in '%s'", option, v);
    return NULL;
oom:
    pc_free(out);
    pc_error_set(err, PC_ERR_NOMEM, ini->fname, 0, NULL, "out of memory");
    return NULL;
}

const char *pc_ini_get(pc_ini *ini, const char *sect, const char *option, pc_error *err)
{
    const ini_sect *s = section(ini, sect);
    if (!s) {
        pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL, "%s: no section [%s]",
                     ini->fname, sect);
        return NULL;
    }
    char key[256];
    size_t n = strlen(option);
    if (n >= sizeof key)
        n = sizeof key - 1;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)blower((unsigned char)option[i]);
    key[n] = '\0';
    const ini_opt *o = find_opt(s, key);
    if (!o)
        o = find_opt(&ini->defaults, key);
    if (!o) {
        pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                     "%s: missing option '%s' in section [%s]", ini->fname, option, sect);
        return NULL;
    }
    const char *v = o->value;
    for (int depth = 10; depth > 0 && v[0] && strstr(v, "%("); depth--) {
        char *nv = interpolate_once(ini, s, v, err, option);
        if (!nv)
            return NULL;
        char *kept = pc_arena_strdup(ini->a, nv);
        pc_free(nv);
        if (!kept) {
            pc_error_set(err, PC_ERR_NOMEM, ini->fname, 0, NULL, "out of memory");
            return NULL;
        }
        v = kept;
    }
    if (strstr(v, "%(")) {
        pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                     "option '%s': interpolation too deeply recursive", option);
        return NULL;
    }
    return v;
}

int pc_ini_getboolean(pc_ini *ini, const char *sect, const char *option, int *out, pc_error *err)
{
    static const char *const yes[] = {"1", "yes", "true", "on"};
    static const char *const no[] = {"0", "no", "false", "off"};
    const char *v = pc_ini_get(ini, sect, option, err);
    if (!v)
        return -1;
    char low[8];
    size_t n = strlen(v);
    if (n < sizeof low) {
        for (size_t i = 0; i <= n; i++)
            low[i] = (char)blower((unsigned char)v[i]);
        for (int i = 0; i < 4; i++) {
            if (strcmp(low, yes[i]) == 0) {
                *out = 1;
                return 0;
            }
            if (strcmp(low, no[i]) == 0) {
                *out = 0;
                return 0;
            }
        }
    }
    pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                 "%s: option %s must be true or false, not '%s'", ini->fname, option, v);
    return -1;
}

int pc_ini_getint(pc_ini *ini, const char *sect, const char *option, int *out, pc_error *err)
{
    const char *v = pc_ini_get(ini, sect, option, err);
    if (!v)
        return -1;
    /* Python 2 int(str): optional surrounding whitespace and sign, then
     * decimal digits only. */
    const char *p = v;
    while (bspace((unsigned char)*p))
        p++;
    int neg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    long long x = 0;
    const char *d = p;
    while (*p >= '0' && *p <= '9') {
        x = x * 10 + (*p++ - '0');
        if (x > (long long)INT_MAX + 1)
            break;
    }
    while (bspace((unsigned char)*p))
        p++;
    if (p == d || *p || (neg ? -x < INT_MIN : x > INT_MAX)) {
        pc_error_set(err, PC_ERR_CONFIG, ini->fname, 0, NULL,
                     "%s: option %s must be an integer, not '%s'", ini->fname, option, v);
        return -1;
    }
    *out = (int)(neg ? -x : x);
    return 0;
}

/* ======================================================== parse_Config */

struct pc_config {
    pc_arena *a;
    pc_options opt;
    char *verbfile, *agentfile, *discardfile, *issuefile;
    size_t n_actor;
    char **actorfiles;
    size_t n_forced;         /* the last n_forced actor files were added as overlays */
    size_t n_agent_extra;    /* agent files added after agentfile_name */
    char **agent_extra;
};

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* os.path.join(dir, name) in a ("" dir -> name). */
static char *join(pc_arena *a, const char *dir, const char *sub, const char *name)
{
    if (name[0] == '/')
        return pc_arena_strdup(a, name);
    size_t dn = strlen(dir), sn = sub ? strlen(sub) : 0, nn = strlen(name);
    char *p = pc_arena_alloc(a, dn + sn + nn + 3);
    if (!p)
        return NULL;
    size_t o = 0;
    memcpy(p, dir, dn);
    o = dn;
    if (o && p[o - 1] != '/')
        p[o++] = '/';
    if (sub) {
        memcpy(p + o, sub, sn);
        o += sn;
        p[o++] = '/';
    }
    memcpy(p + o, name, nn);
    p[o + nn] = '\0';
    return p;
}

/* The config's directory first, then data_dir/dictionaries, then data_dir. */
static char *resolve(pc_config *c, const char *confdir, const char *data_dir, const char *option,
                     const char *name, const char *cfgpath, pc_error *err)
{
    char *cand[3] = {0};
    int n = 0;
    cand[n++] = join(c->a, confdir, NULL, name);
    if (name[0] != '/' && data_dir) {
        cand[n++] = join(c->a, data_dir, "dictionaries", name);
        cand[n++] = join(c->a, data_dir, NULL, name);
    }
    for (int i = 0; i < n; i++) {
        if (!cand[i]) {
            pc_error_set(err, PC_ERR_NOMEM, cfgpath, 0, NULL, "out of memory");
            return NULL;
        }
        if (is_file(cand[i]))
            return cand[i];
    }
    pc_error_set(err, PC_ERR_CONFIG, cfgpath, 0, NULL, "%s: %s: dictionary file '%s' not found (tried %s%s%s%s%s)",
                 cfgpath, option, name, cand[0], n > 1 ? ", " : "", n > 1 ? cand[1] : "",
                 n > 2 ? ", " : "", n > 2 ? cand[2] : "");
    return NULL;
}

/* The whole file; NULL when it cannot be read, or (*oom set) on OOM. */
static char *read_text(const char *path, size_t *len, int *oom)
{
    *oom = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = pc_malloc(cap);
    *oom = !buf;
    while (buf) {
        if (n == cap) {
            char *nb = pc_realloc(buf, cap *= 2);
            if (!nb) {
                pc_free(buf);
                buf = NULL;
                *oom = 1;
                break;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (buf && ferror(fp)) {
        pc_free(buf);
        buf = NULL;
    }
    fclose(fp);
    *len = n;
    return buf;
}

static int get_bool(pc_ini *ini, const char *option, int *out, pc_error *err)
{
    *out = 0; /* get_config_boolean: absent means False */
    if (!pc_ini_has(ini, "Options", option))
        return 0;
    return pc_ini_getboolean(ini, "Options", option, out, err);
}

static pc_status load(pc_config *c, pc_ini *ini, const char *path, const char *data_dir,
                      pc_error *err)
{
    pc_options *o = &c->opt;
    const char *verb = pc_ini_get(ini, "Dictionaries", "verbfile_name", err);
    const char *agent = verb ? pc_ini_get(ini, "Dictionaries", "agentfile_name", err) : NULL;
    const char *disc = agent ? pc_ini_get(ini, "Dictionaries", "discardfile_name", err) : NULL;
    const char *actors = disc ? pc_ini_get(ini, "Dictionaries", "actorfile_list", err) : NULL;
    if (!actors)
        return err ? err->code : PC_ERR_CONFIG;
    const char *issue = NULL;
    if (pc_ini_has(ini, "Dictionaries", "issuefile_name") &&
        !(issue = pc_ini_get(ini, "Dictionaries", "issuefile_name", err)))
        return err ? err->code : PC_ERR_CONFIG;

    o->new_actor_length = 0;
    if (pc_ini_has(ini, "Options", "new_actor_length") &&
        pc_ini_getint(ini, "Options", "new_actor_length", &o->new_actor_length, err) < 0)
        return PC_ERR_CONFIG;
    int stop_on_error;
    if (get_bool(ini, "stop_on_error", &stop_on_error, err) < 0 ||
        get_bool(ini, "write_actor_root", &o->write_actor_root, err) < 0 ||
        get_bool(ini, "write_actor_text", &o->write_actor_text, err) < 0 ||
        get_bool(ini, "write_event_text", &o->write_event_text, err) < 0 ||
        get_bool(ini, "null_verbs", &o->null_verbs, err) < 0 ||
        get_bool(ini, "null_actors", &o->null_actors, err) < 0)
        return PC_ERR_CONFIG;
    o->require_dyad = 1;
    if (pc_ini_has(ini, "Options", "require_dyad") &&
        get_bool(ini, "require_dyad", &o->require_dyad, err) < 0)
        return PC_ERR_CONFIG;
    o->code_by_sentence = pc_ini_has(ini, "Options", "code_by_sentence");

    o->comma_min = 2, o->comma_max = 8, o->comma_bmin = 0;
    o->comma_bmax = 0, o->comma_emin = 2, o->comma_emax = 8;
    static const char *const comma[] = {"comma_min", "comma_max", "comma_bmin",
                                        "comma_bmax", "comma_emin", "comma_emax"};
    int *const slot[] = {&o->comma_min, &o->comma_max, &o->comma_bmin,
                         &o->comma_bmax, &o->comma_emin, &o->comma_emax};
    for (int i = 0; i < 6; i++) {
        if (pc_ini_has(ini, "Options", comma[i])) {
            if (pc_ini_getint(ini, "Options", comma[i], slot[i], err) < 0)
                return PC_ERR_CONFIG;
            break; /* the if/elif chain: only the first present one */
        }
    }

    /* os.path.dirname(path) */
    const char *slash = strrchr(path, '/');
    char *dir = pc_arena_strndup(c->a, path, slash ? (size_t)(slash - path) + (slash == path) : 0);
    if (!dir)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    if (!(c->verbfile = resolve(c, dir, data_dir, "verbfile_name", verb, path, err)) ||
        !(c->agentfile = resolve(c, dir, data_dir, "agentfile_name", agent, path, err)) ||
        !(c->discardfile = resolve(c, dir, data_dir, "discardfile_name", disc, path, err)) ||
        (issue && !(c->issuefile = resolve(c, dir, data_dir, "issuefile_name", issue, path, err))))
        return err ? err->code : PC_ERR_CONFIG;
    /* filestring.split(', ') */
    size_t n = 1;
    for (const char *p = actors; (p = strstr(p, ", ")); p += 2)
        n++;
    c->actorfiles = pc_arena_calloc(c->a, n, sizeof *c->actorfiles);
    if (!c->actorfiles)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    const char *p = actors;
    for (size_t i = 0; i < n; i++) {
        const char *e = strstr(p, ", ");
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *name = pc_arena_strndup(c->a, p, len);
        if (!name)
            return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
        if (!(c->actorfiles[i] = resolve(c, dir, data_dir, "actorfile_list", name, path, err)))
            return err ? err->code : PC_ERR_CONFIG;
        p = e ? e + 2 : p + len;
    }
    c->n_actor = n;
    return PC_OK;
}

pc_config *pc_config_load(const char *path, const char *data_dir, pc_error *err)
{
    pc_error_clear(err);
    pc_config *c = NULL;
    pc_arena *a = pc_arena_new(0);
    if (!a || !(c = pc_arena_calloc(a, 1, sizeof *c))) {
        pc_arena_free(a);
        pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
        return NULL;
    }
    c->a = a;
    if (!path) {
        if (!data_dir) {
            pc_config_free(c);
            pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL,
                         "pc_config_load: neither a config path nor a data directory");
            return NULL;
        }
        path = join(a, data_dir, NULL, "PETR_config.ini");
        if (!path) {
            pc_config_free(c);
            pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory");
            return NULL;
        }
    }
    size_t len;
    int oom;
    char *text = read_text(path, &len, &oom);
    if (!text && oom) {
        pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory reading %s", path);
        pc_config_free(c);
        return NULL;
    }
    if (!text) {
        pc_error_set(err, PC_ERR_CONFIG, path, 0, NULL, "cannot read config file %s", path);
        pc_config_free(c);
        return NULL;
    }
    pc_ini *ini = pc_ini_parse(text, len, path, err);
    pc_free(text);
    pc_status st = ini ? load(c, ini, path, data_dir, err) : PC_ERR_CONFIG;
    pc_ini_free(ini);
    if (st != PC_OK) {
        pc_config_free(c);
        return NULL;
    }
    return c;
}

/* pc_config_from_files: the dictionary names resolved as load() resolves
 * them, and the options load() gives a config that sets none. */
pc_config *pc_config_from_files(const pc_dict_files *files, const char *base_dir,
                                const char *data_dir, const char *origin, pc_error *err)
{
    pc_error_clear(err);
    if (!origin)
        origin = "dictionary list";
    if (!files || !files->verbs || !files->agents || !files->discards || files->n_actors == 0) {
        pc_error_set(err, PC_ERR_CONFIG, origin, 0, NULL,
                     "%s: a verb, an actor, an agent and a discard file are required", origin);
        return NULL;
    }
    pc_arena *a = pc_arena_new(0);
    pc_config *c = a ? pc_arena_calloc(a, 1, sizeof *c) : NULL;
    if (!c) {
        pc_arena_free(a);
        pc_error_set(err, PC_ERR_NOMEM, origin, 0, NULL, "out of memory");
        return NULL;
    }
    c->a = a;
    pc_options *o = &c->opt;
    o->require_dyad = 1;
    o->comma_min = 2, o->comma_max = 8, o->comma_emin = 2, o->comma_emax = 8;
    const char *dir = base_dir ? base_dir : "";
    c->n_actor = files->n_actors;
    c->actorfiles = pc_arena_calloc(a, files->n_actors, sizeof *c->actorfiles);
    int ok = c->actorfiles &&
             (c->verbfile = resolve(c, dir, data_dir, "verbs", files->verbs, origin, err)) &&
             (c->agentfile = resolve(c, dir, data_dir, "agents", files->agents, origin, err)) &&
             (c->discardfile = resolve(c, dir, data_dir, "discards", files->discards, origin, err)) &&
             (!files->issues ||
              (c->issuefile = resolve(c, dir, data_dir, "issues", files->issues, origin, err)));
    for (size_t i = 0; ok && i < files->n_actors; i++)
        ok = (c->actorfiles[i] = resolve(c, dir, data_dir, "actors", files->actors[i], origin,
                                         err)) != NULL;
    if (!ok) {
        if (!c->actorfiles)
            pc_error_set(err, PC_ERR_NOMEM, origin, 0, NULL, "out of memory");
        pc_config_free(c);
        return NULL;
    }
    return c;
}

void pc_config_free(pc_config *cfg)
{
    if (cfg)
        pc_arena_free(cfg->a);
}

const pc_options *pc_config_options(const pc_config *cfg) { return &cfg->opt; }
pc_options *pc_config_options_mut(pc_config *cfg) { return &cfg->opt; }
const char *pc_config_verbfile(const pc_config *cfg) { return cfg->verbfile; }
size_t pc_config_actorfile_count(const pc_config *cfg) { return cfg->n_actor; }
const char *pc_config_actorfile(const pc_config *cfg, size_t i)
{
    return i < cfg->n_actor ? cfg->actorfiles[i] : NULL;
}
const char *pc_config_agentfile(const pc_config *cfg) { return cfg->agentfile; }
const char *pc_config_discardfile(const pc_config *cfg) { return cfg->discardfile; }
const char *pc_config_issuefile(const pc_config *cfg) { return cfg->issuefile; }

/* ------------------------------------------- overlays (petrarch-c only) */

/* Append path to a (n)-element arena array. */
static pc_status append_file(pc_config *c, char ***v, size_t *n, const char *what,
                             const char *path, pc_error *err)
{
    pc_error_clear(err);
    if (!path || !is_file(path))
        return pc_error_set(err, PC_ERR_CONFIG, path, 0, NULL, "%s file '%s' not found", what,
                            path ? path : "(null)");
    char **nv = pc_arena_realloc(c->a, *v, *n * sizeof **v, (*n + 1) * sizeof **v);
    char *p = nv ? pc_arena_strdup(c->a, path) : NULL;
    if (!p)
        return pc_error_set(err, PC_ERR_NOMEM, path, 0, NULL, "out of memory");
    nv[(*n)++] = p;
    *v = nv;
    return PC_OK;
}

pc_status pc_config_add_actorfile(pc_config *cfg, const char *path, pc_error *err)
{
    pc_status st = append_file(cfg, &cfg->actorfiles, &cfg->n_actor, "actor", path, err);
    if (st == PC_OK)
        cfg->n_forced++;
    return st;
}

int pc_config_actorfile_forced_overlay(const pc_config *cfg, size_t i)
{
    return i < cfg->n_actor && i >= cfg->n_actor - cfg->n_forced;
}

pc_status pc_config_add_agentfile(pc_config *cfg, const char *path, pc_error *err)
{
    return append_file(cfg, &cfg->agent_extra, &cfg->n_agent_extra, "agent", path, err);
}

size_t pc_config_extra_agentfile_count(const pc_config *cfg) { return cfg->n_agent_extra; }
const char *pc_config_extra_agentfile(const pc_config *cfg, size_t i)
{
    return i < cfg->n_agent_extra ? cfg->agent_extra[i] : NULL;
}
