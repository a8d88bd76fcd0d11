"""Which reader pages a change drops, and the list pages an article is on.

Each page readers get from the cache depends on tags (``caching``); the
publishing steps (``publishing.published``, ``withdrawn``, ``corrected``...)
ask here which tags an article's pages carry (``tags_of``), and where it was
shown before a revision moved it (``shown``), so a change drops exactly the
pages that showed it. The list pages read their own index (``Listing``),
kept here as an article goes out and comes back (``relist``, ``unlist``).

Shared records that published pages show (claimants, experts, ratings,
topics, author profiles, standing pages) have no service of their own and are
edited in the admin, the shell or data migrations alike, so their saves are
watched with signals (``watch_shared_records``): the pages showing them are
marked stale and prepared again when next read. The records the transparency
pages show (the team, the experts, funders, policy versions) are watched the
same way, and drop those pages only.
"""

from dataclasses import dataclass

from django.db.models import Q, signals

from . import caching, tally
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
from .models.querysets import visible_to_readers


def related_pages_changed(factcheck):
    """``factcheck``'s card changed or went: the articles whose related block
    shows it are prepared again when next read, and their cached pages drop."""
    listing = PublishedPage.objects.filter(related=factcheck).exclude(
        factcheck=factcheck
    )
    slugs = list(listing.values_list("factcheck__slug", flat=True))
    listing.update(stale=True)
    caching.changed(*(caching.tag("article", slug) for slug in slugs))


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


#: Where an article going out for the first time was shown before: nowhere.
NOWHERE = Shown()


def shown(factcheck):
    """Where ``factcheck`` is shown now, to compare after a revision goes live."""
    return Shown(frozenset(tags_of(factcheck)), frozenset(credited(factcheck)))


def credited(factcheck):
    """The people readers see credited on ``factcheck``: its bylines and editor."""
    people = set(factcheck.bylines.values_list("author_id", flat=True))
    if factcheck.editor_id is not None:
        people.add(factcheck.editor_id)
    return people


def credits_changed(factcheck, before=NOWHERE):
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


def unlist(factcheck):
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


def relist(factcheck):
    """Put ``factcheck`` on the list pages it now belongs on, and off the others;
    count again the verdicts of the claimants it was or is listed for."""
    claimants = unlist(factcheck)
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
