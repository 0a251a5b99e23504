# shellcheck shell=bash disable=SC2034  # sourced; the arrays are used by the sourcing scripts
# scripts/common.sh — sourced by the other scripts: Debian package set-up and the shared settings.
# Not meant to be run on its own.

DRF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-2}"

# What building drf and its examples needs (Debian 12 package names).
DRF_BUILD_PACKAGES=(build-essential cmake libboost-dev nlohmann-json3-dev libsqlite3-dev libpq-dev libcli11-dev libssl-dev)
# What the tests and benchmarks need on top (python3: the example service's end-to-end tests;
# postgresql: the server the database suites also run on, started by tests/support/postgres.sh;
# tzdata: the IANA zones drf::TimeZone reads, which a minimal Debian image leaves out; wrk and curl:
# tests/load/ceiling.sh, which ctest runs once, briefly, so that the script that measures the request
# path keeps working).
DRF_TEST_PACKAGES=(catch2 libbenchmark-dev python3 postgresql tzdata wrk curl)
# clang and its runtime libraries (libFuzzer, the sanitizers; only recommended by clang, so named here):
# CI's clang stage and scripts/fuzz.sh.
DRF_CLANG_PACKAGES=(clang libclang-rt-dev)

log() { printf '==> %s\n' "$*" >&2; }

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# ensure_packages PKG...: installs the packages that are missing, with apt-get, as root (or through
# sudo when not root). `apt-get update` runs only when something is missing.
ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        log "not a Debian system: install the equivalents of these yourself: $*"
        return 0
    fi
    local missing=() pkg
    for pkg in "$@"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            log "missing packages: ${missing[*]}; run as root or install them: apt-get install ${missing[*]}"
            return 1
        fi
    fi
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure BUILD_DIR [cmake args...]: configures drf into BUILD_DIR with CMAKE_BUILD_TYPE (default
# Debug: -O0 -g compiles the template-heavy tests fastest), CXX (the C++ compiler, when set) and the
# extra arguments in the CMAKE_ARGS environment variable, which come last and so win.
configure() {
    local build_dir="$1"
    shift
    # compile_commands.json: what scripts/compile-times.sh reads the compiler's flags from, whatever
    # the generator (Makefiles here unless CMAKE_GENERATOR says otherwise).
    local args=(-S "$DRF_ROOT" -B "$build_dir" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Debug}"
        -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
    if [ -n "${CXX:-}" ]; then
        args+=(-DCMAKE_CXX_COMPILER="$(command -v "$CXX" || echo "$CXX")")
    fi
    # shellcheck disable=SC2206  # CMAKE_ARGS is a list of words on purpose.
    local extra=(${CMAKE_ARGS:-})
    cmake "${args[@]}" "$@" "${extra[@]}"
}
