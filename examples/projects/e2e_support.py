"""examples/projects/e2e_support.py — what the end-to-end scripts share: a tally of checks, the `projects`
binary run as a command or served by `runserver` on a free loopback port, and one HTTP request over
urllib that returns error statuses instead of raising them."""

import contextlib
import re
import subprocess
import urllib.error
import urllib.request

failures = []
checks_run = 0


def check(condition, what):
    """Prints ok/FAIL and the sentence; the script's exit status comes from report()."""
    global checks_run
    checks_run += 1
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def report():
    """The summary line; 1 when any check failed, else 0."""
    print("%d passed, %d failed" % (checks_run - len(failures), len(failures)))
    return 1 if failures else 0


def http(base, method, path, body=None, headers=None, timeout=10):
    """(status, headers, body bytes) of one request; a 4xx or 5xx is returned, not raised."""
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


class Projects:
    """The `projects` binary at `binary`."""

    def __init__(self, binary):
        self.binary = binary

    def run(self, env, *args):
        return subprocess.run([self.binary, *args], env=env, capture_output=True, text=True, timeout=60)

    def start(self, env, threads=4):
        """`runserver` on a free port: (the process, its base URL "http://127.0.0.1:PORT")."""
        server = subprocess.Popen([self.binary, "runserver", "--port", "0", "--threads", str(threads), "--no-access-log"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        match = re.search(r":(\d+)/", line)
        if not match:
            server.kill()
            raise RuntimeError("runserver did not start: %r %r" % (line, server.stderr.read()))
        return server, "http://127.0.0.1:%s" % match.group(1)

    @staticmethod
    def stop(server):
        """SIGINT, as Ctrl-C; the exit status, or -1 when it had to be killed."""
        server.send_signal(2)
        try:
            return server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            return -1

    @contextlib.contextmanager
    def serving(self, env, threads=1):
        """with projects.serving(env) as base: … — a server for the block."""
        server, base = self.start(env, threads)
        try:
            yield base
        finally:
            self.stop(server)
