"""Turn a parsed article into a draft fact-check, all or nothing.

The article row is made by the edit service (``editing.create_draft``, which
stamps who started it and indexes it once it commits); its parts are checked
with ``full_clean`` as the admin would check them. Names are looked up in the
directories: a claimant, expert or topic is reused when it exists and created
when it does not, but a rating must be on the scale, which editors keep.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .. import editing, locker
from ..models import (
    Byline,
    Claim,
    Claimant,
    ClaimAppearance,
    Expert,
    ExpertQuote,
    FactCheck,
    Rating,
    Source,
    Topic,
    Verdict,
)
from ..slugs import unique_slug
from .parser import MalformedArticle

#: The header key that sets each article field, to point at its line.
_FIELD_KEYS = {
    "headline": "HEADLINE",
    "slug": "SLUG",
    "standfirst": "STANDFIRST",
    "key_points": "IN SHORT",
    "language": "LANGUAGE",
    "partner_credit": "PARTNER",
}


def find_rating(name):
    """The rating labelled ``name``, or with that slug (any case); else None."""
    return Rating.objects.filter(Q(label__iexact=name) | Q(slug__iexact=name)).first()


def rating_scale():
    """The scale's labels, for messages naming what a rating may be."""
    return ", ".join(Rating.objects.values_list("label", flat=True))


def create_draft(article, author, rating=None, *, coauthors=()):
    """Create a draft from ``article``, by ``author`` (then ``coauthors``).

    ``rating`` rates every claim the article leaves unrated. All or nothing:
    a part that fails raises ``MalformedArticle`` and nothing is left behind.
    ``editing.create_draft`` may refuse the author (``permissions.NotAllowed``).
    """
    with transaction.atomic():
        factcheck = _create_article(article, author)
        for ordering, person in enumerate([author, *coauthors]):
            Byline.objects.create(factcheck=factcheck, author=person, ordering=ordering)
        topic_line = article.keys.get("TOPICS")
        factcheck.topics.set(_topic(name, topic_line) for name in article.topics)
        claims = [
            _add_claim(factcheck, claim, ordering, rating)
            for ordering, claim in enumerate(article.claims)
        ]
        sources = [
            _add_source(factcheck, source, number, claims)
            for number, source in enumerate(article.sources, 1)
        ]
        locker.sources_added(sources)
        for number, quote in enumerate(article.quotes, 1):
            _add_quote(factcheck, quote, number)
    return factcheck


def _one_line(error):
    return "; ".join(
        f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
        for name, messages in error.message_dict.items()
    )


def _save(record, what, line):
    """Validate ``record`` as the admin would, then save it; refuse in one line."""
    try:
        record.full_clean()
    except ValidationError as error:
        raise MalformedArticle(
            f"line {line}: {what} is not valid ({_one_line(error)})"
        ) from None
    record.save()
    return record


def _create_article(article, author):
    fields = {
        "headline": article.headline,
        "slug": unique_slug(FactCheck, article.slug or article.headline),
        "standfirst": article.standfirst,
        "key_points": "\n".join(article.key_points),
        "body": article.body_html(),
        "partner_credit": article.partner_credit,
    }
    if article.language:
        fields["language"] = article.language
    try:
        return editing.create_draft(user=author, factcheck=FactCheck(**fields))
    except ValidationError as error:
        lines = [
            article.keys[_FIELD_KEYS[name]]
            for name in error.message_dict
            if _FIELD_KEYS.get(name) in article.keys
        ]
        where = f"line {min(lines)}: " if lines else ""
        raise MalformedArticle(
            f"{where}the fact-check is not valid ({_one_line(error)})"
        ) from None


def _topic(name, line):
    topic = Topic.objects.filter(Q(name__iexact=name) | Q(slug__iexact=name)).first()
    if topic is None:
        topic = _save(
            Topic(name=name, slug=unique_slug(Topic, name, max_length=80)),
            f"the topic {name[:60]!r}",
            line,
        )
    return topic


