"""The words of each published fact-check, as the reader's search reads them."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone


class SearchEntryQuerySet(models.QuerySet):
    def live(self):
        """Entries of fact-checks readers can see now (a scheduled one has its
        entry from the start, found once its time comes)."""
        return self.filter(published_at__lte=timezone.now())


class SearchEntry(models.Model):
    """A published fact-check's search vector, with the dates search orders by.

    Search takes the newest matches of a query and ranks those. Kept on the
    article's row, that meant reading every matching row of the widest table
    (a word in a fifth of 100,000 articles: 13,000 pages of it) for the date.
    These rows hold only what search reads, their vector stored apart
    (migration 0030), so the same matches take a few hundred small pages.
    Written for published articles only, at each workflow step and published
    revision (``FactCheckQuerySet.index_for_search``); PostgreSQL only:
    other databases search the articles' text (``factcheck.search``).
    """

    factcheck = models.OneToOneField(
        "FactCheck",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    published_at = models.DateTimeField()
    first_published_at = models.DateTimeField()
    # Headline and claims weighted above standfirst and body.
    vector = SearchVectorField(null=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector")]
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"Search entry of fact-check {self.factcheck_id}"
