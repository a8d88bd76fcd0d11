"""Reader pages come from the cache until something changes, and never late."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import workflow
from tests.factories import make_factcheck, make_published

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
    factcheck.corrections.create(text="We misnamed the agency.", issued_by=editor)
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


def test_related_fact_checks_follow_new_publications(client, journalist, editor):
    first = make_published(journalist, editor, headline="The first check")
    topic = first.topics.create(name="Health", slug="health")
    assert (
        "Related fact-checks"
        not in client.get(first.get_absolute_url()).content.decode()
    )
    second = make_factcheck(authors=[journalist], headline="A related check")
    second.topics.add(topic)
    workflow.submit_for_review(second, journalist)
    workflow.publish(second, editor)
    assert "A related check" in client.get(first.get_absolute_url()).content.decode()


def test_the_footer_follows_edits_to_standing_pages(client):
    from factcheck.models import Page

    client.get(HOME)
    Page.objects.create(title="Our funding", slug="funding")
    assert "Our funding" in client.get(HOME).content.decode()
