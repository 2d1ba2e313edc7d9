#!/bin/sh
# parity_check.sh CONFIG INPUT.xml REFERENCE.evts.txt NAME
# Codes INPUT.xml with build/petrarch batch and CONFIG, sorts the events
# bytewise and compares them with PETRARCH2's (sorted) REFERENCE, byte for
# byte.  On a difference prints a summary (lines only in PETRARCH2's output,
# lines only in ours, the first of each) and exits 1.  Sourced by the
# tests/t_parity_*.sh scripts; not a test itself.
set -u
BUILD=${BUILD:-build}
config=$1 input=$2 ref=$3 name=$4
bin=$BUILD/petrarch
work=$BUILD/tests/parity-$name
mkdir -p "$work"
if [ ! -f "$config" ]; then
    echo "FAIL $name: config $config is missing"
    exit 1
fi
"$bin" batch -c "$config" -i "$input" -o "$work/evts.txt" 2>"$work/stderr.txt"
rc=$?
tail -n 3 "$work/stderr.txt"
if [ $rc -ne 0 ]; then
    echo "FAIL $name: petrarch exited with $rc (stderr: $work/stderr.txt)"
    exit 1
fi
LC_ALL=C sort "$work/evts.txt" >"$work/evts.sorted.txt"
if cmp -s "$work/evts.sorted.txt" "$ref"; then
    echo "OK $name: $(wc -l <"$ref") event lines identical to PETRARCH2's"
    exit 0
fi
LC_ALL=C comm -23 "$ref" "$work/evts.sorted.txt" >"$work/missing.txt"
LC_ALL=C comm -13 "$ref" "$work/evts.sorted.txt" >"$work/extra.txt"
echo "FAIL $name: output differs from PETRARCH2's"
echo "  reference lines: $(wc -l <"$ref"), ours: $(wc -l <"$work/evts.sorted.txt")"
echo "  only in PETRARCH2's output: $(wc -l <"$work/missing.txt") (first 10 below; all in $work/missing.txt)"
head -n 10 "$work/missing.txt" | sed 's/^/    - /'
echo "  only in ours: $(wc -l <"$work/extra.txt") (first 10 below; all in $work/extra.txt)"
head -n 10 "$work/extra.txt" | sed 's/^/    + /'
exit 1
