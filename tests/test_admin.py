"""The newsroom admin, per role: pages open, rows save, nothing is silently lost."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from factcheck import workflow
from factcheck.models import (
    AuthorProfile,
    ClaimAppearance,
    Correction,
    FactCheck,
    Rating,
    RatingVote,
    TransitionLog,
)
from tests.adminforms import add_rows, form_data
from tests.factories import ClaimantFactory, ExpertFactory, make_factcheck, rating

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:factcheck_factcheck_add")


def change_url(factcheck):
    return reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])


@pytest.fixture
def as_journalist(client, journalist):
    client.force_login(journalist)
    return client


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("role", ["journalist", "editor"])
@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:factcheck_factcheck_changelist",
        "admin:factcheck_factcheck_add",
        "admin:factcheck_rating_changelist",
        "admin:factcheck_topic_changelist",
        "admin:factcheck_claimant_changelist",
        "admin:factcheck_claimant_add",
        "admin:factcheck_expert_changelist",
        "admin:factcheck_expert_add",
    ],
)
def test_admin_pages_open_for_each_role(client, request, role, url_name):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize("role", ["journalist", "editor"])
def test_change_page_of_own_draft_opens(client, request, role):
    user = request.getfixturevalue(role)
    factcheck = make_factcheck(authors=[user])
    client.force_login(user)
    response = client.get(change_url(factcheck))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is True


def test_list_shows_headline_status_rating_and_author(
    as_journalist, journalist, django_assert_max_num_queries
):
    for _ in range(5):
        make_factcheck(authors=[journalist], rating_slug="misleading")
    url = reverse("admin:factcheck_factcheck_changelist")
    with django_assert_max_num_queries(20):
        response = as_journalist.get(url)
    content = response.content.decode()
    assert content.count("Misleading</span>") >= 5
    assert "Draft</span>" in content
    assert journalist.get_full_name() in content


@pytest.mark.parametrize("query", ["status=draft", "rating=misleading", "q=claim"])
def test_list_filters_and_search(as_editor, journalist, query):
    wanted = make_factcheck(authors=[journalist], rating_slug="misleading")
    make_factcheck(authors=[journalist], rating_slug="true").claims.update(
        statement="nothing"
    )
    response = as_editor.get(
        reverse("admin:factcheck_factcheck_changelist") + "?" + query
    )
    assert response.status_code == 200
    assert wanted in response.context["cl"].result_list


def test_another_journalists_draft_opens_read_only(as_journalist, other_journalist):
    factcheck = make_factcheck(authors=[other_journalist])
    response = as_journalist.get(change_url(factcheck))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    data = {"headline": "Hijacked", "slug": factcheck.slug}
    assert as_journalist.post(change_url(factcheck), data).status_code == 403
    factcheck.refresh_from_db()
    assert factcheck.headline != "Hijacked"


def test_journalist_creates_a_complete_draft_in_one_form(as_journalist, journalist):
    claimant = ClaimantFactory(name="Viral post")
    expert = ExpertFactory(name="Dr Rao")
    data = form_data(as_journalist.get(ADD_URL))
    data.update(
        headline="Are bananas radioactive?",
        slug="are-bananas-radioactive",
        body="<p>Yes, slightly.<script>alert(1)</script></p>",
        language="en",
    )
    add_rows(data, "bylines", [{"author": journalist.pk, "ordering": 0}])
    add_rows(
        data,
        "claims",
        [
            {
                "statement": "Bananas are radioactive",
                "claimant": claimant.pk,
                "rating": rating("true").pk,
                "verdict_summary": "They contain potassium-40.",
                "seen_url": "https://example.org/post/1",
                "seen_medium": "social",
                "seen_on": "2026-10-01",
                "ordering": 0,
            }
        ],
    )
    add_rows(
        data,
        "sources",
        [
            {
                "title": "Radiation dose chart",
                "url": "https://example.org/dose",
                "kind": "official",
                "origin": "primary",
                "ordering": 0,
            }
        ],
    )
    add_rows(
        data,
        "quotes",
        [
            {
                "expert": expert.pk,
                "text": "Harmless.",
                "obtained_via": "phone",
                "on_record": "on",
                "ordering": 0,
            }
        ],
    )

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else ""
    )
    factcheck = FactCheck.objects.get()
    assert factcheck.body == "<p>Yes, slightly.</p>"
    assert factcheck.created_by == factcheck.updated_by == journalist
    claim = factcheck.claims.get()
    assert claim.verdict.rating.slug == "true"
    assert claim.verdict.summary == "They contain potassium-40."
    appearance = claim.appearances.get()
    assert (appearance.url, appearance.medium, appearance.is_first) == (
        "https://example.org/post/1",
        ClaimAppearance.Medium.SOCIAL,
        True,
    )
    assert factcheck.sources.get().title == "Radiation dose chart"
    assert factcheck.quotes.get().expert == expert
    assert list(factcheck.authors.all()) == [journalist]


def test_the_creator_goes_on_the_byline_when_none_is_given(as_journalist, journalist):
    data = form_data(as_journalist.get(ADD_URL))
    data.update(headline="Working title", slug="working-title", language="en")
    assert as_journalist.post(ADD_URL, data).status_code == 302
    assert list(FactCheck.objects.get().authors.all()) == [journalist]


def test_editing_the_verdict_from_the_claim_row(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist], rating_slug="false")
    data = form_data(as_journalist.get(change_url(factcheck)))
    data["claims-0-rating"] = rating("misleading").pk
    data["claims-0-verdict_summary"] = "Partly right."
    assert as_journalist.post(change_url(factcheck), data).status_code == 302
    verdict = factcheck.claims.get().verdict
    verdict.refresh_from_db()
    assert (verdict.rating.slug, verdict.summary) == ("misleading", "Partly right.")


def test_a_stale_save_gets_a_conflict_message_and_changes_nothing(
    client, journalist, editor
):
    factcheck = make_factcheck(authors=[journalist])
    client.force_login(journalist)
    mine = form_data(client.get(change_url(factcheck)))
    client.force_login(editor)
    theirs = form_data(client.get(change_url(factcheck)))
    theirs["headline"] = "Editor's headline"
    assert client.post(change_url(factcheck), theirs).status_code == 302

    client.force_login(journalist)
    mine["headline"] = "Journalist's headline"
    response = client.post(change_url(factcheck), mine)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "saved this fact-check" in errors[0]
    assert "Your changes are not saved yet" in errors[0]
    # What the journalist typed is still in the form...
    assert (
        response.context["adminform"].form["headline"].value()
        == "Journalist's headline"
    )
    factcheck.refresh_from_db()
    assert factcheck.headline == "Editor's headline"
    # ...and saving again, knowingly, goes through.
    mine["version"] = response.context["adminform"].form["version"].value()
    assert client.post(change_url(factcheck), mine).status_code == 302
    factcheck.refresh_from_db()
    assert factcheck.headline == "Journalist's headline"


def test_a_text_file_posing_as_an_image_is_refused_in_the_admin(
    as_journalist, journalist
):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    data["hero_image"] = SimpleUploadedFile(
        "photo.jpg", b"not an image", content_type="image/jpeg"
    )
    data["hero_image_alt"] = "A photo"
    response = as_journalist.post(change_url(factcheck), data)
    assert response.status_code == 200
    assert "hero_image" in response.context["adminform"].form.errors
    factcheck.refresh_from_db()
    assert not factcheck.hero_image


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


def workflow_url(factcheck, action):
    return reverse("admin:factcheck_factcheck_workflow", args=[factcheck.pk, action])


def checklist_url(factcheck=None):
    if factcheck is None:
        return reverse("admin:factcheck_factcheck_checklist_new")
    return reverse("admin:factcheck_factcheck_checklist", args=[factcheck.pk])


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def in_review(journalist):
    factcheck = make_factcheck(authors=[journalist])
    return workflow.submit_for_review(factcheck, journalist)


def test_the_change_form_shows_state_buttons_and_history(
    as_editor, in_review, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = as_editor.get(change_url(in_review))
    page = response.content.decode()
    assert 'class="status-badge"' in page
    assert "In review</span>" in page
    actions = [item["step"].action for item in response.context["workflow"]["steps"]]
    assert actions == ["assign", "request_changes", "publish"]
    for action in actions:
        assert f'action="{workflow_url(in_review, action)}"' in page
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
    assert response.context["workflow"]["steps"] == []


def test_a_refused_step_lists_every_reason_and_changes_nothing(
    as_editor, in_review, settings
):
    settings.FACTCHECK_MIN_SOURCES_PER_CLAIM = 3
    in_review.claims.get().verdict.__class__.objects.update(summary="")
    response = as_editor.post(
        workflow_url(in_review, "publish"), {"at_0": "", "at_1": ""}, follow=True
    )
    label = f"Claim 1 (“{in_review.claims.get().statement}”)"
    assert shown_messages(response) == [
        f"{label} has no verdict summary.",
        f"{label} has 1 source; the house asks for at least 3.",
    ]
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"


def test_a_step_with_a_missing_note_says_so(as_editor, in_review):
    response = as_editor.post(
        workflow_url(in_review, "request_changes"), {"note": ""}, follow=True
    )
    assert shown_messages(response) == ["What needs to change: This field is required."]
    assert FactCheck.objects.get(pk=in_review.pk).status == "review"


def test_an_editor_schedules_from_the_form(as_editor, in_review):
    response = as_editor.post(
        workflow_url(in_review, "publish"),
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
        workflow_url(in_review, "assign"),
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
        workflow_url(in_review, "vote"),
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
        workflow_url(in_review, "publish"), {"at_0": "", "at_1": ""}, follow=True
    )
    assert "1 of the 2 editors" in shown_messages(response)[0]
    with django_assert_max_num_queries(34):
        client.get(change_url(in_review))


def test_a_vote_for_another_articles_claim_is_refused(as_editor, in_review, journalist):
    elsewhere = make_factcheck(authors=[journalist]).claims.get()
    response = as_editor.post(
        workflow_url(in_review, "vote"),
        {"claim": elsewhere.pk, "rating": rating("true").pk},
        follow=True,
    )
    assert "Select a valid choice" in shown_messages(response)[0]
    assert not RatingVote.objects.exists()


def test_an_unknown_step_is_404_and_get_is_405(as_editor, in_review):
    assert as_editor.post(workflow_url(in_review, "launch")).status_code == 404
    assert as_editor.get(workflow_url(in_review, "publish")).status_code == 405


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


def test_editors_add_corrections_to_a_published_article(
    as_editor, editor, in_review, other_editor
):
    workflow.publish(in_review, other_editor)
    data = form_data(as_editor.get(change_url(in_review)))
    assert "headline" not in data  # the article itself is read-only
    add_rows(
        data,
        "corrections",
        [
            {
                "kind": "correction",
                "text": "We gave the wrong year for the study.",
                "issued_at_0": "2026-01-05",
                "issued_at_1": "10:00:00",
            }
        ],
    )
    response = as_editor.post(change_url(in_review), data)
    assert response.status_code == 302
    correction = in_review.corrections.get()
    assert (correction.text, correction.issued_by) == (
        "We gave the wrong year for the study.",
        editor,
    )
    assert FactCheck.objects.get(pk=in_review.pk).status == "published"


def test_the_corrections_inline_is_only_on_published_articles(as_editor, in_review):
    prefixes = [
        inline.formset.prefix
        for inline in as_editor.get(change_url(in_review)).context[
            "inline_admin_formsets"
        ]
    ]
    assert "corrections" not in prefixes


def test_editors_filter_the_workflow_log_by_article(
    client, editor, journalist, in_review, django_assert_max_num_queries
):
    other = make_factcheck(authors=[journalist])
    workflow.submit_for_review(other, journalist)
    client.force_login(editor)
    url = reverse("admin:factcheck_transitionlog_changelist")
    with django_assert_max_num_queries(12):
        response = client.get(url, {"factcheck__id__exact": in_review.pk})
    assert [entry.factcheck for entry in response.context["cl"].result_list] == [
        in_review
    ]
    assert client.get(url, {"action": "submit"}).status_code == 200

    client.force_login(journalist)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("state", ["draft", "published"])
def test_the_form_carries_its_version_so_a_plain_save_is_no_conflict(
    client, journalist, editor, other_editor, state
):
    factcheck = make_factcheck(authors=[journalist])
    user = journalist
    if state == "published":
        workflow.submit_for_review(factcheck, journalist)
        workflow.publish(factcheck, other_editor)
        user = editor
    client.force_login(user)
    version = FactCheck.objects.get(pk=factcheck.pk).lock_version
    page = client.get(change_url(factcheck)).content.decode()
    assert f'type="hidden" name="version" value="{version}"' in page


def test_a_read_only_body_reads_as_formatted_text(as_journalist, other_journalist):
    factcheck = make_factcheck(
        authors=[other_journalist], body="<p>Plain <strong>facts</strong>.</p>"
    )
    page = as_journalist.get(change_url(factcheck)).content.decode()
    assert "<p>Plain <strong>facts</strong>.</p>" in page
    assert "&lt;strong&gt;" not in page


def test_a_read_only_article_shows_its_verdicts_not_none(client, journalist):
    from factcheck import workflow

    factcheck = make_factcheck(authors=[journalist], rating_slug="misleading")
    claim = factcheck.claims.get()
    claim.appearances.create(
        url="https://example.org/post/9", medium="social", is_first=True
    )
    workflow.submit_for_review(factcheck, journalist)
    client.force_login(journalist)
    response = client.get(change_url(factcheck))
    content = response.content.decode()
    assert response.context["has_change_permission"] is False
    assert "Misleading</span>" in content
    assert claim.verdict.summary in content
    assert "https://example.org/post/9" in content


def test_an_author_editor_cannot_drop_their_own_byline(client, journalist, editor):
    shared = make_factcheck(authors=[journalist, editor])
    client.force_login(editor)
    data = form_data(client.get(change_url(shared)))
    own_row = next(
        key.removesuffix("-author")
        for key, value in data.items()
        if key.startswith("bylines-") and key.endswith("-author") and value == editor.pk
    )
    data[f"{own_row}-DELETE"] = "on"

    response = client.post(change_url(shared), data)

    assert response.status_code == 200
    assert "own name off the byline" in response.content.decode()
    assert set(shared.bylines.values_list("author", flat=True)) == {
        journalist.pk,
        editor.pk,
    }
    assert workflow.is_author(editor, shared) is True


def test_an_author_editor_cannot_edit_their_article_in_review(
    client, journalist, editor
):
    """The reviewer would otherwise publish changes nobody else has seen."""
    shared = make_factcheck(authors=[journalist, editor])
    workflow.submit_for_review(shared, journalist)
    client.force_login(editor)
    data = form_data(client.get(change_url(shared)))
    assert "headline" not in data
    assert workflow.can_edit(editor, shared) is False


def test_a_scheduled_article_opens_read_only(client, in_review, editor):
    workflow.publish(in_review, editor, at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(editor)
    data = form_data(client.get(change_url(in_review)))
    assert "headline" not in data
    data["headline"] = "Changed after approval"
    client.post(change_url(in_review), data)
    assert FactCheck.objects.get(pk=in_review.pk).headline != "Changed after approval"


def test_corrections_cannot_be_deleted(client, in_review, editor, other_editor):
    workflow.publish(in_review, other_editor)
    Correction.objects.create(
        factcheck=in_review, text="We misstated the year.", issued_by=editor
    )
    client.force_login(editor)
    data = form_data(client.get(change_url(in_review)))
    data["corrections-0-DELETE"] = "on"
    client.post(change_url(in_review), data)
    assert in_review.corrections.count() == 1


def test_a_draft_with_only_a_headline_saves(as_journalist, journalist):
    """As the browser sends it: the blank claim row and the prefilled byline."""
    page = as_journalist.get(ADD_URL)
    byline = page.context["inline_admin_formsets"][0].formset.forms[0]
    assert byline["author"].value() == journalist.pk
    assert journalist.get_full_name()  # what the menu shows, not the username
    assert f">{journalist.get_full_name()}</option>" in page.content.decode()
    data = form_data(page, blank_rows=True)
    data.update(headline="Working title", slug="working-title")

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 302
    factcheck = FactCheck.objects.get()
    assert list(factcheck.authors.all()) == [journalist]
    assert factcheck.claims.count() == 0


def test_the_list_filters_scheduled_apart_from_live(as_editor, in_review, editor):
    live = make_factcheck(authors=[in_review.created_by])
    workflow.submit_for_review(live, in_review.created_by)
    workflow.publish(live, editor)
    workflow.publish(in_review, editor, at=timezone.now() + datetime.timedelta(days=1))
    changelist = reverse("admin:factcheck_factcheck_changelist")

    def listed(state):
        response = as_editor.get(changelist, {"state": state})
        return list(response.context["cl"].result_list)

    assert listed("scheduled") == [in_review]
    assert listed("published") == [live]


def test_only_editors_credit_the_editor(as_journalist, journalist, editor):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    assert "editor" not in data
    data["editor"] = journalist.pk
    as_journalist.post(change_url(factcheck), data)
    assert FactCheck.objects.get(pk=factcheck.pk).editor is None


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


def test_a_claim_has_one_first_appearance_or_a_form_error(as_editor, in_review):
    claim = in_review.claims.get()
    claim.appearances.all().delete()
    url = reverse("admin:factcheck_claim_change", args=[claim.pk])
    data = form_data(as_editor.get(url))
    row = {"outlet": "A rally", "is_first": "on"}
    add_rows(data, "appearances", [row, {**row, "outlet": "A broadcast"}])
    response = as_editor.post(url, data)
    assert response.status_code == 200
    assert "Mark only one appearance as the first." in response.content.decode()
    assert claim.appearances.count() == 0


def test_an_ftp_link_is_a_form_error(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    data["claims-0-seen_url"] = "ftp://files.example.org/claim.txt"
    response = as_journalist.post(change_url(factcheck), data)
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()


def test_a_bad_author_filter_is_ignored(as_editor):
    url = reverse("admin:factcheck_factcheck_changelist")
    assert as_editor.get(url, {"author": "abc"}).status_code == 200


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
