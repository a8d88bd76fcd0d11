"""``/sitemap.xml``: published fact-checks, the pages that list them, standing pages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse

from . import structured_data
from .models import AuthorProfile, FactCheck, Page, Rating, Topic


class FactCheckSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return FactCheck.objects.published().prefetch_related("corrections")

    def lastmod(self, item):
        return structured_data.updated(item) or structured_data.published(item)


class _ListingSitemap(Sitemap):
    """Pages listing fact-checks (per topic, rating, author), where any are published.

    ``lastmod`` is the newest publication the page lists.
    """

    changefreq = "daily"
    priority = 0.5
    model = None
    lookup = None

    def listed_here(self):
        """A filter for the fact-checks the page of ``OuterRef("pk")`` lists."""
        return Q(**{self.lookup: OuterRef("pk")})

    def items(self):
        newest = (
            FactCheck.objects.published()
            .filter(self.listed_here())
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return (
            self.model.objects.annotate(newest=Subquery(newest))
            .filter(newest__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.newest


class TopicSitemap(_ListingSitemap):
    model = Topic
    lookup = "topics"


class RatingSitemap(_ListingSitemap):
    model = Rating
    lookup = "claims__verdict__rating"


class AuthorSitemap(_ListingSitemap):
    model = AuthorProfile

    def listed_here(self):
        return FactCheck.credited(OuterRef("user"))


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return Page.objects.all()

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    """The home page and the site's indexes; the lists change with each publication."""

    changefreq = "daily"
    priority = 1.0
    #: url name -> whether it lists fact-checks (and so has a lastmod)
    sections = {
        "factcheck:home": True,
        "factcheck:topics": True,
        "factcheck:how-we-rate": False,
    }

    def items(self):
        return list(self.sections)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not self.sections[item]:
            return None
        newest = FactCheck.objects.published().order_by("-published_at").first()
        return newest.published_at if newest else None


SITEMAPS = {
    "sections": SectionSitemap,
    "factchecks": FactCheckSitemap,
    "topics": TopicSitemap,
    "ratings": RatingSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}
