#!/bin/sh
# `petrarch validate` on PETRARCH2's unit-test records.
#
# 1. Restricted to the records PETRARCH2 codes without crashing (--exclude-file
#    with the crash lists), its figures must equal PETRARCH2's own
#    (tests/data/reference/unittest.*.score.txt, made by score_unittest.py from
#    PETRARCH2's events): the summary lines, every category line, and the
#    missing/extra events of every record that is not fully correct -- with
#    the Validate dictionaries (the file's <Environment>: 89/248, P 0.543
#    R 0.366 F1 0.438) and with the Phoenix config (-c).
# 2. On all 284 records the records PETRARCH2 crashes on are the ERROR
#    records, and the totals equal PETRARCH2's "not run counted failed" line.
# 3. --fixed: no record fails on a crash of PETRARCH2's verb codes, the
#    figures differ from parity mode, and they are the ones in the README.
# 4. --only, --fail-only, --exclude-file, --json, dictionaries next to the
#    records file, and the usage/fatal exit codes.
set -u
BUILD=${BUILD:-build}
bin=$BUILD/petrarch
work=$BUILD/tests/validate
mkdir -p "$work"
rec=tests/data/PETR.UnitTest.records.xml
ref=tests/data/reference
fail=0
bad() { echo "FAIL $*"; fail=1; }
ok() { echo "ok   $*"; }

# Our report -> the lines score_unittest.py prints (summary, categories,
# WRONG details as "ID|missing|extra"), sorted where order is free.
summary_of() { grep -E '^(scored records|all records|by gold kind)' "$1"; }
categories_of() { # the table rows, in the tool's wording
    awk '/^category /{t=1; next} t && /^overall /{exit} t && NF == 12 {
        sub(/%$/, "", $4)
        printf "  category %-9s: records fully correct %d/%d (%s%%); events gold %d, predicted %d, TP %d FP %d FN %d; P %s R %s F1 %s\n", $1, $3, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12
    }' "$1"
}
wrong_of() {
    sed -n 's/^\(FAIL \|ERROR\) \([^ ]*\) .*; missing: \(.*\); extra: \(.*\)$/\2|\3|\4/p' "$1" | LC_ALL=C sort
}
ref_summary() { head -n 3 "$1"; }
ref_categories() { grep '^  category ' "$1"; }
ref_wrong() {
    sed -n 's/^WRONG \([^ ]*\) .*  missing: \(.*\)  extra: \(.*\)$/\1|\2|\3/p' "$1" | LC_ALL=C sort
}

same() { # NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then
        ok "$1 ($(wc -l <"$2") lines)"
    else
        bad "$1 differs (< PETRARCH2's, > ours)"
        diff "$2" "$3" | head -n 10
    fi
}

against_petrarch2() { # NAME REFERENCE EXTRA-ARGS...
    name=$1 score=$2
    shift 2
    "$bin" validate "$rec" "$@" >"$work/$name.txt" 2>"$work/$name.err"
    rc=$?
    [ $rc -eq 1 ] || bad "$name: exit status $rc, expected 1 (records not fully correct)"
    summary_of "$work/$name.txt" >"$work/$name.sum"
    ref_summary "$score" >"$work/$name.sum.ref"
    same "$name: summary lines equal PETRARCH2's" "$work/$name.sum.ref" "$work/$name.sum"
    categories_of "$work/$name.txt" >"$work/$name.cat"
    ref_categories "$score" >"$work/$name.cat.ref"
    same "$name: category lines equal PETRARCH2's" "$work/$name.cat.ref" "$work/$name.cat"
    wrong_of "$work/$name.txt" >"$work/$name.wrong"
    ref_wrong "$score" >"$work/$name.wrong.ref"
    same "$name: missing/extra events of every wrong record equal PETRARCH2's" \
        "$work/$name.wrong.ref" "$work/$name.wrong"
}

# ---------------------------------------------------------------- 1
against_petrarch2 validate-248 "$ref/unittest.validate.score.txt" \
    --exclude-file "$ref/unittest.validate.crashes.tsv"
grep -q '^scored records: records fully correct 89/248 (35.9%);.* P 0.543 R 0.366 F1 0.438$' \
    "$work/validate-248.txt" || bad "validate-248: not 89/248, P 0.543 R 0.366 F1 0.438"
against_petrarch2 phoenix-280 "$ref/unittest.phoenix.score.txt" \
    -c data/PETR_config.ini --exclude-file "$ref/unittest.phoenix.crashes.tsv"

