"""Readers suggest claims and report errors; bad input and floods change nothing."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from factcheck import reader_forms
from factcheck.models import ReaderMessage
from tests.factories import make_factcheck, make_published
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

SUGGEST = reverse("factcheck:suggest")


def report_url(factcheck):
    return reverse("factcheck:report-error", args=[factcheck.slug])


def test_the_suggestion_form_is_a_crispy_form_with_csrf(client):
    response = client.get(SUGGEST)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="reader-form"' in content
    assert "csrfmiddlewaretoken" in content
    assert 'name="message"' in content
    assert "form-control" in content  # crispy's Bootstrap 5 markup


def test_a_reader_suggests_a_claim(client):
    response = client.post(
        SUGGEST,
        {"message": "A post says tap water causes hiccups.", "url": "example.org/post"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("factcheck:thanks")
    message = ReaderMessage.objects.get()
    assert message.kind == ReaderMessage.Kind.TIP
    assert message.url == "https://example.org/post"
    assert message.factcheck is None
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"message": ""}, "message"),
        ({"message": "x" * 5001}, "message"),
        ({"message": "ok", "url": "not a link at all"}, "url"),
        ({"message": "ok", "email": "nobody"}, "email"),
        ({"message": "ok", "email": "reader@example.org"}, "may_email"),
        ({"message": "ok", "name": "n" * 121}, "name"),
        ({"message": "ok", "url": "https://example.org/" + "a" * 1000}, "url"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_stores_nothing(client, data, field):
    response = client.post(SUGGEST, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert ReaderMessage.objects.count() == 0


def test_bots_filling_the_trap_field_are_thanked_and_ignored(client):
    response = client.post(SUGGEST, {"message": "Buy pills", "website": "spam.example"})
    assert response.status_code == 302
    assert ReaderMessage.objects.count() == 0


def test_a_flood_from_one_address_is_stopped(client, settings):
    settings.FACTCHECK_READER_MESSAGES_PER_HOUR = 2
    for _ in range(2):
        assert client.post(SUGGEST, {"message": "Check this"}).status_code == 302
    response = client.post(SUGGEST, {"message": "And this"})
    assert response.status_code == 200
    assert "a lot of messages" in response.content.decode()
    assert (
        f"email us at {settings.FACTCHECK_CONTACT_EMAIL}" in response.content.decode()
    )
    assert ReaderMessage.objects.count() == 2
    other = client.post(SUGGEST, {"message": "Hi"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_an_error_report_reaches_the_editors(client, editor, journalist):
    factcheck = make_published(journalist, editor)
    run_jobs()  # the workflow's own messages
    mail.outbox.clear()
    response = client.post(
        report_url(factcheck), {"message": "The agency is misnamed in paragraph 3."}
    )
    assert response.status_code == 302
    assert mail.outbox == []  # the request does not wait for the mail server
    run_jobs()
    message = ReaderMessage.objects.get()
    assert (message.kind, message.factcheck) == (ReaderMessage.Kind.ERROR, factcheck)
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "misnamed" in mail.outbox[0].body


def test_the_article_page_links_to_the_report_form(client):
    factcheck = make_published()
    assert (
        report_url(factcheck)
        in client.get(factcheck.get_absolute_url()).content.decode()
    )


def test_no_reports_on_unpublished_articles(client, journalist):
    draft = make_factcheck(authors=[journalist])
    assert client.get(report_url(draft)).status_code == 404
    assert client.post(report_url(draft), {"message": "x"}).status_code == 404
    assert ReaderMessage.objects.count() == 0


def test_form_pages_are_never_served_from_the_page_cache(client, settings):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300
    first = client.get(SUGGEST)
    client.cookies.clear()
    second = client.get(SUGGEST)
    assert "csrftoken" in second.cookies
    assert first.context is not None and second.context is not None


@pytest.mark.parametrize("role", ["journalist", "editor"])
def test_the_desk_triages_messages_in_the_admin(client, request, role):
    user = request.getfixturevalue(role)
    tip = ReaderMessage.objects.create(kind="tip", message="Check the mayor's claim")
    client.force_login(user)
    changelist = reverse("admin:factcheck_readermessage_changelist")
    assert "Check the mayor" in client.get(changelist).content.decode()
    change = reverse("admin:factcheck_readermessage_change", args=[tip.pk])
    response = client.post(change, {"state": "in_progress", "notes": "On it"})
    assert response.status_code == 302
    tip.refresh_from_db()
    assert (tip.state, tip.handled_by, tip.message) == (
        "in_progress",
        user,
        "Check the mayor's claim",
    )
    assert client.get(reverse("admin:factcheck_readermessage_add")).status_code == 403


def test_an_email_comes_with_the_readers_consent(client):
    response = client.post(
        SUGGEST,
        {"message": "Check this", "email": "reader@example.org", "may_email": "on"},
    )
    assert response.status_code == 302
    message = ReaderMessage.objects.get()
    assert (message.email, message.may_email) == ("reader@example.org", True)


def shown_form(client, url=SUGGEST):
    """The signed time stamp of a form as a reader's browser received it."""
    return client.get(url).context["form"]["started"].value()


@pytest.fixture
def timed(settings):
    settings.FACTCHECK_MIN_FORM_SECONDS = 2


def test_a_form_sent_at_once_is_refused_and_stores_nothing(client, timed):
    started = shown_form(client)
    response = client.post(SUGGEST, {"message": "Check this", "started": started})
    assert response.status_code == 200
    assert "That was quick" in response.content.decode()
    assert ReaderMessage.objects.count() == 0


def test_a_reader_who_takes_three_seconds_gets_through(client, timed):
    started = shown_form(client)
    later = time.time() + 3
    with mock.patch.object(reader_forms.time, "time", return_value=later):
        response = client.post(SUGGEST, {"message": "Check this", "started": started})
    assert response.status_code == 302
    assert ReaderMessage.objects.count() == 1


@pytest.mark.parametrize("started", ["", "1700000000", "not:a:signature"])
def test_a_form_without_its_own_time_stamp_is_refused(client, timed, started):
    response = client.post(SUGGEST, {"message": "Check this", "started": started})
    assert response.status_code == 200
    assert "send this form again from its page" in response.content.decode()
    assert ReaderMessage.objects.count() == 0


def test_the_error_report_is_timed_too(client, timed):
    factcheck = make_published()
    started = shown_form(client, report_url(factcheck))
    response = client.post(report_url(factcheck), {"message": "x", "started": started})
    assert "That was quick" in response.content.decode()
    assert ReaderMessage.objects.count() == 0
