"""What a fact-check still lacks before it can go to review.

Drafts save whatever state they are in; these checks run when a journalist
submits and an editor publishes (through ``gate``), and on the form as a live
checklist, so nothing blocks a half-done save. They read an ``Outline``: the
article's parts as the rules see them, built from the database here and from
the unsaved admin form in ``forms``, so one set of rules judges both.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import Byline, Claim, ExpertQuote, Source


@dataclass(frozen=True)
class ClaimOutline:
    statement: str
    claimant: object  # a Claimant, or None
    rating: object  # a Rating, or None
    summary: str
    sources: int  # sources tied to this claim alone
    reply_attempts: int = 0  # attempts logged to reach its claimant


@dataclass(frozen=True)
class QuoteOutline:
    expert: object  # an Expert, or None
    obtained_via: str


@dataclass(frozen=True)
class Outline:
    """A fact-check reduced to what the house rules look at."""

    headline: str
    slug: str
    authors: int
    claims: tuple
    quotes: tuple
    shared_sources: int  # sources tied to no claim bear on every claim
    has_hero_image: bool
    hero_image_alt: str
    key_points: int = 0  # lines in the "In short" box

    @classmethod
    def of(cls, factcheck):
        """The outline of ``factcheck`` as saved (nothing yet if it is unsaved)."""
        saved = factcheck.pk is not None
        claims = (
            Claim.objects.filter(factcheck=factcheck)
            .select_related("claimant", "verdict__rating")
            .annotate(
                source_count=Count("sources", distinct=True),
                attempt_count=Count("reply_attempts", distinct=True),
            )
            if saved
            else []
        )
        quotes = (
            ExpertQuote.objects.filter(factcheck=factcheck).select_related("expert")
            if saved
            else []
        )
        return cls(
            headline=factcheck.headline,
            slug=factcheck.slug,
            authors=Byline.objects.filter(factcheck=factcheck).count() if saved else 0,
            claims=tuple(
                ClaimOutline(
                    statement=claim.statement,
                    claimant=claim.claimant,
                    rating=getattr(getattr(claim, "verdict", None), "rating", None),
                    summary=getattr(getattr(claim, "verdict", None), "summary", ""),
                    sources=claim.source_count,
                    reply_attempts=claim.attempt_count,
                )
                for claim in claims
            ),
            quotes=tuple(
                QuoteOutline(expert=quote.expert, obtained_via=quote.obtained_via)
                for quote in quotes
            ),
            shared_sources=(
                Source.objects.filter(factcheck=factcheck, claim=None).count()
                if saved
                else 0
            ),
            has_hero_image=bool(factcheck.hero_image),
            hero_image_alt=factcheck.hero_image_alt,
            key_points=len(factcheck.key_point_list()),
        )


def claim_label(number, claim):
    """How a checklist names a claim: its number and the start of its statement."""
    statement = claim.statement.strip()
    if not statement:
        return _("Claim %(number)s") % {"number": number}
    return _("Claim %(number)s (“%(claim)s”)") % {
        "number": number,
        "claim": statement[:60],
    }


def missing_parts(outline):
    """Return a list of sentences, one per missing part; empty when complete."""
    problems = []
    if not outline.headline.strip():
        problems.append(_("The fact-check needs a headline."))
    if not outline.authors:
        problems.append(_("Add at least one author to the byline."))
    if not outline.claims:
        problems.append(_("Add the claim being checked."))
    for number, claim in enumerate(outline.claims, start=1):
        label = claim_label(number, claim)
        if claim.claimant is None:
            problems.append(_("%(claim)s does not say who made it.") % {"claim": label})
        if claim.rating is None:
            problems.append(_("%(claim)s has no rating.") % {"claim": label})
        if not claim.summary.strip():
            problems.append(_("%(claim)s has no verdict summary.") % {"claim": label})
    for number, quote in enumerate(outline.quotes, start=1):
        label = _("Expert quote %(number)s") % {"number": number}
        if quote.expert is None:
            problems.append(_("%(quote)s does not name the expert.") % {"quote": label})
        elif not quote.expert.credentials.strip():
            problems.append(
                _(
                    "%(quote)s is from %(expert)s, whose credentials are not in the "
                    "expert directory: say why readers should listen to them."
                )
                % {"quote": label, "expert": quote.expert.name}
            )
        if not quote.obtained_via:
            problems.append(
                _("%(quote)s does not say how it was obtained.") % {"quote": label}
            )
    if outline.has_hero_image and not outline.hero_image_alt.strip():
        problems.append(_("The hero image needs alt text."))
    return problems
