"""Editorial transitions: who may make each one, from which state, and what is logged."""

import datetime
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import ProtectedError
from django.utils import timezone

from factcheck import panel, permissions, preview, workflow
from factcheck.models import (
    FactCheck,
    Priority,
    Status,
    TransitionLog,
)
from tests.concurrency import at_once
from tests.factories import (
    ClaimFactory,
    ExpertQuoteFactory,
    make_factcheck,
    rating,
)
from tests.records import state_of

Action = workflow.Action

pytestmark = pytest.mark.django_db


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


class TestPublishGate:
    def test_publishing_rechecks_the_gate(self, in_review, editor, settings):
        settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 2
        with pytest.raises(workflow.IncompleteFactCheck) as error:
            workflow.publish(in_review, editor)
        statement = in_review.claims.get().statement
        assert error.value.messages == [
            f"Claim 1 (“{statement}”) has 1 source; the house asks for at least 2."
        ]
        assert state_of(in_review)[0] == Status.REVIEW

    def test_submitting_runs_the_gate_too(self, draft, journalist):
        ExpertQuoteFactory(factcheck=draft, expert__credentials="")
        with pytest.raises(workflow.IncompleteFactCheck, match="credentials"):
            workflow.submit_for_review(draft, journalist)
        assert state_of(draft) == (Status.DRAFT, None, 0)


class TestFourEyes:
    def test_superusers_do_not_publish_their_own_work(self, superuser):
        own = make_factcheck(authors=[superuser])
        workflow.submit_for_review(own, superuser)
        with pytest.raises(PermissionDenied, match="another editor"):
            workflow.publish(own, superuser)
        assert state_of(own)[0] == Status.REVIEW

    def test_a_co_author_cannot_publish(self, journalist, editor):
        shared = make_factcheck(authors=[journalist, editor])
        workflow.submit_for_review(shared, journalist)
        assert workflow.can_transition(editor, shared, Action.PUBLISH) is False
        with pytest.raises(PermissionDenied):
            workflow.publish(shared, editor)

    def test_a_review_cannot_be_assigned_to_an_author(
        self, journalist, editor, other_editor
    ):
        shared = make_factcheck(authors=[journalist, other_editor])
        workflow.submit_for_review(shared, journalist)
        with pytest.raises(workflow.TransitionNotAllowed, match="another editor"):
            workflow.assign_review(shared, editor, other_editor)
        assert FactCheck.objects.get(pk=shared.pk).assignee is None


class TestAssignReview:
    def test_an_editor_assigns_a_review_with_due_time_and_priority(
        self, in_review, editor, other_editor
    ):
        due = timezone.now() + datetime.timedelta(days=1)
        workflow.assign_review(
            in_review, editor, other_editor, due_at=due, priority=Priority.URGENT
        )
        row = FactCheck.objects.get(pk=in_review.pk)
        assert (row.assignee, row.review_due_at, row.review_priority) == (
            other_editor,
            due,
            Priority.URGENT,
        )
        assert row.status == Status.REVIEW
        entry = TransitionLog.objects.filter(factcheck=in_review).first()
        assert (entry.action, entry.user, entry.from_status, entry.to_status) == (
            "assign",
            editor,
            "review",
            "review",
        )
        assert other_editor.get_full_name() in entry.note
        assert "priority urgent" in entry.note

    def test_assigning_does_not_make_open_forms_stale(
        self, in_review, editor, other_editor
    ):
        version = FactCheck.objects.get(pk=in_review.pk).lock_version
        workflow.assign_review(in_review, editor, other_editor)
        assert FactCheck.objects.get(pk=in_review.pk).lock_version == version

    def test_the_assignee_must_be_an_editor(self, in_review, editor, other_journalist):
        with pytest.raises(ValidationError, match="is not an editor"):
            workflow.assign_review(in_review, editor, other_journalist)
        assert FactCheck.objects.get(pk=in_review.pk).assignee is None

    def test_journalists_cannot_assign(self, in_review, journalist, editor):
        with pytest.raises(PermissionDenied):
            workflow.assign_review(in_review, journalist, editor)
        assert FactCheck.objects.get(pk=in_review.pk).assignee is None

    def test_only_in_review(self, draft, editor, other_editor):
        with pytest.raises(workflow.TransitionNotAllowed, match="in review"):
            workflow.assign_review(draft, editor, other_editor)

    def test_a_due_time_in_the_past_is_refused(self, in_review, editor, other_editor):
        with pytest.raises(ValidationError, match="has passed"):
            workflow.assign_review(
                in_review,
                editor,
                other_editor,
                due_at=timezone.now() - datetime.timedelta(hours=1),
            )


