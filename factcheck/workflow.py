"""The editorial state machine: the only code that changes a fact-check's status.

Each transition checks the user's permission, guards the state it starts
from, then locks the row, saves and logs in one transaction, so two editors
pressing Publish together give one transition and one log entry.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .completeness import missing_parts
from .models import FactCheck, Status, TransitionLog
from .search import refresh_search_vector

Action = TransitionLog.Action


class WorkflowPermissionDenied(PermissionDenied):
    """The user's role does not allow this transition on this fact-check."""


class TransitionNotAllowed(ValidationError):
    """The fact-check is not in a state this transition starts from."""


class IncompleteFactCheck(TransitionNotAllowed):
    """The fact-check lacks parts the house requires; ``messages`` lists them."""


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    permission: str


TRANSITIONS = {
    Action.SUBMIT: Transition(
        frozenset({Status.DRAFT}), Status.REVIEW, "factcheck.submit_factcheck"
    ),
    Action.REQUEST_CHANGES: Transition(
        frozenset({Status.REVIEW}), Status.DRAFT, "factcheck.publish_factcheck"
    ),
    # From PUBLISHED only while scheduled: to move the time or publish now.
    Action.PUBLISH: Transition(
        frozenset({Status.REVIEW, Status.PUBLISHED}),
        Status.PUBLISHED,
        "factcheck.publish_factcheck",
    ),
    Action.UNPUBLISH: Transition(
        frozenset({Status.PUBLISHED}), Status.DRAFT, "factcheck.publish_factcheck"
    ),
    Action.RETRACT: Transition(
        frozenset({Status.PUBLISHED}), Status.RETRACTED, "factcheck.publish_factcheck"
    ),
}

_REFUSALS = {
    Action.SUBMIT: gettext_lazy(
        "Only a draft can be submitted for review; this one is %(status)s."
    ),
    Action.REQUEST_CHANGES: gettext_lazy(
        "Changes can only be requested on a fact-check in review; this one is %(status)s."
    ),
    Action.PUBLISH: gettext_lazy(
        "Only a fact-check in review can be published; this one is %(status)s."
    ),
    Action.UNPUBLISH: gettext_lazy(
        "Only a published fact-check can be unpublished; this one is %(status)s."
    ),
    Action.RETRACT: gettext_lazy(
        "Only a published fact-check can be retracted; this one is %(status)s."
    ),
}


def is_author(user, factcheck):
    """True if ``user`` is on the byline or created the fact-check."""
    if not user.is_authenticated or factcheck.pk is None:
        return False
    return (
        factcheck.created_by_id == user.pk
        or factcheck.bylines.filter(author=user).exists()
    )


def can_edit(user, factcheck):
    """Whether ``user`` may change the fact-check's content in its current state.

    Journalists edit their own drafts; editors edit anything not yet public.
    """
    if not user.has_perm("factcheck.change_factcheck"):
        return False
    if factcheck.pk is None:
        return True
    if user.has_perm("factcheck.edit_any_factcheck"):
        return (
            factcheck.status in (Status.DRAFT, Status.REVIEW) or factcheck.is_scheduled
        )
    return factcheck.status == Status.DRAFT and is_author(user, factcheck)


def _refuse_if_not_permitted(user, factcheck, action):
    transition = TRANSITIONS[action]
    if not user.has_perm(transition.permission):
        raise WorkflowPermissionDenied(_("You do not have permission to do this."))
    if action == Action.SUBMIT and not (
        is_author(user, factcheck) or user.has_perm("factcheck.edit_any_factcheck")
    ):
        raise WorkflowPermissionDenied(_("Only the article's authors can submit it."))
    if (
        action == Action.PUBLISH
        and is_author(user, factcheck)
        and not settings.FACTCHECK_ALLOW_SELF_PUBLISH
    ):
        raise WorkflowPermissionDenied(
            _("You wrote this fact-check, so another editor has to publish it.")
        )


