"""The editorial state machine: the only code that changes a fact-check's status.

Each step checks the user's permission, guards the state it starts from, then
locks the row, checks again, saves and logs in one transaction, so two editors
pressing Publish together give one transition and one log entry. Assigning a
review and voting on a rating go through the same lock and the same log.

A live article is changed through a revision: ``start_revision`` opens a
working copy that goes through review like a draft, and ``publish`` copies it
over the original, so readers see the live version until the change is
approved (the mechanics are in ``revisions``).
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import gate, notifications, preview, revisions
from .completeness import claim_label
from .models import (
    EDITOR_PERMISSION,
    Claim,
    FactCheck,
    Priority,
    RatingVote,
    Status,
    TransitionLog,
)
from .models.people import display_name
from .search import refresh_search_vector

Action = TransitionLog.Action


class WorkflowPermissionDenied(PermissionDenied):
    """The user's role does not allow this step on this fact-check."""


class TransitionNotAllowed(ValidationError):
    """The fact-check is not in a state this step starts from."""


class IncompleteFactCheck(TransitionNotAllowed):
    """The fact-check fails the publish gate; ``messages`` lists every problem."""


class QuorumNotReached(TransitionNotAllowed):
    """Too few editors agree on a claim's rating; ``messages`` says which."""


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
    permission: str


TRANSITIONS = {
    Action.SUBMIT: Transition(
        frozenset({Status.DRAFT}), Status.REVIEW, "factcheck.submit_factcheck"
    ),
    Action.REQUEST_CHANGES: Transition(
        frozenset({Status.REVIEW}), Status.DRAFT, EDITOR_PERMISSION
    ),
    # From PUBLISHED only while scheduled: to move the time or publish now.
    Action.PUBLISH: Transition(
        frozenset({Status.REVIEW, Status.PUBLISHED}),
        Status.PUBLISHED,
        EDITOR_PERMISSION,
    ),
    Action.UNPUBLISH: Transition(
        frozenset({Status.PUBLISHED}), Status.DRAFT, EDITOR_PERMISSION
    ),
    Action.RETRACT: Transition(
        frozenset({Status.PUBLISHED}), Status.RETRACTED, EDITOR_PERMISSION
    ),
    Action.ASSIGN: Transition(frozenset({Status.REVIEW}), None, EDITOR_PERMISSION),
    Action.VOTE: Transition(frozenset({Status.REVIEW}), None, EDITOR_PERMISSION),
    # From PUBLISHED only while live; the copy is a new fact-check row.
    Action.REVISE: Transition(
        frozenset({Status.PUBLISHED}), None, "factcheck.add_factcheck"
    ),
}

_REFUSALS = {
    Action.SUBMIT: gettext_lazy(
        "Only a draft can be submitted for review; this one is %(status)s."
    ),
    Action.REQUEST_CHANGES: gettext_lazy(
        "Changes can only be requested on a fact-check in review; this one is "
        "%(status)s."
    ),
    Action.PUBLISH: gettext_lazy(
        "Only a fact-check in review can be published; this one is %(status)s."
    ),
    Action.UNPUBLISH: gettext_lazy(
        "Only a published fact-check can be unpublished; this one is %(status)s."
    ),
    Action.RETRACT: gettext_lazy(
        "Only a fact-check readers have seen can be retracted; this one is "
        "%(status)s. Take it off the schedule instead."
    ),
    Action.ASSIGN: gettext_lazy(
        "Only a fact-check in review can be assigned to a reviewer; this one is "
        "%(status)s."
    ),
    Action.VOTE: gettext_lazy(
        "Editors vote on ratings while a fact-check is in review; this one is "
        "%(status)s."
    ),
    Action.REVISE: gettext_lazy(
        "Only a fact-check readers see now can be revised; this one is %(status)s."
    ),
}


