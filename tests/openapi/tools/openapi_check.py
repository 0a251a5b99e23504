#!/usr/bin/env python3
"""tests/openapi/tools/openapi_check.py — the example service's OpenAPI document checked by tools outside
drf, installed by scripts/openapi-tools.sh (pinned in package-lock.json beside this file):

  openapi_check.py lint PROJECTS_BINARY
      `projects generateschema --file` and @redocly/cli lint (redocly.yaml's rules): zero errors.
  openapi_check.py browser PROJECTS_BINARY
      the service started with PROJECTS_OPENAPI_ASSETS at the installed swagger-ui-dist and redoc, its
      /api/docs/ and /api/redoc/ opened in headless chromium (browser_check.cjs). With
      DRF_OPENAPI_SCREENSHOTS=DIR the pages' screenshots are written there (docs/images to refresh the
      committed ones); without it none is written.
"""

import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def tools_dir():
    out = subprocess.run([os.path.join(ROOT, "scripts", "openapi-tools.sh")], capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    if out.returncode != 0:
        raise SystemExit("scripts/openapi-tools.sh failed (exit %d)" % out.returncode)
    return out.stdout.strip().splitlines()[-1]


def service_env(workdir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROJECTS_")}
    env["PROJECTS_DB"] = os.path.join(workdir, "projects.sqlite3")
    return env


def run(binary, env, *args):
    out = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit("projects %s failed (exit %d): %s" % (" ".join(args), out.returncode, out.stderr))
    return out.stdout


def scratch_dir(prefix):
    """A temporary directory, removed when the check ends, whatever its result."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def lint(binary):
    tools = tools_dir()
    workdir = scratch_dir("projects-openapi-lint-")
    document = os.path.join(workdir, "openapi.json")
    run(binary, service_env(workdir), "generateschema", "--file", document)
    env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true", NO_COLOR="1")
    out = subprocess.run(["node", os.path.join(tools, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint",
                          "--config", os.path.join(HERE, "redocly.yaml"), "--format", "stylish", document],
                         env=env, capture_output=True, text=True, timeout=120)
    print(out.stdout + out.stderr)
    ok = out.returncode == 0 and "Your API description is valid" in out.stdout + out.stderr
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


def browser(binary):
    tools = tools_dir()
    workdir = scratch_dir("projects-openapi-browser-")
    env = service_env(workdir)
    env["PROJECTS_OPENAPI_ASSETS"] = os.path.join(tools, "node_modules")
    run(binary, env, "migrate")
    staff = run(binary, env, "createuser", "--username", "root", "--staff").strip().splitlines()[-1]
    server = subprocess.Popen([binary, "runserver", "--port", "0", "--threads", "2", "--no-access-log"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r":(\d+)/", line)
        if not match:
            raise SystemExit("runserver did not start: %r %r" % (line, server.stderr.read()))
        base = "http://127.0.0.1:%s" % match.group(1)
        # Something for the announcements list to show when the page tries it.
        for title, body in (("Welcome", "The projects service is open."), ("Maintenance", "Saturday, 02:00 UTC.")):
            req = urllib.request.Request(base + "/api/announcements/", method="POST",
                                         data=json.dumps({"title": title, "body": body}).encode(),
                                         headers={"Content-Type": "application/json", "Authorization": "Token " + staff})
            urllib.request.urlopen(req, timeout=10).read()
        screenshots = os.environ.get("DRF_OPENAPI_SCREENSHOTS", "")
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
        node_env = dict(os.environ, NODE_PATH=os.path.join(tools, "node_modules"))
        args = ["node", os.path.join(HERE, "browser_check.cjs"), base] + ([os.path.abspath(screenshots)] if screenshots else [])
        return subprocess.run(args, env=node_env, timeout=240).returncode
    finally:
        server.send_signal(2)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("lint", "browser"):
        raise SystemExit("usage: openapi_check.py lint|browser PROJECTS_BINARY")
    sys.exit(lint(sys.argv[2]) if sys.argv[1] == "lint" else browser(sys.argv[2]))
