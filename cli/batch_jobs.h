/* batch_jobs.h -- `petrarch batch -j N`: the stories coded on N threads
 * (src/story/parallel.h), each handed back in input order, on the thread
 * that reads the input, with the file and line of each of its sentences --
 * so the output and the diagnostics are byte-identical to -j 1. */
#ifndef PC_CLI_BATCH_JOBS_H
#define PC_CLI_BATCH_JOBS_H

#include "petrarch.h"

typedef struct batch_jobs batch_jobs;

/* A coded story.  status is pc_coder_code_story's (res NULL unless PC_OK;
 * message says why); files[i], lines[i]: where sentence i came from.
 * Return 0 to go on, non-zero to stop the run. */
typedef int (*batch_job_fn)(void *ud, const pc_story_in *story, pc_status status,
                            const pc_story_result *res, const char *message,
                            const char *const *files, const long *lines);

/* NULL with err set (out of memory, a thread that cannot start). */
batch_jobs *batch_jobs_new(const pc_dicts *d, const pc_config *cfg, int nthreads, batch_job_fn fn,
                           void *ud, pc_error *err);
/* Queue a story; it, files and lines are copied.  May call fn for earlier
 * stories.  0; 1 when fn asked to stop; -1 out of memory. */
int batch_jobs_submit(batch_jobs *j, const pc_story_in *story, const char *const *files,
                      const long *lines);
/* Code and hand back every queued story.  0, or 1 when fn asked to stop. */
int batch_jobs_finish(batch_jobs *j);
void batch_jobs_free(batch_jobs *j);

#endif
