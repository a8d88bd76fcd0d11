"""The admin's directories and records: the rating scale, profiles, claimants and experts, the workflow log."""

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import (
    AuthorProfile,
    Rating,
    TransitionLog,
)
from tests.adminforms import DOOR_QUERIES, form_data
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:factcheck_factcheck_add")


def test_journalists_cannot_change_the_rating_scale(as_journalist):
    url = reverse("admin:factcheck_rating_add")
    data = {
        "label": "Pants on fire",
        "slug": "pants",
        "colour": "#ff0000",
        "meaning": "x",
    }
    assert as_journalist.post(url, data).status_code == 403
    assert not Rating.objects.filter(slug="pants").exists()


def test_editors_can_change_the_rating_scale(as_editor):
    url = reverse("admin:factcheck_rating_add")
    data = {
        "label": "Pants on fire",
        "slug": "pants",
        "value": 0,
        "colour": "#ff0000",
        "meaning": "x",
    }
    assert as_editor.post(url, data).status_code == 302
    assert Rating.objects.filter(slug="pants").exists()


def test_nobody_edits_or_deletes_the_workflow_log(client, superuser, journalist):
    factcheck = make_factcheck(authors=[journalist])
    entry = TransitionLog.objects.create(
        factcheck=factcheck,
        headline="x",
        action="submit",
        from_status="draft",
        to_status="review",
    )
    client.force_login(superuser)
    change = reverse("admin:factcheck_transitionlog_change", args=[entry.pk])
    delete = reverse("admin:factcheck_transitionlog_delete", args=[entry.pk])
    assert client.get(change).context["has_change_permission"] is False
    assert client.post(change, {"note": "rewritten"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.note == ""


# The workflow panel, its buttons and the live checklist.


def test_editors_filter_the_workflow_log_by_article(
    client, editor, journalist, in_review, django_assert_max_num_queries
):
    other = make_factcheck(authors=[journalist])
    workflow.submit_for_review(other, journalist)
    client.force_login(editor)
    url = reverse("admin:factcheck_transitionlog_changelist")
    with django_assert_max_num_queries(12 + DOOR_QUERIES):
        response = client.get(url, {"factcheck__id__exact": in_review.pk})
    assert [entry.factcheck for entry in response.context["cl"].result_list] == [
        in_review
    ]
    assert client.get(url, {"action": "submit"}).status_code == 200

    client.force_login(journalist)
    assert client.get(url).status_code == 403


def test_a_profile_stays_with_its_person(as_journalist, journalist, editor):
    profile = AuthorProfile.objects.create(
        user=journalist, display_name="Jo Writer", slug="jo-writer"
    )
    url = reverse("admin:factcheck_authorprofile_change", args=[profile.pk])
    data = form_data(as_journalist.get(url))
    assert "user" not in data
    data["user"] = editor.pk
    as_journalist.post(url, data)
    assert AuthorProfile.objects.get(pk=profile.pk).user == journalist


def test_records_readers_see_are_changed_by_editors_only(
    client, journalist, editor, in_review, other_editor
):
    draft = make_factcheck(authors=[journalist])
    unseen = draft.claims.get().claimant
    workflow.publish(in_review, other_editor)
    shown = in_review.claims.get().claimant

    def can_change(user, claimant):
        client.force_login(user)
        url = reverse("admin:factcheck_claimant_change", args=[claimant.pk])
        return client.get(url).context["has_change_permission"]

    assert can_change(journalist, unseen) is True
    assert can_change(journalist, shown) is False
    assert can_change(editor, shown) is True
