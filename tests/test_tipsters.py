"""Closing the loop: tipsters hear the verdict, and of each correction or re-rating, once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from factcheck import editing, notifications, permissions, tipsters, triage, workflow
from factcheck.models import (
    Correction,
    FactCheck,
    ReaderMessage,
    ReaderNotice,
    Verdict,
)
from tests.factories import (
    make_factcheck,
    make_published,
    make_user,
    publish_rerating,
    rating,
)
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def tip(email="reader@example.org", may_email=True, **kwargs):
    return ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP,
        message=kwargs.pop("message", "A post says tap water causes hiccups."),
        email=email,
        may_email=may_email,
        **kwargs,
    )


def reader_mail():
    return [m for m in mail.outbox if m.to == ["reader@example.org"]]


@pytest.fixture
def tipped_draft(journalist):
    """A draft started from a tip whose reader agreed to hear from us."""
    message = tip(name="Sam")
    draft = triage.turn_into_draft(message=message, user=journalist)
    # The journalist does the work: a claimant, a verdict, a source.
    complete = make_factcheck(authors=[journalist])
    draft.claims.all().delete()
    complete.claims.update(factcheck=draft)
    complete.sources.update(factcheck=draft)
    message.refresh_from_db()
    return draft, message


def published_and_told(tipped_draft, journalist, editor):
    """The tipped draft published, its verdict emailed, and the outbox emptied."""
    draft, _message = tipped_draft
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    run_jobs()
    mail.outbox.clear()
    return draft


def test_the_tipster_hears_the_verdict_when_it_is_published(
    tipped_draft, journalist, editor
):
    draft, message = tipped_draft
    workflow.submit_for_review(draft, journalist)
    run_jobs()
    assert reader_mail() == []  # review is the desk's business
    workflow.publish(draft, editor)
    run_jobs()

    [email] = reader_mail()
    assert "Our verdict" in email.subject
    assert draft.headline in email.subject
    assert "Hello Sam," in email.body
    assert "tap water causes hiccups" in email.body
    assert "False" in email.body  # the rating, claim by claim
    assert f"http://testserver{draft.get_absolute_url()}" in email.body
    assert ReaderNotice.objects.get().event == tipsters.VERDICT


def test_never_twice_for_the_same_event(tipped_draft, journalist, editor):
    draft, message = tipped_draft
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    run_jobs()
    # Taken off the site for rework and published again: nothing new to tell.
    workflow.unpublish(draft, editor, "Rework the sources")
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    run_jobs()
    # A job run twice (a retry) writes once.
    tipsters.tell.call(factcheck_id=draft.pk, event=tipsters.VERDICT)
    run_jobs()
    assert len(reader_mail()) == 1


def test_a_correction_is_told_once_and_clarifications_are_not(
    tipped_draft, journalist, editor
):
    draft = published_and_told(tipped_draft, journalist, editor)

    correction = editing.issue_correction(
        factcheck=draft,
        user=editor,
        kind=Correction.Kind.CORRECTION,
        text="We gave the wrong year for the study: it was 2024.",
    )
    editing.issue_correction(
        factcheck=draft,
        user=editor,
        kind=Correction.Kind.CLARIFICATION,
        text="We added which study we meant.",
    )
    editing.reword_correction(
        correction=correction,
        user=editor,
        kind=correction.kind,
        text="We gave the wrong year for the study: it was 2023.",
        issued_at=correction.issued_at,
    )
    run_jobs()
    [email] = reader_mail()
    assert "corrected" in email.subject
    assert "it was 2023" in email.body  # as worded when the job ran
    assert ReaderNotice.objects.filter(event=f"correction:{correction.pk}").exists()


def test_a_re_rating_is_told_and_an_unchanged_revision_is_not(
    tipped_draft, journalist, editor
):
    draft = published_and_told(tipped_draft, journalist, editor)

    same = workflow.start_revision(draft, journalist)
    workflow.submit_for_review(same, journalist)
    workflow.publish(same, editor, change_class="minor")
    run_jobs()
    assert reader_mail() == []

    rerated = workflow.start_revision(draft, journalist)
    Verdict.objects.filter(claim__factcheck=rerated).update(rating=rating("misleading"))
    workflow.submit_for_review(rerated, journalist)
    publish_rerating(rerated, editor, make_user("Editors", username="second"))
    run_jobs()
    [email] = reader_mail()
    assert "changed our verdict" in email.subject
    assert "Misleading" in email.body


def test_a_scheduled_fact_check_is_told_when_it_goes_out(
    tipped_draft, journalist, editor
):
    draft, message = tipped_draft
    workflow.submit_for_review(draft, journalist)
    at = timezone.now() + datetime.timedelta(hours=2)
    workflow.publish(draft, editor, at=at)
    assert run_jobs() >= 0 and reader_mail() == []  # not due yet

    job = DBTaskResult.objects.get(task_path="factcheck.tipsters.tell")
    assert job.run_after == at
    # Run early (a clock skew, a worker's bad day): not out yet, nobody told.
    DBTaskResult.objects.filter(pk=job.pk).update(run_after=timezone.now())
    run_jobs()
    assert reader_mail() == []
    assert not ReaderNotice.objects.exists()


def test_the_scheduled_verdict_is_told_once_it_is_out(tipped_draft, journalist, editor):
    draft, message = tipped_draft
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor, at=timezone.now() + datetime.timedelta(hours=2))
    # Two hours later: the article is out and the job is due.
    past = timezone.now() - datetime.timedelta(seconds=1)
    FactCheck.objects.filter(pk=draft.pk).update(published_at=past)
    DBTaskResult.objects.filter(task_path="factcheck.tipsters.tell").update(
        run_after=past
    )
    run_jobs()
    assert len(reader_mail()) == 1


def test_only_tipsters_who_agreed_and_left_an_email_hear(
    tipped_draft, journalist, editor
):
    draft, message = tipped_draft
    for other in [
        tip(email="", may_email=False),
        tip(email="nope@example.org", may_email=False),
    ]:
        triage.attach(message=other, factcheck=draft, user=journalist)
    error = ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.ERROR,
        message="A typo",
        email="reporter@example.org",
        may_email=True,
        factcheck=draft,
    )
    workflow.submit_for_review(draft, journalist)
    workflow.publish(draft, editor)
    run_jobs()
    assert [m.to for m in mail.outbox if "verdict" in m.subject] == [
        ["reader@example.org"]
    ]
    assert not ReaderNotice.objects.filter(message=error).exists()


def test_demo_loading_and_other_muted_steps_tell_nobody(
    tipped_draft, journalist, editor
):
    draft, message = tipped_draft
    with notifications.muted():
        workflow.submit_for_review(draft, journalist)
        workflow.publish(draft, editor)
    run_jobs()
    assert reader_mail() == []


def test_an_editor_answers_a_tip_with_a_published_fact_check(editor):
    factcheck = make_published(headline="Tap water and hiccups")
    message = tip()
    assert tipsters.answer(message=message, factcheck=factcheck, user=editor)
    run_jobs()

    [email] = reader_mail()
    assert "Tap water and hiccups" in email.subject
    message.refresh_from_db()
    assert message.state == ReaderMessage.State.DONE
    assert message.factcheck == factcheck
    assert message.handled_by == editor
    assert "answered with “Tap water and hiccups” by email" in message.notes
    # A second click tells nobody twice, and says so in the notes.
    assert not tipsters.answer(message=message, factcheck=factcheck, user=editor)
    run_jobs()
    assert len(reader_mail()) == 1
    # Corrected later, the tipster hears of it: the tip is linked now.
    editing.issue_correction(
        factcheck=factcheck,
        user=editor,
        kind=Correction.Kind.CORRECTION,
        text="The study was from 2023.",
    )
    run_jobs()
    assert len(reader_mail()) == 2


def test_answering_needs_an_editor_and_a_published_fact_check(journalist, editor):
    message = tip()
    factcheck = make_published()
    with pytest.raises(permissions.NotAllowed):
        tipsters.answer(message=message, factcheck=factcheck, user=journalist)
    draft = make_factcheck(authors=[journalist])
    with pytest.raises(permissions.NotAllowed):
        tipsters.answer(message=message, factcheck=draft, user=editor)
    message.refresh_from_db()
    assert (message.state, message.factcheck) == (ReaderMessage.State.NEW, None)
    assert not ReaderNotice.objects.exists()
    run_jobs()
    assert reader_mail() == []


def test_a_reader_without_consent_is_answered_without_an_email(editor):
    message = tip(email="", may_email=False)
    factcheck = make_published()
    assert not tipsters.answer(message=message, factcheck=factcheck, user=editor)
    run_jobs()
    assert [m for m in mail.outbox if "verdict" in m.subject] == []
    message.refresh_from_db()
    assert message.state == ReaderMessage.State.DONE
    assert "no email sent" in message.notes
