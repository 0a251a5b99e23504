#!/usr/bin/env bash
# tests/load/ceiling.sh — the example service against its ceiling, in one run: a bare Boost.Beast server
# answering a fixed page of the same shape (tests/load/bare_beast.cpp, drf_bare_beast) and one or more
# builds of the example (`projects`, each on a fresh SQLite file with one user and 60 projects), all
# with the same server threads and the same wrk settings (-t2 -c16, tests/load/request.lua). The servers
# are loaded in turn, several rounds, the order rotated each round, so that a machine busy with other
# work slows them alike: GET of the 25-item page /api/projects/ in every round first (its page stays
# the same 25 projects), then POST /api/projects/ of a new project. Prints each run, then the medians:
# requests/s, p99 latency, and the ratio to the bare server (and to the first build, when there are
# several: give the builds before and after a change to measure it). With PROFILE=1 (and perf) each
# build's CPU profile top entries over the whole run are printed too. ALLOC_COUNTERS="[LABEL=]PATH ..."
# runs tests/load/alloc_count.cpp's programs (drf_alloc_count) afterwards, each on a fresh database:
# the example's heap allocations per request through router.dispatch and through the server.
# SQLITE_INSERT=PATH (tests/load/sqlite_insert.cpp, drf_sqlite_insert) adds the POST's floor to its
# rounds: the same row inserted for as long, from as many threads, with no HTTP and no library around it,
# on a database of its own that the first build migrated; the table then gives each build's POST as a
# share of it.
# Usage: tests/load/ceiling.sh BARE_BINARY [LABEL=]PROJECTS_BINARY [[LABEL=]PROJECTS_BINARY...]
# Environment: ROUNDS (3), DURATION per run (5s), SERVER_THREADS (2), PROFILE (0), ALLOC_COUNTERS,
# SQLITE_INSERT.
set -euo pipefail

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
bare="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rounds="${ROUNDS:-3}"
duration="${DURATION:-5s}"
threads="${SERVER_THREADS:-2}"
command -v wrk >/dev/null || { echo "ceiling.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ceiling.sh: ROUNDS must be a positive integer" >&2; exit 2; }
[[ "$duration" =~ ^[1-9][0-9]*s$ ]] || { echo "ceiling.sh: DURATION must look like 5s" >&2; exit 2; }
[ -x "$bare" ] || { echo "ceiling.sh: $bare is not an executable" >&2; exit 2; }
sqlite_insert="${SQLITE_INSERT:-}"
[ -z "$sqlite_insert" ] || [ -x "$sqlite_insert" ] || { echo "ceiling.sh: SQLITE_INSERT=$sqlite_insert is not an executable" >&2; exit 2; }

