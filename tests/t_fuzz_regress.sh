#!/bin/sh
# Past fuzzing findings stay fixed: every file in tests/data/fuzz-regress/TARGET/
# goes through TARGET's replay binary ($BUILD/fuzz-replay/TARGET, the libFuzzer
# target of fuzz/TARGET.c without libFuzzer).  A crash, a sanitizer report
# (in `make SAN=1 test`), more than 30 s on one file (the findings include
# hangs) or running out of 1.5 GB of memory (outside ASan builds; the
# targets treat out-of-memory as a finding) fails the test.  fuzz/README.md
# says what each finding was.
set -u
BUILD=${BUILD:-build}
dir=tests/data/fuzz-regress
fails=0
n=0
for d in "$dir"/*/; do
    t=$(basename "$d")
    bin=$BUILD/fuzz-replay/$t
    if [ ! -x "$bin" ]; then
        echo "FAIL $t: $bin not built"
        fails=$((fails + 1))
        continue
    fi
    for f in "$d"*; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        # findings include runaway memory: 1.5 GB of address space at most,
        # except under ASan (it reserves terabytes of shadow)
        lim=1500000
        grep -q __asan_init "$bin" 2>/dev/null && lim=unlimited
        if (ulimit -v "$lim" && timeout 30 "$bin" "$f") >/dev/null 2>"$BUILD/tests/fuzz-regress.err"; then
            echo "ok   $t $(basename "$f")"
        else
            echo "FAIL $t $(basename "$f") (exit $?; 124 = over 30 s)"
            tail -n 20 "$BUILD/tests/fuzz-regress.err"
            fails=$((fails + 1))
        fi
    done
done
echo "$n findings replayed, $fails failed"
[ "$n" -gt 0 ] && [ "$fails" -eq 0 ]
