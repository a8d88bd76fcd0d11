"""The evidence locker: our own copy of every source a fact-check links to.

When a source with a URL is added (``sources_added``), and again when its
article is published (``published``), a background job (``snapshot``)
fetches the address through ``fetching`` and keeps what it served: the bytes,
their content type and SHA-256, and when. Readers get an "archived copy"
link beside the source, served from the newsroom's own storage by
``views.archive``, so the evidence stays readable if the page changes or
goes. ``recheck`` (``manage.py check_sources``, from cron) fetches the
sources of published articles again and records whether the page changed or
disappeared since it was archived; editors see it on the article's form and
in the admin's list of snapshots. The archived copy itself is not replaced
by a re-check: readers keep the page the article relied on.

The jobs are rows written in the transaction of the change that causes them
(``factcheck.jobs``): a save never waits on the network, and a fetch that
fails is recorded for editors, never raised into anyone's request. Only
timeouts and broken connections are retried (``jobs.retry_later``); a
refused address, a 404 or a page too large would fail the same way again.

The bytes are stored once per content, under their hash, in
``STORAGES["private"]``: not under ``MEDIA_URL``, where anyone who computed a
page's hash could ask whether a draft cites it, and where an archived page's
scripts would run on the newsroom's origin.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from . import fetching, jobs, notifications
from .models import FactCheck, Source, SourceSnapshot
from .models.querysets import visible_to_readers

logger = logging.getLogger(__name__)

Outcome = SourceSnapshot.Outcome
#: Statuses that say the page is no more.
GONE_STATUSES = {404, 410}
#: Statuses worth asking again later: the server is busy or down for now.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}


def storage():
    return storages["private"]


def _on():
    # The demo's history is loaded offline (``notifications.muted``).
    return settings.FACTCHECK_ARCHIVE_SOURCES and not notifications.is_muted()


def sources_added(sources):
    """``sources`` were added, or their URLs changed: archive each address."""
    if _on():
        for pair in {(s.factcheck_id, s.url) for s in sources if s.url}:
            _later(*pair)


def published(factcheck):
    """``factcheck`` went out (or was scheduled): archive its sources as they are now."""
    if _on():
        for url in set(
            Source.objects.filter(factcheck=factcheck)
            .exclude(url="")
            .values_list("url", flat=True)
        ):
            _later(factcheck.pk, url)


def recheck(older_than):
    """Queue a re-check of each published source not fetched for ``older_than``.

    Returns how many were queued.
    """
    recent = SourceSnapshot.objects.filter(
        factcheck=OuterRef("factcheck_id"),
        url=OuterRef("url"),
        fetched_at__gte=timezone.now() - older_than,
    )
    due = (
        Source.objects.filter(visible_to_readers("factcheck__"))
        .exclude(url="")
        .exclude(Exists(recent))
        .order_by()
        .values_list("factcheck_id", "url")
        .distinct()
    )
    if not _on():
        return 0
    queued = 0
    for factcheck_id, url in due.iterator():
        _later(factcheck_id, url, recheck=True)
        queued += 1
    return queued


def _later(factcheck_id, url, recheck=False):
    snapshot.enqueue(factcheck_id=factcheck_id, url=url, recheck=recheck)


@task
def snapshot(*, factcheck_id, url, recheck=False, attempt=1):
    """Fetch ``url`` for the fact-check and record what it served, or why not.

    A source removed or re-addressed since the job was queued is skipped,
    and so is a re-check of an article no longer published.
    """
    cites = Source.objects.filter(factcheck=factcheck_id, url=url)
    if recheck:
        cites = cites.filter(visible_to_readers("factcheck__"))
    if not cites.exists():
        return None
    try:
        fetched = fetching.fetch(url)
    except fetching.FetchError as error:
        if error.transient and _retry(factcheck_id, url, recheck, attempt):
            return None
        outcome = Outcome.GONE if isinstance(error, fetching.Unresolvable) else None
        return _failed(factcheck_id, url, str(error), outcome=outcome).outcome
    if fetched.status in GONE_STATUSES or not 200 <= fetched.status < 300:
        if fetched.status in TRANSIENT_STATUSES and _retry(
            factcheck_id, url, recheck, attempt
        ):
            return None
        gone = fetched.status in GONE_STATUSES
        message = _("The server answered %(status)s.") % {"status": fetched.status}
        return _failed(
            factcheck_id,
            url,
            message,
            outcome=Outcome.GONE if gone else None,
            fetched=fetched,
        ).outcome
    return _stored(factcheck_id, fetched, recheck).outcome


def _retry(factcheck_id, url, recheck, attempt):
    return jobs.retry_later(
        snapshot, attempt, factcheck_id=factcheck_id, url=url, recheck=recheck
    )


def archive_of(factcheck_id, url):
    """The snapshot readers are offered for ``url`` in the fact-check, or None."""
    return (
        SourceSnapshot.objects.filter(factcheck=factcheck_id, url=url, is_archive=True)
        .order_by("-fetched_at", "-pk")
        .first()
    )


def _failed(factcheck_id, url, message, outcome=None, fetched=None):
    return SourceSnapshot.objects.create(
        factcheck_id=factcheck_id,
        url=url,
        outcome=outcome or Outcome.FAILED,
        message=message[:500],
        final_url=fetched.final_url if fetched else "",
        status_code=fetched.status if fetched else None,
        content_type=fetched.content_type if fetched else "",
    )


def _stored(factcheck_id, fetched, recheck):
    """Keep the bytes (once per content) and record the fetch.

    The first copy, and every copy taken when the source is added or the
    article published, become the archived copy; a re-check only says
    whether the page still serves it.
    """
    sha256 = fetched.sha256
    name = f"sources/{sha256}"
    if not storage().exists(name):
        name = storage().save(name, ContentFile(fetched.body))
    with transaction.atomic():
        archive = archive_of(factcheck_id, fetched.url)
        changed = archive is not None and archive.sha256 != sha256
        is_archive = not recheck or archive is None
        row = SourceSnapshot.objects.create(
            factcheck_id=factcheck_id,
            url=fetched.url,
            outcome=Outcome.CHANGED if changed else Outcome.OK,
            is_archive=is_archive,
            message=_("The page differs from the archived copy.") if changed else "",
            final_url=fetched.final_url,
            status_code=fetched.status,
            content_type=fetched.content_type,
            sha256=sha256,
            size=len(fetched.body),
            file=name,
        )
        if is_archive:
            # Imported here: ``publishing.published`` calls this module.
            from . import publishing

            factcheck = FactCheck.objects.published().filter(pk=factcheck_id).first()
            if factcheck is not None:
                publishing.sources_archived(factcheck)
    return row


def served(sha256):
    """The snapshot with these bytes that a published article offers, or None.

    Only the archived copy of a source a published article cites now: no
    draft's evidence, nor a page cited only before a revision, is served.
    """
    cited = Source.objects.filter(
        visible_to_readers("factcheck__"),
        factcheck=OuterRef("factcheck_id"),
        url=OuterRef("url"),
    )
    return (
        SourceSnapshot.objects.filter(sha256=sha256, is_archive=True)
        .filter(Exists(cited))
        .order_by("-fetched_at", "-pk")
        .first()
    )


#: How often ``check_sources`` fetches each published source by default.
RECHECK_EVERY = datetime.timedelta(days=7)
