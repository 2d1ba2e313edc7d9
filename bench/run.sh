#!/bin/sh
# bench/run.sh -- the petrarch-c benchmark (see bench/README.md).
#
#   sh bench/run.sh [--large] [-j THREADS] [-n RUNS] [--no-cli]
#
#   --large     200,000 sentences instead of 20,000
#   -j THREADS  coder threads in build/bench (default 1)
#   -n RUNS     timed runs in build/bench; the median is reported (default 5)
#   --no-cli    skip the whole-process run of `petrarch batch`
#
# Environment: BUILD (build dir, default build), SHARED (default ../shared),
# PC_BATCH_ARGS (arguments after `petrarch batch`, replacing the default
# "-c CONFIG -i CORPUS -o NAME"; run in bench/out/cli/).
#
# 1. Builds the corpus if missing: the unit-test batch records (tests/data/
#    reference/PETR.UnitTest.batch.phoenix-ok.xml, else ../shared/reference/)
#    replicated by ../shared/tools/make_bench_corpus.py into bench/out/.
# 2. build/bench: load time, RSS, coding sentences/s (corpus in memory), peak RSS.
# 3. build/petrarch batch on the same corpus under /usr/bin/time -v: wall, max RSS.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
size=20000
threads=1
runs=5
cli=1
while [ $# -gt 0 ]; do
    case $1 in
    --large) size=200000 ;;
    -j) shift; threads=${1:?-j needs a number} ;;
    -n) shift; runs=${1:?-n needs a number} ;;
    --no-cli) cli=0 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

config=$root/data/PETR_config.ini
dictdir=$root/data/dictionaries
out=$root/bench/out
name=bench$((size / 1000))k
corpus=$out/$name.xml
mkdir -p "$out"

# ------------------------------------------------------------------ corpus
if [ ! -s "$corpus" ]; then
    src=tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml
    [ -r "$src" ] || src=$SHARED/reference/PETR.UnitTest.batch.phoenix-ok.xml
    [ -r "$src" ] || { echo "bench/run.sh: no PETR.UnitTest.batch.phoenix-ok.xml found" >&2; exit 2; }
    echo "building $corpus ($size sentences from $src)"
    if ! python3 "$SHARED/tools/make_bench_corpus.py" -n "$size" -o "$corpus.tmp" "$src"; then
        rm -f "$corpus.tmp"
        exit 2
    fi
    mv "$corpus.tmp" "$corpus"
fi

# ------------------------------------------------------------ build/bench
if [ ! -x "$BUILD/bench" ]; then
    ${MAKE:-make} -s BUILD="$BUILD" "$BUILD/bench" || exit 2
fi

echo "targets: coding >= 100,000 sentences/s (1 thread), load <= 100 ms, peak RSS <= 100 MB"
echo
"$BUILD/bench" -c "$config" -D "$dictdir" -n "$runs" -j "$threads" "$corpus"
status=$?
[ $status -eq 0 ] || echo "bench/run.sh: build/bench exited with $status" >&2

# ------------------------------------------------- whole process (the CLI)
[ "$cli" = 1 ] || exit $status
echo
petrarch=$root/$BUILD/petrarch
case $BUILD in /*) petrarch=$BUILD/petrarch ;; esac
if [ ! -x "$petrarch" ]; then
    echo "whole process: SKIP ($petrarch not built)"
    exit $status
fi
clidir=$out/cli
rm -rf "$clidir"
mkdir -p "$clidir"
if [ -n "${PC_BATCH_ARGS:-}" ]; then
    # shellcheck disable=SC2086
    set -- $PC_BATCH_ARGS
else
    set -- -c "$config" -i "$corpus" -o "$name.evts"
fi
timefile=$out/cli.time.txt
t0=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    (cd "$clidir" && /usr/bin/time -v -o "$timefile" "$petrarch" batch "$@" \
        >"$out/cli.stdout.txt" 2>"$out/cli.stderr.txt")
    rc=$?
    t1=$(date +%s.%N)
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
               n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i];
               printf "%.3f", s }' "$timefile")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$timefile")
else
    (cd "$clidir" && "$petrarch" batch "$@" >"$out/cli.stdout.txt" 2>"$out/cli.stderr.txt")
    rc=$?
    t1=$(date +%s.%N)
    rss="?"; wall="?"
fi
# date +%s.%N is finer than time -v's 10 ms; keep time's figure if %N is unsupported
case $t0$t1 in *N*) ;; *) wall=$(echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }') ;; esac
# Events: whatever evts file the CLI wrote in its cwd (PETRARCH2 names it evts.NAME).
events=$(cat "$clidir"/* 2>/dev/null | wc -l)
nsent=$(grep -c '<Sentence ' "$corpus")
echo "whole process: $petrarch batch $*  (cwd bench/out/cli)"
if [ $rc -ne 0 ]; then
    echo "  FAILED with exit status $rc; stderr ends with:"
    tail -n 5 "$out/cli.stderr.txt" | sed 's/^/    /'
    exit 1
fi
printf '  %-30s %12s\n' "sentences" "$nsent"
printf '  %-30s %12s   (lines in bench/out/cli/*)\n' "events" "$events"
printf '  %-30s %12s\n' "wall s" "$wall"
printf '  %-30s %12s\n' "sentences/s (incl. load, I/O)" \
    "$(echo "$nsent $wall" | awk '{ if ($2 > 0) printf "%.0f", $1 / $2; else print "?" }')"
printf '  %-30s %12s   target <= 100 MB\n' "max RSS MB" "$rss"
exit $status
