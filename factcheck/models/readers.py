"""What readers send the desk: claims to check and errors to fix."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import WebURLField
from ..images import private_storage, unguessable_upload_to
from .articles import FactCheck
from .checks import web_address


class ReaderMessage(models.Model):
    """A tip (a claim to check) or an error report from a reader.

    Readers are anonymous; contact details are optional, private and only
    used to reply.
    """

    class Kind(models.TextChoices):
        TIP = "tip", _("Claim to check")
        ERROR = "error", _("Error report")

    class State(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("Being looked at")
        DONE = "done", _("Done")
        DISMISSED = "dismissed", _("Dismissed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, editable=False)
    #: For an error report, the article it is about; for a tip, the
    #: fact-check that answers it (a draft while the desk works on it).
    factcheck = models.ForeignKey(
        FactCheck,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reader_messages",
        verbose_name=_("fact-check"),
    )
    message = models.TextField(_("message"))
    url = WebURLField(
        _("where it was seen"),
        max_length=1000,
        blank=True,
    )
    screenshot = models.ImageField(
        _("screenshot"),
        upload_to=unguessable_upload_to,
        storage=private_storage,
        blank=True,
        help_text=_("Re-encoded without its metadata; only editors can open it."),
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    may_email = models.BooleanField(
        _("may be emailed"),
        default=False,
        help_text=_("The reader agreed that we email them about this message."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.NEW
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    notes = models.TextField(_("notes (internal)"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reader message")
        verbose_name_plural = _("reader messages")
        constraints = [web_address("readermessage", "url")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.message[:60]}"


class ReaderNotice(models.Model):
    """A message the desk sent a reader about their tip, one per event.

    The row is written in the same transaction as the email's job, and the
    unique constraint makes a second notice about the same event impossible,
    however often the step behind it is retried.
    """

    message = models.ForeignKey(
        ReaderMessage, on_delete=models.CASCADE, related_name="notices"
    )
    factcheck = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="+")
    #: What happened: "verdict" (the fact-check's first verdict the reader
    #: hears of), "correction:<pk>" or "re-rating:<log pk>".
    event = models.CharField(_("event"), max_length=60)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("notice to a reader")
        verbose_name_plural = _("notices to readers")
        constraints = [
            models.UniqueConstraint(
                fields=["message", "event"], name="one_notice_per_event"
            )
        ]

    def __str__(self):
        return f"{self.event} → {self.message_id}"
