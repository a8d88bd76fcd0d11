"""Who else has a fact-check open (factcheck.presence) and the form's warning
when someone saves it: the polling endpoint, its permissions and bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import editing, presence
from factcheck.models import EditingSession, FactCheck
from tests.factories import AuthorProfileFactory, make_factcheck, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(journalist):
    return make_factcheck(authors=[journalist])


def poll(client, factcheck, **data):
    url = reverse("admin:factcheck_factcheck_presence", args=[factcheck.pk])
    return client.post(url, {"version": factcheck.lock_version, **data})


def test_the_others_with_it_open_are_named_but_not_yourself(
    client, draft, journalist, editor
):
    AuthorProfileFactory(user=editor, display_name="Dana Editor")
    presence.here(draft, editor, editing=True)
    client.force_login(journalist)

    answer = poll(client, draft).json()

    assert answer["others"] == [{"name": "Dana Editor", "editing": True}]
    assert answer["saved"] is None
    assert EditingSession.objects.filter(factcheck=draft, user=journalist).exists()


def test_a_session_that_stopped_calling_ages_out(client, draft, journalist, editor):
    presence.here(draft, editor)
    long_ago = timezone.now() - datetime.timedelta(
        seconds=presence.poll_seconds() * presence.GRACE + 1
    )
    EditingSession.objects.filter(user=editor).update(seen_at=long_ago)
    client.force_login(journalist)
    assert poll(client, draft).json()["others"] == []


def test_leaving_ends_the_session(client, draft, journalist):
    client.force_login(journalist)
    poll(client, draft)
    assert poll(client, draft, leaving="1").json() == {"left": True}
    assert not EditingSession.objects.filter(factcheck=draft).exists()


def test_a_save_since_the_form_opened_is_reported(client, draft, journalist, editor):
    AuthorProfileFactory(user=editor, display_name="Dana Editor")
    opened_on = draft.lock_version
    theirs = FactCheck.objects.get(pk=draft.pk)
    theirs.headline = "Theirs"
    editing.save_edit(factcheck=theirs, user=editor, version=opened_on)
    client.force_login(journalist)

    url = reverse("admin:factcheck_factcheck_presence", args=[draft.pk])
    answer = client.post(url, {"version": opened_on}).json()

    assert answer["saved"]["by"] == "Dana Editor"
    assert answer["saved"]["mine"] is False
    assert answer["version"] == opened_on + 1


def test_bad_input_is_refused_and_records_nothing(client, draft, journalist):
    client.force_login(journalist)
    url = reverse("admin:factcheck_factcheck_presence", args=[draft.pk])
    for data in ({}, {"version": "yesterday"}):
        response = client.post(url, data)
        assert response.status_code == 400
        assert "version" in response.json()["error"]
    assert client.get(url).status_code == 405
    assert not EditingSession.objects.exists()


def test_only_those_who_may_see_the_article_are_told(client, draft):
    outsider = make_user(is_staff=True)  # staff, but in no group of the desk
    client.force_login(outsider)
    assert poll(client, draft).status_code == 403
    client.logout()
    assert poll(client, draft).status_code == 302  # to sign in
    assert not EditingSession.objects.exists()


def test_the_change_form_carries_the_presence_line(client, draft, journalist):
    client.force_login(journalist)
    page = client.get(reverse("admin:factcheck_factcheck_change", args=[draft.pk]))
    content = page.content.decode()
    assert 'class="presence"' in content and "data-poll-seconds" in content
    assert "js/admin_presence" in content
    add = client.get(reverse("admin:factcheck_factcheck_add")).content.decode()
    assert 'class="presence"' not in add  # nobody else can have a new one open


def test_a_poll_costs_a_fixed_number_of_queries(
    client, draft, journalist, django_assert_max_num_queries
):
    presence.here(draft, make_user("Editors"), editing=True)
    client.force_login(journalist)
    poll(client, draft)
    with django_assert_max_num_queries(14) as one:
        poll(client, draft)
    for _ in range(5):
        presence.here(draft, make_user("Editors"), editing=True)
    with django_assert_max_num_queries(len(one.captured_queries)):
        poll(client, draft)
