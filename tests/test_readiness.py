"""The IFCN readiness dashboard: every figure against fixtures with known answers."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import policies, readiness, workflow
from factcheck.models import (
    AuthorProfile,
    Claim,
    Correction,
    FactCheck,
    Funder,
    PolicyText,
    PolicyVersion,
    ReaderMessage,
    Source,
    SourceSnapshot,
)
from tests.factories import (
    AuthorProfileFactory,
    ClaimantFactory,
    CorrectionFactory,
    make_factcheck,
    make_published,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def backdate(factcheck, days):
    when = NOW - datetime.timedelta(days=days)
    FactCheck.objects.filter(pk=factcheck.pk).update(
        published_at=when, first_published_at=when
    )
    return when


def criterion(key):
    return next(c for c in readiness.assess(NOW) if c.key == key)


@pytest.fixture
def weekly(journalist, editor):
    """26 fact-checks over 26 weeks: one a week, each citing one source per claim."""
    made = []
    for week in range(26):
        factcheck = make_published(journalist, editor, headline=f"Week {week}")
        backdate(factcheck, days=7 * week + 3)
        made.append(factcheck)
    return made


def test_one_fact_check_a_week_passes(weekly):
    cadence = criterion("cadence")
    assert cadence.figure == "1.0" and cadence.passed
    assert [count for _week, count in cadence.rows] == [1] * 26


def test_fewer_than_one_a_week_warns(weekly):
    FactCheck.objects.filter(pk__in=[f.pk for f in weekly[:2]]).delete()
    cadence = criterion("cadence")
    assert cadence.figure == "0.9" and not cadence.passed


def test_drafts_scheduled_and_older_work_do_not_count(weekly, journalist, editor):
    make_factcheck(authors=[journalist])  # a draft
    scheduled = make_factcheck(authors=[journalist])
    workflow.submit_for_review(scheduled, journalist)
    workflow.publish(scheduled, editor, at=NOW + datetime.timedelta(days=2))
    backdate(make_published(journalist, editor), days=7 * 26 + 10)  # too old
    assert criterion("cadence").figure == "1.0"


def test_the_archive_needs_every_recent_month(weekly):
    archive = criterion("archive")
    assert archive.passed and archive.figure == "13"  # weeks 0–12 in 90 days
    FactCheck.objects.filter(
        first_published_at__lte=NOW - datetime.timedelta(days=30),
        first_published_at__gt=NOW - datetime.timedelta(days=60),
    ).delete()
    gap = criterion("archive")
    assert not gap.passed and [count for _m, count in gap.rows][1] == 0


def test_the_share_citing_two_sources(weekly):
    # The factories give each claim one source: none cites two yet.
    sourcing = criterion("sourcing")
    assert sourcing.figure == "0%" and not sourcing.passed
    for factcheck in weekly[:24]:
        Source.objects.create(
            factcheck=factcheck, title="A second source", url="https://example.org/2"
        )
    sourcing = criterion("sourcing")
    assert sourcing.figure == "92%" and sourcing.passed  # 24 of 26
    assert {headline for headline, _n in sourcing.rows} == {"Week 24", "Week 25"}


def test_corrections_and_how_fast_they_followed_a_report(weekly, editor):
    article = weekly[0]
    report = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.ERROR, factcheck=article, message="Wrong year."
    )
    ReaderMessage.objects.filter(pk=report.pk).update(
        created_at=NOW - datetime.timedelta(days=3)
    )
    CorrectionFactory(
        factcheck=article,
        issued_at=NOW - datetime.timedelta(days=1),
        kind=Correction.Kind.CORRECTION,
    )
    CorrectionFactory(factcheck=weekly[1], kind=Correction.Kind.CLARIFICATION)
    corrections = criterion("corrections")
    assert corrections.figure == "2 change records" and corrections.passed
    assert "Median 2.0 days" in corrections.why
    rows = dict(corrections.rows)
    assert rows["Correction"] == 1 and rows["Clarification"] == 1
    assert rows["Error reports followed by a correction"] == 1

    ignored = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.ERROR, factcheck=weekly[2], message="Typo."
    )
    ReaderMessage.objects.filter(pk=ignored.pk).update(
        created_at=NOW - datetime.timedelta(days=10)
    )
    assert not criterion("corrections").passed


def test_tips_received(weekly):
    assert not criterion("tips").passed
    ReaderMessage.objects.create(kind=ReaderMessage.Kind.TIP, message="Check this.")
    ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP, message="And this.", factcheck=weekly[0]
    )
    tips = criterion("tips")
    assert tips.passed and tips.figure == "2"
    assert (
        dict(tips.rows)[next(label for label, _ in tips.rows if "Answered" in label)]
        == 1
    )


def test_balance_by_claimant_and_party(weekly):
    claims = Claim.objects.filter(factcheck__in=[f.pk for f in weekly])
    left = ClaimantFactory(name="Ann Left", party="Left Party")
    right = ClaimantFactory(name="Bob Right", party="Right Party")
    ids = list(claims.values_list("pk", flat=True))
    Claim.objects.filter(pk__in=ids[:13]).update(claimant=left)
    Claim.objects.filter(pk__in=ids[13:]).update(claimant=right)
    balance = criterion("balance")
    assert balance.passed and balance.figure == "50% from Ann Left"

    Claim.objects.filter(pk__in=ids[:20]).update(claimant=left)
    lopsided = criterion("balance")
    assert not lopsided.passed and lopsided.figure == "77% from Ann Left"
    assert ("Party: Left Party", 20) in lopsided.rows


def test_the_export_matches_the_dashboard(client, weekly, editor):
    client.force_login(editor)
    page = client.get(reverse("admin:readiness"))
    assert page.status_code == 200
    shown = {c.key: (c.figure, c.mark) for c in page.context["criteria"]}
    export = client.get(reverse("admin:readiness_csv"))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    exported = {row[0]: (row[2], row[3]) for row in rows[1:] if row[2]}
    assert exported == shown
    assert shown["cadence"] == ("1.0", "pass")
    printable = client.get(reverse("admin:readiness"), {"print": ""})
    assert b"readiness--print" in printable.content


def test_only_editors_see_it(client, journalist):
    client.force_login(journalist)
    assert client.get(reverse("admin:readiness")).status_code == 403
    assert client.get(reverse("admin:readiness_csv")).status_code == 403
    client.logout()
    assert client.get(reverse("admin:readiness")).status_code == 302  # sign in


def test_its_queries_do_not_grow_with_the_archive(
    weekly, journalist, editor, django_assert_max_num_queries
):
    with django_assert_max_num_queries(24) as few:
        readiness.assess(NOW)
    for _ in range(5):
        make_published(journalist, editor, claims=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        readiness.assess(NOW)


def test_the_share_of_web_sources_archived(weekly):
    cited = Source.objects.filter(factcheck__in=[f.pk for f in weekly])
    assert cited.count() == 26
    for source in cited[:24]:
        SourceSnapshot.objects.create(
            factcheck=source.factcheck,
            url=source.url,
            outcome=SourceSnapshot.Outcome.OK,
            is_archive=True,
            sha256="ab" * 32,
            file="sources/" + "ab" * 32,
        )
    archived = criterion("archived")
    assert archived.figure == "92%" and archived.passed
    assert dict(archived.rows) == {"Archived": 24, "Not archived": 2}
    SourceSnapshot.objects.filter(is_archive=True)[:1].get().delete()
    SourceSnapshot.objects.update(is_archive=False)
    assert not criterion("archived").passed


def test_funding_needs_current_funders_and_an_ownership_statement(db, editor):
    assert not criterion("funding").passed
    year = timezone.localtime(NOW).year
    Funder.objects.create(
        name="Old grant", kind="grant", year_from=year - 5, year_to=year - 3
    )
    Funder.objects.create(name="Readers", kind="membership", year_from=year - 1)
    funding = criterion("funding")
    assert funding.figure == "1" and not funding.passed  # no ownership statement
    policies.add_version(
        policy=PolicyText.objects.get(kind="ownership"),
        body="<p>Owned by its staff.</p>",
        note="First.",
        user=editor,
    )
    assert criterion("funding").passed


def test_the_team_page_needs_roles_and_biographies(db, journalist):
    assert not criterion("team").passed
    profile = AuthorProfileFactory(
        user=journalist, role="Reporter", bio="", team_listing="always"
    )
    assert not criterion("team").passed
    AuthorProfile.objects.filter(pk=profile.pk).update(bio="Covers health.")
    team = criterion("team")
    assert team.passed and team.rows == [(profile.display_name, "Reporter")]


def test_methodology_and_corrections_policy_are_published(db):
    assert criterion("policies").passed  # a fresh install has both
    PolicyVersion.objects.filter(policy__kind="methodology").delete()
    policies_mark = criterion("policies")
    assert not policies_mark.passed and "Methodology" in policies_mark.why
