#!/usr/bin/env python3
"""examples/projects/cors_test.py — CORS on the real `projects` binary, over HTTP on a free loopback port
with a fresh SQLite database: the preflight, a request from the allowed origin and from another one, as
django-cors-headers answers them, and PROJECTS_CORS_ALLOWED_ORIGINS replacing the default origin.
Usage: cors_test.py PATH_TO_PROJECTS_BINARY"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_support import Projects, check, http, report  # noqa: E402

projects = Projects(sys.argv[1])

DEFAULT_ALLOW_HEADERS = ("accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, "
                         "x-csrftoken, x-requested-with")
DEFAULT_ALLOW_METHODS = "DELETE, GET, OPTIONS, PATCH, POST, PUT"


def request(base, method, path, headers):
    """(status, headers, body bytes) of one request with these header fields."""
    return http(base, method, path, headers=headers)


def cors_headers(headers):
    return {k: v for k, v in headers.items() if k.lower().startswith("access-control-")}


def default_origin_checks(env, token):
    with projects.serving(env) as base:
        origin = "http://localhost:3000"
        status, headers, body = request(base, "OPTIONS", "/api/projects/",
                                        {"Origin": origin, "Access-Control-Request-Method": "POST",
                                         "Access-Control-Request-Headers": "authorization, content-type"})
        check(status == 200 and body == b"" and headers.get("Content-Length") == "0",
              "a preflight from the default origin is 200 with an empty body, before authentication")
        check(cors_headers(headers) == {"Access-Control-Allow-Origin": origin,
                                        "Access-Control-Allow-Headers": DEFAULT_ALLOW_HEADERS,
                                        "Access-Control-Allow-Methods": DEFAULT_ALLOW_METHODS,
                                        "Access-Control-Max-Age": "86400"} and headers.get("Vary") == "Origin",
              "the preflight has django-cors-headers' default headers, methods and max age, and Vary: Origin")

        status, headers, _ = request(base, "GET", "/api/projects/", {"Origin": origin, "Authorization": "Token " + token})
        check(status == 200 and cors_headers(headers) == {"Access-Control-Allow-Origin": origin}
              and headers.get("Vary") == "Origin", "a GET from the allowed origin gets Access-Control-Allow-Origin")

        status, headers, _ = request(base, "GET", "/api/projects/", {"Origin": origin})
        check(status == 401 and headers.get("Access-Control-Allow-Origin") == origin,
              "the 401 of an anonymous GET has the CORS headers too, so the page can read it")

        status, headers, _ = request(base, "GET", "/api/projects/",
                                     {"Origin": "https://evil.example", "Authorization": "Token " + token})
        check(status == 200 and cors_headers(headers) == {} and headers.get("Vary") == "Origin",
              "a GET from another origin gets no CORS headers, only Vary: Origin")

        status, headers, _ = request(base, "GET", "/api/projects/", {"Authorization": "Token " + token})
        check(status == 200 and cors_headers(headers) == {} and headers.get("Vary") == "Origin",
              "a GET without an Origin gets Vary: Origin, as django-cors-headers adds it")

        status, headers, _ = request(base, "OPTIONS", "/api/projects/",
                                     {"Origin": origin, "Access-Control-Request-Method": "GET", "Host": "evil.example"})
        check(status == 400 and cors_headers(headers) == {}, "a preflight with a Host not allowed is 400 without CORS")


def override_checks(env, token):
    allowed = "https://app.example"
    with projects.serving(dict(env, PROJECTS_CORS_ALLOWED_ORIGINS=" https://admin.example, %s " % allowed)) as base:
        status, headers, _ = request(base, "GET", "/api/projects/", {"Origin": allowed, "Authorization": "Token " + token})
        check(status == 200 and headers.get("Access-Control-Allow-Origin") == allowed,
              "PROJECTS_CORS_ALLOWED_ORIGINS lists the origins allowed")
        status, headers, _ = request(base, "GET", "/api/projects/",
                                     {"Origin": "http://localhost:3000", "Authorization": "Token " + token})
        check(status == 200 and "Access-Control-Allow-Origin" not in headers,
              "PROJECTS_CORS_ALLOWED_ORIGINS replaces the default http://localhost:3000")


def got(out, expected):
    return "" if out.returncode == 1 and out.stderr == expected else " (got %d %r)" % (out.returncode, out.stderr)


def configuration_checks(env):
    out = projects.run(dict(env, PROJECTS_CORS_ALLOWED_ORIGINS="https://app.example, example.com"), "showmigrations")
    expected = ("ImproperlyConfigured: PROJECTS_CORS_ALLOWED_ORIGINS: (corsheaders.E013) Origin 'example.com' in "
                "CORS_ALLOWED_ORIGINS is missing scheme or netloc (Add a scheme (e.g. https://) or netloc (e.g. "
                "example.com).)\n")
    check(out.returncode == 1 and out.stderr == expected,
          "an origin without a scheme stops the service with django-cors-headers' message" + got(out, expected))
    out = projects.run(dict(env, PROJECTS_CORS_ALLOWED_ORIGINS="https://app.example/"), "showmigrations")
    expected = ("ImproperlyConfigured: PROJECTS_CORS_ALLOWED_ORIGINS: (corsheaders.E014) Origin "
                "'https://app.example/' in CORS_ALLOWED_ORIGINS should not have path\n")
    check(out.returncode == 1 and out.stderr == expected, "an origin with a path is refused" + got(out, expected))


def main():
    workdir = tempfile.mkdtemp(prefix="projects-cors-")
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PROJECTS_")}
        env["PROJECTS_DB"] = os.path.join(workdir, "projects.sqlite3")
        out = projects.run(env, "migrate")
        check(out.returncode == 0, "migrate")
        token = projects.run(env, "createuser", "--username", "alice").stdout.strip().splitlines()[-1]
        check(len(token) == 40, "createuser prints a token")
        default_origin_checks(env, token)
        override_checks(env, token)
        configuration_checks(env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return report()


if __name__ == "__main__":
    sys.exit(main())
