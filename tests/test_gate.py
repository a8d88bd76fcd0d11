"""The publish gate: every house rule a fact-check breaks is listed in words."""

import pytest

from factcheck import gate, workflow
from factcheck.models import FactCheck, Verdict
from tests.factories import (
    ClaimFactory,
    ExpertQuoteFactory,
    SourceFactory,
    VerdictFactory,
    make_factcheck,
)

pytestmark = pytest.mark.django_db


def report_on(factcheck):
    return gate.check_saved(FactCheck.objects.get(pk=factcheck.pk))


def test_a_complete_fact_check_passes_without_warnings(journalist):
    report = report_on(make_factcheck(authors=[journalist]))
    assert report.passed is True
    assert (report.problems, report.warnings) == ([], [])


def test_every_failure_is_listed(journalist, settings):
    settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 2
    factcheck = make_factcheck(authors=[journalist])
    claim = factcheck.claims.get()
    Verdict.objects.filter(claim=claim).update(rating=None, summary="")
    ExpertQuoteFactory(factcheck=factcheck, expert__credentials="")
    ExpertQuoteFactory(factcheck=factcheck, expert=None, obtained_via="")
    FactCheck.objects.filter(pk=factcheck.pk).update(
        hero_image="hero.png", hero_image_alt=""
    )
    label = f"Claim 1 (“{claim.statement}”)"
    expert = factcheck.quotes.first().expert.name

    report = report_on(factcheck)

    assert report.passed is False
    assert report.problems == [
        f"{label} has no rating.",
        f"{label} has no verdict summary.",
        f"Expert quote 1 is from {expert}, whose credentials are not in the expert "
        "directory: say why readers should listen to them.",
        "Expert quote 2 does not name the expert.",
        "Expert quote 2 does not say how it was obtained.",
        "The hero image needs alt text.",
        f"{label} has 1 source; the house asks for at least 2.",
    ]


def test_an_empty_article_says_what_to_start_with(journalist):
    factcheck = FactCheck.objects.create(headline="", slug="x")
    assert report_on(factcheck).problems == [
        "The fact-check needs a headline.",
        "Add at least one author to the byline.",
        "Add the claim being checked.",
    ]


def test_a_source_for_no_claim_counts_for_every_claim(journalist, settings):
    settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 2
    factcheck = make_factcheck(authors=[journalist], claims=2)
    assert len(report_on(factcheck).problems) == 2
    SourceFactory(factcheck=factcheck, claim=None)
    assert report_on(factcheck).passed is True


def test_a_claim_without_its_own_source_fails_the_default_minimum(journalist):
    factcheck = make_factcheck(authors=[journalist])
    VerdictFactory(claim=ClaimFactory(factcheck=factcheck, statement="Second claim"))
    assert report_on(factcheck).problems == [
        "Claim 2 (“Second claim”) has 0 sources; the house asks for at least 1."
    ]


def test_a_long_claim_is_a_warning_not_a_refusal(journalist, editor):
    factcheck = make_factcheck(authors=[journalist])
    claim = factcheck.claims.get()
    claim.statement = "A" * 76
    claim.save()
    report = report_on(factcheck)
    assert report.passed is True
    assert report.warnings == [
        "Claim 1 (“%s”) is 76 characters long: search engines may cut claims "
        "over 75 characters. Shorten it if you can." % ("A" * 60)
    ]
    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)
    assert factcheck.is_published is True


def test_claimreview_needs_the_claim_and_an_address(journalist):
    factcheck = make_factcheck(authors=[journalist])
    factcheck.claims.update(statement="   ")
    FactCheck.objects.filter(pk=factcheck.pk).update(slug="")
    assert report_on(factcheck).problems == [
        "Claim 1 is empty: write the claim as it was made (search engines show it "
        "as the claim reviewed).",
        "The fact-check needs a slug: search engines link to its web address.",
    ]


@pytest.mark.parametrize(
    ("points", "problem", "warning"),
    [(0, False, False), (1, False, True), (3, False, False), (5, True, False)],
)
def test_in_short_holds_two_or_three_points(journalist, points, problem, warning):
    factcheck = make_factcheck(authors=[journalist])
    FactCheck.objects.filter(pk=factcheck.pk).update(
        key_points="\n".join(f"Point {n}." for n in range(points))
    )
    report = report_on(factcheck)
    assert any("In short" in p for p in report.problems) is problem
    assert any("In short" in w for w in report.warnings) is warning
