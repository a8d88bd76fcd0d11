"""The fact-check article: its fields, its constraints and its own questions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..fields import RichTextField, SafeImageField
from .parts import Byline
from .querysets import FactCheckQuerySet
from .ratings import Topic
from .states import Priority, Status

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
    #: Preview links made before this no longer open the article
    #: (``factcheck.preview``).
    previews_revoked_at = models.DateTimeField(
        _("preview links revoked at"), null=True, editable=False
    )
    #: The review clock the desk reads: it does not restart at a resubmission.
    first_submitted_at = models.DateTimeField(
        _("first submitted at"), null=True, editable=False
    )
    #: How many times it was submitted: each round after the first is work
    #: sent back (or withdrawn) and done again.
    review_rounds = models.PositiveSmallIntegerField(
        _("review rounds"), default=0, editable=False
    )
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
            # Claims already checked (``factcheck.matching``) also look up the
            # headline's words: a PostgreSQL-only index made by migration 0014
            # outside the model's state (see ``Claim.Meta``).
            # Lists go newest first by (first publication, id), by position
            # (factcheck.pagination): this index finds any page directly.
            models.Index(
                models.F("first_published_at").desc(),
                models.F("id").desc(),
                condition=Q(status=Status.PUBLISHED),
                name="factcheck_newest_published",
            ),
            # The desk's list: the most recently changed first.
            models.Index(
                models.F("updated_at").desc(),
                models.F("id").desc(),
                name="factcheck_recently_changed",
            ),
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
        credit, so author pages and the sitemap both go by it. The byline is a
        subquery, not a join: no duplicates, and an index finds the rows.
        """
        # The byline subquery is one level deeper than the rest of the filter.
        author = OuterRef(user) if isinstance(user, OuterRef) else user
        return Q(pk__in=Byline.objects.filter(author=author).values("factcheck")) | Q(
            editor=user
        )

    def author_ids(self):
        """The users who wrote this article: its byline and whoever started it.

        Iterates ``bylines.all()``, so a prefetched byline costs no query; see
        ``FactCheckQuerySet.authored_by`` for the same rule as a filter.
        """
        if self.pk is None:
            return set()
        authors = {byline.author_id for byline in self.bylines.all()}
        if self.created_by_id is not None:
            authors.add(self.created_by_id)
        return authors

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
