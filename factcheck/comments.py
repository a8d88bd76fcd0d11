"""Review comments: the only code that writes ``ReviewComment`` rows.

An editor reviewing an article comments on one of its fields, claims or
sources; its authors (or the editors) reply and resolve the thread once it
is dealt with, also after the article was sent back to draft. Who may is
asked of ``permissions``; each function checks the user and the article's
state before it writes, on the locked article row, so a refused call saves
nothing. Comments are never deleted here: after publication they stay as
part of the article's history, and a revision's move to the original with
it (``revisions.merge``).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .models import Claim, FactCheck, ReviewComment, Source, Status
from .permissions import NotAllowed
from .transitions import TransitionNotAllowed, state_label

Kind = ReviewComment.Kind

#: The article's fields a comment may be about, in the form's order.
FIELDS = [
    "headline",
    "slug",
    "standfirst",
    "key_points",
    "body",
    "hero_image",
    "hero_image_alt",
    "hero_image_credit",
    "hero_image_caption",
    "editor",
    "partner_credit",
    "topics",
    "language",
]

UNKNOWN_TARGET = gettext_lazy(
    "Pick what the comment is about: a field, a claim or a source of this article."
)

#: While the authors may still act on a comment: in review, and back in draft
#: after changes were requested. Published, the review is over.
ANSWERABLE = {Status.DRAFT, Status.REVIEW}


def field_label(name):
    return str(FactCheck._meta.get_field(name).verbose_name).capitalize()


def targets(factcheck, claims=None, sources=None):
    """What a comment on ``factcheck`` may be about: ``(key, label)`` pairs.

    The keys are what ``target_for`` reads back; claims and sources (read
    from ``factcheck`` unless given, e.g. as a form has them) are numbered
    in their order.
    """
    claims = factcheck.claims.all() if claims is None else claims
    sources = factcheck.sources.all() if sources is None else sources
    choices = [(f"field:{name}", field_label(name)) for name in FIELDS]
    for number, claim in enumerate(claims, start=1):
        label = _("Claim %(number)d: %(statement)s") % {
            "number": number,
            "statement": Truncator(claim.statement).chars(60),
        }
        choices.append((f"claim:{claim.pk}", label))
    for number, source in enumerate(sources, start=1):
        label = _("Source %(number)d: %(title)s") % {
            "number": number,
            "title": Truncator(source.title).chars(60),
        }
        choices.append((f"source:{source.pk}", label))
    return choices


def target_for(factcheck, key):
    """The field name, Claim or Source of ``factcheck`` that ``key`` names."""
    kind, _sep, value = (key or "").partition(":")
    if kind == Kind.FIELD and value in FIELDS:
        return value
    model = {Kind.CLAIM: Claim, Kind.SOURCE: Source}.get(kind)
    if model is not None and value.isdigit():
        found = model.objects.filter(factcheck=factcheck, pk=value).first()
        if found is not None:
            return found
    raise ValidationError(UNKNOWN_TARGET, code="unknown_target")


def _target_values(factcheck, target):
    """The model fields naming ``target``; refuse anything not of ``factcheck``."""
    if isinstance(target, str) and target in FIELDS:
        return {"kind": Kind.FIELD, "field": target, "about": field_label(target)}
    if isinstance(target, Claim | Source) and target.factcheck_id == factcheck.pk:
        if isinstance(target, Claim):
            return {
                "kind": Kind.CLAIM,
                "claim": target,
                "about": Truncator(_("Claim: %s") % target.statement).chars(200),
            }
        return {
            "kind": Kind.SOURCE,
            "source": target,
            "about": Truncator(_("Source: %s") % target.title).chars(200),
        }
    raise ValidationError(UNKNOWN_TARGET, code="unknown_target")


def _require_text(text):
    text = (text or "").strip()
    if not text:
        raise ValidationError(
            _("Write the comment: an empty one says nothing."), code="empty"
        )
    return text


def _lock(factcheck, states, refusal):
    """Lock the article row and refuse unless it is in one of ``states``."""
    row = (
        FactCheck.objects.select_for_update()
        .only("status", "published_at")
        .get(pk=factcheck.pk)
    )
    if row.status not in states:
        raise TransitionNotAllowed(
            refusal % {"status": state_label(row)}, code="wrong_state"
        )
    return row


def _check_answer(thread, user):
    if not permissions.may_answer_comments(user, thread.factcheck):
        raise NotAllowed(
            _("Only the article's authors and the editors can answer its comments.")
        )


def comment(factcheck, user, target, text):
    """Open a thread on ``target`` (a field's name, a Claim or a Source) and return it."""
    if not permissions.may_comment(user, factcheck):
        raise NotAllowed(
            _(
                "Review comments are the reviewing editor's; an author answers "
                "them and cannot review their own article."
            )
        )
    values = _target_values(factcheck, target)
    text = _require_text(text)
    with transaction.atomic():
        _lock(
            factcheck,
            {Status.REVIEW},
            _(
                "Comments are made while a fact-check is in review; this one is "
                "%(status)s."
            ),
        )
        return ReviewComment.objects.create(
            factcheck=factcheck, author=user, text=text, **values
        )


def reply(comment, user, text):
    """Answer a thread (a reply to a reply joins its thread) and return the reply."""
    thread = comment.reply_to or comment
    _check_answer(thread, user)
    text = _require_text(text)
    with transaction.atomic():
        _lock(
            thread.factcheck,
            ANSWERABLE,
            _("The review is over: this fact-check is %(status)s."),
        )
        return ReviewComment.objects.create(
            factcheck_id=thread.factcheck_id, reply_to=thread, author=user, text=text
        )


def _set_resolution(thread, user, *, resolved):
    if thread.reply_to_id is not None:
        raise ValidationError(
            _("A reply is resolved with its thread."), code="reply_not_thread"
        )
    _check_answer(thread, user)
    with transaction.atomic():
        _lock(
            thread.factcheck,
            ANSWERABLE,
            _("The review is over: this fact-check is %(status)s."),
        )
        row = ReviewComment.objects.select_for_update().get(pk=thread.pk)
        if row.is_resolved == resolved:
            raise ValidationError(
                _("This comment is resolved already.")
                if resolved
                else _("This comment is open already."),
                code="unchanged",
            )
        row.resolved_at = timezone.now() if resolved else None
        row.resolved_by = user if resolved else None
        row.save(update_fields=["resolved_at", "resolved_by"])
    thread.resolved_at, thread.resolved_by = row.resolved_at, row.resolved_by
    return thread


def resolve(comment, user):
    """Mark a thread dealt with; it stays, collapsed, beside its target and in history."""
    return _set_resolution(comment, user, resolved=True)


def reopen(comment, user):
    """Open a resolved thread again, when what was done does not settle it."""
    return _set_resolution(comment, user, resolved=False)
