#!/usr/bin/env bash
# make_reference.sh -- run the original PETRARCH2 1.2.0 on a batch XML file and
# write its events file sorted bytewise, to serve as a parity reference.
#
# A developer tool, not a test: it needs Python 2.7 and a PETRARCH2 checkout,
# neither of which is part of this repository (nothing of PETRARCH2 is copied).
#
# Usage:
#   tests/tools/make_reference.sh [options] INPUT.xml OUTPUT.evts.txt
#
# Options:
#   -c CONFIG     PETR_config.ini to use (default: data/PETR_config.ini of this repo)
#   -d DICTDIR    where relative dictionary names are found when they are not next
#                 to CONFIG (default: CONFIGDIR/dictionaries)
#   -s KEY=VALUE  set an [Options] key, e.g. -s write_actor_root=True (repeatable)
#   -u KEY        remove an [Options] key, e.g. -u code_by_sentence (repeatable)
#   -x ID[,ID..]  leave out these stories (story id = the part of the sentence id
#                 before '_') (repeatable)
#   -X FILE       leave out the stories listed in FILE (first column; '#' comments)
#   -f            find the stories on which PETRARCH2 crashes (one crash aborts the
#                 whole run and no events file is written) by bisection, leave them
#                 out, and list them (see -C)
#   -C FILE       write the stories found by -f as TSV to FILE
#                 (default: OUTPUT.crashes.tsv when -f finds any)
#   -r FILE       also write PETRARCH2's events file unsorted (its own line order)
#   -k            keep the work directory (effective config, PETRARCH.log, stdout)
#   -q            quieter
#
# Environment:
#   PETRARCH2_SRC  PETRARCH2 checkout holding the petrarch2/ package (default /tmp/petrarch2)
#   PYTHON2        python 2.7 interpreter (default /root/.pyenv/versions/2.7.18/bin/python2.7,
#                  else python2.7 on PATH)
#   P2EXTRA_PATH   extra PYTHONPATH entries put first, e.g. a stub 'dateutil'
#                  package (default /tmp/p2stub if it exists)
#
# How PETRARCH2 is made to read the dictionaries we name: PETRARCH2 opens every
# dictionary as os.path.join(<its package>/data/dictionaries, NAME), and
# os.path.join drops the prefix when NAME is absolute.  So the script reads
# CONFIG with Python 2's ConfigParser (the class PETRARCH2 uses), replaces every
# [Dictionaries] name by an absolute path (CONFIGDIR/NAME if it exists, else
# DICTDIR/NAME), applies -s/-u, and writes the effective config into a work
# directory.  PETRARCH2 runs there (it writes evts.* and PETRARCH.log into its
# cwd) with PYTHONHASHSEED unset (Python 2's default, deterministic hashing).
# When strace works, the final run is traced and the script checks that exactly
# the configured dictionary files were opened, and prints them.
#
# Output: OUTPUT = PETRARCH2's evts lines sorted with LC_ALL=C sort.  A summary
# (events, stories, left-out stories, dictionaries loaded) goes to stderr.
set -u

die() { echo "make_reference.sh: $*" >&2; exit 2; }
say() { [ "$quiet" = 1 ] || echo "$*" >&2; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

config="$repo/data/PETR_config.ini"
dictdir=""
sets=()
unsets=()
excl_ids=()
find_crashes=0
crashes_out=""
raw_out=""
keep=0
quiet=0

while getopts "c:d:s:u:x:X:fC:r:kqh" opt; do
    case $opt in
    c) config=$OPTARG ;;
    d) dictdir=$OPTARG ;;
    s) case $OPTARG in *=*) sets+=("$OPTARG") ;; *) die "-s wants KEY=VALUE" ;; esac ;;
    u) unsets+=("$OPTARG") ;;
    x) IFS=, read -r -a _ids <<<"$OPTARG"; excl_ids+=("${_ids[@]}") ;;
    X) [ -r "$OPTARG" ] || die "cannot read $OPTARG"
       while read -r id _; do
           case $id in ''|'#'*|story_id) continue ;; esac
           excl_ids+=("$id")
       done <"$OPTARG" ;;
    f) find_crashes=1 ;;
    C) crashes_out=$OPTARG ;;
    r) raw_out=$OPTARG ;;
    k) keep=1 ;;
    q) quiet=1 ;;
    h) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "bad option (see -h)" ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || die "usage: make_reference.sh [options] INPUT.xml OUTPUT.evts.txt (-h for help)"
