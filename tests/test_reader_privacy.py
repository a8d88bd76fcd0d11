"""What readers tell us about themselves: seen by editors only, counted by a
keyed hash, forgotten after FACTCHECK_READER_CONTACT_DAYS."""

import datetime
import io
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from factcheck import throttle
from factcheck.models import ReaderMessage

pytestmark = pytest.mark.django_db


def tip(**fields):
    return ReaderMessage.objects.create(
        kind=ReaderMessage.Kind.TIP,
        message=fields.pop("message", "A claim to check."),
        **fields,
    )


def test_only_editors_see_who_wrote(client, journalist, editor):
    message = tip(name="Ada Reader", email="ada@example.org", may_email=True)
    url = reverse("admin:factcheck_readermessage_change", args=[message.pk])

    client.force_login(journalist)
    page = client.get(url).content.decode()
    assert "A claim to check." in page
    assert "ada@example.org" not in page and "Ada Reader" not in page

    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "ada@example.org" in page and "Ada Reader" in page


def test_client_addresses_are_counted_by_a_keyed_hash():
    factory = RequestFactory()
    one = factory.get("/", REMOTE_ADDR="203.0.113.7")
    other = factory.get("/", REMOTE_ADDR="198.51.100.9")
    assert "203.0.113.7" not in throttle.client_key(one)
    assert throttle.client_key(one) == throttle.client_key(
        factory.get("/", REMOTE_ADDR="203.0.113.7")
    )
    assert throttle.client_key(one) != throttle.client_key(other)
    with mock.patch.object(throttle, "cache") as cache:
        cache.incr.return_value = 1
        throttle.allow(one, "reader-message", 10)
    key = cache.add.call_args[0][0]
    assert "203.0.113.7" not in key and throttle.client_key(one) in key


def test_old_messages_forget_who_sent_them(settings):
    old = tip(
        message="An old claim", name="Ada", email="ada@example.org", may_email=True
    )
    recent = tip(
        message="A new claim", name="Bo", email="bo@example.org", may_email=True
    )
    ReaderMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(days=settings.FACTCHECK_READER_CONTACT_DAYS + 1)
    )
    out = io.StringIO()
    call_command("anonymise_reader_messages", stdout=out)
    assert "Anonymised 1 reader messages" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.message, old.name, old.email, old.may_email) == (
        "An old claim",
        "",
        "",
        False,
    )
    assert (recent.name, recent.email, recent.may_email) == (
        "Bo",
        "bo@example.org",
        True,
    )


def test_the_anonymising_command_refuses_a_nonsense_age():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("anonymise_reader_messages", "--days", "0")
