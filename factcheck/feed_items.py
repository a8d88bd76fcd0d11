"""Each published fact-check's item in the RSS and Atom feeds, written when its
page is prepared (``publishing.prepare``).

A feed lists thirty articles. Building each item through Django's syndication
framework (twenty lookups an item) and writing its XML took most of a feed's
time, on every request a page cache missed. An item changes only when its
article's page does (publication, a correction, a published revision), so its
XML is written then, in both formats, and a feed writes its own few elements
around the stored items (``feeds.PreparedItems``).

An item's text opens with the article's public change records, newest first
("Corrected on 3 May 2026: ..."), and its date is the latest change readers
saw: Atom's ``updated``, and RSS's one date, ``pubDate``, so feed readers
show a corrected item again (Atom keeps ``published`` as the first
publication).
"""

import io

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator

from . import structured_data
from .models.people import display_name


def entry(factcheck):
    """What the feeds say of ``factcheck`` (its parts prefetched): its item's XML
    in each format (``rss``, ``atom``) and the date of its latest change."""
    published = structured_data.published(factcheck)
    updated = structured_data.updated(factcheck) or published
    link = settings.SITE_URL + factcheck.get_absolute_url()
    item = {
        "title": factcheck.headline,
        "link": link,
        "unique_id": link,
        "description": render_to_string(
            "factcheck/feeds/item_description.html", {"obj": factcheck}
        ),
        # One name per entry is all the formats' writers take: the byline, joined.
        "author_name": ", ".join(
            display_name(b.author) for b in factcheck.bylines.all()
        )
        or settings.SITE_NAME,
        "categories": [topic.name for topic in factcheck.topics.all()],
        "updateddate": updated,
    }
    return {
        "updated": updated.isoformat(),
        "rss": _item_xml(Rss201rev2Feed, pubdate=updated, **item),
        "atom": _item_xml(Atom1Feed, pubdate=published, **item),
    }


def _item_xml(feed_type, **item):
    """One item as ``feed_type`` writes it inside a feed."""
    feed = feed_type(title="", link="", description="")
    feed.add_item(**item)
    written = io.StringIO()
    # As Django's feeds write themselves (``SyndicationFeed.write``).
    feed.write_items(SimplerXMLGenerator(written, "utf-8", short_empty_elements=True))
    return written.getvalue()
