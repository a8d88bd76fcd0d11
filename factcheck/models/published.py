"""What readers get of a published fact-check, prepared once, read many times."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedPage(models.Model):
    """A published fact-check's page, rendered when it is published.

    A published fact-check changes only when it is published again, corrected
    or revised, or when a record it shows (a claimant, an expert, a rating, a
    topic, an author) changes; ``publishing`` prepares this row at each of
    those moments, so a reader's page costs one query instead of a dozen and
    reads nothing private. ``stale`` marks a page whose shared records changed
    since: it is prepared again the next time it is read.
    """

    factcheck = models.OneToOneField(
        "FactCheck",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="published_page",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    head = models.TextField(_("head"), help_text="Meta tags and structured data.")
    article = models.TextField(_("article"))
    card = models.TextField(_("card"), help_text="As lists show it.")
    lead_card = models.TextField(
        _("lead card"), help_text="As the home page leads with it."
    )
    claim_reviews = models.JSONField(_("ClaimReviews"), default=list)
    feed_entry = models.JSONField(
        _("feed entry"),
        default=dict,
        help_text="Its item in the RSS and Atom feeds, as written "
        "(feed_items.entry), and its date.",
    )
    related = models.ManyToManyField(
        "FactCheck",
        blank=True,
        related_name="listed_on",
        verbose_name=_("related fact-checks"),
        help_text="Listed on this page: their cards are part of it.",
    )
    related_html = models.TextField(_("related fact-checks, as shown"), blank=True)
    version = models.PositiveIntegerField(_("article version"))
    prepared_at = models.DateTimeField(_("prepared at"))
    stale = models.BooleanField(_("stale"), default=False)

    class Meta:
        verbose_name = _("published page")
        verbose_name_plural = _("published pages")

    def __str__(self):
        return self.title
