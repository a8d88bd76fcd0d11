"""Workflow email: who is told what, and only once the step has committed."""

import datetime

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from factcheck import notifications, workflow
from tests.factories import make_factcheck, make_user
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(mailoutbox):
    """Run ``step``, then the jobs it queued; return the messages they sent."""

    def run(step, *args, **kwargs):
        run_jobs()  # what earlier steps queued
        mailoutbox.clear()
        step(*args, **kwargs)
        run_jobs()
        return list(mailoutbox)

    return run


@pytest.fixture
def draft(journalist, other_journalist):
    return make_factcheck(authors=[journalist, other_journalist])


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def test_submitting_tells_every_editor(sent, draft, journalist, editor, other_editor):
    messages = sent(workflow.submit_for_review, draft, journalist)
    assert recipients(messages) == ["chief@example.org", "editor@example.org"]
    message = messages[0]
    assert message.subject == f"[The Fact Desk] Review requested: {draft.headline}"
    assert journalist.get_full_name() in message.body
    assert reverse("admin:factcheck_factcheck_change", args=[draft.pk]) in message.body


def test_submitting_an_assigned_review_tells_only_the_assignee(
    sent, draft, journalist, editor, other_editor
):
    workflow.submit_for_review(draft, journalist)
    due = timezone.now() + datetime.timedelta(hours=5)
    workflow.assign_review(draft, editor, other_editor, due_at=due)
    workflow.request_changes(draft, editor, "Add a source.")
    messages = sent(workflow.submit_for_review, draft, journalist)
    assert recipients(messages) == ["chief@example.org"]
    assert "assigned to you (due: " in messages[0].body


def test_assigning_tells_the_assignee(sent, draft, journalist, editor, other_editor):
    workflow.submit_for_review(draft, journalist)
    messages = sent(
        workflow.assign_review,
        draft,
        editor,
        other_editor,
        due_at=timezone.now() + datetime.timedelta(days=1),
        priority="high",
    )
    assert recipients(messages) == ["chief@example.org"]
    assert messages[0].subject.endswith(f"Review assigned to you: {draft.headline}")
    assert "(priority: high)" in messages[0].body
    assert "Due: " in messages[0].body


def test_changes_requested_gives_the_authors_the_note(sent, draft, journalist, editor):
    workflow.submit_for_review(draft, journalist)
    messages = sent(
        workflow.request_changes, draft, editor, "The second figure needs a source."
    )
    assert recipients(messages) == ["journalist@example.org", "reporter@example.org"]
    assert "The second figure needs a source." in messages[0].body
    assert messages[0].subject.endswith(f"Changes requested: {draft.headline}")


def test_publishing_tells_the_authors_where_readers_find_it(
    sent, draft, journalist, editor
):
    workflow.submit_for_review(draft, journalist)
    messages = sent(workflow.publish, draft, editor)
    assert recipients(messages) == ["journalist@example.org", "reporter@example.org"]
    assert messages[0].subject.endswith(f"Published: {draft.headline}")
    assert draft.get_absolute_url() in messages[0].body


def test_scheduling_tells_the_authors_when(sent, draft, journalist, editor):
    workflow.submit_for_review(draft, journalist)
    messages = sent(
        workflow.publish,
        draft,
        editor,
        at=timezone.now() + datetime.timedelta(days=2),
    )
    assert messages[0].subject.endswith(f"Scheduled: {draft.headline}")
    assert "from then on readers see it" in messages[0].body


def test_unpublishing_gives_the_authors_the_reason(sent, draft, journalist, editor):
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    messages = sent(workflow.unpublish, draft, editor, "Legal hold.", retract=True)
    assert recipients(messages) == ["journalist@example.org", "reporter@example.org"]
    assert "Legal hold." in messages[0].body
    assert "(now retracted)" in messages[0].body


def test_nobody_is_emailed_about_their_own_step(sent, editor, other_editor):
    own = make_factcheck(authors=[editor])
    messages = sent(workflow.submit_for_review, own, editor)
    assert recipients(messages) == ["chief@example.org"]


def test_people_without_an_address_are_skipped(sent, draft, journalist, editor):
    make_user("Editors", username="no-mail", email="")
    messages = sent(workflow.submit_for_review, draft, journalist)
    assert recipients(messages) == ["editor@example.org"]


def test_a_step_that_rolls_back_queues_nothing(draft, journalist, editor, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.submit_for_review(draft, journalist)
        assert DBTaskResult.objects.count() == 1  # queued with the step...
        raise RuntimeError("something later in the request failed")
    assert not DBTaskResult.objects.exists()  # ...and gone with it
    assert (run_jobs(), mailoutbox) == (0, [])


def test_a_refused_step_queues_nothing(draft, editor, mailoutbox):
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.publish(draft, editor)
    assert (run_jobs(), mailoutbox) == (0, [])


def test_muted_steps_send_nothing(sent, draft, journalist, editor):
    def quietly():
        with notifications.muted():
            workflow.submit_for_review(draft, journalist)

    assert sent(quietly) == []
