"""The list pages' own index (``Listing``): written at publication, removed at
withdrawal, moved by a revision, filled in bulk and by the migration alike."""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from factcheck import invalidation, workflow
from factcheck.models import FactCheck, Listing, Topic, listing_key
from tests.factories import (
    ClaimantFactory,
    TopicFactory,
    make_factcheck,
    make_published,
    make_user,
    publish_rerating,
    rewrite_revision,
)

pytestmark = pytest.mark.django_db


def keys_of(factcheck):
    return set(
        Listing.objects.filter(factcheck=factcheck).values_list("key", flat=True)
    )


def test_publication_lists_an_article_under_each_subject_it_has(journalist, editor):
    topic = TopicFactory()
    factcheck = make_factcheck(authors=[journalist], claims=2, topics=[topic])
    claimant = ClaimantFactory()
    factcheck.claims.update(claimant=claimant)
    assert keys_of(factcheck) == set()  # drafts are on no list

    workflow.submit_for_review(factcheck, journalist)
    workflow.publish(factcheck, editor)

    rating = factcheck.claims.first().verdict.rating
    assert keys_of(factcheck) == {
        listing_key("topic", topic.pk),
        listing_key("rating", rating.pk),
        listing_key("claimant", claimant.pk),
        listing_key("author", journalist.pk),
        listing_key("author", editor.pk),  # credited as the editor
    }
    listed = Listing.objects.filter(factcheck=factcheck)
    factcheck.refresh_from_db()
    assert {row.first_published_at for row in listed} == {factcheck.first_published_at}


def test_unpublishing_takes_it_off_every_list(journalist, editor):
    factcheck = make_published(journalist, editor, topics=[TopicFactory()])
    workflow.unpublish(factcheck, editor, "The study was withdrawn.")
    assert keys_of(factcheck) == set()


def test_a_revision_moves_it_to_the_lists_it_now_belongs_on(
    revision, live, journalist, django_capture_on_commit_callbacks
):
    before = keys_of(live)
    other = make_user("Journalists")
    rewrite_revision(revision, other)  # new topic, rating and co-author
    workflow.submit_for_review(revision, journalist)
    with django_capture_on_commit_callbacks(execute=True):
        publish_rerating(revision, make_user("Editors"), make_user("Editors"))

    after = keys_of(live)
    science = Topic.objects.get(slug="science")
    assert listing_key("topic", science.pk) in after
    assert listing_key("author", other.pk) in after
    health = Topic.objects.get(slug="health")
    assert listing_key("topic", health.pk) in before - after
    assert after == invalidation.listing_keys(FactCheck.objects.get(pk=live.pk))


def test_a_topic_page_reads_its_own_index_however_deep(
    client, journalist, editor, django_assert_max_num_queries
):
    topic, elsewhere = TopicFactory(), TopicFactory()
    mine = [make_published(journalist, editor, topics=[topic]) for _ in range(23)]
    for _ in range(3):
        make_published(journalist, editor, topics=[elsewhere])
    url = topic.get_absolute_url()

    first = client.get(url)
    older = first.context["page"].older
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, {"before": older})

    listed = [f.pk for f in first.context["factchecks"] + second.context["factchecks"]]
    assert listed == [f.pk for f in reversed(mine)]
    # The position comes off the list's own rows, not the articles' dates.
    paging = next(
        q["sql"] for q in queries.captured_queries if "factcheck_listing" in q["sql"]
    )
    assert '"factcheck_listing"."first_published_at" <' in paging


def test_the_topic_feed_follows_the_topic(client, journalist, editor):
    topic = TopicFactory()
    make_published(journalist, editor, headline="On the topic", topics=[topic])
    make_published(journalist, editor, headline="Not on it")
    feed = client.get(reverse("factcheck:topic-feed-atom", args=[topic.slug]))
    assert b"On the topic" in feed.content and b"Not on it" not in feed.content


def test_the_migration_lists_what_publication_would(journalist, editor):
    published = [
        make_published(journalist, editor, claims=2, topics=[TopicFactory()]),
        make_published(journalist, editor),
    ]
    expected = {f.pk: invalidation.listing_keys(f) for f in published}
    Listing.objects.all().delete()

    migration = importlib.import_module("factcheck.migrations.0021_listings")
    from django.apps import apps

    migration.list_published(apps, None)
    assert {f.pk: keys_of(f) for f in published} == expected


def test_generated_articles_are_listed_as_publication_would(db):
    from django.core.management import call_command

    call_command("generate_factchecks", "12", verbosity=0)
    for factcheck in FactCheck.objects.published():
        assert keys_of(factcheck) == invalidation.listing_keys(factcheck), (
            factcheck.slug
        )
