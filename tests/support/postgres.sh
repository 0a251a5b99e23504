#!/usr/bin/env bash
# tests/support/postgres.sh — a throwaway PostgreSQL server for the tests: `start STATE_DIR` runs
# initdb into a fresh temporary data directory and starts the server on a free loopback port (trust
# authentication, locale C so text sorts bytewise as on SQLite, fsync off: nothing here must survive a
# crash; PG_DURABLE=1 keeps the server's durable defaults, for benchmarks); it writes the connection URL
# to STATE_DIR/url. `stop STATE_DIR` stops it and deletes the data.
# `url STATE_DIR` prints the URL. The server refuses to run as root, so as root it runs as the
# `postgres` user (Debian's postgresql package creates it). The binaries come from `pg_config --bindir`
# or PG_BINDIR.
set -euo pipefail

usage() { echo "usage: tests/support/postgres.sh start|stop|url STATE_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command="$1"
state="$2"

bindir="${PG_BINDIR:-}"
if [ -z "$bindir" ]; then
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        bindir="$(pg_config --bindir)"
    else
        bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
fi
[ -x "$bindir/initdb" ] || { echo "postgres.sh: no initdb found (install Debian's postgresql package, or set PG_BINDIR)" >&2; exit 1; }

# as_server CMD...: runs CMD as the user the server runs as.
as_server() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$command" in
start)
    if [ -f "$state/url" ] && [ -f "$state/datadir" ] && as_server "$bindir/pg_ctl" -D "$(cat "$state/datadir")" status >/dev/null 2>&1; then
        cat "$state/url"
        exit 0
    fi
    mkdir -p "$state"
    data="$(mktemp -d /tmp/drf-postgres.XXXXXX)"
    chmod 700 "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    echo "$data" >"$state/datadir"
    as_server "$bindir/initdb" -D "$data" -U drf --auth=trust --encoding=UTF8 --locale=C -N >"$state/initdb.log" 2>&1 ||
        { cat "$state/initdb.log" >&2; exit 1; }
    # A free port: bind to port 0 and read what the kernel chose. Two servers starting at once may
    # still race for it; pg_ctl then fails and says so.
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    # 500 connections: ctest runs two suites at once, and the throttling store's 64 concurrent clients,
    # the pagination property tests and two example services can together pass 200 under ASan.
    settings="-h 127.0.0.1 -p $port -k $data -c max_connections=500"
    [ "${PG_DURABLE:-0}" = 1 ] || settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_server "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "$settings" start >/dev/null ||
        { cat "$data/server.log" >&2; exit 1; }
    as_server "$bindir/createdb" -h 127.0.0.1 -p "$port" -U drf drf_test
    url="postgresql://drf@127.0.0.1:$port/drf_test"
    echo "$url" >"$state/url"
    echo "$url"
    ;;
stop)
    [ -f "$state/datadir" ] || exit 0
    data="$(cat "$state/datadir")"
    if [ -d "$data" ]; then
        as_server "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$data"
    fi
    rm -f "$state/datadir" "$state/url"
    ;;
url)
    cat "$state/url"
    ;;
*)
    usage
    ;;
esac
