#!/usr/bin/env bash
# scripts/openapi-tools.sh — installs the test-only tools the OpenAPI tests use (tests/openapi/tools/:
# swagger-ui-dist and redoc, whose files the example serves to a browser; @redocly/cli, the OpenAPI 3.1
# linter; playwright-core, which drives Debian's chromium headless), at the versions package-lock.json
# pins, into a cache directory, and prints that directory. Idempotent: a second run with the same lock
# file does nothing. Environment:
#   DRF_OPENAPI_TOOLS_DIR  where to install (default: ~/.cache/drf/openapi-tools)
# node and npm: those on PATH; without them, Debian's nodejs and npm.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SOURCE="$DRF_ROOT/tests/openapi/tools"
DIR="${DRF_OPENAPI_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/drf/openapi-tools}"

# A node installed from elsewhere (its own npm bundled) conflicts with Debian's npm package: use what is
# there, and install Debian's pair only when there is no node at all.
if ! command -v node >/dev/null 2>&1; then
    ensure_packages nodejs npm
elif ! command -v npm >/dev/null 2>&1; then
    log "node $(node --version) is on PATH without npm; install the npm that goes with it"
    exit 1
fi
# The browser the tests drive (playwright-core brings none of its own).
command -v chromium >/dev/null 2>&1 || ensure_packages chromium

mkdir -p "$DIR"
# One install at a time: ctest may start two tests that both call this.
exec 9>"$DIR/.install.lock"
flock 9

want="$(cat "$SOURCE/package.json" "$SOURCE/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ -d "$DIR/node_modules" ] && [ "$(cat "$DIR/.installed" 2>/dev/null)" = "$want" ]; then
    echo "$DIR"
    exit 0
fi
log "installing the OpenAPI test tools into $DIR (npm ci, node $(node --version))"
started=$SECONDS
rm -f "$DIR/.installed"
cp "$SOURCE/package.json" "$SOURCE/package-lock.json" "$DIR/"
# --ignore-scripts: none of these packages needs an install script (some would only report usage).
(cd "$DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
echo "$want" >"$DIR/.installed"
log "installed in $((SECONDS - started)) s"
echo "$DIR"
