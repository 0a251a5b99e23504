#!/usr/bin/env python3
"""examples/projects/e2e_test.py — the real `projects` binary on a free loopback port, exercised over HTTP:
every route, status code and error body the service promises (as a DRF service built from the seed's
patterns answers them). Usage: e2e_test.py PATH_TO_PROJECTS_BINARY
On SQLite by default; with DRF_TEST_DATABASE_URL (a PostgreSQL server) the same checks run on a fresh
PostgreSQL database through PROJECTS_DATABASE_URL."""

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BINARY = sys.argv[1]
failures = []
checks_run = 0


def check(condition, what):
    global checks_run
    checks_run += 1
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(env, *args):
    return subprocess.run([BINARY, *args], env=env, capture_output=True, text=True, timeout=60)


def request(base, method, path, token=None, body=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Token " + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            text = res.read().decode()
            return res.status, dict(res.headers), (json.loads(text) if text else None)
    except urllib.error.HTTPError as err:
        text = err.read().decode()
        return err.code, dict(err.headers), (json.loads(text) if text else None)


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import pg_support

    with contextlib.ExitStack() as stack:
        workdir = tempfile.mkdtemp(prefix="projects-e2e-")
        env = dict(os.environ, PROJECTS_DB=os.path.join(workdir, "projects.sqlite3"))
        if pg_support.server_url():
            env["PROJECTS_DATABASE_URL"] = stack.enter_context(pg_support.FreshDatabase(pg_support.server_url()))
            env["PROJECTS_CURSOR_SECRET"] = "e2e: a secret of at least 32 characters"
            print("on PostgreSQL: " + env["PROJECTS_DATABASE_URL"])
        return checks(env)


def checks(env):
    out = run(env, "migrate")
    check(out.returncode == 0 and "Applying projects_0001_initial... OK" in out.stdout, "migrate applies the migrations")
    check("No migrations to apply." in run(env, "migrate").stdout, "a second migrate is a no-op")
    alice = run(env, "createuser", "--username", "alice").stdout.strip().splitlines()[-1]
    bob = run(env, "createuser", "--username", "bob").stdout.strip().splitlines()[-1]
    staff = run(env, "createuser", "--username", "root", "--staff").stdout.strip().splitlines()[-1]
    check(len(alice) == 40, "createuser prints a 40-character token on its last line")
    dup = run(env, "createuser", "--username", "alice")
    check(dup.returncode != 0 and dup.stderr == "CommandError: A user with that username already exists.\n",
          "a duplicate username is a CommandError")

    server = subprocess.Popen([BINARY, "runserver", "--port", "0", "--threads", "2", "--no-access-log"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        base = "http://127.0.0.1:%d" % port

        # Authentication
        status, headers, body = request(base, "GET", "/api/projects/")
        check(status == 401 and body == {"detail": "Authentication credentials were not provided."}
              and headers.get("WWW-Authenticate") == "Token", "anonymous list is 401 with WWW-Authenticate: Token")
        status, _, body = request(base, "GET", "/api/projects/", token="0" * 40)
        check(status == 401 and body == {"detail": "Invalid token."}, "a bad token is 401 Invalid token.")

        # Create
        status, headers, body = request(base, "POST", "/api/projects/", alice,
                                        {"name": "Apollo", "id": "x", "owner": "mallory", "archived": True})
        check(status == 201 and headers.get("Content-Type") == "application/json", "create is 201 JSON")
        check(list(body.keys()) == ["id", "name", "description", "owner", "archived", "created_at", "updated_at"],
              "the output has the fields in order")
        check(body["owner"] == "alice" and body["archived"] is False and body["description"] == "",
              "read-only keys in the body are ignored")
        pid = body["id"]
        status, _, body = request(base, "POST", "/api/projects/", alice, {"name": "x" * 201})
        check(status == 400 and body == {"name": ["Ensure this field has no more than 200 characters."]},
              "a too-long name is 400 with DRF's message")
        status, _, body = request(base, "POST", "/api/projects/", alice, {})
        check(status == 400 and body == {"name": ["This field is required."]}, "a missing name is 400")
        status, _, body = request(base, "POST", "/api/projects/", alice, raw=b"{nope")
        check(status == 400 and body["detail"].startswith("JSON parse error - "), "malformed JSON is 400")

        # Retrieve, update, delete, archive
        status, _, body = request(base, "GET", "/api/projects/%s/" % pid, alice)
        check(status == 200 and body["name"] == "Apollo", "retrieve is 200")
        status, _, body = request(base, "GET", "/api/projects/%s/" % pid, bob)
        check(status == 403 and body == {"detail": "You do not have permission to perform this action."},
              "another user's project is 403")
        status, _, body = request(base, "GET", "/api/projects/not-a-uuid/", alice)
        check(status == 404 and body == {"detail": "Not found."}, "a malformed id is 404")
        status, _, _ = request(base, "GET", "/api/projects/00000000-0000-4000-8000-000000000000/", alice)
        check(status == 404, "a missing id is 404")
        status, _, body = request(base, "PATCH", "/api/projects/%s/" % pid, alice, {"description": "To the moon"})
        check(status == 200 and body["description"] == "To the moon" and body["name"] == "Apollo", "PATCH updates")
        status, headers, body = request(base, "PUT", "/api/projects/%s/" % pid, alice, {"name": "y"})
        check(status == 405 and body == {"detail": 'Method "PUT" not allowed.'}
              and headers.get("Allow") == "GET, PATCH, DELETE, HEAD, OPTIONS", "PUT is 405 with Allow")
        status, _, body = request(base, "POST", "/api/projects/%s/archive/" % pid, alice)
        check(status == 204 and body is None, "archive is 204 with no body")
        status, _, body = request(base, "GET", "/api/projects/%s/archive/" % pid, alice)
        check(status == 405 and body == {"detail": 'Method "GET" not allowed.'}, "GET on archive is 405")
        check(request(base, "GET", "/api/projects/%s/" % pid, alice)[2]["archived"] is True, "archived is set")

        # Pagination: 30 projects, pages of 25 then 6 (with Apollo), links keep page_size
        for i in range(30):
            request(base, "POST", "/api/projects/", alice, {"name": "p%d" % i})
        status, _, page1 = request(base, "GET", "/api/projects/", alice)
        check(status == 200 and len(page1["results"]) == 25 and page1["previous"] is None, "first page of 25")
        check(page1["next"].startswith(base + "/api/projects/?cursor="), "next is an absolute link")
        _, _, page2 = request(base, "GET", page1["next"][len(base):], alice)
        check(len(page2["results"]) == 6 and page2["next"] is None, "last page has the rest, next null")
        names = [p["name"] for p in page1["results"] + page2["results"]]
        check(len(set(names)) == 31, "no project is repeated or skipped")
        _, _, small = request(base, "GET", "/api/projects/?page_size=10", alice)
        check(len(small["results"]) == 10 and "page_size=10" in small["next"], "page_size is honoured and kept")
        _, _, big = request(base, "GET", "/api/projects/?page_size=1000", alice)
        check(len(big["results"]) == 31, "page_size is capped at 100")
        status, _, body = request(base, "GET", "/api/projects/?cursor=garbage", alice)
        check(status == 404 and body == {"detail": "Invalid cursor"}, "a garbled cursor is 404 Invalid cursor")
        _, _, bobs = request(base, "GET", "/api/projects/", bob)
        check(bobs["results"] == [], "bob sees only his own projects")

        # Delete
        status, _, _ = request(base, "DELETE", "/api/projects/%s/" % pid, bob)
        check(status == 403, "bob cannot delete alice's project")
        status, _, body = request(base, "DELETE", "/api/projects/%s/" % pid, alice)
        check(status == 204 and body is None, "delete is 204")

        # Announcements: IsAdminOrReadOnly
        status, _, body = request(base, "GET", "/api/announcements/")
        check(status == 200 and body == {"next": None, "previous": None, "results": []}, "anyone may list")
        status, _, body = request(base, "POST", "/api/announcements/", body={"title": "Hi"})
        check(status == 401 and body == {"detail": "Authentication credentials were not provided."},
              "anonymous POST is 401")
        status, _, body = request(base, "POST", "/api/announcements/", alice, {"title": "Hi"})
        check(status == 403 and body == {"detail": "You do not have permission to perform this action."},
              "non-staff POST is 403")
        status, _, body = request(base, "POST", "/api/announcements/", staff, {"title": "Hi", "body": "There"})
        check(status == 201 and body["title"] == "Hi", "staff POST is 201")
        status, _, body = request(base, "GET", "/api/announcements/%s/" % body["id"])
        check(status == 200 and body["body"] == "There", "anyone may read one announcement")
        status, _, body = request(base, "POST", "/api/announcements/", staff, {"title": "t" * 121})
        check(status == 400 and body == {"title": ["Ensure this field has no more than 120 characters."]},
              "a too-long title is 400")

        # Me, with the profile the post_save receiver created
        status, _, body = request(base, "GET", "/api/me/", alice)
        check(status == 200 and body == {"username": "alice", "is_staff": False, "profile": {"bio": ""}}, "GET /api/me/")
        check(request(base, "GET", "/api/me/")[0] == 401, "anonymous /api/me/ is 401")

        # Unknown paths
        status, _, body = request(base, "GET", "/api/nothing/", alice)
        check(status == 404 and body == {"detail": "Not found."}, "an unknown path is 404")
    finally:
        server.send_signal(2)  # SIGINT: drain and exit 0
        try:
            code = server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            code = -1
        check(code == 0, "runserver exits 0 on SIGINT")

    out = run(env, "cleanup_inactive", "--dry-run")
    check(out.returncode == 0 and out.stdout == "Would deactivate 0 users\n", "cleanup_inactive --dry-run")
    out = run(env, "cleanup_inactive")
    check(out.returncode == 0 and out.stdout == "Deactivated 0 users\n", "cleanup_inactive")
    check(run(env, "nope").returncode != 0, "an unknown command is a non-zero exit")

    print("%d passed, %d failed" % (checks_run - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
