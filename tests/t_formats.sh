#!/bin/sh
# Input and output formats of `petrarch batch`: JSON Lines and gzip input
# (parity with PETRARCH2 through them), standard input, mixed directories,
# the jsonl and phoenix outputs checked against the evts events, the
# one-a-day filter, the report file, the progress line, usage errors, and
# the same output bytes on every run.
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
ref=$root/tests/data/reference
fmt=$root/tests/data/formats
xml=$ref/PETR.UnitTest.batch.phoenix-ok.xml
w=$BUILD/tests/formats
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
same_as() { LC_ALL=C sort "$1" | cmp -s - "$2"; } # FILE REF: equal once sorted

# ---- inputs: JSON Lines (multi-sentence stories, gzip), gzip XML on stdin, a directory
"$bin" batch -q -i "$fmt/stories.mix.phoenix.jsonl.gz" -o mix.evts
same_as mix.evts "$ref/stories.mix.phoenix.evts.txt" &&
    ok "JSON Lines stories (.gz): PETRARCH2's events" || bad "JSON Lines stories differ from PETRARCH2"
gzip -n -c "$xml" | "$bin" batch -q -i - -o stdin.evts
same_as stdin.evts "$ref/unittest.phoenix.evts.txt" &&
    ok "gzip XML on standard input: PETRARCH2's events" || bad "gzip XML on stdin"
"$bin" batch -q --in xml -i "$xml" -o xml.evts && cmp -s xml.evts stdin.evts &&
    ok "--in xml: the same" || bad "--in xml"
mkdir dir && gzip -n -c "$xml" >dir/a.xml.gz && cp "$fmt/stories.mix.phoenix.jsonl.gz" dir/b.jsonl.gz &&
    echo "not an input" >dir/notes.txt
"$bin" batch -i dir -o dir.evts 2>dir.err
grep -q 'records read from 2 files' dir.err && ok "directory: the .xml.gz and .jsonl.gz, not the .txt" ||
    bad "directory: $(tail -n 2 dir.err)"
LC_ALL=C sort "$ref/unittest.phoenix.evts.txt" "$ref/stories.mix.phoenix.evts.txt" >dir.ref
same_as dir.evts dir.ref && ok "directory: both files' events" || bad "directory events"

# ---- raw text (when the models load): batch --in text codes as `petrarch code` does
ex=$root/../shared/examples/syria-strikes.txt # a real dispatch, where ../shared is
if [ -f "$ex" ] && "$bin" code --date 2025-12-20 "$ex" -o code.evts 2>/dev/null; then
    cp "$ex" story.txt && gzip -n -c "$ex" >story2.txt.gz
    "$bin" batch -q --in text --date 2025-12-20 -i story.txt -o text.evts
    sed 's/syria-strikes_/story_/' code.evts | LC_ALL=C sort >code.sorted
    same_as text.evts code.sorted && ok "text input: the events of petrarch code ($(wc -l <text.evts))" ||
        bad "text input differs from petrarch code"
    "$bin" batch -q --in text --date 2025-12-20 -i story2.txt.gz -o text2.evts
    sed 's/story_/story2_/' code.sorted | same_as text2.evts /dev/stdin &&
        ok "text input, gzip: the same" || bad "gzip text input"
else
    echo "skip raw text: no example dispatch, or the models do not load"
fi

# ---- a story of any length (PETRARCH2's story mode keeps 7 sentences):
# VERB-17_1's sentence 1,000 times, as LONG_1 .. LONG_1000
awk -v n=1000 '/<Sentence .*id="VERB-17_1"/ { on = 1 } on { r = r $0 "\n" } on && /<\/Sentence>/ { on = 0 }
    END { print "<Sentences>"; for (i = 1; i <= n; i++) { s = r; sub(/id="VERB-17_1"/, "id=\"LONG_" i "\"", s); printf "%s", s }
          print "</Sentences>" }' "$xml" >long.xml
"$bin" batch -q -i long.xml -o long.evts --report long.json
grep -q '"read": 1000,' long.json && grep -q '"coded": 1000,' long.json &&
    ok "a 1,000-sentence story: every sentence coded" || bad "long story: $(grep -A4 '"records"' long.json)"
[ "$(wc -l <long.evts)" -eq 1 ] && grep -q '	LONG_[0-9][0-9][0-9]	' long.evts &&
    ok "a 1,000-sentence story: one event, from a sentence past the 99th (one-a-story)" ||
    bad "long story events: $(cat long.evts)"

# ---- outputs, checked against the evts lines of the same run
"$bin" batch -q -i "$xml" -o u.evts
n=$(wc -l <u.evts)
cut -f6 u.evts | LC_ALL=C sort >u.ids
"$bin" batch -q --out jsonl -i "$xml" -o u.jsonl
[ "$(wc -l <u.jsonl)" -eq "$n" ] && ok "jsonl: one line per event ($n)" || bad "jsonl line count"
sed -n 's/.*"ids":\["\([^"]*\)"\].*/\1/p' u.jsonl | LC_ALL=C sort | cmp -s - u.ids &&
    ok "jsonl: the events' ids" || bad "jsonl ids"
# date, source, target, code of each event, in both formats
cut -f1-4 u.evts | LC_ALL=C sort >u.keys
sed 's/.*"date":"\([^"]*\)","source":"\([^"]*\)".*"target":"\([^"]*\)".*"code":"\([^"]*\)".*/\1	\2	\3	\4/' u.jsonl |
    LC_ALL=C sort | cmp -s - u.keys && ok "jsonl: date, source, target, code" || bad "jsonl fields"
