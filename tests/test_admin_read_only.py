"""What opens read-only in the admin, and for whom: another journalist's draft,
an article in review for its own author-editor, a scheduled one; and who may
credit the editor."""

import datetime

import pytest
from django.utils import timezone

from factcheck import permissions, workflow
from factcheck.models import FactCheck
from tests.adminforms import change_url, form_data
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db


def test_another_journalists_draft_opens_read_only(as_journalist, other_journalist):
    factcheck = make_factcheck(authors=[other_journalist])
    response = as_journalist.get(change_url(factcheck))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    data = {"headline": "Hijacked", "slug": factcheck.slug}
    assert as_journalist.post(change_url(factcheck), data).status_code == 403
    factcheck.refresh_from_db()
    assert factcheck.headline != "Hijacked"


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


def test_only_editors_credit_the_editor(as_journalist, journalist, editor):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    assert "editor" not in data
    data["editor"] = journalist.pk
    as_journalist.post(change_url(factcheck), data)
    assert FactCheck.objects.get(pk=factcheck.pk).editor is None
