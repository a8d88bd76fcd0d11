"""The change form's workflow panel: its buttons, the live checklist, bulk actions."""

import pytest
from django.urls import reverse

from factcheck import workflow
from factcheck.models import (
    FactCheck,
    RatingVote,
)
from tests.adminforms import (
    DOOR_QUERIES,
    READER_PANEL_QUERIES,
    REVIEW_COMMENTS_QUERIES,
    add_rows,
    change_url,
    checklist_url,
    form_data,
    shown_messages,
    step_url,
)
from tests.factories import make_factcheck, rating

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:factcheck_factcheck_add")


def test_the_change_form_shows_state_buttons_and_history(
    as_editor, in_review, django_assert_max_num_queries
):
    with django_assert_max_num_queries(
        30 + DOOR_QUERIES + READER_PANEL_QUERIES + REVIEW_COMMENTS_QUERIES
    ):
        response = as_editor.get(change_url(in_review))
    page = response.content.decode()
    assert 'class="status-badge"' in page
    assert "In review</span>" in page
    actions = [item["step"].action for item in response.context["workflow"]["steps"]]
    assert actions == ["assign", "request_changes", "publish"]
    for action in actions:
        assert f'action="{step_url(in_review, action)}"' in page
    assert [entry.action for entry in response.context["workflow"]["history"]] == [
        "submit"
    ]
    assert "Submitted for review" in page
    assert "This article in the workflow log" in page


def test_the_journalist_sees_the_editors_note_on_a_sent_back_draft(
    as_journalist, in_review, editor
):
    workflow.request_changes(in_review, editor, "Say when the video was posted.")
    response = as_journalist.get(change_url(in_review))
    assert response.context["workflow"]["sent_back"].note == (
        "Say when the video was posted."
    )
    page = response.content.decode()
    assert "Sent back to you by" in page
    assert "Say when the video was posted." in page
    assert [i["step"].action for i in response.context["workflow"]["steps"]] == [
        "submit"
    ]
    # Journalists do not get the log's own list, only their article's history.
    assert "This article in the workflow log" not in page


def test_an_article_in_review_is_read_only_for_its_journalist(as_journalist, in_review):
    response = as_journalist.get(change_url(in_review))
    assert response.context["has_change_permission"] is False
    # Taking it back to draft is the one step left to its author.
    steps = [item["step"].action for item in response.context["workflow"]["steps"]]
    assert steps == ["withdraw"]


def test_a_refused_step_lists_every_reason_and_changes_nothing(
    as_editor, in_review, settings
):
    settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 3
    in_review.claims.get().verdict.__class__.objects.update(summary="")
    response = as_editor.post(
        step_url(in_review, "publish"), {"at_0": "", "at_1": ""}, follow=True
    )
    label = f"Claim 1 (“{in_review.claims.get().statement}”)"
    assert shown_messages(response) == [
        f"{label} has no verdict summary.",
        f"{label} has 1 source; the house asks for at least 3.",
    ]
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"


def test_a_step_with_a_missing_note_says_so(as_editor, in_review):
    response = as_editor.post(
        step_url(in_review, "request_changes"), {"note": ""}, follow=True
    )
    assert shown_messages(response) == ["What needs to change: This field is required."]
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"


def test_an_editor_schedules_from_the_form(as_editor, in_review):
    response = as_editor.post(
        step_url(in_review, "publish"),
        {"at_0": "2099-01-02", "at_1": "09:30:00"},
        follow=True,
    )
    assert shown_messages(response) == [
        "Scheduled for Jan. 2, 2099, 9:30 a.m.: readers see it from then on."
    ]
    factcheck = FactCheck.objects.get(pk=in_review.pk)
    assert factcheck.is_scheduled is True
    assert factcheck.published_at.isoformat() == "2099-01-02T09:30:00+00:00"
    assert "Scheduled</span>" in response.content.decode()


