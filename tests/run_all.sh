#!/bin/sh
# Runs every test: each cmocka binary given as an argument, then every
# tests/t_*.sh script (data-driven and CLI tests).  Prints one closing line
# "N passed, N failed" and exits non-zero if anything failed.
BUILD=${BUILD:-build}
export BUILD
# A test that hangs (a deadlock, say) fails after this many seconds instead
# of holding up the whole run.
TEST_TIMEOUT=${TEST_TIMEOUT:-1200}
passed=0
failed=0
failures=""
for t in "$@"; do
    if timeout "$TEST_TIMEOUT" "$t" >"$t.log" 2>&1; then
        passed=$((passed + 1))
        echo "PASS $t"
    else
        failed=$((failed + 1))
        failures="$failures $t"
        echo "FAIL $t (log: $t.log)"
        tail -n 30 "$t.log"
    fi
done
for s in tests/t_*.sh; do
    [ -e "$s" ] || continue
    log="$BUILD/tests/$(basename "$s" .sh).log"
    mkdir -p "$BUILD/tests"
    if timeout "$TEST_TIMEOUT" sh "$s" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "PASS $s"
    else
        failed=$((failed + 1))
        failures="$failures $s"
        echo "FAIL $s (log: $log)"
        tail -n 30 "$log"
    fi
done
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
