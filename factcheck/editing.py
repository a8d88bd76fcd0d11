"""The edit service: the only code that creates an article or saves a change to it.

``workflow`` moves articles between states; this module owns what happens in
between. Every write moves the article's ``lock_version`` on, so a form
opened before it knows it is stale. (Only published words are indexed for
search, by the workflow.) The admin's save hooks, the importer, the demo
loader and revisions all come through here.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import permissions, publishing, tipsters, versions
from .models import Correction, FactCheck, Status, TransitionLog
from .models.people import display_name

Action = TransitionLog.Action


class EditConflict(ValidationError):
    """Someone saved the article after the version this edit started from.

    The admin's change form, rather than refuse, merges the two saves
    (``admin.merges``).

    ``current_version`` is the version now stored, saved by ``saved_by`` at
    ``saved_at``.
    """

    def __init__(self, current):
        who = display_name(current.updated_by) if current.updated_by else _("Someone")
        super().__init__(
            _(
                "%(who)s saved this fact-check at %(when)s, after you opened it. Your "
                "changes are not saved yet."
            )
            % {
                "who": who,
                "when": formats.date_format(current.updated_at, "DATETIME_FORMAT"),
            },
            code="edit_conflict",
        )
        self.current_version = current.lock_version
        self.saved_by, self.saved_at = current.updated_by, current.updated_at


def _edited_fields():
    """The article's own fields people edit (the rest is workflow state)."""
    return [
        field.name
        for field in FactCheck._meta.concrete_fields
        if field.editable and not field.primary_key
    ]


def _require_editable(factcheck, user):
    if not permissions.can_edit(user, factcheck):
        raise permissions.NotAllowed(
            _("This fact-check cannot be changed by you in its current state.")
        )


def create_draft(*, user, factcheck):
    """Save the unsaved ``factcheck`` as a new draft that ``user`` started.

    Its parts (bylines, claims, sources...) are the caller's to add, in the
    same transaction.
    """
    if not permissions.can_create(user):
        raise permissions.NotAllowed(_("You do not have permission to do this."))
    if factcheck.pk is not None:
        raise ValueError("create_draft() saves a new fact-check, not an existing one")
    factcheck.status = Status.DRAFT
    factcheck.created_by = factcheck.updated_by = user
    # The image was checked when uploaded (re-reading it is wasted I/O), and
    # the user stamps are the caller's own account.
    factcheck.full_clean(exclude={"hero_image", "created_by", "updated_by"})
    factcheck.save()
    return factcheck


def check_current(*, factcheck, version, lock=False):
    """Raise ``EditConflict`` unless ``version`` is the article's stored version.

    With ``lock`` the row stays locked until the caller's transaction ends, so
    no other save slips in before this one: the admin's change form checks
    this way before saving (its view runs in a transaction). The live
    checklist, which saves nothing, does not check at all.
    """
    current = _stored(factcheck, lock=lock)
    if current.lock_version != version:
        raise EditConflict(current)


def _stored(factcheck, lock=False):
    """The article's row as stored, with who saved it last."""
    rows = FactCheck.objects.select_related("updated_by__profile")
    if lock:
        rows = rows.select_for_update(of=("self",))
    return rows.get(pk=factcheck.pk)


def save_edit(*, factcheck, user, version):
    """Save ``user``'s changes to the article's own fields, made on ``version``.

    A conditional update claims the next version: if someone saved since
    ``version``, nothing is written and ``EditConflict`` says who. Workflow
    state (status, dates, the reviewer) is never written from here.
    """
    _require_editable(factcheck, user)
    with transaction.atomic():
        claimed = FactCheck.objects.filter(pk=factcheck.pk, lock_version=version)
        if not claimed.update(lock_version=version + 1):
            raise EditConflict(_stored(factcheck))
        factcheck.lock_version = version + 1
        factcheck.updated_by = user
        factcheck.save(update_fields=[*_edited_fields(), "updated_by", "updated_at"])
    return factcheck


def record_part_change(*, factcheck, user):
    """``user`` saved a part of the article outside its form (a claim's own page).

    The article moves to a new version, so a form opened on it before cannot
    save the old part back over the new one.
    """
    _require_editable(factcheck, user)
    with transaction.atomic():
        row = FactCheck.objects.select_for_update().get(pk=factcheck.pk)
        save_locked(row, fields=[], user=user)


