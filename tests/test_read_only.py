"""Every read-only reader URL answers GET and HEAD, and nothing else.

A POST, PUT or DELETE gets 405 with ``Allow: GET, HEAD`` and no body, whatever
kind of view serves the URL (class-based views, functions, feeds, the
sitemaps). Only the two forms readers write to the desk with take a POST.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from factcheck import locker, policies
from factcheck import urls as reader_urls
from factcheck.models import PolicyText, SourceSnapshot
from tests.factories import AuthorProfileFactory, TopicFactory, make_published

pytestmark = pytest.mark.django_db

#: Reader URLs that take a POST: the forms readers write to the desk with.
FORMS = {"suggest", "report-error"}
#: Old addresses that send readers on (GET and HEAD only, like the rest).
REDIRECTS = {"old-methodology", "old-corrections-policy"}


@pytest.fixture
def site(journalist, editor):
    topic = TopicFactory(slug="health")
    factcheck = make_published(journalist, editor, topics=[topic])
    profile = AuthorProfileFactory(user=journalist, slug="the-author")
    archived = SourceSnapshot.objects.create(
        factcheck=factcheck,
        url=factcheck.sources.first().url,
        outcome=SourceSnapshot.Outcome.OK,
        is_archive=True,
        sha256="cd" * 32,
        file=locker.storage().save("sources/read-only", ContentFile(b"A page")),
    )
    policies.add_version(
        policy=PolicyText.objects.get(kind="ownership"),
        body="<p>Owned by its staff.</p>",
        note="First.",
        user=editor,
    )
    return {
        "archived": archived,
        "slug": factcheck.slug,
        "factcheck": factcheck,
        "topic": topic,
        "profile": profile,
    }


def read_only_urls(site):
    """The URL of every read-only route of the reader site, and the site's own."""
    arguments = {
        "detail": [site["slug"]],
        "card": [site["slug"]],
        "embed": [site["slug"]],
        "history": [site["slug"]],
        "history-compare": [site["slug"]],
        "rating": ["false"],
        "topic": ["health"],
        "topic-feed": ["health"],
        "topic-feed-atom": ["health"],
        "author": ["the-author"],
        "claimant": [site["factcheck"].claims.get().claimant.slug],
        "page": ["about"],
        "preview": ["not-a-valid-token"],
        "sitemap-section": ["site"],
        "archived-source": [site["archived"].sha256],
        "methodology-version": [1],
        "corrections-policy-version": [1],
        "funding-version": [1],
    }
    queries = {
        "oembed": "?url=http://testserver" + site["factcheck"].get_absolute_url(),
        "history-compare": "?from=1&to=1",
    }
    names = [p.name for p in reader_urls.urlpatterns if p.name not in FORMS | REDIRECTS]
    return [
        reverse(f"factcheck:{name}", args=arguments.get(name, []))
        + queries.get(name, "")
        for name in names
    ] + [reverse("robots")]


def test_every_reader_route_is_in_the_walk(site):
    assert len(read_only_urls(site)) == (
        len(reader_urls.urlpatterns) - len(FORMS) - len(REDIRECTS) + 1
    )


def test_old_addresses_redirect_on_get_and_head_only(client):
    for name in REDIRECTS:
        url = reverse(f"factcheck:{name}")
        assert client.get(url).status_code == 301, url
        assert client.head(url).status_code == 301, url
        assert client.post(url).status_code == 405, url


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_read_only_urls_refuse_other_methods(client, site, method):
    for url in read_only_urls(site):
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD", url
        assert response.content == b"", url


def test_read_only_urls_still_answer_get_and_head(client, site):
    for url in read_only_urls(site):
        if "preview" in url:
            continue  # an invalid preview link is a 404 by design
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url


def test_the_forms_take_a_post(client, site):
    for url in (
        reverse("factcheck:suggest"),
        reverse("factcheck:report-error", args=[site["slug"]]),
    ):
        assert client.post(url, {}).status_code == 200  # the form, with errors
