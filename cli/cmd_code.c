/* cmd_code.c -- `petrarch code`: raw news text to events.  Each file is one
 * story: split, tokenized, tagged and parsed by our models (text_each), then
 * coded and written exactly as `petrarch batch` codes and writes a story
 * (pc_coder_code_story + pc_write_evts). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "petrarch.h"
#include "text_cmd.h"

#ifndef PC_DATA_DIR
#define PC_DATA_DIR "data"
#endif

typedef struct crun {
    pc_coder *coder;
    const pc_options *opt;
    FILE *out;
    int verbose;
    long dict_warnings;
    long stories, sents, not_parsed, coder_errors, events;
} crun;

void usage_code(FILE *f)
{
    fprintf(f,
            "usage: %s code FILE... [-o OUT] [-c CONFIG] [--date YYYYMMDD] [--beam K]\n"
            "                       [--models DIR] [--source NAME] [-v]\n"
            "\n"
            "Codes events from raw news text: each FILE (- for standard input) is one\n"
            "story, split into sentences, parsed by petrarch-c's own tagger and parser and\n"
            "coded as `%s batch` codes PETRARCH XML.  Output: the events file of batch.\n"
            "\n"
            "  -o, --output OUT  write to OUT (default: standard output)\n"
            "  -c, --config CONFIG  a PETR_config.ini (default: $PETRARCH_DATA/PETR_config.ini,\n"
            "                    data dir %s)\n"
            "  --date DATE       the story date (YYYYMMDD or YYYY-MM-DD); default: the\n"
            "                    file's first line 'Date: YYYY-MM-DD' (README \"Raw text\")\n"
            "  --beam K          parser beam width, 1 to 64 (default %d; 1 = greedy).  Wider\n"
            "                    beams make better trees by EVALB but, with the shipped\n"
            "                    models, fewer right events (README \"Raw text\")\n"
            "  --models DIR      tagger.bin and parser.bin (default: $PETRARCH_DATA/../models\n"
            "                    or the build's models/)\n"
            "  --source NAME     the story source (default: the dateline's agency, or NULL)\n"
            "  -v, --verbose     report skipped lines and every dictionary warning\n"
            "\n"
            "Story id: the file name without its extension; sentence ids 1, 2, ...\n"
            "Exit status: 0 every sentence coded, 1 a story had no date or a sentence\n"
            "could not be parsed or coded (the rest is coded), 2 usage error, 3 models,\n"
            "config, dictionaries, input or output unusable.\n",
            pc_prog, pc_prog, PC_DATA_DIR, PC_NLP_DEFAULT_BEAM);
}

static void on_dict_warning(void *ud, const pc_error *w)
{
    crun *r = ud;
    if (r->verbose)
        fprintf(stderr, "%s:%ld: warning: %s\n", w->file, w->line, w->message);
    r->dict_warnings++;
}

static int code_story(void *ud, const text_story *s)
{
    crun *r = ud;
    const pc_nlp_doc *d = s->doc;
    r->stories++;
    r->sents += (long)d->n_sents;
    for (size_t i = 0; i < d->n_sents; i++)
        if (!d->sents[i].parse) {
            text_sentence_diag(s, i + 1, "error: not parsed: ",
                               d->sents[i].error ? d->sents[i].error : "");
            r->not_parsed++;
        }
    pc_story_in story = {s->id, s->date, s->source, 0, NULL};
    pc_sentence_in *in;
    long n = pc_nlp_sentences_in(d, s->arena, &in);
    if (n < 0) {
        fprintf(stderr, "%s: out of memory\n", pc_prog);
        return -1;
    }
    if (n == 0)
        return 0;
    story.n_sents = (size_t)n;
    story.sents = in;
    pc_story_result res;
    pc_error err;
    if (pc_coder_code_story(r->coder, &story, &res, &err) != PC_OK) {
        fprintf(stderr, "%s: record %s: fatal: %s\n", s->name, s->id, err.message);
        return -1;
    }
    for (size_t i = 0; i < res.n_sents; i++)
        if (res.sents[i].status != PC_OK) {
            r->coder_errors++;
            fprintf(stderr, "%s: record %s_%s: error: %s\n", s->name, s->id,
                    res.sents[i].sent_id, res.sents[i].message ? res.sents[i].message : "");
        }
    int k = pc_write_evts(r->out, &res, r->opt);
    if (k < 0)
        return -1;
    r->events += k;
    return 0;
}

int cmd_code(int argc, char **argv)
{
    text_args a;
    int rc = text_args_parse(argc, argv, 1, usage_code, &a);
    if (rc != 0) {
        text_args_free(&a);
        return rc < 0 ? EXIT_OK : rc;
    }
    const char *env = getenv("PETRARCH_DATA");
    const char *data = env && *env ? env : PC_DATA_DIR;
    char config_buf[4096], dict_dir[4096];
    snprintf(config_buf, sizeof config_buf, "%s/PETR_config.ini", data);
    snprintf(dict_dir, sizeof dict_dir, "%s/dictionaries", data);
    const char *target = a.out ? a.out : "-";
    crun r = {.verbose = a.verbose};
    pc_config *cfg = NULL;
    pc_dicts *dicts = NULL;
    pc_nlp *nlp = NULL;
    pc_out out = {0};
    long rejected = 0;
    pc_error err;
    rc = EXIT_FATAL;
    if (!(cfg = pc_config_load(a.config ? a.config : config_buf, dict_dir, &err)) ||
        !(dicts = pc_dicts_load(cfg, on_dict_warning, &r, &err)) ||
        !(r.coder = pc_coder_new(dicts, cfg, &err))) {
        if (err.line > 0)
            fprintf(stderr, "%s:%ld: fatal: %s\n", err.file, err.line, err.message);
        else
            fprintf(stderr, "%s: fatal: %s\n", err.file[0] ? err.file : pc_prog, err.message);
        goto done;
    }
    r.opt = pc_config_options(cfg);
    if (!(nlp = text_load_models(&a)))
        goto done;
    if (out_open(&out, target) < 0)
        goto done;
    r.out = out.f;
    if (text_each(&a, nlp, code_story, &r, &rejected) < 0) {
        if (ferror(out.f))
            fprintf(stderr, "%s: error writing the output\n", pc_prog);
        out_abort(&out);
        goto done;
    }
    if (out_commit(&out) < 0)
        goto done;
    if (r.dict_warnings && !r.verbose)
        fprintf(stderr, "%s: %ld dictionary warnings (-v shows them)\n", pc_prog,
                r.dict_warnings);
    fprintf(stderr,
            "%s: %ld stor%s, %ld sentences: %ld not parsed, %ld failed to code; %ld stories "
            "without a date; %ld events written to %s\n",
            pc_prog, r.stories, r.stories == 1 ? "y" : "ies", r.sents, r.not_parsed,
            r.coder_errors, rejected, r.events,
            strcmp(target, "-") == 0 ? "standard output" : target);
    rc = (r.not_parsed || r.coder_errors || rejected) ? EXIT_REJECTED : EXIT_OK;
done:
    if (rc == EXIT_FATAL)
        fprintf(stderr, "%s: stopped; %s not written\n", pc_prog,
                strcmp(target, "-") == 0 ? "the output" : target);
    pc_nlp_free(nlp);
    pc_coder_free(r.coder);
    pc_dicts_free(dicts);
    pc_config_free(cfg);
    text_args_free(&a);
    return rc;
}
