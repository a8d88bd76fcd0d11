"""The benchmark: our reader pages against the anchors, on one machine, in one run.

1. Rebuilds the anchors (``../shared/anchors``: Wagtail, bare Django, nginx
   serving the page as a file).
2. Builds our database: the demo newsroom plus N synthetic fact-checks.
3. Starts the anchors and ours side by side and measures every page in
   rounds, one run of each a round (``Load.rounds``), so the pages a ratio
   compares were measured over the same minutes: the anchors; our article,
   home and search pages under gunicorn (2 sync workers, DEBUG off,
   PostgreSQL, Redis) uncached (page cache off), from the app's cache
   (Redis), and through ``deploy/nginx.conf``; and our ``/robots.txt`` as
   the floor of a request through Django.
4. The publish burst: the article under 16 connections, steady, then while
   it is published ten times in 20 seconds.
5. Prints one markdown table and the ratios the issue asks for, and the
   workers' memory after the run.

    bench/run.sh [--seconds 10] [--connections 32] [--runs 3] [--synthetic 1000]

Nothing but 127.0.0.1 is loaded; everything built is under /tmp.
"""

import argparse
import shutil
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from common import (
    NGINX_PORT,
    PORT,
    PYTHON,
    ROOT,
    WORK,
    WORKERS,
    Load,
    environment,
    figures,
    fresh_database,
    gunicorn,
    log,
    manage,
    nginx,
    row,
    worker_rss_mb,
)

DATABASE = "bench_newsroom"
#: Our app with its page cache off, beside the cached one on ``PORT``.
UNCACHED_PORT = NGINX_PORT + 1
ARTICLE = "/fact-checks/ketamine-depression-treatment-resistant/"
PAGES = {"article": ARTICLE, "home": "/", "search": "/search/?q=ketamine"}


#: The anchors: how each is served (``serve.sh``'s arguments) and its page.
ANCHORS = {
    "nginx static file": (["c"], "http://127.0.0.1:8003/fact-checks/ketamine-depression-claim/"),
    "Wagtail, uncached": (["a", "sync", "2"], "http://127.0.0.1:8001/ketamine-depression-claim/"),
    "bare Django, 1 row": (["b", "sync", "2"], "http://127.0.0.1:8002/fact-checks/ketamine-depression-claim/"),
}  # fmt: skip


