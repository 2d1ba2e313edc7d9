#!/bin/sh
# Bad input, data-driven: each tests/data/bad/*.expect is one case (the
# format is in tests/data/bad/README.md).  For each, `petrarch batch` must
# exit as expected, print the expected error texts, still code the other
# records (their events are exactly PETRARCH2's reference events), and
# account for every record in --report: read = coded + discarded + rejected.
set -u
BUILD=${BUILD:-build}
root=$(pwd)
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
bin=$BUILD/petrarch
data=$root/tests/data/bad
ref=$root/tests/data/reference/unittest.phoenix.evts.txt
w=$BUILD/tests/bad-input
rm -rf "$w"
mkdir -p "$w"
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# good.xml with one more record after its first one (the record on stdin)
with_record() {
    awk 'BEGIN { while ((getline l < "/dev/stdin") > 0) extra = extra l "\n" }
         { print } /<\/Sentence>/ && !done { printf "%s", extra; done = 1 }' "$data/good.xml"
}
record() { # ID TEXT, then the parse on stdin
    printf '<Sentence date="19950101" id="%s" source="TEST" sentence="True">\n<Text>%s</Text>\n<Parse>' "$1" "$2"
    cat
    printf '</Parse>\n</Sentence>\n'
}
# a parse 10,000 levels deep
gen_deep() {
    awk 'BEGIN { printf "(ROOT "; for (i = 0; i < 10000; i++) printf "(S ";
                 printf "(NP (NNP Arnor))"; for (i = 0; i <= 10000; i++) printf ")" }' |
        record DEEP_1 "Arnor." | with_record
}
# a sentence of 1 MB (100,000 words), text and parse
gen_big() {
    text=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "w%05d ", i }')
    awk 'BEGIN { printf "(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP";
                 for (i = 0; i < 100000; i++) printf " (NN w%05d)", i; printf "))))" }' |
        record BIG_1 "Arnor met $text" | with_record
}
# a gzip file cut in the middle: one record, then a long comment, then one more
gen_gzcut() {
    awk -v d="$data/good.xml" 'BEGIN {
        print "<Sentences>"
        while ((getline l < d) > 0) { if (l ~ /<Sentence /) n++; if (n == 1) print l; if (n == 1 && l ~ /<\/Sentence>/) n++ }
        printf "<!-- "; x = 1
        for (i = 0; i < 200000; i++) { x = (x * 75 + 74) % 65537; printf "%c", 97 + x % 26; if (i % 64 == 63) printf "\n" }
        print " -->"; print "</Sentences>" }' | gzip -n -c >"$w/full.gz"
    size=$(wc -c <"$w/full.gz")
    head -c $((size / 2)) "$w/full.gz"
}

for expect in "$data"/*.expect; do
    name=$(basename "$expect" .expect)
    get() { sed -n "s/^$1: //p" "$expect"; }
    set --
    for f in $(get inputs); do
        case $f in
        @deep) gen_deep >"$w/$name.xml" && f=$w/$name.xml ;;
        @big) gen_big >"$w/$name.xml" && f=$w/$name.xml ;;
        @gzcut) gen_gzcut >"$w/$name.xml.gz" && f=$w/$name.xml.gz ;;
        *) f=$data/$f ;;
        esac
        set -- "$@" -i "$f"
    done
    args=$(get args | sed "s|@dir/|$data/|g")
    # shellcheck disable=SC2086 # args are words
    (cd "$data" && "$bin" batch $args "$@" -o "$w/$name.out" --report "$w/$name.json" \
        >"$w/$name.stdout" 2>"$w/$name.err")
    rc=$?
    want=$(get exit)
    [ "$rc" = "$want" ] && ok "$name: exit $rc" || bad "$name: exit $rc, wanted $want"
    get stderr >"$w/$name.want-err"
    while IFS= read -r frag; do
        grep -qF -- "$frag" "$w/$name.err" && ok "$name: says \"$frag\"" ||
            { bad "$name: stderr lacks \"$frag\""; sed 's/^/     | /' "$w/$name.err" | head -n 8; }
    done <"$w/$name.want-err"
    ids=$(get coded)
    if [ -n "$ids" ]; then
        : >"$w/$name.ref"
        [ "$ids" = "-" ] || for id in $ids; do grep -F "	${id}	" "$ref" >>"$w/$name.ref"; done
        LC_ALL=C sort "$w/$name.ref" -o "$w/$name.ref"
        LC_ALL=C sort "$w/$name.out" | cmp -s - "$w/$name.ref" &&
            ok "$name: the other records coded ($(wc -l <"$w/$name.ref") reference events)" ||
            bad "$name: events differ from the reference events of $ids"
    fi
    get out >"$w/$name.want-out"
    while IFS= read -r frag; do
        grep -qF -- "$frag" "$w/$name.out" && ok "$name: output has \"$frag\"" ||
            bad "$name: output lacks \"$frag\""
    done <"$w/$name.want-out"
    # the report: "records": {"read", "coded", "discarded", "rejected"}
    counts=$(awk '/"records": \{/ { on = 1; next } on && /}/ { exit }
                  on { gsub(/[^0-9]/, ""); printf "%s ", $0 }' "$w/$name.json")
    set -- $counts
    if [ $# -eq 4 ] && [ "$1" -eq $(($2 + $3 + $4)) ]; then
        ok "$name: read $1 = coded $2 + discarded $3 + rejected $4"
    else
        bad "$name: the report does not add up: $counts"
    fi
    want=$(get counts)
    [ -z "$want" ] || [ "$counts" = "$want " ] && ok "$name: counts $want" ||
        bad "$name: counts '$counts', wanted '$want'"
done
echo "$fails failure(s)"
[ "$fails" -eq 0 ]
