"""Records readers browse fact-checks by: the topics, ratings and authors."""

from django.db import models


class ListingQuerySet(models.QuerySet):
    """Records with a page listing published fact-checks (a topic, a rating...).

    Subclasses say which fact-checks a record's page lists (``listed``); the
    filters here are subqueries on the publication-date index, cheap however
    many fact-checks there are.
    """

    def listed(self):
        """Published fact-checks the page of ``OuterRef("pk")`` lists."""
        raise NotImplementedError

    def published_fact_checks(self):
        from .articles import FactCheck  # the article model imports this module

        return FactCheck.objects.published()

    def in_use(self):
        """Only those whose page lists something: nobody gets an empty page."""
        return self.filter(models.Exists(self.listed()))


def listing_key(kind, pk):
    """The key of one list page: ``listing_key("topic", 9)``."""
    return f"{kind}:{pk}"


class Listing(models.Model):
    """A published fact-check's place on one list page: a topic's, a rating's,
    an author's or a claimant's.

    A list page shows the newest articles of one subject. Found through the
    article's own relations (its topics, its verdicts...), that means walking
    the publication-date index and testing each article until a page is full:
    twenty times the walk for a topic with a twentieth of the articles.
    These rows, written when an article goes live and removed when it leaves
    (``publishing``), put each list in an index of its own, newest first, so
    any page of any list is a range read of its rows.
    """

    #: "<kind>:<pk>" of the subject (``listing_key``): no foreign key, since
    #: the subjects are of four kinds; a deleted subject's page is a 404.
    key = models.CharField(max_length=40)
    factcheck = models.ForeignKey(
        "FactCheck", on_delete=models.CASCADE, related_name="listings"
    )
    first_published_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["key", "-first_published_at", "-factcheck"],
                name="listing_newest_first",
            ),
        ]

    def __str__(self):
        return f"{self.key}: {self.factcheck_id}"


class RatingCount(models.Model):
    """How many of one claimant's published claims carry one rating.

    A claimant page shows the whole distribution of their verdicts; counted
    on every view, that is a join over every claim they ever made (thousands
    for a prolific account). Counted again when an article showing their
    claims goes out or leaves (``tally.recount``, from ``publishing``), it is
    a handful of rows; ``counted_at`` lets the page add what a scheduled
    publication made visible since, without a write.
    """

    claimant = models.ForeignKey(
        "Claimant", on_delete=models.CASCADE, related_name="rating_counts"
    )
    #: None for claims not rated yet.
    rating = models.ForeignKey(
        "Rating", on_delete=models.CASCADE, null=True, related_name="+"
    )
    claims = models.PositiveIntegerField()
    counted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["claimant", "rating"],
                name="one_count_per_claimant_and_rating",
            )
        ]

    def __str__(self):
        return f"{self.claimant_id}/{self.rating_id}: {self.claims}"