grep -c '^{"story_id":".*"sentence_text":".*"}$' u.jsonl | grep -qx "$n" &&
    ok "jsonl: every line an object with the sentence text" || bad "jsonl shape"
"$bin" batch -q --out phoenix --header -i "$xml" -o u.tsv
awk -F'\t' 'NF != 26 { bad = 1 } END { exit bad }' u.tsv && ok "phoenix: 26 columns on every line" ||
    bad "phoenix columns"
head -n 1 u.tsv | grep -q '^EventID	Date	Year	Month	Day	SourceActorFull	.*	SentenceID	URLs	NewsSources$' &&
    ok "phoenix: header" || bad "phoenix header"
[ "$(wc -l <u.tsv)" -eq $((n + 1)) ] && ok "phoenix: one row per event" || bad "phoenix rows"
tail -n +2 u.tsv | awk -F'\t' '$1 != NR { exit 1 }' && ok "phoenix: EventID 1..$n" || bad "phoenix EventID"
tail -n +2 u.tsv | cut -f24 | LC_ALL=C sort | cmp -s - u.ids && ok "phoenix: SentenceID" || bad "phoenix ids"
tail -n +2 u.tsv | awk -F'\t' '$14 == "190" && ($15 != "19" || $16 != "4" || $17 != "-10.0") { exit 1 }
    $14 == "042" && ($16 != "1" || $17 != "1.9") { exit 1 }' && ok "phoenix: root code, QuadClass, Goldstein" ||
    bad "phoenix QuadClass/Goldstein"
"$bin" batch -q --out phoenix -i "$xml" -o nohead.tsv
[ "$(wc -l <nohead.tsv)" -eq "$n" ] && ok "phoenix: no header without --header" || bad "phoenix without --header"

# ---- one-a-day: one line per (date, source, target, code), every event's id kept
"$bin" batch -q --one-a-day -i "$xml" -o oad.evts
cut -f1-4 oad.evts | LC_ALL=C sort | uniq -d | grep -q . && bad "one-a-day: a key twice" ||
    ok "one-a-day: keys unique ($(wc -l <oad.evts) of $n lines)"
cut -f6 oad.evts | tr ';' '\n' | LC_ALL=C sort | cmp -s - u.ids && ok "one-a-day: every id kept" ||
    bad "one-a-day ids"
[ "$(wc -l <oad.evts)" -lt "$n" ] && ok "one-a-day: fewer lines" || bad "one-a-day merged nothing"
"$bin" batch -q --one-a-day --out phoenix -i "$xml" -o oad.tsv
awk -F'\t' '{ k = split($24, a, ";"); if (split($26, b, ";") != k) exit 1 }' oad.tsv &&
    ok "one-a-day phoenix: a news source per id" || bad "one-a-day phoenix sources"

# ---- the same bytes on every run
for f in evts jsonl phoenix; do
    "$bin" batch -q --out $f -i "$fmt/stories.mix.phoenix.jsonl.gz" -o r1.$f
    "$bin" batch -q --out $f -i "$fmt/stories.mix.phoenix.jsonl.gz" -o r2.$f
    cmp -s r1.$f r2.$f && ok "$f: same bytes twice" || bad "$f: output differs between runs"
done

# ---- the report: counts that add up, written on fatal errors too
"$bin" batch -q -i "$xml" -o rep.evts --report rep.json
grep -q '"read": 280,' rep.json && grep -q '"coded": 272,' rep.json && grep -q '"discarded": 8,' rep.json &&
    grep -q '"exit_code": 0,' rep.json && ok "report: counts" || bad "report: $(head -n 20 rep.json)"
"$bin" batch -q -c nosuch.ini -i "$xml" -o rep2.evts --report rep2.json
[ $? -eq 3 ] && grep -q '"exit_code": 3,' rep2.json && [ ! -e rep2.evts ] &&
    ok "report on a fatal error" || bad "report on a fatal error"

# ---- the progress line, on a terminal only; --quiet silences it and the summary
if command -v script >/dev/null 2>&1; then
    script -qec "$bin batch -i $xml -o tty.evts" /dev/null >tty.out 2>&1
    grep -q 'records/s' tty.out && ok "progress line on a terminal" || bad "no progress line on a terminal"
    script -qec "$bin batch -q -i $xml -o tty.evts" /dev/null >tty.out 2>&1
    grep -q 'records' tty.out && bad "--quiet: $(cat tty.out)" || ok "--quiet: no progress, no summary"
fi
"$bin" batch -i "$xml" -o notty.evts 2>notty.err
grep -q 'records/s' notty.err && bad "progress line when stderr is not a terminal" ||
    ok "no progress line in a file"

# ---- usage errors
expect_usage() {
    "$@" >/dev/null 2>usage.err
    [ $? -eq 2 ] && ok "usage: $(head -n 1 usage.err)" || bad "not a usage error: $*"
}
expect_usage "$bin" batch --header -i "$xml" -o x.out
expect_usage "$bin" batch --in csv -i "$xml" -o x.out
expect_usage "$bin" batch --out csv -i "$xml" -o x.out
expect_usage "$bin" batch --date 2015-02-30 -i "$xml" -o x.out
[ ! -e x.out ] && ok "no output after usage errors" || bad "x.out written"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
