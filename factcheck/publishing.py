"""What readers get of a published fact-check: prepared pages, and when they change.

At publication (and at a correction, or when a revision goes live) the
article's page is rendered once into a ``PublishedPage``: its head, the
article, the card other pages list it with, and its ClaimReviews. Readers'
pages are served from that row, in one query, and the reader cache is told
exactly which pages changed (``caching.changed``): the article's, and the
lists, feeds and sitemaps that show it.

The workflow and the edit service call ``published``, ``withdrawn`` and
``corrected``; the evidence locker calls ``sources_archived`` when a source's
archived copy is new. Shared records that published pages show (claimants, experts,
ratings, topics, author profiles, standing pages) have no service of their
own and are edited in the admin, the shell or data migrations alike, so
their saves are watched here with signals (``watch_shared_records``): the
pages showing them are marked stale and prepared again when next read. The
records the transparency pages show (the team, the experts, funders, policy
versions) are watched the same way, and drop those pages only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q, signals
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import (
    caching,
    feed_items,
    locker,
    social_card,
    structured_data,
    tally,
    verdicts,
)
from .models import (
    AuthorProfile,
    Claimant,
    Expert,
    ExpertQuote,
    FactCheck,
    Funder,
    Listing,
    Page,
    PolicyText,
    PolicyVersion,
    PublishedPage,
    Rating,
    Topic,
    Verdict,
)
from .models.listings import listing_key
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
            _listing_changed(factcheck)
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


def _listing_changed(factcheck):
    """``factcheck``'s card changed or went: the pages listing it are stale."""
    listing = PublishedPage.objects.filter(related=factcheck).exclude(
        factcheck=factcheck
    )
    slugs = list(listing.values_list("factcheck__slug", flat=True))
    listing.update(stale=True)
    caching.changed(*(caching.tag("article", slug) for slug in slugs))


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


def tags_of(factcheck):
    """The reader-cache tags of every page that shows ``factcheck``."""
    tags = {
        caching.tag("article", factcheck.slug),
        caching.LATEST,
        caching.SEARCH,
    }
    if factcheck.corrections.exists():
        tags.add(caching.CORRECTIONS)  # its records come and go with it
    tags.update(
        caching.tag("topic", slug)
        for slug in factcheck.topics.values_list("slug", flat=True)
    )
    tags.update(
        caching.tag("rating", slug)
        for slug in Rating.objects.filter(
            verdicts__claim__factcheck=factcheck
        ).values_list("slug", flat=True)
    )
    tags.update(
        caching.tag("claimant", slug)
        for slug in Claimant.objects.filter(claims__factcheck=factcheck).values_list(
            "slug", flat=True
        )
    )
    tags.update(
        caching.tag("author", slug)
        for slug in AuthorProfile.objects.filter(
            Q(user__bylines__factcheck=factcheck) | Q(user=factcheck.editor_id)
        ).values_list("slug", flat=True)
    )
    if _quoted_on_record(factcheck=factcheck).exists():
        tags.add(caching.EXPERTS)  # it is listed under the experts it quotes
    return tags


def _quoted_on_record(**where):
    """Quotes readers see with their expert (off-record ones are never shown)."""
    return ExpertQuote.objects.filter(on_record=True, expert__isnull=False, **where)


@dataclass(frozen=True)
class Shown:
    """Where readers saw an article before a change: the pages (reader-cache
    tags) and the people credited, whose staff pages may open or close."""

    tags: frozenset = frozenset()
    credited: frozenset = frozenset()


def shown(factcheck):
    """Where ``factcheck`` is shown now, to compare after a revision goes live."""
    return Shown(frozenset(tags_of(factcheck)), frozenset(credited(factcheck)))


def credited(factcheck):
    """The people readers see credited on ``factcheck``: its bylines and editor."""
    people = set(factcheck.bylines.values_list("author_id", flat=True))
    if factcheck.editor_id is not None:
        people.add(factcheck.editor_id)
    return people


def _credits_changed(factcheck, before=Shown()):
    """Keep the credited people's first credit; the team page's tag if one moved."""
    moved = AuthorProfile.objects.filter(
        user__in={*before.credited, *credited(factcheck)}
    ).refresh_first_credit()
    return {caching.TEAM} if moved else set()


def listing_keys(factcheck):
    """The list pages ``factcheck`` belongs on: its topics, ratings, people, claimants."""
    keys = {
        listing_key("topic", pk) for pk in factcheck.topics.values_list("pk", flat=True)
    }
    keys.update(listing_key("author", pk) for pk in credited(factcheck))
    for claimant, rating in factcheck.claims.values_list("claimant", "verdict__rating"):
        if claimant is not None:
            keys.add(listing_key("claimant", claimant))
        if rating is not None:
            keys.add(listing_key("rating", rating))
    return keys


