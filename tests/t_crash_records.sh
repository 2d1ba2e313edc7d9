#!/bin/sh
# The records that crash PETRARCH2 1.2.0 (tests/data/reference/unittest.*.crashes.tsv,
# found by coding the unit-test stories one at a time) do not crash
# petrarch-c: coding all 284 records, exactly those records are reported as
# not coded -- each with the exception PETRARCH2 raises -- while every other
# record is coded as PETRARCH2 codes it (its events equal the reference made
# without the crashing records).
set -u
BUILD=${BUILD:-build}
bin=$BUILD/petrarch
work=$BUILD/tests/crash-records
mkdir -p "$work"
fail=0
check() { # NAME CONFIG
    name=$1 config=$2
    "$bin" batch -c "$config" -i tests/data/reference/PETR.UnitTest.batch.xml \
        -o "$work/$name.evts" 2>"$work/$name.stderr"
    rc=$?
    if [ $rc -ne 1 ]; then
        echo "FAIL $name: exit status $rc, expected 1 (some records not coded)"
        fail=1
    fi
    # ids reported as not coded, with the exception named
    sed -n 's/^.*record \([^ ]*\)_1: error: .*\(IndexError\|TypeError\).*$/\1 \2/p' \
        "$work/$name.stderr" | LC_ALL=C sort >"$work/$name.got"
    grep -v '^#' "tests/data/reference/unittest.$name.crashes.tsv" | tail -n +2 |
        awk -F'\t' '{print $1, $2}' | LC_ALL=C sort >"$work/$name.want"
    if ! cmp -s "$work/$name.got" "$work/$name.want"; then
        echo "FAIL $name: records not coded differ from PETRARCH2's crashes"
        diff "$work/$name.want" "$work/$name.got" | head -20
        fail=1
    else
        echo "OK $name: $(wc -l <"$work/$name.want") crashing records reported, run completed"
    fi
    LC_ALL=C sort "$work/$name.evts" >"$work/$name.sorted"
    if ! cmp -s "$work/$name.sorted" "tests/data/reference/unittest.$name.evts.txt"; then
        echo "FAIL $name: the other records' events differ from the reference"
        fail=1
    fi
}
check phoenix data/PETR_config.ini
check validate data/PETR_validate.ini
exit $fail
