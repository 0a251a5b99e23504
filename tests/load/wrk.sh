#!/usr/bin/env bash
# tests/load/wrk.sh — loads a running drf server with wrk: GET of a list page, then POST of a JSON body,
# each with `Authorization: Token <key>` when a token is given; prints requests/s and latency for each.
#
# Usage: tests/load/wrk.sh URL [PATH] [TOKEN] [BODY]
#   URL    the server, e.g. http://127.0.0.1:8000 — loopback only (127.0.0.1, [::1], localhost)
#   PATH   the list page, GET and POST (default /)      env POST_PATH: another path for the POST
#   TOKEN  an API token key (default: none)             env TOKEN works too
#   BODY   the POST's JSON (default {})                 env BODY works too
# Environment: DURATION (10s; at most 120s), THREADS (2), CONNECTIONS (16), SKIP_POST=1 (GET only),
#   ORIGIN (an Origin header on every request, e.g. http://localhost:3000: a browser's cross-origin call).
# Exits 1 when any response was not 2xx/3xx or a socket failed: a figure made of 401s or 500s
# measures the wrong thing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }

[ $# -ge 1 ] || usage
url="${1%/}"
path="${2:-${LIST_PATH:-/}}"
token="${3:-${TOKEN:-}}"
body="${4:-${BODY:-{\}}}"
post_path="${POST_PATH:-$path}"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"

command -v wrk >/dev/null || { echo "wrk.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
case "$path" in /*) ;; *) echo "wrk.sh: PATH must start with '/': $path" >&2; exit 2 ;; esac
case "$post_path" in /*) ;; *) echo "wrk.sh: POST_PATH must start with '/': $post_path" >&2; exit 2 ;; esac

# Loopback only: this is a benchmark of the server, not of a network, and never someone else's host.
if ! [[ "$url" =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|\[::1\]|localhost)(:[0-9]+)?$ ]]; then
    echo "wrk.sh: URL must be http://127.x.x.x[:port], http://[::1][:port] or http://localhost[:port]: $url" >&2
    exit 2
fi
# A bounded run: seconds (or minutes) up to 120 s.
if ! [[ "$duration" =~ ^([0-9]+)(s|m)?$ ]]; then
    echo "wrk.sh: DURATION must look like 10s or 2m: $duration" >&2
    exit 2
fi
seconds="${BASH_REMATCH[1]}"
[ "${BASH_REMATCH[2]}" = "m" ] && seconds=$((seconds * 60))
if [ "$seconds" -lt 1 ] || [ "$seconds" -gt 120 ]; then
    echo "wrk.sh: DURATION must be between 1s and 120s: $duration" >&2
    exit 2
fi
[[ "$threads" =~ ^[1-9][0-9]*$ && "$connections" =~ ^[1-9][0-9]*$ ]] || {
    echo "wrk.sh: THREADS and CONNECTIONS must be positive integers" >&2
    exit 2
}
[ "$connections" -ge "$threads" ] || { echo "wrk.sh: CONNECTIONS must be >= THREADS" >&2; exit 2; }

failed=0
# run <METHOD> <path>: one wrk run, then a one-line summary.
run() {
    local method="$1" target="$2" out rps p50 p99 bad errors
    out="$(WRK_METHOD="$method" WRK_BODY="$body" WRK_TOKEN="$token" WRK_ORIGIN="${ORIGIN:-}" \
        timeout $((seconds + 30)) wrk --latency -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s \
        -s "$here/request.lua" "$url$target")"
    printf '%s\n' "$out" | sed 's/^/  | /'
    rps="$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')"
    p50="$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')"
    p99="$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')"
    bad="$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')"
    errors="$(printf '%s\n' "$out" | awk '/Socket errors:/ {print}')"
    printf '%-6s %-32s %12s requests/s   p50 %-9s p99 %-9s non-2xx/3xx %s\n' \
        "$method" "$target" "${rps:-?}" "${p50:-?}" "${p99:-?}" "${bad:-0}"
    if [ -n "${bad}" ] && [ "${bad}" != "0" ]; then
        echo "wrk.sh: $method $target: $bad responses were not 2xx/3xx (check the token and the body)" >&2
        failed=1
    fi
    if [ -n "$errors" ]; then
        echo "wrk.sh: $method $target: $errors" >&2
        failed=1
    fi
    [ -n "$rps" ] || failed=1
}

echo "wrk.sh: $url, ${seconds}s per run, $threads threads, $connections connections, token: $([ -n "$token" ] && echo yes || echo no)"
run GET "$path"
if [ "${SKIP_POST:-0}" != "1" ]; then
    run POST "$post_path"
fi
exit "$failed"
