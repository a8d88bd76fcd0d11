"""/sitemap.xml, its sections, and /robots.txt."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck.models import FactCheck
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
        BASE + reverse("factcheck:sitemap-section", args=[this_month()]): None,
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

    assert urls[BASE + "/"] == factcheck.published_at.date().isoformat()
    # Listed, without a lastmod (``sitemaps._site_pages`` says why).
    for path in ["/topics/health/", "/ratings/misleading/"]:
        assert urls[BASE + path] is None, path
    assert authors == {BASE + "/authors/ana/": None}
    assert urls[f"{BASE}/pages/about/"]
    for path in [
        "/how-we-rate/",
        "/methodology/",
        "/corrections-policy/",
        "/funding/",
        "/team/",
        "/experts/",
    ]:
        assert BASE + path in urls, path
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


def test_the_months_run_from_the_first_publication_to_the_latest(
    client, journalist, editor
):
    old = make_published(journalist, editor, headline="Old")
    FactCheck.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - timezone.timedelta(days=70)
    )
    make_published(journalist, editor, headline="New")
    sections = read(client, reverse("factcheck:sitemap"), item="sitemap")
    months = re.findall(r"/sitemap-(\d{4}-\d{2})\.xml", " ".join(sections))
    assert len(months) in (3, 4)  # the old one's month, those between, this one
    assert months[-1] == this_month()
    old_month = read(client, f"/sitemap-{months[0]}.xml")
    assert list(old_month) == [BASE + old.get_absolute_url()]


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


def test_the_staff_section_follows_credits_as_they_come_and_go(
    client, journalist, editor
):
    """Who is listed is kept at each step (``AuthorProfile.first_credited_at``)."""
    import datetime

    from django.utils import timezone

    from factcheck import workflow
    from factcheck.models import AuthorProfile
    from tests.factories import AuthorProfileFactory, make_factcheck

    writer = AuthorProfileFactory(user=journalist, slug="the-writer")
    chief = AuthorProfileFactory(user=editor, slug="the-chief")
    staff = reverse("factcheck:sitemap-section", args=["authors"])

    def listed():
        return {
            slug
            for slug in ("the-writer", "the-chief")
            if f"/authors/{slug}/" in client.get(staff).content.decode()
        }

    draft = make_factcheck(authors=[journalist])
    assert listed() == set()
    workflow.submit_for_review(draft, journalist)
    at = timezone.now() + datetime.timedelta(hours=1)
    workflow.publish(draft, editor, at=at)
    assert listed() == set()  # scheduled: nobody sees it yet
    writer.refresh_from_db()
    assert writer.first_credited_at == at  # and from then on, without a write
    assert not writer.has_published_work()

    workflow.unpublish(draft, editor, "Not yet")
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    assert listed() == {"the-writer", "the-chief"}  # the author and the editor
    workflow.unpublish(draft, editor, "Taken down")
    assert listed() == set()
    assert AuthorProfile.objects.get(pk=chief.pk).first_credited_at is None
