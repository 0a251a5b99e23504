#!/usr/bin/env python3
"""examples/projects/throttle_test.py — the anonymous rate limit held exactly by `projects runserver`
instances under concurrent load: 64 clients at once, all from one address (X-Forwarded-For, with
PROJECTS_NUM_PROXIES=1), spread over the instances; exactly the rate's number of requests is answered
and the rest are 429 with Retry-After, round after round (each round from a new address, so no round
waits for the last one's window).

With DRF_TEST_DATABASE_URL naming a PostgreSQL server (tests/support/with-postgres.sh): two instances on
one fresh database, sharing the limit through the database throttle store. Without it: one instance on
SQLite with the in-process store, then two instances on one SQLite file with the database store.

Usage: throttle_test.py PATH_TO_PROJECTS_BINARY"""

import json
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_support  # noqa: E402
from e2e_support import Projects, check, http, report  # noqa: E402

projects = Projects(sys.argv[1])
SECRET = "throttle test: one secret for every instance"
LIMIT = 20
CLIENTS = 64
ROUNDS = 4
def get(base, address):
    """GET /api/announcements/ (open to anonymous readers) as the client at `address`: the status, the
    Retry-After header and the body."""
    status, headers, body = http(base, "GET", "/api/announcements/", headers={"X-Forwarded-For": address}, timeout=30)
    return status, headers.get("Retry-After"), json.loads(body.decode() or "null")


def burst(instances, address):
    """CLIENTS requests from `address` at once, spread over the instances; their answers."""
    ready = threading.Barrier(CLIENTS)
    answers = [None] * CLIENTS

    def client(i):
        ready.wait()
        try:
            answers[i] = get(instances[i % len(instances)], address)
        except Exception as e:  # a refused connection or a timeout: counted as neither answer
            answers[i] = (0, None, str(e))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def throttled_properly(answer):
    status, retry_after, body = answer
    if status != 429 or retry_after is None or not retry_after.isdigit() or not 1 <= int(retry_after) <= 60:
        return False
    wait = int(retry_after)
    expected = "Request was throttled. Expected available in %d second%s." % (wait, "" if wait == 1 else "s")
    return body == {"detail": expected}


def rounds(instances, what, first_address):
    for r in range(ROUNDS):
        address = "203.0.113.%d" % (first_address + r)
        answers = burst(instances, address)
        accepted = sum(1 for a in answers if 200 <= a[0] < 300)
        refused = [a for a in answers if a[0] == 429]
        others = sorted({a[0] for a in answers if not (200 <= a[0] < 300 or a[0] == 429)})
        check(accepted == LIMIT and len(refused) == CLIENTS - LIMIT and not others,
              "%s, round %d: %d clients at once, exactly %d answered and %d refused (got %d and %d, others %s)"
              % (what, r + 1, CLIENTS, LIMIT, CLIENTS - LIMIT, accepted, len(refused), others))
        check(all(throttled_properly(a) for a in refused),
              "%s, round %d: every refusal is 429 with Retry-After and DRF's detail" % (what, r + 1))
    # The last round's address stays refused on every instance; a new address is not.
    last = "203.0.113.%d" % (first_address + ROUNDS - 1)
    check(all(get(base, last)[0] == 429 for base in instances), "%s: the limit holds afterwards on every instance" % what)
    check(all(get(base, "198.51.100.%d" % (first_address + i))[0] == 200 for i, base in enumerate(instances)),
          "%s: another client is not limited" % what)


def serve(env, count, what, first_address):
    out = projects.run(env, "migrate")
    check(out.returncode == 0 and "Applying throttling_0001_initial... OK" in out.stdout,
          "%s: migrate creates the throttle store's table (%s)" % (what, out.stderr.strip()))
    servers = [projects.start(env) for _ in range(count)]
    try:
        rounds([base for _, base in servers], what, first_address)
    finally:
        codes = [projects.stop(server) for server, _ in servers]
        check(codes == [0] * count, "%s: the instances exit 0 on SIGINT" % what)


def main():
    base = {k: v for k, v in os.environ.items() if not k.startswith("PROJECTS_")}
    base.update(PROJECTS_CURSOR_SECRET=SECRET, PROJECTS_NUM_PROXIES="1",
                PROJECTS_THROTTLE_RATES="anon=%d/minute,archive=10/minute" % LIMIT)
    server_url = pg_support.server_url()
    if server_url:
        with pg_support.FreshDatabase(server_url, prefix="throttle") as url:
            serve(dict(base, PROJECTS_DATABASE_URL=url), 2, "two instances on PostgreSQL, database store", 1)
    else:
        workdir = tempfile.mkdtemp(prefix="projects-throttle-")
        try:
            serve(dict(base, PROJECTS_DB=os.path.join(workdir, "local.sqlite3"), PROJECTS_THROTTLE_STORE="local"),
                  1, "one instance on SQLite, local store", 1)
            serve(dict(base, PROJECTS_DB=os.path.join(workdir, "shared.sqlite3"), PROJECTS_THROTTLE_STORE="database"),
                  2, "two instances on one SQLite file, database store", 101)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    return report()


if __name__ == "__main__":
    sys.exit(main())
