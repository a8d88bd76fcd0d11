"""The editorial states: which step starts where, and the lock every step takes.

``TRANSITIONS`` says from which states each step may start and where it
leads; ``locked`` is the skeleton every step runs in: check the user's
permission (``permissions``) and the article's state, lock the row, check
the state again (someone may have moved it meanwhile), then run the step in
that transaction. ``workflow`` (state changes) and ``panel`` (rating votes)
are built on it.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .models import FactCheck, Status, TransitionLog

Action = TransitionLog.Action


class TransitionNotAllowed(ValidationError):
    """The fact-check is not in a state this step starts from."""


class RevisionAlreadyOpen(TransitionNotAllowed):
    """The article has a revision in progress; ``revision`` is it."""

    def __init__(self, revision):
        super().__init__(
            _(
                "This fact-check already has a revision in progress: continue that "
                "one rather than start another."
            ),
            code="revision_open",
        )
        self.revision = revision


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str | None  # None: the step leaves the status as it is
    refusal: str  # why the step cannot start from the article's state


TRANSITIONS = {
    Action.SUBMIT: Transition(
        frozenset({Status.DRAFT}),
        Status.REVIEW,
        gettext_lazy(
            "Only a draft can be submitted for review; this one is %(status)s."
        ),
    ),
    Action.WITHDRAW: Transition(
        frozenset({Status.REVIEW}),
        Status.DRAFT,
        gettext_lazy(
            "Only a fact-check in review can be withdrawn from review; this one is "
            "%(status)s."
        ),
    ),
    Action.REQUEST_CHANGES: Transition(
        frozenset({Status.REVIEW}),
        Status.DRAFT,
        gettext_lazy(
            "Changes can only be requested on a fact-check in review; this one is "
            "%(status)s."
        ),
    ),
    # From PUBLISHED only while scheduled: to move the time or publish now.
    Action.PUBLISH: Transition(
        frozenset({Status.REVIEW, Status.PUBLISHED}),
        Status.PUBLISHED,
        gettext_lazy(
            "Only a fact-check in review can be published; this one is %(status)s."
        ),
    ),
    Action.UNPUBLISH: Transition(
        frozenset({Status.PUBLISHED}),
        Status.DRAFT,
        gettext_lazy(
            "Only a published fact-check can be unpublished; this one is %(status)s."
        ),
    ),
    Action.RETRACT: Transition(
        frozenset({Status.PUBLISHED}),
        Status.RETRACTED,
        gettext_lazy(
            "Only a fact-check readers have seen can be retracted; this one is "
            "%(status)s. Take it off the schedule instead."
        ),
    ),
    Action.ASSIGN: Transition(
        frozenset({Status.REVIEW}),
        None,
        gettext_lazy(
            "Only a fact-check in review can be assigned to a reviewer; this one is "
            "%(status)s."
        ),
    ),
    Action.VOTE: Transition(
        frozenset({Status.REVIEW}),
        None,
        gettext_lazy(
            "Editors vote on ratings while a fact-check is in review; this one is "
            "%(status)s."
        ),
    ),
    # Into a draft or a revision's working copy; a live article restores
    # into a new revision (workflow.restore), never in place.
    Action.RESTORE: Transition(
        frozenset({Status.DRAFT}),
        None,
        gettext_lazy(
            "An earlier version can be restored into a draft; this one is "
            "%(status)s. Withdraw it from review first."
        ),
    ),
    # From PUBLISHED only while live; the copy is a new fact-check row.
    Action.REVISE: Transition(
        frozenset({Status.PUBLISHED}),
        None,
        gettext_lazy(
            "Only a fact-check readers see now can be revised; this one is %(status)s."
        ),
    ),
}


def state_label(factcheck):
    """The state as the desk says it: a future publication is "scheduled"."""
    if factcheck.is_scheduled:
        return _("scheduled")
    return factcheck.get_status_display().lower()


def guard_state(factcheck, action):
    """Raise ``TransitionNotAllowed`` unless ``action`` may start from the state."""
    transition = TRANSITIONS[action]
    allowed = factcheck.status in transition.sources
    if action == Action.PUBLISH and factcheck.status == Status.PUBLISHED:
        allowed = factcheck.is_scheduled
    if action == Action.PUBLISH and factcheck.revision_of_id is not None:
        # A minor change goes out without review; ``workflow.publish`` refuses
        # any other class from a draft.
        allowed = factcheck.status in (Status.DRAFT, Status.REVIEW)
    if action in (Action.REVISE, Action.RETRACT):
        # Only what readers have seen is revised or retracted; a scheduled
        # article is taken off the schedule (unpublished) instead.
        allowed = factcheck.is_published
    if not allowed:
        raise TransitionNotAllowed(
            transition.refusal % {"status": state_label(factcheck)},
            code="wrong_state",
        )
    if action == Action.REVISE:
        revision = factcheck.revisions.first()
        if revision is not None:
            raise RevisionAlreadyOpen(revision)


def can_transition(user, factcheck, action):
    """Whether ``user`` may take ``action`` on ``factcheck`` now (for showing buttons).

    With ``factcheck`` None: whether the user's role allows it at all.
    """
    try:
        permissions.check_step(user, factcheck, action)
        if factcheck is not None:
            guard_state(factcheck, action)
    except (PermissionDenied, ValidationError):
        return False
    return True


@contextmanager
def locked(factcheck, user, action):
    """Check, lock the row and check again; the block runs in that transaction."""
    permissions.check_step(user, factcheck, action)
    guard_state(factcheck, action)
    with transaction.atomic():
        try:
            row = FactCheck.objects.select_for_update().get(pk=factcheck.pk)
        except FactCheck.DoesNotExist:
            # Deleted, or published as a revision, by someone else meanwhile.
            raise TransitionNotAllowed(
                _("This fact-check no longer exists: someone deleted or published it."),
                code="gone",
            ) from None
        # Someone else may have moved it between our first look and the lock.
        guard_state(row, action)
        yield row
