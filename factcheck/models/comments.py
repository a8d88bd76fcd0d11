"""Review comments: an editor's remarks on one part of an article, and the replies.

Written and changed only through ``factcheck.comments``, which checks who may.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .articles import FactCheck
from .parts import Claim, Source


class ReviewCommentQuerySet(models.QuerySet):
    def threads(self):
        """The comments that open a thread (replies hang off them)."""
        return self.filter(reply_to__isnull=True)

    def open(self):
        """Threads nobody has resolved yet."""
        return self.threads().filter(resolved_at__isnull=True)


class ReviewComment(models.Model):
    """A remark on a field, a claim or a source of a fact-check, or a reply to one.

    A thread's first comment names what it is about (``kind`` and the field,
    claim or source) and is resolved as a whole; its replies name nothing.
    A deleted claim or source leaves its comments in place, with ``about``,
    the target as it was named when the comment was written, to say what
    they were about. The rows stay after publication as part of the
    article's history.
    """

    class Kind(models.TextChoices):
        FIELD = "field", _("Field")
        CLAIM = "claim", _("Claim")
        SOURCE = "source", _("Source")

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.CASCADE, related_name="review_comments"
    )
    kind = models.CharField(_("about a"), max_length=10, choices=Kind, blank=True)
    field = models.CharField(_("field"), max_length=40, blank=True)
    claim = models.ForeignKey(
        Claim,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_comments",
        verbose_name=_("claim"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_comments",
        verbose_name=_("source"),
    )
    about = models.CharField(_("about"), max_length=200, blank=True)
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    # PROTECT, as in the workflow log: people are deactivated, not deleted,
    # so the history keeps its names.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    objects = ReviewCommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        constraints = [
            models.CheckConstraint(
                condition=(Q(reply_to__isnull=True) & ~Q(kind=""))
                | (Q(reply_to__isnull=False) & Q(kind="") & Q(about="")),
                name="review_comment_thread_names_its_target",
            ),
            models.CheckConstraint(
                condition=(Q(kind="field") & ~Q(field=""))
                | (~Q(kind="field") & Q(field="")),
                name="review_comment_field_only_for_fields",
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, resolved_by__isnull=True)
                | Q(reply_to__isnull=True, resolved_at__isnull=False),
                name="review_comment_threads_resolve",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_resolved(self):
        return self.resolved_at is not None
