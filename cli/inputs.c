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

static int ends_with_xml(const char *name)
{
    size_t n = strlen(name);
    return n >= 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Like PETRARCH2's glob of the .xml files of DIR: names not starting with '.', sorted here so that
 * runs are reproducible (glob's order is the directory's). */
static int add_dir(pc_paths *p, const char *dir)
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
        if (e->d_name[0] == '.' || !ends_with_xml(e->d_name))
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
        fprintf(stderr, "%s: warning: no *.xml files in directory %s\n", pc_prog, dir);
    return 0;
}

int paths_add_arg(pc_paths *p, const char *arg)
{
    if (strcmp(arg, "-") == 0)
        return push(p, strdup(arg));
    struct stat sb;
    if (stat(arg, &sb) != 0) {
        fprintf(stderr, "%s: %s: %s\n", pc_prog, arg, strerror(errno));
        return -1;
    }
    if (S_ISDIR(sb.st_mode))
        return add_dir(p, arg);
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
