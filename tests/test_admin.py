"""The newsroom admin, per role: pages open, rows save, nothing is silently lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.models import ClaimAppearance, FactCheck, Rating, TransitionLog
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
    mine["lock_version"] = response.context["adminform"].form["lock_version"].value()
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
