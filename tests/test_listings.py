"""Lists of fact-checks (home, topics, ratings, authors): paged by position,
never counted, each card with every claim's verdict."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck.models import Topic
from tests.factories import (
    AuthorProfileFactory,
    TopicFactory,
    make_factcheck,
    make_mixed_verdicts,
    make_published,
)

pytestmark = pytest.mark.django_db


def test_home_lists_published_fact_checks(client, published):
    response = client.get(reverse("factcheck:home"))
    assert response.status_code == 200
    assert "Are bananas radioactive?" in response.content.decode()


def _link(response, rel):
    found = re.search(rf'href="([^"]+)" rel="{rel}"', response.content.decode())
    return html.unescape(found.group(1)) if found else None


def test_home_pages_twenty_at_a_time_by_position(client, journalist, editor):
    made = [make_published(journalist, editor) for _ in range(41)]
    newest_first = [f.headline for f in reversed(made)]
    home = reverse("factcheck:home")
    first = client.get(home)
    assert [f.headline for f in first.context["factchecks"]] == newest_first[:20]
    assert _link(first, "prev") is None

    second = client.get(home + _link(first, "next"))
    assert [f.headline for f in second.context["factchecks"]] == newest_first[20:40]
    third = client.get(home + _link(second, "next"))
    assert [f.headline for f in third.context["factchecks"]] == newest_first[40:]
    assert _link(third, "next") is None

    # Back up the list: the same pages, up to the first as everyone sees it.
    back = client.get(home + _link(third, "prev"))
    assert back.context["factchecks"] == second.context["factchecks"]
    top = client.get(home + _link(back, "prev"))
    assert top.context["factchecks"] == first.context["factchecks"]
    assert top.context["page"].is_first is True


def test_a_deep_page_costs_what_the_first_does(
    client, journalist, editor, django_assert_num_queries
):
    for _ in range(25):
        make_published(journalist, editor)
    home = reverse("factcheck:home")
    with CaptureQueriesContext(connection) as first:
        older = _link(client.get(home), "next")
    with django_assert_num_queries(len(first)):
        client.get(home + older)
    assert not [q for q in first if "__count" in q["sql"]]  # no Paginator count


@pytest.mark.parametrize(
    "cursor", ["?before=abc", "?after=1-2-3", "?before=99999999999999999999999-1"]
)
def test_a_malformed_position_is_a_404(client, published, cursor):
    assert client.get(reverse("factcheck:home") + cursor).status_code == 404


def test_list_pages_do_not_grow_with_their_rows(
    client, journalist, editor, django_assert_max_num_queries
):
    topic = TopicFactory()
    make_published(journalist, editor, topics=[topic])
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("factcheck:home"))
    for _ in range(6):
        make_published(journalist, editor, claims=2, topics=[topic, TopicFactory()])
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("factcheck:home"))


def test_rating_topic_and_author_pages_list_their_fact_checks(
    client, journalist, editor
):
    profile = AuthorProfileFactory(user=journalist, bio="Writes about health.")
    topic = TopicFactory(name="Climate", slug="climate", description="Heat.")
    make_published(journalist, editor, headline="In all three", topics=[topic])
    make_published(editor=editor, headline="In none", rating_slug="true")

    for url, extra in [
        (reverse("factcheck:rating", args=["false"]), "Claims we rated False"),
        (topic.get_absolute_url(), "Heat."),
        (profile.get_absolute_url(), "Writes about health."),
    ]:
        content = client.get(url).content.decode()
        assert "In all three" in content
        assert "In none" not in content
        assert extra in content
        assert content.count("<h1") == 1


def test_list_cards_show_every_claims_verdict_beside_its_claim(
    client, journalist, editor
):
    """The budget article on /ratings/true/ must not say only "Mostly true"."""
    make_mixed_verdicts(journalist, editor)
    content = client.get(reverse("factcheck:rating", args=["true"])).content.decode()
    card = content[content.index('class="card"') :]
    rows = re.findall(r"<li>(.*?)</li>", card, re.DOTALL)
    assert ">Mostly true</span>" in rows[0] and "Prices rose fastest" in rows[0]
    assert ">True</span>" in rows[1] and "Wages outpace prices" in rows[1]
    # Mixed verdicts: no one verdict colours the card.
    assert "--verdict:" not in card


def test_a_card_lists_three_claims_then_counts_the_rest(client, journalist, editor):
    make_published(journalist, editor, claims=5)
    content = client.get(reverse("factcheck:home")).content.decode()
    assert content.count('class="verdict-badge') == 3
    assert "and 2 more claims" in content


def test_topics_lists_only_topics_with_published_fact_checks(
    client, journalist, editor, django_assert_num_queries
):
    health, climate, unused, drafts_only = (
        TopicFactory(name=name) for name in ("Health", "Climate", "Sport", "Energy")
    )
    for factcheck in (make_published(journalist, editor) for _ in range(2)):
        factcheck.topics.add(health)
    make_published(journalist, editor).topics.add(climate)
    make_factcheck(authors=[journalist]).topics.add(health, drafts_only)

    with django_assert_num_queries(1):
        topics = [(t.name, t.published_count) for t in Topic.objects.with_counts()]
    assert topics == [("Climate", 1), ("Health", 2)]
    page = client.get(reverse("factcheck:topics")).content.decode()
    home = client.get(reverse("factcheck:home")).content.decode()
    assert "2 fact-checks" in page and "1 fact-check<" in page
    for content in (page, home):
        assert health.get_absolute_url() in content
        assert unused.get_absolute_url() not in content
        assert drafts_only.get_absolute_url() not in content


def test_author_pages_need_published_work(client, journalist, editor):
    """Writers and editors of a published fact-check have a page; nobody else."""
    writer = AuthorProfileFactory(user=journalist)
    credited_editor = AuthorProfileFactory(user=editor)
    idle = AuthorProfileFactory(bio="Joined last week.")
    drafting = AuthorProfileFactory()
    make_factcheck(authors=[drafting.user])
    factcheck = make_published(journalist, editor, headline="Edited by the editor")

    assert client.get(idle.get_absolute_url()).status_code == 404
    assert client.get(drafting.get_absolute_url()).status_code == 404
    for profile in (writer, credited_editor):
        response = client.get(profile.get_absolute_url())
        assert response.status_code == 200
        assert list(response.context["factchecks"]) == [factcheck]
    article = client.get(factcheck.get_absolute_url()).content.decode()
    assert credited_editor.get_absolute_url() in article


def test_an_empty_listing_asks_search_engines_not_to_index_it(client, published):
    empty = client.get(reverse("factcheck:rating", args=["unproven"])).content
    assert b'<meta name="robots" content="noindex">' in empty
    full = client.get(reverse("factcheck:home")).content
    assert b'name="robots"' not in full
