#!/bin/sh
# bench/petrarch2_compare.sh -- whole-process speed of petrarch-c vs the original
# PETRARCH2 1.2.0 on the same corpus, and whether their events are identical.
#
#   sh bench/petrarch2_compare.sh [-n SENTENCES]     (default 2000)
#
# Needs python 2.7 ($PYTHON2, else /root/.pyenv/versions/2.7.18/bin/python2.7,
# else python2.7 on PATH), a PETRARCH2 checkout ($PETRARCH2_SRC, default
# /tmp/petrarch2) and build/petrarch; prints SKIP and exits 0 without them.
# P2EXTRA_PATH: PYTHONPATH entries put first (default /tmp/p2stub if present,
# e.g. a stub dateutil).  PC_BATCH_ARGS as in bench/run.sh.
#
# Both run on bench/out/benchNk.xml (made like bench/run.sh's corpus) with
# data/PETR_config.ini; PETRARCH2 gets a copy of it whose dictionary names are
# absolute paths into data/dictionaries, so both read the same files.  Each
# process is timed with /usr/bin/time -v (petrarch-c: median of 3 runs).
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
size=2000
while [ $# -gt 0 ]; do
    case $1 in
    -n) shift; size=${1:?-n needs a number} ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "petrarch2_compare.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

skip() { echo "SKIP: $*"; exit 0; }
P2SRC=${PETRARCH2_SRC:-/tmp/petrarch2}
[ -f "$P2SRC/petrarch2/petrarch2.py" ] || skip "no PETRARCH2 checkout at $P2SRC (set PETRARCH2_SRC)"
if [ -n "${PYTHON2:-}" ]; then
    py2=$PYTHON2
elif [ -x /root/.pyenv/versions/2.7.18/bin/python2.7 ]; then
    py2=/root/.pyenv/versions/2.7.18/bin/python2.7
else
    py2=$(command -v python2.7) || skip "no python2.7"
