/* fuzz_discards.c -- the discard list (Phoenix.discards.txt: sentence and + story discards),
 * read by pc_read_discard_list, then used to code two sentences
 * (fuzz_dict.c). */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_dict_input(data, size, pc_read_discard_list);
}
