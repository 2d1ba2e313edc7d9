/* features.h -- hashed feature keys and the word-form helpers the tagger and
 * the parser share.  A feature is a template number combined with up to three
 * 64-bit values (word hashes, tag/label ids); nothing is spelled out as a
 * string, so building the ~50-100 features of a decision costs a few dozen
 * multiplications. */
#ifndef PC_NLP_FEATURES_H
#define PC_NLP_FEATURES_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t pc_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static inline uint64_t pc_feat1(uint32_t tmpl, uint64_t a)
{
    return pc_mix64(((uint64_t)tmpl << 48) ^ pc_mix64(a + 0x9e3779b97f4a7c15ULL));
}

static inline uint64_t pc_feat2(uint32_t tmpl, uint64_t a, uint64_t b)
{
    return pc_mix64(pc_feat1(tmpl, a) ^ (b * 0xff51afd7ed558ccdULL + 0x632be59bd9b4e019ULL));
}

static inline uint64_t pc_feat3(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    return pc_mix64(pc_feat2(tmpl, a, b) ^ (c * 0xc4ceb9fe1a85ec53ULL + 0x2545f4914f6cdd1dULL));
}

/* FNV-1a of n bytes, mixed. */
uint64_t pc_hash_bytes(const char *s, size_t n);
static inline uint64_t pc_hash_str(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return pc_hash_bytes(s, n);
}
/* Hash of the ASCII-lowercased word. */
uint64_t pc_hash_lower(const char *s);
/* Hash of the ASCII-uppercased word (actor dictionaries are upper case). */
uint64_t pc_hash_upper(const char *s);
/* Hash of the last k bytes / first k bytes (UTF-8 bytes; whole word if shorter),
 * lowercased. */
uint64_t pc_hash_suffix(const char *s, size_t k);
uint64_t pc_hash_prefix(const char *s, size_t k);
/* Word shape, runs collapsed: "Israel" -> "Xx", "1,200" -> "d,d", "U.S." -> "X.X.";
 * returned as a hash. */
uint64_t pc_hash_shape(const char *s);

/* Bit flags of a word's form. */
enum {
    PC_W_UPPER1 = 1,    /* first letter upper case */
    PC_W_ALLCAPS = 2,   /* letters, all upper case, length > 1 */
    PC_W_DIGIT = 4,     /* has a digit */
    PC_W_HYPHEN = 8,    /* has a hyphen */
    PC_W_NONASCII = 16, /* has a byte >= 0x80 */
    PC_W_PUNCT = 32     /* no letter or digit */
};
unsigned pc_word_flags(const char *s);

/* A PTB token as text spells it: the escapes "-LRB-" "-RRB-" "-LSB-" "-RSB-"
 * "-LCB-" "-RCB-" become the brackets, and the directed quotes "``" and "''"
 * the curly quotes U+201C and U+201D; any other token is itself.  Models
 * look words up by this form.  The tagger learns from CoNLL-U, whose words
 * are the text itself -- "(" and curly quotes, never "-LRB-" -- and tags the
 * tokenizer's and PTB files' tokens, which are escaped (CoreNLP's
 * conventions): unmapped, it had tagged "-LRB-" NNP and "``" now and then
 * ",".  The parser learns from PTB files, which escape round brackets but
 * not square ones, and write quotes as '"', curly or directed: mapped in
 * training and parsing alike, each bracket and quote has one spelling. */
const char *pc_model_form(const char *w);
/* The bracket a PTB escape stands for ("-LRB-" -> "(", and -RRB- -LSB- -RSB-
 * -LCB- -RCB-), or NULL if w is no such escape. */
const char *pc_ptb_bracket(const char *w);

#endif
