#!/bin/sh
# fuzz/seeds.sh OUTDIR -- build each fuzz target's seed corpus from the
# vendored data into OUTDIR/TARGET/ (run by fuzz/run.sh; POSIX sh + awk).
#   fuzz_ptb       TEXT NUL PARSE of every record of the unit-test records
#   fuzz_xml       the unit-test batch files cut into files of 4 records, and
#                  the GigaWord-style story mix if tests/data has one
#   fuzz_verbs     CAMEO.2.0.txt and PETR.Validate.verbs.txt cut at blocks
#   fuzz_actors, fuzz_agents, fuzz_discards, fuzz_issues
#                  the dictionaries of that kind cut into 60-line pieces
#   fuzz_config    the bundled configs
#   fuzz_jsonl     tests/data/bad/*.jsonl and the format tests' JSON Lines in
#                  pieces of 3 lines
#   fuzz_text      the splitter and tokenizer test texts, the example
#                  dispatch and 50 unit-test record texts
#   fuzz_treebank  GUM dev trees, four to a file, and tests/data/nlp/augment.ptb
#   fuzz_conllu    GUM dev CoNLL-U sentences (with heads), twenty to a file
#   and every file of tests/data/fuzz-regress/TARGET/ (past findings).
set -eu
out=${1:?usage: seeds.sh OUTDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
dict=$root/data/dictionaries
ref=$root/tests/data/reference
mkdir -p "$out"

# cut FILE PREFIX LINES: pieces of LINES lines
cut_lines() {
    awk -v n="$3" -v pre="$2" 'NR % n == 1 { if (f) close(f); f = sprintf("%s-%04d", pre, ++k) }
                              { print > f }' "$1"
}

d=$out/fuzz_ptb; mkdir -p "$d"
# records: <Text>...</Text> and <Parse>...</Parse> (each may span lines)
awk -v pre="$d/rec" '
    BEGIN { RS = "</Sentence>" }
    {
        t = $0; p = $0
        if (!sub(/.*<Text>/, "", t) || !sub(/<\/Text>.*/, "", t)) next
        if (!sub(/.*<Parse>/, "", p) || !sub(/<\/Parse>.*/, "", p)) next
        f = sprintf("%s-%04d", pre, ++k)
        printf "%s%c%s", t, 0, p > f
        close(f)
    }' "$root/tests/data/PETR.UnitTest.records.xml"

d=$out/fuzz_xml; mkdir -p "$d"
for x in "$ref"/PETR.UnitTest.batch.phoenix-ok.xml "$ref"/*stories*.xml; do
    [ -f "$x" ] || continue
    b=$(basename "$x" .xml)
    awk -v pre="$d/$b" '
        BEGIN { RS = "</Sentence>" }
        /<Sentence/ {
            if (n % 4 == 0) { if (f) { print "</Sentences>" > f; close(f) }
                              f = sprintf("%s-%04d", pre, ++k); print "<Sentences>" > f }
            sub(/^.*<Sentence/, "<Sentence"); print $0 "</Sentence>" > f; n++
        }
        END { if (f) print "</Sentences>" > f }' "$x"
done

d=$out/fuzz_verbs; mkdir -p "$d"
for v in CAMEO.2.0.txt PETR.Validate.verbs.txt; do
    # a piece starts at a "---" block line once 80 lines have gone by; the
    # synsets at the top of the file go with every 20th piece
    awk -v pre="$d/${v%%.txt}" '
        /^&/ || syn { if (!started) { s = s $0 "\n"; syn = ($0 !~ /^[ \t]*$/) || syn } }
        /^---/ && n >= 80 { if (f) close(f); f = sprintf("%s-%04d", pre, ++k); n = 0
                            if (k % 20 == 1) printf "%s", s > f }
        /^---/ { started = 1 }
        f { print > f; n++ }
        !f && started { f = sprintf("%s-%04d", pre, ++k); print > f; n++ }' "$dict/$v"
done

d=$out/fuzz_actors; mkdir -p "$d"
for a in Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt PETR.Validate.actors.txt; do
    cut_lines "$dict/$a" "$d/${a%%.txt}" 60
done
# the big files give thousands of pieces: keep every 8th
ls "$d" | awk 'NR % 8 != 1' | (cd "$d" && xargs rm -f)

d=$out/fuzz_agents; mkdir -p "$d"
cut_lines "$dict/Phoenix.agents.txt" "$d/Phoenix" 60
cut_lines "$dict/PETR.Validate.agents.txt" "$d/Validate" 60
d=$out/fuzz_discards; mkdir -p "$d"
cut_lines "$dict/Phoenix.discards.txt" "$d/Phoenix" 60
cp "$dict/PETR.Validate.discards.txt" "$d/Validate"
d=$out/fuzz_issues; mkdir -p "$d"
cut_lines "$dict/Phoenix.IssueCoding.txt" "$d/Phoenix" 60
d=$out/fuzz_config; mkdir -p "$d"
cp "$root"/data/*.ini "$d/"

d=$out/fuzz_jsonl; mkdir -p "$d"
cp "$root"/tests/data/bad/*.jsonl "$d/" 2>/dev/null || true
for z in "$root"/tests/data/formats/*.jsonl.gz; do
    [ -f "$z" ] || continue
    gzip -dc "$z" | awk -v pre="$d/$(basename "$z" .jsonl.gz)" \
        'NR % 3 == 1 { if (f) close(f); f = sprintf("%s-%04d", pre, ++k) } { print > f }'
done

d=$out/fuzz_text; mkdir -p "$d"
[ -f "$root/tests/data/nlp/split.txt" ] && cut_lines "$root/tests/data/nlp/split.txt" "$d/split" 40
[ -f "$root/tests/data/nlp/tokenize.tsv" ] && cut -f1 "$root/tests/data/nlp/tokenize.tsv" >"$d/tokenize"
[ -f "$root/../shared/examples/syria-strikes.txt" ] && cp "$root/../shared/examples/syria-strikes.txt" "$d/"
# the unit-test records' texts, one file per record
for f in "$out"/fuzz_ptb/rec-00[0-4]*; do
    tr '\000' '\n' <"$f" | awk '/^\(/ { exit } { print }' >"$d/$(basename "$f")"
done

d=$out/fuzz_treebank; mkdir -p "$d"
# GUM dev trees, four to a file (the first 240), and the augmentation test bank
gzip -dc "$root/data/train/gum-dev.ptb.gz" | awk -v pre="$d/gum" '
    /^\(/ { if (n % 4 == 0) { if (f) close(f); f = sprintf("%s-%04d", pre, ++k) }
            if (k > 60) exit; n++ }
    f { print > f }'
[ -f "$root/tests/data/nlp/augment.ptb" ] && cp "$root/tests/data/nlp/augment.ptb" "$d/"

d=$out/fuzz_conllu; mkdir -p "$d"
# GUM dev sentences with their dependency trees, twenty to a file (the first 400)
gzip -dc "$root/data/train/gum-dev.conllu.gz" | awk -v pre="$d/gum" '
    BEGIN { RS = ""; ORS = "\n\n" }
    NR > 400 { exit }
    { if ((NR - 1) % 20 == 0) { if (f) close(f); f = sprintf("%s-%02d", pre, ++k) }; print > f }'

for t in "$out"/*; do
    r=$root/tests/data/fuzz-regress/$(basename "$t")
    [ -d "$r" ] && cp "$r"/* "$t/" 2>/dev/null || true
done
for t in "$out"/*; do
    echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"
done
