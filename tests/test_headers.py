"""Security headers, and absolute URLs that name SITE_URL whatever the Host.

With two allowed host names, search engines must still see one canonical copy
of every page, and partners one address for each feed entry.
"""

import pytest
from django.urls import reverse

from tests.factories import TopicFactory, make_factcheck, make_published, make_user

SITE = "https://factdesk.example"
MIRROR = "mirror.example"


@pytest.fixture
def two_hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", MIRROR]
    settings.SITE_URL = SITE
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture
def article(two_hosts, db):
    # Prepared after SITE_URL is set, as in production.
    return make_published(topics=[TopicFactory(name="Health", slug="health")])


def reader_urls(article):
    topic = article.topics.get()
    return [
        reverse("factcheck:home"),
        article.get_absolute_url(),
        topic.get_absolute_url(),
        reverse("factcheck:search") + "?q=" + article.headline.split()[0],
        reverse("factcheck:sitemap"),
        reverse("factcheck:feed"),
        reverse("factcheck:feed-atom"),
        reverse("factcheck:topic-feed", args=[topic.slug]),
        reverse("factcheck:topic-feed-atom", args=[topic.slug]),
        reverse("factcheck:claimreviews"),
        reverse("factcheck:embed", args=[article.slug]),
        reverse("factcheck:oembed")
        + f"?url=http://{MIRROR}{article.get_absolute_url()}",
        "/robots.txt",
    ]


def test_every_absolute_url_names_site_url_not_the_request_host(client, article):
    for url in reader_urls(article):
        response = client.get(url, HTTP_HOST=MIRROR)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert MIRROR not in body.replace(f"url=http://{MIRROR}", ""), url
        assert "testserver" not in body, url


def test_the_article_names_one_canonical_address(client, article):
    body = client.get(article.get_absolute_url(), HTTP_HOST=MIRROR).content.decode()
    canonical = f"{SITE}{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in body
    assert f'<meta property="og:url" content="{canonical}">' in body
    assert f'"url": "{canonical}"' in body or f'"url":"{canonical}"' in body


def test_sitemap_sections_and_robots_name_site_url(client, article):
    index = client.get(reverse("factcheck:sitemap"), HTTP_HOST=MIRROR)
    assert f"<loc>{SITE}/" in index.content.decode()
    robots = client.get("/robots.txt", HTTP_HOST=MIRROR).content.decode()
    assert f"Sitemap: {SITE}{reverse('factcheck:sitemap')}" in robots


def test_feed_entries_link_to_site_url(client, article):
    feed = client.get(reverse("factcheck:feed-atom"), HTTP_HOST=MIRROR).content.decode()
    assert f'href="{SITE}{article.get_absolute_url()}"' in feed
    assert f'href="{SITE}{reverse("factcheck:feed-atom")}"' in feed


def test_the_preview_link_names_site_url(client, two_hosts, editor):

    draft = make_factcheck(authors=[make_user("Journalists")])
    client.force_login(editor)
    response = client.post(
        reverse("admin:factcheck_factcheck_preview_link", args=[draft.pk]),
        {"days": "3"},
        follow=True,
        HTTP_HOST=MIRROR,
    )
    assert f'value="{SITE}/preview/' in response.content.decode()


def policy(response):
    return {
        directive.split()[0]: directive.split()[1:]
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    }


@pytest.mark.django_db
def test_reader_pages_allow_scripts_from_this_origin_only(client, published):
    for url in ["/", published.get_absolute_url(), reverse("factcheck:search")]:
        response = client.get(url)
        csp = policy(response)
        # No nonce: reader pages are cached, one nonce would serve everyone.
        assert csp["script-src"] == ["'self'"], url
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["style-src"][0] == "'self'"
        assert "'unsafe-inline'" not in csp["style-src"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_reader_pages_carry_no_inline_script(client, published):
    """Only data blocks (JSON-LD), which browsers never run, are inline."""
    import re

    for url in ["/", published.get_absolute_url()]:
        body = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", body):
            assert 'type="application/ld+json"' in tag or "src=" in tag, tag
        assert not re.search(r"\son[a-z]+=", body), url  # no event handlers


@pytest.mark.django_db
def test_only_the_embed_card_may_be_framed_by_other_sites(client, published):
    embed = client.get(reverse("factcheck:embed", args=[published.slug]))
    assert policy(embed)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embed
    article = client.get(published.get_absolute_url())
    assert article["X-Frame-Options"] == "DENY"


def test_the_admin_names_the_nonce_its_inline_import_map_carries(client, editor, draft):
    """The rich-text editor's import map is the one inline script anywhere."""
    import re

    client.force_login(editor)
    response = client.get(reverse("admin:factcheck_factcheck_change", args=[draft.pk]))
    script_src = policy(response)["script-src"]
    assert script_src[0] == "'self'"
    nonce = re.fullmatch(r"'nonce-([\w-]+)'", script_src[1])[1]
    importmap = re.search(r'<script type="importmap"[^>]*>', response.content.decode())[
        0
    ]
    assert f'nonce="{nonce}"' in importmap
    again = client.get(reverse("admin:factcheck_factcheck_change", args=[draft.pk]))
    assert policy(again)["script-src"][1] != script_src[1]  # one per request