def test_an_editor_assigns_a_review_from_the_form(as_editor, in_review, other_editor):
    response = as_editor.post(
        step_url(in_review, "assign"),
        {
            "assignee": other_editor.pk,
            "due_at_0": "2099-01-02",
            "due_at_1": "12:00:00",
            "priority": "high",
        },
        follow=True,
    )
    assert shown_messages(response) == ["Review assigned: the reviewer has been told."]
    factcheck = FactCheck.objects.get(pk=in_review.pk)
    assert (factcheck.assignee, factcheck.review_priority) == (other_editor, "high")
    assert f"Reviewer: {other_editor.get_full_name()}" in response.content.decode()


def test_the_assign_form_offers_only_editors(as_editor, in_review, journalist):
    response = as_editor.get(change_url(in_review))
    form = next(
        item["form"]
        for item in response.context["workflow"]["steps"]
        if item["step"].action == "assign"
    )
    assert journalist not in form.fields["assignee"].queryset


def test_editors_vote_from_the_panel(
    client, settings, in_review, editor, other_editor, django_assert_max_num_queries
):
    settings.FACTCHECK_PANEL_VOTES = 2
    client.force_login(other_editor)
    claim = in_review.claims.get()
    response = client.post(
        step_url(in_review, "vote"),
        {"claim": claim.pk, "rating": rating("misleading").pk, "comment": "Too harsh."},
        follow=True,
    )
    assert shown_messages(response) == ["Your vote proposes “Misleading”."]
    panel = response.context["workflow"]["panel"]
    assert panel["needed"] == 2
    (row,) = panel["rows"]
    assert [
        ballot.rating.slug for ballot in row["tally"].votes if not ballot.agrees
    ] == ["misleading"]
    assert row["form"].initial["rating"] == rating("misleading").pk
    assert "proposes “Misleading”" in response.content.decode()

    client.force_login(editor)
    response = client.post(
        step_url(in_review, "publish"), {"at_0": "", "at_1": ""}, follow=True
    )
    assert "1 of the 2 editors" in shown_messages(response)[0]
    with django_assert_max_num_queries(
        34 + DOOR_QUERIES + READER_PANEL_QUERIES + REVIEW_COMMENTS_QUERIES
    ):
        client.get(change_url(in_review))


def test_a_vote_for_another_articles_claim_is_refused(as_editor, in_review, journalist):
    elsewhere = make_factcheck(authors=[journalist]).claims.get()
    response = as_editor.post(
        step_url(in_review, "vote"),
        {"claim": elsewhere.pk, "rating": rating("true").pk},
        follow=True,
    )
    assert "Select a valid choice" in shown_messages(response)[0]
    assert not RatingVote.objects.exists()


def test_an_unknown_step_is_404_and_get_is_405(as_editor, in_review):
    assert as_editor.post(step_url(in_review, "launch")).status_code == 404
    assert as_editor.get(step_url(in_review, "publish")).status_code == 405


def test_the_live_checklist_judges_the_unsaved_form(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist])
    version = FactCheck.objects.get(pk=factcheck.pk).lock_version
    data = form_data(as_journalist.get(change_url(factcheck)))
    statement = factcheck.claims.get().statement

    data["claims-0-rating"] = ""
    data["hero_image_alt"] = ""
    report = as_journalist.post(checklist_url(factcheck), data).json()
    assert report["passed"] is False
    assert report["problems"] == [f"Claim 1 (“{statement}”) has no rating."]
    assert "has no rating." in report["html"]

    data["claims-0-rating"] = rating("true").pk
    data["claims-0-statement"] = "x" * 80
    report = as_journalist.post(checklist_url(factcheck), data).json()
    assert (report["passed"], report["problems"]) == (True, [])
    assert "80 characters long" in report["warnings"][0]

    data["claims-0-DELETE"] = "on"
    report = as_journalist.post(checklist_url(factcheck), data).json()
    assert report["problems"] == ["Add the claim being checked."]

    # Nothing was saved along the way.
    factcheck.refresh_from_db()
    assert factcheck.lock_version == version
    assert factcheck.claims.get().verdict.rating.slug == "false"


