/* parallel.c -- see parallel.h.
 *
 * The ring: story number k lives in slot k % nslots.  A slot goes
 *     FREE --submit--> QUEUED --a worker--> CODING --> DONE --deliver--> FREE
 * Only the submitting thread moves slots out of FREE and DONE; whoever takes
 * a QUEUED story (a worker, or the submitter when it would otherwise wait)
 * moves it to CODING and then DONE; all under one mutex.  A slot's contents
 * are touched without the lock only by whoever has just moved it (the
 * submitter filling a FREE slot, the thread coding a CODING one, the
 * submitter calling back on a DONE one).  Stories are taken in number order;
 * delivery is in number order, so the slot of story k is free again once
 * story k - nslots was delivered. */
#include "parallel.h"

#include <pthread.h>
#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"

/* Stories take a few microseconds each, so handing them over one at a time
 * costs more in wake-ups than the coding: the ring is deep, a worker takes
 * up to TAKE_MAX queued stories at once, and nobody is signalled unless it
 * is waiting. */
enum { SLOTS_PER_THREAD = 16, TAKE_MAX = 8 };

typedef enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_CODING, SLOT_DONE } slot_state;

typedef struct slot {
    slot_state state;
    size_t seq;
    pc_coder *coder;        /* codes this slot's story; the result points into it */
    pc_arena *copy;         /* the story's strings when submitted with copy = 1 */
    pc_sentence_in *sents;  /* the copied sentences (in copy) */
    pc_story_in story;
    void *tag;
    pc_status status;
    pc_story_result res;
    pc_error err;
} slot;

struct pc_parallel {
    pc_parallel_fn fn;
    void (*drop)(void *ud, void *tag);
    void *ud;
    int nthreads;           /* worker threads (N - 1 for -j N: the submitting thread
                               codes too); 0 when N = 1 */
    size_t nslots;
    slot *slots;
    pthread_t *threads;
    int started;            /* threads running */
    pthread_mutex_t mu;
    pthread_cond_t work;    /* workers wait here: a story queued, or quit */
    pthread_cond_t done;    /* the submitter waits here: a story coded */
    size_t next_submit;     /* number of the next story submitted */
    size_t next_code;       /* ... taken by a worker */
    size_t next_deliver;    /* ... delivered */
    int stopped;            /* the callback asked to stop */
    int quit;               /* workers exit */
    int idle;               /* workers waiting on `work` */
    int submitter_waiting;  /* the submitter waits on `done` */
};

/* Take up to `most` queued stories (mutex held): mark them CODING and
 * return the number of the first; *n says how many (0: none queued). */
static size_t take_queued(pc_parallel *p, size_t most, size_t *n)
{
    size_t queued = p->next_submit - p->next_code;
    size_t take = queued < most ? queued : most;
    size_t first = p->next_code;
    p->next_code += take;
    for (size_t k = first; k < first + take; k++)
        p->slots[k % p->nslots].state = SLOT_CODING;
    *n = take;
    return first;
}

/* Code stories first .. first+n-1 (taken with take_queued); called with the
 * mutex held, released while coding.  Wakes the submitter if it waits (it
 * checks whether what it waits for is done). */
static void code_taken(pc_parallel *p, size_t first, size_t n)
{
    int skip = p->stopped;
    pthread_mutex_unlock(&p->mu);
    for (size_t k = first; k < first + n; k++) {
        slot *s = &p->slots[k % p->nslots];
        if (!skip)
            s->status = pc_coder_code_story(s->coder, &s->story, &s->res, &s->err);
    }
    pthread_mutex_lock(&p->mu);
    for (size_t k = first; k < first + n; k++)
        p->slots[k % p->nslots].state = SLOT_DONE;
    if (p->submitter_waiting)
        pthread_cond_signal(&p->done);
}

static void *worker(void *arg)
{
    pc_parallel *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->next_code == p->next_submit) {
            p->idle++;
            pthread_cond_wait(&p->work, &p->mu);
            p->idle--;
        }
        if (p->quit)
            break;
        /* a share of what is queued, leaving the others (the submitter
         * included) something to do */
        size_t most = (p->next_submit - p->next_code) / (size_t)(p->nthreads + 1);
        size_t n;
        size_t first = take_queued(p, most < 1 ? 1 : most > TAKE_MAX ? TAKE_MAX : most, &n);
        code_taken(p, first, n);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Deliver the finished stories that are next in order; called and returns
 * with the mutex held (released around each callback).  How many. */
