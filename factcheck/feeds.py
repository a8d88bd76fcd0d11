"""RSS and Atom feeds of the latest published fact-checks, overall and per topic."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import pagination, publishing, structured_data
from .models import FactCheck, Topic, listing_key

ITEMS = 30


def absolute(path):
    """``path`` on SITE_URL: feeds name the site's one address, never the
    request's ``Host`` (Django's feeds would add that to relative links)."""
    return settings.SITE_URL + path


class LatestFactChecksFeed(Feed):
    """The newest fact-checks, each summarised by its claims and verdicts."""

    url_name = "factcheck:feed"

    def feed_url(self, obj=None):
        return absolute(reverse(self.url_name))

    def title(self, obj=None):
        return settings.SITE_NAME

    def description(self, obj=None):
        return _("The latest fact-checks: claims, evidence and verdicts.")

    def link(self, obj=None):
        return absolute(reverse("factcheck:home"))

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def items(self, obj=None):
        # What each item says comes prepared with its page (publishing).
        fields = ("headline", "slug", "first_published_at", "published_at")
        newest = pagination.newest_first(
            FactCheck.objects.published().only(*fields), {}, ITEMS, self.listed(obj)
        )
        return publishing.with_feed_entries(newest.items)

    def listed(self, obj):
        """The list page the feed follows (a ``Listing`` key); None: all of them."""
        return None

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.feed_entry["description"]

    def item_pubdate(self, item):
        return structured_data.published(item)

    def item_updateddate(self, item):
        return datetime.datetime.fromisoformat(item.feed_entry["updated"])

    def author_name(self, obj=None):
        # The feed's author, for entries without a byline (Atom needs one).
        return settings.SITE_NAME

    def item_author_name(self, item):
        # One name per entry is all Django's feeds write: the byline, joined.
        return ", ".join(item.feed_entry["authors"]) or settings.SITE_NAME

    def item_categories(self, item):
        return item.feed_entry["categories"]


class LatestFactChecksAtomFeed(LatestFactChecksFeed):
    feed_type = Atom1Feed
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
    feed_type = Atom1Feed
    url_name = "factcheck:topic-feed-atom"

    def subtitle(self, obj=None):
        return self.description(obj)
