"""Reader pages show published fact-checks only; staff preview the rest."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from factcheck import editing, locker, workflow
from factcheck.models import SourceSnapshot
from tests.factories import (
    AuthorProfileFactory,
    ClaimFactory,
    ExpertFactory,
    ExpertQuoteFactory,
    SourceFactory,
    TopicFactory,
    VerdictFactory,
    make_factcheck,
    make_published,
    rating,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("state", ["draft", "review", "scheduled"])
def test_anonymous_readers_get_404_for_anything_unpublished(
    client, journalist, editor, state
):
    factcheck = make_factcheck(authors=[journalist], headline="Secret draft")
    if state != "draft":
        workflow.submit_for_review(factcheck, journalist)
    if state == "scheduled":
        workflow.publish(
            factcheck, editor, at=timezone.now() + datetime.timedelta(hours=1)
        )
    assert client.get(factcheck.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("factcheck:home")).content.decode()


def test_authors_preview_their_draft_uncached(client, journalist):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(journalist)
    response = client.get(factcheck.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "application/ld+json" not in response.content.decode()


def test_other_journalists_cannot_preview_a_draft(client, journalist, other_journalist):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(other_journalist)
    assert client.get(factcheck.get_absolute_url()).status_code == 404


def test_how_we_rate_is_built_from_the_rating_scale(client):
    false = rating("false")
    false.meaning = "Our own words for false."
    false.save()
    content = client.get(reverse("factcheck:how-we-rate")).content.decode()
    assert "Our own words for false." in content
    assert content.index("Mostly true") < content.index("Misleading")


def test_unknown_pages_get_the_custom_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'role="search"' in response.content.decode()


def test_the_500_page_renders_without_context():
    html = render_to_string("500.html")
    assert "Something went wrong" in html


def _surfaces(factcheck):
    """Every public URL that could leak an article, with what must not be there."""
    topic = factcheck.topics.get()
    return [
        reverse("factcheck:home"),
        topic.get_absolute_url(),
        reverse("factcheck:rating", args=["false"]),
        factcheck.bylines.get().author.profile.get_absolute_url(),
        reverse("factcheck:search") + "?q=Zanzibar",
        reverse("factcheck:search") + "?rating=false",
        reverse("factcheck:feed"),
        reverse("factcheck:feed-atom"),
        reverse("factcheck:topic-feed", args=[topic.slug]),
        reverse("factcheck:topic-feed-atom", args=[topic.slug]),
        reverse("factcheck:sitemap"),
        reverse("factcheck:sitemap-section", args=["site"]),
        reverse("factcheck:sitemap-section", args=[f"{timezone.now():%Y-%m}"]),
        reverse("factcheck:claimreviews"),
        factcheck.claims.last().claimant.get_absolute_url(),
        reverse("factcheck:experts"),
        reverse("factcheck:team"),
        factcheck.get_absolute_url(),
        reverse("factcheck:history", args=[factcheck.slug]),
        reverse("factcheck:history-compare", args=[factcheck.slug]) + "?from=1&to=2",
        *LOG_SURFACES,
    ]


#: The corrections log and its feeds, which list a retraction (tests below).
LOG_SURFACES = [
    reverse_lazy("factcheck:corrections"),
    reverse_lazy("factcheck:corrections-feed"),
    reverse_lazy("factcheck:corrections-feed-atom"),
]


@pytest.mark.parametrize(
    "state", ["draft", "review", "scheduled", "unpublished", "retracted"]
)
def test_unpublished_fact_checks_appear_nowhere(
    client, journalist, editor, state, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    AuthorProfileFactory(user=journalist)
    visible = make_published(
        journalist, editor, headline="Visible Zanzibar check", topics=[topic]
    )
    hidden = make_factcheck(
        authors=[journalist], headline="Hidden Zanzibar check", slug="hidden"
    )
    hidden.topics.add(topic)
    # Said by the visible article's claimant, whose page is public.
    secret = ClaimFactory(
        factcheck=hidden,
        statement="Zanzibar secret claim",
        claimant=visible.claims.get().claimant,
    )
    VerdictFactory(claim=secret)
    source = SourceFactory(factcheck=hidden, claim=secret)
    # Its source archived by the evidence locker, bytes and all.
    snapshot = SourceSnapshot.objects.create(
        factcheck=hidden,
        url=source.url,
        outcome=SourceSnapshot.Outcome.OK,
        is_archive=True,
        sha256="ab" * 32,
        file=locker.storage().save("sources/hidden", ContentFile(b"Zanzibar")),
    )
    ExpertQuoteFactory(factcheck=hidden, expert=ExpertFactory(name="Dr Zanzibar"))
    if state != "draft":
        workflow.submit_for_review(hidden, journalist)
    if state == "scheduled":
        workflow.publish(hidden, editor, at=timezone.now() + datetime.timedelta(days=1))
    if state in ("unpublished", "retracted"):
        workflow.publish(hidden, editor)
        editing.issue_correction(
            factcheck=hidden, user=editor, kind="update", text="Zanzibar secret note"
        )
        workflow.unpublish(hidden, editor, "Pulled.", retract=state == "retracted")
    if state == "draft":
        # Indexed, as a journalist's save leaves it; the steps index the rest.
        with django_capture_on_commit_callbacks(execute=True):
            editing.save_edit(
                factcheck=hidden, user=journalist, version=hidden.lock_version
            )

    for url in _surfaces(hidden):
        content = client.get(url).content.decode()
        assert "Zanzibar secret claim" not in content, url
        assert "Zanzibar secret note" not in content, url
        if state == "retracted" and url in LOG_SURFACES:
            # The retraction is public (the article's address says so).
            assert "Pulled." in content, url
            continue
        assert "/fact-checks/hidden/" not in content, url
        assert "Dr Zanzibar" not in content, url
    assert "Visible Zanzibar check" in client.get("/").content.decode()
    for name in ["factcheck:card", "factcheck:embed"]:
        assert client.get(reverse(name, args=["hidden"])).status_code == 404
    archived = reverse("factcheck:archived-source", args=[snapshot.sha256])
    assert client.get(archived).status_code == 404
    oembed = client.get(
        reverse("factcheck:oembed"), {"url": "http://testserver/fact-checks/hidden/"}
    )
    assert oembed.status_code == 404


def test_every_demo_page_answers(client, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False
    home = client.get("/").content.decode()
    links = set(re.findall(r'href="(/[^"]*)"', home)) - {"/admin/"}
    for link in sorted(links):
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link


def test_pages_are_in_the_publications_language_whatever_the_browser_asks(
    client, published
):
    """Pages are cached per URL, so one reader's language must not reach another."""
    page = client.get(
        published.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert '<html lang="en">' in page
