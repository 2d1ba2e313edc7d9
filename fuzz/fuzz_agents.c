/* fuzz_agents.c -- the agent dictionary (Phoenix.agents.txt format: plural rules, codes),
 * read by pc_read_agent_dictionary, then used to code two sentences
 * (fuzz_dict.c). */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_dict_input(data, size, pc_read_agent_dictionary);
}
