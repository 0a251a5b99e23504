#!/usr/bin/env bash
# scripts/test.sh — installs what is missing (Debian), builds drf's tests, examples and benchmarks,
# and runs every test with ctest. Environment:
#   BUILD_DIR         build directory (default: build)
#   CMAKE_BUILD_TYPE  default Debug
#   CXX               C++ compiler (e.g. clang++)
#   CMAKE_ARGS        extra cmake arguments, e.g. "-DDRF_SANITIZE=ON -DDRF_BUILD_BENCHMARKS=OFF"
#   CTEST_ARGS        extra ctest arguments, e.g. "-L serializers" or "-LE cmake"
#   JOBS              parallel build and test jobs (default 2)
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${DRF_BUILD_PACKAGES[@]}" "${DRF_TEST_PACKAGES[@]}"
"$DRF_ROOT/scripts/openapi-tools.sh" >/dev/null  # npm tools + chromium for the OpenAPI checks (cached)

BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build}"
configure "$BUILD_DIR" -DDRF_BUILD_TESTS=ON -DDRF_BUILD_EXAMPLES=ON -DDRF_BUILD_BENCHMARKS=ON
cmake --build "$BUILD_DIR" -j "$JOBS"
# shellcheck disable=SC2206
ctest_extra=(${CTEST_ARGS:-})
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "${ctest_extra[@]}"
