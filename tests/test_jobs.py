"""Background jobs: email leaves the request, survives a failing mail server,
and is retried on a schedule until it goes out or the retries run out."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from factcheck import jobs, workflow
from tests.factories import make_factcheck, make_published
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def failing_mail_server():
    server = mock.Mock()
    server.default.send_messages.side_effect = smtplib.SMTPServerDisconnected(
        "Connection unexpectedly closed"
    )
    return mock.patch.object(jobs, "mailers", server)


def test_a_reader_message_does_not_wait_for_the_mail_server(client, editor):
    factcheck = make_published()
    DBTaskResult.objects.all().delete()  # the workflow's own messages
    with failing_mail_server() as server:
        response = client.post(
            reverse("factcheck:report-error", args=[factcheck.slug]),
            {"message": "The date in the second paragraph is wrong."},
        )
    assert response.status_code == 302
    server.default.send_messages.assert_not_called()
    queued = DBTaskResult.objects.all()
    assert {job.task_path for job in queued} == {"factcheck.jobs.send_email"}
    assert editor.email in {job.args_kwargs["kwargs"]["to"] for job in queued}


def test_a_failing_mail_server_delays_the_message_and_undoes_nothing(
    draft, journalist, editor
):
    run_jobs()
    mail.outbox.clear()
    with failing_mail_server():
        workflow.submit_for_review(draft, journalist)
        assert run_jobs() == 1

    draft.refresh_from_db()
    assert draft.status == "review"
    failed = DBTaskResult.objects.failed().get()
    assert "SMTPServerDisconnected" in failed.exception_class_path
    retry = DBTaskResult.objects.exclude(pk=failed.pk).get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
    assert run_jobs() == 0  # not before its time
    assert mail.outbox == []

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    assert run_jobs() == 1

    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert DBTaskResult.objects.successful().count() == 1


def test_retries_back_off_and_then_stop(journalist, editor):
    delays = []
    with failing_mail_server() as server:
        jobs.send_email.enqueue(to=editor.email, subject="Hello", body="Body")
        while run_jobs():
            for retry in DBTaskResult.objects.filter(status="READY"):
                delays.append(round((retry.run_after - timezone.now()).total_seconds()))
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())

    attempts = len(jobs.RETRY_DELAYS) + 1
    assert server.default.send_messages.call_count == attempts
    assert DBTaskResult.objects.failed().count() == attempts
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert delays == list(jobs.RETRY_DELAYS)


def test_each_recipient_is_a_job_of_their_own(journalist, editor, other_editor):
    workflow.submit_for_review(make_factcheck(authors=[journalist]), journalist)
    recipients = sorted(
        job.args_kwargs["kwargs"]["to"] for job in DBTaskResult.objects.all()
    )
    assert recipients == sorted([editor.email, other_editor.email])
