"""Authoring in the newsroom admin, per role: pages open, rows save, nothing is
silently lost (the list: test_admin_list; corrections: test_admin_corrections;
read-only pages: test_admin_read_only)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck import workflow
from factcheck.models import (
    ClaimAppearance,
    FactCheck,
)
from tests.adminforms import ADD_URL, add_rows, change_url, form_data
from tests.factories import ClaimantFactory, ExpertFactory, make_factcheck, rating

pytestmark = pytest.mark.django_db


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
