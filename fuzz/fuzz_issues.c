/* fuzz_issues.c -- the issue list (Phoenix.IssueCoding.txt: codes, synonyms, ignore phrases),
 * read by pc_read_issue_list, then used to code two sentences
 * (fuzz_dict.c). */
#include "fuzz_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_dict_input(data, size, pc_read_issue_list);
}
