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
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_support  # noqa: E402

BINARY = sys.argv[1]
SECRET = "throttle test: one secret for every instance"
LIMIT = 20
CLIENTS = 64
ROUNDS = 4
failures = []
checks_run = 0


def check(condition, what):
    global checks_run
    checks_run += 1
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def start(env):
    server = subprocess.Popen([BINARY, "runserver", "--port", "0", "--threads", "4", "--no-access-log"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r":(\d+)/", line)
    if not match:
        server.kill()
        raise RuntimeError("runserver did not start: %r %r" % (line, server.stderr.read()))
    return server, "http://127.0.0.1:%s" % match.group(1)


def stop(server):
    server.send_signal(2)
    try:
        return server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        return -1


def get(base, address):
    """GET /api/announcements/ (open to anonymous readers) as the client at `address`: the status, the
    Retry-After header and the body."""
    req = urllib.request.Request(base + "/api/announcements/", headers={"X-Forwarded-For": address})
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return res.status, res.headers.get("Retry-After"), json.loads(res.read().decode() or "null")
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Retry-After"), json.loads(err.read().decode() or "null")


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


def run(env, *args):
    return subprocess.run([BINARY, *args], env=env, capture_output=True, text=True, timeout=60)


def serve(env, count, what, first_address):
    out = run(env, "migrate")
    check(out.returncode == 0 and "Applying throttling_0001_initial... OK" in out.stdout,
          "%s: migrate creates the throttle store's table (%s)" % (what, out.stderr.strip()))
    servers = [start(env) for _ in range(count)]
    try:
        rounds([base for _, base in servers], what, first_address)
    finally:
        codes = [stop(server) for server, _ in servers]
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

    print("%d passed, %d failed" % (checks_run - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
