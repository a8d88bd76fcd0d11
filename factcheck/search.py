"""Full-text search over published fact-checks.

On PostgreSQL a stored, GIN-indexed vector is kept per article (headline and
claims weigh most, then the standfirst, then the body); other databases fall
back to plain substring matching so search still works on a laptop.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import OuterRef, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from .models import Claim, FactCheck

SEARCH_CONFIG = "english"


def refresh_search_vector(*factcheck_ids):
    """Recompute the stored search vector of the given fact-checks."""
    if connection.vendor != "postgresql" or not factcheck_ids:
        return
    claims = (
        Claim.objects.filter(factcheck=OuterRef("pk"))
        .values("factcheck")
        .annotate(
            text=StringAgg("statement", delimiter=Value(" "), output_field=TextField())
        )
        .values("text")
    )
    FactCheck.objects.filter(pk__in=factcheck_ids).update(
        search_vector=SearchVector("headline", weight="A", config=SEARCH_CONFIG)
        + SearchVector(
            Coalesce(Subquery(claims), Value(""), output_field=TextField()),
            weight="A",
            config=SEARCH_CONFIG,
        )
        + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
        + SearchVector("body", weight="C", config=SEARCH_CONFIG)
    )