def test_every_step_is_logged_with_who_from_to_and_note(
    draft, journalist, editor, other_editor
):
    workflow.submit_for_review(draft, journalist)
    workflow.assign_review(draft, editor, other_editor)
    panel.vote(draft.claims.get(), other_editor, rating("false"))
    workflow.request_changes(draft, other_editor, "Name the video's author.")
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, other_editor)
    workflow.unpublish(draft, editor, "Wrong date in the headline.")
    rows = list(
        TransitionLog.objects.filter(factcheck=draft)
        .order_by("pk")
        .values_list("action", "user__username", "from_status", "to_status", "note")
    )
    assert [row[:4] for row in rows] == [
        ("submit", "journalist", "draft", "review"),
        ("assign", "editor", "review", "review"),
        ("vote", "chief", "review", "review"),
        ("request_changes", "chief", "review", "draft"),
        ("submit", "journalist", "draft", "review"),
        ("publish", "chief", "review", "published"),
        ("unpublish", "editor", "published", "draft"),
    ]
    assert rows[3][4] == "Name the video's author."
    assert rows[6][4] == "Wrong date in the headline."
    assert all(row.headline == draft.headline for row in TransitionLog.objects.all())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_pressing_publish_at_once_give_one_transition(
    journalist, editor, other_editor, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks: run with DATABASE_URL=postgres://...")
    factcheck = make_factcheck(authors=[journalist])
    workflow.submit_for_review(factcheck, journalist)
    # Hold each publisher inside the transaction long enough that, without
    # the row lock, both would read "in review" and both would publish.
    check = workflow.gate.check_saved

    def slow_check(locked):
        time.sleep(0.3)
        return check(locked)

    monkeypatch.setattr(workflow.gate, "check_saved", slow_check)

    def press_publish(user):
        workflow.publish(FactCheck.objects.get(pk=factcheck.pk), user)

    outcomes = at_once(
        press_publish, [editor, other_editor], workflow.TransitionNotAllowed
    )

    assert outcomes == ["done", "refused"]
    assert (
        TransitionLog.objects.filter(factcheck=factcheck, action="publish").count() == 1
    )
    assert FactCheck.objects.get(pk=factcheck.pk).status == Status.PUBLISHED


class TestRefusalOrder:
    """A step the user's role does not allow is refused as such, whatever the input."""

    def test_wrong_role_comes_before_bad_input(self, in_review, published, journalist):
        later = timezone.now() - datetime.timedelta(hours=1)
        steps = [
            lambda: workflow.request_changes(in_review, journalist, ""),
            lambda: workflow.unpublish(published, journalist, ""),
            lambda: workflow.publish(in_review, journalist, at=later),
            lambda: workflow.assign_review(in_review, journalist, journalist),
            lambda: preview.share_preview(in_review, journalist, days=0),
        ]
        for step in steps:
            with pytest.raises(PermissionDenied):
                step()


class TestBylineAndFourEyes:
    def test_nobody_takes_their_own_name_off_a_byline(self, editor):
        with pytest.raises(ValidationError, match="own name off the byline"):
            permissions.check_byline_change(editor, {editor.pk, 7}, {7})

    def test_someone_else_may_take_it_off(self, editor, other_editor):
        permissions.check_byline_change(other_editor, {editor.pk, 7}, {7})

    def test_a_one_person_desk_may(self, editor, settings):
        settings.FACTCHECK_ALLOW_SELF_PUBLISH = True
        permissions.check_byline_change(editor, {editor.pk, 7}, {7})


class TestDelete:
    def test_deleting_a_draft_is_logged(self, draft, journalist):
        headline = draft.headline
        workflow.delete(draft, journalist)
        entry = TransitionLog.objects.get(headline=headline)
        assert (entry.action, entry.user, entry.factcheck) == (
            "delete",
            journalist,
            None,
        )

    def test_what_readers_saw_is_never_deleted(self, published, editor, superuser):
        for user in (editor, superuser):
            with pytest.raises(PermissionDenied):
                workflow.delete(published, user)
        assert FactCheck.objects.filter(pk=published.pk).exists()

    def test_another_journalists_draft_is_not_theirs_to_delete(
        self, draft, other_journalist
    ):
        with pytest.raises(PermissionDenied):
            workflow.delete(draft, other_journalist)
        assert not TransitionLog.objects.exists()


def test_the_log_keeps_the_names_of_who_did_what(in_review, journalist):
    with pytest.raises(ProtectedError):
        journalist.delete()
