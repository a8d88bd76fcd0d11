"""Versions of a fact-check: the whole article, parts included, at each save."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import FactCheck
from .parts import Correction


class ArticleVersionQuerySet(models.QuerySet):
    def shown_to_readers(self):
        """The versions readers were shown, gone live by now, in the order they
        were written (dates may be given: a correction's is the editor's)."""
        return self.filter(published_at__lte=timezone.now()).order_by("pk")


class ArticleVersion(models.Model):
    """What a fact-check said, all of it, when someone saved it.

    ``content`` is ``versions.snapshot``: the article's own fields and every
    part (bylines, topics, claims with verdicts and appearances, sources,
    quotes), with the names of the records they point at as they were then,
    so an old version reads as it was even after a claimant is renamed.
    Versions are never changed; restoring one writes a new version.

    The versions readers were shown carry ``published_at``, when they went
    live, and the class of the change (``changes.ChangeClass``; empty for a
    publication), with the public change record a non-minor one left: set
    as they are written, by the workflow at each publication and revision
    published, and by the edit service at a correction issued on the live
    article. These marks sit on the versions themselves rather than in a
    model of their own: a public version is a version (the same content,
    diffed the same way), the article's public history is a filter over its
    versions on one index, and there is no second row to keep in step. The
    one change to a written version: a scheduled publication taken off the
    schedule before it went live loses its ``published_at``, as the article
    does.
    """

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="versions"
    )
    #: The article's ``lock_version`` once this save was written: the form
    #: opened on it can be found again (what it started from).
    number = models.PositiveIntegerField(_("version"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    published_at = models.DateTimeField(_("shown to readers from"), null=True)
    change_class = models.CharField(_("class of change"), max_length=20, blank=True)
    correction = models.ForeignKey(
        Correction,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("public change record"),
    )

    objects = ArticleVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        indexes = [
            models.Index(fields=["factcheck", "-saved_at"]),
            # The public history: the few versions readers were shown.
            models.Index(
                fields=["factcheck", "published_at"],
                condition=Q(published_at__isnull=False),
                name="version_shown_to_readers",
            ),
        ]

    def __str__(self):
        return f"{self.factcheck_id} v{self.number}"
