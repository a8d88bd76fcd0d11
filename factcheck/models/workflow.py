"""Records the editorial workflow leaves behind.

Only the workflow, the rating panel and the edit service write them
(``workflow``, ``panel``, ``editing``; ``revisions`` moves a revision's history
onto its original; the demo loader backdates its own entries).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import FactCheck
from .parts import Claim
from .ratings import Rating
from .states import Status


class TransitionLogQuerySet(models.QuerySet):
    def record(self, factcheck, user, action, from_status, note=""):
        """Write one entry: ``user`` took ``action`` on ``factcheck``, as it is now."""
        return self.create(
            factcheck=factcheck,
            headline=factcheck.headline,
            user=user,
            action=action,
            from_status=from_status,
            to_status=factcheck.status,
            note=note,
        )

    def status_changes(self):
        """Steps that moved an article between states (not votes, links, notes)."""
        return self.filter(action__in=TransitionLog.STATUS_CHANGES)

    def latest_retraction(self, factcheck):
        """The entry that retracted ``factcheck`` (with the reason), or None."""
        return (
            self.filter(factcheck=factcheck, action=TransitionLog.Action.RETRACT)
            .order_by("-created_at", "-pk")
            .first()
        )

    def taken_off_the_site(self):
        """Unpublications and retractions."""
        return self.filter(
            action__in=[TransitionLog.Action.UNPUBLISH, TransitionLog.Action.RETRACT]
        )


class TransitionLog(models.Model):
    """One step in a fact-check's history: who did what, when, from which state to which.

    Rows outlive a deleted draft (the link is nulled, the headline kept), so the
    record of who did what is never lost with the article.
    """

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted for review")
        REQUEST_CHANGES = "request_changes", _("Changes requested")
        PUBLISH = "publish", _("Published")
        SCHEDULE = "schedule", _("Scheduled")
        UNPUBLISH = "unpublish", _("Unpublished")
        RETRACT = "retract", _("Retracted")
        ASSIGN = "assign", _("Review assigned")
        VOTE = "vote", _("Rating vote")
        REVISE = "revise", _("Revision started")
        SHARE_PREVIEW = "share_preview", _("Preview link shared")
        DELETE = "delete", _("Deleted")
        CORRECT = "correct", _("Correction issued")
        REWORD_CORRECTION = "reword_correction", _("Correction reworded")
        FROM_TIP = "from_tip", _("Started from a reader's tip")
        ADD_TIP = "add_tip", _("Reader's tip added")
        WITHDRAW = "withdraw", _("Submission withdrawn")
        REVOKE_PREVIEWS = "revoke_previews", _("Preview links revoked")
        RESTORE = "restore", _("Earlier version restored")

    #: The steps that move a fact-check from one state to another, as opposed
    #: to those that record work within a state (votes, assignments, links).
    STATUS_CHANGES = (
        Action.SUBMIT,
        Action.WITHDRAW,
        Action.REQUEST_CHANGES,
        Action.PUBLISH,
        Action.SCHEDULE,
        Action.UNPUBLISH,
        Action.RETRACT,
    )
    #: The steps that return an article to its authors with a note to act on.
    SENDS_BACK = (Action.REQUEST_CHANGES, Action.UNPUBLISH)

    factcheck = models.ForeignKey(
        FactCheck, on_delete=models.SET_NULL, null=True, related_name="transitions"
    )
    headline = models.CharField(_("headline"), max_length=200)
    # PROTECT: someone with entries in the log is deactivated, not deleted,
    # so the record of who did what keeps its names.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action)
    from_status = models.CharField(_("from"), max_length=20, choices=Status)
    to_status = models.CharField(_("to"), max_length=20, choices=Status)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    objects = TransitionLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workflow log entry")
        verbose_name_plural = _("workflow log")

    def __str__(self):
        return f"{self.get_action_display()}: {self.headline}"

    @property
    def sends_back(self):
        """True for a step that returned the article to its authors with a note."""
        return self.action in self.SENDS_BACK


class RatingVote(models.Model):
    """An editor's vote on a claim's rating while its fact-check is in review.

    A vote agrees when it names the rating the verdict has now; changing the
    verdict therefore turns earlier votes into dissent without rewriting them.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("editor"),
    )
    rating = models.ForeignKey(
        Rating,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rating voted for"),
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("rating vote")
        verbose_name_plural = _("rating votes")
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "voter"], name="one_vote_per_editor_per_claim"
            )
        ]

    def __str__(self):
        return f"{self.voter}: {self.rating} on {self.claim}"

    @property
    def agrees(self):
        verdict = getattr(self.claim, "verdict", None)
        return verdict is not None and verdict.rating_id == self.rating_id
