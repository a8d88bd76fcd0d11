"""Versions of a fact-check: the whole article, parts included, at each save."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import FactCheck


class ArticleVersion(models.Model):
    """What a fact-check said, all of it, when someone saved it.

    ``content`` is ``versions.snapshot``: the article's own fields and every
    part (bylines, topics, claims with verdicts and appearances, sources,
    quotes), with the names of the records they point at as they were then,
    so an old version reads as it was even after a claimant is renamed.
    Versions are never changed; restoring one writes a new version.
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

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        indexes = [models.Index(fields=["factcheck", "-saved_at"])]

    def __str__(self):
        return f"{self.factcheck_id} v{self.number}"
