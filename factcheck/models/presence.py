"""Who has a fact-check's form open (``factcheck.presence``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import FactCheck


class EditingSession(models.Model):
    """One person with one fact-check's form open, as of its last call home.

    In the database, like Wagtail's editing sessions: every app process sees
    the same sessions without Redis, and one that stops calling simply ages
    out (``presence.others``), so a closed laptop needs no clean-up.
    """

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="editing_sessions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    #: True while the form holds changes its owner has not saved.
    editing = models.BooleanField(_("editing"), default=False)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["factcheck", "user"], name="one_session_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.factcheck_id}"
