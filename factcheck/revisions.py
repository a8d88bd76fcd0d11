"""Copy and merge mechanics behind revisions of a live fact-check.

A revision is a second ``FactCheck`` row (``revision_of`` the live one) that
journalists and editors change while readers keep the original. Publishing
it copies its content back over the original, which keeps its slug and its
dates, so readers keep the URL they shared. ``workflow`` decides who may do
this and when; this module only moves the rows, inside its transaction, and
``editing`` saves the article rows themselves.
"""

from django.db.models.fields.files import FieldFile
from django.utils import timezone

from . import editing
from .models import (
    Byline,
    Claim,
    ClaimAppearance,
    ExpertQuote,
    FactCheck,
    ReplyAttempt,
    ReviewComment,
    Source,
    TransitionLog,
    Verdict,
)
from .slugs import unique_slug

#: What a revision changes: the article's words, image and credits.
CONTENT_FIELDS = [
    "headline",
    "standfirst",
    "key_points",
    "body",
    "hero_image",
    "hero_image_alt",
    "hero_image_credit",
    "hero_image_caption",
    "editor",
    "language",
    "partner_credit",
]
#: What stays the original's: its address, its state and the record of who
#: did what when. Every field of ``FactCheck`` is in one list or the other
#: (tests/test_revisions.py holds the census), so a new field cannot be
#: silently dropped when a revision is published.
STATE_FIELDS = [
    "id",
    "slug",
    "status",
    "published_at",
    "first_published_at",
    "revised_at",
    "submitted_at",
    "first_submitted_at",
    "previews_revoked_at",
    "review_rounds",
    "assignee",
    "review_due_at",
    "review_priority",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "lock_version",
    "revision_of",
]
#: The article's many-to-many content, copied as a set. (Its authors come
#: with the Byline rows.)
CONTENT_RELATIONS = ["topics"]

#: The article's parts, each with a ``factcheck`` key. Sources and reply
#: attempts go first, so deleting the original's claims leaves no row of it
#: to unlink or cascade.
PARTS = [Byline, Source, ReplyAttempt, ExpertQuote, Claim]


def _content(factcheck):
    """The content fields of ``factcheck`` by attname, images by stored name.

    The copy points at the same stored image: nothing is re-uploaded, and
    no file is ever deleted, so the live article's image stays valid.
    """
    values = {}
    for name in CONTENT_FIELDS:
        field = FactCheck._meta.get_field(name)
        value = field.value_from_object(factcheck)
        values[field.attname] = value.name if isinstance(value, FieldFile) else value
    return values


def _copy_rows(queryset, **changes):
    """Save a copy of each row with ``changes``; return ``{old pk: new pk}``.

    A change is a value for an attname, or a function of the original row.
    """
    rows = list(queryset)
    copies = []
    for row in rows:
        values = {
            field.attname: getattr(row, field.attname)
            for field in row._meta.concrete_fields
            if not field.primary_key
        }
        for attname, change in changes.items():
            values[attname] = change(row) if callable(change) else change
        copies.append(queryset.model(**values))
    copies = queryset.model.objects.bulk_create(copies)
    return {row.pk: copy.pk for row, copy in zip(rows, copies, strict=True)}


def copy(original, user):
    """Create and return a draft revision of ``original`` with copies of its parts.

    Rating votes are left behind: they belong to a review round, and the
    log keeps them. Corrections stay on the original, where readers see them.
    """
    revision = editing.create_draft(
        user=user,
        factcheck=FactCheck(
            revision_of=original,
            slug=unique_slug(FactCheck, f"{original.slug}-revision"),
            **_content(original),
        ),
    )
    for name in CONTENT_RELATIONS:
        getattr(revision, name).set(getattr(original, name).all())
    _copy_rows(Byline.objects.filter(factcheck=original), factcheck_id=revision.pk)
    claims = _copy_rows(
        Claim.objects.filter(factcheck=original), factcheck_id=revision.pk
    )
    for model in (Verdict, ClaimAppearance):
        _copy_rows(
            model.objects.filter(claim__factcheck=original),
            claim_id=lambda row: claims[row.claim_id],
        )
    _copy_rows(
        Source.objects.filter(factcheck=original),
        factcheck_id=revision.pk,
        claim_id=lambda source: claims.get(source.claim_id),
    )
    _copy_rows(
        ReplyAttempt.objects.filter(factcheck=original),
        factcheck_id=revision.pk,
        claim_id=lambda attempt: claims[attempt.claim_id],
    )
    _copy_rows(ExpertQuote.objects.filter(factcheck=original), factcheck_id=revision.pk)
    return revision


def merge(revision, original, *, shown=True):
    """Make ``original`` say what ``revision`` says, then delete the revision.

    The revision's parts move over (with their verdicts, appearances and the
    votes of its review round) and replace the original's; its log entries
    and review comments move too, so the article's history is complete (the
    original's comments on parts replaced stay, naming what they were
    about). The original's slug, publication dates and corrections are
    untouched; ``revised_at`` records the change for readers, unless it is
    not ``shown`` to them (a minor change moves no date). Both rows must be
    locked.
    """
    for attname, value in _content(revision).items():
        setattr(original, attname, value)
    original.updated_by_id = revision.updated_by_id
    if shown:
        original.revised_at = timezone.now()
    # The image was checked when uploaded; re-reading it here is wasted I/O.
    original.full_clean(exclude={"hero_image"})
    editing.save_locked(original, fields=[*CONTENT_FIELDS, "updated_by", "revised_at"])
    for name in CONTENT_RELATIONS:
        getattr(original, name).set(getattr(revision, name).all())
    for model in PARTS:
        model.objects.filter(factcheck=original).delete()
        model.objects.filter(factcheck=revision).update(factcheck=original)
    TransitionLog.objects.filter(factcheck=revision).update(factcheck=original)
    ReviewComment.objects.filter(factcheck=revision).update(factcheck=original)
    revision.delete()
    return original
