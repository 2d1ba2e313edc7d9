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
# (the trees: the lines before the 151st "(ROOT", the same sentences)
gzip -dc "$data/gum-dev.ptb.gz" | awk '/^\(ROOT/ { n++ } n <= 150' > small.ptb

expect_rc 0 "train tagger" "$bin" train tagger -o tagger.bin --epochs 4 \
    --actors "$root/data/dictionaries/Phoenix.Countries.actors.txt" small.conllu
expect_rc 0 "eval-tagger on its training data" "$bin" eval-tagger tagger.bin small.conllu
at_least out "accuracy" 97 "tagger learns its training data"

# --average K: K trainings' weights averaged into one model; it learns too,
# and is another model
expect_rc 0 "train tagger --average 2" "$bin" train tagger -o avg.bin --epochs 4 --average 2 \
    --actors "$root/data/dictionaries/Phoenix.Countries.actors.txt" small.conllu
expect_rc 0 "eval the averaged tagger" "$bin" eval-tagger avg.bin small.conllu
at_least out "accuracy" 97 "averaged tagger learns its training data"
if cmp -s avg.bin tagger.bin; then bad "  --average changed nothing"; else ok "  --average trains differently"; fi
expect_rc 2 "bad --average" "$bin" train tagger -o x.bin --average -1 small.conllu

expect_rc 0 "train parser (beam 4)" "$bin" train parser -o parser.bin --epochs 8 --beam 4 small.ptb
expect_rc 0 "eval-parser greedy, gold tags" "$bin" eval-parser parser.bin small.ptb
at_least out "F1" 90 "greedy parser learns its training trees"
expect_rc 0 "eval-parser beam 4, predicted tags" "$bin" eval-parser parser.bin --beam 4 \
    --tagger tagger.bin small.ptb
at_least out "F1" 85 "beam parser with predicted tags"

# the same training twice: byte-identical models
"$bin" train parser -o parser2.bin --epochs 8 --beam 4 small.ptb 2>/dev/null
if cmp -s parser.bin parser2.bin; then ok "deterministic training"; else bad "two trainings differ"; fi

# jackknifing: --fold K/N leaves a fold out (the two folds of 2 partition the
# sentences), and a parser trained on trees tagged by the fold taggers differs
# from one trained on gold tags and is still a parser
expect_rc 0 "train tagger --fold 0/2" "$bin" train tagger -o fold0.bin --epochs 2 --fold 0/2 small.conllu
left0=$(sed -n 's/.*fold 0\/2: \([0-9]*\) of 150 sentences left out.*/\1/p' err)
expect_rc 0 "train tagger --fold 1/2" "$bin" train tagger -o fold1.bin --epochs 2 --fold 1/2 small.conllu
left1=$(sed -n 's/.*fold 1\/2: \([0-9]*\) of 150 sentences left out.*/\1/p' err)
if [ -n "$left0" ] && [ -n "$left1" ] && [ $((left0 + left1)) -eq 150 ] && [ "$left0" -gt 30 ] &&
    [ "$left1" -gt 30 ]; then
    ok "  the two folds partition the sentences ($left0 + $left1)"
else
    bad "  folds: '$left0' + '$left1' left out, wanted two parts of 150"
fi
expect_rc 0 "train parser with two fold taggers" "$bin" train parser -o jk.bin --epochs 4 \
    --tagger fold0.bin --tagger fold1.bin small.ptb
"$bin" train parser -o gold.bin --epochs 4 small.ptb 2>/dev/null
if cmp -s jk.bin gold.bin; then bad "  fold taggers changed nothing"; else ok "  trained on predicted tags"; fi
expect_rc 0 "eval the jackknifed parser" "$bin" eval-parser jk.bin --tagger tagger.bin small.ptb
at_least out "F1" 80 "jackknifed parser learns its training trees"
expect_rc 2 "bad --fold" "$bin" train tagger -o x.bin --fold 2/2 small.conllu

# --explore: greedy training from the parser's own actions (dynamic oracle)
# learns the training trees too, and is a different model
expect_rc 0 "train parser --explore 2" "$bin" train parser -o explore.bin --epochs 8 --explore 2 small.ptb
expect_rc 0 "eval the exploring parser" "$bin" eval-parser explore.bin small.ptb
at_least out "F1" 90 "exploring parser learns its training trees"
"$bin" train parser -o static.bin --epochs 8 small.ptb 2>/dev/null
if cmp -s explore.bin static.bin; then bad "  --explore changed nothing"; else ok "  --explore trains differently"; fi
expect_rc 2 "bad --explore" "$bin" train parser -o x.bin --explore -1 small.ptb

# --augment-coord N: N trees with coordinated subjects join the training trees
# (src/nlp/augment.c); the parser still learns its trees, and differs
expect_rc 0 "train parser --augment-coord 40" "$bin" train parser -o aug.bin --epochs 8 \
    --augment-coord 40 small.ptb
ntrees=$(grep -c '^(ROOT' small.ptb)
grep -q "added 40 trees with coordinated subjects" err &&
    grep -q "on $((ntrees + 40)) trees" err &&
    ok "  40 trees added to $ntrees" || bad "  augment ($ntrees trees): $(cat err)"
