"""The editorial state machine: the only code that changes a fact-check's status.

Each step checks the user's permission, guards the state it starts from, then
locks the row, checks again, saves and logs in one transaction, so two editors
pressing Publish together give one transition and one log entry (the table
and the lock are in ``transitions``, who may do what in ``permissions``, the
rating panel's votes and quorum in ``panel``).

A live article is changed through a revision: ``start_revision`` opens a
working copy that goes through review like a draft, and ``publish`` copies it
over the original, so readers see the live version until the change is
approved (the mechanics are in ``revisions``). The publishing editor gives
the change its class (``changes``): a minor one goes out alone and quietly,
the others with a public change record, a re-rating with a second editor's
vote on each new rating.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import (
    changes,
    editing,
    gate,
    invalidation,
    notifications,
    panel,
    permissions,
    publishing,
    revisions,
    tipsters,
    versions,
)
from .changes import ChangeClass
from .models import Correction, FactCheck, Priority, Status, TransitionLog, Verdict
from .models.people import display_name
from .permissions import NotAllowed
from .transitions import (
    TRANSITIONS,
    RevisionAlreadyOpen,
    TransitionNotAllowed,
    can_transition,
    locked,
    state_label,
)

Action = TransitionLog.Action

__all__ = [
    "Action",
    "ChangeClass",
    "IncompleteFactCheck",
    "NotAllowed",
    "RevisionAlreadyOpen",
    "TransitionNotAllowed",
    "assign_review",
    "can_transition",
    "delete",
    "publish",
    "request_changes",
    "restore",
    "revision_conflict",
    "start_revision",
    "submit_for_review",
    "unpublish",
]


class IncompleteFactCheck(TransitionNotAllowed):
    """The fact-check fails the publish gate; ``messages`` lists every problem."""


def delete(factcheck, user):
    """Delete an unpublished fact-check, leaving an entry in the log.

    The log keeps the headline of a deleted article (its link is nulled), so
    the desk can still see who deleted what, and when.
    """
    if not permissions.can_delete(user, factcheck):
        raise NotAllowed(
            _("Only an unpublished fact-check you may edit can be deleted.")
        )
    with transaction.atomic():
        TransitionLog.objects.record(factcheck, user, Action.DELETE, factcheck.status)
        factcheck.delete()


def _move(factcheck, user, action, *, note="", prepare=None, notify=None):
    """Change the status: lock, re-check, save, log and notify; all or nothing.

    ``prepare(row)`` runs on the locked row: it raises to refuse, or returns
    further field changes to save with the status.
    """
    with locked(factcheck, user, action) as row:
        changes = prepare(row) if prepare else {}
        changes["status"] = TRANSITIONS[action].target
        from_status = row.status
        for field, value in changes.items():
            setattr(row, field, value)
        # The image was checked when uploaded; re-reading it here is wasted I/O.
        row.full_clean(exclude={"hero_image"})
        # A new version: a form opened before the step is stale now.
        editing.save_locked(row, fields=list(changes))
        # Indexed as each step leaves it, so what goes out is searchable at once.
        FactCheck.objects.filter(pk=row.pk).index_for_search()
        scheduled = action == Action.PUBLISH and not row.is_published
        TransitionLog.objects.record(
            row, user, Action.SCHEDULE if scheduled else action, from_status, note
        )
        if action == Action.PUBLISH:
            # What readers are shown from ``published_at`` on: the public
            # history's first entry (or, after a time off the site, its next).
            versions.record(row, user, _("Published."), published_at=row.published_at)
            publishing.published(row)
            tipsters.verdict_published(row)
        elif action in (Action.UNPUBLISH, Action.RETRACT):
            if action == Action.RETRACT:
                # Readers find the retraction at the article's address, so it
                # is a public change record too (the corrections log).
                editing.append_record(
                    factcheck=row, user=user, kind=Correction.Kind.RETRACTION, text=note
                )
            publishing.withdrawn(row)
        if notify:
            notify(row, user, note)
    for field in (*changes, "lock_version", "updated_at"):
        setattr(factcheck, field, getattr(row, field))
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

    def prepare(row):
        _require_gate(row)
        # Each review round starts with no votes; the log keeps the old ones.
        panel.start_new_round(row)
        now = timezone.now()
        return {
            "submitted_at": now,
            "first_submitted_at": row.first_submitted_at or now,
            "review_rounds": row.review_rounds + 1,
        }

    return _move(
        factcheck, user, Action.SUBMIT, prepare=prepare, notify=notifications.submitted
    )


def withdraw_submission(factcheck, user, note=""):
    """An author takes their article back from review, to draft, and it is logged.

    For a fix they spotted after submitting: the reviewer (or the editors) are
    told, and submitting again starts a new round on the same review clock.
    """
    return _move(
        factcheck,
        user,
        Action.WITHDRAW,
        note=(note or "").strip(),
        notify=notifications.withdrawn,
    )


def request_changes(factcheck, user, note):
    """Send a fact-check in review back to its authors with a note on what to change."""
    permissions.check_step(user, factcheck, Action.REQUEST_CHANGES)
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


def publish(factcheck, user, at=None, version=None, change_class="", note=""):
    """Publish now, or at ``at`` (readers see it from then on, without a scheduler).

    Refused while the publish gate lists problems or the rating panel has not
    reached its quorum. ``version``, when given, is the ``lock_version`` the
    editor reviewed: if the article changed since, publishing is refused, so
    nobody approves words they have not read. A revision is published over its
    original, which is returned, as a change of ``change_class`` with the
    public ``note`` (see ``_publish_revision``).
    """
    permissions.check_step(user, factcheck, Action.PUBLISH)
    if factcheck.revision_of_id is not None:
        return _publish_revision(factcheck, user, at, version, change_class, note)
    if at is not None and at <= timezone.now():
        raise TransitionNotAllowed(
            _("The publication time has passed: pick a later one, or publish now."),
            code="past",
        )

    def prepare(row):
        _require_reviewed(row, version)
        _require_gate(row)
        panel.require_quorum(row, user)
        when = at or timezone.now()
        changes = {"published_at": when}
        if row.first_published_at is None or row.first_published_at > timezone.now():
            changes["first_published_at"] = when
        if row.editor_id is None:
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
    with locked(factcheck, user, Action.REVISE) as row:
        revision = revisions.copy(row, user)
        TransitionLog.objects.record(row, user, Action.REVISE, row.status)
        versions.record(revision, user, _("Revision started from the live version."))
    return revision


def restore(version, user):
    """Put an earlier version of an article back; return the article that took it.

    A draft (a revision's working copy included) takes it in place, as its
    newest version. A live article is never changed: a revision opens with
    the version's content, to be reviewed and published like any other.
    """
    factcheck = version.factcheck
    if factcheck.is_published:
        factcheck = start_revision(factcheck, user)
    note = _("Restored the version of %(when)s.") % {
        "when": formats.date_format(
            timezone.localtime(version.saved_at), "DATETIME_FORMAT"
        )
    }
    with locked(factcheck, user, Action.RESTORE) as row:
        versions.write(row, version.content)
        editing.save_locked(
            row, fields=[*revisions.CONTENT_FIELDS, "updated_by"], user=user
        )
        FactCheck.objects.filter(pk=row.pk).index_for_search()
        TransitionLog.objects.record(row, user, Action.RESTORE, row.status, note)
        versions.record(row, user, note)
    return row


def revision_conflict(revision, original=None):
    """Why ``revision`` can no longer be published over its original, or None.

    An original taken off the site may have been edited in place since; the
    revision, copied from it before, would silently undo those edits.
    """
    original = original or revision.revision_of
    values = {"headline": original.headline, "status": state_label(original)}
    if not original.is_published:
        return (
            _(
                "“%(headline)s” is no longer live (it is %(status)s), so this "
                "revision cannot be published over it."
            )
            % values
        )
    left_the_site = (
        TransitionLog.objects.taken_off_the_site()
        .filter(factcheck=original, created_at__gt=revision.created_at)
        .exists()
    )
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


def _require_reviewed(row, version):
    if version is not None and row.lock_version != version:
        raise TransitionNotAllowed(
            _(
                "“%(headline)s” has changed since you opened it. Read it again "
                "before publishing."
            )
            % {"headline": row.headline},
            code="changed_since_review",
        )


def _publish_revision(revision, user, at, version, change_class, note):
    """Copy an approved revision over its live original; return the original.

    Readers keep the URL and the publication dates; the revision row is gone
    afterwards and its history is the original's. The class must fit what
    changed (``changes.refusal``). A minor change may be published from a
    draft by the editor who made it, with no vote, no public record and no
    new date for readers; any other class goes through review, four eyes and
    the rating panel, and leaves a public change record with ``note``.
    """
    if at is not None:
        raise TransitionNotAllowed(
            _(
                "A revision changes what readers see now, so it cannot be "
                "scheduled: publish it now."
            ),
            code="revision_scheduled",
        )
    if change_class not in ChangeClass.values:
        raise TransitionNotAllowed(
            _(
                "Say what kind of change this is: minor, a clarification, an "
                "update, a correction or a re-rating."
            ),
            code="change_class",
        )
    minor = change_class == ChangeClass.MINOR
    note = (note or "").strip()
    if not minor:
        note = _require_note(
            note,
            _(
                "Write the public note: readers see it on the article with its "
                "date, and in the corrections log."
            ),
        )
    with locked(revision, user, Action.PUBLISH) as row:
        original = FactCheck.objects.select_for_update().get(pk=row.revision_of_id)
        conflict = revision_conflict(row, original)
        if conflict:
            raise TransitionNotAllowed(conflict, code="revision_conflict")
        _require_reviewed(row, version)
        _require_gate(row)
        rerated = changes.rerated(row)
        refusal = changes.refusal(
            change_class, changes.what_changed(row, original), rerated
        )
        if refusal:
            raise TransitionNotAllowed(refusal, code="change_class")
        if not minor:
            _require_second_pair_of_eyes(row, user)
        from_status = row.status
        if row.editor_id is None:
            row.editor = user  # credited as on any publication
        shown_before = invalidation.shown(original)
        ratings_before = _ratings(original)
        revisions.merge(row, original, shown=not minor)
        FactCheck.objects.filter(pk=original.pk).index_for_search()
        record = None
        if not minor:
            old, new = changes.rating_labels(rerated)
            record = editing.append_record(
                factcheck=original,
                user=user,
                kind=change_class,
                text=note,
                issued_at=original.revised_at,
                old_rating_label=old,
                new_rating_label=new,
            )
        versions.record(
            original,
            user,
            _("Revision published: %(kind)s.")
            % {"kind": changes.ChangeClass(change_class).label},
            published_at=timezone.now(),
            change_class=change_class,
            correction=record,
        )
        entry = TransitionLog.objects.record(
            original, user, Action.PUBLISH, from_status, _revision_note(record, note)
        )
        publishing.published(original, before=shown_before)
        if _ratings(original) != ratings_before:
            tipsters.rerated(original, entry)
        elif record is not None:
            tipsters.corrected(original, record)
        notifications.published(original, user)
    return original


def _require_second_pair_of_eyes(row, user):
    """Anything readers are told of is reviewed, by an editor who did not write it."""
    if row.status != Status.REVIEW:
        raise TransitionNotAllowed(
            _(
                "Only a minor change is published without review: submit this "
                "revision for review first."
            ),
            code="not_reviewed",
        )
    if permissions.is_self_approval(user, row):
        raise NotAllowed(
            _(
                "You made or wrote this revision, so another editor has to publish "
                "it; only a minor change may be published by its own editor."
            )
        )
    panel.require_quorum(row, user)


def _revision_note(record, note):
    """The log's line for a published revision: its class, and its note."""
    if record is None:
        text = _("Revision published as a minor change")
        return f"{text}: {note}" if note else text
    return _("Revision published (%(kind)s): %(note)s") % {
        "kind": record.get_kind_display().lower(),
        "note": note,
    }


def _ratings(factcheck):
    """The rating of each claim, in the article's order: what a re-rating changes."""
    return list(
        Verdict.objects.filter(claim__factcheck=factcheck)
        .order_by("claim__ordering", "claim__pk")
        .values_list("rating_id", flat=True)
    )


def unpublish(factcheck, user, note, retract=False):
    """Take a published fact-check off the site, back to draft or as retracted."""
    action = Action.RETRACT if retract else Action.UNPUBLISH
    permissions.check_step(user, factcheck, action)
    note = _require_note(
        note, _("Give the reason for unpublishing: it goes on the record.")
    )

    def prepare(row):
        if row.is_scheduled:
            # Taken off the schedule before anyone read it: it was never
            # published, so it keeps no publication dates, nor a version
            # shown to readers.
            versions.unschedule(row)
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
    permissions.check_step(user, factcheck, Action.ASSIGN)
    if not permissions.is_editor(assignee):
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
    with locked(factcheck, user, Action.ASSIGN) as row:
        if permissions.is_self_approval(assignee, row):
            raise TransitionNotAllowed(
                _("%(name)s wrote this fact-check, so another editor has to review it.")
                % {"name": display_name(assignee)},
                code="four_eyes",
            )
        row.assignee = assignee
        row.review_due_at = due_at
        row.review_priority = priority
        # Not a change to what the form edits: no lock_version bump, so an
        # editor with the form open can still save.
        row.save(update_fields=["assignee", "review_due_at", "review_priority"])
        note = _("Assigned to %(name)s, priority %(priority)s") % {
            "name": display_name(assignee),
            "priority": row.get_review_priority_display().lower(),
        }
        if due_at is not None:
            note += _(", due %(due)s") % {
                "due": formats.date_format(
                    timezone.localtime(due_at), "DATETIME_FORMAT"
                )
            }
        TransitionLog.objects.record(row, user, Action.ASSIGN, row.status, note)
        notifications.assigned(row, user)
    factcheck.assignee = assignee
    factcheck.review_due_at = due_at
    factcheck.review_priority = priority
    return factcheck
