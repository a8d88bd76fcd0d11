"""ClaimReview and NewsArticle JSON-LD: Google's fields, right types, safely embedded."""

import datetime
import json
import re

import pytest
from django.core.management import call_command

from factcheck import editing, structured_data, workflow
from factcheck.models import Claimant, FactCheck, Rating
from tests.factories import (
    AppearanceFactory,
    make_factcheck,
    make_published,
    make_published_from,
    make_user,
    rating,
)

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, factcheck):
    """Every JSON-LD object on the fact-check's page."""
    content = client.get(factcheck.get_absolute_url()).content.decode()
    return [json.loads(block) for block in LD_JSON.findall(content)]


def claim_reviews(client, factcheck):
    return [
        item for item in json_ld(client, factcheck) if item["@type"] == "ClaimReview"
    ]


def assert_google_claim_review(review, page_url):
    """The fields and types Google's fact-check rich result documentation asks for."""
    assert review["@context"] == "https://schema.org"
    assert review["url"] == page_url
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    rating_data = review["reviewRating"]
    assert rating_data["@type"] == "Rating"
    assert (
        isinstance(rating_data["alternateName"], str) and rating_data["alternateName"]
    )
    if "ratingValue" in rating_data:
        for field in ("ratingValue", "bestRating", "worstRating"):
            assert isinstance(rating_data[field], int)
        assert (
            rating_data["worstRating"]
            <= rating_data["ratingValue"]
            <= rating_data["bestRating"]
        )
    assert review["author"]["@type"] == "Organization"
    assert review["author"]["name"] and review["author"]["url"].startswith("http")
    datetime.date.fromisoformat(review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Person", "Organization")
    assert isinstance(item["author"]["name"], str)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False


def test_the_ketamine_demo_carries_a_complete_claim_review(client, demo):
    ketamine = FactCheck.objects.published().get(
        slug="ketamine-depression-treatment-resistant"
    )
    items = json_ld(client, ketamine)
    reviews = [item for item in items if item["@type"] == "ClaimReview"]
    page_url = "http://testserver" + ketamine.get_absolute_url()

    assert len(reviews) == 1
    review = reviews[0]
    assert_google_claim_review(review, page_url)
    assert review["claimReviewed"] == "Ketamine can help manage symptoms of depression"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Mostly true",
        "ratingValue": 3,
        "bestRating": 4,
        "worstRating": 1,
    }
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Viral TikTok video"}
    assert item["firstAppearance"]["url"] == (
        "https://example.org/tiktok/ketamine-mood-video"
    )
    assert item["appearance"][0]["url"] == (
        "https://example.org/facebook/ketamine-video-repost"
    )
    datetime.date.fromisoformat(item["datePublished"])
    assert item["datePublished"] < review["datePublished"]

    article = next(item for item in items if item["@type"] == "NewsArticle")
    assert article["headline"] == ketamine.headline
    assert article["author"][0]["name"] == "Maya Lindqvist"
    assert "/card.png?v=" in article["image"][0]
    datetime.datetime.fromisoformat(article["datePublished"])


def test_every_published_demo_fact_check_has_google_required_fields(client, demo):
    for factcheck in FactCheck.objects.published():
        reviews = claim_reviews(client, factcheck)
        assert len(reviews) == factcheck.claims.count()
        for review in reviews:
            assert_google_claim_review(
                review, "http://testserver" + factcheck.get_absolute_url()
            )


def test_a_claim_quoting_script_tags_stays_inside_its_element(client):
    nasty = 'He said "</script><script>alert(1)</script>" & <b>it\'s</b>'
    draft = make_factcheck(
        authors=[make_user("Journalists")], headline='The "</script>" headline'
    )
    draft.claims.update(statement=nasty)
    factcheck = make_published_from(draft)

    content = client.get(factcheck.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content
    blocks = LD_JSON.findall(content)
    assert all("</" not in block and "<" not in block for block in blocks)
    reviews = [json.loads(b) for b in blocks if '"ClaimReview"' in b]
    assert reviews[0]["claimReviewed"] == nasty
    article = next(json.loads(b) for b in blocks if '"NewsArticle"' in b)
    assert article["headline"] == 'The "</script>" headline'


def test_a_rating_off_the_scale_has_only_a_name(client):
    factcheck = make_published(rating_slug="unproven")
    review = claim_reviews(client, factcheck)[0]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}


def test_the_scale_bounds_follow_the_rating_table(client):
    Rating.objects.create(
        label="Pants on fire",
        slug="pants-on-fire",
        value=9,
        colour="#000000",
        meaning=".",
    )
    factcheck = make_published(rating_slug="true")
    rating_data = claim_reviews(client, factcheck)[0]["reviewRating"]
    assert (rating_data["ratingValue"], rating_data["bestRating"]) == (4, 9)


def test_claimant_kind_decides_the_claim_author_type():
    factcheck = make_published()
    claim = factcheck.claims.get()
    claim.claimant.kind = Claimant.Kind.ORGANISATION
    claim.claimant.url = "https://org.example"
    AppearanceFactory(claim=claim, url="", outlet="Party conference", is_first=True)

    review = structured_data.claim_review(
        claim, "https://desk.example", Rating.objects.bounds()
    )

    assert review["url"] == "https://desk.example" + factcheck.get_absolute_url()
    assert review["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": claim.claimant.name,
        "sameAs": "https://org.example",
    }
    assert review["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "Party conference",
    }


