"""The fact-check article and the records it is made of."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import verdicts
from ..fields import RichTextField, SafeImageField, WebURLField
from .checks import web_address
from .people import Claimant, Expert
from .ratings import Rating, Topic


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    RETRACTED = "retracted", _("Retracted")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


#: The permission that makes someone an editor: they run the workflow.
EDITOR_PERMISSION = "factcheck.publish_factcheck"


def key_point_lines(text):
    """The "In short" points in ``text``: one a line, blank lines ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def publication_language():
    """The newsroom's language (``LANGUAGE_CODE``), the default for a new article.

    A callable, so that a newsroom setting its own language does not change
    the migrations.
    """
    return settings.LANGUAGE_CODE


class FactCheckQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for later."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def with_card_parts(self):
        """With what a list card shows (claims, verdicts, topics) prefetched.

        The number of queries stays fixed however many rows and claims there are;
        the body and search vector, which no card shows, stay in the database.
        """
        return self.defer("body", "search_vector").prefetch_related(
            models.Prefetch(
                "claims",
                queryset=Claim.objects.select_related("verdict__rating", "claimant"),
            ),
            "topics",
        )

    def with_article_parts(self):
        """With everything the article page and its ClaimReviews show, prefetched."""
        return (
            self.defer("search_vector")
            .select_related("editor__profile")
            .prefetch_related(
                models.Prefetch(
                    "bylines", queryset=Byline.objects.select_related("author__profile")
                ),
                models.Prefetch(
                    "claims",
                    queryset=Claim.objects.select_related(
                        "verdict__rating", "claimant"
                    ).prefetch_related("appearances"),
                ),
                models.Prefetch(
                    "quotes",
                    queryset=ExpertQuote.objects.filter(on_record=True).select_related(
                        "expert"
                    ),
                ),
                "sources",
                "corrections",
                "topics",
            )
        )

    def related_to(self, factcheck):
        """Others sharing a topic or a rating with ``factcheck``, newest first.

        Reads the topics and ratings from ``factcheck``'s prefetched parts.
        """
        ratings = {rating.pk for rating in verdicts.ratings(factcheck)}
        topics = {topic.pk for topic in factcheck.topics.all()}
        return (
            self.exclude(pk=factcheck.pk)
            .filter(Q(topics__in=topics) | Q(claims__verdict__rating__in=ratings))
            .distinct()
        )


