/* fuzz_actors.c -- an actor dictionary (Phoenix.*.actors.txt format: dated codes, roots, synonyms),
 * read by pc_read_actor_dictionary, then used to code two sentences
 * (fuzz_dict.c). */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_dict_input(data, size, pc_read_actor_dictionary);
}
