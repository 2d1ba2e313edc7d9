#!/bin/sh
# `petrarch train` and `petrarch eval-tagger` / `eval-parser` end to end on
# small slices of the vendored data: a trained model must tag/parse its own
# training sentences well; damaged model files and bad usage must fail with
# a clear message and the documented exit status.
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
data=$root/data/train
w=$BUILD/tests/train_cli
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
expect_rc() {
    want=$1 name=$2
    shift 2
    "$@" >out 2>err
    rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$name (exit $rc)"; else
        bad "$name: exit $rc, wanted $want"; sed 's/^/     | /' err | head -n 5; fi
}
# at_least FILE PATTERN MIN NAME: the number after PATTERN in FILE is >= MIN
at_least() {
    v=$(sed -n "s/.*$2 \([0-9.]*\).*/\1/p" "$1" | head -n 1)
    if [ -n "$v" ] && awk -v v="$v" -v m="$3" 'BEGIN { exit !(v >= m) }'; then
        ok "$4 ($2 $v >= $3)"
    else
        bad "$4: $2 '$v', wanted >= $3"; sed 's/^/     | /' "$1" | head -n 5
    fi
}

# 150 sentences of each
gzip -dc "$data/gum-dev.conllu.gz" | awk 'BEGIN{RS="";ORS="\n\n"} NR <= 150' > small.conllu
gzip -dc "$data/gum-dev.ptb.gz" | awk 'BEGIN{RS="";ORS="\n\n"} NR <= 150' > small.ptb

expect_rc 0 "train tagger" "$bin" train tagger -o tagger.bin --epochs 4 \
    --actors "$root/data/dictionaries/Phoenix.Countries.actors.txt" small.conllu
expect_rc 0 "eval-tagger on its training data" "$bin" eval-tagger tagger.bin small.conllu
at_least out "accuracy" 97 "tagger learns its training data"

expect_rc 0 "train parser (beam 4)" "$bin" train parser -o parser.bin --epochs 8 --beam 4 small.ptb
expect_rc 0 "eval-parser greedy, gold tags" "$bin" eval-parser parser.bin small.ptb
at_least out "F1" 90 "greedy parser learns its training trees"
expect_rc 0 "eval-parser beam 4, predicted tags" "$bin" eval-parser parser.bin --beam 4 \
    --tagger tagger.bin small.ptb
at_least out "F1" 85 "beam parser with predicted tags"

# the same training twice: byte-identical models
"$bin" train parser -o parser2.bin --epochs 8 --beam 4 small.ptb 2>/dev/null
if cmp -s parser.bin parser2.bin; then ok "deterministic training"; else bad "two trainings differ"; fi

# damaged models
head -c 1000 parser.bin > truncated.bin
expect_rc 3 "truncated parser model" "$bin" eval-parser truncated.bin small.ptb
grep -q "truncated" err && ok "  says truncated" || bad "  no 'truncated' in: $(cat err)"
cp tagger.bin flipped.bin
printf 'X' | dd of=flipped.bin bs=1 seek=5000 conv=notrunc 2>/dev/null
expect_rc 3 "damaged tagger model" "$bin" eval-tagger flipped.bin small.conllu
grep -q "corrupt" err && ok "  says corrupt" || bad "  no 'corrupt' in: $(cat err)"
expect_rc 3 "tagger model given as parser" "$bin" eval-parser tagger.bin small.ptb
grep -q "not a petrarch parser model" err && ok "  says which kind" || bad "  wrong message: $(cat err)"

# usage
expect_rc 2 "train without -o" "$bin" train tagger small.conllu
expect_rc 2 "train an unknown kind" "$bin" train lexicon -o x.bin small.conllu
expect_rc 3 "train on a missing file" "$bin" train parser -o x.bin no-such.ptb
printf '(ROOT (S (NP (NN a))\n' > broken.ptb
expect_rc 3 "train on a broken tree" "$bin" train parser -o x.bin broken.ptb
grep -q "broken.ptb:" err && ok "  names the file" || bad "  no file name in: $(cat err)"

echo "$fails failed"
[ "$fails" -eq 0 ]
