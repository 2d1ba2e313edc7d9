/* cmd_parse.c -- `petrarch parse`: raw news text to PETRARCH XML with our
 * parses (one <Sentence> per sentence), to read the trees or to feed them to
 * `petrarch batch` or PETRARCH2 itself.  --tokens prints the sentences and
 * tokens only (no models needed). */
#include <string.h>

#include "cli.h"
#include "text_cmd.h"

typedef struct prun {
    FILE *out;
    int tokens;
    long written, not_parsed, stories;
} prun;

void usage_parse(FILE *f)
{
    fprintf(f,
            "usage: %s parse FILE... [-o OUT] [--date YYYYMMDD] [--beam K] [--models DIR]\n"
            "                        [--source NAME] [--tokens] [-v]\n"
            "\n"
            "Splits each text FILE (one story; - for standard input) into sentences,\n"
            "tokenizes, tags and parses them, and writes PETRARCH XML (<Sentence date id\n"
            "source sentence=\"True\"> with <Text> and <Parse>) that `%s batch` and\n"
            "PETRARCH2 read.  Story id: the file name without its extension; sentences\n"
            "are numbered from 1.\n"
            "\n"
            "  -o, --output OUT  write to OUT (default: standard output)\n"
            "  --date DATE       the story date (YYYYMMDD or YYYY-MM-DD); default: the\n"
            "                    file's first line 'Date: YYYY-MM-DD' (README \"Raw text\")\n"
            "  --beam K          parser beam width, 1 to 64 (default %d; 1 = greedy)\n"
            "  --models DIR      tagger.bin and parser.bin (default: $PETRARCH_DATA/../models\n"
            "                    or the build's models/)\n"
            "  --source NAME     the source attribute (default: the dateline's agency, or NULL)\n"
            "  --tokens          print ID<TAB>tokens, one sentence per line, instead (no models)\n"
            "  -v, --verbose     report the skipped lines (dateline, boilerplate, subheads)\n"
            "\n"
            "Exit status: 0 every sentence written, 1 a story had no date or a sentence\n"
            "could not be parsed (the others are written), 2 usage error, 3 models,\n"
            "input or output unusable.\n",
            pc_prog, pc_prog, PC_NLP_DEFAULT_BEAM);
}

/* text for an XML element or attribute value */
static void xml_put(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

static int write_story(void *ud, const text_story *s)
{
    prun *r = ud;
    const pc_nlp_doc *d = s->doc;
    r->stories++;
    for (size_t i = 0; i < d->n_sents; i++) {
        const pc_nlp_sentence *st = &d->sents[i];
        if (r->tokens) {
            fprintf(r->out, "%s_%zu\t", s->id, i + 1);
            for (size_t k = 0; k < st->n_tokens; k++)
                fprintf(r->out, "%s%s", k ? " " : "", st->tokens[k].word);
            fputc('\n', r->out);
            r->written++;
            continue;
        }
        if (!st->parse) {
            text_sentence_diag(s, i + 1, "error: not parsed: ", st->error ? st->error : "");
            r->not_parsed++;
            continue;
        }
        fprintf(r->out, "<Sentence date=\"%s\" id=\"%s_%zu\" source=\"", s->date, s->id, i + 1);
        xml_put(r->out, s->source);
        fputs("\" sentence=\"True\">\n<Text>", r->out);
        xml_put(r->out, st->text);
        fputs("</Text>\n<Parse>", r->out);
        xml_put(r->out, st->parse);
        fputs("</Parse>\n</Sentence>\n", r->out);
        r->written++;
    }
    return ferror(r->out) ? -1 : 0;
}

int cmd_parse(int argc, char **argv)
{
    text_args a;
    int rc = text_args_parse(argc, argv, 0, usage_parse, &a);
    if (rc != 0) {
        text_args_free(&a);
        return rc < 0 ? EXIT_OK : rc;
    }
    prun r = {.tokens = a.tokens};
    pc_nlp *nlp = NULL;
    pc_out out = {0};
    long rejected = 0;
    const char *target = a.out ? a.out : "-";
    rc = EXIT_FATAL;
    if (!a.tokens && !(nlp = text_load_models(&a)))
        goto done;
    if (out_open(&out, target) < 0)
        goto done;
    r.out = out.f;
    if (!a.tokens)
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Sentences>\n", r.out);
    if (text_each(&a, nlp, write_story, &r, &rejected) < 0) {
        out_abort(&out);
        goto done;
    }
    if (!a.tokens)
        fputs("</Sentences>\n", r.out);
    if (out_commit(&out) < 0)
        goto done;
    fprintf(stderr, "%s: %ld stor%s: %ld sentences written, %ld not parsed, %ld stories without "
                    "a date\n",
            pc_prog, r.stories, r.stories == 1 ? "y" : "ies", r.written, r.not_parsed, rejected);
    rc = (r.not_parsed || rejected) ? EXIT_REJECTED : EXIT_OK;
done:
    if (rc == EXIT_FATAL)
        fprintf(stderr, "%s: stopped; %s not written\n", pc_prog,
                strcmp(target, "-") == 0 ? "the output" : target);
    pc_nlp_free(nlp);
    text_args_free(&a);
    return rc;
}
