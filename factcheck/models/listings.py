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
