"""The publish gate: the house rules a fact-check must meet to go to review and out.

``workflow`` refuses to submit or publish while the gate lists problems; the
change form shows the same list as a checklist while the journalist writes.
On top of ``completeness`` the gate asks for enough sources per claim (a
newsroom setting), for an attempt to reach each claim's claimant when the
newsroom requires it (``FACTCHECK_REQUIRE_REPLY_ATTEMPT``), and for what Google requires of the ClaimReview markup each
claim becomes: ``claimReviewed`` (the claim), ``reviewRating.alternateName``
(the rating's label, which completeness already asks for) and ``url`` (made
from the slug). Warnings point at what search engines handle badly but do not
hold anything up.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .completeness import Outline, claim_label, missing_parts

#: Google's fact-check guidelines: longer claims may be cut in results.
CLAIM_REVIEWED_MAX_LENGTH = 75
#: The "In short" box (PolitiFact's "If your time is short") holds two or three.
KEY_POINTS_MAX = 3


@dataclass(frozen=True)
class Report:
    problems: list
    warnings: list

    @property
    def passed(self):
        return not self.problems


def check(outline):
    """Judge an ``Outline`` against the house rules; return a ``Report``."""
    problems = missing_parts(outline)
    warnings = []
    minimum = settings.FACTCHECK_MIN_SOURCES_PER_CLAIM
    for number, claim in enumerate(outline.claims, start=1):
        label = claim_label(number, claim)
        sources = claim.sources + outline.shared_sources
        if sources < minimum:
            problems.append(
                ngettext(
                    "%(claim)s has %(count)s source; the house asks for at least "
                    "%(minimum)s.",
                    "%(claim)s has %(count)s sources; the house asks for at least "
                    "%(minimum)s.",
                    sources,
                )
                % {"claim": label, "count": sources, "minimum": minimum}
            )
        if (
            settings.FACTCHECK_REQUIRE_REPLY_ATTEMPT
            and claim.claimant is not None
            and not claim.reply_attempts
        ):
            problems.append(
                _(
                    "%(claim)s: log an attempt to reach %(claimant)s for their "
                    "reply (Right of reply)."
                )
                % {"claim": label, "claimant": claim.claimant.name}
            )
        statement = claim.statement.strip()
        if not statement:
            problems.append(
                _(
                    "%(claim)s is empty: write the claim as it was made (search "
                    "engines show it as the claim reviewed)."
                )
                % {"claim": label}
            )
        elif len(statement) > CLAIM_REVIEWED_MAX_LENGTH:
            warnings.append(
                _(
                    "%(claim)s is %(length)s characters long: search engines may cut "
                    "claims over %(limit)s characters. Shorten it if you can."
                )
                % {
                    "claim": label,
                    "length": len(statement),
                    "limit": CLAIM_REVIEWED_MAX_LENGTH,
                }
            )
    if outline.key_points > KEY_POINTS_MAX:
        problems.append(
            _(
                "“In short” has %(count)s points: readers in a hurry take in two or "
                "three. Keep the strongest."
            )
            % {"count": outline.key_points}
        )
    elif outline.key_points == 1:
        warnings.append(
            _("“In short” has one point: add a second, or leave the box empty.")
        )
    if not outline.slug.strip():
        problems.append(
            _("The fact-check needs a slug: search engines link to its web address.")
        )
    return Report(problems, warnings)


def check_saved(factcheck):
    """The gate's report on ``factcheck`` as it is in the database."""
    return check(Outline.of(factcheck))
