"""A minute of load while an editor publishes: nothing lost, no error, p99.

``bench/publish_load.sh [--seconds 60] [--connections 64]``: the production
setup of bench/run.py (gunicorn, DEBUG off, PostgreSQL, Redis, on the
benchmark database) takes wrk on the article, home and search pages at once
(half the connections on the article, a quarter on each of the others) while
``bench/desk.py`` publishes revisions, issues corrections and unpublishes and
republishes an article through the workflow. Afterwards every step the desk
recorded is checked in the database and on the site, uncached and cached.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import django
from common import PORT, PYTHON, ROOT, WORK, Load, environment, gunicorn, log, row
from run import DATABASE, PAGES, build

# The checks afterwards read the benchmark database with the production settings.
os.environ.update(environment(DATABASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
sys.path.insert(0, str(ROOT))
django.setup()

from factcheck.models import Correction, FactCheck, TransitionLog  # noqa: E402


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def check(steps, base):
    """Each recorded step, in the database and on the site; what was lost."""
    lost = []
    publishes = [step for step in steps if step["step"] == "publish"]
    logged = TransitionLog.objects.filter(action="publish").count()
    if logged < len(publishes):
        lost.append(f"{len(publishes)} publications recorded, {logged} logged")
    for step in steps:
        if (
            step["step"] == "correct"
            and not Correction.objects.filter(
                factcheck__slug=step["slug"], text=step["text"]
            ).exists()
        ):
            lost.append(f"correction missing: {step['text']}")
    final = {step["slug"]: step["step"] for step in steps}
    for slug, step in final.items():
        article = FactCheck.objects.get(slug=slug)
        status, _body = fetch(base + article.get_absolute_url())
        expected = 404 if step == "unpublish" else 200
        if status != expected:
            lost.append(f"{slug}: {status} after {step}, expected {expected}")
    _status, page = fetch(base + PAGES["article"])
    for step in steps:
        if step["step"] == "correct" and step["text"] not in page:
            lost.append(f"correction not on the page: {step['text']}")
    return lost


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--synthetic", type=int, default=1000)
    parser.add_argument("--anchors", default=str(ROOT.parent / "shared" / "anchors"))
    parser.add_argument("--reuse-database", action="store_true")
    args = parser.parse_args()
    if not args.reuse_database:
        build(args.synthetic)
    load = Load(args.anchors, args.seconds, args.connections, 1)
    base = f"http://127.0.0.1:{PORT}"
    shares = {"article": 2, "home": 1, "search": 1}
    record = WORK / "desk-steps.json"
    record.unlink(missing_ok=True)
    with gunicorn(DATABASE, FACTCHECK_PAGE_CACHE_SECONDS=300):
        log(f"{args.seconds} s of load at {args.connections} connections, publishing")
        desk = subprocess.Popen(
            [str(PYTHON), "bench/desk.py", str(args.seconds), str(record)],
            cwd=ROOT,
            env=environment(DATABASE),
        )
        with ThreadPoolExecutor(len(PAGES)) as pool:
            runs = {
                name: pool.submit(
                    load.once,
                    base + path,
                    seconds=args.seconds,
                    connections=args.connections * shares[name] // 4,
                )
                for name, path in PAGES.items()
            }
            results = {name: run.result() for name, run in runs.items()}
        desk_failed = desk.wait(120)
        steps = json.loads(record.read_text()) if record.exists() else []
        lost = check(steps, base)
    print(f"\n{args.seconds} s, {args.connections} connections, while the desk "
          f"published, corrected and unpublished ({len(steps)} steps):\n")  # fmt: skip
    print(row("page", "connections", "req/s", "p50 ms", "p99 ms", "errors"))
    print(row("---", "---", "---", "---", "---", "---"))
    for name, result in results.items():
        print(row(name, args.connections * shares[name] // 4, f"{result['rps']:,.0f}",
                  f"{result['p50']:.1f}", f"{result['p99']:.1f}", result["errors"]))  # fmt: skip
    errors = sum(result["errors"] for result in results.values())
    print(f"\nerrors: {errors}; desk exit status: {desk_failed}; "
          f"lost writes: {len(lost)}")  # fmt: skip
    for line in lost:
        print("  lost:", line)
    sys.exit(1 if errors or lost or desk_failed or not steps else 0)


if __name__ == "__main__":
    main()
