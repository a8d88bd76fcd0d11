"""The transparency pages stay cached until what they show changes, and their
changes drop nothing else."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import policies, workflow
from factcheck.models import AuthorProfile, Funder, PolicyText
from tests.factories import (
    AuthorProfileFactory,
    ExpertFactory,
    ExpertQuoteFactory,
    make_factcheck,
    make_published,
    make_published_from,
)

pytestmark = pytest.mark.django_db

HOME = reverse("factcheck:home")
TEAM = reverse("factcheck:team")
EXPERTS = reverse("factcheck:experts")
FUNDING = reverse("factcheck:funding")
METHODOLOGY = reverse("factcheck:methodology")
FIRST_METHODOLOGY = reverse("factcheck:methodology-version", args=[1])
CORRECTIONS_POLICY = reverse("factcheck:corrections-policy")
PAGES = [HOME, TEAM, EXPERTS, FUNDING, METHODOLOGY, FIRST_METHODOLOGY]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def site(journalist, editor):
    """A published article quoting an expert, by a credited journalist."""
    AuthorProfileFactory(user=journalist, display_name="Ana Writer")
    factcheck = make_factcheck(authors=[journalist])
    ExpertQuoteFactory(factcheck=factcheck, expert=ExpertFactory(name="Dr Quoted"))
    return make_published_from(factcheck, editor)


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200, url


def assert_cached(client, urls, django_assert_num_queries):
    for url in urls:
        with django_assert_num_queries(0):
            client.get(url)


def others(*changed):
    return [url for url in [*PAGES, CORRECTIONS_POLICY] if url not in changed]


def test_a_funder_saved_drops_the_funding_page_only(
    client, site, django_assert_num_queries
):
    warm(client, *PAGES, CORRECTIONS_POLICY)
    Funder.objects.create(name="New Donor", kind="donation", year_from=2026)
    assert "New Donor" in client.get(FUNDING).content.decode()
    assert_cached(client, others(FUNDING), django_assert_num_queries)


def test_a_policy_version_drops_that_policys_pages_only(
    client, site, editor, django_assert_num_queries
):
    warm(client, *PAGES, CORRECTIONS_POLICY)
    policies.add_version(
        policy=PolicyText.objects.get(kind="methodology"),
        body="<p>Our new method.</p>",
        note="Rewritten.",
        user=editor,
    )
    assert "Our new method." in client.get(METHODOLOGY).content.decode()
    old = client.get(FIRST_METHODOLOGY).content.decode()
    assert "This is an earlier version" in old  # it was the current one
    assert_cached(
        client, others(METHODOLOGY, FIRST_METHODOLOGY), django_assert_num_queries
    )


def test_the_ownership_statement_drops_the_funding_page(
    client, site, editor, django_assert_num_queries
):
    warm(client, *PAGES, CORRECTIONS_POLICY)
    policies.add_version(
        policy=PolicyText.objects.get(kind="ownership"),
        body="<p>Owned by its staff.</p>",
        note="First.",
        user=editor,
    )
    assert "Owned by its staff." in client.get(FUNDING).content.decode()
    assert_cached(client, others(FUNDING), django_assert_num_queries)


def test_a_profile_listed_by_choice_drops_the_team_page_only(
    client, site, django_assert_num_queries
):
    warm(client, *PAGES, CORRECTIONS_POLICY)
    AuthorProfileFactory(
        display_name="Fay Founder", team_listing=AuthorProfile.TeamListing.ALWAYS
    )
    assert "Fay Founder" in client.get(TEAM).content.decode()
    assert_cached(client, others(TEAM), django_assert_num_queries)


def test_an_expert_edited_shows_on_the_experts_page(client, site):
    warm(client, EXPERTS)
    expert = site.quotes.get().expert
    expert.affiliation = "Newly Affiliated University"
    expert.save()
    assert "Newly Affiliated University" in client.get(EXPERTS).content.decode()


def test_an_expert_nobody_reads_drops_nothing(client, site, django_assert_num_queries):
    warm(client, *PAGES)
    ExpertFactory(name="Dr Unquoted").save()
    assert_cached(client, PAGES, django_assert_num_queries)


def test_publishing_an_article_quoting_a_new_expert_and_author_updates_both_pages(
    client, site, other_journalist, editor
):
    warm(client, TEAM, EXPERTS)
    AuthorProfileFactory(user=other_journalist, display_name="Bea Newcomer")
    draft = make_factcheck(authors=[other_journalist])
    ExpertQuoteFactory(factcheck=draft, expert=ExpertFactory(name="Dr Newly Quoted"))
    published = make_published_from(draft, editor)
    assert "Bea Newcomer" in client.get(TEAM).content.decode()
    assert "Dr Newly Quoted" in client.get(EXPERTS).content.decode()

    workflow.unpublish(published, editor, "Legal hold")
    assert "Bea Newcomer" not in client.get(TEAM).content.decode()
    assert "Dr Newly Quoted" not in client.get(EXPERTS).content.decode()


def test_an_article_without_quotes_by_someone_credited_keeps_both_pages(
    client, site, journalist, editor, django_assert_num_queries
):
    warm(client, TEAM, EXPERTS, FUNDING)
    make_published(journalist, editor, headline="No experts here")
    assert "No experts here" in client.get(HOME).content.decode()
    assert_cached(client, [TEAM, EXPERTS, FUNDING], django_assert_num_queries)


def test_a_scheduled_article_lists_its_expert_on_time(client, journalist, editor):
    draft = make_factcheck(authors=[journalist])
    ExpertQuoteFactory(factcheck=draft, expert=ExpertFactory(name="Dr Later"))
    workflow.submit_for_review(draft, journalist)
    at = timezone.now() + timezone.timedelta(seconds=1)
    workflow.publish(draft, editor, at=at)
    assert "Dr Later" not in client.get(EXPERTS).content.decode()
    time.sleep(max((at - timezone.now()).total_seconds(), 0) + 0.1)
    assert "Dr Later" in client.get(EXPERTS).content.decode()