def is_author(user, factcheck):
    """True if ``user`` is on the byline or created the fact-check."""
    if not user.is_authenticated or factcheck.pk is None:
        return False
    # Iterating ``all()`` uses the admin's prefetched bylines when it has them.
    return factcheck.created_by_id == user.pk or any(
        byline.author_id == user.pk for byline in factcheck.bylines.all()
    )


def is_editor(user):
    return user.is_active and user.has_perm(EDITOR_PERMISSION)


def _may_write(user, factcheck):
    """Journalists work on what they wrote; editors on everyone's articles."""
    return is_author(user, factcheck) or user.has_perm("factcheck.edit_any_factcheck")


def _self_publishing(user, factcheck):
    """The four-eyes rule: an author may not approve their own work (nor a superuser)."""
    return is_author(user, factcheck) and not settings.FACTCHECK_ALLOW_SELF_PUBLISH


def check_permission(user, factcheck, action):
    """Raise ``WorkflowPermissionDenied`` unless ``user`` may take ``action``.

    With ``factcheck`` None only the role is checked (for bulk actions).
    """
    if not user.has_perm(TRANSITIONS[action].permission):
        raise WorkflowPermissionDenied(_("You do not have permission to do this."))
    if factcheck is None:
        return
    if action == Action.SUBMIT and not _may_write(user, factcheck):
        raise WorkflowPermissionDenied(_("Only the article's authors can submit it."))
    if action == Action.REVISE and not _may_write(user, factcheck):
        raise WorkflowPermissionDenied(
            _("Only the article's authors and the editors can revise it.")
        )
    if action == Action.PUBLISH and _self_publishing(user, factcheck):
        raise WorkflowPermissionDenied(
            _("You wrote this fact-check, so another editor has to publish it.")
        )
    if action == Action.VOTE and _self_publishing(user, factcheck):
        raise WorkflowPermissionDenied(
            _("You wrote this fact-check, so you cannot vote on its ratings.")
        )


def _state_label(factcheck):
    """The state as the desk says it: a future publication is "scheduled"."""
    if factcheck.is_scheduled:
        return _("scheduled")
    return factcheck.get_status_display().lower()


