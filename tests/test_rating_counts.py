"""The claimant pages' stored verdict counts (``RatingCount``, ``tally``):
counted again at each publication and withdrawal, exact in between."""

import pytest
from django.utils import timezone

from factcheck import tally, workflow
from factcheck.models import Claimant, FactCheck, RatingCount
from tests.factories import ClaimantFactory, rating
from tests.test_claimant_pages import said_by

pytestmark = pytest.mark.django_db


def stored(claimant):
    return {
        row.rating.slug: row.claims
        for row in RatingCount.objects.filter(claimant=claimant).select_related(
            "rating"
        )
    }


def shown(claimant):
    return {
        bar.rating.slug: bar.count
        for bar in tally.of_claimant(claimant).bars
        if bar.count
    }


@pytest.fixture
def claimant():
    return ClaimantFactory()


def test_publication_counts_and_withdrawal_counts_again(claimant, journalist, editor):
    first = said_by(claimant, journalist, editor, ratings=("false", "false"))
    said_by(claimant, journalist, editor, ratings=("true",))
    assert stored(claimant) == {"false": 2, "true": 1}

    workflow.unpublish(first, editor, "A source was withdrawn.")
    assert stored(claimant) == {"true": 1}
    assert shown(claimant) == {"true": 1}


def test_drafts_and_scheduled_work_are_not_counted(claimant, journalist, editor):
    said_by(claimant, journalist, editor, ratings=("true",))
    said_by(claimant, journalist, editor, state="draft", ratings=("false",))
    said_by(claimant, journalist, editor, state="scheduled", ratings=("false",))
    assert stored(claimant) == {"true": 1} == shown(claimant)


def test_a_scheduled_article_counts_once_it_is_live_without_a_write(
    claimant, journalist, editor
):
    said_by(claimant, journalist, editor, ratings=("true",))
    scheduled = said_by(
        claimant, journalist, editor, state="scheduled", ratings=("false",)
    )
    # Time passes: the schedule comes due, and nobody writes anything.
    FactCheck.objects.filter(pk=scheduled.pk).update(published_at=timezone.now())
    assert shown(claimant) == {"true": 1, "false": 1}
    assert stored(claimant) == {"true": 1}

    tally.recount([claimant.pk])  # the next publication counts it in
    assert stored(claimant) == {"true": 1, "false": 1} == shown(claimant)


def test_a_re_rating_moves_the_count(claimant, journalist, editor):
    from tests.factories import make_user, publish_rerating

    live = said_by(claimant, journalist, editor, ratings=("true",))
    revision = workflow.start_revision(live, journalist)
    revision.claims.get().verdict.__class__.objects.filter(
        claim__factcheck=revision
    ).update(rating=rating("false"))
    workflow.submit_for_review(revision, journalist)
    publish_rerating(
        FactCheck.objects.get(pk=revision.pk), editor, make_user("Editors")
    )
    assert stored(claimant) == {"false": 1} == shown(claimant)


def test_the_sitemap_knows_claimants_by_their_counts(claimant, journalist, editor):
    assert not Claimant.objects.in_use().exists()
    said_by(claimant, journalist, editor, state="scheduled")
    assert not Claimant.objects.in_use().exists()  # nothing readers can see
    said_by(claimant, journalist, editor)
    assert list(Claimant.objects.in_use()) == [claimant]
