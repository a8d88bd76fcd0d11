"""The queries over fact-checks: what readers see, and how pages read it."""

from django.contrib.postgres.search import SearchVector
from django.db import connections, models
from django.db.models import Exists, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .parts import SEARCH_CONFIG, Byline, Claim, ExpertQuote, Source, Verdict
from .search import SearchEntry
from .states import Status

#: What a byline never needs of a user's account; public pages never read it.
PRIVATE_USER_FIELDS = ("password", "email", "last_login")


def visible_to_readers(prefix=""):
    """What readers may see, as a filter: published, and not scheduled for later.

    ``prefix`` reaches the article from a related record (``"factcheck__"``).
    """
    return Q(
        **{
            f"{prefix}status": Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


class FactCheckQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for later."""
        return self.filter(visible_to_readers())

    def under_way(self):
        """Fact-checks the desk is still working on: drafts, in review, scheduled."""
        return (
            self.filter(revision_of=None)
            .exclude(visible_to_readers())
            .exclude(status=Status.RETRACTED)
        )

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def authored_by(self, user):
        """Fact-checks ``user`` wrote: on the byline, or the one who started it.

        The four-eyes rule, the authors' dashboard and their notifications all
        go by this (``FactCheck.author_ids`` is the same rule for one article).
        """
        return self.filter(
            Q(pk__in=Byline.objects.filter(author=user).values("factcheck"))
            | Q(created_by=user)
        )

    def with_card_parts(self):
        """With what a list card shows (claims, verdicts, topics) prefetched.

        The number of queries stays fixed however many rows and claims there are;
        the body, which no card shows, stays in the database.
        """
        return self.defer("body").prefetch_related(
            models.Prefetch(
                "claims",
                queryset=Claim.objects.select_related("verdict__rating", "claimant"),
            ),
            "topics",
        )

    def with_article_parts(self):
        """With everything the article page and its ClaimReviews show, prefetched."""
        return (
            self.defer(*(f"editor__{f}" for f in PRIVATE_USER_FIELDS))
            .select_related("editor__profile")
            .prefetch_related(
                models.Prefetch(
                    "bylines",
                    queryset=Byline.objects.select_related("author__profile").defer(
                        *(f"author__{f}" for f in PRIVATE_USER_FIELDS)
                    ),
                ),
                models.Prefetch(
                    "claims",
                    queryset=Claim.objects.select_related(
                        "verdict__rating", "claimant"
                    ).prefetch_related("appearances", "reply_attempts"),
                ),
                models.Prefetch(
                    "quotes",
                    queryset=ExpertQuote.objects.filter(on_record=True)
                    .select_related("expert")
                    .defer(
                        "expert__contact_email",
                        "expert__contact_phone",
                        "expert__contact_notes",
                    ),
                ),
                # The desk's own notes on a source are not for readers.
                models.Prefetch(
                    "sources",
                    queryset=Source.objects.defer("notes").with_archived_copy(),
                ),
                "corrections",
                "topics",
            )
        )

    def related_to(self, factcheck_id):
        """Others sharing a topic or a rating with the fact-check ``factcheck_id``.

        Subqueries, not joins: no duplicates to remove, and the newest are
        found first along the publication-date index.
        """
        through = self.model.topics.through
        topics = through.objects.filter(factcheck_id=factcheck_id).values("topic_id")
        ratings = Verdict.objects.filter(
            claim__factcheck_id=factcheck_id, rating__isnull=False
        ).values("rating_id")
        return self.exclude(pk=factcheck_id).filter(
            Exists(
                through.objects.filter(factcheck_id=OuterRef("pk"), topic_id__in=topics)
            )
            | Exists(
                Verdict.objects.filter(
                    claim__factcheck_id=OuterRef("pk"), rating_id__in=ratings
                )
            )
        )

    def index_for_search(self):
        """Index these fact-checks for the reader's search as they now are.

        Published ones get a ``SearchEntry`` of their words (headline and
        claims weigh most, then the standfirst, then the body) and dates; any
        other has none. PostgreSQL only; other databases search the text
        itself (``search``). Only the edit service and the workflow call
        this, once an article's words or state have changed.
        """
        if connections[self.db].vendor != "postgresql":
            return
        claims = (
            Claim.objects.filter(factcheck=OuterRef("pk"))
            .values("factcheck")
            .annotate(
                text=StringAgg(
                    "statement", delimiter=Value(" "), output_field=models.TextField()
                )
            )
            .values("text")
        )
        words = (
            self.model.objects.filter(pk=OuterRef("factcheck_id"))
            .annotate(
                words=SearchVector("headline", weight="A", config=SEARCH_CONFIG)
                + SearchVector(
                    Coalesce(
                        Subquery(claims), Value(""), output_field=models.TextField()
                    ),
                    weight="A",
                    config=SEARCH_CONFIG,
                )
                + SearchVector("standfirst", weight="B", config=SEARCH_CONFIG)
                + SearchVector("body", weight="C", config=SEARCH_CONFIG)
            )
            .values("words")
        )
        SearchEntry.objects.filter(factcheck__in=self.values("pk")).delete()
        live = self.filter(status=Status.PUBLISHED).values_list(
            "pk", "published_at", "first_published_at"
        )
        entries = SearchEntry.objects.bulk_create(
            SearchEntry(factcheck_id=pk, published_at=at, first_published_at=first)
            for pk, at, first in live
        )
        SearchEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
            vector=Subquery(words)
        )
