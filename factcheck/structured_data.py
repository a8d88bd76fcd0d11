"""schema.org markup for fact-checks: ClaimReview per claim, NewsArticle per article.

Pure builders: records in, dicts out, built from the same prefetched rows the
page shows, so the markup and the page can never disagree. Search engines
(Google's fact-check rich results, Fact Check Explorer) and partners read
these; ``templatetags/reader.json_ld`` serialises them into the page.
"""

from django.conf import settings

from . import verdicts
from .models import Claimant
from .models.people import display_name

CONTEXT = "https://schema.org"


def organisation():
    """The newsroom as schema.org sees it: the author of every review."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL,
    }


def _date(value):
    return value.date().isoformat() if hasattr(value, "date") else value.isoformat()


def published(factcheck):
    """When readers first saw the fact-check; republishing does not move it."""
    return factcheck.first_published_at or factcheck.published_at


def updated(factcheck):
    """When readers last saw the fact-check change, or None if it never has.

    That is the latest correction, an approved revision (``revised_at``), or
    its republication after being taken down (``published_at`` moves past
    ``first_published_at``). ``updated_at`` is no guide: any save moves it,
    including ones readers cannot see. The article page, its meta tags, its
    markup, the feeds and the sitemap all ask here.
    """
    return latest_change(
        published(factcheck),
        factcheck.published_at,
        factcheck.revised_at,
        [correction.issued_at for correction in factcheck.corrections.all()],
    )


def latest_change(first, published_at, revised_at, corrected_at):
    """``updated`` from the dates alone, for lists that read them as columns."""
    if first is None:
        return None
    changes = [when for when in (*corrected_at, published_at, revised_at) if when]
    return max((when for when in changes if when > first), default=None)


def _claimant(claimant):
    kind = "Organization" if claimant.kind == Claimant.Kind.ORGANISATION else "Person"
    data = {"@type": kind, "name": claimant.name}
    if claimant.handle:
        data["alternateName"] = claimant.handle
    if claimant.url:
        data["sameAs"] = claimant.url
    return data


def _appearance(appearance):
    work = {"@type": "CreativeWork"}
    if appearance.url:
        work["url"] = appearance.url
    if appearance.outlet:
        # Without a URL the outlet is the inline description Google accepts.
        work["name"] = appearance.outlet
    if appearance.appeared_on:
        work["datePublished"] = _date(appearance.appeared_on)
    if appearance.archived_url:
        work["archivedAt"] = appearance.archived_url
    return work


def _item_reviewed(claim):
    item = {"@type": "Claim"}
    if claim.claimant:
        item["author"] = _claimant(claim.claimant)
    first = claim.first_appearance
    if first is not None:
        item["firstAppearance"] = _appearance(first)
        if first.appeared_on:
            item["datePublished"] = _date(first.appeared_on)
    others = [_appearance(a) for a in claim.appearances.all() if a != first]
    if others:
        item["appearance"] = others
    return item


def _review_rating(verdict, bounds):
    # As published, on the scale as it was then, until a re-rating.
    rating = verdict.shown_rating
    data = {"@type": "Rating", "alternateName": rating.label}
    worst, best = getattr(rating, "bounds", bounds)
    if rating.value is not None and worst is not None:
        data.update(ratingValue=rating.value, bestRating=best, worstRating=worst)
    return data


def claim_review(claim, base_url, bounds):
    """The ClaimReview for one rated claim of a published fact-check.

    ``base_url`` is the site's scheme and host (no trailing slash);
    ``bounds`` is ``Rating.objects.bounds()``, read once by the caller.
    A rating off the scale (e.g. "Unproven") gets only its name, as Google
    allows for ratings without a number.
    """
    factcheck = claim.factcheck
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": base_url + factcheck.get_absolute_url(),
        "claimReviewed": claim.statement,
        "itemReviewed": _item_reviewed(claim),
        "reviewRating": _review_rating(claim.verdict, bounds),
        "author": organisation(),
        "datePublished": _date(published(factcheck)),
        "inLanguage": factcheck.language,
        **_modified(factcheck),
    }


def _modified(factcheck):
    """``dateModified``, present only after an update readers can see."""
    when = updated(factcheck)
    return {"dateModified": when.isoformat()} if when else {}


def _person(user, base_url):
    profile = getattr(user, "profile", None)
    if profile is None:
        return {"@type": "Person", "name": display_name(user)}
    return {
        "@type": "Person",
        "name": profile.display_name,
        "url": base_url + profile.get_absolute_url(),
    }


def news_article(factcheck, base_url, image_url=None):
    """The NewsArticle describing the fact-check page itself."""
    url = base_url + factcheck.get_absolute_url()
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": factcheck.headline,
        "description": factcheck.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": published(factcheck).isoformat(),
        **_modified(factcheck),
        "inLanguage": factcheck.language,
        "author": [_person(b.author, base_url) for b in factcheck.bylines.all()],
        "publisher": organisation(),
        "isAccessibleForFree": True,
    }
    if factcheck.editor:
        data["editor"] = _person(factcheck.editor, base_url)
    topics = [topic.name for topic in factcheck.topics.all()]
    if topics:
        data["articleSection"] = topics
    if image_url:
        data["image"] = [image_url]
    return data


def article_graph(factcheck, base_url, bounds, image_url=None):
    """Everything the article page declares: its NewsArticle, then one ClaimReview per rated claim."""
    return [news_article(factcheck, base_url, image_url)] + [
        claim_review(claim, base_url, bounds)
        for claim in verdicts.rated_claims(factcheck)
    ]
