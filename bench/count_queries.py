"""Print the SQL queries each reader page makes, first view and a later view.

Run by bench/run.sh with the benchmark's environment; pass URL paths.
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(paths):
    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths:
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                status = client.get(path).status_code
            counts.append(len(queries))
        print(
            f"{path}: HTTP {status}, {counts[0]} queries first view, {counts[1]} later"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
