"""Reader pages show published fact-checks only; staff preview the rest."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import workflow
from tests.factories import ExpertQuoteFactory, SourceFactory, make_factcheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(journalist, editor):
    factcheck = make_factcheck(
        authors=[journalist], headline="Are bananas radioactive?"
    )
    workflow.submit_for_review(factcheck, journalist)
    return workflow.publish(factcheck, editor)


def test_home_lists_published_fact_checks(client, published):
    response = client.get(reverse("factcheck:home"))
    assert response.status_code == 200
    assert "Are bananas radioactive?" in response.content.decode()


def test_a_published_fact_check_reads_with_claim_and_verdict(client, published):
    response = client.get(published.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert published.claims.get().statement in content
    assert "False" in content


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


def test_other_journalists_cannot_preview_a_draft(client, journalist, other_journalist):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(other_journalist)
    assert client.get(factcheck.get_absolute_url()).status_code == 404


def test_article_queries_do_not_grow_with_its_parts(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as small:
        client.get(published.get_absolute_url())
    for _ in range(5):
        SourceFactory(factcheck=published)
        ExpertQuoteFactory(factcheck=published)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(published.get_absolute_url())
