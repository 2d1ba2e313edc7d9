#!/bin/sh
# fuzz/run.sh [TARGET...] -- run libFuzzer targets (after `make fuzz-build`;
# `make fuzz` does both).  Environment:
#   FUZZ_TIME   seconds per target (default 60)
#   FUZZ_JOBS   targets run at the same time (default: the number of CPUs)
#   FUZZ_DIR    work directory (default build-fuzz): FUZZ_DIR/seeds/TARGET
#               (rebuilt by fuzz/seeds.sh), FUZZ_DIR/corpus/TARGET (kept
#               between runs), FUZZ_DIR/crashes/TARGET/ (crash-*, leak-*,
#               timeout-* inputs), FUZZ_DIR/logs/TARGET.log
# Each target runs with -max_total_time=FUZZ_TIME, a 25 s per-input timeout
# and 2 GB RSS limit; the last stats line of each is printed.  Exit 1 when a
# target found a crash (the input is named in its log and saved under
# crashes/: add it to tests/data/fuzz-regress/TARGET/ once fixed).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
dir=${FUZZ_DIR:-build-fuzz}
bin=build-fuzz/fuzz
if [ $# -eq 0 ]; then
    set -- $(cd fuzz && ls fuzz_*.c | sed 's/\.c$//' | grep -v -e '^fuzz_common$' -e '^fuzz_dict$')
fi
for t in "$@"; do
    [ -x "$bin/$t" ] || { echo "fuzz/run.sh: $bin/$t not built (make fuzz-build)" >&2; exit 2; }
done
rm -rf "$dir/seeds"
sh fuzz/seeds.sh "$dir/seeds" >/dev/null || exit 2
mkdir -p "$dir/logs"

# run_one TARGET: exit status 0 clean, 1 crashed
run_one() {
    t=$1
    mkdir -p "$dir/corpus/$t" "$dir/crashes/$t"
    maxlen=16384
    dict=
    [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
    # shellcheck disable=SC2086
    "$bin/$t" -max_total_time="$FUZZ_TIME" -timeout=25 -rss_limit_mb=2048 \
        -max_len="$maxlen" -print_final_stats=1 $dict \
        -artifact_prefix="$dir/crashes/$t/" "$dir/corpus/$t" "$dir/seeds/$t" \
        >"$dir/logs/$t.log" 2>&1
    rc=$?
    stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$dir/logs/$t.log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        echo "ok    $t: $stats"
    else
        echo "CRASH $t (exit $rc): $(grep -m1 -E 'ERROR|SUMMARY|Test unit written' "$dir/logs/$t.log")"
        grep 'Test unit written' "$dir/logs/$t.log" | sed 's/^/      /'
    fi
    return $rc
}

echo "fuzzing $# targets, $FUZZ_TIME s each, $FUZZ_JOBS at a time (logs: $dir/logs/)"
failed=0
active=  # "PID:TARGET ..." oldest first
# finish_oldest: wait for the oldest running target and print its result
finish_oldest() {
    # shellcheck disable=SC2086
    set -- $active
    wait "${1%%:*}" 2>/dev/null
    cat "$dir/logs/${1#*:}.result"
    grep -q '^ok ' "$dir/logs/${1#*:}.result" || failed=1
    shift
    active="$*"
}
for t in "$@"; do
    run_one "$t" >"$dir/logs/$t.result" &
    active="$active $!:$t"
    # shellcheck disable=SC2086
    [ "$(echo $active | wc -w)" -ge "$FUZZ_JOBS" ] && finish_oldest
done
while [ -n "$(echo $active)" ]; do
    finish_oldest
done
[ $failed -eq 0 ] && echo "fuzz: no crashes" || echo "fuzz: CRASHES found (see above)"
exit $failed
