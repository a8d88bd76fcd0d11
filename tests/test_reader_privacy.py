"""What readers tell us about themselves: seen by editors only, counted by a
keyed hash, forgotten after FACTCHECK_READER_CONTACT_DAYS."""

import datetime
import io
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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


def send_screenshot(client, upload, **data):
    return client.post(
        reverse("factcheck:suggest"),
        {"message": "This post, see the screenshot", "screenshot": upload, **data},
    )


def test_a_screenshot_is_checked_scrubbed_and_kept_out_of_public_media(
    client, png_upload, settings
):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's make
    exif[0x0110] = "Model 7, serial 0042"
    response = send_screenshot(
        client, png_upload(fmt="JPEG", name="IMG_0042 home.jpg", exif=exif)
    )
    assert response.status_code == 302
    message = ReaderMessage.objects.get()
    name = message.screenshot.name
    assert name.startswith("readermessage/") and name.endswith(".jpg")
    assert "IMG_0042" not in name  # a random name, not the reader's
    stored = Path(settings.PRIVATE_MEDIA_ROOT, name)
    assert stored.exists()
    assert not Path(settings.MEDIA_ROOT, name).exists()  # not under MEDIA_URL
    with Image.open(stored) as image:
        assert not image.getexif()


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (
            lambda build: SimpleUploadedFile("x.png", b"<?php evil(); ?>"),
            "not a JPEG, PNG or WebP image",
        ),
        (lambda build: build(size=(3000, 3000)), "the limit is"),
    ],
)
def test_a_bad_or_oversized_screenshot_is_refused_and_nothing_is_stored(
    client, png_upload, settings, upload, error
):
    settings.FACTCHECK_MAX_SCREENSHOT_BYTES = 20_000
    kept = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))
    response = send_screenshot(client, upload(png_upload))
    assert response.status_code == 200
    assert error in " ".join(response.context["form"].errors["screenshot"])
    assert ReaderMessage.objects.count() == 0
    assert set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*")) == kept


def test_only_editors_see_the_screenshot(client, png_upload, journalist, editor):
    send_screenshot(client, png_upload())
    message = ReaderMessage.objects.get()
    page_url = reverse("admin:factcheck_readermessage_change", args=[message.pk])
    image_url = reverse("admin:factcheck_readermessage_screenshot", args=[message.pk])

    client.force_login(journalist)
    assert image_url not in client.get(page_url).content.decode()
    assert client.get(image_url).status_code == 403

    client.force_login(editor)
    assert image_url in client.get(page_url).content.decode()
    response = client.get(image_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")

    client.logout()
    assert client.get(image_url).status_code == 302  # to the sign-in page


def test_anonymising_deletes_old_screenshots(client, png_upload, settings):
    send_screenshot(client, png_upload())
    message = ReaderMessage.objects.get()
    stored = Path(settings.PRIVATE_MEDIA_ROOT, message.screenshot.name)
    ReaderMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(days=settings.FACTCHECK_READER_CONTACT_DAYS + 1)
    )
    call_command("anonymise_reader_messages", stdout=io.StringIO())
    message.refresh_from_db()
    assert message.screenshot.name == ""
    assert message.message == "This post, see the screenshot"
    assert not stored.exists()
