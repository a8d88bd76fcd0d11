"""/sitemap.xml, its sections, and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import sitemaps
from tests.factories import AuthorProfileFactory, TopicFactory, make_published

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "http://testserver"


def read(client, url, item="url"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return {
        entry.findtext(f"{NS}loc"): entry.findtext(f"{NS}lastmod")
        for entry in root.findall(f"{NS}{item}")
    }


def this_month():
    return f"{timezone.now():%Y-%m}"


def test_the_index_lists_the_sites_section_and_a_section_a_month(client, published):
    sections = read(client, reverse("factcheck:sitemap"), item="sitemap")
    today = published.published_at.date().isoformat()
    assert sections == {
        BASE + reverse("factcheck:sitemap-section", args=["site"]): today,
        BASE + reverse("factcheck:sitemap-section", args=["authors"]): today,
        BASE + reverse("factcheck:sitemap-section", args=[this_month()]): today,
    }


def test_the_sites_section_lists_pages_that_list_published_work(
    client, journalist, editor
):
    AuthorProfileFactory(user=journalist, slug="ana")
    TopicFactory(slug="empty-topic")
    factcheck = make_published(
        journalist,
        editor,
        rating_slug="misleading",
        topics=[TopicFactory(slug="health")],
    )

    urls = read(client, reverse("factcheck:sitemap-section", args=["site"]))
    authors = read(client, reverse("factcheck:sitemap-section", args=["authors"]))

    for path in ["/", "/topics/health/", "/ratings/misleading/"]:
        assert urls[BASE + path] == factcheck.published_at.date().isoformat(), path
    assert authors == {BASE + "/authors/ana/": None}
    for slug in ["about", "methodology", "corrections-policy"]:
        assert urls[f"{BASE}/pages/{slug}/"]
    assert BASE + "/how-we-rate/" in urls
    assert BASE + "/topics/empty-topic/" not in urls
    assert BASE + "/ratings/true/" not in urls


def test_a_months_section_lists_its_fact_checks_with_their_last_change(
    client, published, editor
):
    from factcheck import editing

    later = published.published_at + timezone.timedelta(hours=1)
    editing.issue_correction(
        factcheck=published,
        user=editor,
        kind="update",
        text="New data.",
        issued_at=later,
    )
    urls = read(client, reverse("factcheck:sitemap-section", args=[this_month()]))
    assert urls == {BASE + published.get_absolute_url(): later.date().isoformat()}


def test_a_crowded_month_is_split_into_parts(client, journalist, editor, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_URLS", 2)
    made = [make_published(journalist, editor) for _ in range(5)]
    sections = read(client, reverse("factcheck:sitemap"), item="sitemap")
    month = BASE + reverse("factcheck:sitemap-section", args=[this_month()])
    assert [url for url in sections if url.startswith(month)] == [
        month,
        month + "?p=2",
        month + "?p=3",
    ]
    listed = {}
    for part in ("", "?p=2", "?p=3"):
        listed.update(read(client, month.removeprefix(BASE) + part))
    assert set(listed) == {BASE + f.get_absolute_url() for f in made}


@pytest.mark.parametrize("name", ["1999-01", "nonsense", "2026-xx"])
def test_a_section_that_does_not_exist_is_empty_or_404(client, published, name):
    response = client.get(reverse("factcheck:sitemap-section", args=[name]))
    if name == "1999-01":
        assert read(client, response.request["PATH_INFO"]) == {}
    else:
        assert response.status_code == 404


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
