#!/bin/sh
# Parity with PETRARCH2 1.2.0 on 7,298 GUM trees (1,460 five-sentence stories
# of varied, non-news English: questions, fragments, long coordinations),
# default config, with and without write_actor_root: sorted events must be
# byte-identical to PETRARCH2's (see tests/data/reference/README.md).
set -u
in=tests/data/reference/gum-train.batch.xml
sh tests/parity_check.sh data/PETR_config.ini "$in" \
    tests/data/reference/gum.phoenix.evts.txt gum || exit 1
exec sh tests/parity_check.sh tests/data/reference/PETR_config.root.ini "$in" \
    tests/data/reference/gum.phoenix.root.evts.txt gum-root
