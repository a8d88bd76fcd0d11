"""Fold load.sh result lines (stdin) into one markdown table row: median and range."""

import statistics
import sys


def main(config, page):
    runs = [
        dict(field.split("=") for field in line.split())
        for line in sys.stdin
        if line.strip()
    ]
    rates = sorted(float(run["req/s"]) for run in runs)

    def median(name):
        values = [float(run[name]) for run in runs if run[name] != "NA"]
        return f"{statistics.median(values):.1f}" if values else "NA"

    errors = sum(int(run["errors"]) for run in runs)
    print(
        f"| {config} | {page} | {statistics.median(rates):,.1f} ({rates[0]:,.1f}-{rates[-1]:,.1f}) "
        f"| {median('p50_ms')} | {median('p99_ms')} | {errors} |"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