def build_anchors(source):
    """Rebuild the anchors (Wagtail, bare Django, nginx's file) under /tmp."""
    folder = WORK / "anchors"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(source, folder)
    for script in ("setup_system.sh", "build_a_wagtail.sh", "build_b_django.sh",
                   "build_c_nginx.sh"):  # fmt: skip
        log(f"anchors: {script}")
        subprocess.run([str(folder / "anchors" / script)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip


@contextmanager
def anchors_up():
    """The anchors' servers, all up at once (idle ones cost no CPU)."""
    scripts = WORK / "anchors" / "anchors"
    started = []
    try:
        for how, _url in ANCHORS.values():
            subprocess.run([str(scripts / "serve.sh"), *how], check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            started.append(how[0])
        yield
    finally:
        for name in started:
            subprocess.run([str(scripts / "stop.sh"), name], check=False,
                           stdout=subprocess.DEVNULL)  # fmt: skip


def build(synthetic):
    log(f"building {DATABASE}: demo + {synthetic} synthetic fact-checks")
    fresh_database(DATABASE)
    manage(DATABASE, "load_demo", DEBUG=1)
    if synthetic:
        manage(DATABASE, "generate_factchecks", str(synthetic), DEBUG=1)
    manage(DATABASE, "collectstatic", "--no-input")


def measure_all(load):
    """Every page, anchors and ours, with all their servers up, in rounds.

    Ours run twice: uncached (page cache off) on ``UNCACHED_PORT``, and with
    the Redis page cache on ``PORT``, behind ``deploy/nginx.conf``.
    """
    cached, uncached = f"http://127.0.0.1:{PORT}", f"http://127.0.0.1:{UNCACHED_PORT}"
    with (
        anchors_up(),
        gunicorn(DATABASE, port=UNCACHED_PORT, FACTCHECK_PAGE_CACHE_SECONDS=0),
        gunicorn(DATABASE, FACTCHECK_PAGE_CACHE_SECONDS=300),
        nginx() as edge,
    ):
        # The same bytes as a file, from the same nginx: the ceiling the
        # micro-cache is measured against.
        copy = WORK / "static" / "bench" / "article.html"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(urllib.request.urlopen(cached + ARTICLE).read())
        urls = {(f"anchor: {name}", ""): url for name, (_how, url) in ANCHORS.items()}
        for config, base in [("uncached", uncached), ("app cache (Redis)", cached)]:
            for name, path in [*PAGES.items(), ("robots.txt", "/robots.txt")]:
                urls[(name, config)] = base + path
        for name, path in PAGES.items():
            urls[(name, "nginx micro-cache")] = edge + path
        urls[("article as a file", "same nginx")] = edge + "/static/bench/article.html"
        return load.rounds(urls, log=lambda text: log("measuring", text))


def burst(load, seconds=20, rounds=10):
    """The article at 16 connections, steady and while published 10 times."""
    url = f"http://127.0.0.1:{PORT}{ARTICLE}"
    with gunicorn(DATABASE, FACTCHECK_PAGE_CACHE_SECONDS=300) as master:
        load.once(url, seconds=5, connections=16)
        steady = load.once(url, seconds=seconds, connections=16)
        publisher = subprocess.Popen(
            [str(PYTHON), "bench/burst.py", str(rounds), str(seconds / rounds)],
            cwd=ROOT,
            env=environment(DATABASE),
        )
        during = load.once(url, seconds=seconds, connections=16)
        publisher.wait(60)
        rss = worker_rss_mb(master)
    return steady, during, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=1000)
    parser.add_argument("--anchors", default=str(ROOT.parent / "shared" / "anchors"))
    parser.add_argument("--reuse-anchors", action="store_true",
                        help="measure the anchors already built under /tmp")  # fmt: skip
    parser.add_argument("--reuse-database", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    load = Load(args.anchors, args.seconds, args.connections, args.runs)

    if not args.reuse_anchors or not (WORK / "anchors").exists():
        build_anchors(Path(args.anchors))
    if not args.reuse_database:
        build(args.synthetic)
    results = measure_all(load)
    steady, during, rss = burst(load)

    print(f"\nMeasured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
          f"gunicorn {WORKERS} sync workers, DEBUG off, PostgreSQL, Redis; wrk "
          f"{args.connections} connections, {args.runs} runs of {args.seconds} s, "
          f"median (min-max), every page once a round; demo + {args.synthetic} "
          "synthetic fact-checks.\n")  # fmt: skip
    print(row("page", "config", "req/s", "p50 ms", "p99 ms", "errors"))
    print(row(*["---"] * 6))
    for (name, config), result in results.items():
        print(row(name, config, *figures(result)))
    print(row("article, publish burst", "steady, 16 connections",
              f"{steady['rps']:,.0f}", f"{steady['p50']:.1f}", f"{steady['p99']:.1f}",
              steady["errors"]))  # fmt: skip
    print(row("article, publish burst", "10 publications in 20 s",
              f"{during['rps']:,.0f}", f"{during['p50']:.1f}", f"{during['p99']:.1f}",
              during["errors"]))  # fmt: skip

    def rate(name, config=""):
        return results[(name, config)]["rps"]

    static = rate("article as a file", "same nginx")
    print("\nRatios:")
    for text, value, target in [
        ("uncached article / Wagtail uncached", rate("article", "uncached") / rate("anchor: Wagtail, uncached"), ">= 2"),
        ("uncached article / bare Django", rate("article", "uncached") / rate("anchor: bare Django, 1 row"), ">= 0.5"),
        ("Redis-cached article / our robots.txt", rate("article", "app cache (Redis)") / rate("robots.txt", "app cache (Redis)"), ">= 0.8"),
        ("article through nginx / the same bytes as a file, same nginx", rate("article", "nginx micro-cache") / static, ">= 0.8"),
        ("article through nginx / the anchor's 9.5 KB static file", rate("article", "nginx micro-cache") / rate("anchor: nginx static file"), "for scale"),
        ("burst p99 / steady p99", during["p99"] / steady["p99"], "<= 3"),
        ("burst req/s / steady req/s", during["rps"] / steady["rps"], ">= 0.7"),
    ]:  # fmt: skip
        print(f"- {text}: {value:.2f} (target {target})")
    print(
        f"\nGunicorn workers' RSS after the burst: {', '.join(f'{mb:.0f} MB' for mb in rss)}"
    )
    print(f"(app on :{PORT}, nginx on :{NGINX_PORT})")


if __name__ == "__main__":
    main()