def test_only_rated_claims_get_a_claim_review():
    factcheck = make_published(claims=2)
    unrated = factcheck.claims.first()
    unrated.verdict.rating = None
    unrated.verdict.save()
    graph = structured_data.article_graph(
        FactCheck.objects.with_article_parts().get(pk=factcheck.pk),
        "https://desk.example",
        (1, 4),
    )
    assert [item["@type"] for item in graph] == ["NewsArticle", "ClaimReview"]


def test_pages_carry_canonical_open_graph_and_twitter_meta(client):
    factcheck = make_published(rating_slug="false")
    content = client.get(factcheck.get_absolute_url()).content.decode()
    url = "http://testserver" + factcheck.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in content
    assert f'<meta property="og:url" content="{url}">' in content
    assert f'<meta property="og:image" content="{url}card.png?v=' in content
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert rating("false").label in content


def _dates(client, factcheck):
    """Every date the page states, from its meta tags, dateline and markup."""
    content = client.get(factcheck.get_absolute_url()).content.decode()

    def meta(name):
        found = re.search(
            rf'<meta property="article:{name}" content="([^"]*)">', content
        )
        return found and found.group(1)

    dateline = re.search(r'<p class="dateline">(.*?)</p>', content).group(1)
    items = [json.loads(block) for block in LD_JSON.findall(content)]
    return {
        "published_time": meta("published_time"),
        "modified_time": meta("modified_time"),
        "shown": re.findall(r'<time datetime="([^"]+)">', dateline),
        "updated_label": "Updated" in dateline,
        "article": next(item for item in items if item["@type"] == "NewsArticle"),
        "review": next(item for item in items if item["@type"] == "ClaimReview"),
    }


def test_a_save_readers_cannot_see_is_not_an_update(client):
    """Any save moves updated_at; the page must not then claim an update."""
    factcheck = make_published()
    FactCheck.objects.filter(pk=factcheck.pk).update(
        updated_at=factcheck.published_at + datetime.timedelta(days=5)
    )
    dates = _dates(client, factcheck)
    first = factcheck.first_published_at.isoformat()

    assert dates["published_time"] == first
    assert dates["shown"] == [first]
    assert dates["article"]["datePublished"] == first
    assert dates["modified_time"] is None and not dates["updated_label"]
    assert "dateModified" not in dates["article"]
    assert "dateModified" not in dates["review"]


def test_republishing_keeps_the_first_date_and_counts_as_an_update(
    client, journalist, editor
):
    factcheck = make_published(journalist, editor)
    first = factcheck.first_published_at - datetime.timedelta(days=10)
    FactCheck.objects.filter(pk=factcheck.pk).update(first_published_at=first)
    factcheck.refresh_from_db()
    workflow.unpublish(factcheck, editor, "Checking a figure.")
    workflow.submit_for_review(factcheck, journalist)
    factcheck = workflow.publish(factcheck, editor)
    dates = _dates(client, factcheck)
    again = factcheck.published_at.isoformat()

    assert dates["published_time"] == first.isoformat()
    assert dates["shown"] == [first.isoformat(), again]
    assert dates["article"]["datePublished"] == first.isoformat()
    assert dates["modified_time"] == dates["article"]["dateModified"] == again
    assert dates["review"]["dateModified"] == again


def test_the_latest_correction_dates_the_update(client):
    factcheck = make_published()
    for days in (3, 1):
        editing.issue_correction(
            factcheck=factcheck,
            user=factcheck.editor,
            kind="correction",
            text="Fixed.",
            issued_at=factcheck.published_at + datetime.timedelta(days=days),
        )
    latest = (factcheck.published_at + datetime.timedelta(days=3)).isoformat()
    dates = _dates(client, factcheck)
    assert dates["updated_label"] and dates["shown"][-1] == latest
    assert dates["modified_time"] == dates["article"]["dateModified"] == latest


@pytest.mark.parametrize(
    ("language", "locale"), [("en", "en_GB"), ("pt", "pt_PT"), ("ar", "ar_AR")]
)
def test_og_locale_names_language_and_territory(client, language, locale):
    factcheck = make_published(language=language)
    content = client.get(factcheck.get_absolute_url()).content.decode()
    assert f'<meta property="og:locale" content="{locale}">' in content


def test_a_published_revision_dates_the_update(client, journalist, editor):
    factcheck = make_published(journalist, editor)
    first = factcheck.first_published_at.isoformat()
    revision = workflow.start_revision(factcheck, journalist)
    workflow.submit_for_review(revision, journalist)
    factcheck = workflow.publish(
        revision, editor, change_class="update", note="New figures."
    )
    dates = _dates(client, factcheck)
    revised = factcheck.revised_at.isoformat()

    assert dates["published_time"] == dates["article"]["datePublished"] == first
    assert dates["shown"] == [first, revised]
    assert dates["modified_time"] == dates["review"]["dateModified"] == revised
