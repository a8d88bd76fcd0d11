"""What the newsroom discloses about itself: its funders and its policy texts.

The IFCN's Code of Principles asks a fact-checker to publish who funds and
owns it, how it works and how it corrects itself. Funders are edited in
place (the funding page shows the list as it stands); policy texts are
never overwritten: each edit is a new, dated ``PolicyVersion``, and the
older ones stay readable at their own address (``factcheck.policies``
writes them).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from ..fields import RichTextField, WebURLField
from .checks import web_address

#: Years a funder's support may name: anything outside is a typing mistake.
YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Funder(models.Model):
    """Someone who pays for or owns part of the newsroom, as readers are told."""

    class Kind(models.TextChoices):
        GRANT = "grant", _("Grant")
        DONATION = "donation", _("Donation")
        ADVERTISING = "advertising", _("Advertising")
        PLATFORM = "platform", _("Platform partnership")
        MEMBERSHIP = "membership", _("Membership")
        OWNERSHIP = "ownership", _("Ownership")
        OTHER = "other", _("Other")

    class AmountBand(models.TextChoices):
        UNDER_1K = "under-1k", _("Under 1,000")
        FROM_1K = "1k-10k", _("1,000 to 10,000")
        FROM_10K = "10k-50k", _("10,000 to 50,000")
        FROM_50K = "50k-100k", _("50,000 to 100,000")
        FROM_100K = "100k-500k", _("100,000 to 500,000")
        OVER_500K = "over-500k", _("Over 500,000")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    amount_band = models.CharField(
        _("amount a year"),
        max_length=20,
        choices=AmountBand,
        blank=True,
        help_text=_(
            "In the site's currency (the FACTCHECK_CURRENCY setting). Leave empty "
            "only where there is no sum, e.g. ownership or in-kind support."
        ),
    )
    year_from = models.PositiveSmallIntegerField(
        _("from year"), validators=YEAR_VALIDATORS
    )
    year_to = models.PositiveSmallIntegerField(
        _("to year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the support continues."),
    )
    url = WebURLField(_("web address"), max_length=500, blank=True)
    public_note = models.TextField(
        _("public note"),
        blank=True,
        help_text=_("Shown to readers, e.g. what the money is for."),
    )

    class Meta:
        ordering = ["-year_from", "name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        constraints = [
            web_address("funder", "url"),
            models.CheckConstraint(
                condition=Q(year_to__isnull=True) | Q(year_to__gte=F("year_from")),
                name="funder_years_in_order",
                violation_error_message=_(
                    "The last year of support cannot come before the first."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        next_year = timezone.now().year + 1
        if self.year_from is not None and self.year_from > next_year:
            raise ValidationError(
                {
                    "year_from": _(
                        "Support starting after next year is not funding yet: "
                        "add it when it is agreed to begin."
                    )
                }
            )

    def years(self, until):
        """The years this support covers, newest first; an open end runs to
        ``until``."""
        last = self.year_to if self.year_to is not None else max(until, self.year_from)
        return range(last, self.year_from - 1, -1)


class PolicyText(models.Model):
    """One of the texts the desk publishes about how it works, in versions."""

    class Kind(models.TextChoices):
        METHODOLOGY = "methodology", _("Methodology")
        CORRECTIONS = "corrections-policy", _("Corrections policy")
        OWNERSHIP = "ownership", _("Ownership statement")

    #: Where readers read each kind (the ownership statement heads the
    #: funding page).
    URL_NAMES = {
        Kind.METHODOLOGY: "factcheck:methodology",
        Kind.CORRECTIONS: "factcheck:corrections-policy",
        Kind.OWNERSHIP: "factcheck:funding",
    }

    kind = models.CharField(_("text"), max_length=30, choices=Kind, unique=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("policy text")
        verbose_name_plural = _("policy texts")

    def __str__(self):
        return self.get_kind_display()

    def get_absolute_url(self):
        return reverse(self.URL_NAMES[self.kind])

    def current_version(self):
        """The version readers read now: the newest, or None before the first."""
        return self.versions.order_by("-number").first()


class PolicyVersion(models.Model):
    """One dated version of a policy text; never changed once written."""

    policy = models.ForeignKey(
        PolicyText, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"), editable=False)
    body = RichTextField(
        _("text"), error_messages={"blank": _("Write the text readers will read.")}
    )
    note = models.CharField(
        _("what changed"),
        max_length=300,
        help_text=_("One line for readers, e.g. “Added how we choose experts.”"),
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["policy", "-number"]
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "number"], name="policy_version_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.policy} v{self.number}"

    def get_absolute_url(self):
        return reverse(
            f"{PolicyText.URL_NAMES[self.policy.kind]}-version",
            kwargs={"number": self.number},
        )

    def clean(self):
        # The editor leaves "<p></p>" behind when everything is deleted.
        if self.body and not strip_tags(self.body).strip():
            raise ValidationError({"body": _("Write the text readers will read.")})
