"""What readers get of a published fact-check: prepared pages, and when they change.

At publication (and at a correction, or when a revision goes live) the
article's page is rendered once into a ``PublishedPage``: its head, the
article, the card other pages list it with, and its ClaimReviews. Readers'
pages are served from that row, in one query, and the reader cache is told
exactly which pages changed (``caching.changed``): the article's, and the
lists, feeds and sitemaps that show it.

The workflow and the edit service call ``published``, ``withdrawn`` and
``corrected``; the evidence locker calls ``sources_archived`` when a source's
archived copy is new. Which pages each drops, and the shared records'
watchers, are ``invalidation``'s.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import (
    caching,
    feed_items,
    invalidation,
    locker,
    social_card,
    structured_data,
    tally,
    verdicts,
)
from .models import (
    FactCheck,
    PublishedPage,
    Rating,
    Verdict,
)
from .models.parts import KEPT
from .models.querysets import visible_to_readers

#: Size of the iframe the oEmbed endpoint offers; the card fits it, and
#: still fits when the host page narrows the frame to 300 pixels.
EMBED_WIDTH, EMBED_HEIGHT = 560, 340
RELATED = 3
#: Where a card takes a search result's snippet (``with_snippet``).
SNIPPET_SLOT = "<!--snippet-->"


def card_url(factcheck):
    """The share image's absolute URL, versioned so caches refresh on a redraw."""
    path = reverse("factcheck:card", args=[factcheck.slug])
    return f"{settings.SITE_URL}{path}?v={social_card.fingerprint(factcheck)}"


def article_context(factcheck, preview=None):
    """What the article templates need, for a preview or for the prepared page."""
    base = settings.SITE_URL
    return {
        # Rendered without a request, so without the context processors.
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": base,
        "factcheck": factcheck,
        "preview": preview,
        "base_url": base,
        "canonical_url": base + factcheck.get_absolute_url(),
        "card_url": card_url(factcheck),
        "card_alt": social_card.alt_text(factcheck),
        "embed": {
            "src": base + reverse("factcheck:embed", args=[factcheck.slug]),
            "width": EMBED_WIDTH,
            "height": EMBED_HEIGHT,
        },
    }


def _description(factcheck):
    from .templatetags.reader import truncate_at_word

    return truncate_at_word(factcheck.standfirst, 200)


def prepare(factcheck):
    """Render and store ``factcheck``'s page as readers will get it; return it.

    If its card changed, the pages that list it among their related
    fact-checks are prepared again too, when next read. The article's row is
    locked meanwhile, so readers arriving together prepare it once.
    """
    with transaction.atomic():
        FactCheck.objects.select_for_update().filter(pk=factcheck.pk).first()
        factcheck = FactCheck.objects.with_article_parts().get(pk=factcheck.pk)
        context = article_context(factcheck)
        bounds = Rating.objects.bounds()
        context["structured_data"] = structured_data.article_graph(
            factcheck, settings.SITE_URL, bounds, image_url=context["card_url"]
        )
        related = related_ids(factcheck.pk)
        card = _card(factcheck)
        old_card = (
            PublishedPage.objects.filter(factcheck=factcheck)
            .values_list("card", flat=True)
            .first()
        )
        page, _created = PublishedPage.objects.update_or_create(
            factcheck=factcheck,
            defaults={
                "title": factcheck.headline,
                "description": _description(factcheck),
                "head": render_to_string(
                    "factcheck/includes/article_head.html", context
                ),
                "article": render_to_string("factcheck/includes/article.html", context),
                "card": card,
                "lead_card": _card(factcheck, lead=True),
                "claim_reviews": [
                    structured_data.claim_review(claim, settings.SITE_URL, bounds)
                    for claim in verdicts.rated_claims(factcheck)
                ],
                "related_html": related_block(related),
                "feed_entry": feed_items.entry(factcheck),
                "version": factcheck.lock_version,
                "prepared_at": timezone.now(),
                "stale": False,
            },
        )
        page.related.set(related)
        if old_card is not None and old_card != card:
            invalidation.related_pages_changed(factcheck)
    return page


def with_feed_entries(factchecks):
    """``factchecks`` (published), each with the ``feed_entry`` of its page."""
    entries = dict(
        PublishedPage.objects.filter(
            factcheck__in=[f.pk for f in factchecks], stale=False
        ).values_list("factcheck_id", "feed_entry")
    )
    for factcheck in factchecks:
        factcheck.feed_entry = (
            entries.get(factcheck.pk) or prepare(factcheck).feed_entry
        )
    return factchecks


def _card(factcheck, **options):
    """``factcheck``'s card (its card parts prefetched): ``lead``, ``heading``."""
    return render_to_string(
        "factcheck/includes/card.html", {"factcheck": factcheck, **options}
    )


