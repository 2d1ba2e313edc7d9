#!/bin/sh
# CLI behaviour of `petrarch`: usage errors and exit codes, stdin/stdout,
# directories and several inputs, no half-written output, and a bad record
# among good ones (the good ones are still coded; the bad one is counted).
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
ref=$(pwd)/tests/data/reference
batch=$ref/PETR.UnitTest.batch.phoenix-ok.xml
w=$BUILD/tests/cli
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
# expect_rc WANT NAME CMD...: run CMD (stderr to $w/err), check its exit code
expect_rc() {
    want=$1 name=$2
    shift 2
    "$@" >out 2>err
    rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$name (exit $rc)"; else
        bad "$name: exit $rc, wanted $want"; sed 's/^/     | /' err | head -n 5; fi
}
# records ID...: the <Sentence> blocks of these ids from the batch file
records() {
    for id in "$@"; do
        awk -v id="id=\"$id\"" 'index($0, "<Sentence ") && index($0, id) {p = 1}
                               p {print} /<\/Sentence>/ {p = 0}' "$batch"
    done
}
ref_lines() { for id in "$@"; do grep -F "	${id}	" "$ref/unittest.phoenix.evts.txt"; done | LC_ALL=C sort; }

# ---- usage, help, version
expect_rc 2 "no arguments" "$bin"
expect_rc 2 "unknown command" "$bin" frobnicate
expect_rc 2 "batch without -o" "$bin" batch -i "$batch"
expect_rc 2 "batch without -i" "$bin" batch -o x.txt
expect_rc 2 "unknown option" "$bin" batch -i "$batch" -o x.txt --bogus
expect_rc 2 "-o without value" "$bin" batch -i "$batch" -o
expect_rc 2 "null verbs mode" "$bin" batch -nv -i "$batch" -o x.txt
expect_rc 2 "stdin twice" "$bin" batch -i - - -o x.txt
expect_rc 0 "--version" "$bin" --version
grep -q '^petrarch [0-9]' out && ok "version text" || bad "version text: $(cat out)"
expect_rc 0 "help" "$bin" help
expect_rc 0 "help batch" "$bin" help batch
grep -q -- '--inputs' out && ok "help batch text" || bad "help batch text"
[ ! -e x.txt ] && ok "no output after usage errors" || bad "x.txt written"

# ---- a small input, three stories with events
{ echo "<Sentences>"; records ACTOR-08_1 VERB-17_1 AGENTS-23_1; echo "</Sentences>"; } >good.xml
ref_lines ACTOR-08_1 VERB-17_1 AGENTS-23_1 >good.ref
[ "$(wc -l <good.ref)" -eq 3 ] || bad "test setup: 3 reference lines"
expect_rc 0 "batch on a file" "$bin" batch -i good.xml -o good.out
LC_ALL=C sort good.out | cmp -s - good.ref && ok "events of the good file" || bad "events of the good file"
grep -q '3 records read from 1 file: 3 coded (3 with events), 0 discarded, 0 rejected' err &&
    ok "summary" || bad "summary: $(cat err)"
ls | grep -q '\.tmp\.' && bad "temporary file left" || ok "no temporary file left"

# stdin -> stdout, PETRARCH2's long flags
"$bin" batch --inputs - --outputs - <good.xml >stdout.out 2>err
rc=$?
[ $rc -eq 0 ] && LC_ALL=C sort stdout.out | cmp -s - good.ref && ok "stdin to stdout" || bad "stdin to stdout (exit $rc)"
grep -q '3 records read from 1 file' err && ok "stdin summary" || bad "stdin summary"

# several inputs: -i A B, -i A -i B, a directory (only its *.xml, sorted)
{ echo "<Sentences>"; records ACTOR-08_1; echo "</Sentences>"; } >a.xml
{ echo "<Sentences>"; records VERB-17_1 AGENTS-23_1; echo "</Sentences>"; } >b.xml
expect_rc 0 "-i A B" "$bin" batch -i a.xml b.xml -o ab1.out
expect_rc 0 "-i A -i B" "$bin" batch -i a.xml -i b.xml -o ab2.out
mkdir -p dir && cp a.xml b.xml dir/ && echo "not xml" >dir/notes.txt
expect_rc 0 "-i DIR" "$bin" batch -i dir -o ab3.out
grep -q 'read from 2 files' err && ok "directory: 2 files" || bad "directory: $(tail -n 3 err)"
for f in ab1 ab2 ab3; do
    LC_ALL=C sort $f.out | cmp -s - good.ref && ok "$f events" || bad "$f events"