def _guard_state(factcheck, action):
    transition = TRANSITIONS[action]
    allowed = factcheck.status in transition.sources
    if action == Action.PUBLISH and factcheck.status == Status.PUBLISHED:
        allowed = factcheck.is_scheduled
    if action in (Action.REVISE, Action.RETRACT):
        # Only what readers have seen is revised or retracted; a scheduled
        # article is taken off the schedule (unpublished) instead.
        allowed = factcheck.is_published
    if not allowed:
        raise TransitionNotAllowed(
            _REFUSALS[action] % {"status": _state_label(factcheck)},
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
        check_permission(user, factcheck, action)
        if factcheck is not None:
            _guard_state(factcheck, action)
    except (PermissionDenied, ValidationError):
        return False
    return True


def can_edit(user, factcheck):
    """Whether ``user`` may change the fact-check's content in its current state.

    Journalists edit their own drafts; editors edit drafts and, unless they
    wrote it, articles in review. A scheduled article was approved as it
    stands, so it is frozen like a live one: to change it, an editor takes it
    off the schedule (back to draft) and it goes through review again.
    """
    if not user.has_perm("factcheck.change_factcheck"):
        return False
    if factcheck.pk is None:
        return True
    if factcheck.status == Status.DRAFT:
        return is_author(user, factcheck) or user.has_perm(
            "factcheck.edit_any_factcheck"
        )
    # In review, an editor may fix what they review, but not their own work:
    # the reviewer would then publish changes nobody else has seen.
    return (
        factcheck.status == Status.REVIEW
        and user.has_perm("factcheck.edit_any_factcheck")
        and not _self_publishing(user, factcheck)
    )


def check_byline_change(user, authors_before, authors_after):
    """Refuse to let ``user`` take their own name off a byline.

    The four-eyes rule goes by the byline: an editor who could drop their own
    name could then approve their own work. Someone else has to remove it.
    """
    if (
        user.pk in authors_before
        and user.pk not in authors_after
        and not settings.FACTCHECK_ALLOW_SELF_PUBLISH
    ):
        raise ValidationError(
            _(
                "You cannot take your own name off the byline: ask an editor to, "
                "so that someone other than an author approves the fact-check."
            ),
            code="own_byline",
        )


def can_delete(user, factcheck):
    """Whether ``user`` may delete ``factcheck``: only what readers never saw.

    Anything once published stays on record; it is unpublished or retracted.
    """
    return (
        factcheck.first_published_at is None
        and user.has_perm("factcheck.delete_factcheck")
        and can_edit(user, factcheck)
    )


def delete(factcheck, user):
    """Delete an unpublished fact-check, leaving an entry in the log.

    The log keeps the headline of a deleted article (its link is nulled), so
    the desk can still see who deleted what, and when.
    """
    if not can_delete(user, factcheck):
        raise WorkflowPermissionDenied(
            _("Only an unpublished fact-check you may edit can be deleted.")
        )
    with transaction.atomic():
        _log(factcheck, user, Action.DELETE, factcheck.status)
        factcheck.delete()


def can_correct(user, factcheck):
    """Whether ``user`` may append a correction: only to what readers have seen.

    A scheduled article is not there yet (its first publication is ahead).
    """
    first = factcheck.first_published_at
    return (
        first is not None
        and first <= timezone.now()
        and user.has_perm("factcheck.add_correction")
    )


def can_preview(user, factcheck):
    """Whether ``user`` may see an unpublished fact-check as readers will."""
    return user.is_authenticated and (
        user.has_perm("factcheck.edit_any_factcheck")
        or (user.has_perm("factcheck.view_factcheck") and is_author(user, factcheck))
    )


def can_share_preview(user):
    """Editors may send a signed preview link to someone without an account."""
    return user.has_perm(EDITOR_PERMISSION)


def share_preview(factcheck, user, days=preview.DEFAULT_DAYS):
    """Make a signed preview link for someone without an account, and log it.

    The link itself is stored nowhere (it is signed), so the log is the only
    record of who let an unpublished article out of the building, and until
    when. Returns ``(token, expires_at)``.
    """
    if not can_share_preview(user):
        raise WorkflowPermissionDenied(_("Only editors can share a preview link."))
    if not 1 <= days <= preview.MAX_DAYS:
        raise ValidationError(
            _("A preview link works for 1 to %(max)s days.")
            % {"max": preview.MAX_DAYS},
            code="days",
        )
    token = preview.make_token(factcheck, days)
    _pk, expires = preview.read_token(token)
    _log(
        factcheck,
        user,
        Action.SHARE_PREVIEW,
        factcheck.status,
        _("Link valid until %(when)s")
        % {"when": formats.date_format(timezone.localtime(expires), "DATETIME_FORMAT")},
    )
    return token, expires


@contextmanager
def _locked(factcheck, user, action):
    """Check, lock the row and check again; the block runs in that transaction."""
    check_permission(user, factcheck, action)
    _guard_state(factcheck, action)
    with transaction.atomic():
        try:
            locked = FactCheck.objects.select_for_update().get(pk=factcheck.pk)
        except FactCheck.DoesNotExist:
            # Deleted, or published as a revision, by someone else meanwhile.
            raise TransitionNotAllowed(
                _("This fact-check no longer exists: someone deleted or published it."),
                code="gone",
            ) from None
        # Someone else may have moved it between our first look and the lock.
        _guard_state(locked, action)
        yield locked


def _log(factcheck, user, action, from_status, note=""):
    TransitionLog.objects.create(
        factcheck=factcheck,
        headline=factcheck.headline,
        user=user,
        action=action,
        from_status=from_status,
        to_status=factcheck.status,
        note=note,
    )


def _move(factcheck, user, action, *, note="", prepare=None, notify=None):
    """Change the status: lock, re-check, save, log and notify; all or nothing.

    ``prepare(locked)`` runs on the locked row: it raises to refuse, or returns
    further field changes to save with the status.
    """
    with _locked(factcheck, user, action) as locked:
        changes = prepare(locked) if prepare else {}
        changes["status"] = TRANSITIONS[action].target
        from_status = locked.status
        for field, value in changes.items():
            setattr(locked, field, value)
        # The image was checked when uploaded; re-reading it here is wasted I/O.
        locked.full_clean(exclude={"hero_image"})
        # A form opened before the step is stale now (forms.FactCheckAdminForm).
        locked.lock_version += 1
        locked.save(update_fields=[*changes, "lock_version", "updated_at"])
        refresh_search_vector(locked.pk)
        scheduled = action == Action.PUBLISH and not locked.is_published
        _log(locked, user, Action.SCHEDULE if scheduled else action, from_status, note)
        if notify:
            notify(locked, user, note)
    for field in (*changes, "lock_version", "updated_at"):
        setattr(factcheck, field, getattr(locked, field))
    return factcheck


def _require_gate(factcheck):
    report = gate.check_saved(factcheck)
    if not report.passed:
        raise IncompleteFactCheck(report.problems, code="incomplete")


def _require_note(note, message):
    note = (note or "").strip()
    if not note:
        raise ValidationError(message, code="note_required")
    return note


def submit_for_review(factcheck, user):
    """Send a draft to the editors. Refused while the publish gate lists problems."""

    def prepare(locked):
        _require_gate(locked)
        # Each review round starts with no votes; the log keeps the old ones.
        RatingVote.objects.filter(claim__factcheck=locked).delete()
        return {"submitted_at": timezone.now()}

    return _move(
        factcheck, user, Action.SUBMIT, prepare=prepare, notify=notifications.submitted
    )


def request_changes(factcheck, user, note):
    """Send a fact-check in review back to its authors with a note on what to change."""
    check_permission(user, factcheck, Action.REQUEST_CHANGES)
    note = _require_note(
        note, _("Say what needs to change: the note goes to the authors.")
    )
    return _move(
        factcheck,
        user,
        Action.REQUEST_CHANGES,
        note=note,
        notify=notifications.changes_requested,
    )


def publish(factcheck, user, at=None, version=None):
    """Publish now, or at ``at`` (readers see it from then on, without a scheduler).

    Refused while the publish gate lists problems or the rating panel has not
    reached its quorum. ``version``, when given, is the ``lock_version`` the
    editor reviewed: if the article changed since, publishing is refused, so
    nobody approves words they have not read. A revision is published over its
    original, which is returned (see ``_publish_revision``).
    """
    check_permission(user, factcheck, Action.PUBLISH)
    if factcheck.revision_of_id is not None:
        return _publish_revision(factcheck, user, at, version)
    if at is not None and at <= timezone.now():
        raise TransitionNotAllowed(
            _("The publication time has passed: pick a later one, or publish now."),
            code="past",
        )

    def prepare(locked):
        _require_reviewed(locked, version)
        _require_gate(locked)
        _require_quorum(locked, user)
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

    return _move(
        factcheck, user, Action.PUBLISH, prepare=prepare, notify=notifications.published
    )


def start_revision(factcheck, user):
    """Open a working copy of a live fact-check and return it.

    The copy is edited and reviewed like a draft while readers keep the live
    version; ``publish`` then copies it over the original. One revision at a
    time, so no two sets of changes compete to replace the same page.
    """
    with _locked(factcheck, user, Action.REVISE) as locked:
        revision = revisions.copy(locked, user)
        _log(locked, user, Action.REVISE, locked.status)
    return revision


def revision_conflict(revision, original=None):
    """Why ``revision`` can no longer be published over its original, or None.

    An original taken off the site may have been edited in place since; the
    revision, copied from it before, would silently undo those edits.
    """
    original = original or revision.revision_of
    values = {"headline": original.headline, "status": _state_label(original)}
    if not original.is_published:
        return (
            _(
                "“%(headline)s” is no longer live (it is %(status)s), so this "
                "revision cannot be published over it."
            )
            % values
        )
    left_the_site = TransitionLog.objects.filter(
        factcheck=original,
        action__in=[Action.UNPUBLISH, Action.RETRACT],
        created_at__gt=revision.created_at,
    ).exists()
    if left_the_site:
        return (
            _(
                "“%(headline)s” was taken off the site after this revision was "
                "started and may have changed since, so publishing the revision "
                "could undo that. Keep what you need from it, delete it and start "
                "a new revision."
            )
            % values
        )
    return None


def _require_reviewed(locked, version):
    if version is not None and locked.lock_version != version:
        raise TransitionNotAllowed(
            _(
                "“%(headline)s” has changed since you opened it. Read it again "
                "before publishing."
            )
            % {"headline": locked.headline},
            code="changed_since_review",
        )


def _publish_revision(revision, user, at, version=None):
    """Copy an approved revision over its live original; return the original.

    Readers keep the URL and the publication dates; the revision row is gone
    afterwards and its history is the original's.
    """
    if at is not None:
        raise TransitionNotAllowed(
            _(
                "A revision changes what readers see now, so it cannot be "
                "scheduled: publish it now."
            ),
            code="revision_scheduled",
        )
    with _locked(revision, user, Action.PUBLISH) as locked:
        original = FactCheck.objects.select_for_update().get(pk=locked.revision_of_id)
        conflict = revision_conflict(locked, original)
        if conflict:
            raise TransitionNotAllowed(conflict, code="revision_conflict")
        _require_reviewed(locked, version)
        _require_gate(locked)
        _require_quorum(locked, user)
        from_status = locked.status
        if locked.editor_id is None:
            locked.editor = user  # credited as on any publication
        revisions.merge(locked, original)
        refresh_search_vector(original.pk)
        _log(original, user, Action.PUBLISH, from_status, _("Revision published"))
        notifications.published(original, user)
    return original


def unpublish(factcheck, user, note, retract=False):
    """Take a published fact-check off the site, back to draft or as retracted."""
    action = Action.RETRACT if retract else Action.UNPUBLISH
    check_permission(user, factcheck, action)
    note = _require_note(
        note, _("Give the reason for unpublishing: it goes on the record.")
    )

    def prepare(locked):
        if locked.is_scheduled:
            # Taken off the schedule before anyone read it: it was never
            # published, so it keeps no publication dates.
            return {"published_at": None, "first_published_at": None}
        return {}

    return _move(
        factcheck,
        user,
        action,
        note=note,
        prepare=prepare,
        notify=notifications.unpublished,
    )


def assign_review(factcheck, user, assignee, due_at=None, priority=Priority.NORMAL):
    """Give the review of a fact-check to an editor, with an optional due time."""
    check_permission(user, factcheck, Action.ASSIGN)
    if not is_editor(assignee):
        raise ValidationError(
            _("%(name)s is not an editor, so cannot review fact-checks.")
            % {"name": display_name(assignee)},
            code="not_editor",
        )
    if due_at is not None and due_at <= timezone.now():
        raise ValidationError(
            _("The due time has passed: pick a later one."), code="past"
        )
    if priority not in Priority.values:
        raise ValidationError(_("Pick a priority from the list."), code="priority")
    with _locked(factcheck, user, Action.ASSIGN) as locked:
        if _self_publishing(assignee, locked):
            raise TransitionNotAllowed(
                _("%(name)s wrote this fact-check, so another editor has to review it.")
                % {"name": display_name(assignee)},
                code="four_eyes",
            )
        locked.assignee = assignee
        locked.review_due_at = due_at
        locked.review_priority = priority
        # Not a change to what the form edits: no lock_version bump, so an
        # editor with the form open can still save.
        locked.save(update_fields=["assignee", "review_due_at", "review_priority"])
        note = _("Assigned to %(name)s, priority %(priority)s") % {
            "name": display_name(assignee),
            "priority": locked.get_review_priority_display().lower(),
        }
        if due_at is not None:
            note += _(", due %(due)s") % {
                "due": formats.date_format(
                    timezone.localtime(due_at), "DATETIME_FORMAT"
                )
            }
        _log(locked, user, Action.ASSIGN, locked.status, note)
        notifications.assigned(locked, user)
    factcheck.assignee = assignee
    factcheck.review_due_at = due_at
    factcheck.review_priority = priority
    return factcheck


def vote(claim, user, rating, comment=""):
    """Record ``user``'s vote on ``claim``'s rating; voting again replaces the vote.

    A vote naming the verdict's current rating agrees; any other proposes a
    change (dissent). Both are logged with the comment.
    """
    with _locked(claim.factcheck, user, Action.VOTE) as locked:
        claims = list(
            Claim.objects.filter(factcheck=locked).select_related("verdict__rating")
        )
        number = [c.pk for c in claims].index(claim.pk) + 1
        claim = claims[number - 1]
        ballot, _created = RatingVote.objects.update_or_create(
            claim=claim,
            voter=user,
            defaults={"rating": rating, "comment": (comment or "").strip()},
        )
        ballot.claim = claim  # with its verdict, for the log's agree/dissent
        _log(locked, user, Action.VOTE, locked.status, _vote_note(number, ballot))
    return ballot


def _vote_note(number, ballot):
    label = claim_label(number, ballot.claim)
    verdict = getattr(ballot.claim, "verdict", None)
    current = verdict.rating if verdict else None
    if ballot.agrees:
        note = _("%(claim)s: agrees with “%(rating)s”.")
    elif current is None:
        note = _("%(claim)s: proposes “%(rating)s”.")
    else:
        note = _("%(claim)s: proposes “%(rating)s” instead of “%(current)s”.")
    note %= {"claim": label, "rating": ballot.rating, "current": current}
    return note + ("\n" + ballot.comment if ballot.comment else "")


def panel_size():
    """How many editors must agree on each rating (1: the publishing editor)."""
    return settings.FACTCHECK_PANEL_VOTES


@dataclass(frozen=True)
class Tally:
    """One claim's votes in the current review round."""

    number: int
    claim: Claim
    votes: list

    @property
    def agreeing(self):
        return [ballot for ballot in self.votes if ballot.agrees]


def tally(factcheck):
    """Each claim of ``factcheck`` with its votes, in claim order."""
    claims = (
        Claim.objects.filter(factcheck=factcheck)
        .select_related("verdict__rating")
        .prefetch_related(
            Prefetch("votes", RatingVote.objects.select_related("voter", "rating"))
        )
    )
    return [
        Tally(number, claim, list(claim.votes.all()))
        for number, claim in enumerate(claims, start=1)
    ]


def _require_quorum(factcheck, publisher):
    """Every claim needs ``panel_size()`` agreeing editors; publishing counts as one."""
    needed = panel_size()
    if needed <= 1:
        return
    # Each ballot asks whether its voter is an author: read the byline once.
    prefetch_related_objects([factcheck], "bylines")
    short = []
    for row in tally(factcheck):
        own = next((b for b in row.votes if b.voter_id == publisher.pk), None)
        if own is not None and not own.agrees:
            short.append(
                _(
                    "%(claim)s: you voted for “%(rating)s”, not its rating. Change "
                    "your vote or the rating before publishing."
                )
                % {
                    "claim": claim_label(row.number, row.claim),
                    "rating": own.rating.label,
                }
            )
            continue
        # A ballot from someone now on the byline does not count (four eyes).
        agreeing = {
            ballot.voter_id
            for ballot in row.agreeing
            if not _self_publishing(ballot.voter, factcheck)
        } | {publisher.pk}
        if len(agreeing) < needed:
            short.append(
                _(
                    "%(claim)s: %(count)s of the %(needed)s editors the rating panel "
                    "needs agree with its rating, counting you."
                )
                % {
                    "claim": claim_label(row.number, row.claim),
                    "count": len(agreeing),
                    "needed": needed,
                }
            )
    if short:
        raise QuorumNotReached(short, code="quorum")
