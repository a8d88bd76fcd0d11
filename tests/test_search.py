"""Search: ranked full text on PostgreSQL, substring matching elsewhere, odd input safe."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from factcheck import search, workflow
from factcheck.models import FactCheck, SearchEntry
from tests.factories import TopicFactory, make_factcheck, make_published

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "fluoride " * 2_000,
    "!!!",
    "?&*()[]{}<>'\"\\/%_",
    "-",
    '"',
    "OR AND NOT",
    "गर्म पानी",
    "ماء ساخن",
    "水",
    "'; DROP TABLE factcheck_factcheck; --",
    "nul\x00byte",
    "<script>alert(1)</script>",
]


def results(client, **params):
    response = client.get(reverse("factcheck:search"), params)
    assert response.status_code == 200
    return [factcheck.headline for factcheck in response.context["factchecks"]]


def test_a_headline_match_ranks_above_a_body_match(client):
    make_published(
        headline="What the audit found",
        body="<p>The report mentions fluoridation twice: fluoridation.</p>",
    )
    make_published(headline="Fluoridation does not lower IQ", body="<p>Nothing.</p>")
    assert results(client, q="fluoridation") == [
        "Fluoridation does not lower IQ",
        "What the audit found",
    ]


def test_a_claim_match_ranks_above_a_body_match(client, journalist, editor):
    make_published(headline="Story one", body="<p>Vaccines and magnets.</p>")
    other = make_factcheck(authors=[journalist], headline="Story two")
    other.claims.update(statement="Vaccines make you magnetic")
    workflow.submit_for_review(other, journalist)
    workflow.publish(other, editor)
    assert results(client, q="magnetic vaccines")[0] == "Story two"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is PostgreSQL's"
)
def test_english_stemming_matches_other_forms(client):
    make_published(headline="Bananas are radioactive")
    assert results(client, q="banana radioactivity") == ["Bananas are radioactive"]
    assert results(client, q="bananas -radioactive") == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="snippets are PostgreSQL's ts_headline"
)
def test_snippets_are_written_for_the_page_shown_only(client):
    """Of 15 matches, only the 10 shown have their text read, with the page."""
    assert search.PER_PAGE == 10
    for number in range(15):
        make_published(
            headline=f"Claim {number}", standfirst="What wind turbines really do."
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("factcheck:search"), {"q": "turbines"})
    assert response.content.decode().count("<mark>turbines</mark>") == 10
    texts = [q["sql"] for q in queries.captured_queries if '."body"' in q["sql"]]
    assert len(texts) == 1
    assert texts[0].endswith("LIMIT 11")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stems are PostgreSQL's")
def test_snippets_mark_every_form_of_a_stemmed_word(client):
    make_published(
        headline="Prices",
        standfirst="",
        body="<p>One study, then more studies; inflation was inflationary.</p>",
    )
    content = client.get(reverse("factcheck:search"), {"q": "studies inflation"})
    content = content.content.decode()
    for word in ("study", "studies", "inflation", "inflationary"):
        assert f"<mark>{word}</mark>" in content


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_get_a_normal_page(client, query):
    make_published(headline="Hot water does not kill viruses")
    response = client.get(reverse("factcheck:search"), {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= search.MAX_QUERY_LENGTH
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("headline", "query"),
    [("गर्म पानी वायरस नहीं मारता", "पानी"), ("الماء الساخن لا يقتل الفيروس", "الفيروس")],
)
def test_non_latin_text_is_found(client, headline, query):
    make_published(headline=headline)
    make_published(headline="Something else")
    assert results(client, q=query) == [headline]


def test_filters_combine_with_the_query(client):
    health = TopicFactory(name="Health", slug="health")
    old = make_published(headline="Old water claim", rating_slug="false")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    FactCheck.objects.filter(pk=old.pk).update(
        published_at=long_ago, first_published_at=long_ago
    )
    FactCheck.objects.filter(pk=old.pk).index_for_search()  # as backdated
    old.topics.add(health)
    make_published(headline="Water claim rated true", rating_slug="true").topics.add(
        health
    )
    make_published(headline="Water claim elsewhere", rating_slug="false")
    recent = make_published(headline="Recent water claim", rating_slug="false")
    recent.topics.add(health)

    assert results(client, q="water", rating="false", topic="health") == [
        "Recent water claim",
        "Old water claim",
    ]
    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert results(client, q="water", rating="false", topic="health", since=since) == [
        "Recent water claim"
    ]
    until = (timezone.now() - datetime.timedelta(days=300)).date().isoformat()
    assert results(client, until=until) == ["Old water claim"]
    assert results(client, topic="health", rating="true") == ["Water claim rated true"]


def test_an_unknown_filter_value_is_a_form_error_not_a_crash(client):
    response = client.get(
        reverse("factcheck:search"), {"q": "water", "rating": "nope", "since": "x"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"rating", "since"}


def test_snippets_highlight_matches_and_escape_everything_else(client):
    make_published(
        headline="Grapes",
        standfirst="",
        body="<p>Grapes &lt;script&gt;alert(1)&lt;/script&gt; contain resveratrol.</p>",
    )
    content = client.get(reverse("factcheck:search"), {"q": "resveratrol"}).content
    content = content.decode()
    assert "<mark>resveratrol</mark>" in content
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_highlight_escapes_text_and_closes_marks():
    raw = f"a < b {search.MARK_START}match{search.MARK_STOP} & {search.MARK_START}open"
    assert (
        search.highlight(raw) == "a &lt; b <mark>match</mark> &amp; <mark>open</mark>"
    )


def test_queries_are_cut_and_cleaned():
    assert search.clean_query("  many\n\tspaces \x00here ") == "many spaces here"
    assert len(search.clean_query("y" * 10_000)) == search.MAX_QUERY_LENGTH


def test_an_empty_search_shows_the_form_and_no_results(client):
    make_published()
    response = client.get(reverse("factcheck:search"))
    assert response.status_code == 200
    assert list(response.context["factchecks"]) == []
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "bad", [{"rating": "nonsense"}, {"since": "garbage"}, {"topic": "gone"}]
)
def test_a_bad_filter_value_does_not_discard_the_query(client, bad):
    """The search runs on what is valid; the bad value is reported by its field."""
    make_published(headline="Ketamine and depression")
    make_published(headline="Something else")
    response = client.get(reverse("factcheck:search"), {"q": "ketamine", **bad})
    content = response.content.decode()

    assert [f.headline for f in response.context["factchecks"]] == [
        "Ketamine and depression"
    ]
    assert "Results for “ketamine”" in content
    assert "Best matches first, page 1" in content
    assert response.context["form"].errors.keys() == bad.keys()


def test_each_field_error_is_what_its_widget_describes_itself_by(client):
    response = client.get(
        reverse("factcheck:search"),
        {"q": "water", "rating": "nope", "since": "x", "until": "y"},
    )
    content = response.content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', content)

    assert sorted(described) == ["id_rating_error", "id_since_error", "id_until_error"]
    for error_id in described:
        error = re.search(rf'id="{error_id}">(.*?)</div>', content, re.DOTALL)
        assert error is not None, error_id
        assert "valid" in error.group(1)


def test_a_republished_article_is_dated_and_listed_by_its_first_publication(client):
    old = make_published(headline="Old water claim")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    FactCheck.objects.filter(pk=old.pk).update(first_published_at=long_ago)
    FactCheck.objects.filter(pk=old.pk).index_for_search()  # as backdated
    make_published(headline="Recent water claim")

    since = (timezone.now() - datetime.timedelta(days=30)).date().isoformat()
    assert results(client, q="water", since=since) == ["Recent water claim"]
    home = client.get(reverse("factcheck:home")).context["factchecks"]
    assert [f.headline for f in home] == ["Recent water claim", "Old water claim"]


def test_dates_the_wrong_way_round_are_pointed_out(client):
    make_published(headline="Water claim")
    response = client.get(
        reverse("factcheck:search"),
        {"q": "water", "since": "2026-05-01", "until": "2026-01-01"},
    )
    assert "before the “From” date" in response.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search entries are PostgreSQL's"
)
def test_only_what_readers_see_is_indexed_and_at_once(client, journalist, editor):
    draft = make_factcheck(authors=[journalist], headline="Quixotic marmosets")
    FactCheck.objects.filter(pk=draft.pk).index_for_search()
    assert not SearchEntry.objects.filter(factcheck=draft).exists()
    assert results(client, q="marmosets") == []

    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    entry = SearchEntry.objects.get(factcheck=draft)
    assert "marmoset" in str(entry.vector)
    assert (
        entry.first_published_at
        == FactCheck.objects.get(pk=draft.pk).first_published_at
    )
    assert results(client, q="marmosets") == ["Quixotic marmosets"]

    workflow.unpublish(FactCheck.objects.get(pk=draft.pk), editor, "Taken down.")
    assert not SearchEntry.objects.filter(factcheck=draft).exists()
    assert results(client, q="marmosets") == []