class FactCheck(models.Model):
    """A published (or in-progress) fact-check article about one or more claims."""

    headline = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_(
            "Say what the check found, not only what was claimed, e.g. “No, tap "
            "water does not contain microchips”. Under 70 characters reads best "
            "in search results."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "The last part of the article's web address. Avoid changing it once published."
        ),
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_(
            "One or two sentences under the headline that say what the article finds."
        ),
    )
    key_points = models.TextField(
        _("in short"),
        blank=True,
        help_text=_("Two or three key points for readers in a hurry, one per line."),
    )
    body = RichTextField(
        _("body"),
        blank=True,
        help_text=_(
            "How you checked and what you found. Use headings for sections; "
            "quotes from experts go in the Expert quotes section below, sources "
            "in Sources, so readers and search engines find them."
        ),
    )
    hero_image = SafeImageField(
        _("hero image"),
        blank=True,
        help_text=_("JPEG, PNG or WebP. Location data is removed."),
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "Describe what the image shows for readers who cannot see it. Required with an image."
        ),
    )
    hero_image_credit = models.CharField(
        _("hero image credit"), max_length=200, blank=True
    )
    hero_image_caption = models.CharField(
        _("hero image caption"), max_length=300, blank=True
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Byline",
        related_name="bylined_factchecks",
        verbose_name=_("authors"),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="edited_factchecks",
        verbose_name=_("editor"),
        help_text=_("Credited as the article's editor."),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="factchecks", verbose_name=_("topics")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=publication_language,
    )
    partner_credit = models.CharField(
        _("partner credit"),
        max_length=300,
        blank=True,
        help_text=_("e.g. “Produced in collaboration with First Check.”"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When readers can see it. A future time means scheduled."),
    )
    first_published_at = models.DateTimeField(
        _("first published at"), null=True, editable=False
    )
    #: When an approved revision last replaced what readers see (not a date
    #: readers' links or the ClaimReview's datePublished move with).
    revised_at = models.DateTimeField(_("revised at"), null=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="assigned_reviews",
        verbose_name=_("reviewer"),
    )
    review_due_at = models.DateTimeField(
        _("review due"), null=True, blank=True, editable=False
    )
    review_priority = models.CharField(
        _("review priority"),
        max_length=10,
        choices=Priority,
        default=Priority.NORMAL,
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    # Bumped by every save; a form carrying an older number was edited by
    # someone else in the meantime (see forms.FactCheckAdminForm).
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    # A revision is a working copy of a published fact-check: edited and
    # reviewed like a draft while the original stays live, then copied over
    # it on publication (workflow.start_revision / publish).
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="revisions",
        verbose_name=_("revision of"),
    )
    # Headline and claims weighted above standfirst and body; kept current by
    # search.refresh_search_vector (PostgreSQL only; SQLite searches the text).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = FactCheckQuerySet.as_manager()

    class Meta:
        # By the date readers see (republishing does not move an article up).
        ordering = [
            models.F("first_published_at").desc(nulls_last=True),
            "-created_at",
        ]
        verbose_name = _("fact-check")
        verbose_name_plural = _("fact-checks")
        permissions = [
            ("submit_factcheck", _("Can submit a fact-check for review")),
            ("publish_factcheck", _("Can publish, schedule and unpublish fact-checks")),
            ("edit_any_factcheck", _("Can edit fact-checks by other authors")),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(fields=["status", "first_published_at"]),
            GinIndex(fields=["search_vector"], name="factcheck_search_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(published_at__isnull=False),
                name="published_has_published_at",
            ),
            # A revision reaches readers only by being copied onto its original.
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(revision_of__isnull=True),
                name="revision_is_never_published",
            ),
            models.UniqueConstraint(
                fields=["revision_of"],
                condition=Q(revision_of__isnull=False),
                name="one_open_revision_per_factcheck",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("factcheck:detail", kwargs={"slug": self.slug})

    @staticmethod
    def credited(user):
        """A filter for fact-checks ``user`` is credited on, as author or editor.

        ``user`` may be an ``OuterRef``. Readers reach a staff page from either
        credit, so author pages and the sitemap both go by it.
        """
        return Q(bylines__author=user) | Q(editor=user)

    def clean(self):
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError(
                {
                    "hero_image_alt": _(
                        "Describe the image for readers who cannot see it."
                    )
                }
            )

    @property
    def is_published(self):
        """True when readers can see it now."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and not self.is_published

    def key_point_list(self):
        return key_point_lines(self.key_points)


class Byline(models.Model):
    """An author's credit on a fact-check, in the order bylines are printed."""

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="bylines"
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
        FactCheck, on_delete=models.CASCADE, related_name="claims"
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

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")

    def __str__(self):
        return f"{self.rating or _('Not rated')}: {self.claim}"


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
        FactCheck, on_delete=models.CASCADE, related_name="sources"
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
        help_text=_("e.g. an archive.org or archive.today link."),
    )
    notes = models.TextField(
        _("notes (internal)"), blank=True, help_text=_("Not shown to readers.")
    )
    ordering = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

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
        FactCheck, on_delete=models.CASCADE, related_name="quotes"
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


class Correction(models.Model):
    """A correction, clarification or update appended to a published fact-check."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")
        UPDATE = "update", _("Update")

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="corrections"
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

    class Meta:
        ordering = ["issued_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.issued_at:%Y-%m-%d})"
