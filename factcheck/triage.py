"""What the desk does with a reader's tip: start a fact-check from it, or add it to one.

"Turn into a fact-check" (``turn_into_draft``) starts a draft through the
edit service with the tip's claim and where it was seen; a later tip about
the same claim joins that draft (``attach``). Either way the tip is linked to
the fact-check both ways (``ReaderMessage.factcheck``, its
``reader_messages``) and the step is in the article's log, so that
``tipsters`` can tell every reader the verdict once it is out.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import editing, permissions, tipsters
from .models import (
    Byline,
    Claim,
    ClaimAppearance,
    FactCheck,
    ReaderMessage,
    Status,
    TransitionLog,
)
from .slugs import unique_slug

#: A draft's headline quotes this much of the tip, until the journalist
#: writes the real one.
HEADLINE_QUOTE_CHARS = 120


def _require_triage(user):
    if not permissions.can_handle_reader_messages(user):
        raise permissions.NotAllowed(_("You do not have permission to do this."))


def _locked_tip(message):
    row = ReaderMessage.objects.select_for_update().get(pk=message.pk)
    if row.kind != ReaderMessage.Kind.TIP:
        raise permissions.NotAllowed(_("Only a reader's tip becomes a fact-check."))
    return row


def turn_into_draft(*, message, user):
    """Start a draft fact-check of the tip's claim; return it, linked to the tip.

    The draft is ``user``'s, made by the edit service like any other, with the
    tip's words as its claim and the tip's link as where the claim appeared.
    """
    _require_triage(user)
    with transaction.atomic():
        tip = _locked_tip(message)
        if tip.factcheck_id is not None:
            raise permissions.NotAllowed(
                _("This tip is already linked to “%(headline)s”.")
                % {"headline": tip.factcheck.headline}
            )
        statement = " ".join(tip.message.split())
        quote = statement[:HEADLINE_QUOTE_CHARS].rsplit(" ", 1)[0]
        if len(quote) < len(statement):
            quote += "…"
        headline = _("To check: %(claim)s") % {"claim": quote}
        draft = FactCheck(headline=headline, slug=unique_slug(FactCheck, headline))
        editing.create_draft(user=user, factcheck=draft)
        Byline.objects.create(factcheck=draft, author=user)
        claim = Claim.objects.create(factcheck=draft, statement=statement)
        if tip.url:
            ClaimAppearance.objects.create(claim=claim, url=tip.url)
        _link(tip, draft, user, TransitionLog.Action.FROM_TIP)
    message.refresh_from_db()
    return draft


def attach(*, message, factcheck, user):
    """Add the tip to ``factcheck``, a fact-check under way: its tipster hears the verdict.

    A revision's tips belong to the live article it revises.
    """
    _require_triage(user)
    if factcheck.revision_of_id is not None:
        factcheck = factcheck.revision_of
    if factcheck.is_published:
        raise permissions.NotAllowed(
            _("“%(headline)s” is already out: answer the tip with it instead.")
            % {"headline": factcheck.headline}
        )
    with transaction.atomic():
        tip = _locked_tip(message)
        _link(tip, factcheck, user, TransitionLog.Action.ADD_TIP)
        if factcheck.status == Status.PUBLISHED:  # scheduled: told when it goes out
            tipsters.verdict_published(factcheck)
    message.refresh_from_db()
    return factcheck


def _link(tip, factcheck, user, action):
    tip.factcheck = factcheck
    tip.state = ReaderMessage.State.IN_PROGRESS
    tip.handled_by = tip.handled_by or user
    tip.save(update_fields=["factcheck", "state", "handled_by"])
    TransitionLog.objects.record(
        factcheck, user, action, factcheck.status, tip.message[:200]
    )