# ---------------------------------------------------------------- 2
"$bin" validate "$rec" >"$work/all.txt" 2>"$work/all.err"
sed -n 's/^all records: //p' "$work/all.txt" >"$work/all.line"
sed -n 's/^all records, 36 not run counted failed: //p' "$ref/unittest.validate.score.txt" \
    >"$work/all.line.ref"
same "all 284: totals equal PETRARCH2's with its 36 crashes counted failed" \
    "$work/all.line.ref" "$work/all.line"
sed -n 's/^ERROR \([^ ]*\) \[.*\] line [0-9]*: .*/\1/p' "$work/all.txt" | LC_ALL=C sort >"$work/all.errors"
grep -v '^#' "$ref/unittest.validate.crashes.tsv" | tail -n +2 | cut -f1 | LC_ALL=C sort \
    >"$work/all.errors.ref"
same "all 284: the ERROR records are PETRARCH2's crashes" "$work/all.errors.ref" "$work/all.errors"
[ "$(grep -c '^PASS ' "$work/all.txt")" -eq 89 ] || bad "all 284: PASS lines are not 89"

# ---------------------------------------------------------------- 3
"$bin" validate --fixed "$rec" >"$work/fixed.txt" 2>"$work/fixed.err"
if grep -q '^ERROR .*TypeError' "$work/fixed.txt"; then
    bad "--fixed: records still fail on PETRARCH2's TypeError"
fi
sed -n 's/^ERROR \([^ ]*\) \[.*\] line [0-9]*: .*/\1/p' "$work/fixed.txt" | LC_ALL=C sort >"$work/fixed.errors"
grep 'IndexError' "$ref/unittest.validate.crashes.tsv" | cut -f1 | LC_ALL=C sort \
    >"$work/fixed.errors.ref"
same "--fixed: only the unreadable parses are ERROR records" "$work/fixed.errors.ref" \
    "$work/fixed.errors"
fixed_line=$(grep '^all records: ' "$work/fixed.txt")
if [ -z "$fixed_line" ] || [ "$fixed_line" = "$(grep '^all records: ' "$work/all.txt")" ]; then
    bad "--fixed: figures missing or equal to parity mode's"
elif ! grep -qF -- "${fixed_line#all records: }" README.md; then
    bad "--fixed: README does not give the current figures: ${fixed_line#all records: }"
else
    ok "--fixed: ${fixed_line#all records: } (as in the README)"
fi
grep -q 'fixed mode; [1-9][0-9]* dictionary warnings' "$work/fixed.err" ||
    bad "--fixed: no dictionary warnings for the codes it drops"

# ---------------------------------------------------------------- 4
# --only: only those categories, with PETRARCH2's figures for them
"$bin" validate "$rec" --only DATE,ACTOR --exclude-file "$ref/unittest.validate.crashes.tsv" \
    >"$work/only.txt" 2>"$work/only.err"
grep -q 'matches no record' "$work/only.err" &&
    bad "--only: exclusion ids of other categories are warned about"
"$bin" validate "$rec" --only DATE --only=ACTOR \
    --exclude-file "$ref/unittest.validate.crashes.tsv" >"$work/only2.txt" 2>/dev/null
cmp -s "$work/only.txt" "$work/only2.txt" || bad "--only A,B and --only A --only=B differ"
categories_of "$work/only.txt" >"$work/only.cat"
grep -E '^  category (DATE|ACTOR) ' "$ref/unittest.validate.score.txt" >"$work/only.cat.ref"
same "--only DATE,ACTOR: their category lines" "$work/only.cat.ref" "$work/only.cat"
if grep -E '^(PASS |FAIL |ERROR [^ ]* \[)' "$work/only.txt" | grep -qvE ' \[(DATE|ACTOR)\] '; then
    bad "--only: records of other categories listed"
fi
n=$(grep -cE '^(PASS |FAIL |ERROR [^ ]* \[)' "$work/only.txt")
[ "$n" -eq 36 ] || bad "--only DATE,ACTOR: $n records listed, expected 21 + 15"

# --only with a category no record has: a warning, and no success
"$bin" validate "$rec" --only NOSUCH >/dev/null 2>"$work/nosuch.err"
[ $? -eq 1 ] && grep -q 'no record has the category' "$work/nosuch.err" ||
    bad "--only NOSUCH: not exit status 1 with a warning"

# --fail-only: the same FAIL/ERROR lines and figures, no PASS line
"$bin" validate "$rec" --fail-only >"$work/failonly.txt" 2>/dev/null
grep -q '^PASS' "$work/failonly.txt" && bad "--fail-only lists PASS records"
grep -v '^PASS' "$work/all.txt" >"$work/all.nopass"
same "--fail-only: the report without its PASS lines" "$work/all.nopass" "$work/failonly.txt"

