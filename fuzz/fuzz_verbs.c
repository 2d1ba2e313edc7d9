/* fuzz_verbs.c -- the verb dictionary (CAMEO.2.0.txt format: verbs, synsets, patterns, transformations),
 * read by pc_read_verb_dictionary, then used to code two sentences
 * (fuzz_dict.c). */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_dict_input(data, size, pc_read_verb_dictionary);
}
