/* sent.h -- the state of one sentence being coded (PETRtree.Sentence) and
 * the methods of the phrase classes, split over noun.c (Phrase, NounPhrase,
 * PrepPhrase), verb.c (VerbPhrase), pattern.c (match_pattern),
 * transform.c (match_transform), events.c (Sentence.get_events) and
 * text.c (utilities.extract_phrases).  Each function is a port of the
 * PETRARCH2 1.2.0 method of the same name; comments mark its quirks. */
#ifndef PC_SENT_H
#define PC_SENT_H

#include "petrarch.h"
#include "dict/dicts.h"
#include "tree/tree.h"
#include "pv.h"

/* Sentence.metadata minus 'nouns': id(event tuple) -> list */
typedef struct meta_map {
    const pv **keys;
    pv **vals;
    size_t n, cap;
} meta_map;

struct pc_code_memo;

typedef struct sent {
    py_rt rt;
    const pc_dicts *d;
    struct pc_code_memo *memo; /* the coder's convert_code memo (coder.h) */
    const pc_options *opt;
    long date;            /* ordinal date (dstr_to_ordate) */
    int date_is_str;      /* the tests' string dates compare as Python 2 str > int */
    pc_tree tree;
    pv *nouns;            /* metadata['nouns']: (matched_txt, meaning, roots) tuples */
    meta_map meta;
    long actoridx;
} sent;

typedef struct head_pair {
    pv *head;             /* str or None */
    phrase *phrase;       /* may be NULL (None) */
} head_pair;

/* noun.c */
head_pair ph_get_head(sent *s, phrase *p);
pv *ph_get_meaning(sent *s, phrase *p);          /* dispatch on the class */
pv *ph_get_text(sent *s, phrase *p);             /* Phrase.get_text (str) */
void np_get_text(sent *s, phrase *p, pv **text, pv **codes); /* NounPhrase.get_text */
void resolve_codes(sent *s, const pv *codes, pv **actors, pv **agents);
pv *mix_codes(sent *s, const pv *agents, const pv *actors);
pv *pp_get_prep(sent *s, phrase *p);

/* verb.c */
pv *vp_get_meaning(sent *s, phrase *p);
int vp_check_passive(sent *s, phrase *p);
phrase *vp_get_S(sent *s, phrase *p);
int vp_is_valid(sent *s, phrase *p);
pv *vp_get_theme(sent *s, phrase *p);
pv *combine_code(sent *s, const pv *selfcode, const pv *to_add);
/* utilities.convert_code(code) forward: (active, passive) ints; raises KeyError */
void convert_code_fwd(sent *s, const char *code, pv **active, pv **passive);
/* utilities.convert_code(code, 0): CAMEO string, or int 0 */
pv *convert_code_back(sent *s, const pv *code);

/* pattern.c */
const pc_pattern_leaf *vp_match_pattern(sent *s, phrase *p);

/* transform.c */
pv *vp_match_transform(sent *s, phrase *p, pv *e);

/* events.c */
void meta_set(sent *s, const pv *key, pv *val);
pv *meta_get(sent *s, const pv *key);

/* dates (dstr_to_ordate); returns 0 or -1 (DateError) */
int pc_dstr_to_ordate(const char *s, size_t n, long *out);

#endif
