"""The records a fact-check is made of: bylines, claims and their verdicts and
appearances, sources, expert quotes and corrections."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..fields import WebURLField
from .checks import web_address
from .people import Claimant, Expert
from .ratings import Rating, RatingAsPublished
from .snapshots import SourceQuerySet

#: The text search configuration of the stored vectors, the claims' index
#: and every query.
SEARCH_CONFIG = "english"


class Byline(models.Model):
    """An author's credit on a fact-check, in the order bylines are printed."""

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bylines",
        verbose_name=_("author"),
    )
    ordering = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(
                fields=["factcheck", "author"], name="one_byline_per_author"
            )
        ]

    def __str__(self):
        return str(self.author)


class Claim(models.Model):
    """A statement someone made that the fact-check examines."""

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="claims"
    )
    statement = models.TextField(
        _("claim"),
        help_text=_(
            "The claim as made, quoted or closely paraphrased. Keep it under 75 characters "
            "where you can: search engines may cut longer ones."
        ),
    )
    claimant = models.ForeignKey(
        Claimant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("claimant"),
        help_text=_("Who made the claim. Required before review."),
    )
    ordering = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        # Claims already checked (``factcheck.matching``) are found through
        # PostgreSQL-only indexes on the statement's words and trigrams, made
        # by migration 0014 and kept out of the model's state: SQLite, which
        # rebuilds a table to add a column, cannot create them.
        indexes = [
            # A claimant's page: their claims' fact-checks, and the verdicts
            # counted, read from the index alone.
            models.Index(fields=["claimant", "factcheck"], name="claim_by_claimant"),
        ]

    def __str__(self):
        return self.statement

    def get_absolute_url(self):
        return self.factcheck.get_absolute_url()

    @property
    def first_appearance(self):
        """The appearance marked first, else the earliest dated one."""
        appearances = list(self.appearances.all())
        marked = [a for a in appearances if a.is_first]
        if marked:
            return marked[0]
        dated = sorted(
            (a for a in appearances if a.appeared_on), key=lambda a: a.appeared_on
        )
        return dated[0] if dated else (appearances[0] if appearances else None)


class ClaimAppearance(models.Model):
    """One place a claim was made or repeated; a repeat is linked to the original check."""

    class Medium(models.TextChoices):
        SOCIAL = "social", _("Social media post")
        MESSAGING = "messaging", _("Messaging app")
        VIDEO = "video", _("Online video")
        TV = "tv", _("Television")
        RADIO = "radio", _("Radio or podcast")
        PRINT = "print", _("Newspaper or magazine")
        WEB = "web", _("Website or blog")
        SPEECH = "speech", _("Speech or public event")
        INTERVIEW = "interview", _("Interview")
        OFFICIAL = "official", _("Official document or statement")
        ADVERT = "advert", _("Advertisement")
        OTHER = "other", _("Other")

    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="appearances"
    )
    url = WebURLField(_("URL"), max_length=1000, blank=True)
    archived_url = WebURLField(
        _("archived copy"),
        max_length=1000,
        blank=True,
        help_text=_("e.g. an archive.org or archive.today link."),
    )
    medium = models.CharField(_("medium"), max_length=20, choices=Medium, blank=True)
    outlet = models.CharField(
        _("where"),
        max_length=200,
        blank=True,
        help_text=_(
            "Outlet, platform or event, e.g. “X”, “BBC One”, “Campaign rally in Leeds”."
        ),
    )
    appeared_on = models.DateField(_("date"), null=True, blank=True)
    is_first = models.BooleanField(
        _("first appearance"),
        default=False,
        help_text=_("The earliest known appearance of this claim."),
    )

    class Meta:
        ordering = ["-is_first", models.F("appeared_on").asc(nulls_last=True), "pk"]
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(is_first=True),
                name="one_first_appearance_per_claim",
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(outlet=""),
                name="appearance_has_url_or_outlet",
            ),
            web_address("appearance", "url"),
            web_address("appearance", "archived_url"),
        ]
        # A reader's tip linking to a post already checked (``matching``).
        indexes = [models.Index(fields=["url"], name="appearance_url")]

    def __str__(self):
        return self.url or self.outlet

    def clean(self):
        if not self.url and not self.outlet:
            raise ValidationError(
                _("Give a link to the appearance, or say where it appeared.")
            )


