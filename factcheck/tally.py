"""How a claimant's published claims were rated: a count per step of the scale.

The claimant page draws it as bars and gives the same figures as a table.
One grouped query over the claimant's claims (along the claims' (claimant,
fact-check) index), and the scale, whatever the number of fact-checks.
"""

from dataclasses import dataclass

from django.db.models import Count

from .models import Claim, Rating
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


def of_claimant(claimant):
    """The ``Tally`` of ``claimant``'s claims that readers can see."""
    rows = (
        Claim.objects.filter(visible_to_readers("factcheck__"), claimant=claimant)
        .order_by()
        .values("verdict__rating")
        .annotate(count=Count("pk"))
        .values_list("verdict__rating", "count")
    )
    return counts(dict(rows), Rating.objects.all())
