#!/usr/bin/env python3
"""examples/projects/multi_instance_test.py — two `projects` processes on two ports sharing one PostgreSQL
database, as two instances behind a load balancer. A reader pages through alice's projects alternating
between the instances — each page's cursor minted by one instance and followed on the other — while
writers create projects through both and delete some of the ones the reader has not reached. The
cursor pagination guarantees must hold across the instances: every project that existed for the whole
walk is seen exactly once and in order, none twice; walking back with `previous` once the writers stop
returns exactly the pages seen forward.

Usage: multi_instance_test.py PATH_TO_PROJECTS_BINARY, with DRF_TEST_DATABASE_URL naming the server
(tests/support/with-postgres.sh)."""

import datetime
import json
import os
import random
import sys
import threading
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_support  # noqa: E402
from e2e_support import Projects, check, http, report  # noqa: E402

projects = Projects(sys.argv[1])
SECRET = "multi-instance: one secret for every instance"
def request(base, method, path, token, body=None):
    """(status, parsed JSON or None) of one request as the user with `token`."""
    headers = {"Authorization": "Token " + token}
    if body is not None:
        headers["Content-Type"] = "application/json"
    status, _, text = http(base, method, path, json.dumps(body).encode() if body is not None else None, headers)
    return status, (json.loads(text) if text else None)


def parse_time(text):
    # DRF's rendering: "2026-12-01T18:06:54.417961Z", or without the fraction when it is zero.
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def order_key(project):
    # The pagination's order, newest first: (created_at, id) descending.
    return (parse_time(project["created_at"]), project["id"])


def walk(instances, token, path, link, turn=0):
    """Follows `link` ("next" or "previous") from `path`, each request on the other instance than the one
    before (starting with instances[turn % 2]); returns the pages' results and the last response."""
    pages = []
    body = None
    while path:
        base = instances[turn % len(instances)]
        status, body = request(base, "GET", path, token)
        if status != 200:
            check(False, "page %d on instance %d is 200 (got %d %s)" % (len(pages), turn % 2, status, body))
            break
        pages.append(body["results"])
        following = body[link]
        # The link is absolute and names the instance that minted it: follow it on the other one.
        path = following[following.index("/api/"):] if following else None
        turn += 1
    return pages, body, turn


def main():
    server_url = pg_support.server_url()
    if not server_url:
        print("multi_instance_test.py: DRF_TEST_DATABASE_URL is not set (run it through tests/support/with-postgres.sh)")
        return 2
    with pg_support.FreshDatabase(server_url, prefix="multi") as url:
        env = dict(os.environ, PROJECTS_DATABASE_URL=url, PROJECTS_CURSOR_SECRET=SECRET)
        run = projects.run
        out = run(env, "migrate")
        check(out.returncode == 0 and "Applying auth_0001_initial... OK" in out.stdout
              and "Applying projects_0001_initial... OK" in out.stdout, "migrate builds a fresh PostgreSQL database from zero")
        check("No migrations to apply." in run(env, "migrate").stdout, "a second migrate is a no-op")
        token = run(env, "createuser", "--username", "alice").stdout.strip().splitlines()[-1]
        check(len(token) == 40, "createuser prints a token")

        no_secret = dict(env)
        del no_secret["PROJECTS_CURSOR_SECRET"]
        out = run(no_secret, "runserver", "--port", "0")
        check(out.returncode != 0 and "set PROJECTS_CURSOR_SECRET" in out.stderr,
              "runserver refuses to serve from PROJECTS_DATABASE_URL without a shared cursor secret")

        a, base_a = projects.start(env, threads=2)
        b, base_b = projects.start(env, threads=2)
        instances = [base_a, base_b]
        try:
            # 60 projects before the walk, created through both instances.
            initial = []
            for i in range(60):
                status, body = request(instances[i % 2], "POST", "/api/projects/", token, {"name": "before %d" % i})
                initial.append(body)
            check(all(p is not None and "id" in p for p in initial), "60 projects created through both instances")

            # Writers: create through both instances and delete projects the reader may not have reached.
            rng = random.Random(7)
            deleted = set()
            created = []
            lock = threading.Lock()
            stop_writing = threading.Event()
            candidates = [p["id"] for p in initial]
            rng.shuffle(candidates)
            doomed = set(candidates[:12])

            def writer(which):
                n = 0
                while not stop_writing.is_set():
                    base = instances[(which + n) % 2]
                    status, body = request(base, "POST", "/api/projects/", token, {"name": "during %d.%d" % (which, n)})
                    with lock:
                        if status == 201:
                            created.append(body["id"])
                        victim = doomed.pop() if doomed and n % 3 == 0 else None
                    if victim:
                        status, _ = request(instances[(which + n + 1) % 2], "DELETE", "/api/projects/%s/" % victim, token)
                        if status == 204:
                            with lock:
                                deleted.add(victim)
                    n += 1

            threads = [threading.Thread(target=writer, args=(w,)) for w in range(2)]
            for t in threads:
                t.start()
            try:
                forward, _, _ = walk(instances, token, "/api/projects/?page_size=5", "next")
            finally:
                stop_writing.set()
                for t in threads:
                    t.join()
            check(len(created) > 0 and len(deleted) > 0,
                  "writers created %d and deleted %d projects during the walk" % (len(created), len(deleted)))

            seen = [p for page in forward for p in page]
            ids = [p["id"] for p in seen]
            stable = {p["id"] for p in initial} - deleted
            check(len(ids) == len(set(ids)), "no project was seen twice across instances")
            check(stable <= set(ids), "every project that existed for the whole walk was seen (%d of %d)"
                  % (len(stable & set(ids)), len(stable)))
            keys = [order_key(p) for p in seen]
            check(keys == sorted(keys, reverse=True), "the walk came in order, newest first")

            # Nothing changes now: walk forward again, then back from the last page with `previous`, still
            # alternating, starting on the instance that did not serve the last page.
            fresh, last, turn = walk(instances, token, "/api/projects/?page_size=5", "next")
            back_from = last["previous"][last["previous"].index("/api/"):]
            backward, _, _ = walk(instances, token, back_from, "previous", turn)
            ids_of = lambda pages: [[p["id"] for p in page] for page in pages]
            check(len(fresh) > 2 and ids_of(list(reversed(backward))) == ids_of(fresh[:-1]),
                  "following previous across instances returns exactly the pages seen forward (%d pages)" % len(fresh))

            # A cursor minted by one instance is accepted by the other; a tampered one is refused by both.
            status, first = request(base_a, "GET", "/api/projects/?page_size=5", token)
            next_path = first["next"][first["next"].index("/api/"):]
            check(request(base_b, "GET", next_path, token)[0] == 200, "instance B accepts instance A's cursor")
            cursor = urllib.parse.parse_qs(urllib.parse.urlsplit(next_path).query)["cursor"][0]
            tampered = next_path.replace(cursor, cursor[:-2] + ("AA" if cursor[-2:] != "AA" else "BB"))
            check(all(request(base, "GET", tampered, token) == (404, {"detail": "Invalid cursor"}) for base in instances),
                  "a tampered cursor is 404 Invalid cursor on both instances")
        finally:
            codes = [projects.stop(a), projects.stop(b)]
            check(codes == [0, 0], "both instances exit 0 on SIGINT")

    return report()


if __name__ == "__main__":
    sys.exit(main())
