"""Standing pages (about, methodology, corrections policy) editors keep in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from factcheck.models import Page

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_the_about_page():
    """Methodology and corrections policy are versioned texts (test_policies)."""
    assert list(Page.objects.values_list("slug", flat=True)) == ["about"]
    assert all(page.body.startswith("<") for page in Page.objects.all())


def test_editors_keep_pages_and_journalists_may_look():
    def codenames(group):
        return set(
            Group.objects.get(name=group)
            .permissions.filter(codename__endswith="_page")
            .values_list("codename", flat=True)
        )

    assert codenames("Editors") == {
        "add_page",
        "change_page",
        "delete_page",
        "view_page",
    }
    assert codenames("Journalists") == {"view_page"}


def test_a_page_reads_at_its_address(client):
    page = Page.objects.get(slug="about")
    response = client.get(page.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="page-intro__title">About us</h1>' in content
    assert "What we publish" in content


def test_pages_in_the_footer_are_linked_from_every_page(client):
    Page.objects.create(title="Hidden", slug="hidden", in_footer=False)
    Page.objects.create(title="Awards", slug="awards", body="<p>Prizes.</p>")
    content = client.get(reverse("factcheck:home")).content.decode()
    footer = content[content.index("<footer") :]
    assert 'href="/pages/about/"' in footer
    assert 'href="/pages/awards/"' in footer
    assert 'href="/pages/hidden/"' not in footer


def test_an_unknown_page_is_404(client):
    assert client.get("/pages/nope/").status_code == 404


def test_every_page_has_one_h1_landmarks_and_a_skip_link(client):
    for url in ["/", "/topics/", "/how-we-rate/", "/pages/about/", "/search/"]:
        content = client.get(url).content.decode()
        assert content.count("<h1") == 1, url
        for landmark in ['<header class="masthead">', "<main", "<footer", "<nav"]:
            assert landmark in content, (url, landmark)
        assert 'href="#main"' in content and 'id="main"' in content
        assert 'role="search"' in content


def test_every_landmark_of_a_kind_has_its_own_name(client):
    """Two search forms on the 404 page: each says which it is (axe: landmark-unique)."""
    import re

    for url in ["/", "/no-such-page/"]:
        content = client.get(url).content.decode()
        searches = re.findall(r'<form[^>]*role="search"[^>]*>', content)
        labels = [re.search(r'aria-label="([^"]+)"', form)[1] for form in searches]
        assert len(labels) == len(set(labels)) == len(searches), url


def test_every_page_links_its_icon(client):
    content = client.get("/").content.decode()
    assert (
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in content
    )
    assert client.get("/static/favicon.svg").status_code == 200
