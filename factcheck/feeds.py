"""RSS and Atom feeds: the latest published fact-checks, overall and per topic,
and the corrections log.

The fact-checks' items come written by their pages (``feed_items``): a feed of
them is Django's syndication framework for its own few elements, and the
stored XML of each item (``PreparedItems``).
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from . import pagination, publishing
from .models import Correction, FactCheck, Topic, listing_key

ITEMS = 30


def absolute(path):
    """``path`` on SITE_URL: feeds name the site's one address, never the
    request's ``Host`` (Django's feeds would add that to relative links)."""
    return settings.SITE_URL + path


class PreparedItems:
    """A feed writer for items prepared with their pages (``feed_items.entry``).

    ``entries`` are those entries, newest first; each is written as stored,
    in this writer's ``format``.
    """

    format = None
    entries = ()

    def write_items(self, handler):
        for entry in self.entries:
            handler.ignorableWhitespace(entry[self.format])  # written unescaped

    def latest_post_date(self):
        # The feed's own date (RSS lastBuildDate, Atom updated): its latest change.
        if not self.entries:
            return super().latest_post_date()
        return max(
            datetime.datetime.fromisoformat(entry["updated"]) for entry in self.entries
        )


class PreparedRss(PreparedItems, Rss201rev2Feed):
    format = "rss"


class PreparedAtom(PreparedItems, Atom1Feed):
    format = "atom"


class LatestFactChecksFeed(Feed):
    """The newest fact-checks, each summarised by its claims and verdicts."""

    feed_type = PreparedRss
    url_name = "factcheck:feed"

    def feed_url(self, obj=None):
        return absolute(reverse(self.url_name))

    def title(self, obj=None):
        return settings.SITE_NAME

    def description(self, obj=None):
        return _("The latest fact-checks: claims, evidence and verdicts.")

    def link(self, obj=None):
        return absolute(reverse("factcheck:home"))

    def author_name(self, obj=None):
        # The feed's author, for entries without a byline (Atom needs one).
        return settings.SITE_NAME

    def items(self, obj=None):
        # None for Django to build: they come written (``get_feed``).
        return ()

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        fields = ("headline", "slug", "first_published_at", "published_at")
        newest = pagination.newest_first(
            FactCheck.objects.published().only(*fields),
            {},
            ITEMS,
            listed=self.listed(obj),
        )
        feed.entries = [
            factcheck.feed_entry
            for factcheck in publishing.with_feed_entries(newest.items)
        ]
        return feed

    def listed(self, obj):
        """The list page the feed follows (a ``Listing`` key); None: all of them."""
        return None


class LatestFactChecksAtomFeed(LatestFactChecksFeed):
    feed_type = PreparedAtom
    url_name = "factcheck:feed-atom"

    def subtitle(self, obj=None):
        return self.description(obj)


class TopicFeed(LatestFactChecksFeed):
    """The newest fact-checks on one topic."""

    url_name = "factcheck:topic-feed"

    def feed_url(self, obj=None):
        return absolute(reverse(self.url_name, args=[obj.slug]))

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj=None):
        return _("%(topic)s fact-checks — %(site)s") % {
            "topic": obj.name,
            "site": settings.SITE_NAME,
        }

    def description(self, obj=None):
        return obj.description or _("The latest fact-checks on %(topic)s.") % {
            "topic": obj.name
        }

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def listed(self, obj):
        return listing_key("topic", obj.pk)


class TopicAtomFeed(TopicFeed):
    feed_type = PreparedAtom
    url_name = "factcheck:topic-feed-atom"

    def subtitle(self, obj=None):
        return self.description(obj)


class CorrectionsFeed(Feed):
    """Every public change record, newest first: the corrections log as a feed."""

    url_name = "factcheck:corrections-feed"

    def feed_url(self, obj=None):
        return absolute(reverse(self.url_name))

    def title(self, obj=None):
        return _("Corrections and updates — %(site)s") % {"site": settings.SITE_NAME}

    def description(self, obj=None):
        return _(
            "Every clarification, update, correction, re-rating and retraction "
            "on our fact-checks."
        )

    def link(self, obj=None):
        return absolute(reverse("factcheck:corrections"))

    def items(self, obj=None):
        return list(
            Correction.objects.on_the_record()
            .select_related("factcheck")
            .only(*LOG_FIELDS)
            .order_by("-issued_at", "-pk")[:ITEMS]
        )

    def item_title(self, item):
        return _("%(kind)s: %(headline)s") % {
            "kind": item.get_kind_display(),
            "headline": item.factcheck.headline,
        }

    description_template = "factcheck/feeds/correction_description.html"

    def item_link(self, item):
        return absolute(f"{item.factcheck.get_absolute_url()}#correction-{item.pk}")

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.issued_at

    def item_updateddate(self, item):
        return item.issued_at

    def author_name(self, obj=None):
        return settings.SITE_NAME

    def item_categories(self, item):
        return [item.get_kind_display()]


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    url_name = "factcheck:corrections-feed-atom"

    def subtitle(self, obj=None):
        return self.description(obj)


#: What the corrections log and its feeds read of a record and its article.
LOG_FIELDS = [
    "factcheck",
    "kind",
    "text",
    "issued_at",
    "old_rating_label",
    "new_rating_label",
    "factcheck__headline",
    "factcheck__slug",
]
