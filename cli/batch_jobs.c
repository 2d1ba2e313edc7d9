/* batch_jobs.c -- see batch_jobs.h.  The story itself is copied by
 * pc_parallel_submit; the files and lines of its sentences travel with it
 * as the tag, in one block freed when the story has been handed back. */
#include "batch_jobs.h"

#include <stdlib.h>
#include <string.h>

#include "story/parallel.h"

struct batch_jobs {
    pc_parallel *p;
    batch_job_fn fn;
    void *ud;
};

typedef struct where {
    size_t n;
    const char **files; /* point into names */
    long *lines;
    char names[];       /* the distinct file names, NUL-separated */
} where;

/* files[i], "" for NULL */
static const char *file_at(const char *const *files, size_t i)
{
    return files && files[i] ? files[i] : "";
}

static where *where_copy(size_t n, const char *const *files, const long *lines)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(file_at(files, i), file_at(files, i - 1)) != 0)
            bytes += strlen(file_at(files, i)) + 1;
    size_t k = n ? n : 1;
    where *w = malloc(sizeof *w + bytes);
    if (!w)
        return NULL;
    w->files = malloc(k * sizeof *w->files);
    w->lines = malloc(k * sizeof *w->lines);
    if (!w->files || !w->lines) {
        free(w->files);
        free(w->lines);
        free(w);
        return NULL;
    }
    w->n = n;
    char *o = w->names;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || strcmp(file_at(files, i), file_at(files, i - 1)) != 0) {
            size_t len = strlen(file_at(files, i)) + 1;
            memcpy(o, file_at(files, i), len);
            w->files[i] = o;
            o += len;
        } else {
            w->files[i] = w->files[i - 1];
        }
        w->lines[i] = lines ? lines[i] : 0;
    }
    return w;
}

static void where_free(where *w)
{
    if (w) {
        free(w->files);
        free(w->lines);
        free(w);
    }
}

static void dropped(void *ud, void *tag)
{
    (void)ud;
    where_free(tag);
}

static int delivered(void *ud, size_t seq, const pc_story_in *story, void *tag,
                     pc_status status, const pc_story_result *res, const pc_error *err)
{
    batch_jobs *j = ud;
    where *w = tag;
    (void)seq;
    int stop = j->fn(j->ud, story, status, res, err->message, w->files, w->lines);
    where_free(w);
    return stop;
}

batch_jobs *batch_jobs_new(const pc_dicts *d, const pc_config *cfg, int nthreads, batch_job_fn fn,
                           void *ud, pc_error *err)
{
    batch_jobs *j = calloc(1, sizeof *j);
    if (!j) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = PC_ERR_NOMEM;
            strcpy(err->message, "out of memory");
        }
        return NULL;
    }
    j->fn = fn;
    j->ud = ud;
    if (!(j->p = pc_parallel_new(d, cfg, nthreads, delivered, j, err))) {
        free(j);
        return NULL;
    }
    pc_parallel_on_drop(j->p, dropped);
    return j;
}

int batch_jobs_submit(batch_jobs *j, const pc_story_in *story, const char *const *files,
                      const long *lines)
{
    where *w = where_copy(story->n_sents, files, lines);
    if (!w)
        return -1;
    int r = pc_parallel_submit(j->p, story, 1, w, NULL);
    if (r != 0)
        where_free(w); /* not queued */
    return r;
}

int batch_jobs_finish(batch_jobs *j)
{
    return pc_parallel_finish(j->p);
}

void batch_jobs_free(batch_jobs *j)
{
    if (!j)
        return;
    pc_parallel_free(j->p); /* the stories not handed back: dropped() */
    free(j);
}
