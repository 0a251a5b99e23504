#!/usr/bin/env bash
# tests/compile_times/check_test.sh — runs scripts/compile-times.sh and passes when it exits with the
# expected status and its output has a line matching each pattern (grep -E): a check that must fail is
# proven to fail for the reason it names, not because a unit did not compile or a tool was missing.
#
#   check_test.sh STATUS PATTERN... -- COMPILE-TIMES-ARGUMENTS...
set -uo pipefail
expected="$1"; shift
patterns=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do patterns+=("$1"); shift; done
[ $# -gt 0 ] || { echo "usage: check_test.sh STATUS PATTERN... -- ARGUMENTS..." >&2; exit 2; }
shift
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$(dirname "${BASH_SOURCE[0]}")/../../scripts/compile-times.sh" "$@" >"$out" 2>&1
status=$?
cat "$out"
failed=0
if [ "$status" != "$expected" ]; then
    echo "check_test.sh: compile-times.sh exited $status, expected $expected" >&2
    failed=1
fi
for pattern in "${patterns[@]}"; do
    if ! grep -Eq -- "$pattern" "$out"; then
        echo "check_test.sh: no line of the output matches: $pattern" >&2
        failed=1
    fi
done
exit "$failed"
