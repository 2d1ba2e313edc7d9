#!/bin/sh
# `petrarch check-dicts`: on the small dictionaries of tests/data/lint (one of
# each problem) it reports exactly the findings listed in
# tests/data/lint/expected.txt -- file:line, severity, check and a piece of the
# message; single-file mode, --errors-only, --summary and the exit codes; and
# on the shipped dictionaries it finds what they are known to contain, with
# the summary the README gives.
set -u
BUILD=${BUILD:-build}
bin=$BUILD/petrarch
work=$BUILD/tests/check-dicts
mkdir -p "$work"
lint=tests/data/lint
fail=0
bad() { echo "FAIL $*"; fail=1; }
ok() { echo "ok   $*"; }

# "path:line: severity: message [check]" -> "BASENAME:LINE SEVERITY CHECK | message"
normalize() {
    sed -n -E 's#^([^:]*/)?([^/:]+):([0-9]+): (error|warning): (.*) \[([a-z-]+)\]$#\2:\3 \4 \6 | \5#p'
}

# ------------------------------------------------ the test dictionaries
"$bin" check-dicts "$lint/lint.ini" >"$work/lint.out" 2>"$work/lint.err"
rc=$?
[ $rc -eq 1 ] || bad "lint.ini: exit status $rc, expected 1 (errors found)"
normalize <"$work/lint.out" >"$work/lint.found"
grep -v '^#' "$lint/expected.txt" >"$work/expected"
sed 's/ |.*//' "$work/expected" | LC_ALL=C sort >"$work/expected.keys"
sed 's/ |.*//' "$work/lint.found" | LC_ALL=C sort >"$work/found.keys"
if cmp -s "$work/expected.keys" "$work/found.keys"; then
    ok "lint.ini: the $(wc -l <"$work/expected.keys") expected findings (file:line severity check), no others"
else
    bad "lint.ini: findings differ (< expected, > found)"
    diff "$work/expected.keys" "$work/found.keys"
fi
while IFS= read -r e; do
    key=${e%% |*} frag=${e#*| }
    grep -F "$key | " "$work/lint.found" | grep -qF -- "$frag" ||
        bad "lint.ini: $key does not say: $frag"
done <"$work/expected"
ne=$(grep -c ' error ' "$work/expected.keys")
nw=$(grep -c ' warning ' "$work/expected.keys")
grep -q "^6 files, [0-9]* lines: $ne errors, $nw warnings$" "$work/lint.out" ||
    bad "lint.ini: summary line is not '6 files, ... $ne errors, $nw warnings'"
grep -qE '^  lint\.verbs\.txt +verbs +50 ' "$work/lint.out" || bad "lint.ini: verbs file line count"

# single files: the same findings for that file alone
"$bin" check-dicts --actors "$lint/lint.actors.txt" --actors "$lint/lint.actors2.txt" \
    >"$work/actors.out" 2>&1
normalize <"$work/actors.out" | sed 's/ |.*//' | LC_ALL=C sort >"$work/actors.keys"
grep '^lint\.actors' "$work/expected.keys" >"$work/actors.keys.ref"
cmp -s "$work/actors.keys.ref" "$work/actors.keys" && ok "--actors: the actor files' findings" ||
    bad "--actors A --actors B: findings differ from those of the config run"

# --errors-only, --summary
"$bin" check-dicts "$lint/lint.ini" --errors-only >"$work/errors.out" 2>&1
[ "$(normalize <"$work/errors.out" | grep -vc ' error ')" -eq 0 ] &&
    [ "$(normalize <"$work/errors.out" | wc -l)" -eq "$ne" ] ||
    bad "--errors-only: not exactly the $ne errors"
"$bin" check-dicts "$lint/lint.ini" --summary >"$work/summary.out" 2>&1
[ "$(normalize <"$work/summary.out" | wc -l)" -eq 0 ] && grep -q "$ne errors, $nw warnings" "$work/summary.out" ||
    bad "--summary: findings listed, or no totals"

# a clean dictionary: exit 0, no findings
printf -- '--- VISIT [042] ---\nVISIT\n- * EMBASSY [043]\n' >"$work/clean.verbs.txt"
printf 'SOLDIER [~MIL]\nPOLICE {POLICE} [~COP]\n' >"$work/clean.agents.txt"
"$bin" check-dicts --verbs "$work/clean.verbs.txt" --agents "$work/clean.agents.txt" \
    >"$work/clean.out" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q '^2 files, 5 lines: 0 errors, 0 warnings$' "$work/clean.out" ||
    bad "clean dictionaries: exit status $rc or findings: $(head -n 3 "$work/clean.out")"

# exit codes
"$bin" check-dicts --verbs "$work/no-such-file.txt" >/dev/null 2>&1
[ $? -eq 3 ] || bad "missing file: exit status not 3"
"$bin" check-dicts "$work/no-such.ini" >/dev/null 2>&1
[ $? -eq 3 ] || bad "missing config: exit status not 3"
"$bin" check-dicts --bogus >/dev/null 2>&1
[ $? -eq 2 ] || bad "unknown option: exit status not 2"
"$bin" check-dicts "$lint/lint.ini" --verbs "$work/clean.verbs.txt" >/dev/null 2>&1
[ $? -eq 2 ] || bad "a config and files: exit status not 2"

# ------------------------------------------------ the shipped dictionaries
for cfg in PETR_config PETR_validate; do
    "$bin" check-dicts "data/$cfg.ini" >"$work/$cfg.out" 2>&1
    rc=$?
    [ $rc -eq 1 ] || bad "$cfg: exit status $rc, expected 1 (the shipped dictionaries have errors)"
    # the README shows this summary (indented as a code block)
    sed -n '/^[0-9]* files, /,$p' "$work/$cfg.out" >"$work/$cfg.summary"
    missing=0
    while IFS= read -r l; do
        grep -qxF -- "    $l" README.md || missing=$((missing + 1))
    done <"$work/$cfg.summary"
    if [ "$missing" -eq 0 ]; then
        ok "$cfg: $(head -n 1 "$work/$cfg.summary") (as in the README)"
    else
        bad "$cfg: $missing lines of the summary are not in the README:"
        cat "$work/$cfg.summary"
    fi
done
normalize <"$work/PETR_config.out" >"$work/phoenix.found"
normalize <"$work/PETR_validate.out" >"$work/validate.found"
while IFS='|' read -r set key frag; do
    grep -F "$key | " "$work/$set.found" | grep -qF -- "$frag" ||
        bad "shipped dictionaries: no '$key' finding saying: $frag"
done <<'EOF'
phoenix|CAMEO.2.0.txt:7430 warning syntax|'[110]---' is malformed
phoenix|CAMEO.2.0.txt:2406 error synset|&FIGHT_CRIM is not defined
phoenix|Phoenix.Countries.actors.txt:14190 error date|'20121207-20120802' of EGYGOV ends before it starts
phoenix|Phoenix.Countries.actors.txt:54525 error unreachable|('WITNESS MANGWENDE') is never stored
phoenix|Phoenix.agents.txt:1927 error read|Codes are required for agents
validate|PETR.Validate.verbs.txt:1 error unreachable|stops reading patterns at this '<!' line
validate|PETR.Validate.verbs.txt:57 error cameo|block code '345'
validate|PETR.Validate.actors.txt:225 warning date-order|dated code HOBCIV never applies: the undated code HOB
EOF

[ $fail -eq 0 ] && echo "all check-dicts checks passed"
exit $fail
