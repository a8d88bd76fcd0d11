"""The admin index's dashboard: each role sees what waits for them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import preview, workflow
from factcheck.models import FactCheck
from tests.adminforms import DOOR_QUERIES
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def in_review(author, headline, days_ago):
    factcheck = make_factcheck(authors=[author], headline=headline)
    workflow.submit_for_review(factcheck, author)
    when = timezone.now() - datetime.timedelta(days=days_ago)
    FactCheck.objects.filter(pk=factcheck.pk).update(
        submitted_at=when, first_submitted_at=when
    )
    return factcheck


def section(response, name):
    return response.context[name]


def test_editors_see_the_review_queue_oldest_first(
    client, journalist, editor, other_editor
):
    newer = in_review(journalist, "Newer submission", days_ago=1)
    older = in_review(journalist, "Older submission", days_ago=3)
    due = timezone.now() + datetime.timedelta(hours=6)
    workflow.assign_review(newer, editor, other_editor, due_at=due, priority="urgent")
    client.force_login(editor)

    response = client.get(INDEX)

    assert section(response, "editor")["waiting"] == [older, newer]
    page = response.content.decode()
    assert page.index("Older submission") < page.index("Newer submission")
    assert "3\xa0days" in page
    assert other_editor.get_full_name() in page
    assert "Urgent" in page
    assert "unassigned" in page
    # The app list is still there.
    assert reverse("admin:factcheck_factcheck_changelist") in page


def test_editors_see_scheduled_and_recently_published(client, journalist, editor):
    scheduled = in_review(journalist, "Goes out tomorrow", days_ago=1)
    workflow.publish(scheduled, editor, at=timezone.now() + datetime.timedelta(days=1))
    published = in_review(journalist, "Out already", days_ago=1)
    workflow.publish(published, editor)
    client.force_login(editor)

    lists = section(client.get(INDEX), "editor")

    assert lists["scheduled"] == [scheduled]
    assert lists["recent"] == [published]
    assert lists["waiting"] == []


def test_journalists_see_their_drafts_and_what_was_sent_back(
    client, journalist, other_journalist, editor
):
    mine = make_factcheck(authors=[journalist], headline="My working draft")
    sent_back = in_review(journalist, "Needs another source", days_ago=1)
    workflow.request_changes(sent_back, editor, "The second figure has no source.")
    make_factcheck(authors=[other_journalist], headline="Someone else's draft")
    client.force_login(journalist)

    response = client.get(INDEX)

    lists = section(response, "journalist")
    assert lists["drafts"] == [mine]
    assert lists["sent_back"] == [sent_back]
    page = response.content.decode()
    assert "The second figure has no source." in page
    assert editor.get_full_name() in page
    assert "Someone else" not in page
    assert response.context.get("editor") is None
    assert "Waiting for review" not in page


def test_an_editor_without_drafts_sees_only_the_editor_lists(client, editor):
    client.force_login(editor)
    response = client.get(INDEX)
    assert response.context.get("journalist") is None
    assert "My drafts" not in response.content.decode()


def test_a_later_step_clears_the_sent_back_note(client, journalist, editor):
    factcheck = in_review(journalist, "Back and forth", days_ago=1)
    workflow.request_changes(factcheck, editor, "Fix the date.")
    workflow.submit_for_review(factcheck, journalist)
    workflow.request_changes(factcheck, editor, "Now the headline.")
    client.force_login(journalist)
    page = client.get(INDEX).content.decode()
    assert "Now the headline." in page
    assert "Fix the date." not in page


@pytest.mark.parametrize("rows", [1, 8])
def test_the_dashboard_takes_a_fixed_number_of_queries(
    client, journalist, editor, superuser, rows, django_assert_max_num_queries
):
    for number in range(rows):
        waiting = in_review(journalist, f"Waiting {number}", days_ago=1)
        workflow.assign_review(waiting, editor, editor)
        sent_back = in_review(superuser, f"Sent back {number}", days_ago=1)
        workflow.request_changes(sent_back, editor, "Fix it.")
        make_factcheck(authors=[superuser], headline=f"Draft {number}")
    client.force_login(superuser)
    # The lists, and the two counts of sources the evidence locker flagged.
    with django_assert_max_num_queries(10 + DOOR_QUERIES):
        response = client.get(INDEX)
    assert response.status_code == 200


def test_sharing_a_preview_does_not_hide_the_note(client, journalist, editor):
    factcheck = in_review(journalist, "Shared with a lawyer", days_ago=1)
    workflow.request_changes(factcheck, editor, "Check the quote with legal.")
    preview.share_preview(factcheck, editor, days=3)
    client.force_login(journalist)

    assert section(client.get(INDEX), "journalist")["sent_back"] == [factcheck]
    change = client.get(
        reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])
    )
    assert change.context["workflow"]["sent_back"].note == "Check the quote with legal."
