"""Publishing a revision: it replaces the live article at the same address, once, and never undoes what changed meanwhile."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from factcheck import panel, workflow
from factcheck.models import (
    Claim,
    Correction,
    FactCheck,
    Source,
    Status,
)
from tests.factories import (
    CorrectionFactory,
    make_factcheck,
    rating,
    rewrite_revision,
)
from tests.jobs import run_jobs
from tests.records import log_of, what_readers_see

pytestmark = pytest.mark.django_db

Action = workflow.Action
#: A revision's class where the test is about something else.
MINOR = {"change_class": "minor"}


class TestPublish:
    def test_publishing_puts_the_revision_live_at_the_same_address(
        self,
        client,
        live,
        revision,
        journalist,
        coauthor,
        other_journalist,
        editor,
        other_editor,
        mailoutbox,
        django_capture_on_commit_callbacks,
        django_assert_max_num_queries,
    ):
        url, published_at = live.get_absolute_url(), live.published_at
        version, updated_at = live.lock_version, live.updated_at
        revision = rewrite_revision(revision, other_journalist)
        workflow.submit_for_review(revision, journalist)
        expected = what_readers_see(revision) | {
            "slug": live.slug,
            "published_at": published_at,
            "status": Status.PUBLISHED,
        }
        # The re-rating's second editor votes for the new rating.
        panel.vote(revision.claims.get(), editor, rating("misleading"))
        revision_log = log_of(revision)
        run_jobs()  # the messages of the steps so far
        mailoutbox.clear()

        # Publishing also prepares the page readers get (publishing.prepare),
        # and compares the ratings before and after: this one re-rates, so it
        # asks whether readers sent tips about it (tipsters.rerated); it
        # looks up who it credits, whose staff pages may open or close, and
        # whose claims it checks, before and after (their claimant pages);
        # it moves the reply attempts with the other parts, puts the article
        # on the list pages it now belongs on (Listing) and stores the new
        # version (versions.record). Deleting the revision deletes its
        # sources' snapshots too (the evidence locker's, kept per article:
        # the live one keeps its own); and it checks whether it quotes experts
        # before and after (the experts page lists it). As a re-rating it
        # compares what changed, counts the second editor's vote, keeps the new
        # rating as published and leaves its public record; it counts its
        # claimants' verdicts again (their pages' RatingCount). The review
        # comments move with the log, and those on the claims and sources
        # replaced are unlinked from them (five queries, none per comment).
        # Its words are indexed again (its SearchEntry written anew).
        with (
            django_capture_on_commit_callbacks(execute=True),
            django_assert_max_num_queries(160),
        ):
            result = workflow.publish(
                revision, other_editor, change_class="rerating", note="New study."
            )

        assert result == live
        assert not FactCheck.objects.filter(pk=revision.pk).exists()
        assert what_readers_see(live) == expected
        row = FactCheck.objects.get(pk=live.pk)
        assert row.first_published_at == published_at
        assert row.updated_at > updated_at
        assert row.lock_version > version
        assert row.editor == editor  # the credit copied from the live article
        assert row.claims.get().verdict.rating.slug == "misleading"
        assert not Claim.objects.filter(factcheck=None).exists()
        assert Source.objects.count() == row.sources.count()
        # The whole history is on the live article, ending with the publication.
        history = log_of(live)
        assert history[:2] == [
            ("submit", "draft", "review", ""),
            ("publish", "review", "published", ""),
        ]
        assert history[2][0] == "revise"
        assert history[3:-1] == revision_log
        assert history[-1] == (
            "publish",
            "review",
            "published",
            "Revision published (re-rating): New study.",
        )
        page = client.get(url)
        assert page.status_code == 200
        assert "new evidence" in page.content.decode()
        items = client.get(reverse("factcheck:claimreviews")).json()["items"]
        assert items[0]["reviewRating"]["alternateName"] == "Misleading"
        run_jobs()
        assert sorted(address for m in mailoutbox for address in m.to) == [
            "coauthor@example.org",
            "journalist@example.org",
            "reporter@example.org",
        ]

    def test_no_editor_publishes_a_revision_they_started(
        self, live, other_editor, editor
    ):
        """Unless it is minor (tests/test_change_classes.py)."""
        revision = workflow.start_revision(live, other_editor)
        workflow.submit_for_review(revision, other_editor)
        with pytest.raises(PermissionDenied, match="another editor"):
            workflow.publish(revision, other_editor, change_class="update", note="N")
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW
        workflow.publish(revision, editor, change_class="update", note="New.")
        assert not FactCheck.objects.filter(pk=revision.pk).exists()

    def test_a_co_author_on_the_byline_does_not_publish_it(
        self, journalist, other_editor, editor
    ):
        shared = make_factcheck(authors=[journalist, other_editor])
        workflow.submit_for_review(shared, journalist)
        workflow.publish(shared, editor)
        revision = workflow.start_revision(shared, journalist)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(PermissionDenied):
            workflow.publish(revision, other_editor, change_class="update", note="N")
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_the_gate_is_checked_again_at_publication(
        self, live, revision, journalist, editor, settings
    ):
        before = what_readers_see(live)
        workflow.submit_for_review(revision, journalist)
        settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 5
        with pytest.raises(workflow.IncompleteFactCheck, match="at least 5"):
            workflow.publish(revision, editor, **MINOR)
        assert what_readers_see(live) == before
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_the_rating_panel_votes_on_the_revision(
        self, live, revision, journalist, editor, other_editor, settings
    ):
        settings.FACTCHECK_PANEL_VOTES = 2
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(panel.QuorumNotReached):
            workflow.publish(revision, editor, change_class="update", note="New.")
        for claim in revision.claims.all():
            panel.vote(claim, other_editor, claim.verdict.rating)
        workflow.publish(revision, editor, change_class="update", note="New.")
        assert not FactCheck.objects.filter(pk=revision.pk).exists()

    def test_a_revision_cannot_be_scheduled(self, live, revision, journalist, editor):
        before = what_readers_see(live)
        workflow.submit_for_review(revision, journalist)
        entries = log_of(revision)
        with pytest.raises(workflow.TransitionNotAllowed, match="cannot be scheduled"):
            workflow.publish(
                revision, editor, at=timezone.now() + datetime.timedelta(hours=2)
            )
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW
        assert log_of(revision) == entries
        assert what_readers_see(live) == before

    def test_a_correction_made_meanwhile_survives(
        self, live, revision, journalist, editor
    ):
        correction = CorrectionFactory(factcheck=live, issued_by=editor)
        workflow.submit_for_review(revision, journalist)
        workflow.publish(revision, editor, **MINOR)
        assert list(live.corrections.all()) == [correction]
        assert not Correction.objects.exclude(factcheck=live).exists()

    @pytest.mark.parametrize("retract", [False, True])
    def test_an_original_taken_off_the_site_is_not_overwritten(
        self, live, revision, journalist, editor, retract
    ):
        workflow.submit_for_review(revision, journalist)
        workflow.unpublish(live, editor, "Legal hold.", retract=retract)
        before = what_readers_see(live)
        status = "retracted" if retract else "draft"
        assert workflow.revision_conflict(FactCheck.objects.get(pk=revision.pk)) == (
            f"“{live.headline}” is no longer live (it is {status}), so this "
            "revision cannot be published over it."
        )
        with pytest.raises(workflow.TransitionNotAllowed, match="no longer live"):
            workflow.publish(revision, editor, **MINOR)
        assert what_readers_see(live) == before
        assert FactCheck.objects.get(pk=revision.pk).status == Status.REVIEW

    def test_an_original_republished_meanwhile_is_not_overwritten(
        self, live, revision, journalist, editor
    ):
        workflow.unpublish(live, editor, "Fixing the date in place.")
        FactCheck.objects.filter(pk=live.pk).update(headline="Fixed in place")
        workflow.submit_for_review(live, journalist)
        workflow.publish(live, editor)
        workflow.submit_for_review(revision, journalist)
        with pytest.raises(workflow.TransitionNotAllowed, match="may have changed"):
            workflow.publish(revision, editor, **MINOR)
        assert FactCheck.objects.get(pk=live.pk).headline == "Fixed in place"

    def test_a_revision_is_published_once(self, live, revision, journalist, editor):
        workflow.submit_for_review(revision, journalist)
        stale = FactCheck.objects.get(pk=revision.pk)
        workflow.publish(revision, editor, **MINOR)
        with pytest.raises(workflow.TransitionNotAllowed, match="no longer exists"):
            workflow.publish(stale, editor, **MINOR)
        notes = [entry[3] for entry in log_of(live)]
        assert notes.count("Revision published as a minor change") == 1

    def test_a_new_revision_can_start_once_one_is_published(
        self, live, revision, journalist, editor
    ):
        workflow.submit_for_review(revision, journalist)
        workflow.publish(revision, editor, **MINOR)
        again = workflow.start_revision(live, journalist)
        assert again.slug == f"{live.slug}-revision"


# The admin: buttons, banners and refusals.