done

# ---- bad records among good ones: still coded, counted, exit 1
{
    echo "<Sentences>"
    records ACTOR-08_1
    echo '<Sentence date="19950101" id="NOPARSE_1" sentence="True" source="X"><Text>Text only.</Text></Sentence>'
    echo '<Sentence date="19950101" id="NOUNDERSCORE" sentence="True" source="X"><Text>t</Text><Parse>(S)</Parse></Sentence>'
    records VERB-17_1 AGENTS-23_1
    echo "</Sentences>"
} >mixed.xml
# (no models: the text-only record cannot go through the raw-text path)
expect_rc 1 "bad records among good ones" "$bin" batch --models "$w/nomodels" -i mixed.xml -o mixed.out
LC_ALL=C sort mixed.out | cmp -s - good.ref && ok "good records still coded" || bad "good records still coded"
grep -q 'mixed.xml:[0-9]*: record NOPARSE_1: error: record skipped: no parse' err &&
    ok "file:line: record ID: message" || bad "diagnostic format: $(head -n 3 err)"
grep -q '5 records read from 1 file: 3 coded (3 with events), 0 discarded, 2 rejected' err &&
    ok "rejected counted" || bad "rejected counted: $(tail -n 3 err)"

# an XML error: the broken record is lost, the records before and after it are coded
{ echo "<Sentences>"; records ACTOR-08_1; echo "<Sentence id=\"broken"; records VERB-17_1; } >broken.xml
expect_rc 1 "XML syntax error" "$bin" batch -i broken.xml -o broken.out
[ "$(wc -l <broken.out)" -eq 2 ] && ok "records around the error coded" || bad "records around the error"
grep -q 'broken.xml:[0-9]*: error: XML error' err && ok "XML error reported" || bad "XML error: $(cat err)"
grep -q '1 lost to XML errors' err && ok "lost records counted" || bad "lost: $(tail -n 3 err)"

# ---- fatal errors: exit 3, an existing output left as it was
echo "old" >keep.out
expect_rc 3 "missing input" "$bin" batch -i nosuch.xml -o keep.out
expect_rc 3 "missing config" "$bin" batch -c nosuch.ini -i good.xml -o keep.out
PETRARCH_DATA=$w/nodata expect_rc 3 "PETRARCH_DATA without a config" "$bin" batch -i good.xml -o keep.out
expect_rc 3 "output in a missing directory" "$bin" batch -i good.xml -o nodir/x.out
[ "$(cat keep.out)" = "old" ] && ok "output untouched on fatal errors" || bad "output changed"
ls | grep -q '\.tmp\.' && bad "temporary file left after fatal errors" || ok "no temporary file left"

# a write error (disk full) is fatal
if [ -c /dev/full ]; then
    "$bin" batch -i good.xml -o - >/dev/full 2>err
    rc=$?
    [ $rc -eq 3 ] && ok "write error: exit 3" || bad "write error: exit $rc"
fi
# an output that is a symbolic link is written through, not replaced
echo "old" >real.out && ln -s real.out link.out
expect_rc 0 "output through a symbolic link" "$bin" batch -i good.xml -o link.out
[ -L link.out ] && cmp -s real.out good.out && ok "symbolic link kept" || bad "symbolic link replaced"

# the data directory can be moved: PETRARCH_DATA
cp -r "$root/data" moved-data
PETRARCH_DATA=$w/moved-data expect_rc 0 "PETRARCH_DATA" "$bin" batch -i good.xml -o env.out
cmp -s env.out good.out && ok "same output with PETRARCH_DATA" || bad "PETRARCH_DATA output"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
