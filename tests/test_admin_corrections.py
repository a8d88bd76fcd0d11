"""Corrections in the admin: editors add them to published articles only, and
nobody deletes one."""

import pytest

from factcheck import workflow
from factcheck.models import Correction, FactCheck, TransitionLog
from tests.adminforms import add_rows, change_url, form_data

pytestmark = pytest.mark.django_db


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
