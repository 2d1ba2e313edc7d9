/* fuzz_dict.c -- see fuzz_dict.h. */
#include "fuzz_dict.h"

#include <stdlib.h>
#include <string.h>

/* Two sentences of PETRARCH2's unit-test records (tests/data/), one line
 * each: a verb with a PP source (DEMO-06) and a nested NP (DEMO-16). */
static const char *const PARSES[] = {
    "(ROOT (S (NP (DT The) (JJ Calenardhon) (NN government)) (VP (VP (VBD condemned) "
    "(NP (DT an) (NN attack)) (PP (IN by) (NP (NP (NNP Osgiliath) (NNS soldiers)) (PP "
    "(IN in) (NP (JJ south) (NNP Ithilen))))) (PP (IN on) (NP (NNP Thursday)))) (CC and) "
    "(VP (VBD promised) (NP (NN aid)) (PP (TO to) (NP (DT the) (VBN affected) (NN "
    "Ithilen) (NNS villages))))) (. .)))",
    "(ROOT (S (NP (NNP Fornost) (NNP President) (NNP Umbardacil)) (VP (VBZ has) (ADVP "
    "(RB again)) (VP (VBN appealed) (PP (IN for) (NP (NP (NN peace)) (PP (IN in) (NP "
    "(NNP Ithilen))))) (PP (IN in) (NP (DT a) (NN message))) (PP (TO to) (NP (NP (DT "
    "the) (JJ spiritial) (NN leader)) (PP (IN of) (NP (NP (DT the) (JJ war-torn) (NN "
    "nation) (POS 's)) (JJ influential) (NNP Douzu) (NN community))))))) (. .)))",
};
static const char *const TEXTS[] = {
    "The Calenardhon government condemned an attack by Osgiliath soldiers in south "
    "Ithilen on Thursday and promised aid to the affected Ithilen villages.",
    "Fornost President Umbardacil has again appealed for peace in Ithilen in a message "
    "to the spiritial leader of the war-torn nation's influential Douzu community.",
};

static void code_with(const pc_dicts *d)
{
    pc_error err;
    pc_coder *c = pc_coder_new(d, fz_config(), &err);
    if (!c)
        abort();
    pc_sentence_in s[2];
    for (int i = 0; i < 2; i++) {
        s[i].sent_id = i ? "2" : "1";
        s[i].text = TEXTS[i];
        s[i].parse = PARSES[i];
    }
    pc_story_in st = {"FUZZ", "20150101", "SRC", 2, s};
    pc_story_result r;
    if (pc_coder_code_story(c, &st, &r, &err) == PC_OK)
        pc_write_evts(fz_null(), &r, pc_config_options(fz_config()));
    else
        fz_check_nomem(&err);
    pc_coder_free(c);
}

int fz_dict_input(const uint8_t *data, size_t size, fz_reader reader)
{
    const char *path = fz_file(data, size);
    for (int root = 0; root < 2; root++) {
        pc_error err;
        pc_dicts *d = pc_dicts_new(root, &err);
        if (!d)
            abort();
        pc_status st = reader(d, path, fz_warn, NULL, &err);
        if (st == PC_OK)
            code_with(d);
        else if (!err.message[0])
            abort(); /* an error must say what it is */
        else
            fz_check_nomem(&err);
        pc_dicts_free(d);
    }
    return 0;
}
