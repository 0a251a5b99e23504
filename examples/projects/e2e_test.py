#!/usr/bin/env python3
"""examples/projects/e2e_test.py — the real `projects` binary on a free loopback port, exercised over HTTP:
every route, status code and error body the service promises (as a DRF service built from the same
patterns answers them). Usage: e2e_test.py PATH_TO_PROJECTS_BINARY
On SQLite by default; with DRF_TEST_DATABASE_URL (a PostgreSQL server) the same checks run on a fresh
PostgreSQL database through PROJECTS_DATABASE_URL."""

import atexit
import contextlib
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BINARY = sys.argv[1]
list_checks = None  # examples/projects/list_checks.py, imported in main
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


def raw(port, text, address="127.0.0.1"):
    """Sends `text` as it is (a request urllib would not send) and reads until the server closes:
    (status, parsed JSON body or None, the whole response)."""
    with socket.create_connection((address, port), timeout=10) as conn:
        conn.sendall(text.encode("latin-1"))
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    response = b"".join(chunks)
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, (json.loads(body) if body else None), response


def get_with(port, path, token, *fields):
    """GET over HTTP/1.1 with these header fields (a Host among them, or none), the connection closed after."""
    lines = ["GET %s HTTP/1.1" % path] + ["%s: %s" % f for f in fields]
    if token:
        lines.append("Authorization: Token " + token)
    return raw(port, "\r\n".join(lines + ["Connection: close", "", ""]))[:2]


def fetch(base, path, accept=None):
    """GET without parsing the body: (status, headers, text), for the schema and its HTML pages."""
    req = urllib.request.Request(base + path)
    if accept is not None:
        req.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, dict(res.headers), res.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()


SIDECAR_FILES = {"swagger-ui-dist/swagger-ui.css": "text/css",
                 "swagger-ui-dist/swagger-ui-bundle.js": "text/javascript",
                 "swagger-ui-dist/swagger-ui-standalone-preset.js": "text/javascript",
                 "swagger-ui-dist/favicon-32x32.png": "image/png",
                 "redoc/bundles/redoc.standalone.js": "text/javascript"}


def openapi_checks(env, base):
    """The OpenAPI document and its pages, open to anyone (drf-spectacular's three views)."""
    status, headers, text = fetch(base, "/api/schema/")
    document = json.loads(text) if status == 200 else {}
    check(status == 200 and headers.get("Content-Type") == "application/vnd.oai.openapi+json"
          and document.get("openapi") == "3.1.0", "GET /api/schema/ is the OpenAPI 3.1 document, anonymously")
    check(headers.get("Content-Disposition") == 'inline; filename="%s.json"' % document.get("info", {}).get("title"),
          "the schema is named after its title, as drf-spectacular names it")
    check(sorted(document.get("paths", {})) == ["/api/announcements/", "/api/announcements/{id}/", "/api/me/",
                                                "/api/projects/", "/api/projects/{id}/", "/api/projects/{id}/archive/",
                                                "/api/users/"], "the document describes every route of the API")
    check(json.loads(run(env, "generateschema").stdout) == document,
          "the served document is the one generateschema writes")
    status, headers, _ = fetch(base, "/api/schema/", "application/json")
    check(status == 200 and headers.get("Content-Type") == "application/json", "Accept: application/json gets application/json")
    status, _, text = fetch(base, "/api/schema/", "text/html")
    check(status == 406 and json.loads(text) == {"detail": "Could not satisfy the request Accept header."},
          "Accept: text/html on the schema is 406")
    status, headers, text = fetch(base, "/api/docs/", "text/html,*/*;q=0.8")
    check(status == 200 and headers.get("Content-Type") == "text/html; charset=utf-8" and 'url: "/api/schema/"' in text
          and "https://cdn.jsdelivr.net/npm/swagger-ui-dist@latest/swagger-ui-bundle.js" in text,
          "GET /api/docs/ is Swagger UI on the schema, from drf-spectacular's CDN by default")
    status, headers, text = fetch(base, "/api/redoc/")
    check(status == 200 and '<redoc spec-url="/api/schema/"></redoc>' in text
          and "https://cdn.jsdelivr.net/npm/redoc@latest/bundles/redoc.standalone.js" in text,
          "GET /api/redoc/ is Redoc on the schema, from drf-spectacular's CDN by default")
    status, _, _ = fetch(base, "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")
    check(status == 404, "without PROJECTS_OPENAPI_ASSETS no asset is served")

    # PROJECTS_OPENAPI_ASSETS: the pages' files from a directory laid out as drf-spectacular-sidecar's.
    assets = scratch_dir("projects-assets-")
    for name in SIDECAR_FILES:
        os.makedirs(os.path.dirname(os.path.join(assets, name)), exist_ok=True)
        with open(os.path.join(assets, name), "w") as f:
            f.write("/* %s */" % name)
    with serving(dict(env, PROJECTS_OPENAPI_ASSETS=assets)) as (port, _):
        local = "http://127.0.0.1:%d" % port
        _, _, text = fetch(local, "/api/docs/")
        check('src="/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"' in text
              and "cdn.jsdelivr.net" not in text, "with PROJECTS_OPENAPI_ASSETS Swagger UI loads the service's own copies")
        _, _, text = fetch(local, "/api/redoc/")
        check('src="/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"' in text,
              "with PROJECTS_OPENAPI_ASSETS Redoc loads the service's own copy")
        for name, content_type in SIDECAR_FILES.items():
            status, headers, text = fetch(local, "/static/drf_spectacular_sidecar/" + name)
            check(status == 200 and headers.get("Content-Type") == content_type and text == "/* %s */" % name,
                  "%s is served as %s" % (name, content_type))


