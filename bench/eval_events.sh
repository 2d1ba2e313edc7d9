#!/bin/sh
# bench/eval_events.sh -- how well raw text codes through petrarch-c's own
# pipeline (split, tokenize, tag, parse: `petrarch code`), against the events
# PETRARCH2 codes from the hand-checked parses of the same sentences.
#
#   sh bench/eval_events.sh [--beam K] [--models DIR] [--keep]
#
# Input: the 248 records of tests/data/reference/PETR.UnitTest.batch.validate-ok.xml.
# Each record's raw <Text> becomes one text file (first line "Date: <its date>"),
# all of them are coded with `petrarch code -c data/PETR_validate.ini`, and the
# events are compared with tests/data/reference/unittest.validate.evts.txt
# (PETRARCH2 on the gold parses, Validate dictionaries).
#
# Scores, over sets of events (duplicates counted once; a record's sentences
# may be split differently, so events are keyed by record, not by sentence):
#   event  (record, source, target, CAMEO code)       precision, recall, F1
#   root   (record, source, target, root code: 2 digits)  precision, recall, F1
#   dyad   (record, source, target)                   precision, recall, F1
# and how many records were split into more than one sentence.
#
# Environment: BUILD (build dir, default build).  Work files: $BUILD/eval/
# (kept with --keep).  No Python: POSIX sh + awk.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
bin=$BUILD/petrarch
xml=tests/data/reference/PETR.UnitTest.batch.validate-ok.xml
ref=tests/data/reference/unittest.validate.evts.txt
config=data/PETR_validate.ini
keep=0
code_args=""
while [ $# -gt 0 ]; do
    case $1 in
    --beam | --models)
        [ $# -ge 2 ] || { echo "eval_events.sh: $1 needs a value" >&2; exit 2; }
        code_args="$code_args $1 $2"
        shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: sh bench/eval_events.sh [--beam K] [--models DIR] [--keep]" >&2; exit 2 ;;
    esac
done
[ -x "$bin" ] || { echo "eval_events.sh: $bin missing (make first)" >&2; exit 2; }

work=$BUILD/eval
rm -rf "$work"
mkdir -p "$work/texts" || exit 2

# 1. one text file per record: "Date: YYYYMMDD" and the unescaped <Text>
awk -v dir="$work/texts" '
function unesc(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
    gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
    return s
}
function attr(line, name,    m) {
    if (!match(line, name "=\"[^\"]*\"")) return ""
    m = substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
    return m
}
/<Sentence / { id = attr($0, "id"); date = attr($0, "date"); story = id; sub(/_[^_]*$/, "", story) }
{
    line = $0
    if (!intext && index(line, "<Text>")) {
        intext = 1; buf = ""
        line = substr(line, index(line, "<Text>") + 6)
    }
    if (intext) {
        e = index(line, "</Text>")
        if (e) {
            buf = buf substr(line, 1, e - 1)
            intext = 0
            f = dir "/" story ".txt"
            printf "Date: %s\n%s\n", date, unesc(buf) > f
            close(f)
            n++
        } else {
            buf = buf line "\n"
        }
    }
}
END { print n > "/dev/stderr" }
' "$xml" 2>"$work/n_records" || exit 2
records=$(cat "$work/n_records")

# 2. code them all (one story per file)
start=$(date +%s.%N 2>/dev/null || date +%s)
# shellcheck disable=SC2086
"$bin" code -c "$config" $code_args -o "$work/ours.evts" "$work"/texts/*.txt 2>"$work/code.log"
rc=$?
end=$(date +%s.%N 2>/dev/null || date +%s)
if [ $rc -ge 2 ]; then
    echo "eval_events.sh: petrarch code failed (exit $rc):" >&2
    tail -n 5 "$work/code.log" >&2
    exit 1
fi
"$bin" parse --tokens "$work"/texts/*.txt -o "$work/tokens.txt" 2>/dev/null

# 3. score
secs=$(echo "$end $start" | awk '{printf "%.1f", $1 - $2}')
awk -F '\t' -v records="$records" -v tokfile="$work/tokens.txt" -v secs="$secs" '
function story(id) { sub(/_[^_]*$/, "", id); return id }
function add(set, k) { if (!(k in set)) { set[k] = 1; set["#"]++ } }
function score(name, o, r,    k, tp, p, rc, f) {
    tp = 0
    for (k in o) if (k != "#" && (k in r)) tp++
    p = o["#"] ? tp / o["#"] : 0
    rc = r["#"] ? tp / r["#"] : 0
    f = p + rc ? 2 * p * rc / (p + rc) : 0
    printf "%-6s precision %.3f  recall %.3f  F1 %.3f   (%d ours, %d reference, %d both)\n",
           name, p, rc, f, o["#"], r["#"], tp
}
{
    d = story($6) SUBSEP $2 SUBSEP $3
    e = d SUBSEP $4
    r = d SUBSEP substr($4, 1, 2)
    if (FILENAME == ARGV[1]) { add(oe, e); add(orr, r); add(od, d) }
    else { add(re, e); add(rr, r); add(rd, d) }
}
END {
    while ((getline line < tokfile) > 0) { split(line, f, "\t"); n[story(f[1])]++ }
    multi = 0
    for (k in n) if (n[k] > 1) multi++
    printf "raw-text pipeline on %d unit-test records (Validate dictionaries), %s s:\n",
           records, secs
    score("event", oe, re)
    score("root", orr, rr)
    score("dyad", od, rd)
    printf "records split into more than one sentence: %d\n", multi
}' "$work/ours.evts" "$ref"
grep -E '^petrarch: [0-9]+ stor' "$work/code.log"
[ $keep = 1 ] || rm -rf "$work/texts"
exit 0
