"""A fact-check's verdicts, claim by claim, as every reader surface shows them.

List cards, the embed, the share image and the ClaimReview markup all read
them here, from claims prefetched with ``with_card_parts()`` or
``with_article_parts()``, so no surface speaks for one claim only and list
pages keep a fixed number of queries.
"""


def rated_claims(factcheck):
    """The claims that carry a rating, in the article's order."""
    return [
        claim
        for claim in factcheck.claims.all()
        if getattr(claim, "verdict", None) and claim.verdict.rating
    ]


def ratings(factcheck):
    """The rating readers see of each rated claim, in order (repeats kept).

    As each verdict was published (``Verdict.shown_rating``), so an edit of
    the scale changes no published verdict until it is re-rated.
    """
    return [claim.verdict.shown_rating for claim in rated_claims(factcheck)]


def shared(ratings):
    """The one rating all of ``ratings`` are, or None when they differ or are none.

    Its colour marks a whole card; mixed verdicts get a neutral colour, so the
    first claim's verdict does not appear to speak for the others.
    """
    distinct = {rating.pk: rating for rating in ratings}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def shared_rating(factcheck):
    """The rating every rated claim of ``factcheck`` has (see ``shared``)."""
    return shared(ratings(factcheck))
