"""Two-factor sign-in: optional for staff, required per group by an editor."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factcheck.models import SignInRule

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


def code(device, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=offset):06d}"


def authenticator(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def sign_in(client, user, token=""):
    return client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": token}
    )


def require_for_editors():
    SignInRule.objects.filter(group__name="Editors").update(two_factor_required=True)


def test_staff_without_an_authenticator_sign_in_with_a_password(client, journalist):
    assert sign_in(client, journalist)["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_with_an_authenticator_the_password_alone_is_not_enough(client, journalist):
    device = authenticator(journalist)
    response = sign_in(client, journalist)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Please enter your OTP token" in response.content.decode()

    assert sign_in(client, journalist, "000000").status_code == 200
    assert "_auth_user_id" not in client.session
    # Guessing is slowed down: straight after a wrong code even the right one waits.
    refused = sign_in(client, journalist, code(device))
    assert "Verification temporarily disabled" in refused.content.decode()

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    assert sign_in(client, journalist, code(device))["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_editor_requires_it_for_the_editors(client, editor, journalist):
    client.force_login(editor)
    rules = reverse("admin:factcheck_signinrule_changelist")
    page = client.get(rules).content.decode()
    assert "Editors" in page and "Journalists" in page
    rule = SignInRule.objects.get(group__name="Editors")
    response = client.post(
        reverse("admin:factcheck_signinrule_change", args=[rule.pk]),
        {"two_factor_required": "on"},
    )
    assert response.status_code == 302
    assert SignInRule.objects.get(pk=rule.pk).two_factor_required

    client.force_login(journalist)
    assert client.get(rules).status_code == 403


def test_a_required_member_sets_up_an_authenticator_before_anything_else(
    client, editor, published
):
    require_for_editors()
    assert sign_in(client, editor)["Location"] == "/admin/"
    for url in ["/admin/", reverse("admin:factcheck_factcheck_changelist")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:two_factor")

    setup = client.get(reverse("admin:two_factor")).content.decode()
    assert "<svg" in setup
    secret = re.search(r'<code class="two-factor__secret">([A-Z2-7 ]+)</code>', setup)[
        1
    ]
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    wrong = client.post(reverse("admin:two_factor"), {"token": "123456"})
    assert "That code did not match" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    throttled = client.post(reverse("admin:two_factor"), {"token": code(device)})
    assert "Too many wrong codes" in throttled.content.decode()

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(reverse("admin:two_factor"), {"token": code(device)})
    assert done["Location"] == reverse("admin:index")
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200
    # The key the phone is given is the device's; shown only while setting up.
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode()
    assert (
        "two-factor__secret"
        not in client.get(reverse("admin:two_factor")).content.decode()
    )

    # Next time: password and code (a new one: a code works once).
    client.logout()
    assert sign_in(client, editor).status_code == 200
    assert sign_in(client, editor, code(device, offset=1))["Location"] == "/admin/"


def test_the_rule_leaves_other_groups_and_readers_alone(client, journalist, published):
    require_for_editors()
    sign_in(client, journalist)
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.get(published.get_absolute_url()).status_code == 200


def test_an_editor_removes_a_lost_authenticator(client, editor, journalist):
    device = authenticator(journalist)
    client.force_login(editor)
    response = client.post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    client.logout()
    assert sign_in(client, journalist)["Location"] == "/admin/"
