#!/bin/sh
# Parity with PETRARCH2 1.2.0 on MULTI-sentence stories (the story layer:
# sentence order by id, the one-a-story filter, repeated events with their
# issues and texts, discards inside a story), with both dictionary sets.
# Inputs made by tests/tools/make_story_mix.py, references by PETRARCH2
# (tests/tools/make_reference.sh); see tests/data/reference/README.md.
r=tests/data/reference
sh tests/parity_check.sh data/PETR_config.ini $r/stories.mix.phoenix.xml \
    $r/stories.mix.phoenix.evts.txt stories-phoenix
a=$?
sh tests/parity_check.sh data/PETR_validate.ini $r/stories.mix.validate.xml \
    $r/stories.mix.validate.evts.txt stories-validate
b=$?
[ $a -eq 0 ] && [ $b -eq 0 ]
