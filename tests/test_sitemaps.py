"""/sitemap.xml and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import AuthorProfileFactory, TopicFactory, make_published

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap(client):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    return {
        url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod")
        for url in root.findall(f"{NS}url")
    }


def test_the_sitemap_lists_published_pages_with_lastmod(client, journalist, editor):
    AuthorProfileFactory(user=journalist, slug="ana")
    TopicFactory(slug="empty-topic")
    factcheck = make_published(journalist, editor, rating_slug="misleading")
    factcheck.topics.add(TopicFactory(slug="health"))

    urls = sitemap(client)

    base = "http://testserver"
    article = base + factcheck.get_absolute_url()
    assert urls[article] == factcheck.updated_at.date().isoformat()
    for path in ["/", "/topics/health/", "/ratings/misleading/", "/authors/ana/"]:
        assert urls[base + path] == factcheck.published_at.date().isoformat(), path
    for slug in ["about", "methodology", "corrections-policy"]:
        assert urls[f"{base}/pages/{slug}/"]
    assert base + "/how-we-rate/" in urls
    assert base + "/topics/empty-topic/" not in urls
    assert base + "/ratings/true/" not in urls


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
