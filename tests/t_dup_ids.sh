#!/bin/sh
# A sentence id that repeats in its story: by default both records are coded
# (the later as S1_1dup2, with a warning); --dup-ids replace codes only the
# later one in the earlier one's place, as PETRARCH2 does (its dict keeps the
# last value), also with a warning.
set -u
BUILD=${BUILD:-build}
bin=$BUILD/petrarch
w=$BUILD/tests/dup-ids
mkdir -p "$w"
in=tests/data/dup/repeated-id.xml
fail=0
"$bin" batch -i "$in" -o "$w/keep.evts" 2>"$w/keep.err"
LC_ALL=C sort "$w/keep.evts" | cut -f2-4,6 >"$w/keep.got"
printf 'DEU\tFRA\t173\tS1_1dup2\nDEU\tFRA\t192\tS1_1\n' >"$w/keep.want"
cmp -s "$w/keep.got" "$w/keep.want" || { echo "FAIL keep: got"; cat "$w/keep.got"; fail=1; }
grep -q "both kept, this one coded as S1_1dup2" "$w/keep.err" || { echo "FAIL keep: no warning"; fail=1; }
"$bin" batch --dup-ids replace -i "$in" -o "$w/replace.evts" 2>"$w/replace.err"
cut -f2-4,6 "$w/replace.evts" >"$w/replace.got"
printf 'DEU\tFRA\t173\tS1_1\n' >"$w/replace.want"
cmp -s "$w/replace.got" "$w/replace.want" || { echo "FAIL replace: got"; cat "$w/replace.got"; fail=1; }
grep -q "replaced by the later one, as PETRARCH2 does" "$w/replace.err" || { echo "FAIL replace: no warning"; fail=1; }
"$bin" batch --dup-ids maybe -i "$in" -o "$w/x.evts" 2>/dev/null
[ $? -eq 2 ] || { echo "FAIL: a bad --dup-ids value is not a usage error"; fail=1; }
[ $fail -eq 0 ] && echo "OK repeated sentence ids: keep and replace"
exit $fail
