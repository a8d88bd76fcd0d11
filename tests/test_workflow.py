"""Editorial transitions: who may make each one, from which state, and what is logged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from factcheck import workflow
from factcheck.models import FactCheck, Status, TransitionLog
from tests.factories import ClaimFactory, make_factcheck

pytestmark = pytest.mark.django_db


def state_of(factcheck):
    row = FactCheck.objects.get(pk=factcheck.pk)
    return (
        row.status,
        row.published_at,
        TransitionLog.objects.filter(factcheck=factcheck).count(),
    )


@pytest.fixture
def draft(journalist):
    return make_factcheck(authors=[journalist])


@pytest.fixture
def in_review(draft, journalist):
    return workflow.submit_for_review(draft, journalist)


@pytest.fixture
def published(in_review, editor):
    return workflow.publish(in_review, editor)


class TestSubmit:
    def test_author_submits_a_complete_draft(self, draft, journalist):
        workflow.submit_for_review(draft, journalist)
        assert draft.status == Status.REVIEW
        assert draft.submitted_at is not None
        entry = TransitionLog.objects.get(factcheck=draft)
        assert (entry.user, entry.action, entry.from_status, entry.to_status) == (
            journalist,
            "submit",
            "draft",
            "review",
        )

    def test_another_journalist_cannot_submit_it(self, draft, other_journalist):
        before = state_of(draft)
        with pytest.raises(PermissionDenied):
            workflow.submit_for_review(draft, other_journalist)
        assert state_of(draft) == before

    def test_an_incomplete_draft_is_refused_with_every_gap_listed(self, journalist):
        factcheck = make_factcheck(authors=[journalist])
        ClaimFactory(factcheck=factcheck, claimant=None)  # no claimant, no verdict
        with pytest.raises(workflow.IncompleteFactCheck) as error:
            workflow.submit_for_review(factcheck, journalist)
        messages = error.value.messages
        assert any("does not say who made it" in m for m in messages)
        assert any("has no rating" in m for m in messages)
        assert any("has no verdict summary" in m for m in messages)
        assert state_of(factcheck) == (Status.DRAFT, None, 0)

    def test_submitting_twice_is_refused(self, in_review, journalist):
        with pytest.raises(workflow.TransitionNotAllowed, match="Only a draft"):
            workflow.submit_for_review(in_review, journalist)
        assert TransitionLog.objects.filter(factcheck=in_review).count() == 1


class TestRequestChanges:
    def test_editor_sends_it_back_with_a_note(self, in_review, editor):
        workflow.request_changes(
            in_review, editor, "Add a second source for the dose figures."
        )
        assert in_review.status == Status.DRAFT
        entry = TransitionLog.objects.filter(factcheck=in_review).first()
        assert (entry.action, entry.note) == (
            "request_changes",
            "Add a second source for the dose figures.",
        )

    def test_a_note_is_required(self, in_review, editor):
        with pytest.raises(ValidationError, match="Say what needs to change"):
            workflow.request_changes(in_review, editor, "   ")
        assert state_of(in_review)[0] == Status.REVIEW

    def test_journalists_cannot_request_changes(self, in_review, other_journalist):
        with pytest.raises(PermissionDenied):
            workflow.request_changes(in_review, other_journalist, "Nope")
        assert state_of(in_review)[0] == Status.REVIEW

    def test_only_from_review(self, draft, editor):
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.request_changes(draft, editor, "Fix it")


class TestPublish:
    def test_editor_publishes_now(self, in_review, editor):
        workflow.publish(in_review, editor)
        assert in_review.is_published is True
        assert in_review.first_published_at == in_review.published_at
        assert in_review.editor == editor
        assert (
            TransitionLog.objects.filter(factcheck=in_review).first().action
            == "publish"
        )

    def test_editor_schedules_for_later(self, in_review, editor):
        later = timezone.now() + datetime.timedelta(hours=3)
        workflow.publish(in_review, editor, at=later)
        assert in_review.is_scheduled is True
        assert FactCheck.objects.published().count() == 0
        assert (
            TransitionLog.objects.filter(factcheck=in_review).first().action
            == "schedule"
        )

    def test_a_scheduled_article_can_be_published_now(self, in_review, editor):
        workflow.publish(
            in_review, editor, at=timezone.now() + datetime.timedelta(days=1)
        )
        workflow.publish(in_review, editor)
        assert in_review.is_published is True

    def test_journalists_cannot_publish(self, in_review, journalist):
        with pytest.raises(PermissionDenied):
            workflow.publish(in_review, journalist)
        assert state_of(in_review)[0] == Status.REVIEW

    def test_nobody_publishes_their_own_article(self, editor):
        own = make_factcheck(authors=[editor])
        workflow.submit_for_review(own, editor)
        with pytest.raises(PermissionDenied, match="another editor"):
            workflow.publish(own, editor)
        assert state_of(own)[0] == Status.REVIEW

    def test_one_person_desks_may_allow_self_publishing(self, editor, settings):
        settings.FACTCHECK_ALLOW_SELF_PUBLISH = True
        own = make_factcheck(authors=[editor])
        workflow.submit_for_review(own, editor)
        workflow.publish(own, editor)
        assert own.is_published is True

    def test_a_draft_cannot_skip_review(self, draft, editor):
        with pytest.raises(
            workflow.TransitionNotAllowed, match="Only a fact-check in review"
        ):
            workflow.publish(draft, editor)
        assert state_of(draft) == (Status.DRAFT, None, 0)

    def test_publishing_twice_is_refused(self, published, editor):
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.publish(published, editor)
        assert (
            TransitionLog.objects.filter(factcheck=published, action="publish").count()
            == 1
        )

    def test_a_stale_copy_cannot_publish_twice(self, in_review, editor, superuser):
        stale = FactCheck.objects.get(pk=in_review.pk)
        workflow.publish(in_review, editor)
        stale.status = Status.REVIEW  # what the second editor's page still shows
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.publish(stale, superuser)
        assert (
            TransitionLog.objects.filter(factcheck=in_review, action="publish").count()
            == 1
        )


class TestUnpublish:
    def test_editor_unpublishes_with_a_reason(self, published, editor):
        workflow.unpublish(published, editor, "Legal asked us to hold it.")
        assert published.status == Status.DRAFT
        assert FactCheck.objects.published().count() == 0
        assert (
            TransitionLog.objects.filter(factcheck=published).first().note
            == "Legal asked us to hold it."
        )

    def test_editor_retracts(self, published, editor):
        workflow.unpublish(published, editor, "The study was withdrawn.", retract=True)
        assert published.status == Status.RETRACTED

    def test_a_reason_is_required(self, published, editor):
        with pytest.raises(ValidationError, match="reason"):
            workflow.unpublish(published, editor, "")
        assert state_of(published)[0] == Status.PUBLISHED

    def test_journalists_cannot_unpublish(self, published, journalist):
        with pytest.raises(PermissionDenied):
            workflow.unpublish(published, journalist, "Oops")
        assert state_of(published)[0] == Status.PUBLISHED

    def test_only_published_articles(self, in_review, editor):
        with pytest.raises(workflow.TransitionNotAllowed):
            workflow.unpublish(in_review, editor, "why")


def test_anonymous_users_can_do_nothing(in_review):
    from django.contrib.auth.models import AnonymousUser

    for call in (
        lambda: workflow.publish(in_review, AnonymousUser()),
        lambda: workflow.request_changes(in_review, AnonymousUser(), "x"),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert state_of(in_review)[0] == Status.REVIEW
