"""The transparency pages readers get: the team, the experts, funding and the
rating scale's history; published data only, linked from every footer."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from factcheck import workflow
from factcheck.models import AuthorProfile, Funder, Rating, RatingChange
from tests.factories import (
    AuthorProfileFactory,
    ExpertFactory,
    ExpertQuoteFactory,
    make_factcheck,
    make_published,
    make_published_from,
    make_user,
    rating,
)

pytestmark = pytest.mark.django_db

TEAM = reverse("factcheck:team")
EXPERTS = reverse("factcheck:experts")
FUNDING = reverse("factcheck:funding")
HOW_WE_RATE = reverse("factcheck:how-we-rate")


def main(client, url):
    content = client.get(url).content.decode()
    return content[content.index("<main") : content.index("</main>")]


# Our team


def test_the_team_lists_people_credited_on_published_work_and_those_listed_by_choice(
    client, journalist, editor
):
    AuthorProfileFactory(user=journalist, display_name="Ana Writer", slug="ana")
    AuthorProfileFactory(user=editor, display_name="Ed Editor", slug="ed")
    founder = AuthorProfileFactory(
        display_name="Fay Founder",
        role="Founder",
        bio="Started the desk.",
        team_listing=AuthorProfile.TeamListing.ALWAYS,
    )
    AuthorProfileFactory(display_name="Nina Nobyline")
    make_factcheck(authors=[journalist])  # a draft credits nobody
    assert "Ana Writer" not in main(client, TEAM)

    factcheck = make_published(journalist, editor)
    page = main(client, TEAM)
    assert '<a href="/authors/ana/">Ana Writer</a>' in page
    assert "Ed Editor" in page  # the editor credited on it
    assert "Fay Founder" in page and "Started the desk." in page
    assert f'href="{founder.get_absolute_url()}"' not in page  # no page without work
    assert "Nina Nobyline" not in page

    workflow.unpublish(factcheck, editor, "Legal hold")
    assert "Ana Writer" not in main(client, TEAM)


def test_former_staff_can_leave_the_team_page_and_keep_their_author_page(
    client, journalist, editor
):
    profile = AuthorProfileFactory(user=journalist, display_name="Old Hand", slug="o")
    make_published(journalist, editor)
    profile.refresh_from_db()
    profile.team_listing = AuthorProfile.TeamListing.NEVER
    profile.save()
    assert "Old Hand" not in main(client, TEAM)
    assert client.get(profile.get_absolute_url()).status_code == 200


def test_a_scheduled_first_article_lists_its_author_only_once_it_is_out(
    client, journalist, editor
):
    AuthorProfileFactory(user=journalist, display_name="Soon Author")
    draft = make_factcheck(authors=[journalist])
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor, at=timezone.now() + datetime.timedelta(hours=1))
    assert "Soon Author" not in main(client, TEAM)


def test_the_team_page_costs_two_queries(client, django_assert_max_num_queries):
    for _ in range(8):
        AuthorProfileFactory(team_listing=AuthorProfile.TeamListing.ALWAYS)
    with django_assert_max_num_queries(2):
        client.get(TEAM)


# Our experts


@pytest.fixture
def quoted(journalist):
    """A draft quoting an expert with private contact details."""
    expert = ExpertFactory(
        name="Dr Asha Rao",
        credentials="Psychiatrist",
        affiliation="City Hospital",
        field="Psychiatry",
        conflict_of_interest="Advises a clinic.",
        contact_email="asha.private@example.org",
        contact_phone="+44 7700 900123",
        contact_notes="Prefers mornings; do not share.",
    )
    draft = make_factcheck(authors=[journalist], headline="Does ketamine help?")
    ExpertQuoteFactory(factcheck=draft, expert=expert)
    return draft


def test_an_expert_is_listed_once_quoted_in_published_work_and_leaves_with_it(
    client, quoted, editor
):
    assert "Dr Asha Rao" not in main(client, EXPERTS)
    published = make_published_from(quoted, editor)
    page = main(client, EXPERTS)
    assert "Dr Asha Rao" in page
    for shown in ["Psychiatrist", "City Hospital", "Advises a clinic."]:
        assert shown in page
    assert f'<a href="{published.get_absolute_url()}">Does ketamine help?</a>' in page

    workflow.unpublish(published, editor, "Legal hold")
    assert "Dr Asha Rao" not in main(client, EXPERTS)


def test_the_experts_page_never_shows_contact_details(client, quoted, editor):
    make_published_from(quoted, editor)
    content = client.get(EXPERTS).content.decode()
    assert "Dr Asha Rao" in content
    for private in ["asha.private@example.org", "7700 900123", "Prefers mornings"]:
        assert private not in content


def test_experts_quoted_only_on_background_or_in_unpublished_work_are_not_listed(
    client, journalist, editor
):
    background = ExpertFactory(name="Dr Off Record")
    draft_only = ExpertFactory(name="Dr Draft Only")
    published = make_factcheck(authors=[journalist], headline="Public one")
    ExpertQuoteFactory(factcheck=published, expert=background, on_record=False)
    ExpertQuoteFactory(factcheck=published, expert=ExpertFactory(name="Dr On Record"))
    make_published_from(published, editor)
    ExpertQuoteFactory(
        factcheck=make_factcheck(authors=[journalist], headline="Secret draft"),
        expert=draft_only,
    )
    page = main(client, EXPERTS)
    assert "Dr On Record" in page
    assert "Dr Off Record" not in page
    assert "Dr Draft Only" not in page and "Secret draft" not in page


def test_the_experts_page_goes_by_name_a_page_at_a_time(client, editor, settings):
    from factcheck.views.transparency import ExpertListView

    journalist = make_user("Journalists")
    factcheck = make_factcheck(authors=[journalist])
    for letter in "EDCBA":
        ExpertQuoteFactory(
            factcheck=factcheck, expert=ExpertFactory(name=f"Dr {letter}")
        )
    make_published_from(factcheck, editor)
    ExpertListView.per_page = 2
    try:
        first = client.get(EXPERTS)
        assert [e.name for e in first.context["experts"]] == ["Dr A", "Dr B"]
        second = client.get(EXPERTS, {"after": first.context["page"].next})
        assert [e.name for e in second.context["experts"]] == ["Dr C", "Dr D"]
        back = client.get(EXPERTS, {"before": second.context["page"].previous})
        assert [e.name for e in back.context["experts"]] == ["Dr A", "Dr B"]
        last = client.get(EXPERTS, {"after": second.context["page"].next})
        assert [e.name for e in last.context["experts"]] == ["Dr E"]
        assert last.context["page"].next is None
        assert client.get(EXPERTS, {"after": "nonsense"}).status_code == 404
    finally:
        ExpertListView.per_page = 30


def test_the_experts_page_costs_the_same_for_many_experts_and_articles(
    client, editor, django_assert_max_num_queries
):
    journalist = make_user("Journalists")
    experts = [ExpertFactory() for _ in range(6)]
    for _ in range(4):
        factcheck = make_factcheck(authors=[journalist])
        for expert in experts:
            ExpertQuoteFactory(factcheck=factcheck, expert=expert)
        make_published_from(factcheck, editor)
    # The experts with their fact-checks, and the footer's standing pages.
    with django_assert_max_num_queries(3):
        response = client.get(EXPERTS)
    assert all(len(e.quoted_in) == 4 for e in response.context["experts"])


# Funding and ownership


def test_funders_are_listed_by_year_newest_first(client, settings):
    settings.FACTCHECK_CURRENCY = "NOK"
    this_year = timezone.now().year
    Funder.objects.create(
        name="Open Grant",
        kind=Funder.Kind.GRANT,
        amount_band=Funder.AmountBand.FROM_10K,
        year_from=this_year - 2,
        year_to=this_year - 1,
        public_note="For the health desk.",
        url="https://grant.example.org/",
    )
    Funder.objects.create(
        name="Our readers", kind=Funder.Kind.MEMBERSHIP, year_from=this_year
    )
    page = main(client, FUNDING)
    years = [str(this_year), str(this_year - 1), str(this_year - 2)]
    positions = [page.index(f"<caption>{year}</caption>") for year in years]
    assert positions == sorted(positions)
    assert page.count("Open Grant") == 2 and page.count("Our readers") == 1
    assert "10,000 to 50,000" in page and "Amount a year (NOK)" in page
    assert '<a href="https://grant.example.org/">Open Grant</a>' in page
    assert "For the health desk." in page


def test_a_new_funder_shows_at_once(client, settings):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300
    assert "New Donor" not in main(client, FUNDING)
    Funder.objects.create(
        name="New Donor", kind=Funder.Kind.DONATION, year_from=timezone.now().year
    )
    assert "New Donor" in main(client, FUNDING)


@pytest.mark.parametrize(
    ("years", "field", "message"),
    [
        (
            {"year_from": 2025, "year_to": 2024},
            "__all__",
            "The last year of support cannot come before the first.",
        ),
        (
            {"year_from": 1850},
            "year_from",
            "Ensure this value is greater than or equal to 1900.",
        ),
        (
            {"year_from": timezone.now().year + 3},
            "year_from",
            "Support starting after next year is not funding yet: add it when it "
            "is agreed to begin.",
        ),
    ],
)
def test_implausible_years_are_refused(years, field, message):
    funder = Funder(name="Bad", kind=Funder.Kind.GRANT, **years)
    with pytest.raises(ValidationError) as refused:
        funder.full_clean()
    assert message in refused.value.message_dict[field]


def test_the_funding_page_costs_a_few_queries(client, django_assert_max_num_queries):
    for number in range(10):
        Funder.objects.create(name=f"F{number}", kind="grant", year_from=2020)
    # Funders, the ownership statement and its versions, the footer's pages.
    with django_assert_max_num_queries(4):
        client.get(FUNDING)


# How we rate: the scale's history


def test_every_change_to_the_scale_is_dated_on_how_we_rate(client, editor):
    client.force_login(editor)
    mostly = rating("mostly-true")
    url = reverse("admin:factcheck_rating_change", args=[mostly.pk])
    client.post(
        url,
        {
            "label": "Largely true",
            "slug": mostly.slug,
            "value": 9,
            "colour": mostly.colour,
            "meaning": "Accurate but for a detail.",
        },
    )
    Rating.objects.create(label="Satire", slug="satire", colour="#123456", meaning="x")
    Rating.objects.get(slug="satire").delete()
    client.logout()

    changes = {(c.kind, c.label, c.previous) for c in RatingChange.objects.all()}
    assert changes == {
        ("renamed", "Largely true", "Mostly true"),
        ("value", "Largely true", str(mostly.value)),
        ("meaning", "Largely true", ""),
        ("added", "Satire", ""),
        ("removed", "Satire", ""),
    }
    assert RatingChange.objects.get(kind="renamed").changed_by == editor
    assert RatingChange.objects.get(kind="added").changed_by is None  # the shell
    page = main(client, HOW_WE_RATE)
    today = timezone.now().strftime("%-d %B %Y")
    assert f"{today}</time> “Mostly true” renamed “Largely true”." in page
    assert "“Satire” removed from the scale." in page
    assert "The meaning of “Largely true” changed." in page


def test_how_we_rate_says_when_the_scale_never_changed(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        page = main(client, HOW_WE_RATE)
    assert "The scale has not changed since it was first published." in page


# The footer


def test_every_kind_of_page_links_the_transparency_pages(client, editor):
    published = make_published(editor=editor)
    Funder.objects.create(name="F", kind="grant", year_from=2024)
    links = [
        HOW_WE_RATE,
        TEAM,
        FUNDING,
        reverse("factcheck:methodology"),
        reverse("factcheck:corrections-policy"),
        EXPERTS,
        "/pages/about/",
    ]
    for url in [
        "/",
        published.get_absolute_url(),
        "/topics/",
        "/search/?q=claim",
        "/pages/about/",
        "/ratings/false/",
        TEAM,
        FUNDING,
        EXPERTS,
        "/methodology/versions/1/",
        "/no-such-page/",
    ]:
        content = client.get(url).content.decode()
        footer = content[content.index("<footer") :]
        for link in links:
            assert f'href="{link}"' in footer, (url, link)
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_demo_discloses_its_funding_and_the_history_of_a_policy(client, settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False
    assert "Northlight Civic Media Foundation" in main(client, FUNDING)
    assert "Fact Desk Cooperative" in main(client, FUNDING)
    corrections = main(client, reverse("factcheck:corrections-policy"))
    assert corrections.count('href="/corrections-policy/versions/') == 2
    assert "Samuel Adeyemi" in main(client, TEAM)  # listed by choice
    assert "Dr Helen Ashdown" in main(client, EXPERTS)
