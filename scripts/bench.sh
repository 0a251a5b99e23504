#!/usr/bin/env bash
# scripts/bench.sh [benchmark args...] — builds drf_benchmarks in Release (build-release/) and runs
# every benchmark 5 times, printing mean, median and stddev. Extra arguments go to the program, e.g.
#   ./scripts/bench.sh --benchmark_filter=Serializer
# Environment: BUILD_DIR (default build-release), CXX, CMAKE_ARGS, JOBS, DRF_BENCH_POSTGRES_URL (a
# PostgreSQL server for the _postgresql benchmarks; default: a throwaway local one).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${DRF_BUILD_PACKAGES[@]}" "${DRF_TEST_PACKAGES[@]}"

BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build-release}"
CMAKE_BUILD_TYPE=Release configure "$BUILD_DIR" \
    -DDRF_BUILD_BENCHMARKS=ON -DDRF_BUILD_TESTS=OFF -DDRF_BUILD_EXAMPLES=OFF
cmake --build "$BUILD_DIR" -j "$JOBS" --target drf_benchmarks

# The database benchmarks also run on PostgreSQL: on DRF_BENCH_POSTGRES_URL when set, else on a
# throwaway local server with durable settings (fsync on), started here and stopped on exit.
if [ -z "${DRF_BENCH_POSTGRES_URL:-}" ] && command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_state="$(mktemp -d)"
    trap '"$DRF_ROOT/tests/support/postgres.sh" stop "$pg_state"; rm -rf "$pg_state"' EXIT
    DRF_BENCH_POSTGRES_URL="$(PG_DURABLE=1 "$DRF_ROOT/tests/support/postgres.sh" start "$pg_state")"
    export DRF_BENCH_POSTGRES_URL
fi
"$BUILD_DIR/tests/benchmarks/drf_benchmarks" \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true "$@"