input=$1
output=$2
[ -r "$input" ] || die "cannot read input $input"
[ -r "$config" ] || die "cannot read config $config"

abspath() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
input=$(abspath "$input")
config=$(abspath "$config")
[ -n "$dictdir" ] || dictdir="$(dirname "$config")/dictionaries"
[ -d "$dictdir" ] && dictdir=$(cd "$dictdir" && pwd)

# ---------------------------------------------------------------- tools
P2SRC=${PETRARCH2_SRC:-/tmp/petrarch2}
[ -f "$P2SRC/petrarch2/petrarch2.py" ] || die "no PETRARCH2 checkout at $P2SRC (set PETRARCH2_SRC)"
if [ -n "${PYTHON2:-}" ]; then
    py2=$PYTHON2
elif [ -x /root/.pyenv/versions/2.7.18/bin/python2.7 ]; then
    py2=/root/.pyenv/versions/2.7.18/bin/python2.7
else
    py2=$(command -v python2.7) || die "no python2.7 (set PYTHON2)"
fi
command -v python3 >/dev/null || die "python3 is needed for the XML helper"
extra=${P2EXTRA_PATH-}
[ -z "${P2EXTRA_PATH+x}" ] && [ -d /tmp/p2stub ] && extra=/tmp/p2stub
p2path="$P2SRC"
[ -n "$extra" ] && p2path="$extra:$P2SRC"

