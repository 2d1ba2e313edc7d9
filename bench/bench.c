/*
 * bench.c -- throughput benchmark of libpetrarch's story coder.
 *
 *   build/bench [-c CONFIG] [-D DICTDIR] [-n RUNS] [-w WARMUP] [-j THREADS]
 *               [--strict] CORPUS.xml
 *
 * 1. Loads the config and the dictionaries (timed: "load ms", the median of
 *    LOADS loads; RSS after the first).
 * 2. Reads the whole PETRARCH2 batch XML corpus into memory with expat and
 *    groups the sentences into stories as PETRARCH2 does (story id = the part
 *    of the sentence id before '_'; story date/source = its first sentence's;
 *    a repeated sentence id keeps its last record).  Not timed.
 * 3. Codes every story with pc_coder_code_story: WARMUP untimed runs, then
 *    RUNS timed runs; reports the median sentences/second.  With -j N, the
 *    stories go through pc_code_stories (src/story/parallel.h), as
 *    `petrarch batch -j N` codes them: N threads, one shared pc_dicts,
 *    results handed back in input order to this thread.
 * 4. Prints a small table with the targets, and one "RESULT k=v ..." line.
 *
 * Every run must produce the same number of events (a determinism check);
 * if not, the exit status is 1.  --strict also exits 1 when a target is missed.
 */
#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "petrarch.h"
#include "story/parallel.h"

#define TARGET_SENT_PER_S 100000.0
#define TARGET_LOAD_MS 100.0
#define TARGET_PEAK_RSS_MB 100.0

/* ------------------------------------------------------------- utilities */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Current resident set in kB (Linux /proc), or -1. */
static long rss_now_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

/* Peak resident set in kB (getrusage; kB on Linux). */
static long rss_peak_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;
}

static double mb(long kb) { return kb < 0 ? -1.0 : (double)kb / 1024.0; }

/* Bump allocator for the corpus: blocks never move, so pointers stay valid. */
typedef struct block {
    struct block *next;
    size_t used, cap;
    char data[];
} block;

typedef struct {
    block *head;
    size_t total;
} pool;

static char *pool_strndup(pool *p, const char *s, size_t n)
{
    if (!p->head || p->head->cap - p->head->used < n + 1) {
        size_t cap = n + 1 > (1u << 20) ? n + 1 : (1u << 20);
        block *b = xmalloc(sizeof *b + cap);
        b->next = p->head;
        b->used = 0;
        b->cap = cap;
        p->head = b;
    }
    char *d = p->head->data + p->head->used;
    memcpy(d, s, n);
    d[n] = '\0';
    p->head->used += n + 1;
    p->total += n + 1;
    return d;
}

static char *pool_strdup(pool *p, const char *s) { return pool_strndup(p, s, strlen(s)); }

static void pool_free(pool *p)
{
    block *b = p->head;
    while (b) {
        block *n = b->next;
        free(b);
        b = n;
    }
    p->head = NULL;
}

/* --------------------------------------------------------------- corpus */

typedef struct {
    const char *story_id, *sent_id, *date, *source, *text, *parse;
} rec;

typedef struct {
    pool strings;
    rec *recs;
    size_t n_recs, cap_recs;
    size_t n_not_sentence; /* sentence != "True": not supported here, skipped */
    size_t n_dup;          /* repeated STORY_SENT ids: earlier records dropped */
    pc_story_in *stories;
    size_t n_stories;
    pc_sentence_in *sents; /* all stories' sentences, story by story */
    size_t n_sents;
} corpus;

