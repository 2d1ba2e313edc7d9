#!/bin/sh
# bench/eval_events.sh -- how well raw text codes through petrarch-c's own
# pipeline (split, tokenize, tag, parse: `petrarch code`), against the events
# PETRARCH2 codes from the given parses of the same sentences.
#
#   sh bench/eval_events.sh [--beam K] [--models DIR] [--keep]
#                           [--input FILE.xml [--config INI]]
#
# Input (default): the 248 records of tests/data/reference/PETR.UnitTest.batch.validate-ok.xml,
# coded with data/PETR_validate.ini and compared with
# tests/data/reference/unittest.validate.evts.txt (PETRARCH2 on the hand-checked
# parses).  --input takes any PETRARCH XML with <Text> and <Parse> (CoreNLP's
# parses of your own news, say); its reference events are then what
# `petrarch batch` codes from its parses (PETRARCH2's events: the parity
# tests), with --config (default data/PETR_config.ini).  The raw text of each
# story (its sentences' <Text>, one paragraph each) becomes one text file
# (first line "Date: <its date>"), and all are coded with `petrarch code`.
#
# Scores, over sets of events (duplicates counted once; a story's sentences
# may be split differently, so events are keyed by story, not by sentence):
#   event  (story, source, target, CAMEO code)       precision, recall, F1
#   root   (story, source, target, root code: 2 digits)  precision, recall, F1
#   dyad   (story, source, target)                   precision, recall, F1
# how many stories were split into more sentences than the input has, and
# (`petrarch eval-parser`) the labelled bracket F1 of our parser's trees
# against the input's parses, with the input's words.
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
input="" in_config=data/PETR_config.ini
keep=0
code_args=""
models=models
usage="usage: sh bench/eval_events.sh [--beam K] [--models DIR] [--keep] [--input FILE.xml [--config INI]]"
while [ $# -gt 0 ]; do
    case $1 in
    --beam | --models | --input | --config)
        [ $# -ge 2 ] || { echo "eval_events.sh: $1 needs a value" >&2; exit 2; }
        case $1 in
        --input) input=$2 ;;
        --config) in_config=$2 ;;
        *) code_args="$code_args $1 $2"; [ "$1" = --models ] && models=$2 ;;
        esac
        shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
    esac
done
[ -x "$bin" ] || { echo "eval_events.sh: $bin missing (make first)" >&2; exit 2; }

work=$BUILD/eval
rm -rf "$work"
mkdir -p "$work/texts" || exit 2
what="unit-test records (Validate dictionaries)"
if [ -n "$input" ]; then
    xml=$input config=$in_config ref=$work/reference.evts
    what="stories of $input"
    "$bin" batch -c "$config" -i "$xml" -o "$ref" 2>"$work/batch.log" || {
        echo "eval_events.sh: petrarch batch failed on $xml:" >&2
        tail -n 5 "$work/batch.log" >&2
        exit 1
    }
fi

# 1. one text file per story: "Date: YYYYMMDD" and its sentences' unescaped
#    <Text>, one paragraph each; the sentences' parses into trees.ptb; and
#    idmap: the story id petrarch code gives each file, the story, its
#    sentences
awk -v dir="$work/texts" -v trees="$work/trees.ptb" -v idmap="$work/idmap" '
function unesc(s) {
    gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
    gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
    return s
}
function attr(line, name,    v) {
    if (!match(line, name "[ \t]*=[ \t]*\"[^\"]*\"")) return ""
    v = substr(line, RSTART, RLENGTH)
    sub(/^[^\"]*\"/, "", v)
    sub(/\"$/, "", v)
    return v
}
/<Sentence[ \t]/ { id = attr($0, "id"); date = attr($0, "date"); story = id; sub(/_[^_]*$/, "", story) }
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
            gsub(/[ \t\n]+/, " ", buf)
            f = dir "/" story ".txt"
            if (f in seen) {
                printf "\n%s\n", unesc(buf) >> f
            } else {
                printf "Date: %s\n%s\n", date, unesc(buf) > f
                seen[f] = 1
                n++
            }
            close(f)
            sents[story]++
        } else {
            buf = buf line "\n"
        }
        next
    }
    if (!inparse && index(line, "<Parse>")) {
        inparse = 1; tree = ""
        line = substr(line, index(line, "<Parse>") + 7)
    }
    if (inparse) {
        e = index(line, "</Parse>")
        tree = tree " " (e ? substr(line, 1, e - 1) : line)
        if (e) {
            inparse = 0
            gsub(/[ \t\n]+/, " ", tree)
            sub(/^ *\( *\(/, "(ROOT (", tree)
            opens = gsub(/\(/, "(", tree)
            if (opens == gsub(/\)/, ")", tree))   # PETRARCH2 codes some unbalanced ones
                printf "%s\n\n", unesc(tree) > trees
        }
    }
}
END {
    for (st in sents) {
        m = st   # petrarch code keeps [A-Za-z0-9.-] of a file name, the rest becomes -
        gsub(/[^A-Za-z0-9.-]/, "-", m)
        printf "%s\t%s\t%d\n", m, st, sents[st] > idmap
    }
    print n > "/dev/stderr"
}
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
awk -F '\t' -v records="$records" -v tokfile="$work/tokens.txt" -v secs="$secs" -v what="$what" \
    -v idmap="$work/idmap" '
BEGIN {
    while ((getline line < idmap) > 0) { split(line, f, "\t"); orig[f[1]] = f[2]; given[f[2]] = f[3] }
}
function story(id) { sub(/_[^_]*$/, "", id); return id }
function ours(id) { id = story(id); return id in orig ? orig[id] : id }
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
    d = (FILENAME == ARGV[1] ? ours($6) : story($6)) SUBSEP $2 SUBSEP $3
    e = d SUBSEP $4
    r = d SUBSEP substr($4, 1, 2)
    if (FILENAME == ARGV[1]) { add(oe, e); add(orr, r); add(od, d) }
    else { add(re, e); add(rr, r); add(rd, d) }
}
END {
    while ((getline line < tokfile) > 0) { split(line, f, "\t"); n[ours(f[1])]++ }
    multi = 0
    for (k in n) if (n[k] > given[k]) multi++
    printf "raw-text pipeline on %d %s, %s s:\n", records, what, secs
    score("event", oe, re)
    score("root", orr, rr)
    score("dyad", od, rd)
    printf "stories split into more sentences than the input has: %d\n", multi
}' "$work/ours.evts" "$ref"
grep -E '^petrarch: [0-9]+ stor' "$work/code.log"
# 4. our trees against the input's parses (its words, our tags)
"$bin" eval-parser "$models/parser.bin" --tagger "$models/tagger.bin" "$work/trees.ptb" 2>&1 |
    sed -n 's/^.*: \([0-9]* sentences\) .*labelled brackets/parser against the input'"'"'s parses (\1): labelled brackets/p'
[ $keep = 1 ] || rm -rf "$work/texts"
exit 0