fi
[ -x /usr/bin/time ] || skip "no /usr/bin/time"
petrarch=$root/$BUILD/petrarch
case $BUILD in /*) petrarch=$BUILD/petrarch ;; esac
[ -x "$petrarch" ] || skip "$petrarch not built"
if [ -z "${P2EXTRA_PATH+x}" ]; then
    [ -d /tmp/p2stub ] && P2EXTRA_PATH=/tmp/p2stub || P2EXTRA_PATH=
fi
p2path=$P2SRC
[ -n "$P2EXTRA_PATH" ] && p2path=$P2EXTRA_PATH:$P2SRC

out=$root/bench/out
name=bench$((size / 1000))k
[ "$size" -lt 1000 ] && name=bench$size
corpus=$out/$name.xml
mkdir -p "$out"
if [ ! -s "$corpus" ]; then
    src=tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml
    [ -r "$src" ] || src=$SHARED/reference/PETR.UnitTest.batch.phoenix-ok.xml
    if ! python3 "$SHARED/tools/make_bench_corpus.py" -n "$size" -o "$corpus.tmp" "$src"; then
        rm -f "$corpus.tmp"
        exit 2
    fi
    mv "$corpus.tmp" "$corpus"
fi
nsent=$(grep -c '<Sentence ' "$corpus")

work=$out/compare
rm -rf "$work"
mkdir -p "$work/p2" "$work/c"

# PETRARCH2's config: ours, with absolute dictionary paths (it joins names onto
# its own package's data/dictionaries, and os.path.join keeps an absolute name).
"$py2" - "$root/data/PETR_config.ini" "$root/data/dictionaries" "$work/p2/config.ini" <<'EOF' || exit 2
import os, sys
from ConfigParser import ConfigParser
src, ddir, dst = sys.argv[1:4]
p = ConfigParser()
p.read(src)
for k in ('verbfile_name', 'agentfile_name', 'discardfile_name', 'issuefile_name'):
    if p.has_option('Dictionaries', k) and p.get('Dictionaries', k):
        p.set('Dictionaries', k, os.path.join(ddir, p.get('Dictionaries', k)))
p.set('Dictionaries', 'actorfile_list', ', '.join(
    os.path.join(ddir, n) for n in p.get('Dictionaries', 'actorfile_list').split(', ')))
with open(dst, 'w') as f:
    p.write(f)
EOF

field() { # TIMEFILE -> "wall_seconds max_rss_mb"
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                                           for (i = 1; i <= n; i++) s = s * 60 + t[i] }
                /Maximum resident set size/ { r = $2 / 1024 }
                END { printf "%.3f %.1f\n", s, r }' "$1"
}

# Wall time from date +%s.%N (time -v only has 10 ms resolution); RSS from time -v.
now() { date +%s.%N; }
case $(now) in *N*) now() { echo; } ;; esac
wall_of() { # T0 T1 TIMEFILE
    if [ -n "$1" ]; then echo "$1 $2" | awk '{ printf "%.3f", $2 - $1 }'; else field "$3" | cut -d' ' -f1; fi
}

echo "corpus: $corpus ($nsent sentences)"
echo "PETRARCH2 ($P2SRC, $py2) ..."
t0=$(now)
(cd "$work/p2" && unset PYTHONHASHSEED && PYTHONPATH=$p2path /usr/bin/time -v -o ../p2.time \
    "$py2" -m petrarch2.petrarch2 batch -c config.ini -i "$corpus" -o out.txt >stdout.txt 2>stderr.txt)
p2rc=$?
t1=$(now)
if [ $p2rc -ne 0 ] || [ ! -f "$work/p2/evts.out.txt" ]; then
    echo "SKIP: PETRARCH2 failed on the corpus; see $work/p2/stderr.txt"
    exit 0
fi
p2_wall=$(wall_of "$t0" "$t1" "$work/p2.time")
p2_rss=$(field "$work/p2.time" | cut -d' ' -f2)

run_c() { # runs build/petrarch batch in the cwd
    if [ -n "${PC_BATCH_ARGS:-}" ]; then
        # shellcheck disable=SC2086
        set -- $PC_BATCH_ARGS
    else
        set -- -c "$root/data/PETR_config.ini" -i "$corpus" -o "$name.evts"
    fi
    /usr/bin/time -v -o ../c.time "$petrarch" batch "$@" >../c.stdout.txt 2>../c.stderr.txt
}
echo "petrarch-c ($petrarch batch ${PC_BATCH_ARGS:--c $root/data/PETR_config.ini -i $corpus -o $name.evts}) x3 ..."
walls=""
for _ in 1 2 3; do
    rm -rf "$work/c" && mkdir -p "$work/c"
    t0=$(now)
    (cd "$work/c" && run_c)
    rc=$?
    t1=$(now)
    if [ $rc -ne 0 ]; then
        echo "petrarch-c FAILED (exit $rc); stderr ends with:"
        tail -n 5 "$work/c.stderr.txt" | sed 's/^/    /'
        exit 1
    fi
    walls="$walls $(wall_of "$t0" "$t1" "$work/c.time")"
    c_rss=$(field "$work/c.time" | cut -d' ' -f2)
done
c_wall=$(echo "$walls" | tr -s ' ' '\n' | grep . | sort -g | sed -n 2p)  # median of 3

LC_ALL=C sort "$work/p2/evts.out.txt" >"$work/p2.sorted"
cat "$work/c"/* 2>/dev/null | LC_ALL=C sort >"$work/c.sorted"
p2_ev=$(wc -l <"$work/p2.sorted")
c_ev=$(wc -l <"$work/c.sorted")
if cmp -s "$work/p2.sorted" "$work/c.sorted"; then
    same="identical"
else
    same="DIFFER ($(LC_ALL=C comm -3 "$work/p2.sorted" "$work/c.sorted" | wc -l) lines in one only; diff $work/p2.sorted $work/c.sorted)"
fi

echo
printf '%-14s %10s %10s %12s %10s\n' "" "wall s" "max RSS MB" "sentences/s" "events"
printf '%-14s %10s %10s %12s %10s\n' "PETRARCH2" "$p2_wall" "$p2_rss" \
    "$(echo "$nsent $p2_wall" | awk '{ printf "%.0f", ($2 > 0 ? $1 / $2 : 0) }')" "$p2_ev"
printf '%-14s %10s %10s %12s %10s\n' "petrarch-c" "$c_wall" "$c_rss" \
    "$(echo "$nsent $c_wall" | awk '{ printf "%.0f", ($2 > 0 ? $1 / $2 : 0) }')" "$c_ev"
echo "speed-up (whole process, wall): $(echo "$p2_wall $c_wall" | awk '{ if ($2 > 0) printf "%.1fx", $1 / $2; else print "?" }')"
echo "memory ratio (max RSS): $(echo "$p2_rss $c_rss" | awk '{ if ($2 > 0) printf "%.1fx", $1 / $2; else print "?" }')"
# PETRARCH2 prints "Coding time: S" (reading the XML + coding + writing, no load).
p2_code=$(sed -n "s/^(*'*Coding time:'*,* *\([0-9.]*\).*/\1/p" "$work/p2/stdout.txt" | tail -n 1)
[ -n "$p2_code" ] && echo "PETRARCH2 without its dictionary load: $p2_code s, $(echo "$nsent $p2_code" | awk '{ printf "%.0f", ($2 > 0 ? $1 / $2 : 0) }') sentences/s (its 'Coding time'; compare build/bench's coding sentences/s)"
echo "events: $same"
exit 0
