"""ClaimReview and NewsArticle JSON-LD: Google's fields, right types, safely embedded."""

import datetime
import json
import re

import pytest
from django.core.management import call_command

from factcheck import structured_data
from factcheck.models import Claimant, FactCheck, Rating
from tests.factories import AppearanceFactory, make_published, rating

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
    assert article["image"][0].endswith("/card.png")
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
    factcheck = make_published(headline='The "</script>" headline')
    claim = factcheck.claims.get()
    claim.statement = nasty
    claim.save()

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
    assert f'<meta property="og:image" content="{url}card.png">' in content
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert rating("false").label in content
