"""Policy texts in versions: each edit a new dated version, the old ones kept
readable, editors only, and nothing saved from bad input."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from factcheck import policies
from factcheck.models import Page, PolicyText, PolicyVersion
from tests.adminforms import form_data, shown_messages

pytestmark = pytest.mark.django_db

METHODOLOGY = reverse("factcheck:methodology")


def methodology():
    return PolicyText.objects.get(kind=PolicyText.Kind.METHODOLOGY)


def change_url(policy):
    return reverse("admin:factcheck_policytext_change", args=[policy.pk])


def test_the_standing_pages_became_version_one_of_their_texts():
    """Migration 0019: the pages 0005 installed, moved with their text and date."""
    assert not Page.objects.filter(slug__in=["methodology", "corrections-policy"])
    first = methodology().current_version()
    assert first.number == 1
    assert "Choosing claims" in first.body
    corrections = PolicyText.objects.get(kind=PolicyText.Kind.CORRECTIONS)
    assert "How corrections appear" in corrections.current_version().body
    assert PolicyText.objects.get(kind="ownership").current_version() is None


def test_old_addresses_of_the_standing_pages_redirect(client):
    assert client.get("/pages/methodology/").url == METHODOLOGY
    assert client.get("/pages/corrections-policy/").url == "/corrections-policy/"


def test_an_edit_adds_a_version_and_the_old_one_stays_at_its_address(client, editor):
    policy = methodology()
    old = policy.current_version()
    PolicyVersion.objects.filter(pk=old.pk).update(
        created_at=datetime.datetime(2026, 3, 3, 12, tzinfo=datetime.UTC)
    )
    new = policies.add_version(
        policy=policy,
        body="<h2>How we pick</h2><p>Reach and harm.</p>",
        note="Shorter.",
        user=editor,
    )

    current = client.get(METHODOLOGY).content.decode()
    assert new.number == 2
    assert "Reach and harm." in current and "Choosing claims" not in current
    assert f'Version of <time datetime="{new.created_at:%Y-%m-%d}' in current
    assert 'href="/methodology/versions/1/"' in current
    assert "Shorter." in current

    response = client.get(reverse("factcheck:methodology-version", args=[1]))
    earlier = response.content.decode()
    assert response.status_code == 200
    assert "Choosing claims" in earlier and "Reach and harm." not in earlier
    assert "3 March 2026" in earlier
    assert "This is an earlier version" in earlier
    assert (
        f'<link rel="canonical" href="http://testserver{old.get_absolute_url()}">'
        in (earlier)
    )
    assert client.get("/methodology/versions/3/").status_code == 404


def test_a_policy_without_a_version_is_not_found(client):
    PolicyVersion.objects.filter(policy=methodology()).delete()
    assert client.get(METHODOLOGY).status_code == 404


def test_only_editors_add_versions(journalist, editor):
    with pytest.raises(PermissionDenied):
        policies.add_version(
            policy=methodology(), body="<p>Mine.</p>", note="x", user=journalist
        )
    assert methodology().versions.count() == 1


@pytest.mark.parametrize(
    ("body", "note", "field", "message"),
    [
        ("<p> </p>", "Emptied.", "body", "Write the text readers will read."),
        ("", "Emptied.", "body", "Write the text readers will read."),
        ("<p>New.</p>", "", "note", "This field cannot be blank."),
    ],
)
def test_an_empty_text_or_note_is_refused_and_saves_nothing(
    editor, body, note, field, message
):
    with pytest.raises(ValidationError) as refused:
        policies.add_version(policy=methodology(), body=body, note=note, user=editor)
    assert refused.value.message_dict[field] == [message]
    assert methodology().versions.count() == 1


def test_the_same_text_again_is_not_a_new_version(editor):
    current = methodology().current_version()
    with pytest.raises(ValidationError, match="same as the current version"):
        policies.add_version(
            policy=methodology(), body=current.body, note="Again.", user=editor
        )


def test_versions_are_numbered_per_text(editor):
    ownership = PolicyText.objects.get(kind="ownership")
    version = policies.add_version(
        policy=ownership, body="<p>Owned by staff.</p>", note="First.", user=editor
    )
    assert version.number == 1
    assert version.get_absolute_url() == "/funding/ownership/versions/1/"


def test_editors_edit_a_text_in_the_admin_by_adding_a_version(client, editor):
    client.force_login(editor)
    policy = methodology()
    page = client.get(change_url(policy))
    data = form_data(page)
    assert "Choosing claims" in data["body"]  # the editor starts from the current text
    data.update(body="<p>Our new method.</p>", note="Rewritten from scratch.")
    response = client.post(change_url(policy), data, follow=True)

    assert "Version 2 is now the one readers see." in shown_messages(response)
    assert [v.number for v in policy.versions.all()] == [2, 1]
    latest = policy.current_version()
    assert latest.created_by == editor
    assert latest.body == "<p>Our new method.</p>"


def test_the_admin_refuses_an_empty_text_with_a_message(client, editor):
    client.force_login(editor)
    policy = methodology()
    data = form_data(client.get(change_url(policy)))
    data.update(body="<p></p>", note="Oops.")
    response = client.post(change_url(policy), data)
    assert response.status_code == 200
    assert "Write the text readers will read." in response.content.decode()
    assert policy.versions.count() == 1


def test_journalists_read_policies_in_the_admin_but_cannot_change_them(
    client, journalist
):
    client.force_login(journalist)
    policy = methodology()
    page = client.get(change_url(policy))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert "Choosing claims" in page.content.decode()
    response = client.post(change_url(policy), {"body": "<p>x</p>", "note": "x"})
    assert response.status_code == 403
    assert policy.versions.count() == 1


def test_nobody_adds_deletes_or_rewrites_versions_in_the_admin(client, superuser):
    client.force_login(superuser)
    policy = methodology()
    assert client.get(reverse("admin:factcheck_policytext_add")).status_code == 403
    delete = reverse("admin:factcheck_policytext_delete", args=[policy.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    page = client.get(change_url(policy))
    inline = page.context["inline_admin_formsets"][0]
    assert inline.has_change_permission is False
    assert inline.has_delete_permission is False
    assert policy.versions.count() == 1


def test_policy_pages_cost_a_few_queries(client, editor, django_assert_max_num_queries):
    for number in range(2, 6):
        policies.add_version(
            policy=methodology(),
            body=f"<p>Version {number}.</p>",
            note=f"Change {number}.",
            user=editor,
        )
    for url in [METHODOLOGY, "/methodology/versions/2/", "/corrections-policy/"]:
        with django_assert_max_num_queries(3):
            assert client.get(url).status_code == 200


def test_an_old_version_keeps_its_date(client, editor):
    policy = methodology()
    when = timezone.now() - datetime.timedelta(days=400)
    PolicyVersion.objects.filter(policy=policy).update(created_at=when)
    policies.add_version(policy=policy, body="<p>New.</p>", note="New.", user=editor)
    content = client.get("/methodology/versions/1/").content.decode()
    assert f'Version of <time datetime="{when:%Y-%m-%d}' in content
