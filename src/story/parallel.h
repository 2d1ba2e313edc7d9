/* parallel.h -- coding stories on several threads, results in input order.
 *
 * N threads share one read-only pc_dicts: N - 1 workers and the thread
 * that submits, which codes queued stories itself whenever it would
 * otherwise wait for a free slot (so -j N keeps N cores busy, not N + 1
 * threads fighting over them).  Stories are numbered in
 * the order they are submitted and their results are handed to a callback
 * in exactly that order, on the thread that submits, so whatever the
 * callback writes is byte-identical to coding the stories one by one on
 * one pc_coder (`petrarch batch -j N` vs `-j 1`): a story's result depends
 * on nothing but the story and the dictionaries (PETRARCH2 keeps no state
 * between sentences that this port carries over; see coder/transform.c).
 *
 * How: a ring of slots (16 per thread), each with its own pc_coder and the
 * story it holds.  A result points into its slot's coder, so it needs no
 * copying: the slot is reused only after the callback has seen it.  A
 * submit codes or waits (delivering finished stories meanwhile) when every
 * slot is busy, so memory stays bounded however many stories go through.
 * Workers take several queued stories at a time and nobody is woken unless
 * it waits: a story costs microseconds, a wake-up nearly as much.
 * With nthreads <= 1 no thread is started: submit codes and delivers at
 * once, like a plain pc_coder_code_story loop. */
#ifndef PC_PARALLEL_H
#define PC_PARALLEL_H

#include <stddef.h>

#include "petrarch.h"

typedef struct pc_parallel pc_parallel;

/* One story's outcome, in submission order (seq = 0, 1, ...).  status and
 * err are what pc_coder_code_story returned (only PC_ERR_NOMEM in practice:
 * sentence problems are in res->sents); res is valid during the call only,
 * NULL when status is not PC_OK.
 * story is the story as submitted (or its copy), tag the caller's.  Return
 * 0 to go on, non-zero to stop: no later story is coded or delivered. */
typedef int (*pc_parallel_fn)(void *ud, size_t seq, const pc_story_in *story, void *tag,
                              pc_status status, const pc_story_result *res,
                              const pc_error *err);

/* nthreads is clamped to 1..PC_PARALLEL_MAX_THREADS.  NULL with err set
 * (PC_ERR_NOMEM, also when a thread cannot be started). */
#define PC_PARALLEL_MAX_THREADS 256
pc_parallel *pc_parallel_new(const pc_dicts *dicts, const pc_config *cfg, int nthreads,
                             pc_parallel_fn fn, void *ud, pc_error *err);

/* Queue a story for coding.  copy = 1: the story's strings are copied, the
 * caller may reuse its memory at once; copy = 0: they are borrowed until
 * the story has been delivered.  May block while every slot is busy, and
 * may deliver finished stories (call fn) before returning.
 * Returns 0; 1 when stopped (fn asked to stop: the story was not queued);
 * -1 with err set when the copy could not be made (PC_ERR_NOMEM). */
int pc_parallel_submit(pc_parallel *p, const pc_story_in *story, int copy, void *tag,
                       pc_error *err);

/* Wait for every queued story and deliver the rest.  0, or 1 when stopped. */
int pc_parallel_finish(pc_parallel *p);

/* Stops the threads (stories not yet delivered are dropped: see
 * pc_parallel_on_drop) and frees. */
void pc_parallel_free(pc_parallel *p);

/* drop(ud, tag) is called by pc_parallel_free for each story submitted but
 * never delivered (after a stop), so that its tag can be released. */
void pc_parallel_on_drop(pc_parallel *p, void (*drop)(void *ud, void *tag));

/* All in one: code stories[0..n) on nthreads threads, deliver in order.
 * PC_OK (also when fn stopped early), or the error of pc_parallel_new. */
pc_status pc_code_stories(const pc_dicts *dicts, const pc_config *cfg, int nthreads,
                          const pc_story_in *stories, size_t n, pc_parallel_fn fn, void *ud,
                          pc_error *err);

#endif
