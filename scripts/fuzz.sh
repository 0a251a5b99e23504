#!/usr/bin/env bash
# scripts/fuzz.sh MINUTES [HARNESS...] — builds the fuzz harnesses (tests/fuzz/<name>_fuzz.cpp) as
# libFuzzer programs with clang (build-fuzz/, -DDRF_FUZZ=ON) and runs each for MINUTES (a number of
# minutes, e.g. 2 or 0.5, or seconds with an s: 30s), two at a time, each on a scratch copy of its
# corpus, so tests/fuzz/corpus/ only changes when someone adds an input there. Prints, per harness,
# the inputs run, their rate, the coverage reached (libFuzzer's cov: edges, ft: features) and whether
# it found anything; exits non-zero on any crash, leak, undefined behaviour, timeout (10 s per input)
# or out-of-memory (2 GB), printing the log's end and where the input that did it was saved.
# With no HARNESS, all of them. Environment: BUILD_DIR (default build-fuzz), FUZZ_JOBS (harnesses
# run at once, default 2), JOBS (build jobs, default 2), CMAKE_ARGS.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
    printf 'usage: %s MINUTES|SECONDSs [HARNESS...]\nharnesses:' "$0" >&2
    printf ' %s' "${all_harnesses[@]}" >&2
    printf '\n' >&2
    exit 2
}

all_harnesses=()
for source in "$DRF_ROOT"/tests/fuzz/*_fuzz.cpp; do
    name="$(basename "$source" _fuzz.cpp)"
    all_harnesses+=("$name")
done

[ "$#" -ge 1 ] || usage
case "$1" in
    *s) seconds="${1%s}" ;;
    *) seconds="$(awk -v m="$1" 'BEGIN { if (m !~ /^[0-9]*\.?[0-9]+$/) exit 1; printf "%d", m * 60 }')" || usage ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -le 0 ]; then usage; fi
shift
harnesses=("$@")
[ "${#harnesses[@]}" -gt 0 ] || harnesses=("${all_harnesses[@]}")
for name in "${harnesses[@]}"; do
    [ -f "$DRF_ROOT/tests/fuzz/${name}_fuzz.cpp" ] || { log "no harness called $name"; usage; }
done

# The longest input each harness is given: enough to cross the limits it enforces (the server's 8 KiB
# header limit, the cursor's 4096 characters), small enough to stay fast.
max_len() {
    case "$1" in
        http_request) echo 20000 ;;
        cursor) echo 5000 ;;
        authorization) echo 512 ;;
        *) echo 4096 ;;
    esac
}

ensure_packages "${DRF_BUILD_PACKAGES[@]}" "${DRF_CLANG_PACKAGES[@]}"

BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build-fuzz}"
CXX=clang++ configure "$BUILD_DIR" -DDRF_FUZZ=ON \
    -DDRF_BUILD_TESTS=OFF -DDRF_BUILD_EXAMPLES=OFF -DDRF_BUILD_BENCHMARKS=OFF -DDRF_INSTALL=OFF
# All of them through drf_fuzzers, one target: CMake's Makefiles build several --target names one
# after another (the top-level Makefile is .NOTPARALLEL), which left a core idle for the whole build.
targets=()
if [ "${#harnesses[@]}" -eq "${#all_harnesses[@]}" ]; then
    targets=(drf_fuzzers)
else
    for name in "${harnesses[@]}"; do targets+=("drf_fuzz_$name"); done
fi
cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"

work="$BUILD_DIR/fuzz-runs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

run_one() {
    local name="$1" dir="$work/$1"
    mkdir -p "$dir/corpus"
    if [ -d "$DRF_ROOT/tests/fuzz/corpus/$name" ]; then cp -R "$DRF_ROOT/tests/fuzz/corpus/$name/." "$dir/corpus/"; fi
    local extra=()
    if [ -f "$DRF_ROOT/tests/fuzz/$name.dict" ]; then extra+=("-dict=$DRF_ROOT/tests/fuzz/$name.dict"); fi
    local status=0
    "$BUILD_DIR/tests/fuzz/drf_fuzz_$name" -max_total_time="$seconds" -max_len="$(max_len "$name")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" "${extra[@]}" "$dir/corpus" \
        >"$dir/log" 2>&1 || status=$?
    echo "$status" >"$dir/status"
}

log "fuzzing ${harnesses[*]} for ${seconds}s each, ${FUZZ_JOBS:-2} at a time, in $work"
for name in "${harnesses[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "${FUZZ_JOBS:-2}" ]; do wait -n || true; done
    run_one "$name" &
done
wait

# The last line with cov: (libFuzzer's status lines: "#123 DONE cov: 456 ft: 789 ...").
field() { grep -aE '^#[0-9]+.* cov: ' "$2" | tail -n 1 | sed -n "s/.* $1: \\([0-9]*\\).*/\\1/p"; }
final_stat() { sed -n "s/^stat::$1: *\\([0-9]*\\).*/\\1/p" "$2" | tail -n 1; }
what_happened() {
    local log="$1"
    grep -a -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-z-]+[^ ]*|runtime error: .*|Assertion .* failed|drf fuzz: .*' "$log" \
        || echo "exit status $(cat "$(dirname "$log")/status")"
}

failed=()
printf '\n%-20s %12s %8s %7s %7s  %s\n' harness executions exec/s cov ft result
for name in "${harnesses[@]}"; do
    dir="$work/$name"
    status="$(cat "$dir/status")"
    result=clean
    if [ "$status" -ne 0 ]; then
        result="FAILED: $(what_happened "$dir/log")"
        failed+=("$name")
    fi
    printf '%-20s %12s %8s %7s %7s  %s\n' "$name" "$(final_stat number_of_executed_units "$dir/log")" \
        "$(final_stat average_exec_per_sec "$dir/log")" "$(field cov "$dir/log")" "$(field ft "$dir/log")" "$result"
done

for name in "${failed[@]}"; do
    dir="$work/$name"
    printf '\n===== %s: the end of %s\n' "$name" "$dir/log"
    tail -n 60 "$dir/log"
    input="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$dir/log" | tail -n 1)"
    printf '\n%s: the input is %s\n' "$name" "${input:-(not saved: see the log)}"
    printf 'Reproduce: %s %s\n' "$BUILD_DIR/tests/fuzz/drf_fuzz_$name" "${input:-<input>}"
    printf 'Keep it as a regression test: cp %s tests/fuzz/corpus/%s/crash-<what>\n' "${input:-<input>}" "$name"
done
[ "${#failed[@]}" -eq 0 ] || { log "findings in: ${failed[*]}"; exit 1; }
log "no findings; logs and grown corpora in $work"
