"""Background jobs: the work a request must never wait for.

Jobs go through Django's tasks framework into django-tasks-db's queue, a
table in the project's own database, with and without Redis. A job is a row
written in the same transaction as the change that causes it: it exists if and
only if the change committed, and an outage of Redis or of the mail server
loses nothing. One or more ``manage.py db_worker`` processes, on any machine
that reaches the database, run the jobs (``make run`` starts one).

A job that fails is retried later (RETRY_DELAYS); each attempt is kept in the
results table, so an editor can see what failed and why.
"""

import datetime
import logging

from django.core.mail import EmailMessage, mailers
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

#: Seconds before each retry of a failed job: 1 minute, 5, 30, then 2 hours.
RETRY_DELAYS = (60, 300, 1800, 7200)


def retry_later(job, attempt, **kwargs):
    """Queue ``job`` again after the attempt-th delay; False when none is left."""
    if attempt > len(RETRY_DELAYS):
        return False
    run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    job.using(run_after=run_after).enqueue(attempt=attempt + 1, **kwargs)
    return True


@task
def send_email(*, to, subject, body, attempt=1):
    """Send one message; on failure queue it again, and record the failure."""
    try:
        mailers.default.send_messages([EmailMessage(subject, body, to=[to])])
    except Exception:
        if not retry_later(send_email, attempt, to=to, subject=subject, body=body):
            logger.exception("Gave up sending %r to %s", subject, to)
        raise
