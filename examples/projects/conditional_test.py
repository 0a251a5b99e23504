#!/usr/bin/env python3
"""examples/projects/conditional_test.py — conditional requests over HTTP on the real `projects` binary:
a project's ETag, 304 for If-None-Match, 200 again after a change (the project's and a list page's), two
clients PATCHing one project with the same ETag at the same moment (exactly one 200, one 412), and a
DELETE with a stale ETag (412). Usage: conditional_test.py PATH_TO_PROJECTS_BINARY
On SQLite by default; with DRF_TEST_DATABASE_URL (a PostgreSQL server) on a fresh PostgreSQL database,
served by two instances (the PATCHes race through both)."""

import contextlib
import json
import os
import re
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pg_support  # noqa: E402
from e2e_support import Projects, check, http, report  # noqa: E402

projects = Projects(sys.argv[1])


def request(base, method, path, token, body=None, headers=None):
    """(status, headers, parsed JSON or None) of one request as the user with `token`."""
    fields = dict(headers or {}, Authorization="Token " + token)
    if body is not None:
        fields["Content-Type"] = "application/json"
    status, got, text = http(base, method, path, json.dumps(body).encode() if body is not None else None, fields)
    return status, dict(got), (json.loads(text) if text else None)


def race(bases, path, token, etag, rounds_label):
    """Two clients PATCH `path` with the same If-Match at the same moment; their statuses, sorted."""
    barrier = threading.Barrier(2)
    statuses = [None, None]

    def client(i):
        barrier.wait()
        statuses[i] = request(bases[i % len(bases)], "PATCH", path, token, {"description": "edit %d" % i},
                              {"If-Match": etag})[0]

    threads = [threading.Thread(target=client, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(s for s in statuses if s is not None)


def checks(env, bases):
    alice = projects.run(env, "createuser", "--username", "alice").stdout.strip().splitlines()[-1]
    base = bases[0]
    status, _, project = request(base, "POST", "/api/projects/", alice, {"name": "moon"})
    check(status == 201, "a project is created")
    path = "/api/projects/%s/" % project["id"]

    status, headers, body = request(base, "GET", path, alice)
    etag = headers.get("ETag", "")
    check(status == 200 and re.fullmatch(r'"[0-9a-f]{16}"', etag) is not None, "GET of a project carries a strong ETag")
    status, headers, body = request(base, "GET", path, alice, headers={"If-None-Match": etag})
    check(status == 304 and body is None and headers.get("ETag") == etag, "If-None-Match naming it is 304, no body")
    status, headers, body = request(base, "GET", path, alice, headers={"If-None-Match": 'W/"x", ' + etag})
    check(status == 304, "a list of ETags with it, W/ prefixes and all, is 304 as well")

    status, list_headers, page = request(base, "GET", "/api/projects/", alice)
    page_etag = list_headers.get("ETag", "")
    check(status == 200 and page_etag.startswith('"'), "a list page carries an ETag")
    check(request(base, "GET", "/api/projects/", alice, headers={"If-None-Match": page_etag})[0] == 304,
          "the unchanged page is 304")

    status, _, _ = request(base, "PATCH", path, alice, {"description": "changed"}, {"If-Match": etag})
    check(status == 200, "PATCH with If-Match naming the current ETag is 200")
    status, headers, body = request(base, "GET", path, alice, headers={"If-None-Match": etag})
    check(status == 200 and body["description"] == "changed" and headers.get("ETag") != etag,
          "after the change the old ETag gets 200 with the new body and a new ETag")
    check(request(base, "GET", "/api/projects/", alice, headers={"If-None-Match": page_etag})[0] == 200,
          "after the change the old page ETag gets 200")
    stale = etag

    status, _, body = request(base, "PATCH", path, alice, {"description": "lost update"}, {"If-Match": stale})
    check(status == 412 and body == {"detail": "The resource has changed since you fetched it (If-Match did not match)."},
          "PATCH with a stale ETag is 412 with its detail")

    outcomes = []
    for _ in range(5):
        current = request(base, "GET", path, alice)[1].get("ETag")
        outcomes.append(race(bases, path, alice, current, "race"))
    check(all(o == [200, 412] for o in outcomes),
          "two clients PATCHing with the same ETag at once: exactly one 200 and one 412, every time %r" % outcomes)

    status, _, _ = request(base, "DELETE", path, alice, headers={"If-Match": stale})
    check(status == 412, "DELETE with a stale ETag is 412")
    check(request(base, "GET", path, alice)[0] == 200, "... and the project is still there")
    current = request(base, "GET", path, alice)[1].get("ETag")
    check(request(base, "DELETE", path, alice, headers={"If-Match": current})[0] == 204,
          "DELETE with the current ETag is 204")
    check(request(base, "PATCH", "/api/projects/", alice)[0] == 405, "the list route still refuses PATCH")


def main():
    with contextlib.ExitStack() as stack:
        workdir = tempfile.mkdtemp(prefix="projects-conditional-")
        stack.callback(shutil.rmtree, workdir, True)
        env = dict(os.environ, PROJECTS_DB=os.path.join(workdir, "projects.sqlite3"))
        instances = 1
        if pg_support.server_url():
            env["PROJECTS_DATABASE_URL"] = stack.enter_context(pg_support.FreshDatabase(pg_support.server_url()))
            env["PROJECTS_CURSOR_SECRET"] = "conditional: a secret of at least 32 characters"
            instances = 2
            print("on PostgreSQL, two instances: " + env["PROJECTS_DATABASE_URL"])
        out = projects.run(env, "migrate")
        check(out.returncode == 0 and "Applying projects_0004_track_changes... OK" in out.stdout,
              "migrate installs the change counters")
        servers = [projects.start(env) for _ in range(instances)]
        try:
            checks(env, [b for _, b in servers])
        finally:
            for server, _ in servers:
                projects.stop(server)
    return report()


if __name__ == "__main__":
    sys.exit(main())