def _guard_state(factcheck, action):
    transition = TRANSITIONS[action]
    allowed = factcheck.status in transition.sources
    if action == Action.PUBLISH and factcheck.status == Status.PUBLISHED:
        allowed = factcheck.is_scheduled
    if not allowed:
        raise TransitionNotAllowed(
            _REFUSALS[action] % {"status": factcheck.get_status_display().lower()},
            code="wrong_state",
        )


def can_transition(user, factcheck, action):
    """Whether ``user`` may make ``action`` on ``factcheck`` now (for showing buttons)."""
    try:
        _refuse_if_not_permitted(user, factcheck, action)
        _guard_state(factcheck, action)
    except (PermissionDenied, ValidationError):
        return False
    return True


def _apply(factcheck, user, action, *, note="", prepare=None):
    """Lock, re-check, save the new status, log; all or nothing.

    ``prepare(locked)`` runs on the locked row: it raises to refuse, or returns
    further field changes to save with the status.
    """
    _refuse_if_not_permitted(user, factcheck, action)
    _guard_state(factcheck, action)
    with transaction.atomic():
        locked = FactCheck.objects.select_for_update().get(pk=factcheck.pk)
        # Someone else may have moved it between our first look and the lock.
        _guard_state(locked, action)
        changes = prepare(locked) if prepare else {}
        changes["status"] = TRANSITIONS[action].target
        from_status = locked.status
        for field, value in changes.items():
            setattr(locked, field, value)
        # The image was checked when uploaded; re-reading it here is wasted I/O.
        locked.full_clean(exclude={"hero_image"})
        locked.lock_version += 1
        locked.save(update_fields=[*changes, "lock_version", "updated_at"])
        refresh_search_vector(locked.pk)
        TransitionLog.objects.create(
            factcheck=locked,
            headline=locked.headline,
            user=user,
            action=Action.SCHEDULE
            if action == Action.PUBLISH and not locked.is_published
            else action,
            from_status=from_status,
            to_status=locked.status,
            note=note,
        )
    for field in (*changes, "lock_version", "updated_at"):
        setattr(factcheck, field, getattr(locked, field))
    return factcheck


def _require_complete(factcheck):
    problems = missing_parts(factcheck)
    if problems:
        raise IncompleteFactCheck(problems, code="incomplete")
    return {}


def _require_note(note, message):
    note = (note or "").strip()
    if not note:
        raise ValidationError(message, code="note_required")
    return note


def submit_for_review(factcheck, user):
    """Send a draft to the editors. Refused while required parts are missing."""

    def prepare(locked):
        _require_complete(locked)
        return {"submitted_at": timezone.now()}

    return _apply(factcheck, user, Action.SUBMIT, prepare=prepare)


def request_changes(factcheck, user, note):
    """Send a fact-check in review back to its authors with a note saying what to change."""
    note = _require_note(
        note, _("Say what needs to change: the note goes to the authors.")
    )
    return _apply(factcheck, user, Action.REQUEST_CHANGES, note=note)


def publish(factcheck, user, at=None):
    """Publish now, or at ``at`` (readers see it from then on, without a scheduler)."""

    def prepare(locked):
        _require_complete(locked)
        when = at or timezone.now()
        changes = {"published_at": when}
        if (
            locked.first_published_at is None
            or locked.first_published_at > timezone.now()
        ):
            changes["first_published_at"] = when
        if locked.editor_id is None:
            changes["editor"] = user
        return changes

    return _apply(factcheck, user, Action.PUBLISH, prepare=prepare)


def unpublish(factcheck, user, note, retract=False):
    """Take a published fact-check off the site, back to draft or as retracted."""
    note = _require_note(
        note, _("Give the reason for unpublishing: it goes on the record.")
    )
    action = Action.RETRACT if retract else Action.UNPUBLISH
    return _apply(factcheck, user, action, note=note)


def can_preview(user, factcheck):
    """Whether ``user`` may see an unpublished fact-check as readers will."""
    return user.is_authenticated and (
        user.has_perm("factcheck.edit_any_factcheck")
        or (user.has_perm("factcheck.view_factcheck") and is_author(user, factcheck))
    )