typedef struct {
    corpus *c;
    XML_Parser xp;
    int in_sentence;
    int field; /* 0 none, 1 Text, 2 Parse */
    int field_depth;
    int depth;
    int have_parse;
    rec cur;
    int cur_is_sentence;
    char *buf;
    size_t len, cap;
    const char *error;
} xml_state;

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xml_state *st = ud;
    st->depth++;
    if (strcmp(name, "Sentence") == 0) {
        if (st->in_sentence) {
            st->error = "nested <Sentence>";
            XML_StopParser(st->xp, XML_FALSE);
            return;
        }
        const char *id = attr(atts, "id"), *date = attr(atts, "date");
        const char *source = attr(atts, "source"), *sent = attr(atts, "sentence");
        if (!id || !date) {
            st->error = "<Sentence> without id or date";
            XML_StopParser(st->xp, XML_FALSE);
            return;
        }
        pool *p = &st->c->strings;
        memset(&st->cur, 0, sizeof st->cur);
        st->cur_is_sentence = sent && strcmp(sent, "True") == 0;
        const char *us = strchr(id, '_');
        if (st->cur_is_sentence && us) {
            st->cur.story_id = pool_strndup(p, id, (size_t)(us - id));
            st->cur.sent_id = pool_strdup(p, us + 1);
        } else {
            st->cur.story_id = pool_strdup(p, id);
            st->cur.sent_id = pool_strdup(p, "");
        }
        st->cur.date = pool_strdup(p, date);
        st->cur.source = source ? pool_strdup(p, source) : NULL;
        st->in_sentence = 1;
        st->have_parse = 0;
    } else if (st->in_sentence && !st->field &&
               (strcmp(name, "Text") == 0 || strcmp(name, "Parse") == 0)) {
        st->field = name[0] == 'T' ? 1 : 2;
        st->field_depth = st->depth;
        st->len = 0;
    }
}

static void XMLCALL on_chars(void *ud, const XML_Char *s, int n)
{
    xml_state *st = ud;
    if (!st->field || n <= 0)
        return;
    if (st->len + (size_t)n + 1 > st->cap) {
        st->cap = (st->len + (size_t)n + 1) * 2;
        st->buf = xrealloc(st->buf, st->cap);
    }
    memcpy(st->buf + st->len, s, (size_t)n);
    st->len += (size_t)n;
}

