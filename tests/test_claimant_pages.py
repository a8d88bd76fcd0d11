"""A claimant's page: their published claims, newest first, and how they were rated."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import tally, workflow
from factcheck.models import Verdict
from tests.factories import ClaimantFactory, make_factcheck, rating

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "review", "scheduled", "unpublished", "retracted"]


def said_by(
    claimant, journalist, editor, state="published", ratings=("false",), **overrides
):
    """A fact-check of claims by ``claimant``, rated ``ratings``, left in ``state``."""
    factcheck = make_factcheck(authors=[journalist], claims=len(ratings), **overrides)
    factcheck.claims.update(claimant=claimant)
    for claim, slug in zip(factcheck.claims.all(), ratings, strict=True):
        Verdict.objects.filter(claim=claim).update(rating=rating(slug))
    if state == "draft":
        return factcheck
    workflow.submit_for_review(factcheck, journalist)
    if state == "review":
        return factcheck
    later = timezone.now() + datetime.timedelta(days=1)
    workflow.publish(factcheck, editor, at=later if state == "scheduled" else None)
    if state in ("unpublished", "retracted"):
        workflow.unpublish(factcheck, editor, "Pulled.", retract=state == "retracted")
    return factcheck


@pytest.fixture
def claimant(db):
    return ClaimantFactory(
        name="Delia Marchbank, MP", slug="delia-marchbank", description="An MP."
    )


def test_the_tally_counts_each_published_claim_by_rating(claimant, journalist, editor):
    """Known answers: False twice, True once; hidden work counts for nothing."""
    said_by(claimant, journalist, editor, ratings=("false", "true"))
    said_by(claimant, journalist, editor)
    for state in HIDDEN_STATES:
        said_by(claimant, journalist, editor, state=state, ratings=("misleading",))
    said_by(ClaimantFactory(), journalist, editor, ratings=("misleading",))

    counted = tally.of_claimant(claimant)
    assert (counted.claims, counted.rated) == (3, 3)
    assert {bar.rating.slug: (bar.count, bar.percent) for bar in counted.bars} == {
        "true": (1, 33),
        "mostly-true": (0, 0),
        "misleading": (0, 0),
        "false": (2, 67),
        "unproven": (0, 0),
    }


def test_the_page_draws_the_tally_and_gives_it_as_a_table(
    client, claimant, journalist, editor
):
    said_by(claimant, journalist, editor, ratings=("false", "false"))
    said_by(claimant, journalist, editor, ratings=("true",))
    content = client.get(claimant.get_absolute_url()).content.decode()
    false, true = rating("false"), rating("true")
    assert f'style="width: 67%; --badge-bg: {false.colour}"' in content
    assert f'style="width: 33%; --badge-bg: {true.colour}"' in content
    table = content[content.index("<table") : content.index("</table>")]
    assert "<caption>Ratings of the 3 claims we checked</caption>" in table
    rows = dict(
        re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th><td>(\d+)', table)
    )
    assert rows["False"] == "2" and rows["True"] == "1" and rows["Misleading"] == "0"
    assert '<h1 class="page-intro__title">Delia Marchbank, MP</h1>' in content
    assert content.count("<h1") == 1
    assert "<script" not in content.split("</header>", 1)[1].split("<footer")[0]


def test_it_lists_their_fact_checks_only(client, claimant, journalist, editor):
    theirs = said_by(claimant, journalist, editor, headline="Checked: theirs")
    said_by(ClaimantFactory(), journalist, editor, headline="Checked: someone else")
    response = client.get(claimant.get_absolute_url())
    assert list(response.context["factchecks"]) == [theirs]
    assert "Checked: someone else" not in response.content.decode()


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_work_appears_nowhere_on_it(
    client, claimant, journalist, editor, state
):
    said_by(claimant, journalist, editor, headline="Out there")
    said_by(claimant, journalist, editor, state=state, headline="Not out there")
    content = client.get(claimant.get_absolute_url()).content.decode()
    assert "Out there" in content
    assert "Not out there" not in content
    assert "Ratings of the 1 claim we checked" in content


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_claimant_with_nothing_published_has_no_page(
    client, claimant, journalist, editor, state
):
    said_by(claimant, journalist, editor, state=state)
    assert client.get(claimant.get_absolute_url()).status_code == 404
    sitemap = client.get(reverse("factcheck:sitemap-section", args=["site"]))
    assert claimant.get_absolute_url() not in sitemap.content.decode()


def test_an_unknown_claimant_is_a_404(client):
    assert client.get(reverse("factcheck:claimant", args=["nobody"])).status_code == (
        404
    )


def test_the_claim_box_links_the_claimants_page(client, claimant, journalist, editor):
    factcheck = said_by(claimant, journalist, editor)
    content = client.get(factcheck.get_absolute_url()).content.decode()
    assert (
        f'<a class="claim-box__claimant" href="{claimant.get_absolute_url()}">'
        "Delia Marchbank, MP</a>"
    ) in content
    assert client.get(claimant.get_absolute_url()).status_code == 200


def test_a_preview_does_not_link_a_page_that_may_not_exist(
    client, claimant, journalist
):
    draft = said_by(claimant, journalist, None, state="draft")
    client.force_login(journalist)
    content = client.get(draft.get_absolute_url()).content.decode()
    assert '<span class="claim-box__claimant">Delia Marchbank, MP</span>' in content
    assert claimant.get_absolute_url() not in content


def test_the_sitemap_lists_claimants_with_published_claims(
    client, claimant, journalist, editor
):
    said_by(claimant, journalist, editor)
    sitemap = client.get(reverse("factcheck:sitemap-section", args=["site"]))
    assert f"http://testserver{claimant.get_absolute_url()}" in sitemap.content.decode()


def _link(response, rel):
    found = re.search(rf'href="([^"]+)" rel="{rel}"', response.content.decode())
    return html.unescape(found.group(1)) if found else None


def test_pages_go_by_position_twenty_at_a_time(
    client, claimant, journalist, editor, django_assert_max_num_queries
):
    made = [
        said_by(claimant, journalist, editor, headline=f"Check {n}") for n in range(21)
    ]
    url = claimant.get_absolute_url()
    first = client.get(url)
    assert [f.pk for f in first.context["factchecks"]] == [f.pk for f in made][::-1][
        :20
    ]
    with django_assert_max_num_queries(12) as queries:
        second = client.get(url + _link(first, "next"))
    assert [f.pk for f in second.context["factchecks"]] == [made[0].pk]
    assert not [q for q in queries.captured_queries if "COUNT(*)" in q["sql"].upper()]
    assert not [q for q in queries.captured_queries if "OFFSET" in q["sql"].upper()]
    assert client.get(url + "?before=nonsense").status_code == 404


def test_the_page_costs_the_same_however_many_claims(
    client, claimant, journalist, editor, django_assert_max_num_queries
):
    said_by(claimant, journalist, editor)
    client.get(claimant.get_absolute_url())  # cards prepared once
    with django_assert_max_num_queries(10) as small:
        client.get(claimant.get_absolute_url())
    few = len(small)  # the log is emptied at the next request
    for _ in range(4):
        said_by(claimant, journalist, editor, ratings=("false", "true", "false"))
    client.get(claimant.get_absolute_url())
    with django_assert_max_num_queries(few):
        client.get(claimant.get_absolute_url())


class TestCache:
    """The page is cached under ``claimant:<slug>`` and dropped when it changes."""

    @pytest.fixture(autouse=True)
    def page_cache(self, settings):
        settings.FACTCHECK_PAGE_CACHE_SECONDS = 300

    def _cached(self, client, url, django_assert_num_queries):
        with django_assert_num_queries(0):
            return client.get(url).content.decode()

    def test_a_publication_drops_the_pages_of_its_claimants_only(
        self, client, claimant, journalist, editor, django_assert_num_queries
    ):
        other = ClaimantFactory()
        said_by(claimant, journalist, editor)
        said_by(other, journalist, editor)
        url = claimant.get_absolute_url()
        client.get(url), client.get(other.get_absolute_url())
        self._cached(client, url, django_assert_num_queries)

        said_by(claimant, journalist, editor, headline="Fresh check of theirs")

        assert "Fresh check of theirs" in client.get(url).content.decode()
        self._cached(client, other.get_absolute_url(), django_assert_num_queries)

    def test_a_withdrawal_drops_it(self, client, claimant, journalist, editor):
        keep = said_by(claimant, journalist, editor, headline="Stays up")
        pulled = said_by(claimant, journalist, editor, headline="Pulled down")
        url = claimant.get_absolute_url()
        assert "Pulled down" in client.get(url).content.decode()
        workflow.unpublish(pulled, editor, "Legal hold")
        assert "Pulled down" not in client.get(url).content.decode()
        workflow.unpublish(keep, editor, "Legal hold")
        assert client.get(url).status_code == 404

    def test_a_revision_moving_a_claim_drops_the_old_claimants_page(
        self, client, claimant, journalist, editor
    ):
        live = said_by(claimant, journalist, editor, headline="Moved on")
        url = claimant.get_absolute_url()
        assert client.get(url).status_code == 200
        revision = workflow.start_revision(live, journalist)
        revision.claims.update(claimant=ClaimantFactory())
        workflow.submit_for_review(revision, journalist)
        workflow.publish(
            revision, editor, change_class="correction", note="Someone else said it."
        )
        assert client.get(url).status_code == 404

    def test_an_edit_to_the_claimant_shows_on_their_page_and_articles(
        self, client, claimant, journalist, editor
    ):
        factcheck = said_by(claimant, journalist, editor)
        pages = [claimant.get_absolute_url(), factcheck.get_absolute_url()]
        for page in pages:
            client.get(page)
        claimant.name = "Delia Marchbank"
        claimant.description = "Former MP."
        claimant.save()
        for page in pages:
            assert "Former MP." in client.get(page).content.decode(), page

    def test_a_rating_relabelled_shows_in_the_tally(
        self, client, claimant, journalist, editor
    ):
        said_by(claimant, journalist, editor)
        client.get(claimant.get_absolute_url())
        false = rating("false")
        false.label = "Plainly false"
        false.save()
        content = client.get(claimant.get_absolute_url()).content.decode()
        assert '<span class="tally__label">Plainly false</span>' in content