def scratch_dir(prefix):
    """A temporary directory, removed when the run ends (failed checks included)."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@contextlib.contextmanager
def serving(env, *args):
    """Another runserver on a free port: yields (port, the line it printed)."""
    server = subprocess.Popen([BINARY, "runserver", "--port", "0", "--threads", "1", "--no-access-log", *args],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r":(\d+)/", line)
        if not match:
            raise RuntimeError("runserver did not start: %r %r" % (line, server.stderr.read()))
        yield int(match.group(1)), line
    finally:
        server.send_signal(2)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def host_checks(env, port, token):
    """ALLOWED_HOSTS and the proxy settings, over HTTP: alice has more than one page of projects."""
    own = "127.0.0.1:%d" % port
    evil = {"detail": "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS."}
    status, body = get_with(port, "/api/projects/", token, ("Host", "evil.example"))
    check(status == 400 and body == evil, "a Host not in PROJECTS_ALLOWED_HOSTS is 400 with Django's message")
    status, body = get_with(port, "/api/projects/", None, ("Host", "evil.example"))
    check(status == 400 and body == evil, "the Host is checked before authentication")
    status, body = get_with(port, "/api/projects/", token, ("Host", "api.localhost:%d" % port))
    check(status == 200 and body["next"].startswith("http://api.localhost:%d/api/projects/?cursor=" % port),
          "an allowed Host (default .localhost) gets its links built on it")
    status, _ = get_with(port, "/api/projects/", token, ("Host", own), ("Host", own))
    check(status == 400, "two Host fields are 400")
    status, body, _ = raw(port, "GET /api/projects/ HTTP/1.0\r\nAuthorization: Token %s\r\n\r\n" % token)
    check(status == 200 and body["next"].startswith("http://%s/api/projects/?cursor=" % own),
          "without a Host, links are built on the server's own address")
    status, body = get_with(port, "/api/projects/", token, ("Host", own), ("X-Forwarded-Proto", "https"),
                            ("X-Forwarded-Host", "evil.example"))
    check(status == 200 and body["next"].startswith("http://%s/" % own), "proxy headers are ignored unless configured")

    proxied = dict(env, PROJECTS_ALLOWED_HOSTS="127.0.0.1, public.example",
                   PROJECTS_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https", PROJECTS_USE_X_FORWARDED_HOST="1")
    with serving(proxied) as (proxy_port, _):
        status, body = get_with(proxy_port, "/api/projects/", token, ("Host", "127.0.0.1:%d" % proxy_port),
                                ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "public.example"))
        check(status == 200 and body["next"].startswith("https://public.example/api/projects/?cursor="),
              "behind a configured proxy, links are https on the public host")
        status, body = get_with(proxy_port, "/api/projects/", token, ("Host", "127.0.0.1:%d" % proxy_port),
                                ("X-Forwarded-Host", "evil.example"))
        check(status == 400 and body == evil, "X-Forwarded-Host is checked against PROJECTS_ALLOWED_HOSTS")
        status, body = get_with(proxy_port, "/api/projects/", token, ("Host", "localhost:%d" % proxy_port))
        check(status == 400 and body == {"detail": "Invalid HTTP_HOST header: 'localhost:%d'. You may need to add "
                                                   "'localhost' to ALLOWED_HOSTS." % proxy_port},
              "PROJECTS_ALLOWED_HOSTS replaces the local defaults")

    if ipv6_loopback():
        with serving(env, "--host", "::1") as (v6_port, banner):
            check(banner.startswith("Starting server at http://[::1]:%d/" % v6_port), "runserver brackets an IPv6 address")
            status, body, _ = raw(v6_port, "GET /api/projects/ HTTP/1.0\r\nAuthorization: Token %s\r\n\r\n" % token,
                                  address="::1")
            check(status == 200 and body["next"].startswith("http://[::1]:%d/api/projects/?cursor=" % v6_port),
                  "links built on the server's own IPv6 address are bracketed")
    else:
        print("skip IPv6: no ::1 here")


def configuration_checks(env):
    """Settings that cannot be used stop every command: exit status 1 and one line on stderr."""
    workdir = scratch_dir("projects-config-")
    base = {k: v for k, v in env.items() if not k.startswith("PROJECTS_")}

    def fails(what, expected, **settings):
        out = run(dict(base, **settings), "showmigrations")
        ok = out.returncode == 1 and out.stderr == "ImproperlyConfigured: " + expected + "\n"
        check(ok, what if ok else what + " (got %d %r)" % (out.returncode, out.stderr))

    sqlite = os.path.join(workdir, "db.sqlite3")
    fails("a PROJECTS_CURSOR_SECRET under 16 bytes is refused with a message",
          "PROJECTS_CURSOR_SECRET has 5 bytes; it needs at least 16", PROJECTS_DB=sqlite, PROJECTS_CURSOR_SECRET="short")
    out = run(dict(base, PROJECTS_DB=sqlite, PROJECTS_CURSOR_SECRET="x" * 16), "showmigrations")
    check(out.returncode == 0, "a PROJECTS_CURSOR_SECRET of 16 bytes is enough")

    # The generated secret: created owner-only even under umask 0, kept across restarts.
    secret_file = sqlite + ".cursor-secret"
    first = subprocess.run([BINARY, "showmigrations"], env=dict(base, PROJECTS_DB=sqlite), capture_output=True,
                           text=True, timeout=60, preexec_fn=lambda: os.umask(0))
    mode = stat.S_IMODE(os.lstat(secret_file).st_mode)
    with open(secret_file) as f:
        secret = f.read()
    check(first.returncode == 0 and mode == 0o600 and re.fullmatch(r"[0-9a-f]{64}", secret) is not None,
          "the generated cursor secret is 64 hex digits, mode 0600, even under umask 0")
    run(dict(base, PROJECTS_DB=sqlite), "showmigrations")
    with open(secret_file) as f:
        check(f.read() == secret, "a restart reads the same secret")

    # A symlink where the secret is kept is refused, and its target neither read nor written.
    target = os.path.join(workdir, "elsewhere")
    with open(target, "w") as f:
        f.write("a secret someone else planted here")
    linked = os.path.join(workdir, "linked.sqlite3")
    os.symlink(target, linked + ".cursor-secret")
    fails("a symlink for the cursor secret file is refused",
          "the cursor secret file %s.cursor-secret is a symbolic link; refusing it" % linked, PROJECTS_DB=linked)
    dangling = os.path.join(workdir, "dangling.sqlite3")
    os.symlink(os.path.join(workdir, "created-through-the-link"), dangling + ".cursor-secret")
    fails("a dangling symlink for the cursor secret file is refused",
          "the cursor secret file %s.cursor-secret is a symbolic link; refusing it" % dangling, PROJECTS_DB=dangling)
    check(not os.path.exists(os.path.join(workdir, "created-through-the-link")), "no file is created through a symlink")

    short = os.path.join(workdir, "short.sqlite3")
    with open(short + ".cursor-secret", "w") as f:
        f.write("too short")
    fails("a kept secret under 16 bytes is refused, not replaced",
          "the cursor secret file %s.cursor-secret holds 9 bytes, fewer than 16; delete it to have a new secret "
          "generated" % short, PROJECTS_DB=short)
    missing = os.path.join(workdir, "no-such-directory", "db.sqlite3")
    fails("a secret file that cannot be created is an error, not ignored",
          "cannot create the cursor secret file %s.cursor-secret: No such file or directory" % missing,
          PROJECTS_DB=missing)

    fails("a PROJECTS_ALLOWED_HOSTS without a host is refused",
          "PROJECTS_ALLOWED_HOSTS names no host; unset it for the local defaults",
          PROJECTS_DB=sqlite, PROJECTS_ALLOWED_HOSTS=" , ")
    fails("a malformed PROJECTS_SECURE_PROXY_SSL_HEADER is refused",
          "PROJECTS_SECURE_PROXY_SSL_HEADER must be 'Header-Name: value', such as 'X-Forwarded-Proto: https'",
          PROJECTS_DB=sqlite, PROJECTS_SECURE_PROXY_SSL_HEADER="https")
    no_assets = os.path.join(workdir, "no-assets")
    fails("a PROJECTS_OPENAPI_ASSETS without the pages' files is refused at start, naming the first missing one",
          "PROJECTS_OPENAPI_ASSETS: drf::openapi: cannot read %s/swagger-ui-dist/swagger-ui.css (no such file): the "
          "assets directory %s must hold swagger-ui-dist/ and redoc/bundles/ as drf-spectacular-sidecar's static files "
          "(or node_modules after npm install swagger-ui-dist redoc) do" % (no_assets, no_assets),
          PROJECTS_DB=sqlite, PROJECTS_OPENAPI_ASSETS=no_assets)
    fails("a PROJECTS_USE_X_FORWARDED_HOST other than 1 or 0 is refused",
          "PROJECTS_USE_X_FORWARDED_HOST must be 1 or 0", PROJECTS_DB=sqlite, PROJECTS_USE_X_FORWARDED_HOST="yes")
    fails("a PROJECTS_SQLITE_SYNCHRONOUS other than normal or full is refused",
          "PROJECTS_SQLITE_SYNCHRONOUS must be normal or full", PROJECTS_DB=sqlite, PROJECTS_SQLITE_SYNCHRONOUS="extra")
    out = run(dict(base, PROJECTS_DB=sqlite, PROJECTS_SQLITE_SYNCHRONOUS="full"), "showmigrations")
    check(out.returncode == 0, "PROJECTS_SQLITE_SYNCHRONOUS=full is accepted")


def sql(env, statement):
    """One statement on the service's database, for state no command makes (an inactive user)."""
    if env.get("PROJECTS_DATABASE_URL"):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", env["PROJECTS_DATABASE_URL"], "-c", statement],
                       check=True, capture_output=True, text=True)
    else:
        import sqlite3
        with contextlib.closing(sqlite3.connect(env["PROJECTS_DB"])) as conn:
            conn.execute(statement)
            conn.commit()


