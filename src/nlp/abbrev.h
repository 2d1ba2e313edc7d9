/* abbrev.h -- which words ending in a period are abbreviations, and whether
 * an abbreviation can end a sentence.  One list serves the sentence splitter
 * (split.c: is this period a boundary?) and the tokenizer (tokenize.c: does
 * the period stay on the word?), so the two always agree.
 *
 * The classes follow Stanford CoreNLP's PTBLexer (the tokenizer whose
 * output PETRARCH2's parses came from), with its lists trimmed to what news
 * text uses:
 *   BEFORE_NAME  titles and acronyms (Mr., Gen., St., U.S., J.): normally
 *                followed by a capitalized name, so a capital letter after
 *                them does not start a sentence; only a common
 *                sentence-opening word does ("... in the U.S. The army").
 *   GENERAL      months, days, states, company words, etc. (Jan., Calif.,
 *                Inc., etc.): normally followed by lower case or a number,
 *                so any capitalized word after them starts a sentence.
 *   NUMBER       No., Art., Vol., p.: abbreviations only before a number
 *                ("No. 5"); elsewhere an ordinary word ("said no.").
 *   INTERNAL     vs., a.k.a.: never end a sentence.
 * Words are matched as written or in capitals (MR., CORP.). */
#ifndef PC_NLP_ABBREV_H
#define PC_NLP_ABBREV_H

#include <stddef.h>

typedef enum pc_abbrev_kind {
    PC_ABBREV_NONE = 0,
    PC_ABBREV_BEFORE_NAME,
    PC_ABBREV_GENERAL,
    PC_ABBREV_NUMBER,
    PC_ABBREV_INTERNAL
} pc_abbrev_kind;

/* w[0..n) is a word without its final period ("Mr", "U.S", "J"). */
pc_abbrev_kind pc_abbrev_kind_of(const char *w, size_t n);

/* Letters separated by single periods, at most 6 of them ("U.S", "e.g",
 * "a.m", "J"): with the final period, an acronym or an initial. */
int pc_abbrev_is_acronym(const char *w, size_t n);

/* w[0..n) is a word that commonly opens a sentence after an acronym
 * ("The", "He", "But", ...; first letter a capital).  CoreNLP's list. */
int pc_abbrev_sentence_opener(const char *w, size_t n);

/* Is word w[0..n) + "." (followed by next[0..nn), the next word, possibly
 * empty) an abbreviation whose period belongs to it, mid-sentence? */
int pc_abbrev_keeps_period(const char *w, size_t n, const char *next, size_t nn);

#endif
