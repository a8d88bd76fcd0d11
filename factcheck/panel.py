"""The rating panel: editors vote on each claim's rating before it is published.

With ``FACTCHECK_PANEL_VOTES`` above 1, every claim needs that many editors
agreeing with its rating, the publishing editor counting as one, and none of
them an author (four eyes). A revision's re-rated verdict needs at least two,
even with the panel off: a second editor approves a re-rating by voting for
the new rating (``votes_needed``). A vote naming the verdict's current rating
agrees; any other proposes a change. ``workflow.publish`` asks ``require_quorum``;
``vote`` runs inside the same lock and log as every other editorial step.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _

from . import permissions
from .completeness import claim_label
from .models import Claim, RatingVote, TransitionLog
from .transitions import TransitionNotAllowed, locked

Action = TransitionLog.Action


class QuorumNotReached(TransitionNotAllowed):
    """Too few editors agree on a claim's rating; ``messages`` says which."""


def panel_size():
    """How many editors must agree on each rating (1: the publishing editor)."""
    return settings.FACTCHECK_PANEL_VOTES


def votes_needed(claim):
    """How many editors must agree on ``claim``'s rating, the publisher counting.

    A re-rated verdict (only a revision has one) needs a second editor: the
    vote is the approval, on the claim it concerns, in the review's own panel.
    """
    verdict = getattr(claim, "verdict", None)
    if verdict is not None and verdict.is_rerated:
        return max(panel_size(), 2)
    return panel_size()


def is_voting(factcheck):
    """Whether the panel's votes count on ``factcheck``: panel on, or a revision."""
    return panel_size() > 1 or factcheck.revision_of_id is not None


@dataclass(frozen=True)
class Tally:
    """One claim's votes in the current review round."""

    number: int
    claim: Claim
    votes: list

    @property
    def needed(self):
        return votes_needed(self.claim)

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


def vote(claim, user, rating, comment=""):
    """Record ``user``'s vote on ``claim``'s rating; voting again replaces the vote.

    Both agreement and dissent are logged with the comment.
    """
    with locked(claim.factcheck, user, Action.VOTE) as factcheck:
        claims = list(
            Claim.objects.filter(factcheck=factcheck).select_related("verdict__rating")
        )
        number = [c.pk for c in claims].index(claim.pk) + 1
        claim = claims[number - 1]
        ballot, _created = RatingVote.objects.update_or_create(
            claim=claim,
            voter=user,
            defaults={"rating": rating, "comment": (comment or "").strip()},
        )
        ballot.claim = claim  # with its verdict, for the log's agree/dissent
        TransitionLog.objects.record(
            factcheck, user, Action.VOTE, factcheck.status, _vote_note(number, ballot)
        )
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


def start_new_round(factcheck):
    """Clear the votes of a review round that ends; the log keeps them."""
    RatingVote.objects.filter(claim__factcheck=factcheck).delete()


def require_quorum(factcheck, publisher):
    """Raise ``QuorumNotReached`` unless every claim has the agreeing editors it needs.

    Publishing counts as one agreeing vote; ``votes_needed`` says how many.
    """
    if not is_voting(factcheck):
        return
    # Each ballot asks whether its voter is an author: read the byline once.
    prefetch_related_objects([factcheck], "bylines")
    short = []
    for row in tally(factcheck):
        needed = row.needed
        if needed <= 1:
            continue
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
            if not permissions.is_self_approval(ballot.voter, factcheck)
        } | {publisher.pk}
        if len(agreeing) < needed:
            if row.claim.verdict.is_rerated:
                message = _(
                    "%(claim)s: a re-rating needs %(needed)s editors who are not its "
                    "authors to agree with the new rating, counting you; "
                    "%(count)s do. Another editor approves it with a vote."
                )
            else:
                message = _(
                    "%(claim)s: %(count)s of the %(needed)s editors the rating panel "
                    "needs agree with its rating, counting you."
                )
            short.append(
                message
                % {
                    "claim": claim_label(row.number, row.claim),
                    "count": len(agreeing),
                    "needed": needed,
                }
            )
    if short:
        raise QuorumNotReached(short, code="quorum")
