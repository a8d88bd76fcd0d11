"""Real servers for tests that cross process boundaries: gunicorn and nginx.

The live-server fixture runs the app in a thread of the test process; these
start separate processes on the test database, so what they share is what
production shares (the database, the cache, HTTP).
"""

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered at {url}")


def test_database_url():
    """The test database, as a DATABASE_URL another process can open."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    user = connection.settings_dict["USER"] or "postgres"
    host = connection.settings_dict["HOST"] or "127.0.0.1"
    port = connection.settings_dict["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


@contextmanager
def gunicorn(**environment):
    """A gunicorn process serving the app on the test database; yields its URL."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": test_database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
        **environment,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/robots.txt")
        yield url
    finally:
        process.terminate()
        process.wait(10)


def nginx_binary():
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        message = "nginx is not installed (apt install nginx-light)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return binary


@contextmanager
def nginx(upstream):
    """nginx with ``deploy/nginx.conf`` in front of ``upstream``; yields its URL."""
    binary = nginx_binary()
    port = free_port()
    # Run as root, nginx's workers drop to "nobody": the cache must be theirs
    # to write, on a path they can walk.
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-nginx-"))
    workdir.chmod(0o755)
    cache = workdir / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    values = {
        "@LISTEN@": f"127.0.0.1:{port}",
        "@UPSTREAM@": upstream.removeprefix("http://"),
        "@STATIC_ROOT@": str(settings.STATIC_ROOT),
        "@MEDIA_ROOT@": str(settings.MEDIA_ROOT),
        "@CACHE_DIR@": str(cache),
        "@RUN_DIR@": str(workdir),
    }
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for token, value in values.items():
        text = text.replace(token, value)
    conf = workdir / "nginx.conf"
    conf.write_text(text)
    subprocess.run([binary, "-t", "-q", "-c", str(conf)], check=True)
    subprocess.run([binary, "-c", str(conf)], check=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/robots.txt")
        yield url
    finally:
        subprocess.run([binary, "-c", str(conf), "-s", "stop"], check=False)
        shutil.rmtree(workdir, ignore_errors=True)


def get(url, opener=None, headers=None):
    """``(status, headers, body)`` of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=10) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class Browser:
    """A cookie-keeping client that signs in to the admin and posts its forms."""

    def __init__(self, base):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def _token(self, path):
        _status, _headers, body = get(self.base + path, self.opener)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1]

    def post(self, path, data, form_path=None):
        data = {"csrfmiddlewaretoken": self._token(form_path or path), **data}
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.base + (form_path or path)},
        )
        with self.opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()

    def sign_in(self, username, password):
        self.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "next": "/admin/"},
        )
