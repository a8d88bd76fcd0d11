"""RSS, Atom and the partners' JSON feed of ClaimReviews."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from factcheck import editing, publishing
from factcheck.models.people import display_name
from factcheck.views import partners
from tests.factories import TopicFactory, make_published

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def topic_and_articles():
    health = TopicFactory(name="Health", slug="health")
    inside = make_published(
        headline="Inside the topic", rating_slug="misleading", topics=[health]
    )
    make_published(headline="Outside the topic")
    return health, inside


def test_the_rss_feed_lists_the_latest_with_their_verdicts(client, topic_and_articles):
    response = client.get(reverse("factcheck:feed"))
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert [i.findtext("title") for i in items] == [
        "Outside the topic",
        "Inside the topic",
    ]
    inside = items[1]
    assert inside.findtext("link").endswith(
        "/fact-checks/" + topic_and_articles[1].slug + "/"
    )
    assert "Misleading" in inside.findtext("description")
    assert [c.text for c in inside.findall("category")] == ["Health"]


def test_the_atom_feed_has_updated_dates(client, topic_and_articles):
    response = client.get(reverse("factcheck:feed-atom"))
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


def test_every_entry_names_its_authors(client, journalist, coauthor, editor):
    """Atom requires an author per entry (or for the feed); RSS names it too."""
    article = make_published(journalist, editor)
    article.bylines.create(author=coauthor, ordering=1)
    publishing.prepare(article)  # the byline changed behind the workflow's back
    names = f"{display_name(journalist)}, {display_name(coauthor)}"

    atom = ET.fromstring(client.get(reverse("factcheck:feed-atom")).content)
    assert atom.find(f"{ATOM}author/{ATOM}name").text == "The Fact Desk"
    entry = atom.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == names

    rss = ET.fromstring(client.get(reverse("factcheck:feed")).content)
    creator = rss.find("channel/item/{http://purl.org/dc/elements/1.1/}creator")
    assert creator.text == names


@pytest.mark.parametrize("name", ["factcheck:topic-feed", "factcheck:topic-feed-atom"])
def test_topic_feeds_hold_only_that_topic(client, topic_and_articles, name):
    content = client.get(reverse(name, args=["health"])).content.decode()
    assert "Inside the topic" in content
    assert "Outside the topic" not in content
    assert "Health" in content


def test_an_unknown_topic_feed_is_404(client):
    assert client.get(reverse("factcheck:topic-feed", args=["nope"])).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/how-we-rate/",
        "/topics/",
        "/search/?q=x",
        "/pages/about/",
        "/no-such-page/",
    ],
)
def test_every_page_links_its_feeds(client, url):
    content = client.get(url).content.decode()
    assert (
        f'type="application/rss+xml" title="The Fact Desk: latest fact-checks (RSS)" href="{reverse("factcheck:feed")}"'
        in content
    )
    assert 'type="application/atom+xml"' in content


def test_a_topic_page_also_links_its_own_feed(client, topic_and_articles):
    content = client.get("/topics/health/").content.decode()
    assert (
        f'rel="alternate" type="application/rss+xml" title="Health fact-checks (RSS)" href="{reverse("factcheck:topic-feed", args=["health"])}"'
        in content
    )


def test_an_article_page_links_the_feeds(client, topic_and_articles):
    content = client.get(topic_and_articles[1].get_absolute_url()).content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in content


def test_the_json_feed_pages_through_claim_reviews(client, monkeypatch):
    monkeypatch.setattr(partners, "FACTCHECKS_PER_PAGE", 1)
    make_published(headline="Two claims", claims=2)
    make_published(headline="One claim", rating_slug="unproven")

    first = client.get(reverse("factcheck:claimreviews")).json()
    second = client.get(first["next"]).json()

    assert first["previous"] is None and second["next"] is None
    back = client.get(second["previous"]).json()
    assert back == first
    reviews = first["items"] + second["items"]
    assert [r["@type"] for r in reviews] == ["ClaimReview"] * 3
    assert reviews[0]["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Unproven",
    }
    assert all(r["url"].startswith("http://testserver/fact-checks/") for r in reviews)


@pytest.mark.parametrize("cursor", ["before=abc", "after=1-x", "before=-"])
def test_the_json_feed_404s_for_positions_that_do_not_exist(client, cursor):
    make_published()
    response = client.get(reverse("factcheck:claimreviews") + "?" + cursor)
    assert response.status_code == 404
    assert response.json() == {"error": "No such page: follow the feed's next links."}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_json_feed_may_be_read_from_other_sites(client):
    response = client.get(reverse("factcheck:claimreviews"))
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"next": None, "previous": None, "items": []}


def test_the_json_feed_queries_do_not_grow_with_its_items(
    client, editor, django_assert_max_num_queries
):
    """dateModified comes with each article's prepared page, not per item."""

    def corrected(factcheck):
        editing.issue_correction(
            factcheck=factcheck, user=editor, kind="update", text="Fixed."
        )

    corrected(make_published(editor=editor))
    with django_assert_max_num_queries(3) as small:
        client.get(reverse("factcheck:claimreviews"))
    for _ in range(4):
        corrected(make_published(editor=editor, claims=2))
    with django_assert_max_num_queries(len(small.captured_queries)):
        items = client.get(reverse("factcheck:claimreviews")).json()["items"]
    assert len(items) == 9 and all("dateModified" in item for item in items)
