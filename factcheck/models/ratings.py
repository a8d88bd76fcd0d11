"""The newsroom's rating scale and its topics: vocabulary editors maintain."""

from dataclasses import dataclass

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .listings import ListingQuerySet

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$",
    _("Enter a colour as # followed by six hex digits, e.g. #b91c1c."),
)


def _relative_luminance(hex_colour):
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(colour_a, colour_b):
    """WCAG 2 contrast ratio between two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted(
        (_relative_luminance(colour_a), _relative_luminance(colour_b)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(colour):
    """Black or white, whichever reads better on a badge of ``colour``."""
    return max(("#ffffff", "#000000"), key=lambda c: contrast_ratio(c, colour))


@dataclass(frozen=True)
class RatingAsPublished:
    """A rating as a verdict was published with (``Verdict.shown_rating``).

    Shaped like ``Rating`` where readers' pages read it, so the badge, the
    card and ClaimReview show it the same way; ``pk`` is the rating's, so
    verdicts of one rating still share a card's colour. ``bounds`` are the
    scale's (worst, best) values then.
    """

    pk: int | None
    label: str
    meaning: str
    value: int | None
    colour: str
    bounds: tuple

    def __str__(self):
        return self.label

    @property
    def text_colour(self):
        return text_colour_on(self.colour)


class RatingQuerySet(ListingQuerySet):
    def listed(self):
        return self.published_fact_checks().filter(
            claims__verdict__rating=models.OuterRef("pk")
        )

    def in_use(self):
        # One verdict rated so, found along the verdicts' index: written as
        # an EXISTS over the articles, PostgreSQL hashes every claim instead.
        from .parts import Verdict  # the article model imports this module
        from .querysets import visible_to_readers

        one = (
            Verdict.objects.filter(
                visible_to_readers("claim__factcheck__"), rating=models.OuterRef("pk")
            )
            .order_by()
            .values("pk")[:1]
        )
        return self.annotate(used_by=models.Subquery(one)).filter(used_by__isnull=False)

    def bounds(self):
        """(worst, best) rating values on the scale, for ClaimReview."""
        values = self.exclude(value=None).aggregate(
            worst=models.Min("value"), best=models.Max("value")
        )
        return values["worst"], values["best"]


class Rating(models.Model):
    """One step of the newsroom's own rating scale, e.g. "Mostly true"."""

    label = models.CharField(
        _("label"),
        max_length=60,
        unique=True,
        help_text=_("As readers see it, e.g. “Mostly true”."),
    )
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    value = models.PositiveSmallIntegerField(
        _("rating value"),
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "Position on the scale, sent to search engines as ClaimReview's ratingValue: "
            "1 is the least accurate, higher is more accurate. Leave empty for ratings "
            "that are not on the scale, such as “Unproven”."
        ),
    )
    colour = models.CharField(
        _("badge colour"),
        max_length=7,
        validators=[colour_validator],
        help_text=_(
            "Background of the verdict badge, as #rrggbb. The label is always shown "
            "too, so colour never carries the meaning alone."
        ),
    )
    meaning = models.TextField(
        _("meaning"),
        help_text=_("What this rating means, shown on the “How we rate” page."),
    )

    objects = RatingQuerySet.as_manager()

    class Meta:
        ordering = [models.F("value").desc(nulls_last=True), "label"]
        verbose_name = _("rating")
        verbose_name_plural = _("rating scale")

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("factcheck:rating", kwargs={"slug": self.slug})

    @cached_property
    def text_colour(self):
        """Black or white, whichever reads better on the badge colour."""
        return text_colour_on(self.colour)


class RatingChange(models.Model):
    """A dated change to the rating scale, as the "How we rate" page lists it.

    Written from the ratings' own saves and deletes (``factcheck.scale``),
    never by hand; the label is the one readers knew at the time, so the
    entry outlives the rating.
    """

    class Kind(models.TextChoices):
        ADDED = "added", _("Added")
        RENAMED = "renamed", _("Renamed")
        MEANING = "meaning", _("Meaning changed")
        VALUE = "value", _("Position on the scale changed")
        REMOVED = "removed", _("Removed")

    rating = models.ForeignKey(
        Rating,
        on_delete=models.SET_NULL,
        null=True,
        related_name="changes",
        verbose_name=_("rating"),
    )
    label = models.CharField(_("label"), max_length=60)
    kind = models.CharField(_("change"), max_length=20, choices=Kind)
    previous = models.CharField(
        _("before"),
        max_length=60,
        blank=True,
        help_text=_("The former label or position, for a rename or a move."),
    )
    changed_at = models.DateTimeField(_("date"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change to the rating scale")
        verbose_name_plural = _("changes to the rating scale")

    def __str__(self):
        return f"{self.label}: {self.get_kind_display()}"


class TopicQuerySet(ListingQuerySet):
    def listed(self):
        return self.published_fact_checks().filter(topics=models.OuterRef("pk"))

    def with_counts(self):
        """``in_use()``, each with its ``published_count``, by name."""
        # Ordered here: Meta.ordering does not apply to a GROUP BY query.
        return (
            self.filter(factchecks__in=self.published_fact_checks())
            .annotate(published_count=models.Count("factchecks"))
            .order_by("name")
        )


class Topic(models.Model):
    """A subject readers browse by, e.g. Health or Climate."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences shown on the topic page."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("factcheck:topic", kwargs={"slug": self.slug})
