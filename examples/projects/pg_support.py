"""examples/projects/pg_support.py — for the end-to-end tests: a fresh PostgreSQL database on the server
named by DRF_TEST_DATABASE_URL (tests/support/with-postgres.sh sets it), created with psql and dropped
afterwards, so each run of the `projects` binary starts from an empty database."""

import os
import subprocess
import uuid


def server_url():
    """The test server's URL, or None when the tests run on SQLite."""
    return os.environ.get("DRF_TEST_DATABASE_URL") or None


def _psql(url, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True, capture_output=True, text=True)


class FreshDatabase:
    """with FreshDatabase(url) as db_url: … — a new database on the server; dropped on exit."""

    def __init__(self, url, prefix="projects"):
        self.server = url
        self.name = "%s_%s" % (prefix, uuid.uuid4().hex[:12])
        self.url = url.rsplit("/", 1)[0] + "/" + self.name

    def __enter__(self):
        _psql(self.server, 'CREATE DATABASE "%s"' % self.name)
        return self.url

    def __exit__(self, *exc):
        _psql(self.server, 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % self.name)
        return False
