"""The class of a change to a live fact-check, and which class fits what changed.

A revision is published under a class the publishing editor picks
(``workflow.publish``). A minor change (a typo, style) touches none of the
claims, verdicts or sources: an editor may publish it alone, it is logged and
readers are told nothing. Every other class leaves a public change record (a
``Correction`` of that kind) shown on the article with its date; a re-rating,
the class of any change to a verdict's rating, also needs a second editor's
agreeing vote on each new rating (``panel.votes_needed``). Pure questions over
rows; ``workflow`` decides and writes.
"""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .completeness import claim_label
from .models import Claim, Correction, Source

Kind = Correction.Kind


class ChangeClass(models.TextChoices):
    MINOR = "minor", gettext_lazy("Minor: a typo or style, nothing readers need told")
    CLARIFICATION = Kind.CLARIFICATION.value, Kind.CLARIFICATION.label
    UPDATE = Kind.UPDATE.value, Kind.UPDATE.label
    CORRECTION = Kind.CORRECTION.value, Kind.CORRECTION.label
    RERATING = (
        Kind.RERATING.value,
        gettext_lazy("Re-rating: a verdict's rating changes"),
    )


#: What a minor change leaves alone, as the refusal names it.
SUBSTANCE = {
    "claims": gettext_lazy("the claims"),
    "ratings": gettext_lazy("a verdict's rating"),
    "summaries": gettext_lazy("a verdict summary"),
    "sources": gettext_lazy("the sources"),
}
#: A source's fields readers see (its notes are the desk's own).
SOURCE_FIELDS = [
    "title",
    "publisher",
    "url",
    "citation",
    "published_on",
    "accessed_on",
    "kind",
    "origin",
    "archived_url",
]


def _claims(factcheck):
    return list(
        Claim.objects.filter(factcheck=factcheck).select_related("verdict__rating")
    )


def substance(factcheck):
    """What a minor change may not touch, section by section, as comparable values.

    Claims by their order in the article: a revision's rows are copies, so
    only their place ties them to the original's.
    """
    claims = _claims(factcheck)
    numbers = {claim.pk: number for number, claim in enumerate(claims)}
    verdicts = [getattr(claim, "verdict", None) for claim in claims]
    return {
        "claims": [(claim.statement, claim.claimant_id) for claim in claims],
        "ratings": [verdict and verdict.rating_id for verdict in verdicts],
        "summaries": [verdict and verdict.summary.strip() for verdict in verdicts],
        "sources": [
            (numbers.get(row.pop("claim_id")), *row.values())
            for row in Source.objects.filter(factcheck=factcheck).values(
                "claim_id", *SOURCE_FIELDS
            )
        ],
    }


def what_changed(revision, original):
    """The sections of ``SUBSTANCE`` that ``revision`` changes, in that order."""
    after, before = substance(revision), substance(original)
    return [section for section in SUBSTANCE if after[section] != before[section]]


def rerated(revision):
    """The claims of ``revision`` whose verdict has another rating than readers saw."""
    return [
        (number, claim)
        for number, claim in enumerate(_claims(revision), start=1)
        if getattr(claim, "verdict", None) is not None and claim.verdict.is_rerated
    ]


def rating_labels(rerated_claims):
    """A re-rating's (old, new) labels, each claim's in order, joined with " / "."""
    old = [claim.verdict.published_label for _number, claim in rerated_claims]
    new = [
        claim.verdict.rating.label if claim.verdict.rating else _("Not rated")
        for _number, claim in rerated_claims
    ]
    return " / ".join(old), " / ".join(new)


def refusal(change_class, changed, rerated_claims):
    """Why ``change_class`` does not fit what the revision changes, or None."""
    if rerated_claims and change_class != ChangeClass.RERATING:
        number, claim = rerated_claims[0]
        return _(
            "%(claim)s: its rating changes from “%(old)s” to “%(new)s”, so this is "
            "a re-rating. Publish it as a re-rating."
        ) % {
            "claim": claim_label(number, claim),
            "old": claim.verdict.published_label,
            "new": claim.verdict.rating or _("Not rated"),
        }
    if change_class == ChangeClass.RERATING and not rerated_claims:
        return _(
            "No verdict's rating changes, so this is not a re-rating: pick another "
            "class."
        )
    if change_class == ChangeClass.MINOR and changed:
        return _(
            "A minor change leaves the claims, verdicts and sources as they are, "
            "but this revision changes %(parts)s. Pick a clarification, an update "
            "or a correction, and tell readers what changed in the public note."
        ) % {"parts": ", ".join(str(SUBSTANCE[section]) for section in changed)}
    return None