work=$(mktemp -d "${TMPDIR:-/tmp}/make_reference.XXXXXX") || die "mktemp failed"
# shellcheck disable=SC2317
cleanup() { if [ "$keep" = 1 ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

# ------------------------------------------------- effective config (python 2)
# Prints the absolute dictionary paths, one per line, after writing the config.
cat >"$work/mkconfig.py" <<'EOF'
import os, sys
from ConfigParser import ConfigParser
src, dst, confdir, dictdir = sys.argv[1:5]
sets = [a[2:] for a in sys.argv[5:] if a.startswith('s:')]
unsets = [a[2:] for a in sys.argv[5:] if a.startswith('u:')]
p = ConfigParser()
if not p.read(src):
    sys.exit('cannot read config %s' % src)
def resolve(name):
    if os.path.isabs(name):
        return name
    for d in (confdir, dictdir):
        cand = os.path.join(d, name)
        if os.path.isfile(cand):
            return os.path.abspath(cand)
    sys.exit('dictionary %r not found next to the config (%s) nor in %s' % (name, confdir, dictdir))
used = []
for key in ('verbfile_name', 'agentfile_name', 'discardfile_name', 'issuefile_name'):
    if p.has_option('Dictionaries', key):
        v = p.get('Dictionaries', key)
        if key == 'issuefile_name' and v == '':
            continue
        v = resolve(v)
        p.set('Dictionaries', key, v)
        used.append(v)
if p.has_option('Dictionaries', 'actorfile_list'):
    names = p.get('Dictionaries', 'actorfile_list').split(', ')   # as PETRARCH2 splits it
    paths = [resolve(n) for n in names]
    p.set('Dictionaries', 'actorfile_list', ', '.join(paths))
    used.extend(paths)
if not p.has_section('Options'):
    p.add_section('Options')
for kv in sets:
    k, v = kv.split('=', 1)
    p.set('Options', k.strip(), v.strip())
for k in unsets:
    p.remove_option('Options', k.strip())
with open(dst, 'w') as f:
    p.write(f)
for u in used:
    print(u)
EOF
cargs=()
for kv in ${sets[@]+"${sets[@]}"}; do cargs+=("s:$kv"); done
for k in ${unsets[@]+"${unsets[@]}"}; do cargs+=("u:$k"); done
"$py2" "$work/mkconfig.py" "$config" "$work/config.ini" "$(dirname "$config")" "$dictdir" \
    ${cargs[@]+"${cargs[@]}"} >"$work/dicts.txt" || die "could not make the effective config"

# ------------------------------------------------------ XML helper (python 3)
# stories IN            -> story ids, first-appearance order
# filter IN OUT KEEPLIST DROPLIST -> only stories in KEEPLIST (if not '-'), minus DROPLIST
cat >"$work/xmlsel.py" <<'EOF'
import sys
import xml.etree.ElementTree as ET
def story_of(s):
    sid = s.get('id', '')
    return sid.split('_')[0] if s.get('sentence') == 'True' else sid
def ids(path):
    if path == '-':
        return None
    with open(path) as f:
        return set(l.split()[0] for l in f if l.strip())
cmd = sys.argv[1]
root = ET.parse(sys.argv[2]).getroot()
sents = list(root.iter('Sentence'))
if cmd == 'stories':
    seen = set()
    for s in sents:
        st = story_of(s)
        if st not in seen:
            seen.add(st)
            print(st)
elif cmd == 'filter':
    keep, drop = ids(sys.argv[4]), ids(sys.argv[5]) or set()
    with open(sys.argv[3], 'w', encoding='utf-8') as f:
        f.write('<Sentences>\n')
        for s in sents:
            st = story_of(s)
            if (keep is None or st in keep) and st not in drop:
                s.tail = '\n'
                f.write(ET.tostring(s, encoding='unicode'))
        f.write('</Sentences>\n')
EOF
xmlsel() { python3 "$work/xmlsel.py" "$@"; }

# ------------------------------------------------------------- running it
# run_p2 DIR INPUT [trace]: runs PETRARCH2 in DIR; 0 if it wrote DIR/evts.out.txt
run_p2() {
    local dir=$1 in=$2 trace=${3:-}
    mkdir -p "$dir"
    local cmd=("$py2" -m petrarch2.petrarch2 batch -c "$work/config.ini" -i "$in" -o out.txt)
    # shellcheck disable=SC2054
    [ -n "$trace" ] && cmd=(strace -f -qq -e trace=open,openat -o "$dir/strace.txt" "${cmd[@]}")
    (cd "$dir" && unset PYTHONHASHSEED && PYTHONPATH="$p2path" "${cmd[@]}" >stdout.txt 2>stderr.txt)
    local rc=$?
    [ $rc -eq 0 ] && [ -f "$dir/evts.out.txt" ]
}
nrun=0
# ok_with KEEPLIST: does PETRARCH2 finish on these stories (minus the dropped)?
ok_with() {
    nrun=$((nrun + 1))
    local d="$work/run$nrun"
    mkdir -p "$d"
    xmlsel filter "$input" "$d/in.xml" "$1" "$work/drop.txt" || die "XML filter failed"
    run_p2 "$d" "$d/in.xml"
    local r=$?
    lastrun=$d
    return $r
}
crash_info() { # DIR -> "exception<TAB>message<TAB>file:line function"
    awk '
        /^  File "/ { f = $0; sub(/^  File "/, "", f); split(f, a, "\", line "); n = split(a[1], p, "/");
                      split(a[2], b, ", in "); where = p[n] ":" b[1] " " b[2] }
        NF { last = $0 }
        END { e = last; m = ""; i = index(last, ": ");
              if (i) { e = substr(last, 1, i - 1); m = substr(last, i + 2) }
              printf "%s\t%s\t%s\n", e, m, where }' "$1/stderr.txt"
}
# bisect LIST: find the crashing stories among LIST (known to fail as a whole)
bisect() {
    local list=$1 n
    n=$(wc -l <"$list")
    if [ "$n" -le 1 ]; then
        local id
        id=$(cat "$list")
        ok_with "$list" && return 0    # not reproducible alone: an interaction
        printf '%s\t%s\n' "$id" "$(crash_info "$lastrun")" >>"$work/crashes.tsv"
        echo "$id" >>"$work/drop.txt"
        say "  crash: $id ($(crash_info "$lastrun" | cut -f1,3))"
        return 0
    fi
    local a b
    a=$(mktemp "$work/half.XXXXXX"); b=$(mktemp "$work/half.XXXXXX")
    head -n $((n / 2)) "$list" >"$a"
    tail -n +$((n / 2 + 1)) "$list" >"$b"
    ok_with "$a" || bisect "$a"
    ok_with "$b" || bisect "$b"
}

