"""Funders, the team listing and the scale's history in the admin: editors keep
them, journalists may look, bad input saves nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from factcheck.models import AuthorProfile, Funder, RatingChange
from tests.adminforms import form_data
from tests.factories import AuthorProfileFactory, rating

pytestmark = pytest.mark.django_db

FUNDER_ADD = reverse("admin:factcheck_funder_add")
FUNDER = {
    "name": "Open Society Grant",
    "kind": "grant",
    "amount_band": "10k-50k",
    "year_from": "2024",
    "year_to": "2026",
    "url": "",
    "public_note": "",
}


def codenames(group, *models):
    return set(
        Group.objects.get(name=group)
        .permissions.filter(content_type__model__in=models)
        .values_list("codename", flat=True)
    )


def test_editors_keep_funders_and_policies_and_journalists_may_look():
    models = ["funder", "policytext", "policyversion", "ratingchange"]
    assert codenames("Editors", *models) == {
        "add_funder",
        "change_funder",
        "delete_funder",
        "view_funder",
        "view_policytext",
        "change_policytext",
        "view_policyversion",
        "add_policyversion",
        "view_ratingchange",
    }
    assert codenames("Journalists", *models) == {
        "view_funder",
        "view_policytext",
        "view_policyversion",
    }


def test_editors_add_funders(as_editor):
    assert as_editor.post(FUNDER_ADD, FUNDER).status_code == 302
    assert Funder.objects.get().name == "Open Society Grant"


def test_journalists_cannot_add_or_change_funders(as_journalist):
    assert as_journalist.post(FUNDER_ADD, FUNDER).status_code == 403
    funder = Funder.objects.create(name="Kept", kind="grant", year_from=2024)
    change = reverse("admin:factcheck_funder_change", args=[funder.pk])
    assert as_journalist.get(change).context["has_change_permission"] is False
    response = as_journalist.post(change, {**FUNDER, "name": "Renamed"})
    assert response.status_code == 403
    assert Funder.objects.get().name == "Kept"


def test_reversed_years_are_refused_with_a_message_and_save_nothing(as_editor):
    response = as_editor.post(FUNDER_ADD, {**FUNDER, "year_to": "2020"})
    assert response.status_code == 200
    assert "The last year of support cannot come before the first." in (
        response.content.decode()
    )
    assert not Funder.objects.exists()


def test_a_link_that_is_not_a_web_address_is_refused(as_editor):
    response = as_editor.post(FUNDER_ADD, {**FUNDER, "url": "javascript:alert(1)"})
    assert response.status_code == 200
    assert not Funder.objects.exists()


def test_only_editors_decide_who_is_on_the_team_page(client, journalist, editor):
    profile = AuthorProfileFactory(user=journalist)
    url = reverse("admin:factcheck_authorprofile_change", args=[profile.pk])
    client.force_login(journalist)
    data = form_data(client.get(url))
    assert "team_listing" not in data  # read-only for the journalist
    client.post(url, {**data, "team_listing": "always"})
    profile.refresh_from_db()
    assert profile.team_listing == AuthorProfile.TeamListing.CREDITED

    client.force_login(editor)
    data = form_data(client.get(url))
    assert client.post(url, {**data, "team_listing": "never"}).status_code == 302
    profile.refresh_from_db()
    assert profile.team_listing == AuthorProfile.TeamListing.NEVER


def test_the_scales_history_is_read_only_for_everyone(client, superuser, editor):
    false = rating("false")
    false.meaning = "Wrong."
    false.save()
    change = RatingChange.objects.get()
    client.force_login(editor)
    assert (
        client.get(reverse("admin:factcheck_ratingchange_changelist")).status_code
        == 200
    )
    client.force_login(superuser)
    url = reverse("admin:factcheck_ratingchange_change", args=[change.pk])
    assert client.post(url, {"label": "Rewritten"}).status_code == 403
    delete = reverse("admin:factcheck_ratingchange_delete", args=[change.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert RatingChange.objects.get().label == "False"