def _unlist(factcheck):
    """Take ``factcheck`` off every list page; return the claimants it was listed for."""
    listed = Listing.objects.filter(factcheck=factcheck)
    claimants = {
        int(key.partition(":")[2])
        for key in listed.filter(key__startswith="claimant:").values_list(
            "key", flat=True
        )
    }
    listed.delete()
    return claimants


def _relist(factcheck):
    """Put ``factcheck`` on the list pages it now belongs on, and off the others;
    count again the verdicts of the claimants it was or is listed for."""
    claimants = _unlist(factcheck)
    keys = sorted(listing_keys(factcheck))
    Listing.objects.bulk_create(
        Listing(
            key=key,
            factcheck_id=factcheck.pk,
            first_published_at=factcheck.first_published_at,
        )
        for key in keys
    )
    claimants.update(
        int(key.partition(":")[2]) for key in keys if key.startswith("claimant:")
    )
    tally.recount(claimants)


def published(factcheck, *, before=Shown()):
    """``factcheck`` went out (or was scheduled): prepare its page, drop the old.

    ``before`` is where it was shown before (a revision may move it to other
    topics, or credit other people).
    """
    keep_verdicts(factcheck)
    prepare(factcheck)
    _relist(factcheck)
    team = _credits_changed(factcheck, before)
    caching.changed(*before.tags, *tags_of(factcheck), *team)
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
    _listing_changed(factcheck)
    team = _credits_changed(factcheck)
    caching.changed(*tags_of(factcheck), *team)
    PublishedPage.objects.filter(factcheck=factcheck).delete()
    tally.recount(_unlist(factcheck))


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


#: Shared records, and where published articles show them.
_SHOWN_IN = {
    Claimant: "claims__claimant",
    Expert: "quotes__expert",
    Rating: "claims__verdict__rating",
    Topic: "topics",
    AuthorProfile: None,  # bylines and the editor credit, by the profile's user
}


def _showing(record):
    if isinstance(record, AuthorProfile):
        return Q(bylines__author=record.user_id) | Q(editor=record.user_id)
    if isinstance(record, Rating):
        # Only verdicts not kept as published show the scale as it is now.
        unkept = Verdict.objects.filter(rating=record).filter(
            Q(published_label="") | ~Q(published_rating=record)
        )
        return Q(pk__in=unkept.values("claim__factcheck"))
    return Q(**{_SHOWN_IN[type(record)]: record})


#: Shown on every page whether or not an article uses them: the rating scale
#: (the home page's verdict chips, how we rate) and standing pages (footer).
_SITE_WIDE = (Rating, Page)


def _shared_record_changed(sender, instance, **kwargs):
    """A record published pages show changed: they are prepared again when read.

    A record no published page shows (a claimant of a draft) changes nothing.
    """
    shown_on = 0
    if sender is not Page:
        showing = FactCheck.objects.filter(_showing(instance)).values("pk")
        shown_on = PublishedPage.objects.filter(factcheck__in=showing).update(
            stale=True
        )
    if shown_on or sender in _SITE_WIDE:
        caching.changed(caching.SITE)
    elif sender is Claimant:
        # Their own page names them, even where no article page was prepared.
        caching.changed(caching.tag("claimant", instance.slug))


def policy_tag(kind):
    """The tag of the pages showing the policy text ``kind`` and its versions.

    The ownership statement heads the funding page, and shares its tag.
    """
    if kind == PolicyText.Kind.OWNERSHIP:
        return caching.FUNDING
    return caching.tag(caching.POLICY, kind)


def _expert_pages(expert):
    # Listed only while quoted on the record in something readers see.
    listed = _quoted_on_record(expert=expert).filter(visible_to_readers("factcheck__"))
    return [caching.EXPERTS] if listed.exists() else []


#: Records the transparency pages show, and the tags of the pages showing
#: each. A profile drops the team page whatever changed: it may have just
#: joined or left it (``team_listing``), and profiles change rarely.
_ON_OWN_PAGES = {
    AuthorProfile: lambda profile: [caching.TEAM],
    Expert: _expert_pages,
    Funder: lambda funder: [caching.FUNDING],
    PolicyVersion: lambda version: [policy_tag(version.policy.kind)],
}


def _own_page_record_changed(sender, instance, **kwargs):
    caching.changed(*_ON_OWN_PAGES[sender](instance))


def watch_shared_records():
    """Connect the signals (``FactCheckConfig.ready``)."""
    for signal in (signals.post_save, signals.post_delete):
        for model in [*_SHOWN_IN, Page]:
            signal.connect(_shared_record_changed, sender=model, weak=False)
        for model in _ON_OWN_PAGES:
            signal.connect(_own_page_record_changed, sender=model, weak=False)
