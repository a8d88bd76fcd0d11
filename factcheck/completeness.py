"""What a fact-check still lacks before it can go to review.

Drafts save whatever state they are in; these checks run when a journalist
submits (``workflow.submit_for_review``) and are shown on the form as a
checklist, so nothing blocks a half-done save.
"""

from django.utils.translation import gettext as _

from .models import Claim, ExpertQuote


def _claims(factcheck):
    return Claim.objects.filter(factcheck=factcheck).select_related(
        "claimant", "verdict__rating"
    )


def missing_parts(factcheck):
    """Return a list of sentences, one per missing part; empty when complete."""
    problems = []
    if not factcheck.headline.strip():
        problems.append(_("The fact-check needs a headline."))
    if not factcheck.pk:
        return problems + [_("Save the fact-check first.")]
    if not factcheck.bylines.exists():
        problems.append(_("Add at least one author to the byline."))
    claims = list(_claims(factcheck))
    if not claims:
        problems.append(_("Add the claim being checked."))
    for number, claim in enumerate(claims, start=1):
        label = _("Claim %(number)s (“%(claim)s”)") % {
            "number": number,
            "claim": claim.statement[:60],
        }
        if claim.claimant is None:
            problems.append(_("%(claim)s does not say who made it.") % {"claim": label})
        verdict = getattr(claim, "verdict", None)
        if verdict is None or verdict.rating is None:
            problems.append(_("%(claim)s has no rating.") % {"claim": label})
        if verdict is None or not verdict.summary.strip():
            problems.append(_("%(claim)s has no verdict summary.") % {"claim": label})
    quotes = ExpertQuote.objects.filter(factcheck=factcheck).select_related("expert")
    for number, quote in enumerate(quotes, start=1):
        label = _("Expert quote %(number)s") % {"number": number}
        if quote.expert is None:
            problems.append(_("%(quote)s does not name the expert.") % {"quote": label})
        if not quote.obtained_via:
            problems.append(
                _("%(quote)s does not say how it was obtained.") % {"quote": label}
            )
    if factcheck.hero_image and not factcheck.hero_image_alt.strip():
        problems.append(_("The hero image needs alt text."))
    return problems
