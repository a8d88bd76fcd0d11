"""Read back what a test left in the database, as comparable values."""

from factcheck.models import FactCheck, TransitionLog


def state_of(factcheck):
    row = FactCheck.objects.get(pk=factcheck.pk)
    return (
        row.status,
        row.published_at,
        TransitionLog.objects.filter(factcheck=factcheck).count(),
    )


def what_readers_see(factcheck):
    """The live article's content, as a comparable value."""
    row = FactCheck.objects.get(pk=factcheck.pk)
    return {
        "headline": row.headline,
        "body": row.body,
        "slug": row.slug,
        "published_at": row.published_at,
        "status": row.status,
        "claims": [
            (claim.statement, claim.verdict.rating.slug, claim.verdict.summary)
            for claim in row.claims.select_related("verdict__rating")
        ],
        "sources": sorted(row.sources.values_list("title", flat=True)),
        "quotes": list(row.quotes.values_list("text", flat=True)),
        "authors": list(row.bylines.values_list("author__username", flat=True)),
        "topics": list(row.topics.values_list("slug", flat=True)),
    }


def content(factcheck):
    """What a revision carries: all readers see but the address, date and state."""
    seen = what_readers_see(factcheck)
    for own in ("slug", "published_at", "status"):
        del seen[own]
    return seen


def log_of(factcheck):
    return list(
        TransitionLog.objects.filter(factcheck=factcheck)
        .order_by("pk")
        .values_list("action", "from_status", "to_status", "note")
    )
