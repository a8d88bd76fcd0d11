"""Publish the demo's ketamine fact-check again and again, as a desk on a busy day.

Each round opens a revision of the live article, submits it and publishes it
over the original through the workflow: the article's page, and every list
showing it, are dropped from the reader cache each time. Run by
``bench/run.py`` during a load run: ``burst.py ROUNDS SECONDS_BETWEEN``.
"""

import os
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from factcheck import notifications, workflow  # noqa: E402
from factcheck.models import FactCheck  # noqa: E402

SLUG = "ketamine-depression-treatment-resistant"


def main(rounds, pause):
    users = get_user_model().objects
    journalist, editor = users.get(username="journalist"), users.get(username="editor")
    with notifications.muted():
        for _ in range(rounds):
            started = time.monotonic()
            live = FactCheck.objects.get(slug=SLUG)
            revision = workflow.start_revision(live, journalist)
            workflow.submit_for_review(revision, journalist)
            # Nothing readers need told: a minor change, published at once.
            workflow.publish(
                FactCheck.objects.get(pk=revision.pk), editor, change_class="minor"
            )
            time.sleep(max(0, pause - (time.monotonic() - started)))


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]))
