#!/usr/bin/env bash
# scripts/bench.sh [benchmark args...] — builds drf_benchmarks in Release (build-release/) and runs
# every benchmark 5 times, printing mean, median and stddev. Extra arguments go to the program, e.g.
#   ./scripts/bench.sh --benchmark_filter=Serializer
# Environment: BUILD_DIR (default build-release), CXX, CMAKE_ARGS, JOBS.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${DRF_BUILD_PACKAGES[@]}" "${DRF_TEST_PACKAGES[@]}"

BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build-release}"
CMAKE_BUILD_TYPE=Release configure "$BUILD_DIR" \
    -DDRF_BUILD_BENCHMARKS=ON -DDRF_BUILD_TESTS=OFF -DDRF_BUILD_EXAMPLES=OFF
cmake --build "$BUILD_DIR" -j "$JOBS" --target drf_benchmarks
"$BUILD_DIR/tests/benchmarks/drf_benchmarks" \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true "$@"
