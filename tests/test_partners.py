"""oEmbed: partners embed our verdict cards from an article's URL."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_oembed_offers_the_embed_for_an_article_url(client, published):
    article_url = "http://testserver" + published.get_absolute_url()
    page = client.get(published.get_absolute_url()).content.decode()
    assert 'type="application/json+oembed"' in page

    data = client.get(
        reverse("factcheck:oembed"), {"url": article_url, "maxwidth": 400}
    ).json()

    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["width"] == 400
    assert reverse("factcheck:embed", args=[published.slug]) in data["html"]
    assert data["thumbnail_url"].startswith(
        f"http://testserver/fact-checks/{published.slug}/card.png?v="
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/fact-checks/{slug}/",
        "http://testserver/how-we-rate/",
        "http://testserver/fact-checks/no-such-thing/",
        "not a url",
        "http://[",
    ],
)
def test_oembed_refuses_urls_that_are_not_our_articles(client, published, url):
    response = client.get(
        reverse("factcheck:oembed"), {"url": url.format(slug=published.slug)}
    )
    assert response.status_code == 404


def test_oembed_has_no_xml(client, published):
    response = client.get(
        reverse("factcheck:oembed"),
        {"url": "http://testserver" + published.get_absolute_url(), "format": "xml"},
    )
    assert response.status_code == 501