static size_t deliver_ready(pc_parallel *p)
{
    size_t n = 0;
    while (!p->stopped && p->next_deliver < p->next_submit) {
        slot *s = &p->slots[p->next_deliver % p->nslots];
        if (s->state != SLOT_DONE)
            break;
        pthread_mutex_unlock(&p->mu);
        int stop = p->fn(p->ud, s->seq, &s->story, s->tag, s->status,
                         s->status == PC_OK ? &s->res : NULL, &s->err);
        pthread_mutex_lock(&p->mu);
        s->state = SLOT_FREE;
        p->next_deliver++;
        n++;
        if (stop)
            p->stopped = 1;
    }
    return n;
}

/* The submitter needs the story next to deliver coded (mutex held): it
 * codes a queued story itself if there is one -- it is one of the N
 * threads of -j N, so no core sits idle while it would wait -- else waits
 * until that story is done, or (full = 1, the ring is full) until half of
 * the ring is, so that it then queues a run of stories, not one at a time. */
static void wait_done(pc_parallel *p, int full)
{
    size_t n;
    size_t first = take_queued(p, 1, &n);
    if (n) {
        code_taken(p, first, n);
        return;
    }
    size_t target = p->next_deliver;
    if (full) {
        target += p->nslots / 2;
        if (target >= p->next_submit)
            target = p->next_submit - 1;
    }
    /* the story next to deliver must be done too (the caller makes no
     * progress otherwise: it would spin holding the mutex) */
    p->submitter_waiting = 1;
    while (p->slots[target % p->nslots].state != SLOT_DONE ||
           p->slots[p->next_deliver % p->nslots].state != SLOT_DONE)
        pthread_cond_wait(&p->done, &p->mu);
    p->submitter_waiting = 0;
}

static void stop_threads(pc_parallel *p)
{
    pthread_mutex_lock(&p->mu);
    p->quit = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->started; i++)
        pthread_join(p->threads[i], NULL);
    p->started = 0;
}

void pc_parallel_free(pc_parallel *p)
{
    if (!p)
        return;
    if (p->threads) {
        stop_threads(p);
        pc_free(p->threads);
    }
    for (size_t k = p->next_deliver; p->drop && k < p->next_submit; k++)
        p->drop(p->ud, p->slots[k % p->nslots].tag);
    for (size_t i = 0; p->slots && i < p->nslots; i++) {
        pc_coder_free(p->slots[i].coder);
        pc_arena_free(p->slots[i].copy);
    }
    pc_free(p->slots);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
    pc_free(p);
}

pc_parallel *pc_parallel_new(const pc_dicts *dicts, const pc_config *cfg, int nthreads,
                             pc_parallel_fn fn, void *ud, pc_error *err)
{
    pc_error_clear(err);
    if (!dicts || !cfg || !fn) {
        pc_error_set(err, PC_ERR_USAGE, NULL, 0, NULL, "pc_parallel_new: NULL argument");
        return NULL;
    }
    if (nthreads < 1)
        nthreads = 1;
    if (nthreads > PC_PARALLEL_MAX_THREADS)
        nthreads = PC_PARALLEL_MAX_THREADS;
    pc_parallel *p = pc_calloc(1, sizeof *p);
    if (!p)
        goto oom;
    if (pthread_mutex_init(&p->mu, NULL) != 0) {
        pc_free(p);
        goto oom;
    }
    if (pthread_cond_init(&p->work, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        pc_free(p);
        goto oom;
    }
    if (pthread_cond_init(&p->done, NULL) != 0) {
        pthread_cond_destroy(&p->work);
        pthread_mutex_destroy(&p->mu);
        pc_free(p);
        goto oom;
    }
    p->fn = fn;
    p->ud = ud;
    p->nthreads = nthreads > 1 ? nthreads - 1 : 0; /* the submitter is the Nth */
    p->nslots = nthreads > 1 ? (size_t)nthreads * SLOTS_PER_THREAD : 1;
    /* from here on pc_parallel_free cleans up whatever was made */
    if (!(p->slots = pc_calloc(p->nslots, sizeof *p->slots)))
        goto fail;
    for (size_t i = 0; i < p->nslots; i++)
        if (!(p->slots[i].coder = pc_coder_new(dicts, cfg, err)))
            goto fail;
    if (p->nthreads) {
        if (!(p->threads = pc_calloc((size_t)p->nthreads, sizeof *p->threads)))
            goto fail;
        for (int i = 0; i < p->nthreads; i++) {
            if (pthread_create(&p->threads[i], NULL, worker, p) != 0) {
                pc_parallel_free(p);
                pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL,
                             "cannot start coder thread %d of %d", i + 1, nthreads);
                return NULL;
            }
            p->started++;
        }
    }
    return p;
fail:
    pc_parallel_free(p);
oom:
    pc_error_set(err, PC_ERR_NOMEM, NULL, 0, NULL, "out of memory setting up %d coder threads",
                 nthreads);
    return NULL;
}

