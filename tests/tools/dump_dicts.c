/* dump_dicts -- load a config's dictionaries and print every trie in a
 * canonical text form (the same as tests/tools/dump_petrarch2_dicts.py prints
 * for PETRARCH2), so that the two can be diffed.
 *
 * usage: dump_dicts [--root] [--load-only] [--time] [--repeat N] CONFIG [DATA_DIR]
 *   --root       turn write_actor_root on (it changes what the actor reader stores)
 *   --load-only  load, print nothing (for timing and valgrind)
 *   --time       print the load time to stderr (best of --repeat runs)
 *
 * Output: "== SECTION" headers, then one line per leaf or empty node, depth
 * first with keys sorted by their bytes: ["key","key",...] VALUE
 * Warnings go to stderr as file:line: message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "petrarch.h"
#include "dict/dicts.h"

enum section { S_VERBS, S_PHRASES, S_TRANSFORMS, S_ACTORS, S_AGENTS, S_DISCARDS, S_ISSUES };

static const pc_dicts *D;

static void jstr(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void jlist(size_t n, const char *const *v)
{
    putchar('[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            putchar(',');
        jstr(v[i]);
    }
    putchar(']');
}

/* The path of keys from the root. */
static const char *path[4096];
static size_t depth;

static void print_path(void)
{
    jlist(depth, path);
}

static void print_leaf(enum section s, const dn_entry *e)
{
    switch (s) {
    case S_VERBS: {
        const pc_verb_leaf *l = e->v.leaf;
        printf(" {\"code\":");
        jstr(l->code);
        printf(",\"meaning\":");
        jstr(l->meaning);
        printf(",\"line\":");
        jstr(l->line);
        putchar('}');
        break;
    }
    case S_PHRASES: {
        const pc_pattern_leaf *l = e->v.leaf;
        printf(" {\"code\":");
        jstr(l->code);
        printf(",\"line\":");
        jstr(l->line);
        putchar('}');
        break;
    }
    case S_TRANSFORMS: {
        const pc_transform_leaf *l = e->v.leaf;
        printf(" {\"answer\":");
        jlist(l->n_answer, l->answer);
        printf(",\"line\":");
        jstr(l->line);
        putchar('}');
        break;
    }
    case S_ACTORS: {
        const pc_actor_leaf *l = e->v.leaf;
        printf(" [");
        for (size_t i = 0; i < l->n; i++) {
            const pc_actor_item *it = &l->items[i];
            if (i)
                putchar(',');
            if (it->is_root) {
                printf("{\"root\":");
                jlist(it->n_words, it->words);
                putchar('}');
            } else {
                putchar('[');
                jstr(it->code);
                putchar(',');
                jlist(it->n_dates, it->dates);
                putchar(']');
            }
        }
        putchar(']');
        break;
    }
    case S_AGENTS:
        putchar(' ');
        jstr(e->v.leaf);
        break;
    case S_ISSUES:
        printf(" %ld ", e->v.ival);
        jstr(D->issue_codes[e->v.ival]);
        break;
    case S_DISCARDS:
        printf(" ?leaf");
        break;
    }
}

static int cmp_entry(const void *a, const void *b)
{
    const dn_entry *x = *(const dn_entry *const *)a, *y = *(const dn_entry *const *)b;
    size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
    int c = memcmp(x->key, y->key, n);
    if (c)
        return c;
    return (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

static void walk(enum section s, const pc_dnode *node)
{
    if (dn_count(node) == 0) {
        print_path();
        printf(" {}\n");
        return;
    }
    size_t n = dn_count(node);
    const dn_entry **v = malloc(n * sizeof *v);
    if (!v) {
        perror("malloc");
        exit(2);
    }
    for (size_t i = 0; i < n; i++)
        v[i] = dn_at(node, i);
    qsort(v, n, sizeof *v, cmp_entry);
    for (size_t i = 0; i < n; i++) {
        if (depth == sizeof path / sizeof path[0]) {
            fprintf(stderr, "trie too deep\n");
            exit(2);
        }
        path[depth++] = v[i]->key;
        if (v[i]->kind == DN_NODE) {
            walk(s, v[i]->v.node);
        } else {
            print_path();
            print_leaf(s, v[i]);
            putchar('\n');
        }
        depth--;
    }
    free(v);
}

static void section(const char *name, enum section s, const pc_dnode *root)
{
    printf("== %s\n", name);
    walk(s, root);
}

static void warn(void *ud, const pc_error *w)
{
    (void)ud;
    fprintf(stderr, "%s:%ld: %s\n", w->file, w->line, w->message);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int root = 0, load_only = 0, timing = 0, repeat = 1;
    const char *args[2] = {NULL, NULL};
    int nargs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--root") == 0)
            root = 1;
        else if (strcmp(argv[i], "--load-only") == 0)
            load_only = 1;
        else if (strcmp(argv[i], "--time") == 0)
            timing = 1;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (nargs < 2)
            args[nargs++] = argv[i];
    }
    if (nargs < 1 || repeat < 1) {
        fprintf(stderr, "usage: dump_dicts [--root] [--load-only] [--time] [--repeat N] "
                        "CONFIG [DATA_DIR]\n");
        return 2;
    }
    pc_dicts *d = NULL;
    double best = 1e30;
    for (int r = 0; r < repeat; r++) {
        pc_error err;
        double t0 = now();
        pc_config *cfg = pc_config_load(args[0], args[1], &err);
        if (!cfg) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        if (root)
            pc_config_options_mut(cfg)->write_actor_root = 1;
        pc_dicts_free(d);
        d = pc_dicts_load(cfg, r == 0 ? warn : NULL, NULL, &err);
        pc_config_free(cfg);
        double t = now() - t0;
        if (t < best)
            best = t;
        if (!d) {
            fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
            return 1;
        }
    }
    if (timing)
        fprintf(stderr, "load time: %.1f ms (best of %d)\n", best * 1e3, repeat);
    if (!load_only) {
        D = d;
        section("verbs", S_VERBS, d->verbs);
        section("phrases", S_PHRASES, d->phrases);
        section("transforms", S_TRANSFORMS, d->transforms);
        section("actors", S_ACTORS, d->actors);
        section("agents", S_AGENTS, d->agents);
        section("discards", S_DISCARDS, d->discards);
        if (d->issues) {
            section("issues", S_ISSUES, d->issues);
            printf("== issue_codes\n");
            jlist(d->n_issue_codes, d->issue_codes);
            putchar('\n');
        }
    }
    pc_dicts_free(d);
    return 0;
}