def save_locked(factcheck, *, fields, user=None):
    """Save ``fields`` of an article whose row the caller holds locked, as a new version.

    For the workflow's steps, a published revision and corrections: they
    lock the row themselves, so no version needs claiming, only moving on.
    """
    factcheck.lock_version += 1
    fields = [*fields, "lock_version", "updated_at"]
    if user is not None:
        factcheck.updated_by = user
        fields.append("updated_by")
    factcheck.save(update_fields=fields)


def _locked_for_correction(factcheck, user):
    if not permissions.can_correct(user, factcheck):
        raise permissions.NotAllowed(
            _("Corrections are added by editors to what readers have already seen.")
        )
    return FactCheck.objects.select_for_update().get(pk=factcheck.pk)


def append_record(*, factcheck, user, kind, text, issued_at=None, **fields):
    """Save a public change record on ``factcheck``, whose row the caller holds locked.

    For ``issue_correction`` and for the workflow's steps that leave one (a
    revision published as anything but minor, a retraction); the caller logs
    the step and prepares what readers see.
    """
    text = (text or "").strip()
    if not text:
        raise ValidationError(
            _("Write the public note: readers see it on the article with its date."),
            code="note_required",
        )
    record = Correction(
        factcheck=factcheck,
        kind=kind,
        text=text,
        issued_at=issued_at or timezone.now(),
        issued_by=user,
        **fields,
    )
    record.full_clean()
    record.save()
    return record


def _require_direct(kind):
    if kind not in Correction.DIRECT_KINDS:
        raise ValidationError(
            _(
                "A re-rating is published with a revision, and a retraction by "
                "retracting the article: issue a correction, clarification or "
                "update here."
            ),
            code="kind",
        )


def issue_correction(*, factcheck, user, kind, text, issued_at=None):
    """Append a correction readers will see on the article, and log it."""
    _require_direct(kind)
    with transaction.atomic():
        row = _locked_for_correction(factcheck, user)
        correction = append_record(
            factcheck=row, user=user, kind=kind, text=text, issued_at=issued_at
        )
        save_locked(row, fields=[], user=user)
        if row.is_published:
            # Readers are shown the record with the article from now on: an
            # entry in its public history (``factcheck.history``).
            versions.record(
                row,
                user,
                _correction_note(correction),
                published_at=timezone.now(),
                change_class=kind,
                correction=correction,
            )
        TransitionLog.objects.record(
            row, user, Action.CORRECT, row.status, _correction_note(correction)
        )
        _readers_see(row)
        if row.is_published:
            tipsters.corrected(row, correction)
    return correction


def reword_correction(*, correction, user, kind, text, issued_at):
    """Change the wording (or kind or date) of an issued correction, and log it.

    Readers saw the correction, so it is never deleted, only reworded. A
    re-rating stays a re-rating (its ratings are on it), a retraction is as
    given, and neither kind is given to another record.
    """
    kept = Correction.objects.values_list("kind", flat=True).get(pk=correction.pk)
    if kept == Correction.Kind.RETRACTION:
        raise ValidationError(
            _("A retraction's reason stays on the record as it was given."),
            code="retraction",
        )
    if kind != kept:
        _require_direct(kept)
        _require_direct(kind)
    with transaction.atomic():
        row = _locked_for_correction(correction.factcheck, user)
        correction.kind, correction.text, correction.issued_at = kind, text, issued_at
        correction.full_clean()
        correction.save(update_fields=["kind", "text", "issued_at"])
        save_locked(row, fields=[], user=user)
        TransitionLog.objects.record(
            row,
            user,
            Action.REWORD_CORRECTION,
            row.status,
            _correction_note(correction),
        )
        _readers_see(row)
    return correction


def _readers_see(factcheck):
    # Corrections are issued on what readers saw; once it is off the site
    # (unpublished for rework), the page is prepared at its next publication.
    if factcheck.is_published:
        publishing.corrected(factcheck)


def _correction_note(correction):
    return f"{correction.get_kind_display()}: {correction.text}"