static void add_rec(corpus *c, const rec *r)
{
    if (c->n_recs == c->cap_recs) {
        c->cap_recs = c->cap_recs ? c->cap_recs * 2 : 1024;
        c->recs = xrealloc(c->recs, c->cap_recs * sizeof *c->recs);
    }
    c->recs[c->n_recs++] = *r;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    xml_state *st = ud;
    if (st->field && st->depth == st->field_depth) {
        char *s = pool_strndup(&st->c->strings, st->buf ? st->buf : "", st->len);
        if (st->field == 1)
            st->cur.text = s;
        else {
            st->cur.parse = s;
            st->have_parse = 1;
        }
        st->field = 0;
    } else if (st->in_sentence && strcmp(name, "Sentence") == 0) {
        st->in_sentence = 0;
        if (!st->cur_is_sentence)
            st->c->n_not_sentence++;
        else {
            if (!st->cur.text)
                st->cur.text = pool_strdup(&st->c->strings, "");
            add_rec(st->c, &st->cur);
        }
    }
    st->depth--;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Groups the records into stories, in order of first appearance. */
static void group_stories(corpus *c)
{
    size_t cap = 16;
    while (cap < c->n_recs * 2)
        cap *= 2;
    size_t *slot = xmalloc(cap * sizeof *slot); /* story index + 1, 0 empty */
    memset(slot, 0, cap * sizeof *slot);
    size_t *story_of = xmalloc(c->n_recs * sizeof *story_of);
    size_t *count = xmalloc((c->n_recs + 1) * sizeof *count);
    size_t *first = xmalloc((c->n_recs + 1) * sizeof *first);
    size_t ns = 0;

    for (size_t i = 0; i < c->n_recs; i++) {
        size_t h = (size_t)hash_str(c->recs[i].story_id) & (cap - 1);
        while (slot[h] && strcmp(c->recs[first[slot[h] - 1]].story_id, c->recs[i].story_id) != 0)
            h = (h + 1) & (cap - 1);
        if (!slot[h]) {
            slot[h] = ++ns;
            first[ns - 1] = i;
            count[ns - 1] = 0;
        }
        story_of[i] = slot[h] - 1;
        count[slot[h] - 1]++;
    }

    /* Offsets, then place the sentences (input order within a story). */
    size_t *off = xmalloc((ns + 1) * sizeof *off);
    size_t acc = 0;
    for (size_t s = 0; s < ns; s++) {
        off[s] = acc;
        acc += count[s];
    }
    off[ns] = acc;
    size_t *fill = xmalloc((ns + 1) * sizeof *fill);
    memcpy(fill, off, (ns + 1) * sizeof *fill);
    size_t *order = xmalloc((acc + 1) * sizeof *order);
    for (size_t i = 0; i < c->n_recs; i++)
        order[fill[story_of[i]]++] = i;

    c->stories = xmalloc((ns + 1) * sizeof *c->stories);
    c->sents = xmalloc((acc + 1) * sizeof *c->sents);
    c->n_sents = 0;
    for (size_t s = 0; s < ns; s++) {
        const rec *r0 = &c->recs[order[off[s]]];
        size_t start = c->n_sents;
        for (size_t k = off[s]; k < off[s + 1]; k++) {
            const rec *r = &c->recs[order[k]];
            int dup = 0; /* PETRARCH2 keeps the last record of a repeated id */
            for (size_t m = k + 1; m < off[s + 1] && !dup; m++)
                dup = strcmp(c->recs[order[m]].sent_id, r->sent_id) == 0;
            if (dup) {
                c->n_dup++;
                continue;
            }
            pc_sentence_in *in = &c->sents[c->n_sents++];
            in->sent_id = r->sent_id;
            in->text = r->text;
            in->parse = r->parse;
        }
        pc_story_in *st = &c->stories[s];
        st->story_id = r0->story_id;
        st->date = r0->date;
        st->source = r0->source;
        st->n_sents = c->n_sents - start;
        st->sents = c->sents + start;
    }
    c->n_stories = ns;
    free(slot);
    free(story_of);
    free(count);
    free(first);
    free(off);
    free(fill);
    free(order);
}

static void corpus_read(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    memset(c, 0, sizeof *c);
    xml_state st;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.xp = XML_ParserCreate(NULL);
    if (!st.xp)
        die("out of memory");
    XML_SetUserData(st.xp, &st);
    XML_SetElementHandler(st.xp, on_start, on_end);
    XML_SetCharacterDataHandler(st.xp, on_chars);
    for (;;) {
        void *buf = XML_GetBuffer(st.xp, 1 << 16);
        if (!buf)
            die("out of memory");
        size_t n = fread(buf, 1, 1 << 16, f);
        if (ferror(f))
            die("read error on %s", path);
        int last = n < (1 << 16);
        if (XML_ParseBuffer(st.xp, (int)n, last) != XML_STATUS_OK)
            die("%s:%lu: %s", path, (unsigned long)XML_GetCurrentLineNumber(st.xp),
                st.error ? st.error : XML_ErrorString(XML_GetErrorCode(st.xp)));
        if (last)
            break;
    }
    XML_ParserFree(st.xp);
    free(st.buf);
    fclose(f);
    group_stories(c);
}

static void corpus_free(corpus *c)
{
    pool_free(&c->strings);
    free(c->recs);
    free(c->stories);
    free(c->sents);
}

/* --------------------------------------------------------------- coding */

typedef struct {
    pc_coder *coder;
    const corpus *c;
    size_t events;         /* events after the story filter */
    size_t sent_events;    /* events before it */
    size_t sent_errors;    /* sentences with status != PC_OK */
    size_t story_errors;   /* pc_coder_code_story != PC_OK */
    pc_error first_error;
    int have_error;
} worker;

static void code_range(worker *w, size_t from, size_t to)
{
    pc_story_result res;
    pc_error err;
    for (size_t i = from; i < to; i++) {
        memset(&res, 0, sizeof res);
        pc_status s = pc_coder_code_story(w->coder, &w->c->stories[i], &res, &err);
        if (s != PC_OK) {
            w->story_errors++;
            if (!w->have_error) {
                w->first_error = err;
                w->have_error = 1;
            }
            continue;
        }
        w->events += res.n_events;
        for (size_t k = 0; k < res.n_sents; k++) {
            w->sent_events += res.sents[k].n_events;
            if (res.sents[k].status != PC_OK)
                w->sent_errors++;
        }
    }
}

typedef struct {
    double ms;
    size_t events, sent_events, sent_errors, story_errors;
} run_result;

/* pc_code_stories' callback: the results, in input order */
static int on_result(void *ud, size_t seq, const pc_story_in *story, void *tag,
                     pc_status status, const pc_story_result *res, const pc_error *err)
{
    worker *w = ud;
    (void)seq;
    (void)story;
    (void)tag;
    if (status != PC_OK) {
        w->story_errors++;
        if (!w->have_error) {
            w->first_error = *err;
            w->have_error = 1;
        }
        return 0;
    }
    w->events += res->n_events;
    for (size_t k = 0; k < res->n_sents; k++) {
        w->sent_events += res->sents[k].n_events;
        if (res->sents[k].status != PC_OK)
            w->sent_errors++;
    }
    return 0;
}

static const pc_dicts *g_dicts;
static const pc_config *g_cfg;

static run_result code_all(worker *ws, int nthreads, const corpus *c)
{
    run_result r;
    memset(&r, 0, sizeof r);
    for (int t = 0; t < nthreads; t++) {
        ws[t].c = c;
        ws[t].events = ws[t].sent_events = ws[t].sent_errors = ws[t].story_errors = 0;
    }
    double t0 = now_ms();
    if (nthreads == 1) {
        code_range(&ws[0], 0, c->n_stories); /* the plain single-thread figure */
    } else {
        /* threads started and stopped inside the timing, as in the CLI */
        pc_error err;
        if (pc_code_stories(g_dicts, g_cfg, nthreads, c->stories, c->n_stories, on_result,
                            &ws[0], &err) != PC_OK)
            die("pc_code_stories: %s", err.message);
    }
    r.ms = now_ms() - t0;
    for (int t = 0; t < nthreads; t++) {
        r.events += ws[t].events;
        r.sent_events += ws[t].sent_events;
        r.sent_errors += ws[t].sent_errors;
        r.story_errors += ws[t].story_errors;
    }
    return r;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------ main */

static size_t n_warnings;

static void on_warn(void *ud, const pc_error *w)
{
    (void)ud;
    if (n_warnings++ < 5)
        fprintf(stderr, "bench: warning: %s:%ld: %s\n", w->file, w->line, w->message);
}

static void usage(void)
{
    fputs("usage: bench [-c CONFIG] [-D DICTDIR] [-n RUNS] [-w WARMUP] [-j THREADS]\n"
          "             [-L LOADS] [--strict] CORPUS.xml\n"
          "  -c CONFIG   PETR_config.ini (default data/PETR_config.ini)\n"
          "  -D DICTDIR  where relative dictionary names are looked up after the\n"
          "              config's directory (default data/dictionaries)\n"
          "  -n RUNS     timed runs over the corpus; the median is reported (default 5)\n"
          "  -w WARMUP   untimed runs first (default 1)\n"
          "  -j THREADS  coder threads sharing one dictionary set (default 1)\n"
          "  -L LOADS    timed loads of the dictionaries; the median is reported\n"
          "              (default 5)\n"
          "  --strict    exit 1 when a target is missed\n",
          stderr);
    exit(2);
}

static long parse_long(const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi)
        usage();
    return v;
}

static const char *verdict(int ok) { return ok ? "ok" : "MISSED"; }

int main(int argc, char **argv)
{
    const char *config_path = "data/PETR_config.ini", *dict_dir = "data/dictionaries";
    const char *corpus_path = NULL;
    int runs = 5, warmup = 1, nthreads = 1, strict = 0, loads = 5;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--strict") == 0)
            strict = 1;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            usage();
        else if (a[0] == '-' && a[1] && !a[2] && strchr("cDnwjL", a[1])) {
            if (++i >= argc)
                usage();
            switch (a[1]) {
            case 'c': config_path = argv[i]; break;
            case 'D': dict_dir = argv[i]; break;
            case 'n': runs = (int)parse_long(argv[i], 1, 1000); break;
            case 'w': warmup = (int)parse_long(argv[i], 0, 1000); break;
            case 'j': nthreads = (int)parse_long(argv[i], 1, PC_PARALLEL_MAX_THREADS); break;
            case 'L': loads = (int)parse_long(argv[i], 1, 1000); break;
            }
        } else if (a[0] == '-')
            usage();
        else if (!corpus_path)
            corpus_path = a;
        else
            usage();
    }
    if (!corpus_path)
        usage();

    long rss_start = rss_now_kb();

    /* 1. load (timed) */
    pc_error err;
    memset(&err, 0, sizeof err);
    double t0 = now_ms();
    pc_config *cfg = pc_config_load(config_path, dict_dir, &err);
    if (!cfg)
        die("config %s: %s: %s", config_path, pc_status_name(err.code), err.message);
    pc_dicts *dicts = pc_dicts_load(cfg, on_warn, NULL, &err);
    if (!dicts)
        die("dictionaries: %s: %s (%s:%ld)", pc_status_name(err.code), err.message, err.file,
            err.line);
    double *load_t = xmalloc((size_t)loads * sizeof *load_t);
    load_t[0] = now_ms() - t0;
    long rss_load = rss_now_kb();
    g_dicts = dicts;
    g_cfg = cfg;

    worker *ws = xmalloc((size_t)nthreads * sizeof *ws);
    memset(ws, 0, (size_t)nthreads * sizeof *ws);
    /* one coder for -j 1; pc_code_stories makes its own for -j N */
    if (!(ws[0].coder = pc_coder_new(dicts, cfg, &err)))
        die("pc_coder_new: %s: %s", pc_status_name(err.code), err.message);

    /* 2. corpus into memory (not timed) */
    corpus c;
    double tr = now_ms();
    corpus_read(&c, corpus_path);
    double read_ms = now_ms() - tr;
    long rss_corpus = rss_now_kb();
    if (c.n_sents == 0)
        die("%s: no <Sentence sentence=\"True\"> records", corpus_path);

    /* 3. code */
    run_result first;
    memset(&first, 0, sizeof first);
    int have_first = 0, nondet = 0;
    for (int i = 0; i < warmup; i++) {
        run_result r = code_all(ws, nthreads, &c);
        if (!have_first) {
            first = r;
            have_first = 1;
        } else if (r.events != first.events || r.sent_events != first.sent_events)
            nondet = 1;
    }
    double *rate = xmalloc((size_t)runs * sizeof *rate);
    double *ms = xmalloc((size_t)runs * sizeof *ms);
    for (int i = 0; i < runs; i++) {
        run_result r = code_all(ws, nthreads, &c);
        if (!have_first) {
            first = r;
            have_first = 1;
        } else if (r.events != first.events || r.sent_events != first.sent_events)
            nondet = 1;
        ms[i] = r.ms;
        rate[i] = r.ms > 0 ? (double)c.n_sents / (r.ms / 1e3) : 0;
    }
    qsort(rate, (size_t)runs, sizeof *rate, cmp_double);
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    double med_rate = runs % 2 ? rate[runs / 2] : (rate[runs / 2 - 1] + rate[runs / 2]) / 2;
    double med_ms = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    long rss_peak = rss_peak_kb();

    /* more loads for the median load time: after the peak RSS was taken,
     * as each holds a second copy of the dictionaries for a moment */
    for (int i = 1; i < loads; i++) {
        double t1 = now_ms();
        pc_config *c2 = pc_config_load(config_path, dict_dir, &err);
        pc_dicts *d2 = c2 ? pc_dicts_load(c2, NULL, NULL, &err) : NULL;
        load_t[i] = now_ms() - t1;
        if (!d2)
            die("dictionaries (load %d): %s", i + 1, err.message);
        pc_dicts_free(d2);
        pc_config_free(c2);
    }
    qsort(load_t, (size_t)loads, sizeof *load_t, cmp_double);
    double load_ms = loads % 2 ? load_t[loads / 2] : (load_t[loads / 2 - 1] + load_t[loads / 2]) / 2;
    double load_min = load_t[0], load_max = load_t[loads - 1];
    free(load_t);

    /* 4. report */
    int ok_rate = med_rate >= TARGET_SENT_PER_S;
    int ok_load = load_ms <= TARGET_LOAD_MS;
    int ok_rss = mb(rss_peak) >= 0 && mb(rss_peak) <= TARGET_PEAK_RSS_MB;
    printf("petrarch-c %s bench: %s\n", PC_VERSION, corpus_path);
    printf("  %-30s %12zu   (%zu stories", "sentences", c.n_sents, c.n_stories);
    if (c.n_not_sentence)
        printf(", %zu sentence!=\"True\" records skipped", c.n_not_sentence);
    if (c.n_dup)
        printf(", %zu repeated ids dropped", c.n_dup);
    printf(")\n");
    printf("  %-30s %12zu   (%zu coded in sentences before the story filter)\n", "events",
           first.events, first.sent_events);
    if (first.sent_errors || first.story_errors)
        printf("  %-30s %12zu   (+ %zu stories failed)\n", "sentences with errors",
               first.sent_errors, first.story_errors);
    printf("  %-30s %12.1f   target <= %.0f ms   %s   (median of %d; min %.1f, max %.1f)\n",
           "load ms (config+dicts)", load_ms, TARGET_LOAD_MS, verdict(ok_load), loads, load_min,
           load_max);
    printf("  %-30s %12.1f   (%.1f before load%s)\n", "RSS after load MB", mb(rss_load),
           mb(rss_start), n_warnings ? "; dictionary warnings on stderr" : "");
    printf("  %-30s %12.1f   (read untimed in %.0f ms; RSS %.1f MB after reading)\n",
           "corpus strings in memory MB", (double)c.strings.total / (1024.0 * 1024.0), read_ms,
           mb(rss_corpus));
    printf("  %-30s %12.0f   target >= %.0f   %s\n",
           nthreads == 1 ? "coding sentences/s (1 thread)" : "coding sentences/s", med_rate,
           TARGET_SENT_PER_S, verdict(ok_rate));
    if (nthreads > 1)
        printf("  %-30s %12d   (pc_code_stories: one shared pc_dicts, results in order)\n",
               "threads", nthreads);
    printf("  %-30s %12.1f   median of %d runs (%d warm-up); min %.1f, max %.1f; "
           "%.2f us/sentence\n",
           "coding ms per run", med_ms, runs, warmup, ms[0], ms[runs - 1],
           med_ms * 1e3 / (double)c.n_sents);
    printf("  %-30s %12.1f   target <= %.0f MB   %s\n", "peak RSS MB (ru_maxrss)", mb(rss_peak),
           TARGET_PEAK_RSS_MB, verdict(ok_rss));
    if (nondet)
        printf("  NONDETERMINISTIC: the event count differs between runs\n");
    for (int t = 0; t < nthreads; t++)
        if (ws[t].have_error) {
            printf("  first story error: %s: %s (%s)\n", pc_status_name(ws[t].first_error.code),
                   ws[t].first_error.message, ws[t].first_error.record_id);
            break;
        }
    printf("RESULT sentences=%zu stories=%zu events=%zu load_ms=%.1f rss_load_mb=%.1f "
           "sent_per_s=%.0f threads=%d runs=%d peak_rss_mb=%.1f errors=%zu\n",
           c.n_sents, c.n_stories, first.events, load_ms, mb(rss_load), med_rate, nthreads,
           runs, mb(rss_peak), first.sent_errors + first.story_errors);
    fflush(stdout);

    free(rate);
    free(ms);
    for (int t = 0; t < nthreads; t++)
        pc_coder_free(ws[t].coder);
    free(ws);
    corpus_free(&c);
    pc_dicts_free(dicts);
    pc_config_free(cfg);

    if (nondet)
        return 1;
    if (strict && !(ok_rate && ok_load && ok_rss))
        return 1;
    return 0;
}
