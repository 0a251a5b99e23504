#!/usr/bin/env bash
# tests/support/with-postgres.sh STATE_DIR COMMAND [ARGS...] — runs COMMAND with DRF_TEST_DATABASE_URL
# set to the server tests/support/postgres.sh started for STATE_DIR (ctest's fixture "postgres"), so the
# backend-neutral suites run on PostgreSQL.
set -euo pipefail
state="${1:?usage: with-postgres.sh STATE_DIR COMMAND [ARGS...]}"
shift
[ -f "$state/url" ] || { echo "with-postgres.sh: no server for $state (did the postgres.start test run?)" >&2; exit 1; }
DRF_TEST_DATABASE_URL="$(cat "$state/url")"
export DRF_TEST_DATABASE_URL
exec "$@"
