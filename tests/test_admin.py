"""The newsroom admin, per role: pages open, rows save, nothing is silently lost."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from factcheck import permissions, workflow
from factcheck.models import (
    ClaimAppearance,
    Correction,
    FactCheck,
    TransitionLog,
)
from tests.adminforms import add_rows, change_url, form_data
from tests.factories import ClaimantFactory, ExpertFactory, make_factcheck, rating

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:factcheck_factcheck_add")


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


def test_a_stale_save_clashing_gets_a_conflict_message_and_changes_nothing(
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
    # ...and saving again, having chosen to keep it, goes through. (With no
    # version on record from when the form was opened, whatever differs is
    # for the journalist to choose; tests/test_merging.py merges.)
    stale = response.context["adminform"].form.stale_save
    assert [clash.key for clash in stale.clashes] == ["headline"]
    mine.update({"merge_against": stale.against, "merge-headline": "mine"})
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
    logged = TransitionLog.objects.filter(factcheck=in_review).first()
    assert (logged.action, logged.user) == (TransitionLog.Action.CORRECT, editor)

    # Rewording it is logged too, and it is still the one correction.
    data = form_data(as_editor.get(change_url(in_review)))
    data["corrections-0-text"] = "We gave the wrong year (2012) for the study."
    del data["corrections-0-issued_at"]  # the date picker sends date and time
    data.update({"corrections-0-issued_at_0": "2026-01-05"})
    data.update({"corrections-0-issued_at_1": "10:00:00"})
    assert as_editor.post(change_url(in_review), data).status_code == 302
    assert in_review.corrections.get().text.endswith("(2012) for the study.")
    logged = TransitionLog.objects.filter(factcheck=in_review).first()
    assert logged.action == TransitionLog.Action.REWORD_CORRECTION


def test_the_corrections_inline_is_only_on_published_articles(as_editor, in_review):
    prefixes = [
        inline.formset.prefix
        for inline in as_editor.get(change_url(in_review)).context[
            "inline_admin_formsets"
        ]
    ]
    assert "corrections" not in prefixes


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
    assert permissions.is_author(editor, shared) is True


def test_an_author_editor_cannot_edit_their_article_in_review(
    client, journalist, editor
):
    """The reviewer would otherwise publish changes nobody else has seen."""
    shared = make_factcheck(authors=[journalist, editor])
    workflow.submit_for_review(shared, journalist)
    client.force_login(editor)
    data = form_data(client.get(change_url(shared)))
    assert "headline" not in data
    assert permissions.can_edit(editor, shared) is False


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
    (bylines,) = [
        inline.formset
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.prefix == "bylines"
    ]
    byline = bylines.forms[0]
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
