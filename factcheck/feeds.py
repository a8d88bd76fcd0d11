"""RSS and Atom feeds: the latest published fact-checks, overall and per topic,
and the corrections log.

An item's text opens with the article's public change records, newest first
("Corrected on 3 May 2026: ..."), and its date is the latest change readers
saw: Atom's ``updated``, and RSS's one date, ``pubDate``, so feed readers
show a corrected item again (Atom keeps ``published`` as the first
publication).
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import pagination, publishing, structured_data
from .models import Correction, FactCheck, Topic, listing_key

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
            FactCheck.objects.published().only(*fields),
            {},
            ITEMS,
            listed=self.listed(obj),
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
        if self.feed_type is Atom1Feed:
            return structured_data.published(item)
        return self.item_updateddate(item)  # RSS has one date: the latest change

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
