"""What the benchmarks share: the production-like servers, wrk, and the table.

Every server listens on 127.0.0.1 and every load run is bounded in time; the
load comes from ``../shared/anchors/load.sh`` (wrk), so our figures and the
anchors' are measured the same way.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/newsroom-bench"))
PYTHON = ROOT / ".venv" / "bin" / "python"
PORT = int(os.environ.get("BENCH_PORT", "8005"))
NGINX_PORT = PORT + 1
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def environment(database, **extra):
    """The production settings, on ``database``: DEBUG off, PostgreSQL, Redis."""
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "SECRET_KEY": "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",  # the admin is signed in to over plain HTTP
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(WORK / "static"),
        "VAR_DIR": str(WORK / "var"),
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "DEBUG": "0",
        "REDIS_URL": REDIS_URL,
        **{name: str(value) for name, value in extra.items()},
    }


def manage(database, *args, **extra):
    subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=environment(database, **extra),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def psql(sql, database="postgres"):
    subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", sql, database],
        check=True,
    )


def fresh_database(name):
    psql(f"DROP DATABASE IF EXISTS {name}")
    psql(f"CREATE DATABASE {name}")
    manage(name, "migrate", "--no-input", DEBUG=1)


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered at {url}")


@contextmanager
def gunicorn(database, port=PORT, **extra):
    """Our app under gunicorn (sync workers), as deployed; yields the master's pid."""
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "newsroom.wsgi"]
        + ["--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "warning"],
        cwd=ROOT,
        env=environment(database, **extra),
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/robots.txt")
        yield process.pid
    finally:
        process.terminate()
        process.wait(20)


def worker_rss_mb(master_pid):
    """The resident memory of each gunicorn worker, in MB."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text()
    sizes = []
    for pid in children.split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


@contextmanager
def nginx():
    """``deploy/nginx.conf`` in front of our gunicorn; yields its URL."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    workdir = WORK / "nginx"
    shutil.rmtree(workdir, ignore_errors=True)
    (workdir / "cache").mkdir(parents=True)
    for path in (WORK, workdir, workdir / "cache"):
        path.chmod(0o777)
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for token, value in {
        "@LISTEN@": f"127.0.0.1:{NGINX_PORT}",
        "@UPSTREAM@": f"127.0.0.1:{PORT}",
        "@STATIC_ROOT@": str(WORK / "static"),
        "@MEDIA_ROOT@": str(WORK / "var" / "media"),
        "@CACHE_DIR@": str(workdir / "cache"),
        "@RUN_DIR@": str(workdir),
    }.items():
        text = text.replace(token, value)
    conf = workdir / "nginx.conf"
    conf.write_text(text)
    subprocess.run([binary, "-c", str(conf)], check=True)
    try:
        wait_until_up(f"http://127.0.0.1:{NGINX_PORT}/robots.txt")
        yield f"http://127.0.0.1:{NGINX_PORT}"
    finally:
        subprocess.run([binary, "-c", str(conf), "-s", "stop"], check=False)
        time.sleep(0.5)


class Load:
    """wrk through the anchors' load.sh: ``seconds`` a run, ``runs`` runs, medians.

    Pages compared with each other are measured in turns (``rounds``): one
    run of each, then the next round, so a machine that slows down or
    speeds up during the benchmark (other tenants of a shared host) weighs on
    both sides of a ratio alike, instead of on whichever was measured later.
    """

    def __init__(self, anchors, seconds, connections, runs):
        self.script = Path(anchors) / "load.sh"
        self.seconds, self.connections, self.runs = seconds, connections, runs

    def once(self, url, seconds=None, connections=None):
        out = subprocess.run(
            [
                str(self.script),
                url,
                str(seconds or self.seconds),
                str(connections or self.connections),
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        fields = dict(part.split("=") for part in out.split())
        return {
            "rps": float(fields["req/s"]),
            "p50": float(fields["p50_ms"]) if fields["p50_ms"] != "NA" else None,
            "p99": float(fields["p99_ms"]) if fields["p99_ms"] != "NA" else None,
            "errors": int(fields["errors"]),
        }

    def measure(self, url, connections=None, warmup=5):
        """A warm-up run (discarded), then ``runs`` runs: median figures."""
        return self.rounds({url: url}, connections, warmup)[url]

    def rounds(self, urls, connections=None, warmup=5, log=None):
        """Each of ``urls`` (by name) warmed up, then measured once a round for
        ``runs`` rounds: its median figures, by name."""
        for name, url in urls.items():
            if log:
                log(f"warming up {name}")
            self.once(url, seconds=warmup, connections=connections)
        runs = {name: [] for name in urls}
        for number in range(self.runs):
            for name, url in urls.items():
                if log:
                    log(f"round {number + 1} of {self.runs}: {name}")
                runs[name].append(self.once(url, connections=connections))
        return {name: _median(results) for name, results in runs.items()}


def _median(results):
    rates = [r["rps"] for r in results]
    return {
        "rps": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "p50": statistics.median(r["p50"] for r in results if r["p50"] is not None),
        "p99": statistics.median(r["p99"] for r in results if r["p99"] is not None),
        "errors": sum(r["errors"] for r in results),
    }


def row(*cells):
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def figures(result):
    return (
        f"{result['rps']:,.0f} ({result['min']:,.0f}-{result['max']:,.0f})",
        f"{result['p50']:.1f}",
        f"{result['p99']:.1f}",
        result["errors"],
    )
