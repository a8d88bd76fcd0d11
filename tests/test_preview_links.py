"""Previews: authors and editors see any state; outsiders get a signed, expiring link."""

import datetime
import re
from html import unescape
from unittest import mock

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from factcheck import permissions, preview, workflow
from factcheck.models import TransitionLog
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(journalist):
    return make_factcheck(authors=[journalist], headline="A draft nobody may read")


def preview_url(factcheck, days):
    token = preview.make_token(factcheck, days)
    return reverse("factcheck:preview", kwargs={"token": token})


def link_url(factcheck):
    return reverse("admin:factcheck_factcheck_preview_link", args=[factcheck.pk])


def created_link(response):
    """The preview URL from the message the admin shows after creating it."""
    page = response.content.decode()
    return unescape(
        re.search(r'class="[^"]*preview-link[^"]*" readonly value="([^"]+)"', page)[1]
    )


def test_an_editor_creates_a_link_and_an_outsider_reads_the_draft(
    client, draft, editor
):
    client.force_login(editor)
    response = client.post(link_url(draft), {"days": "3"}, follow=True)
    url = created_link(response)
    assert url.startswith(settings.SITE_URL + "/preview/")
    assert "working until" in response.content.decode()
    client.logout()

    page = client.get(url)

    assert page.status_code == 200
    assert "A draft nobody may read" in page.content.decode()
    assert "noindex" in page["X-Robots-Tag"]


def test_the_chosen_lifetime_is_in_the_link(client, draft, editor):
    client.force_login(editor)
    url = created_link(client.post(link_url(draft), {"days": "14"}, follow=True))
    _pk, expires = preview.read_token(url.rstrip("/").rsplit("/", 1)[1])
    left = expires - timezone.now()
    assert datetime.timedelta(days=13, hours=23) < left <= datetime.timedelta(days=14)


def test_an_expired_link_is_refused(client, draft):
    long_ago = timezone.now() - datetime.timedelta(days=8)
    with mock.patch("django.utils.timezone.now", return_value=long_ago):
        url = preview_url(draft, days=7)
    assert client.get(url).status_code == 404


def test_a_link_works_until_its_last_second(client, draft):
    url = preview_url(draft, days=1)
    almost = timezone.now() + datetime.timedelta(days=1) - datetime.timedelta(seconds=5)
    with mock.patch("django.utils.timezone.now", return_value=almost):
        assert client.get(url).status_code == 200


def test_a_tampered_link_is_refused(client, draft, journalist):
    other = make_factcheck(authors=[journalist])
    token = preview.make_token(draft)
    forged = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    swapped = preview.make_token(other).split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (forged, swapped, "not-a-token"):
        url = reverse("factcheck:preview", kwargs={"token": bad})
        assert client.get(url).status_code == 404


def test_sharing_a_link_is_on_record_with_its_expiry(client, draft, editor):
    client.force_login(editor)
    client.post(link_url(draft), {"days": "3"})

    entry = TransitionLog.objects.get(factcheck=draft)
    assert entry.action == TransitionLog.Action.SHARE_PREVIEW
    assert entry.user == editor
    assert entry.from_status == entry.to_status == "draft"
    assert entry.note.startswith("Link valid until ")


def test_only_editors_create_links(client, draft, journalist):
    client.force_login(journalist)
    assert client.post(link_url(draft), {"days": "7"}).status_code == 403
    with pytest.raises(permissions.NotAllowed):
        preview.share_preview(draft, journalist)
    assert not TransitionLog.objects.exists()


def test_a_link_needs_a_lifetime_from_the_list(client, draft, editor):
    client.force_login(editor)
    response = client.post(link_url(draft), {"days": "365"}, follow=True)
    assert "Pick how long the link should work." in response.content.decode()
    assert not TransitionLog.objects.exists()


def test_creating_a_link_takes_a_post(client, draft, editor):
    client.force_login(editor)
    assert client.get(link_url(draft)).status_code == 405


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_anonymous_readers_get_404_for_anything_unpublished(
    client, draft, journalist, editor, state
):
    if state != "draft":
        workflow.submit_for_review(draft, journalist)
    if state == "scheduled":
        workflow.publish(draft, editor, at=timezone.now() + datetime.timedelta(days=1))
    if state == "unpublished":
        workflow.publish(draft, editor)
        workflow.unpublish(draft, editor, "Held for legal review.")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "A draft nobody may read" not in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status_code"),
    [("journalist", 200), ("editor", 200), ("other_journalist", 404)],
)
def test_authors_and_editors_preview_drafts_on_the_site(
    client, request, draft, role, status_code
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(draft.get_absolute_url()).status_code == status_code


def test_an_editor_revokes_every_link_made_so_far(client, draft, editor, journalist):
    before = preview_url(draft, 7)
    assert client.get(before).status_code == 200

    client.force_login(editor)
    revoke = reverse("admin:factcheck_factcheck_revoke_previews", args=[draft.pk])
    assert (
        revoke
        in client.get(
            reverse("admin:factcheck_factcheck_change", args=[draft.pk])
        ).content.decode()
    )
    assert client.get(revoke).status_code == 405
    response = client.post(revoke, follow=True)
    assert "has stopped working" in response.content.decode()
    client.logout()

    assert client.get(before).status_code == 404
    after = preview_url(draft, 7)  # a link made since works
    assert client.get(after).status_code == 200
    entry = TransitionLog.objects.filter(factcheck=draft).latest("pk")
    assert (entry.action, entry.user) == (
        TransitionLog.Action.REVOKE_PREVIEWS,
        editor,
    )


def test_only_editors_revoke_preview_links(client, draft, journalist):
    link = preview_url(draft, 7)
    with pytest.raises(permissions.NotAllowed):
        preview.revoke_previews(draft, journalist)
    client.force_login(journalist)
    revoke = reverse("admin:factcheck_factcheck_revoke_previews", args=[draft.pk])
    assert client.post(revoke).status_code == 403
    client.logout()
    assert client.get(link).status_code == 200
