#!/bin/sh
# `petrarch batch -j N` (stories coded on N threads, src/story/parallel.c)
# writes exactly what -j 1 writes -- events, diagnostics, exit status -- in
# every mode: stories merged and sorted (default) or streamed, each output
# format, one-a-day, and inputs with rejected records and crashing sentences.
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
ref=$root/tests/data/reference
w=$BUILD/tests/jobs
rm -rf "$w"
mkdir -p "$w"
fails=0
n=0
# same NAME ARGS...: -j 1 against -j 2 and -j 7
same() {
    name=$1
    shift
    "$bin" batch -q "$@" -o "$w/out.1" 2>"$w/err.1"
    rc1=$?
    for j in 2 7; do
        n=$((n + 1))
        "$bin" batch -q -j $j "$@" -o "$w/out.$j" 2>"$w/err.$j"
        rc=$?
        if [ "$rc" -ne "$rc1" ] || ! cmp -s "$w/out.1" "$w/out.$j" || ! cmp -s "$w/err.1" "$w/err.$j"; then
            echo "FAIL $name -j $j (exit $rc, -j 1: $rc1)"
            diff "$w/out.1" "$w/out.$j" | head -n 5
            diff "$w/err.1" "$w/err.$j" | head -n 5
            fails=$((fails + 1))
        else
            echo "ok   $name -j $j ($(wc -l <"$w/out.1") lines, exit $rc)"
        fi
    done
}
mix=$ref/stories.mix.phoenix.xml
unit=$ref/PETR.UnitTest.batch.xml   # has records PETRARCH2 crashes on
same "stories, sorted" -i "$mix"
same "stories, --stream" --stream -i "$mix"
same "unit tests with crashing records" -i "$unit"
same "jsonl output" --out jsonl -i "$mix"
same "phoenix, one-a-day" --out phoenix --one-a-day -i "$mix"
same "two files, --stream" --stream -i "$mix" "$ref/PETR.UnitTest.batch.phoenix-ok.xml"
# a tiny input: fewer stories than threads
{
    echo '<Sentences>'
    awk '/<Sentence / && /id="DEMO-06_1"/ { on = 1 } on { print } on && /<\/Sentence>/ { exit }' \
        "$ref/PETR.UnitTest.batch.phoenix-ok.xml"
    echo '</Sentences>'
} >"$w/one.xml"
same "one story" -i "$w/one.xml"
# usage errors
for bad in 0 -3 x 100000; do
    n=$((n + 1))
    if "$bin" batch -j "$bad" -i "$mix" -o "$w/x" 2>/dev/null; [ $? -eq 2 ]; then
        echo "ok   -j $bad is a usage error"
    else
        echo "FAIL -j $bad accepted"
        fails=$((fails + 1))
    fi
done
echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
