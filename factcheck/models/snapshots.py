"""The evidence locker's records: what a source's address served, and when."""

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..fields import WebURLField
from .checks import web_address


class SnapshotQuerySet(models.QuerySet):
    def latest_checks(self, outcome):
        """Re-checks that found ``outcome`` and are their source's newest fetch:
        what is true of the address now, not what once was."""
        newer = SourceSnapshot.objects.filter(
            factcheck=OuterRef("factcheck"),
            url=OuterRef("url"),
            fetched_at__gt=OuterRef("fetched_at"),
        )
        return self.filter(outcome=outcome, is_archive=False).exclude(Exists(newer))


class SourceSnapshot(models.Model):
    """One fetch of a source's URL for a fact-check: the bytes as served, or why not.

    Snapshots belong to the article and the address, not to a ``Source``
    row: a revision's sources replace the live article's rows when it is
    published, and the archive must survive that; a source whose URL is
    changed no longer matches its old snapshots. Every fetch is kept, so the
    desk has the history; the newest ``is_archive`` one with bytes is the
    archived copy readers get. A re-check compares what the address serves
    now with that copy and records the difference (``changed``, ``gone``)
    without replacing it: readers keep the page as it was when the article
    relied on it, and editors are told.
    """

    class Outcome(models.TextChoices):
        OK = "ok", _("Archived")
        CHANGED = "changed", _("Changed since archived")
        GONE = "gone", _("Gone")
        FAILED = "failed", _("Could not be fetched")

    factcheck = models.ForeignKey(
        "FactCheck",
        on_delete=models.CASCADE,
        related_name="snapshots",
        verbose_name=_("fact-check"),
    )
    url = WebURLField(_("source URL"), max_length=1000)
    fetched_at = models.DateTimeField(_("fetched at"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome)
    is_archive = models.BooleanField(
        _("archived copy"),
        default=False,
        help_text=_("These bytes are the copy readers are offered."),
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    final_url = WebURLField(
        _("final URL"),
        max_length=1000,
        blank=True,
        help_text=_("Where the redirects, if any, led."),
    )
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True)
    content_type = models.CharField(_("content type"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    #: The bytes, in ``STORAGES["private"]`` under their hash: served only
    #: through the archived-copy view, never straight from a media URL.
    file = models.CharField(_("stored as"), max_length=200, blank=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-fetched_at", "-pk"]
        verbose_name = _("source snapshot")
        verbose_name_plural = _("source snapshots")
        constraints = [
            web_address("snapshot", "url"),
            web_address("snapshot", "final_url"),
            models.CheckConstraint(
                condition=Q(is_archive=False) | ~Q(file=""),
                name="snapshot_archive_has_bytes",
            ),
        ]
        indexes = [
            models.Index(
                fields=["factcheck", "url", "-fetched_at"], name="snapshot_latest"
            ),
            models.Index(fields=["sha256"], name="snapshot_sha256"),
        ]

    def __str__(self):
        return f"{self.url} ({self.get_outcome_display()}, {self.fetched_at:%Y-%m-%d})"


def _for_source(**filters):
    return SourceSnapshot.objects.filter(
        factcheck=OuterRef("factcheck_id"), url=OuterRef("url"), **filters
    ).order_by("-fetched_at", "-pk")


class SourceQuerySet(models.QuerySet):
    def with_archived_copy(self):
        """With ``archived_sha256`` and ``archived_at``: readers' archived copy, if any."""
        archive = _for_source(is_archive=True)
        return self.annotate(
            archived_sha256=Subquery(archive.values("sha256")[:1]),
            archived_at=Subquery(archive.values("fetched_at")[:1]),
        )

    def with_last_check(self):
        """With ``check_outcome``, ``check_message``, ``checked_at`` (the newest
        fetch) and whether that fetch made the archived copy (``check_archived``).
        """
        latest = _for_source()
        return self.with_archived_copy().annotate(
            **{
                name: Subquery(latest.values(field)[:1])
                for name, field in [
                    ("check_outcome", "outcome"),
                    ("check_message", "message"),
                    ("checked_at", "fetched_at"),
                    ("check_archived", "is_archive"),
                ]
            }
        )