def test_the_live_checklist_counts_sources_being_added(
    as_journalist, journalist, settings
):
    settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 2
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    assert (
        "at least 2"
        in as_journalist.post(checklist_url(factcheck), data).json()["problems"][0]
    )
    add_rows(
        data,
        "sources",
        [{"title": "Census", "url": "https://example.org/c", "kind": "official"}],
    )
    data["sources-1-origin"] = "primary"
    data["sources-1-ordering"] = 0
    assert as_journalist.post(checklist_url(factcheck), data).json()["passed"] is True


def test_the_live_checklist_works_on_the_add_form(as_journalist):
    data = form_data(as_journalist.get(ADD_URL))
    data.update(headline="Working title", slug="working-title", language="en")
    report = as_journalist.post(checklist_url(), data).json()
    # No byline given: saving will put the journalist on it.
    assert report["problems"] == ["Add the claim being checked."]
    assert not FactCheck.objects.exists()


def test_the_live_checklist_survives_invalid_fields(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    data["sources-0-url"] = "not a url"
    data["slug"] = ""
    response = as_journalist.post(checklist_url(factcheck), data)
    assert response.status_code == 200
    assert "The fact-check needs a slug" in response.json()["problems"][-1]


def test_the_change_form_loads_the_live_checklist(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist])
    page = as_journalist.get(change_url(factcheck)).content.decode()
    assert f'data-checklist-url="{checklist_url(factcheck)}"' in page
    assert "js/admin_workflow.js" in page
    assert "Nothing missing" in page


def test_bulk_submit_submits_own_drafts_and_says_why_others_were_not(
    as_journalist, journalist, other_journalist
):
    mine = make_factcheck(authors=[journalist])
    theirs = make_factcheck(authors=[other_journalist])
    response = as_journalist.post(
        reverse("admin:factcheck_factcheck_changelist"),
        {"action": "submit_selected", "_selected_action": [mine.pk, theirs.pk]},
        follow=True,
    )
    assert sorted(shown_messages(response)) == sorted(
        [
            "Submitted 1 fact-check for review.",
            f"“{theirs.headline}” was not changed: Only the article's authors can "
            "submit it.",
        ]
    )
    assert FactCheck.objects.get(pk=mine.pk).status == "review"
    assert FactCheck.objects.get(pk=theirs.pk).status == "draft"


def test_bulk_publish_is_offered_to_editors_only(client, journalist, editor, in_review):
    changelist = reverse("admin:factcheck_factcheck_changelist")
    client.force_login(journalist)
    choices = dict(
        client.get(changelist).context["action_form"].fields["action"].choices
    )
    assert "submit_selected" in choices
    assert "publish_selected" not in choices
    response = client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [in_review.pk]},
        follow=True,
    )
    assert shown_messages(response) == ["No action selected."]
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"

    client.force_login(editor)
    response = client.post(
        changelist,
        {"action": "publish_selected", "_selected_action": [in_review.pk]},
        follow=True,
    )
    assert shown_messages(response) == ["Published 1 fact-check."]
    assert FactCheck.objects.get(pk=in_review.pk).is_published is True


def test_the_reason_for_taking_it_off_the_site_is_on_the_form(
    as_editor, in_review, other_editor
):
    workflow.publish(in_review, other_editor)
    workflow.unpublish(in_review, other_editor, "A figure needs checking again.")
    page = as_editor.get(change_url(in_review)).content.decode()
    assert "Taken off the site by" in page
    assert "A figure needs checking again." in page


def test_an_editor_publishes_only_what_they_read(
    client, in_review, editor, other_editor
):
    client.force_login(editor)
    page = client.get(change_url(in_review))
    step = next(
        s for s in page.context["workflow"]["steps"] if s["step"].action == "publish"
    )
    seen = step["form"]["version"].value()
    # Meanwhile another editor changes the headline.
    FactCheck.objects.filter(pk=in_review.pk).update(
        headline="Changed meanwhile", lock_version=seen + 1
    )

    response = client.post(step["url"], {"version": seen}, follow=True)

    assert "has changed since you opened it" in response.content.decode()
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"
    response = client.post(step["url"], {"version": seen + 1}, follow=True)
    assert FactCheck.objects.get(pk=in_review.pk).is_published is True
