"""The admin door: guessing is throttled per account and per address, an
editor can lift a lock, sessions end when idle, passwords must be strong."""

import datetime
import time
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from newsroom import sessions
from tests.factories import make_user

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(client, username, times, address="203.0.113.7"):
    for _ in range(times):
        response = sign_in(client, username, "wrong guess", address)
        assert response.status_code in (200, 429)
    return response


@pytest.mark.django_db
def test_the_right_password_is_refused_after_repeated_guesses(client, journalist):
    last = fail(client, journalist.username, settings.AXES_FAILURE_LIMIT)
    assert last.status_code == 429

    response = sign_in(client, journalist.username, PASSWORD)

    assert response.status_code == 429
    body = response.content.decode()
    assert "Signing in is paused after 5 failed attempts" in body
    assert "Try again in 15 minutes" in body
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_account_stays_locked_from_another_address(client, journalist):
    fail(client, journalist.username, settings.AXES_FAILURE_LIMIT, "203.0.113.7")
    response = sign_in(client, journalist.username, PASSWORD, "198.51.100.9")
    assert response.status_code == 429


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_locked_out(client, journalist):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone-{number}", "wrong guess", "203.0.113.7")
    assert (
        sign_in(client, journalist.username, PASSWORD, "203.0.113.7").status_code == 429
    )
    # Someone else, elsewhere, still gets in.
    assert signed_in(sign_in(client, journalist.username, PASSWORD, "198.51.100.9"))


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_do_not_lock_and_success_resets(
    client, journalist
):
    fail(client, journalist.username, settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(client, journalist.username, PASSWORD))
    client.logout()
    fail(client, journalist.username, settings.AXES_FAILURE_LIMIT - 1)
    assert signed_in(sign_in(client, journalist.username, PASSWORD))


@pytest.mark.django_db
def test_the_lock_lifts_after_the_cool_off(client, journalist):
    fail(client, journalist.username, settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1)
    )
    assert signed_in(sign_in(client, journalist.username, PASSWORD))


@pytest.mark.django_db
def test_an_editor_unlocks_an_account(client, journalist, editor):
    fail(client, journalist.username, settings.AXES_FAILURE_LIMIT)
    attempts = reverse("admin:axes_accessattempt_changelist")
    client.force_login(editor)
    listing = client.get(attempts)
    assert listing.status_code == 200
    assert journalist.username in listing.content.decode()
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = client.post(
        attempts,
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert response.status_code == 302
    client.logout()

    assert signed_in(sign_in(client, journalist.username, PASSWORD))


@pytest.mark.django_db
def test_a_journalist_cannot_see_or_lift_locks(client, journalist):
    client.force_login(journalist)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 403


@pytest.mark.django_db
def test_each_request_renews_the_session_and_an_idle_one_ends(client, journalist):
    response = sign_in(client, journalist.username, PASSWORD)
    assert signed_in(response)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    # Renewed at most once a minute: no write for the next request...
    again = client.get("/admin/")
    assert again.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in again.cookies
    # ...but again once a minute has passed.
    later = time.time() + sessions.RENEW_SECONDS
    with mock.patch.object(sessions.time, "time", return_value=later):
        renewed = client.get("/admin/")
    assert renewed.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == (
        settings.SESSION_COOKIE_AGE
    )

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_readers_get_no_session_cookie(client, published):
    response = client.get(published.get_absolute_url())
    assert settings.SESSION_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1!", "This password is too short"),
        ("password1234", "This password is too common"),
        ("384729105563", "This password is entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_for_new_staff(client, password, message):
    client.force_login(make_user(is_superuser=True))
    response = client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "password1": password,
            "password2": password,
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()
