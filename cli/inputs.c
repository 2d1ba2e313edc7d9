/* inputs.c -- expanding the -i arguments into the list of files to read. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int push(pc_paths *p, char *s)
{
    if (!s)
        return -1;
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 8;
        char **nv = realloc(p->v, cap * sizeof *nv);
        if (!nv) {
            free(s);
            return -1;
        }
        p->v = nv;
        p->cap = cap;
    }
    p->v[p->n++] = s;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcmp(name + n - k, suffix) == 0;
}

/* One of the suffixes, or one of them + ".gz". */
static int wanted(const char *name, const char *const *suffixes)
{
    static const char *const xml[] = {".xml", NULL};
    char buf[32];
    for (const char *const *s = suffixes ? suffixes : xml; *s; s++) {
        snprintf(buf, sizeof buf, "%s.gz", *s);
        if (ends_with(name, *s) || (suffixes && ends_with(name, buf)))
            return 1;
    }
    return 0;
}

/* Like PETRARCH2's glob of the .xml files of DIR (or of the suffixes
 * given): names not starting with '.', sorted here so that runs are
 * reproducible (glob's order is the directory's). */
static int add_dir(pc_paths *p, const char *dir, const char *const *suffixes)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s: %s\n", pc_prog, dir, strerror(errno));
        return -1;
    }
    size_t first = p->n;
    struct dirent *e;
    size_t dl = strlen(dir);
    int slash = dl > 0 && dir[dl - 1] == '/';
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !wanted(e->d_name, suffixes))
            continue;
        size_t len = dl + 1 + strlen(e->d_name) + 1;
        char *path = malloc(len);
        if (path)
            snprintf(path, len, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        if (push(p, path) < 0) {
            closedir(d);
            fprintf(stderr, "%s: out of memory\n", pc_prog);
            return -1;
        }
    }
    closedir(d);
    qsort(p->v + first, p->n - first, sizeof *p->v, cmp_str);
    if (p->n == first)
        fprintf(stderr, "%s: warning: no %s files in directory %s\n", pc_prog,
                suffixes ? "input" : "*.xml", dir);
    return 0;
}

int paths_add_arg(pc_paths *p, const char *arg, const char *const *suffixes)
{
    if (strcmp(arg, "-") == 0)
        return push(p, strdup(arg));
    struct stat sb;
    if (stat(arg, &sb) != 0) {
        fprintf(stderr, "%s: %s: %s\n", pc_prog, arg, strerror(errno));
        return -1;
    }
    if (S_ISDIR(sb.st_mode))
        return add_dir(p, arg, suffixes);
    if (push(p, strdup(arg)) < 0) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return -1;
    }
    return 0;
}

void paths_free(pc_paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}
