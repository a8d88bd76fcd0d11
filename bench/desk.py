"""An editor's busy minute, through the workflow: ``desk.py SECONDS RECORD``.

Round after round until SECONDS are up: publish a revision of the demo's
ketamine fact-check over the live one, correct it, and take another article
off the site and put it back. Every step is written to RECORD (JSON) as it
commits, so ``bench/publish_load.py`` can check afterwards that none was lost.
Run by ``bench/publish_load.py`` while wrk loads the site.
"""

import json
import os
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from factcheck import editing, notifications, workflow  # noqa: E402
from factcheck.models import Correction, FactCheck  # noqa: E402

HOT = "ketamine-depression-treatment-resistant"


def main(seconds, record):
    users = get_user_model().objects
    journalist, editor = users.get(username="journalist"), users.get(username="editor")
    other = (
        FactCheck.objects.published()
        .authored_by(journalist)
        .exclude(slug=HOT)
        .order_by("pk")
        .first()
    )
    steps = []
    deadline = time.monotonic() + seconds
    with notifications.muted():
        while time.monotonic() < deadline:
            number = len(steps)
            revision = workflow.start_revision(
                FactCheck.objects.get(slug=HOT), journalist
            )
            workflow.submit_for_review(revision, journalist)
            workflow.publish(
                FactCheck.objects.get(pk=revision.pk), editor, change_class="minor"
            )
            steps.append({"step": "publish", "slug": HOT})
            text = f"Load-test correction {number}: a figure was restated."
            editing.issue_correction(
                factcheck=FactCheck.objects.get(slug=HOT),
                user=editor,
                kind=Correction.Kind.CORRECTION,
                text=text,
            )
            steps.append({"step": "correct", "slug": HOT, "text": text})
            workflow.unpublish(
                other, editor, note=f"Load test {number}: checking a source."
            )
            steps.append({"step": "unpublish", "slug": other.slug})
            other = workflow.submit_for_review(
                FactCheck.objects.get(pk=other.pk), journalist
            )
            other = workflow.publish(other, editor)
            steps.append({"step": "publish", "slug": other.slug})
            with open(record, "w") as out:
                json.dump(steps, out)
            time.sleep(0.5)


if __name__ == "__main__":
    main(float(sys.argv[1]), sys.argv[2])