work="$(mktemp -d)"
pids=()
profiles=()
cleanup() {
    # SIGTERM: a background job of a non-interactive shell may ignore SIGINT.
    for pid in "${profiles[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${profiles[@]}" "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# wait_port NAME: the port from the "Starting server at http://127.0.0.1:PORT/" line of NAME's output.
wait_port() {
    for _ in $(seq 1 200); do
        grep -q "Starting server" "$work/$1.out" 2>/dev/null && break
        sleep 0.05
    done
    sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/$1.out" | head -n 1
}

names=(bare)
declare -A url token
"$bare" --port 0 --threads "$threads" >"$work/bare.out" 2>&1 &
pids+=($!)
url[bare]="http://127.0.0.1:$(wait_port bare)"
token[bare]=""

# The example: a fresh database each, one user, 60 projects (the GET page: the newest 25, a next link).
export PROJECTS_THROTTLE_RATES="${PROJECTS_THROTTLE_RATES:-anon=60/minute,archive=10/minute}"
index=0
for arg in "$@"; do
    index=$((index + 1))
    if [[ "$arg" == *=* ]]; then name="${arg%%=*}"; binary="${arg#*=}"; else name="drf$index"; binary="$arg"; fi
    [ -x "$binary" ] || { echo "ceiling.sh: $binary is not an executable" >&2; exit 2; }
    [[ "$name" =~ ^[A-Za-z0-9_-]+$ && "$name" != bare && "$name" != sqlite ]] || { echo "ceiling.sh: bad label $name" >&2; exit 2; }
    names+=("$name")
    first_binary="${first_binary:-$binary}"
    export PROJECTS_DB="$work/$name.sqlite3"
    "$binary" migrate >/dev/null
    token[$name]="$("$binary" createuser --username loadtest | tail -n 1)"
    "$binary" runserver --port 0 --threads "$threads" --no-access-log >"$work/$name.out" 2>"$work/$name.err" &
    pids+=($!)
    url[$name]="http://127.0.0.1:$(wait_port "$name")"
    for i in $(seq 1 60); do
        curl -sf -o /dev/null -H "Authorization: Token ${token[$name]}" -H 'Content-Type: application/json' \
            -d "{\"name\": \"project $i\"}" "${url[$name]}/api/projects/"
    done
    if [ "${PROFILE:-0}" = 1 ] && command -v perf >/dev/null; then
        perf record -e cpu-clock -F 999 -g -p "${pids[-1]}" -o "$work/$name.perf" 2>/dev/null &
        profiles+=($!)
    fi
done
# The POST's floor, on a database of its own the first build migrated, with the same one user.
post_names=("${names[@]}")
if [ -n "$sqlite_insert" ]; then
    PROJECTS_DB="$work/sqlite.sqlite3" "$first_binary" migrate >/dev/null
    PROJECTS_DB="$work/sqlite.sqlite3" "$first_binary" createuser --username loadtest >/dev/null
    post_names+=(sqlite)
fi
unset PROJECTS_DB

# Each page's size, to check the bare server's is the example's.
for name in "${names[@]}"; do
    size="$(curl -sf -H "Authorization: Token ${token[$name]}" "${url[$name]}/api/projects/" | wc -c)"
    echo "GET page size: $name $size bytes"
done
echo "load before: $(uptime)"

failed=0
# run NAME METHOD ROUND: one wrk run; appends "requests/s p99-in-ms" to $work/NAME.METHOD.
run() {
    local name="$1" method="$2" round="$3" out rps p99 bad
    if [ "$name" = sqlite ]; then
        out="$("$sqlite_insert" "$work/sqlite.sqlite3" "$threads" "${duration%s}")" || failed=1
        rps="$(printf '%s\n' "$out" | sed -n 's/.*: \([0-9]*\) inserts\/s$/\1/p')"
        printf 'round %d %-6s %-10s %10s inserts/s   (no HTTP)\n' "$round" "$method" "$name" "${rps:-?}"
        echo "${rps:-0} 0" >>"$work/$name.$method"
        return
    fi
    out="$(WRK_METHOD="$method" WRK_BODY='{"name": "load test", "description": "from wrk"}' WRK_TOKEN="${token[$name]}" \
        timeout 60 wrk --latency -t2 -c16 -d"$duration" --timeout 5s -s "$here/request.lua" "${url[$name]}/api/projects/")"
    rps="$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')"
    p99="$(printf '%s\n' "$out" | awk '$1 == "99%" {v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        print (u == "us" ? v / 1000 : (u == "s" ? v * 1000 : v))}')"
    bad="$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')"
    if [ -n "$bad" ] || printf '%s\n' "$out" | grep -q "Socket errors"; then
        echo "ceiling.sh: $name $method: ${bad:-0} non-2xx responses; $(printf '%s\n' "$out" | grep 'Socket errors' || true)" >&2
        failed=1
    fi
    printf 'round %d %-6s %-10s %10s requests/s  p99 %8s ms\n' "$round" "$method" "$name" "${rps:-?}" "${p99:-?}"
    echo "${rps:-0} ${p99:-0}" >>"$work/$name.$method"
}
for method in GET POST; do
    if [ "$method" = GET ]; then servers=("${names[@]}"); else servers=("${post_names[@]}"); fi
    for round in $(seq 1 "$rounds"); do
        count=${#servers[@]}
        for k in $(seq 0 $((count - 1))); do
            run "${servers[$(((k + round - 1) % count))]}" "$method" "$round"
        done
    done
done
echo "load after: $(uptime)"

# median FILE COLUMN
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
echo
echo "Medians of $rounds rounds, wrk -t2 -c16 -d$duration, $threads server threads:"
echo
echo "| server | GET page req/s | GET p99 ms | GET vs bare | POST create req/s | POST p99 ms | POST vs bare |"
echo "|---|---|---|---|---|---|---|"
for name in "${names[@]}"; do
    g="$(median "$work/$name.GET" 1)"; gp="$(median "$work/$name.GET" 2)"
    p="$(median "$work/$name.POST" 1)"; pp="$(median "$work/$name.POST" 2)"
    gb="$(median "$work/bare.GET" 1)"; pb="$(median "$work/bare.POST" 1)"
    awk -v n="$name" -v g="$g" -v gp="$gp" -v p="$p" -v pp="$pp" -v gb="$gb" -v pb="$pb" \
        'BEGIN {printf "| %s | %.0f | %.2f | %.1f%% | %.0f | %.2f | %.1f%% |\n", n, g, gp, 100 * g / gb, p, pp, 100 * p / pb}'
done
if [ -n "$sqlite_insert" ]; then
    p="$(median "$work/sqlite.POST" 1)"
    awk -v p="$p" -v pb="$(median "$work/bare.POST" 1)" \
        'BEGIN {printf "| the POST'"'"'s INSERT alone (no HTTP) | | | | %.0f inserts/s | | %.1f%% |\n", p, 100 * p / pb}'
    echo
    for name in "${names[@]:1}"; do
        awk -v n="$name" -v p="$(median "$work/$name.POST" 1)" -v s="$p" \
            'BEGIN {printf "%s: POST at %.1f%% of its INSERT alone\n", n, 100 * p / s}'
    done
fi
if [ ${#names[@]} -gt 2 ]; then
    first="${names[1]}"
    echo
    for name in "${names[@]:2}"; do
        awk -v n="$name" -v f="$first" -v g="$(median "$work/$name.GET" 1)" -v gf="$(median "$work/$first.GET" 1)" \
            -v p="$(median "$work/$name.POST" 1)" -v pf="$(median "$work/$first.POST" 1)" \
            'BEGIN {printf "%s / %s: GET x%.2f, POST x%.2f\n", n, f, g / gf, p / pf}'
    done
fi

for arg in ${ALLOC_COUNTERS:-}; do
    if [[ "$arg" == *=* ]]; then name="${arg%%=*}"; binary="${arg#*=}"; else name="$arg"; binary="$arg"; fi
    echo
    echo "== allocations per request: $name"
    PROJECTS_DB="$work/alloc-$RANDOM.sqlite3" "$binary" || failed=1
done

if [ ${#profiles[@]} -gt 0 ]; then
    for pid in "${profiles[@]}"; do kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    profiles=()
    for name in "${names[@]:1}"; do
        echo "== $name: CPU profile, top entries"
        perf report -i "$work/$name.perf" --no-children --stdio --sort symbol 2>/dev/null | grep -v '^#' | grep '%' | head -25
    done
fi
exit "$failed"
