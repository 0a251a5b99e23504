#!/usr/bin/env bash
# scripts/run-example.sh [NAME [ARGS...]] — installs what is missing (Debian), builds an example and
# runs it with ARGS. NAME is examples/NAME.cpp or examples/NAME/; the default, serializers, is the main
# example for now (`./scripts/run-example.sh projects` runs the example service). Environment as for
# scripts/test.sh (BUILD_DIR, CMAKE_BUILD_TYPE, CXX, CMAKE_ARGS, JOBS), with other defaults: the example
# is built optimised (RelWithDebInfo: -O2 -g), in its own directory build-release (build-<type> for
# another CMAKE_BUILD_TYPE), so that trying the service measures what a deployment would run and the
# Debug tree of scripts/test.sh is left as it is.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

name="${1:-projects}"
[ "$#" -gt 0 ] && shift

ensure_packages "${DRF_BUILD_PACKAGES[@]}"

export CMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
if [ "$CMAKE_BUILD_TYPE" = RelWithDebInfo ]; then
    BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build-release}"
else
    BUILD_DIR="${BUILD_DIR:-$DRF_ROOT/build-$(echo "$CMAKE_BUILD_TYPE" | tr '[:upper:]' '[:lower:]')}"
fi
# Tests and benchmarks need packages this script does not install: switched off here (scripts/test.sh
# switches them back on when it is given the same BUILD_DIR).
configure "$BUILD_DIR" -DDRF_BUILD_EXAMPLES=ON -DDRF_BUILD_TESTS=OFF -DDRF_BUILD_BENCHMARKS=OFF
# examples/<name>.cpp builds as target drf_example_<name>; examples/<name>/ names its own target <name>.
if [ -f "$DRF_ROOT/examples/$name.cpp" ]; then
    target="drf_example_$name"
elif [ -d "$DRF_ROOT/examples/$name" ]; then
    target="$name"
else
    log "no example '$name': expected examples/$name.cpp or examples/$name/"
    exit 1
fi
log "building $target ($CMAKE_BUILD_TYPE) in $BUILD_DIR"
cmake --build "$BUILD_DIR" -j "$JOBS" --target "$target"
exe="$(find "$BUILD_DIR/examples" -type f -name "$name" -perm -u+x | head -n 1)"
if [ -z "$exe" ]; then
    log "the example '$name' built no program called $name under $BUILD_DIR/examples"
    exit 1
fi
if [ "$name" = projects ] && [ "$#" -eq 0 ]; then
    # The service, ready to try: a migrated database, a user with a fresh token, then the server.
    # PROJECTS_DATABASE_URL (PostgreSQL), when set, wins over PROJECTS_DB (a SQLite file).
    export PROJECTS_DB="${PROJECTS_DB:-$DRF_ROOT/projects.sqlite3}"
    "$exe" migrate
    "$exe" createuser --username alice >/dev/null 2>&1 || true
    token="$("$exe" drf_create_token alice | sed -n 's/^Generated token \([0-9a-f]*\) for user alice$/\1/p')"
    if [ -n "${PROJECTS_DATABASE_URL:-}" ]; then
        log "database: PROJECTS_DATABASE_URL, ${PROJECTS_DATABASE_URL#*@}"  # what follows the credentials
    else
        log "database: $PROJECTS_DB"
    fi
    log "token for alice: $token"
    log "try: curl -H 'Authorization: Token $token' http://127.0.0.1:${PORT:-8000}/api/projects/"
    exec "$exe" runserver --host 127.0.0.1 --port "${PORT:-8000}"
fi
log "running $exe $*"
exec "$exe" "$@"
