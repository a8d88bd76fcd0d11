"""Outages, for real: a PostgreSQL cluster and a Redis of the test's own are
stopped and started under a production-configured gunicorn.

The rest of the suite keeps its own database and cache: these servers run on
other ports. Creating a cluster needs root and Debian's postgresql-common
(``pg_createcluster``), as in CI.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.servers import ROOT, free_port, get, gunicorn

pytestmark = pytest.mark.outage


def require(condition, message):
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Postgres:
    """A cluster of its own (``pg_createcluster``) that the test may stop."""

    def __init__(self):
        require(os.geteuid() == 0, "creating a PostgreSQL cluster needs root")
        require(shutil.which("pg_createcluster"), "needs Debian's postgresql-common")
        self.version = sorted(os.listdir("/etc/postgresql"))[-1]
        self.name = f"outage{os.getpid()}"
        self.port = free_port()
        subprocess.run(
            ["pg_createcluster", self.version, self.name, "--port", str(self.port)]
            + ["--", "--auth=trust"],
            check=True,
            capture_output=True,
        )
        self.start()
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
            + ["newsroom"],
            check=True,
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def _ctl(self, action, *extra):
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name]
            + [action, *extra],
            check=True,
            capture_output=True,
        )

    def start(self):
        self._ctl("start")

    def stop(self):
        self._ctl("stop", "-m", "fast")

    def drop(self):
        subprocess.run(
            ["pg_dropcluster", "--stop", self.version, self.name], capture_output=True
        )


class Redis:
    """A redis-server of its own, keeping nothing on disk."""

    def __init__(self):
        require(shutil.which("redis-server"), "redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            if self.keys():
                return
            time.sleep(0.1)

    def keys(self):
        """How many keys it holds, or None while it does not answer."""
        done = subprocess.run(
            ["redis-cli", "-p", str(self.port), "dbsize"],
            capture_output=True,
            text=True,
        )
        return int(done.stdout) if done.stdout.strip().isdigit() else None

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
def servers():
    postgres = Postgres()
    redis = Redis()
    environment = {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": "outage-test-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url,
        "FACTCHECK_PAGE_CACHE_SECONDS": "300",
        "DATABASE_CONNECT_TIMEOUT": "2",
        "STATIC_ROOT": tempfile.mkdtemp(prefix="outage-static-"),
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="outage-media-"),
    }
    manage = [sys.executable, str(Path(ROOT, "manage.py"))]
    for command in (
        ["migrate", "--no-input"],
        ["collectstatic", "--no-input", "--verbosity", "0"],
        ["generate_factchecks", "4"],
    ):
        subprocess.run(
            manage + command,
            env={**os.environ, **environment},
            check=True,
            capture_output=True,
        )
    try:
        with gunicorn(**environment) as app:
            yield app, postgres, redis
    finally:
        redis.stop()
        postgres.drop()


def article_urls(app):
    """The published articles' paths, newest first (one ClaimReview a claim)."""
    status, _headers, body = get(app + "/api/claimreviews.json")
    assert status == 200
    paths = [
        urllib.parse.urlsplit(item["url"]).path for item in json.loads(body)["items"]
    ]
    return list(dict.fromkeys(paths))


def test_without_postgresql_readers_get_cached_pages_and_a_503_otherwise(servers):
    app, postgres, _redis = servers
    cached, uncached, *_ = article_urls(app)
    assert get(app + cached)[0] == 200
    before = get(app + cached)[2]
    postgres.stop()
    try:
        status, _headers, body = get(app + cached)
        assert (status, body) == (200, before)  # from the cache

        for url in [uncached, "/search/?q=inflation", "/admin/login/?next=/admin/"]:
            status, headers, body = get(app + url)
            if status == 200:
                continue  # a page that needs no database
            assert status == 503, url
            assert headers["Retry-After"] == "30"
            assert "no-store" in headers["Cache-Control"]
            assert "We are back in a moment" in body
            assert "Traceback" not in body
        assert get(app + uncached)[0] == 503
    finally:
        postgres.start()

    # Back without a restart: the health check replaces the dead connection.
    for _ in range(50):
        if get(app + uncached)[0] == 200:
            break
        time.sleep(0.2)
    assert get(app + uncached)[0] == 200


def test_without_redis_every_page_renders_and_caching_comes_back(servers):
    app, _postgres, redis = servers
    urls = ["/", *article_urls(app)[:2], "/search/?q=inflation", "/feed/"]
    redis.stop()
    try:
        for url in urls + ["/admin/login/?next=/admin/", "/suggest-a-claim/"]:
            status, _headers, body = get(app + url)
            assert status == 200, (url, body[:300])
    finally:
        redis.start()
    assert redis.keys() == 0

    time.sleep(2.5)  # the app tries Redis again after its retry interval
    for url in urls:
        assert get(app + url)[0] == 200
    assert redis.keys() >= len(urls)  # cached in Redis again