class Verdict(models.Model):
    """The desk's judgement on one claim: a rating and the summary readers see first."""

    claim = models.OneToOneField(
        Claim, on_delete=models.CASCADE, related_name="verdict"
    )
    rating = models.ForeignKey(
        Rating,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verdicts",
        verbose_name=_("rating"),
    )
    summary = models.TextField(
        _("verdict summary"),
        blank=True,
        help_text=_(
            "What readers see first: the finding in two or three plain sentences."
        ),
    )
    # The rating as readers saw it at publication, kept until a re-rating:
    # editing the scale later changes no published verdict (``shown_rating``).
    # Filled by ``publishing.published``; a revision's copy carries them over.
    published_rating = models.ForeignKey(
        Rating, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )
    published_label = models.CharField(max_length=60, blank=True, editable=False)
    published_meaning = models.TextField(blank=True, editable=False)
    published_value = models.PositiveSmallIntegerField(null=True, editable=False)
    published_colour = models.CharField(max_length=7, blank=True, editable=False)
    published_worst = models.PositiveSmallIntegerField(null=True, editable=False)
    published_best = models.PositiveSmallIntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")

    def __str__(self):
        return f"{self.rating or _('Not rated')}: {self.claim}"

    @property
    def is_kept(self):
        """Whether readers see the rating as published rather than as the scale has it."""
        return bool(self.published_label) and self.published_rating_id == self.rating_id

    @property
    def is_rerated(self):
        """Published with another rating than it has now: a revision re-rates it."""
        return (
            self.published_rating_id is not None
            and self.published_rating_id != self.rating_id
        )

    @property
    def shown_rating(self):
        """The rating readers see: as published, else (drafts, a re-rating) the scale's."""
        if not self.is_kept:
            return self.rating
        return RatingAsPublished(
            pk=self.published_rating_id,
            label=self.published_label,
            meaning=self.published_meaning,
            value=self.published_value,
            colour=self.published_colour,
            bounds=(self.published_worst, self.published_best),
        )

    def keep_as_published(self, bounds):
        """Take the rating's label, meaning, value and colour as readers see them now.

        ``bounds`` is the scale's (worst, best), read once by the caller.
        Returns the fields to save.
        """
        rating = self.rating
        self.published_rating = rating
        self.published_label = rating.label if rating else ""
        self.published_meaning = rating.meaning if rating else ""
        self.published_value = rating.value if rating else None
        self.published_colour = rating.colour if rating else ""
        self.published_worst, self.published_best = bounds
        return [f"published_{name}" for name in KEPT]


#: The rating's fields a published verdict keeps (``Verdict.published_*``).
KEPT = ["rating", "label", "meaning", "value", "colour", "worst", "best"]