: >"$work/drop.txt"
: >"$work/crashes.tsv"
for id in ${excl_ids[@]+"${excl_ids[@]}"}; do echo "$id" >>"$work/drop.txt"; done
xmlsel stories "$input" >"$work/stories.txt" || die "cannot read $input as XML"
nstories=$(wc -l <"$work/stories.txt")

if [ -s "$work/drop.txt" ]; then
    final_in="$work/input.xml"
    xmlsel filter "$input" "$final_in" - "$work/drop.txt"
else
    final_in=$input
fi

trace=""
if command -v strace >/dev/null && strace -f -qq -e trace=openat -o /dev/null true 2>/dev/null; then
    trace=1
fi

say "PETRARCH2 ($P2SRC) on $input: $nstories stories"
for round in 1 2 3 4 5; do
    if run_p2 "$work/final" "$final_in" "$trace"; then
        break
    fi
    if [ "$find_crashes" != 1 ]; then
        echo "PETRARCH2 failed; its stderr ends with:" >&2
        tail -n 8 "$work/final/stderr.txt" >&2
        die "PETRARCH2 did not finish (use -f to find and leave out crashing stories)"
    fi
    say "PETRARCH2 crashed (round $round); bisecting over the stories"
    grep -vxF -f "$work/drop.txt" "$work/stories.txt" >"$work/todo.txt" || true
    before=$(wc -l <"$work/drop.txt")
    bisect "$work/todo.txt"
    [ "$(wc -l <"$work/drop.txt")" -gt "$before" ] || die "PETRARCH2 fails but no single story makes it fail"
    final_in="$work/input.xml"
    xmlsel filter "$input" "$final_in" - "$work/drop.txt"
    rm -rf "$work/final"
done
[ -f "$work/final/evts.out.txt" ] || die "PETRARCH2 still fails after 5 rounds of bisection"

# ---------------------------------------------------------- check + write
if [ -n "$trace" ]; then
    say "dictionaries PETRARCH2 opened (strace):"
    grep -v ENOENT "$work/final/strace.txt" | sed -n 's/.*open[a-z]*([^"]*"\([^"]*\)".*/\1/p' | sort -u >"$work/opened.txt"
    while read -r d; do
        if grep -qxF "$d" "$work/opened.txt"; then
            say "  $d  sha256 $(sha256sum "$d" | cut -c1-16)"
        else
            die "PETRARCH2 did not open the configured dictionary $d"
        fi
    done <"$work/dicts.txt"
    other=$(grep -F '/data/dictionaries/' "$work/opened.txt" | grep -vxF -f "$work/dicts.txt")
    [ -z "$other" ] || die "PETRARCH2 also opened: $other"
else
    say "strace unavailable: cannot verify which dictionaries were opened; configured:"
    sed 's/^/  /' "$work/dicts.txt" >&2
fi

LC_ALL=C sort "$work/final/evts.out.txt" >"$output" || die "cannot write $output"
[ -n "$raw_out" ] && cp "$work/final/evts.out.txt" "$raw_out"
ncrash=$(wc -l <"$work/crashes.tsv")
if [ "$ncrash" -gt 0 ]; then
    [ -n "$crashes_out" ] || crashes_out="$output.crashes.tsv"
    { printf 'story_id\texception\tmessage\traised_at\n'; cat "$work/crashes.tsv"; } >"$crashes_out"
fi
ndrop=$(sort -u "$work/drop.txt" | grep -c .)
say "events: $(wc -l <"$output") -> $output"
say "stories: $nstories in input, $ndrop left out ($ncrash found crashing${crashes_out:+, listed in $crashes_out})"
[ "$keep" = 1 ] && cp "$work/config.ini" "$work/effective_config.ini"
exit 0
