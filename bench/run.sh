#!/bin/sh
# bench/run.sh -- the petrarch-c benchmark (see bench/README.md).
#
#   sh bench/run.sh [--large] [--gum] [-j THREADS] [-n RUNS] [--no-cli] [--no-text]
#
#   --large     200,000 sentences instead of 20,000
#   --gum       the GUM trees (tests/data/reference/gum-train.batch.xml:
#               longer, varied, non-news sentences) instead of PETRARCH2's
#               unit-test records
#   -j THREADS  coder threads, in build/bench and in `petrarch batch -j`
#               (default 1)
#   -n RUNS     timed runs of each measurement; medians are reported (default 5)
#   --no-cli    skip the whole-process runs of `petrarch batch`
#   --no-text   skip the raw-text benchmark (bench/text_bench.sh)
#
# Environment: BUILD (build dir, default build), SHARED (default ../shared),
# PC_BATCH_ARGS (arguments after `petrarch batch`, replacing the default
# "-c CONFIG -i CORPUS -o NAME"; run in bench/out/cli/).
#
# 1. Builds the corpus if missing: the records of the unit-test batch file
#    (tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml, else
#    ../shared/reference/) or of the GUM batch file, replicated with new
#    story ids by ../shared/tools/make_bench_corpus.py into bench/out/.
# 2. build/bench: load time (median of RUNS loads), RSS, coding sentences/s
#    (corpus in memory; median of RUNS), peak RSS.
# 3. build/petrarch batch on the same corpus, RUNS times: median wall time
#    and max RSS; then once with --stream (the constant-memory mode).
# 4. bench/text_bench.sh: raw text through `petrarch parse` (sentences/s,
#    tokens/s), when the models load.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
size=20000
threads=1
runs=5
cli=1
text=1
kind=unit
while [ $# -gt 0 ]; do
    case $1 in
    --large) size=200000 ;;
    --gum) kind=gum ;;
    -j) shift; threads=${1:?-j needs a number} ;;
    -n) shift; runs=${1:?-n needs a number} ;;
    --no-cli) cli=0 ;;
    --no-text) text=0 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done

config=$root/data/PETR_config.ini
dictdir=$root/data/dictionaries
out=$root/bench/out
if [ "$kind" = gum ]; then
    name=benchgum$((size / 1000))k
    src=tests/data/reference/gum-train.batch.xml
else
    name=bench$((size / 1000))k
    src=tests/data/reference/PETR.UnitTest.batch.phoenix-ok.xml
    [ -r "$src" ] || src=$SHARED/reference/PETR.UnitTest.batch.phoenix-ok.xml
fi
corpus=$out/$name.xml
mkdir -p "$out"

# median of the numbers on stdin
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2];
                                        else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ------------------------------------------------------------------ corpus
if [ ! -s "$corpus" ]; then
    [ -r "$src" ] || { echo "bench/run.sh: $src not found" >&2; exit 2; }
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

echo "machine: $(nproc) CPUs, $(uname -sr), load average$(uptime | sed 's/.*load average//')"
echo "targets: coding >= 100,000 sentences/s (1 thread), load <= 100 ms, peak RSS <= 100 MB"
echo
"$BUILD/bench" -c "$config" -D "$dictdir" -n "$runs" -L "$runs" -j "$threads" "$corpus"
status=$?
[ $status -eq 0 ] || echo "bench/run.sh: build/bench exited with $status" >&2

# ------------------------------------------------- whole process (the CLI)
if [ "$cli" = 1 ]; then
    echo
    petrarch=$root/$BUILD/petrarch
    case $BUILD in /*) petrarch=$BUILD/petrarch ;; esac
    if [ ! -x "$petrarch" ] || [ ! -x /usr/bin/time ]; then
        echo "whole process: SKIP ($petrarch or /usr/bin/time missing)"
    else
        clidir=$out/cli
        if [ -n "${PC_BATCH_ARGS:-}" ]; then
            # shellcheck disable=SC2086
            set -- $PC_BATCH_ARGS
        else
            set -- -q -j "$threads" -c "$config" -i "$corpus" -o "$name.evts"
        fi
        timefile=$out/cli.time.txt
        walls=$out/cli.walls
        rsss=$out/cli.rss
        : >"$walls"
        : >"$rsss"
        rc=0
        i=0
        while [ $i -lt "$runs" ]; do
            i=$((i + 1))
            rm -rf "$clidir"
            mkdir -p "$clidir"
            t0=$(date +%s.%N)
            (cd "$clidir" && /usr/bin/time -v -o "$timefile" "$petrarch" batch "$@" \
                >"$out/cli.stdout.txt" 2>"$out/cli.stderr.txt")
            rc=$?
            t1=$(date +%s.%N)
            [ $rc -le 1 ] || break
            echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >>"$walls"
            awk -F': ' '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$timefile" >>"$rsss"
        done
        echo "whole process: $petrarch batch $*  (cwd bench/out/cli; $runs runs)"
        if [ $rc -gt 1 ]; then
            echo "  FAILED with exit status $rc; stderr ends with:"
            tail -n 5 "$out/cli.stderr.txt" | sed 's/^/    /'
            exit 1
        fi
        wall=$(median <"$walls")
        rss=$(median <"$rsss")
        events=$(cat "$clidir"/* 2>/dev/null | wc -l)
        nsent=$(grep -c '<Sentence ' "$corpus")
        printf '  %-34s %12s\n' "sentences" "$nsent"
        printf '  %-34s %12s   (lines in bench/out/cli/*)\n' "events" "$events"
        printf '  %-34s %12s   median of %s (min %s, max %s)\n' "wall s" "$wall" "$runs" \
            "$(sort -g "$walls" | head -n 1)" "$(sort -g "$walls" | tail -n 1)"
        printf '  %-34s %12s\n' "sentences/s (incl. load, I/O)" \
            "$(echo "$nsent $wall" | awk '{ if ($2 > 0) printf "%.0f", $1 / $2; else print "?" }')"
        printf '  %-34s %12s   target <= 100 MB (median)\n' "max RSS MB" "$rss"
        if [ -z "${PC_BATCH_ARGS:-}" ]; then
            # --stream: memory must not grow with the input (compare --large)
            rm -rf "$clidir"
            mkdir -p "$clidir"
            (cd "$clidir" && /usr/bin/time -v -o "$timefile" "$petrarch" batch --stream -q \
                -j "$threads" -c "$config" -i "$corpus" -o "$name.evts" >/dev/null 2>&1)
            srss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$timefile")
            printf '  %-34s %12s   (--stream: constant in the input size)\n' "max RSS MB, --stream" "$srss"
        fi
    fi
fi

# --------------------------------------------------------------- raw text
if [ "$text" = 1 ]; then
    echo
    BUILD=$BUILD sh "$root/bench/text_bench.sh" -n "$runs"
fi
exit $status
