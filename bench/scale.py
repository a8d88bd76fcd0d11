"""The scale benchmark: every public page with 100,000 published fact-checks.

Builds (or reuses) a database with the demo newsroom and N synthetic
fact-checks (``generate_factchecks``, timed), then measures each page
uncached (page cache off) under gunicorn at 4 connections, with the admin's
fact-check list and change form signed in, and prints each p99 against its
target and the workers' memory after the run.

    bench/scale.sh [--synthetic 100000] [--seconds 10] [--reuse-database]
"""

import argparse
import http.cookiejar
import re
import subprocess
import time
import urllib.parse
import urllib.request

from common import (
    PORT,
    PYTHON,
    ROOT,
    WORK,
    WORKERS,
    Load,
    environment,
    fresh_database,
    gunicorn,
    log,
    manage,
    row,
    worker_rss_mb,
)

DATABASE = "bench_scale"


def build(synthetic):
    log(f"building {DATABASE}: demo + {synthetic} synthetic fact-checks")
    fresh_database(DATABASE)
    manage(DATABASE, "load_demo", DEBUG=1)
    started = time.monotonic()
    manage(DATABASE, "generate_factchecks", str(synthetic), DEBUG=1)
    return time.monotonic() - started


def shell(code):
    """Run ``code`` in the app's shell on the benchmark database; its output."""
    return subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment(DATABASE),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def urls():
    """The pages to measure, found in the database: deep positions, a topic,
    the claimant with the most claims..."""
    found = shell(
        "from factcheck.models import *\n"
        "from factcheck import pagination, synthetic\n"
        "from django.db.models import Count\n"
        "live = FactCheck.objects.published().order_by('-first_published_at', '-pk')\n"
        "print(pagination.cursor(live[10000]))\n"
        "print(Topic.objects.annotate(n=Count('factchecks')).order_by('-n')[0].slug)\n"
        "print(AuthorProfile.objects.filter(slug__startswith='synthetic-journalist')[0].slug)\n"
        "month = live[50000].first_published_at\n"
        "print(f'{month:%Y-%m}')\n"
        "print(live[20000].pk)\n"
        "print(Claimant.objects.annotate(n=Count('claims')).order_by('-n')[0].slug)\n"
    ).splitlines()
    deep, topic, author, month, article_id, claimant = found[-6:]
    return {
        "home": "/",
        "archive page 500": f"/?before={deep}",
        "a topic": f"/topics/{topic}/",
        "a rating": "/ratings/false/",
        "an author": f"/authors/{author}/",
        "a claimant": f"/claimants/{claimant}/",
        "sitemap index": "/sitemap.xml",
        "sitemap, the site's pages": "/sitemap-site.xml",
        "sitemap, staff pages": "/sitemap-authors.xml",
        "sitemap, a month": f"/sitemap-{month}.xml",
        "RSS feed": "/feed/",
        "a topic's Atom feed": f"/topics/{topic}/feed/atom/",
        "partners' feed, deep": f"/api/claimreviews.json?before={deep}",
        "search, rare word": "/search/?q=zanzibar",
        "search, word in a fifth": "/search/?q=inflation",
    }, article_id


TARGETS = {"search, word in a fifth": 150}


def admin_cookie(base):
    """Sign in to the admin as the demo's editor; the session cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/admin/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "editor", "password": "editor"}
    ).encode()
    request = urllib.request.Request(
        base + "/admin/login/?next=/admin/", data=data,
        headers={"Referer": base + "/admin/login/"},
    )  # fmt: skip
    opener.open(request)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def timed_admin(base, cookie, path, times=20):
    """p50 and p99 of ``times`` signed-in GETs of an admin page, one at a time."""
    took = []
    for _ in range(times + 2):
        started = time.monotonic()
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        urllib.request.urlopen(request, timeout=30).read()
        took.append((time.monotonic() - started) * 1000)
    took = sorted(took[2:])
    return took[len(took) // 2], took[int(len(took) * 0.99) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--anchors", default=str(ROOT.parent / "shared" / "anchors"))
    parser.add_argument("--reuse-database", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    load = Load(args.anchors, args.seconds, args.connections, args.runs)
    took = None if args.reuse_database else build(args.synthetic)
    # Always: a reused database's static files may predate the code's.
    manage(DATABASE, "collectstatic", "--no-input")
    pages, article_id = urls()
    base = f"http://127.0.0.1:{PORT}"
    with gunicorn(DATABASE, FACTCHECK_PAGE_CACHE_SECONDS=0) as master:
        results = load.rounds(
            {name: base + path for name, path in pages.items()},
            warmup=3,
            log=lambda text: log("measuring", text),
        )
        cookie = admin_cookie(base)
        admin = {
            "admin: fact-check list": timed_admin(
                base, cookie, "/admin/factcheck/factcheck/"
            ),
            "admin: change form": timed_admin(
                base, cookie, f"/admin/factcheck/factcheck/{article_id}/change/"
            ),
        }
        rss = worker_rss_mb(master)

    print(f"\nMeasured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
          f"{args.synthetic:,} synthetic fact-checks + the demo, page cache off, "
          f"gunicorn {WORKERS} sync workers, PostgreSQL; wrk {args.connections} "
          f"connections, {args.runs} runs of {args.seconds} s after a warm-up, "
          "median.")  # fmt: skip
    if took is not None:
        print(f"generate_factchecks {args.synthetic}: {took:.0f} s")
    print()
    print(row("page", "req/s", "p50 ms", "p99 ms", "target p99 ms", "errors"))
    print(row(*["---"] * 6))
    for name, result in results.items():
        target = TARGETS.get(name, 50)
        verdict = "ok" if result["p99"] < target else "MISSED"
        print(row(name, f"{result['rps']:,.0f}", f"{result['p50']:.1f}",
                  f"{result['p99']:.1f}", f"< {target} ({verdict})", result["errors"]))  # fmt: skip
    for name, (p50, p99) in admin.items():
        verdict = "ok" if p99 < 300 else "MISSED"
        print(row(name, "one at a time", f"{p50:.0f}", f"{p99:.0f}",
                  f"< 300 ({verdict})", 0))  # fmt: skip
    print(
        f"\nGunicorn workers' RSS after the run: {', '.join(f'{mb:.0f} MB' for mb in rss)}"
    )


if __name__ == "__main__":
    main()