expect_rc 0 "eval the augmented parser" "$bin" eval-parser aug.bin small.ptb
at_least out "F1" 90 "augmented parser learns its training trees"
if cmp -s aug.bin static.bin; then bad "  --augment-coord changed nothing"; else ok "  --augment-coord trains differently"; fi
expect_rc 2 "bad --augment-coord" "$bin" train parser -o x.bin --augment-coord -5 small.ptb
# --augment-report N: N trees ending in an attribution join them too, after
# the coordinated subjects (which can be their clauses)
expect_rc 0 "train parser --augment-coord 40 --augment-report 30" "$bin" train parser \
    -o augr.bin --epochs 8 --augment-coord 40 --augment-report 30 small.ptb
grep -q "added 30 trees with a reporter" err && grep -q "on $((ntrees + 70)) trees" err &&
    ok "  30 more trees added" || bad "  augment-report ($ntrees trees): $(cat err)"
expect_rc 0 "eval the parser with reporters" "$bin" eval-parser augr.bin small.ptb
at_least out "F1" 90 "that parser learns its training trees"
if cmp -s aug.bin augr.bin; then bad "  --augment-report changed nothing"; else ok "  --augment-report trains differently"; fi
expect_rc 2 "bad --augment-report" "$bin" train parser -o x.bin --augment-report -1 small.ptb
expect_rc 2 "--deps with --augment-report" "$bin" train parser -o x.bin --deps small.conllu \
    --augment-report 5 small.ptb

# --deps: a dependency-guided parser (the UD -> PTB converter) learns its
# trees from their dependency trees; convert-deps writes a PTB tree per
# sentence over the sentence's own words (brackets in words as -LRB-/-RRB-,
# as GUM's trees spell them), which trains a parser in turn; eval-parser
# --deps scores the converter
expect_rc 0 "train parser --deps" "$bin" train parser -o conv.bin --epochs 8 --deps small.conllu small.ptb
expect_rc 0 "eval the converter" "$bin" eval-parser conv.bin --deps small.conllu small.ptb
at_least out "F1" 93 "converter learns its training trees"
if cmp -s conv.bin static.bin; then bad "  --deps changed nothing"; else ok "  --deps trains differently"; fi
expect_rc 0 "convert-deps" "$bin" convert-deps conv.bin -o conv.ptb small.conllu
n=$(grep -c '^(ROOT' conv.ptb)
[ "$n" -eq 150 ] && ok "  150 trees written" || bad "  $n trees, wanted 150"
# every leaf a word of small.conllu, in order (leaves: the tokens ending in ')')
tr ' ' '\n' <conv.ptb | grep ')$' | sed 's/)*$//' > leaves
awk -F'\t' 'NF >= 8 && $1 ~ /^[0-9]+$/ { gsub(/\(/, "-LRB-", $2); gsub(/\)/, "-RRB-", $2); print $2 }' \
    small.conllu > words
cmp -s leaves words && ok "  the leaves are the words" || bad "  the leaves of conv.ptb are not the words"
grep -q -- '-LRB-' conv.ptb && ! grep -q ' ()' conv.ptb && ok "  brackets in words escaped" ||
    bad "  brackets in words not escaped"
expect_rc 0 "train a parser on converted trees" "$bin" train parser -o onconv.bin --epochs 8 conv.ptb
expect_rc 0 "eval it on the gold trees" "$bin" eval-parser onconv.bin small.ptb
at_least out "F1" 85 "converted trees teach the gold bracketing"
expect_rc 2 "convert-deps with a plain parser" "$bin" convert-deps static.bin small.conllu
grep -q "not a dependency-guided model" err && ok "  says why" || bad "  wrong message: $(cat err)"
head -n 40 small.conllu > short.conllu
expect_rc 2 "--deps with too few dependency trees" "$bin" train parser -o x.bin --deps short.conllu small.ptb
expect_rc 2 "--deps with --augment-coord" "$bin" train parser -o x.bin --deps small.conllu \
    --augment-coord 5 small.ptb
expect_rc 3 "convert-deps on a missing file" "$bin" convert-deps conv.bin no-such.conllu
# a sentence whose dependency tree has another number of words is not scored
sed '0,/^2	/{/^2	/d}' small.conllu > skew.conllu
expect_rc 0 "eval-parser --deps, one sentence out of step" "$bin" eval-parser conv.bin \
    --deps skew.conllu small.ptb
grep -q "(1 failed" out && grep -q "skew.conllu: sentence 2 has 33 words, its tree 34" err && ok "  counted and named" ||
    bad "  out of step: $(cat out err)"
# raw text has no dependency trees: the converter is refused as the parser
mkdir -p guided && cp conv.bin guided/parser.bin && cp tagger.bin guided/tagger.bin
printf 'Date: 2015-01-01\n\nArnor attacked Gondor.\n' > arnor.txt
expect_rc 3 "code with a dependency-guided parser" "$bin" code --models guided arnor.txt
grep -q "dependency-guided parser model" err && ok "  says why" || bad "  wrong message: $(cat err)"

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