# --exclude-file: excluded records are not listed; unknown ids are warned about
printf '# comment\nstory_id\tx\nDEMO-00_1\tx\nNO-SUCH-ID\tx\n' >"$work/excl.tsv"
"$bin" validate "$rec" --exclude-file "$work/excl.tsv" >"$work/excl.txt" 2>"$work/excl.err"
grep -q ' DEMO-00 ' "$work/excl.txt" && bad "--exclude-file: DEMO-00 still listed"
grep -q 'NO-SUCH-ID matches no record' "$work/excl.err" || bad "--exclude-file: no warning for an unknown id"
grep -q '^all records, 1 not run counted failed: records fully correct 88/284' "$work/excl.txt" ||
    bad "--exclude-file: DEMO-00 (a correct record) not counted as failed"

# --json: the same records and figures
"$bin" validate "$rec" --exclude-file "$ref/unittest.validate.crashes.tsv" \
    --json "$work/report.json" >"$work/json.txt" 2>/dev/null
for st in pass fail error excluded; do
    j=$(grep -c "\"status\": \"$st\"" "$work/report.json")
    case $st in
    pass) t=$(grep -c '^PASS ' "$work/json.txt") ;;
    fail) t=$(grep -c '^FAIL ' "$work/json.txt") ;;
    error) t=$(grep -c '^ERROR [^ ]* \[' "$work/json.txt") ;;
    excluded) t=36 ;;
    esac
    [ "$j" -eq "$t" ] || bad "--json: $j records with status $st, expected $t"
done
grep -q '"scored": {"records": 248, "correct": 89, "gold": 325, "predicted": 219, "tp": 119, "fp": 100, "fn": 206, "precision": 0.543' \
    "$work/report.json" || bad "--json: scored counts differ from the text report"
grep -q '{"id": "DEMO-02", .*"status": "fail", "expected": \[\["DAGGOV", "GON", "032"\], \["GON", "DAGGOV", "033"\]\], .*"missing": \[\], "extra": \[\["ARN", "DAGGOV", "033"\], \["DAGGOV", "ARN", "032"\]\]' \
    "$work/report.json" || bad "--json: DEMO-02's record differs from the text report"
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["records"]) == 284' \
        "$work/report.json" || bad "--json: not valid JSON with 284 records"
fi
"$bin" validate "$rec" --json - >"$work/stdout.json" 2>/dev/null
head -c 1 "$work/stdout.json" | grep -q '{' || bad "--json -: JSON is not on standard output"
grep -q '^PASS' "$work/stdout.json" && bad "--json -: text report mixed into the JSON"

# <Environment> names resolved next to the records file first
mkdir -p "$work/env"
sed 's#<Verbfile>PETR.Validate.verbs.txt#<Verbfile>my.verbs.txt#' "$rec" >"$work/env/records.xml"
cp data/dictionaries/PETR.Validate.verbs.txt "$work/env/my.verbs.txt"
"$bin" validate "$work/env/records.xml" --json "$work/env/report.json" >"$work/env/out.txt" 2>&1
grep -q "\"verbs\": \"$work/env/my.verbs.txt\"" "$work/env/report.json" ||
    bad "<Environment>: my.verbs.txt next to the records file not used"
[ "$(grep '^all records: ' "$work/env/out.txt")" = "$(grep '^all records: ' "$work/all.txt")" ] ||
    bad "<Environment>: a copy of the verb file gives other figures"

# exit codes: usage 2, unusable input 3
"$bin" validate >/dev/null 2>&1; [ $? -eq 2 ] || bad "no records file: exit status not 2"
"$bin" validate "$rec" --bogus >/dev/null 2>&1; [ $? -eq 2 ] || bad "unknown option: exit status not 2"
"$bin" validate "$work/none.xml" >/dev/null 2>&1; [ $? -eq 3 ] || bad "missing file: exit status not 3"
printf '<Validation><Sentences></Sentences></Validation>\n' >"$work/noenv.xml"
"$bin" validate "$work/noenv.xml" >/dev/null 2>"$work/noenv.err"
[ $? -eq 3 ] && grep -q 'give -c CONFIG' "$work/noenv.err" ||
    bad "no <Environment>: not a fatal error asking for -c"
printf '<Validation><Sentence id="X"></Validation>\n' >"$work/broken.xml"
"$bin" validate "$work/broken.xml" >/dev/null 2>"$work/broken.err"
[ $? -eq 3 ] && grep -q 'broken.xml:1: XML error' "$work/broken.err" ||
    bad "malformed XML: not a fatal error with file:line"

[ $fail -eq 0 ] && echo "all validate checks passed"
exit $fail
