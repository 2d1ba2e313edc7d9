#!/bin/sh
# The 2014-2025 actor supplement through the CLI: every case of
# tests/data/current/cases.tsv (a hand-parsed sentence, its date and the
# source code it must get) coded by `petrarch batch -c data/current.ini`;
# the default config still gives Phoenix's codes (parity untouched); user
# overlays with --actors FILE and agent files with --agents FILE; and
# `petrarch check-dicts` accepting current.ini when that command exists.
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
cases=$root/tests/data/current/cases.tsv
current=$root/data/current.ini
w=$BUILD/tests/actors_current
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# cases.tsv -> batch XML, one story per case (story id = the case id)
awk -F '\t' '
    function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
    BEGIN { print "<Sentences>" }
    /^#/ || NF == 0 { next }
    { printf "<Sentence date=\"%s\" id=\"%s_1\" source=\"cases\" sentence=\"True\">\n", $2, $1
      printf "<Text>%s</Text>\n<Parse>%s</Parse>\n</Sentence>\n", esc($4), esc($5) }
    END { print "</Sentences>" }' "$cases" >cases.xml
ncases=$(grep -c '^<Sentence ' cases.xml)
[ "$ncases" -ge 20 ] && ok "$ncases cases read" || bad "only $ncases cases in $cases"

# source_of FILE ID: the source code of the first event of story ID
source_of() { awk -F '\t' -v id="$2_1" '$6 == id { print $2; exit }' "$1"; }

if "$bin" batch -v -c "$current" -i cases.xml -o current.out 2>current.err; then
    ok "batch with current.ini"
else
    bad "batch with current.ini failed"; sed 's/^/     | /' current.err | head -n 5
fi
grep -q 'Supplement.*warning' current.err &&
    bad "warnings on the supplement: $(grep 'Supplement.*warning' current.err | head -n 3)"
while IFS='	' read -r id date want text parse; do
    case $id in '#'* | '') continue ;; esac
    got=$(source_of current.out "$id")
    [ "$got" = "$want" ] && ok "$id ($date): $got" || bad "$id ($date): source '$got', expected $want"
done <"$cases"

# ---- parity mode: the default config does not see the supplement
"$bin" batch -i cases.xml -o default.out 2>default.err
[ "$(source_of default.out assad-2025)" = SYRGOV ] && ok "default config: Assad still SYRGOV in 2025" ||
    bad "default config: Assad is '$(source_of default.out assad-2025)'"
[ -z "$(source_of default.out trump-2025)" ] && ok "default config: Trump unknown" ||
    bad "default config: Trump coded '$(source_of default.out trump-2025)'"

# ---- --actors FILE: a user's overlay (no directive needed), read after the config's files
printf 'DONALD_TRUMP_  # a test entry\n\t[USAMIL]\n' >user.actors.txt
"$bin" batch -i cases.xml -o user.out --actors user.actors.txt 2>user.err
[ "$(source_of user.out trump-2019)" = USAMIL ] && ok "--actors on the default config" ||
    bad "--actors: Trump is '$(source_of user.out trump-2019)'"
"$bin" batch -c "$current" -i cases.xml -o user2.out --actors=user.actors.txt 2>user2.err
[ "$(source_of user2.out trump-2019)" = USAMIL ] && [ "$(source_of user2.out biden-2022)" = USAGOV ] &&
    ok "--actors=FILE after the supplement" || bad "--actors after the supplement"
"$bin" batch -i cases.xml -o x.out --actors missing.txt 2>err
rc=$?
[ $rc -eq 3 ] && grep -q 'missing.txt' err && [ ! -e x.out ] && ok "--actors missing file: exit 3" ||
    bad "--actors missing file: exit $rc"
"$bin" batch -i cases.xml -o x.out --actors 2>err
[ $? -eq 2 ] && ok "--actors without a value: exit 2" || bad "--actors without a value"

# ---- --agents FILE: read after the config's agent file
cat >agents.xml <<'EOF'
<Sentences>
<Sentence date="20200101" id="AG-1_1" source="t" sentence="True">
<Text>Syrian zorblats met Vladimir Putin.</Text>
<Parse>(ROOT (S (NP (JJ Syrian) (NNS zorblats)) (VP (VBD met) (NP (NNP Vladimir) (NNP Putin))) (. .)))</Parse>
</Sentence>
</Sentences>
EOF
printf 'ZORBLAT [~ZRB]\n' >user.agents.txt
"$bin" batch -i agents.xml -o ag0.out 2>/dev/null
"$bin" batch -i agents.xml -o ag1.out --agents user.agents.txt 2>/dev/null
[ "$(source_of ag0.out AG-1)" = SYR ] && [ "$(source_of ag1.out AG-1)" = SYRZRB ] &&
    ok "--agents adds an agent" || bad "--agents: '$(source_of ag0.out AG-1)' -> '$(source_of ag1.out AG-1)'"

# ---- the example article's hand-parsed sentences: the supplement adds Trump's
# event (sentence 1) and changes none of the others
ex=$root/data/examples/syria-strikes.hand-parsed.xml
"$bin" batch -i "$ex" -o ex0.out 2>/dev/null
"$bin" batch -c "$current" -i "$ex" -o ex1.out 2>/dev/null
# (source_of FILE syria-strikes: the event of story sentence syria-strikes_1)
[ -z "$(source_of ex0.out syria-strikes)" ] && [ "$(source_of ex1.out syria-strikes)" = USAGOV ] &&
    ok "example: Donald Trump's sentence coded USAGOV only with the supplement" ||
    bad "example: sentence 1: '$(source_of ex0.out syria-strikes)' -> '$(source_of ex1.out syria-strikes)'"
grep -v '	syria-strikes_1	' ex1.out | LC_ALL=C sort >ex1.rest
LC_ALL=C sort ex0.out | cmp -s - ex1.rest && [ "$(wc -l <ex0.out)" -eq 3 ] &&
    ok "example: the other events unchanged" || bad "example: other events differ"

# ---- check-dicts (when the command is there) finds nothing in the supplement:
# alone it passes (exit 0); with current.ini it reports exactly what it reports
# for the default config (the Phoenix files' own findings) and nothing more
supplement=$root/data/dictionaries/Supplement.2014-2025.actors.txt
if "$bin" help 2>/dev/null | grep -q 'check-dicts'; then
    "$bin" check-dicts --actors "$supplement" >check1.out 2>&1 && ok "check-dicts on the supplement: exit 0" ||
        { bad "check-dicts on the supplement"; grep -v '^ ' check1.out | head -n 10; }
    "$bin" check-dicts "$current" >check2.out 2>&1
    "$bin" check-dicts >check0.out 2>&1
    grep -q 'Supplement.*[^0-9]0  *0$' check2.out && ! grep -q "^$supplement:" check2.out &&
        ok "check-dicts current.ini: no finding in the supplement" ||
        { bad "check-dicts current.ini: findings in the supplement"; grep "^$supplement:" check2.out | head -n 10; }
    totals() { sed -n 's/.*lines: \(.*\)/\1/p' "$1"; }
    [ -n "$(totals check0.out)" ] && [ "$(totals check2.out)" = "$(totals check0.out)" ] &&
        ok "check-dicts current.ini: the default config's findings only ($(totals check2.out))" ||
        bad "check-dicts totals: '$(totals check2.out)' vs default '$(totals check0.out)'"
else
    echo "skip check-dicts: not in this build"
fi

[ "$fails" -eq 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" -eq 0 ]
