"""A journalist takes a submission back; the review clock counts from the first one."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from factcheck import permissions, workflow
from factcheck.models import FactCheck, Status, TransitionLog
from factcheck.transitions import TransitionNotAllowed
from tests.adminforms import change_url
from tests.factories import make_factcheck
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def test_an_author_withdraws_a_submission_back_to_draft(in_review, journalist, editor):
    workflow.assign_review(in_review, editor, editor)
    run_jobs()
    mail.outbox.clear()
    workflow.withdraw_submission(in_review, journalist, "I spotted a wrong date.")
    in_review.refresh_from_db()
    assert in_review.status == Status.DRAFT
    entry = in_review.transitions.latest("pk")
    assert (entry.action, entry.user, entry.from_status, entry.to_status) == (
        TransitionLog.Action.WITHDRAW,
        journalist,
        Status.REVIEW,
        Status.DRAFT,
    )
    assert entry.note == "I spotted a wrong date."
    run_jobs()
    [message] = mail.outbox
    assert message.to == [editor.email]  # the assigned reviewer
    assert "Withdrawn from review" in message.subject
    assert "wrong date" in message.body


def test_only_its_authors_withdraw_and_only_from_review(
    in_review, draft, journalist, other_journalist, editor
):
    for user in (other_journalist, editor):
        with pytest.raises(permissions.NotAllowed):
            workflow.withdraw_submission(in_review, user)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW
    fresh = make_factcheck(authors=[journalist])
    with pytest.raises(TransitionNotAllowed):
        workflow.withdraw_submission(fresh, journalist)


def test_the_panel_offers_withdrawal_to_the_author(as_journalist, in_review):
    page = as_journalist.get(change_url(in_review)).content.decode()
    url = reverse("admin:factcheck_factcheck_workflow", args=[in_review.pk, "withdraw"])
    assert f'action="{url}"' in page
    response = as_journalist.post(url, {"note": ""}, follow=True)
    assert "Withdrawn: it is a draft again." in response.content.decode()
    assert FactCheck.objects.get(pk=in_review.pk).status == Status.DRAFT


def test_the_review_clock_counts_from_the_first_submission(
    draft, journalist, editor, client
):
    workflow.submit_for_review(draft, journalist)
    first = FactCheck.objects.get(pk=draft.pk).first_submitted_at
    earlier = first - datetime.timedelta(days=2)
    FactCheck.objects.filter(pk=draft.pk).update(first_submitted_at=earlier)
    workflow.request_changes(draft, editor, "Add a second source.")
    workflow.submit_for_review(draft, journalist)
    workflow.withdraw_submission(draft, journalist)
    workflow.submit_for_review(draft, journalist)
    draft.refresh_from_db()
    assert draft.first_submitted_at == earlier
    assert draft.submitted_at > timezone.now() - datetime.timedelta(minutes=1)
    assert draft.review_rounds == 3

    client.force_login(editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "2\xa0days" in dashboard and "(round 3)" in dashboard
    panel = client.get(change_url(draft)).content.decode()
    assert "since it was first submitted; round 3" in panel
