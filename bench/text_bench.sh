#!/bin/sh
# bench/text_bench.sh -- raw text through `petrarch parse` (split, tokenize,
# tag, parse; PETRARCH XML out) and through `petrarch code` (the same, then
# the coder with the Phoenix dictionaries: events out): sentences/s and
# tokens/s, whole process (model and dictionary loading included).
#
#   sh bench/text_bench.sh [-n RUNS] [-s SENTENCES] [--beam K]
#
#   -n RUNS       timed runs; the median is reported (default 5)
#   -s SENTENCES  about this many input sentences (default 10000)
#   --beam K      parser beam width (default 1: greedy)
#
# The corpus (bench/out/text/, made once): the texts of PETRARCH2's
# unit-test records (tests/data/PETR.UnitTest.records.xml; news-style
# English), five records a story, one paragraph each, each story file
# starting with "Date: 2015-01-01", copied until there are SENTENCES records.
# Sentences = <Sentence> elements written; tokens = the tokens of those
# sentences (`petrarch parse --tokens`, which needs no models).  Prints SKIP
# when the models do not load (e.g. not trained for this build).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
runs=5
size=10000
beam=1
while [ $# -gt 0 ]; do
    case $1 in
    --beam) shift; beam=${1:?--beam needs a number} ;;
    -n) shift; runs=${1:?-n needs a number} ;;
    -s) shift; size=${1:?-s needs a number} ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "text_bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
petrarch=$root/$BUILD/petrarch
case $BUILD in /*) petrarch=$BUILD/petrarch ;; esac
[ -x "$petrarch" ] || { echo "raw text: SKIP ($petrarch not built)"; exit 0; }

dir=$root/bench/out/text$size
if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    awk -v dir="$dir" -v want="$size" '
        BEGIN { RS = "</Sentence>" }
        {
            t = $0
            if (!sub(/.*<Text>/, "", t) || !sub(/<\/Text>.*/, "", t)) next
            gsub(/[ \t\r\n]+/, " ", t); sub(/^ /, "", t); sub(/ $/, "", t)
            gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t); gsub(/&quot;/, "\"", t)
            gsub(/&apos;/, "\047", t); gsub(/&amp;/, "\\&", t)
            if (t != "") texts[n++] = t
        }
        END {
            for (k = 0; k < want; k++) {
                if (k % 5 == 0) {
                    if (f) close(f)
                    f = sprintf("%s/story%05d.txt", dir, k / 5)
                    print "Date: 2015-01-01\n" > f
                }
                print texts[k % n] "\n" > f
            }
        }' "$root/tests/data/PETR.UnitTest.records.xml"
    touch "$dir/.done"
fi
files=$(ls "$dir"/*.txt)
nfiles=$(echo "$files" | wc -l)
work=$root/bench/out/text.work
mkdir -p "$work"

# shellcheck disable=SC2086
if ! "$petrarch" parse --tokens $files >"$work/tokens" 2>"$work/tokens.err"; then
    echo "raw text: SKIP (petrarch parse --tokens failed: $(tail -n 1 "$work/tokens.err"))"
    exit 0
fi
ntok=$(awk -F'\t' '{ n += split($2, t, " ") } END { print n + 0 }' "$work/tokens")
: >"$work/parse.walls"
: >"$work/code.walls"
# timed NAME: runs `petrarch NAME --beam K ARGS...`, appends its wall time to
# $work/NAME.walls; SKIP and exit on a failure
timed() {
    name=$1
    shift
    t0=$(date +%s.%N)
    "$petrarch" "$name" --beam "$beam" "$@" 2>"$work/$name.err"
    rc=$?
    t1=$(date +%s.%N)
    if [ $rc -gt 1 ]; then
        echo "raw text: SKIP (petrarch $name exit $rc: $(head -n 1 "$work/$name.err"))"
        exit 0
    fi
    echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >>"$work/$name.walls"
}
i=0
while [ $i -lt "$runs" ]; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    timed parse -o "$work/out.xml" $files
    # shellcheck disable=SC2086
    timed code -o "$work/out.evts" $files
done
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
nsent=$(grep -c '<Sentence ' "$work/out.xml")
nevents=$(grep -c . "$work/out.evts")
wall=$(median "$work/parse.walls")
cwall=$(median "$work/code.walls")
echo "raw text, parser beam $beam ($nfiles story files in bench/out/text$size; $runs runs; whole process)"
printf '  %-34s %12s   (%s tokens)\n' "sentences" "$nsent" "$ntok"
# rates NAME WALL NOTE: the wall time of `petrarch NAME`, sentences/s, tokens/s
rates() {
    printf '  %-34s %12s   median of %s (%s)\n' "petrarch $1: wall s" "$2" "$runs" "$3"
    printf '  %-34s %12s\n' "petrarch $1: sentences/s" "$(echo "$nsent $2" | awk '{ printf "%.0f", $1 / $2 }')"
    printf '  %-34s %12s\n' "petrarch $1: tokens/s" "$(echo "$ntok $2" | awk '{ printf "%.0f", $1 / $2 }')"
}
rates parse "$wall" "incl. model load"
rates code "$cwall" "incl. model and dictionary load; $nevents events"
echo "RESULT_TEXT beam=$beam sentences=$nsent tokens=$ntok parse_s=$wall code_s=$cwall events=$nevents"
