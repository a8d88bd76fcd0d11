"""Reader pages come from the cache until something changes, and never late."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from factcheck import caching, editing, panel, workflow
from tests.factories import TopicFactory, make_factcheck, make_published, rating

pytestmark = pytest.mark.django_db

HOME = reverse("factcheck:home")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300


def test_a_second_anonymous_view_costs_no_queries(client, django_assert_num_queries):
    factcheck = make_published(headline="Cached headline")
    first = client.get(factcheck.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(factcheck.get_absolute_url())
    assert second.content == first.content
    assert "public" in second["Cache-Control"]


def test_publishing_shows_at_once(client, journalist, editor):
    make_published(journalist, editor, headline="First one")
    assert "Second one" not in client.get(HOME).content.decode()
    draft = make_factcheck(authors=[journalist], headline="Second one")
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    assert "Second one" in client.get(HOME).content.decode()


def test_unpublishing_removes_at_once(client, editor):
    factcheck = make_published(editor=editor)
    assert client.get(factcheck.get_absolute_url()).status_code == 200
    workflow.unpublish(factcheck, editor, "Legal hold")
    assert client.get(factcheck.get_absolute_url()).status_code == 404


def test_an_edit_in_the_admin_shows_at_once(client, editor):
    factcheck = make_published(editor=editor)
    client.get(factcheck.get_absolute_url())
    editing.issue_correction(
        factcheck=factcheck,
        user=editor,
        kind="correction",
        text="We misnamed the agency.",
    )
    assert (
        "We misnamed the agency."
        in client.get(factcheck.get_absolute_url()).content.decode()
    )


def test_staff_always_get_a_fresh_page(
    client, journalist, django_assert_max_num_queries
):
    factcheck = make_published()
    client.get(factcheck.get_absolute_url())
    client.force_login(journalist)
    with django_assert_max_num_queries(30) as queries:
        client.get(factcheck.get_absolute_url())
    assert len(queries) > 0


def test_a_scheduled_article_appears_on_time_despite_the_cache(
    client, journalist, editor
):
    draft = make_factcheck(authors=[journalist], headline="Right on time")
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor, at=timezone.now() + datetime.timedelta(seconds=2))
    assert "Right on time" not in client.get(HOME).content.decode()
    time.sleep(2.2)
    assert "Right on time" in client.get(HOME).content.decode()


def test_not_found_pages_are_not_cached(client, journalist):
    draft = make_factcheck(authors=[journalist])
    assert client.get(draft.get_absolute_url()).status_code == 404
    workflow.submit_for_review(draft, journalist)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_caching_can_be_turned_off(client, settings, django_assert_max_num_queries):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 0
    factcheck = make_published()
    client.get(factcheck.get_absolute_url())
    with django_assert_max_num_queries(30) as queries:
        client.get(factcheck.get_absolute_url())
    assert len(queries) > 0


def test_a_withdrawn_fact_check_leaves_other_pages_at_once(client, journalist, editor):
    health = TopicFactory(slug="health")
    second = make_published(
        journalist, editor, headline="A related check", topics=[health]
    )
    first = make_published(
        journalist, editor, headline="The first check", topics=[health]
    )
    assert "A related check" in client.get(first.get_absolute_url()).content.decode()
    workflow.unpublish(second, editor, "Legal hold")
    assert (
        "A related check" not in client.get(first.get_absolute_url()).content.decode()
    )


def test_the_footer_follows_edits_to_standing_pages(client):
    from factcheck.models import Page

    client.get(HOME)
    Page.objects.create(title="Our funding", slug="funding")
    assert "Our funding" in client.get(HOME).content.decode()


def _warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200


def _served_from_cache(client, url, django_assert_num_queries):
    with django_assert_num_queries(0):
        return client.get(url)


def test_a_change_to_one_article_drops_its_pages_not_the_others(
    client, journalist, editor, django_assert_num_queries
):
    health, climate = TopicFactory(slug="health"), TopicFactory(slug="climate")
    corrected = make_published(journalist, editor, topics=[health])
    other = make_published(journalist, editor, rating_slug="true", topics=[climate])
    pages = [
        corrected.get_absolute_url(),
        other.get_absolute_url(),
        HOME,
        health.get_absolute_url(),
        climate.get_absolute_url(),
        reverse("factcheck:feed"),
    ]
    _warm(client, *pages)

    editing.issue_correction(
        factcheck=corrected, user=editor, kind="correction", text="A new figure."
    )

    # Its own page and the lists that date it are rebuilt...
    assert "A new figure." in client.get(corrected.get_absolute_url()).content.decode()
    # ...while another article's page and its topic stay cached.
    for url in (other.get_absolute_url(), climate.get_absolute_url()):
        _served_from_cache(client, url, django_assert_num_queries)


def test_a_publication_drops_the_lists_that_show_it(
    client, journalist, editor, django_assert_num_queries
):
    health, climate = TopicFactory(slug="health"), TopicFactory(slug="climate")
    old = make_published(journalist, editor, topics=[climate])
    _warm(client, HOME, health.get_absolute_url(), climate.get_absolute_url())
    _warm(client, old.get_absolute_url())

    make_published(journalist, editor, headline="Fresh on health", topics=[health])

    for url in (HOME, health.get_absolute_url(), reverse("factcheck:feed")):
        assert "Fresh on health" in client.get(url).content.decode(), url
    for url in (climate.get_absolute_url(), old.get_absolute_url()):
        _served_from_cache(client, url, django_assert_num_queries)


def test_what_readers_cannot_see_drops_nothing(
    client,
    journalist,
    other_journalist,
    editor,
    other_editor,
    settings,
    django_assert_num_queries,
):
    published = make_published(journalist, editor)
    settings.FACTCHECK_PANEL_VOTES = 2
    draft = make_factcheck(authors=[journalist])
    in_review = workflow.submit_for_review(
        make_factcheck(authors=[other_journalist]), other_journalist
    )
    pages = [HOME, published.get_absolute_url(), reverse("factcheck:feed")]
    _warm(client, *pages)

    # A draft saved, a vote cast, a log entry, a reader's tip.
    editing.save_edit(factcheck=draft, user=journalist, version=draft.lock_version)
    panel.vote(in_review.claims.get(), editor, rating("false"))
    workflow.assign_review(in_review, editor, other_editor)
    client.post(
        reverse("factcheck:suggest"),
        {"message": "Is it true that bananas glow?", "website": ""},
    )

    for url in pages:
        _served_from_cache(client, url, django_assert_num_queries)


def test_tracking_parameters_share_the_canonical_entry(
    client, journalist, editor, django_assert_num_queries
):
    published = make_published(journalist, editor)
    url = published.get_absolute_url()
    canonical = client.get(url)
    for query in ("?utm_source=x&utm_medium=y", "?fbclid=abc", "?gclid=1", "?ref=z"):
        response = _served_from_cache(client, url + query, django_assert_num_queries)
        assert response.content == canonical.content
    # A parameter the page reads is part of its key: another page of results.
    search = reverse("factcheck:search")
    _warm(client, search + "?q=bananas&utm_campaign=spring")
    _served_from_cache(client, search + "?q=bananas", django_assert_num_queries)
    with CaptureQueriesContext(connection) as queries:
        client.get(search + "?q=oranges&utm_campaign=spring")
    assert len(queries) > 0


def test_the_stampede_guard_serves_the_previous_page_while_one_rebuilds(
    client, journalist, editor, django_assert_num_queries, settings
):
    published = make_published(journalist, editor, headline="Before the update")
    url = published.get_absolute_url()
    _warm(client, url)
    caching.changed(caching.tag("article", published.slug))
    # Another process is rebuilding the page: this one serves the old copy.
    key = caching._canonical_key(RequestFactory().get(url), ())
    assert cache.add(key + ":rebuild", 1, 10)
    with django_assert_num_queries(0):
        assert "Before the update" in client.get(url).content.decode()
    # Never for longer than the bound: then it rebuilds itself.
    settings.FACTCHECK_STALE_SECONDS = 0
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 0


def test_an_evicted_tag_costs_a_rebuild_not_a_stale_page(client, journalist, editor):
    make_published(journalist, editor)
    _warm(client, HOME)
    cache.delete("factcheck:tag:" + caching.LATEST)
    with CaptureQueriesContext(connection) as queries:
        client.get(HOME)
    assert len(queries) > 0


@pytest.mark.parametrize("cache_seconds", [300, 0])
def test_browsers_revalidate_and_get_304s(client, published, settings, cache_seconds):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = cache_seconds
    for url in (published.get_absolute_url(), HOME, reverse("factcheck:feed")):
        first = client.get(url)
        assert first["Cache-Control"] == (
            "public, max-age=0, s-maxage=1, stale-while-revalidate=5"
        ), url
        again = client.get(url, headers={"if-none-match": first["ETag"]})
        assert (again.status_code, again.content) == (304, b""), url


def test_staff_previews_and_forms_are_private(client, journalist, published):
    draft = make_factcheck(authors=[journalist])
    forms = [
        reverse("factcheck:suggest"),
        reverse("factcheck:report-error", args=[published.slug]),
    ]
    for url in forms:
        assert "no-store" in client.get(url)["Cache-Control"], url
    client.force_login(journalist)
    for url in (HOME, published.get_absolute_url(), draft.get_absolute_url()):
        control = client.get(url)["Cache-Control"]
        assert "private" in control and "no-store" in control, url


def test_a_renamed_claimant_shows_on_every_page_that_names_them(client, published):
    claimant = published.claims.get().claimant
    url = published.get_absolute_url()
    _warm(client, url, HOME)
    claimant.name = "The Renamed Claimant"
    claimant.save()
    for page in (url, HOME):
        assert "The Renamed Claimant" in client.get(page).content.decode(), page


def test_a_rating_relabelled_leaves_the_articles_rated_so_alone(client, published):
    """Published verdicts keep their label until re-rated; the scale's pages change."""
    false = rating("false")
    _warm(client, published.get_absolute_url(), reverse("factcheck:how-we-rate"))
    false.label = "Plainly false"
    false.save()
    content = client.get(published.get_absolute_url()).content.decode()
    article = content.split('<article class="article"', 1)[1].split("</article>")[0]
    assert "False" in article
    assert "Plainly false" not in article
    assert '"alternateName": "False"' in content
    assert (
        "Plainly false" in client.get(reverse("factcheck:how-we-rate")).content.decode()
    )


def test_a_revised_card_reaches_the_pages_that_list_it(
    client, journalist, editor, django_assert_num_queries
):
    health = TopicFactory(slug="health")
    listed = make_published(
        journalist, editor, headline="Old headline", topics=[health]
    )
    listing = make_published(journalist, editor, topics=[health])
    unrelated = make_published(journalist, editor, rating_slug="true")
    _warm(client, listing.get_absolute_url(), unrelated.get_absolute_url())

    revision = workflow.start_revision(listed, journalist)
    revision.headline = "New headline"
    editing.save_edit(
        factcheck=revision, user=journalist, version=revision.lock_version
    )
    workflow.submit_for_review(revision, journalist)
    workflow.publish(revision, editor, change_class="minor")

    assert "New headline" in client.get(listing.get_absolute_url()).content.decode()
    _served_from_cache(client, unrelated.get_absolute_url(), django_assert_num_queries)