def list_users(env):
    """Users for GET /api/users/ beside alice, bob, root and carol: 17 more, one without an email and
    one inactive. Returns every user as the list renders them."""
    made = [("alice", "alice@example.com", False), ("bob", "bob@mail.test", False), ("root", "root@example.com", True),
            ("carol", "carol@example.com", False)]
    for name in ("dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy",
                 "trent", "victor", "walter", "zoe", "rob"):
        email = "%s@Mail.Test" % name.upper() if name == "zoe" else "%s@mail.test" % name
        staff = name in ("trent", "walter")
        out = run(env, "createuser", "--username", name, "--email", email, *(["--staff"] if staff else []))
        check(out.returncode == 0, "createuser %s --email %s" % (name, email))
        made.append((name, email.split("@")[0] + "@" + email.split("@")[1].lower(), staff))
    out = run(env, "createuser", "--username", "noemail")
    check(out.returncode == 0, "createuser without --email")
    made.append(("noemail", "", False))
    sql(env, "UPDATE auth_user SET is_active = %s WHERE username = 'mallory'" %
        ("false" if env.get("PROJECTS_DATABASE_URL") else "0"))
    return [{"username": u, "email": e, "is_staff": st, "is_active": u != "mallory"} for u, e, st in made]


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import pg_support
    global list_checks
    import list_checks

    with contextlib.ExitStack() as stack:
        workdir = scratch_dir("projects-e2e-")
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
    alice = run(env, "createuser", "--username", "alice", "--email", "alice@example.com").stdout.strip().splitlines()[-1]
    bob = run(env, "createuser", "--username", "bob", "--email", "bob@mail.test").stdout.strip().splitlines()[-1]
    staff = run(env, "createuser", "--username", "root", "--staff", "--email", "root@Example.COM").stdout.strip().splitlines()[-1]
    check(len(alice) == 40, "createuser prints a 40-character token on its last line")
    dup = run(env, "createuser", "--username", "alice")
    check(dup.returncode != 0 and dup.stderr == "CommandError: A user with that username already exists.\n",
          "a duplicate username is a CommandError")
    for address in ("not-an-address", "a@b", "carol@example.com "):
        bad = run(env, "createuser", "--username", "carol", "--email", address)
        check(bad.returncode == 1 and bad.stderr == "CommandError: Enter a valid email address.\n" and bad.stdout == "",
              "createuser --email %r exits 1 with Django's 'Enter a valid email address.'" % address)
    users = list_users(env)
    carol = run(env, "createuser", "--username", "carol", "--email", "carol@example.com").stdout.strip().splitlines()[-1]
    check(len(carol) == 40, "the invalid addresses created no carol: a valid one now can")

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

        # The lists' filters, search, ordering and pagination (list_checks.py)
        lists = list_checks.Lists(check, request, base)
        list_checks.project_checks(lists, carol, bob)
        list_checks.user_checks(lists, staff, alice, users)

        # Hosts: which the service answers for, and what its links are built on
        host_checks(env, port, alice)

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

        # The OpenAPI document, Swagger UI and Redoc
        openapi_checks(env, base)

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

    configuration_checks(env)

    print("%d passed, %d failed" % (checks_run - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