def _claimant(parsed, claim):
    """The claimant named on the CLAIMANT: line: on file already, or new.

    A new one is an account if its details say so or name a platform, else
    a person (the model's default). An account lives on a platform; left
    unsaid, it is where the claim first appeared (the ``where:`` of its
    first ``SEEN:``), so "Viral TikTok video" seen on TikTok needs no more.
    """
    claimant = Claimant.objects.filter(name__iexact=parsed.name).first()
    if claimant is not None:
        return claimant
    kind = parsed.kind or (
        Claimant.Kind.ACCOUNT if parsed.platform else Claimant.Kind.PERSON
    )
    platform = parsed.platform
    if kind == Claimant.Kind.ACCOUNT and not platform:
        platform = _first_outlet(claim)
    return _save(
        Claimant(
            name=parsed.name,
            slug=unique_slug(Claimant, parsed.name),
            kind=kind,
            platform=platform,
            handle=parsed.handle,
            description=parsed.description,
        ),
        "the CLAIMANT: line",
        parsed.line,
    )


def _first_outlet(claim):
    """Where ``claim`` first appeared: the one marked first, else the first listed."""
    marked = [seen for seen in claim.appearances if seen.is_first]
    return next((seen.outlet for seen in marked + claim.appearances if seen.outlet), "")


def _rating(name, line, default):
    if not name:
        return default
    rating = find_rating(name)
    if rating is None:
        raise MalformedArticle(
            f"line {line}: no rating labelled {name!r}; the scale has: {rating_scale()}"
        )
    return rating


def _add_claim(factcheck, parsed, ordering, default_rating):
    claimant = _claimant(parsed.claimant, parsed) if parsed.claimant else None
    rating = _rating(parsed.rating, parsed.keys.get("RATING"), default_rating)
    claim = _save(
        Claim(
            factcheck=factcheck,
            statement=parsed.statement,
            claimant=claimant,
            ordering=ordering,
        ),
        "the CLAIM: line",
        parsed.line,
    )
    if rating or parsed.summary:
        _save(
            Verdict(claim=claim, rating=rating, summary=parsed.summary),
            "the FACT: paragraph",
            parsed.keys["FACT"],
        )
    for seen in parsed.appearances:
        _save(
            ClaimAppearance(
                claim=claim,
                url=seen.url,
                outlet=seen.outlet,
                medium=seen.medium,
                appeared_on=seen.appeared_on,
                is_first=seen.is_first,
                archived_url=seen.archived_url,
            ),
            "the appearance",
            seen.line,
        )
    return claim


def _add_source(factcheck, parsed, number, claims):
    source = Source(
        factcheck=factcheck,
        claim=claims[parsed.claim - 1] if parsed.claim else None,
        title=parsed.title,
        publisher=parsed.publisher,
        url=parsed.url,
        # A source without a link is cited by its title unless it says more.
        citation=parsed.citation or ("" if parsed.url else parsed.title),
        published_on=parsed.published_on,
        accessed_on=parsed.accessed_on,
        kind=parsed.kind,
        origin=parsed.origin,
        archived_url=parsed.archived_url,
        notes=parsed.notes,
        ordering=number,
    )
    return _save(source, f"source {number}", parsed.line)


def _expert(parsed, number):
    expert = Expert.objects.filter(name__iexact=parsed.expert).first()
    if expert is None:
        # Details only fill a new record: an existing expert is the
        # directory's to change, not an article's.
        expert = _save(
            Expert(
                name=parsed.expert,
                credentials=parsed.credentials,
                affiliation=parsed.affiliation,
            ),
            f"the expert of quote {number}",
            parsed.line,
        )
    return expert


def _add_quote(factcheck, parsed, number):
    quote = ExpertQuote(
        factcheck=factcheck,
        expert=_expert(parsed, number),
        text=parsed.text,
        obtained_via=parsed.obtained_via,
        obtained_on=parsed.obtained_on,
        on_record=parsed.on_record,
        ordering=number,
    )
    _save(quote, f"quote {number}", parsed.line)
