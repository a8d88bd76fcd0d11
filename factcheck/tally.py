"""How a claimant's published claims were rated: a count per step of the scale.

The claimant page draws it as bars and gives the same figures as a table.
The counts are stored (``RatingCount``) and counted again, in one grouped
query over the claimants concerned, whenever an article with their claims
goes out or leaves (``recount``, called by ``publishing``); reading them is
one small query, plus the claims of articles a schedule made visible since
the count, whatever the number of fact-checks.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from .models import Claim, FactCheck, Rating, RatingCount
from .models.querysets import visible_to_readers


@dataclass(frozen=True)
class Bar:
    rating: Rating
    count: int
    #: Share of the rated claims, 0 to 100: the bar's width.
    percent: int


@dataclass(frozen=True)
class Tally:
    bars: list  # one per rating, in the scale's order
    claims: int  # published claims, rated or not
    rated: int


def counts(claims, ratings):
    """A ``Tally`` from ``claims`` ({rating id or None: count}) over ``ratings``."""
    rated = sum(count for rating_id, count in claims.items() if rating_id is not None)
    bars = [
        Bar(
            rating,
            claims.get(rating.pk, 0),
            round(100 * claims.get(rating.pk, 0) / rated) if rated else 0,
        )
        for rating in ratings
    ]
    return Tally(bars, claims=sum(claims.values()), rated=rated)


def _grouped(claims):
    return (
        claims.order_by()
        .values("claimant", "verdict__rating")
        .annotate(count=Count("pk"))
        .values_list("claimant", "verdict__rating", "count")
    )


def recount(claimant_ids):
    """Count again the published claims of the claimants ``claimant_ids``."""
    claimant_ids = set(claimant_ids) - {None}
    if not claimant_ids:
        return
    now = timezone.now()
    rows = _grouped(
        Claim.objects.filter(
            visible_to_readers("factcheck__"), claimant__in=claimant_ids
        )
    )
    RatingCount.objects.filter(claimant__in=claimant_ids).delete()
    RatingCount.objects.bulk_create(
        RatingCount(
            claimant_id=claimant, rating_id=rating, claims=count, counted_at=now
        )
        for claimant, rating, count in rows
    )


def of_claimant(claimant):
    """The ``Tally`` of ``claimant``'s claims that readers can see."""
    stored = list(RatingCount.objects.filter(claimant=claimant))
    claims = {row.rating_id: row.claims for row in stored}
    # Scheduled articles went live since the count without anyone writing.
    since = min((row.counted_at for row in stored), default=None)
    later = Claim.objects.filter(visible_to_readers("factcheck__"), claimant=claimant)
    if since is not None:
        # Found from the few articles published since, not from every claim.
        live_since = FactCheck.objects.published().filter(published_at__gt=since)
        later = later.filter(factcheck__in=live_since.values("pk"))
    for _claimant, rating, count in _grouped(later):
        claims[rating] = claims.get(rating, 0) + count
    return counts(claims, Rating.objects.all())