def cards(factchecks, lead=False):
    """The list cards of ``factchecks`` (published), in order, from their pages.

    With ``lead``, the first is the card the home page leads with. A page
    never prepared (articles loaded in bulk) or stale is prepared now.
    """
    stored = {
        pk: (card, lead_card)
        for pk, card, lead_card in PublishedPage.objects.filter(
            factcheck__in=[f.pk for f in factchecks], stale=False
        ).values_list("factcheck_id", "card", "lead_card")
    }
    shown = []
    for number, factcheck in enumerate(factchecks):
        if factcheck.pk not in stored:
            page = prepare(factcheck)
            stored[factcheck.pk] = (page.card, page.lead_card)
        card, lead_card = stored[factcheck.pk]
        shown.append(mark_safe(lead_card if lead and number == 0 else card))
    return shown


def with_snippet(card, snippet_html):
    """``card`` with a search result's snippet in its place."""
    return mark_safe(card.replace(SNIPPET_SLOT, snippet_html, 1))


def related_ids(factcheck_id):
    """The newest published fact-checks sharing a topic or a rating.

    Chosen when the page is prepared (publication, revision, correction):
    the fact-checks on the same subject that came before it.
    """
    return list(
        FactCheck.objects.published()
        .related_to(factcheck_id)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:RELATED]
    )


def related_block(ids):
    """The "Related fact-checks" block of the fact-checks ``ids``, in order."""
    drawn = {
        factcheck.pk: mark_safe(_card(factcheck, heading="h3"))
        for factcheck in FactCheck.objects.filter(pk__in=ids).with_card_parts()
    }
    return render_to_string(
        "factcheck/includes/related.html",
        {"cards": [drawn[pk] for pk in ids if pk in drawn]},
    )


def page_for(slug):
    """The published article at ``slug`` as readers get it, or None.

    Prepared now if it never was (articles loaded in bulk) or is stale.
    """
    page = (
        PublishedPage.objects.filter(
            visible_to_readers("factcheck__"), factcheck__slug=slug, stale=False
        )
        .only("title", "description", "head", "article", "related_html")
        .first()
    )
    if page is None:
        factcheck = FactCheck.objects.published().filter(slug=slug).first()
        return prepare(factcheck) if factcheck else None
    return page


def claim_reviews(factchecks):
    """The ClaimReviews of ``factchecks`` (published), in their order."""
    pages = dict(
        PublishedPage.objects.filter(factcheck__in=[f.pk for f in factchecks])
        .filter(stale=False)
        .values_list("factcheck_id", "claim_reviews")
    )
    return [
        review
        for factcheck in factchecks
        for review in pages.get(factcheck.pk) or prepare(factcheck).claim_reviews
    ]


def published(factcheck, *, before=invalidation.NOWHERE):
    """``factcheck`` went out (or was scheduled): prepare its page, drop the old.

    ``before`` is where it was shown before (a revision may move it to other
    topics, or credit other people).
    """
    keep_verdicts(factcheck)
    prepare(factcheck)
    invalidation.relist(factcheck)
    team = invalidation.credits_changed(factcheck, before)
    caching.changed(*before.tags, *invalidation.tags_of(factcheck), *team)
    # The evidence locker archives the sources as they went out.
    locker.published(factcheck)


def keep_verdicts(factcheck):
    """Each verdict readers see for the first time keeps its rating as it is now.

    New verdicts and re-rated ones take the rating's label, meaning, value,
    colour and the scale's bounds; the others keep what they were published
    with, so a later edit of the scale changes no published verdict.
    """
    bounds = Rating.objects.bounds()
    fresh = [
        verdict
        for verdict in Verdict.objects.filter(claim__factcheck=factcheck)
        .select_related("rating")
        .order_by()
        if verdict.rating_id is not None and not verdict.is_kept
    ]
    for verdict in fresh:
        verdict.keep_as_published(bounds)
    Verdict.objects.bulk_update(fresh, [f"published_{name}" for name in KEPT])


def withdrawn(factcheck):
    """``factcheck`` left the site: readers lose its page and it leaves every list,
    including the related fact-checks of the articles that showed it."""
    invalidation.related_pages_changed(factcheck)
    team = invalidation.credits_changed(factcheck)
    caching.changed(*invalidation.tags_of(factcheck), *team)
    PublishedPage.objects.filter(factcheck=factcheck).delete()
    tally.recount(invalidation.unlist(factcheck))


def sources_archived(factcheck):
    """A source of ``factcheck`` (published) has a new archived copy to link.

    Only the article's own page shows it: the page is prepared again when
    next read, and the reader cache drops it.
    """
    PublishedPage.objects.filter(factcheck=factcheck).update(stale=True)
    caching.changed(caching.tag("article", factcheck.slug))


def corrected(factcheck):
    """``factcheck`` took a correction: its page, what dates it and the log change."""
    prepare(factcheck)
    caching.changed(
        caching.tag("article", factcheck.slug), caching.LATEST, caching.CORRECTIONS
    )
