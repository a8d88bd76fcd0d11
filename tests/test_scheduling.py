"""Scheduled publication: invisible until its time, frozen as approved, unscheduled not retracted."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from factcheck import permissions, workflow
from factcheck.models import (
    FactCheck,
    Status,
)
from tests.records import state_of

Action = workflow.Action

pytestmark = pytest.mark.django_db


class TestScheduledVisibility:
    def test_invisible_one_second_before_and_visible_one_second_after(
        self, in_review, editor
    ):
        at = timezone.now() + datetime.timedelta(hours=1)
        workflow.publish(in_review, editor, at=at)
        second = datetime.timedelta(seconds=1)
        with mock.patch("django.utils.timezone.now", return_value=at - second):
            assert in_review not in FactCheck.objects.published()
            assert in_review in FactCheck.objects.scheduled()
            assert FactCheck.objects.get(pk=in_review.pk).is_published is False
        with mock.patch("django.utils.timezone.now", return_value=at + second):
            assert in_review in FactCheck.objects.published()
            assert in_review not in FactCheck.objects.scheduled()
            assert FactCheck.objects.get(pk=in_review.pk).is_published is True

    def test_a_time_in_the_past_is_refused(self, in_review, editor):
        before = state_of(in_review)
        with pytest.raises(workflow.TransitionNotAllowed, match="has passed"):
            workflow.publish(
                in_review, editor, at=timezone.now() - datetime.timedelta(minutes=1)
            )
        assert state_of(in_review) == before


class TestScheduledArticlesAreFrozen:
    def test_nobody_edits_a_scheduled_article_in_place(
        self, in_review, editor, other_editor, journalist, superuser
    ):
        workflow.publish(in_review, editor, at=timezone.now() + datetime.timedelta(1))
        for user in (editor, other_editor, journalist, superuser):
            assert permissions.can_edit(user, in_review) is False

    def test_taking_it_off_the_schedule_reopens_it_for_review(
        self, in_review, editor, journalist
    ):
        workflow.publish(in_review, editor, at=timezone.now() + datetime.timedelta(1))
        workflow.unpublish(in_review, editor, "The minister has replied; add it.")
        assert in_review.status == Status.DRAFT
        assert permissions.can_edit(journalist, in_review) is True


class TestScheduledArticlesNobodyHasSeen:
    @pytest.fixture
    def scheduled(self, in_review, editor):
        later = timezone.now() + datetime.timedelta(days=1)
        return workflow.publish(in_review, editor, at=later)

    def test_they_are_unscheduled_not_retracted(self, scheduled, editor):
        with pytest.raises(workflow.TransitionNotAllowed, match="readers have seen"):
            workflow.unpublish(scheduled, editor, "Legal says no.", retract=True)
        assert FactCheck.objects.get(pk=scheduled.pk).is_scheduled is True

    def test_unscheduling_leaves_no_publication_dates(
        self, scheduled, editor, journalist
    ):
        workflow.unpublish(scheduled, editor, "The minister has replied.")
        row = FactCheck.objects.get(pk=scheduled.pk)
        assert (row.status, row.published_at, row.first_published_at) == (
            Status.DRAFT,
            None,
            None,
        )
        assert permissions.can_delete(journalist, row) is True
        assert permissions.can_correct(editor, row) is False

    def test_nobody_corrects_what_readers_have_not_seen(self, scheduled, editor):
        assert permissions.can_correct(editor, scheduled) is False
