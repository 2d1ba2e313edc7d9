/* test_dup_ids.c -- "both kept": repeated sentence ids in a story are
 * renamed SENT -> SENTdup2, dup3, ..., skipping names already taken. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "story/dup_ids.h"

static void test_rename(void **st)
{
    (void)st;
    pc_arena *a = pc_arena_new(0);
    pc_sentence_in s[] = {{"9", "a", "p"},     {"1", "b", "p"}, {"9", "c", "p"},
                          {"9dup3", "d", "p"}, {"9", "e", "p"}, {"1", "f", "p"}};
    pc_story_in in = {.story_id = "GOLD", .date = "20150609", .n_sents = 6, .sents = s};
    pc_story_in out;
    pc_dup_rename *rn;
    assert_int_equal(pc_story_rename_dups(a, &in, &out, &rn), 3);
    assert_string_equal(out.sents[0].sent_id, "9");
    assert_string_equal(out.sents[2].sent_id, "9dup2");
    assert_string_equal(out.sents[3].sent_id, "9dup3"); /* an id of its own */
    assert_string_equal(out.sents[4].sent_id, "9dup4"); /* dup3 was taken */
    assert_string_equal(out.sents[5].sent_id, "1dup2");
    assert_string_equal(out.sents[4].text, "e");
    assert_int_equal(rn[0].index, 2);
    assert_int_equal(rn[0].first, 0);
    assert_int_equal(rn[2].index, 5);
    assert_int_equal(rn[2].first, 1);
    /* the input is untouched */
    assert_string_equal(s[2].sent_id, "9");
    /* no repeats: nothing copied */
    pc_story_in in2 = {.story_id = "X", .date = "1", .n_sents = 2, .sents = s};
    assert_int_equal(pc_story_rename_dups(a, &in2, &out, &rn), 0);
    assert_ptr_equal(out.sents, s);
    pc_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rename),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
