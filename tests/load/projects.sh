#!/usr/bin/env bash
# tests/load/projects.sh — the example service under wrk on loopback: a fresh database with one user and
# 60 projects (a third archived), `projects runserver` on a free port, then tests/load/wrk.sh for GET of
# a filtered, name-ordered 25-item page (?archived=false&ordering=name), GET of the plain 25-item page
# and POST of a new project. With PROFILE=1 (and perf available) the server's CPU profile top entries
# are printed too. Not part of the unit tests: run it by hand or from scripts/bench.sh.
# With BACKEND=postgresql the service serves from a throwaway PostgreSQL server with durable settings
# (tests/support/postgres.sh, PG_DURABLE=1) instead of a SQLite file.
# Usage: [BACKEND=sqlite|postgresql] tests/load/projects.sh PATH_TO_PROJECTS_BINARY
set -euo pipefail

binary="${1:?usage: tests/load/projects.sh PATH_TO_PROJECTS_BINARY}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
export PROJECTS_DB="$work/projects.sqlite3"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill -INT "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    [ "${BACKEND:-sqlite}" = postgresql ] && "$here/../support/postgres.sh" stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT
case "${BACKEND:-sqlite}" in
sqlite) ;;
postgresql)
    PROJECTS_DATABASE_URL="$(PG_DURABLE=1 "$here/../support/postgres.sh" start "$work/pg")"
    PROJECTS_CURSOR_SECRET="load test: a secret of at least 32 characters"
    export PROJECTS_DATABASE_URL PROJECTS_CURSOR_SECRET
    ;;
*) echo "projects.sh: BACKEND must be sqlite or postgresql" >&2; exit 2 ;;
esac
echo "== backend: ${BACKEND:-sqlite}"

# The setup archives 20 projects: more than the archive action's default 10 a minute per user.
export PROJECTS_THROTTLE_RATES="${PROJECTS_THROTTLE_RATES:-anon=60/minute,archive=1000/minute}"
"$binary" migrate >/dev/null
token="$("$binary" createuser --username loadtest | tail -n 1)"
threads="${SERVER_THREADS:-2}"
"$binary" runserver --port 0 --threads "$threads" --no-access-log >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "Starting server" "$work/server.out" 2>/dev/null && break
    sleep 0.05
done
port="$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/server.out")"
url="http://127.0.0.1:$port"
for i in $(seq 1 60); do
    id="$(curl -s -H "Authorization: Token $token" -H 'Content-Type: application/json' \
        -d "{\"name\": \"project $i\"}" "$url/api/projects/" | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p')"
    # Every third project archived, for the filtered list.
    if [ $((i % 3)) = 0 ] && [ -n "$id" ]; then
        curl -s -o /dev/null -X POST -H "Authorization: Token $token" "$url/api/projects/$id/archive/"
    fi
done

profile_pid=""
if [ "${PROFILE:-0}" = 1 ] && command -v perf >/dev/null; then
    perf record -e cpu-clock -F 999 -g -p "$server_pid" -o "$work/perf.data" 2>/dev/null &
    profile_pid=$!
fi

echo "== GET /api/projects/?archived=false&ordering=name (a filtered page of 25, by name), wrk -t2 -c16"
SKIP_POST=1 "$here/wrk.sh" "$url" "/api/projects/?archived=false&ordering=name" "$token"
echo "== GET /api/projects/ (a page of 25) and POST /api/projects/, wrk -t2 -c16"
SKIP_POST=0 "$here/wrk.sh" "$url" /api/projects/ "$token" '{"name": "load test", "description": "from wrk"}'

if [ -n "$profile_pid" ]; then
    kill -INT "$profile_pid" 2>/dev/null || true
    wait "$profile_pid" 2>/dev/null || true
    echo "== server CPU profile, top entries"
    perf report -i "$work/perf.data" --no-children --stdio --sort symbol 2>/dev/null | grep -v '^#' | grep '%' | head -15
fi