void pc_parallel_on_drop(pc_parallel *p, void (*drop)(void *ud, void *tag))
{
    p->drop = drop;
}

/* Copy story into s (its arena), or NULL on OOM. */
static int copy_story(slot *s, const pc_story_in *in)
{
    if (!s->copy && !(s->copy = pc_arena_new(0)))
        return -1;
    pc_arena_reset(s->copy);
    pc_arena *a = s->copy;
    pc_story_in *o = &s->story;
    memset(o, 0, sizeof *o);
    o->story_id = in->story_id ? pc_arena_strdup(a, in->story_id) : NULL;
    o->date = in->date ? pc_arena_strdup(a, in->date) : NULL;
    o->source = in->source ? pc_arena_strdup(a, in->source) : NULL;
    if ((in->story_id && !o->story_id) || (in->date && !o->date) || (in->source && !o->source))
        return -1;
    pc_sentence_in *v = pc_arena_alloc(a, (in->n_sents ? in->n_sents : 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < in->n_sents; i++) {
        const pc_sentence_in *si = &in->sents[i];
        v[i].sent_id = si->sent_id ? pc_arena_strdup(a, si->sent_id) : NULL;
        v[i].text = si->text ? pc_arena_strdup(a, si->text) : NULL;
        v[i].parse = si->parse ? pc_arena_strdup(a, si->parse) : NULL;
        if ((si->sent_id && !v[i].sent_id) || (si->text && !v[i].text) ||
            (si->parse && !v[i].parse))
            return -1;
    }
    o->n_sents = in->n_sents;
    o->sents = in->sents ? v : NULL;
    return 0;
}

int pc_parallel_submit(pc_parallel *p, const pc_story_in *story, int copy, void *tag,
                       pc_error *err)
{
    pc_error_clear(err);
    if (p->stopped)
        return 1;
    if (!p->nthreads) {
        /* on this thread: the story is only needed during the call */
        slot *s = &p->slots[0];
        s->seq = p->next_submit++;
        s->status = pc_coder_code_story(s->coder, story, &s->res, &s->err);
        int stop = p->fn(p->ud, s->seq, story, tag, s->status,
                         s->status == PC_OK ? &s->res : NULL, &s->err);
        p->next_deliver++;
        if (stop)
            p->stopped = 1;
        return 0;
    }
    pthread_mutex_lock(&p->mu);
    slot *s = &p->slots[p->next_submit % p->nslots];
    while (s->state != SLOT_FREE && !p->stopped)
        if (!deliver_ready(p))
            wait_done(p, 1);
    int stopped = p->stopped;
    pthread_mutex_unlock(&p->mu);
    if (stopped)
        return 1;
    /* s is FREE: no worker looks at it until it is QUEUED */
    if (copy) {
        if (copy_story(s, story) < 0) {
            pc_error_set(err, PC_ERR_NOMEM, NULL, 0, story->story_id,
                         "out of memory queueing story %s",
                         story->story_id ? story->story_id : "");
            return -1;
        }
    } else {
        s->story = *story;
    }
    s->tag = tag;
    pthread_mutex_lock(&p->mu);
    s->seq = p->next_submit++;
    s->state = SLOT_QUEUED;
    if (p->idle)
        pthread_cond_signal(&p->work);
    deliver_ready(p);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

int pc_parallel_finish(pc_parallel *p)
{
    if (!p->nthreads)
        return p->stopped;
    pthread_mutex_lock(&p->mu);
    while (!p->stopped && p->next_deliver < p->next_submit)
        if (!deliver_ready(p))
            wait_done(p, 0);
    int stopped = p->stopped;
    pthread_mutex_unlock(&p->mu);
    return stopped;
}

pc_status pc_code_stories(const pc_dicts *dicts, const pc_config *cfg, int nthreads,
                          const pc_story_in *stories, size_t n, pc_parallel_fn fn, void *ud,
                          pc_error *err)
{
    pc_parallel *p = pc_parallel_new(dicts, cfg, nthreads, fn, ud, err);
    if (!p)
        return err ? err->code : PC_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        if (pc_parallel_submit(p, &stories[i], 0, NULL, err) != 0)
            break; /* stopped (borrowed stories need no copy: no OOM here) */
    pc_parallel_finish(p);
    pc_parallel_free(p);
    pc_error_clear(err);
    return PC_OK;
}
