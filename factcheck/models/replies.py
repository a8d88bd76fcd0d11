"""The right of reply: the desk's attempts to reach whoever made a claim."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .parts import Claim


class ReplyAttempt(models.Model):
    """One attempt to put the findings to a claim's claimant, and their answer.

    Part of the article, like its sources: readers get one line per claim
    made from these rows (``factcheck.reply``). Tied to the fact-check as
    well as the claim, so that it is edited inline on the fact-check's form
    (the admin has no nested inlines).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Phone")
        SOCIAL = "social", _("Social media message")
        IN_PERSON = "in_person", _("In person")
        LETTER = "letter", _("Letter")
        OTHER = "other", _("Other")

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="reply_attempts"
    )
    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="reply_attempts",
        verbose_name=_("claim"),
        help_text=_("The claim whose claimant you contacted."),
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel, default=Channel.EMAIL
    )
    contacted_at = models.DateTimeField(
        _("contacted at"), default=timezone.now, help_text=_("When you reached out.")
    )
    response = models.TextField(
        _("response"),
        blank=True,
        help_text=_(
            "Their answer as readers may see it, without quotation marks; the "
            "site adds them. Leave empty while there is none."
        ),
    )
    responded_at = models.DateTimeField(
        _("responded at"),
        null=True,
        blank=True,
        help_text=_("When they answered, if you know."),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("logged by"),
    )

    class Meta:
        ordering = ["contacted_at", "pk"]
        verbose_name = _("reply attempt")
        verbose_name_plural = _("right of reply")
        constraints = [
            models.CheckConstraint(
                condition=Q(responded_at__isnull=True) | ~Q(response=""),
                name="reply_date_has_a_reply",
                violation_error_message=_(
                    "Give their response, or clear the date they responded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(responded_at__isnull=True)
                | Q(responded_at__gte=F("contacted_at")),
                name="reply_after_contact",
                violation_error_message=_(
                    "They cannot have responded before you contacted them."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_channel_display()}, {self.contacted_at:%Y-%m-%d}"

    def clean(self):
        if (
            self.claim_id
            and self.factcheck_id
            and self.claim.factcheck_id != self.factcheck_id
        ):
            raise ValidationError(
                {"claim": _("That claim belongs to another fact-check.")}
            )