class Source(models.Model):
    """Evidence the fact-check relies on, listed for readers to follow."""

    class Kind(models.TextChoices):
        STUDY = "study", _("Study or review")
        OFFICIAL = "official", _("Official record or statistics")
        INTERVIEW = "interview", _("Interview")
        NEWS = "news", _("News report")
        DATASET = "dataset", _("Dataset")
        REGULATOR = "regulator", _("Regulator or agency guidance")
        SOCIAL = "social", _("Social media post")
        BOOK = "book", _("Book")
        OTHER = "other", _("Other")

    class Origin(models.TextChoices):
        PRIMARY = "primary", _("Primary (the original record or data)")
        SECONDARY = "secondary", _("Secondary (a report about it)")

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="sources"
    )
    claim = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("for claim"),
        help_text=_("Leave empty if the source bears on every claim in the article."),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("e.g. a journal, agency or newspaper."),
    )
    url = WebURLField(_("URL"), max_length=1000, blank=True)
    citation = models.TextField(
        _("full citation"),
        blank=True,
        help_text=_(
            "For sources without a link: authors, title, publication, date, page."
        ),
    )
    published_on = models.DateField(
        _("date published"),
        null=True,
        blank=True,
        help_text=_("When the source itself was published, if it says."),
    )
    accessed_on = models.DateField(
        _("date accessed"),
        null=True,
        blank=True,
        help_text=_("When you last read it: web pages change."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind,
        default=Kind.OTHER,
        help_text=_("What sort of evidence this is; readers see it in the list."),
    )
    origin = models.CharField(
        _("primary or secondary"), max_length=10, choices=Origin, default=Origin.PRIMARY
    )
    archived_url = WebURLField(
        _("archived copy"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Your own archive link, e.g. archive.org or archive.today. The desk "
            "also keeps a copy of the URL itself (the evidence locker)."
        ),
    )
    notes = models.TextField(
        _("notes (internal)"), blank=True, help_text=_("Not shown to readers.")
    )
    ordering = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(citation=""),
                name="source_has_url_or_citation",
            ),
            web_address("source", "url"),
            web_address("source", "archived_url"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if not self.url and not self.citation.strip():
            raise ValidationError(
                {
                    "url": _(
                        "Give the source's URL, or a full citation if it has no link."
                    )
                }
            )
        if (
            self.claim_id
            and self.factcheck_id
            and self.claim.factcheck_id != self.factcheck_id
        ):
            raise ValidationError(
                {"claim": _("That claim belongs to another fact-check.")}
            )


class ExpertQuote(models.Model):
    """A quote from a named expert, with how and when the desk obtained it."""

    class ObtainedVia(models.TextChoices):
        INTERVIEW = "interview", _("Interview in person")
        PHONE = "phone", _("Phone or video interview")
        WRITTEN = "written", _("Written response")
        STATEMENT = "statement", _("Public statement")
        PUBLICATION = "publication", _("Published work")

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="quotes"
    )
    expert = models.ForeignKey(
        Expert,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("expert"),
        help_text=_("Pick from the expert directory. Required before review."),
    )
    text = models.TextField(
        _("quote"),
        help_text=_(
            "The expert's words exactly as given, without quotation marks; the "
            "site adds them."
        ),
    )
    obtained_via = models.CharField(
        _("obtained by"),
        max_length=20,
        choices=ObtainedVia,
        blank=True,
        help_text=_(
            "How the desk got the quote, told to readers. Required before review."
        ),
    )
    obtained_on = models.DateField(_("date obtained"), null=True, blank=True)
    on_record = models.BooleanField(
        _("on the record"),
        default=True,
        help_text=_(
            "Untick if the expert spoke on background; such quotes are not published."
        ),
    )
    ordering = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("expert quote")
        verbose_name_plural = _("expert quotes")

    def __str__(self):
        return self.text[:80]


class CorrectionQuerySet(models.QuerySet):
    def on_the_record(self):
        """What the public corrections log lists: every public change record.

        The records of articles readers see, and the retractions of retracted
        articles (whose address shows the retraction notice). An article taken
        back to draft takes its records with it until it is out again.
        """
        from .querysets import visible_to_readers  # imports this module
        from .states import Status

        retraction = Q(kind=Correction.Kind.RETRACTION)
        return self.filter(
            (~retraction & visible_to_readers("factcheck__"))
            | (retraction & Q(factcheck__status=Status.RETRACTED))
        )


class Correction(models.Model):
    """A public change record on a published fact-check, shown with its date.

    Corrections, clarifications and updates are issued by editors on the live
    article (``editing.issue_correction``) or with a revision, a re-rating
    only with a revision (``workflow.publish``) and a retraction with the
    retraction itself (``workflow.unpublish``).
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")
        UPDATE = "update", _("Update")
        RERATING = "rerating", _("Re-rating")
        RETRACTION = "retraction", _("Retraction")

    #: The kinds an editor issues directly on a live article; the workflow
    #: issues the others with the step they record.
    DIRECT_KINDS = (Kind.CORRECTION, Kind.CLARIFICATION, Kind.UPDATE)

    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind, default=Kind.CORRECTION
    )
    text = models.TextField(
        _("note"), help_text=_("What was wrong and what it says now, for readers.")
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    # A re-rating's ratings before and after, as readers saw and now see them
    # (several re-rated claims: each claim's, in order, joined with " / ").
    old_rating_label = models.CharField(
        _("rating before"), max_length=300, blank=True, editable=False
    )
    new_rating_label = models.CharField(
        _("rating after"), max_length=300, blank=True, editable=False
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["issued_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        # The corrections log, newest first (``pagination.newest_first``).
        indexes = [models.Index(fields=["-issued_at", "-id"], name="correction_newest")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.issued_at:%Y-%m-%d})"
