#!/bin/sh
# Parity with PETRARCH2 1.2.0 on trees of our own parser: `petrarch parse` of
# the unit-test records' raw text, GUM dev's sentences (five to a story) and
# the example article (tests/data/reference/ourparses.xml, 454 stories, 1,280
# sentences).  These are the trees `petrarch code` gives the coder, with
# errors no hand-checked parse has; the events must be PETRARCH2's own on the
# same trees, byte for byte, with both dictionary sets (references made by
# tests/tools/make_reference.sh; see tests/data/reference/README.md).  With
# the Validate dictionaries PETRARCH2 crashes on 9 of the stories
# (ourparses.validate.crashes.tsv, its reference leaves them out): we must
# report exactly those stories as not coded, and code the rest as it does.
set -u
BUILD=${BUILD:-build}
r=tests/data/reference
sh tests/parity_check.sh data/PETR_config.ini $r/ourparses.xml \
    $r/ourparses.phoenix.evts.txt ourparses-phoenix
a=$?

w=$BUILD/tests/parity-ourparses-validate
mkdir -p "$w"
b=0
"$BUILD/petrarch" batch -c data/PETR_validate.ini -i $r/ourparses.xml -o "$w/evts.txt" \
    2>"$w/stderr.txt"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL ourparses-validate: exit $rc, wanted 1 (stories not coded)"; b=1; }
sed -n "s/.* record \([^ ]*\)_[0-9]*: error: PETRARCH2 1.2.0 raises .*/\1/p" "$w/stderr.txt" |
    LC_ALL=C sort -u >"$w/failed.txt"
sed '1d' $r/ourparses.validate.crashes.tsv | cut -f1 | LC_ALL=C sort -u >"$w/crashes.txt"
if cmp -s "$w/failed.txt" "$w/crashes.txt"; then
    echo "OK ourparses-validate: not coded, as PETRARCH2 crashes on them: $(wc -l <"$w/crashes.txt") stories"
else
    echo "FAIL ourparses-validate: stories not coded differ from PETRARCH2's crashes:"
    diff "$w/crashes.txt" "$w/failed.txt" | head
    b=1
fi
LC_ALL=C sort "$w/evts.txt" >"$w/evts.sorted.txt"
if cmp -s "$w/evts.sorted.txt" $r/ourparses.validate.evts.txt; then
    echo "OK ourparses-validate: $(wc -l <"$w/evts.sorted.txt") event lines identical to PETRARCH2's"
else
    echo "FAIL ourparses-validate: events differ from PETRARCH2's:"
    diff $r/ourparses.validate.evts.txt "$w/evts.sorted.txt" | head
    b=1
fi
[ $a -eq 0 ] && [ $b -eq 0 ]
