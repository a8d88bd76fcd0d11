"""The public corrections log: every public change record, newest first, with its feeds."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from factcheck import editing, workflow
from factcheck.models import Correction, Verdict
from tests.factories import (
    CorrectionFactory,
    make_factcheck,
    make_published,
    make_user,
    publish_rerating,
    rating,
)

pytestmark = pytest.mark.django_db

LOG = reverse("factcheck:corrections")
FEEDS = ["/corrections/feed/", "/corrections/feed/atom/"]


@pytest.fixture
def every_class(journalist, editor, other_editor):
    """One record of each public class, a day apart, the re-rating newest."""
    now = timezone.now()
    records = {}
    for days_ago, kind in ((5, "clarification"), (4, "update"), (3, "correction")):
        factcheck = make_published(journalist, editor, headline=f"The {kind} check")
        records[kind] = editing.issue_correction(
            factcheck=factcheck,
            user=editor,
            kind=kind,
            text=f"Our {kind} note.",
            issued_at=now - datetime.timedelta(days=days_ago),
        )
    retracted = make_published(journalist, editor, headline="The retracted check")
    workflow.unpublish(retracted, editor, "Our retraction note.", retract=True)
    records["retraction"] = retracted.corrections.get()
    Correction.objects.filter(pk=records["retraction"].pk).update(
        issued_at=now - datetime.timedelta(days=2)
    )
    rerated = make_published(journalist, editor, headline="The re-rated check")
    revision = workflow.start_revision(rerated, journalist)
    Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
    workflow.submit_for_review(revision, journalist)
    publish_rerating(revision, other_editor, editor, note="Our re-rating note.")
    records["rerating"] = rerated.corrections.get()
    return records


def test_the_log_lists_each_class_newest_first(client, every_class):
    page = client.get(LOG)
    content = page.content.decode()
    assert page.status_code == 200
    order = ["rerating", "retraction", "correction", "update", "clarification"]
    positions = [
        content.index(f"Our {kind.replace('rerating', 're-rating')} note.")
        for kind in order
    ]
    assert positions == sorted(positions)
    for label in ("Re-rating", "Retraction", "Correction", "Update", "Clarification"):
        assert f'<span class="tag">{label}</span>' in content
    assert "from “False” to “True”" in content
    record = every_class["correction"]
    assert f'href="{record.factcheck.get_absolute_url()}#correction-{record.pk}"' in (
        content
    )
    assert f'datetime="{record.issued_at.isoformat()}"' in content
    assert 'href="/corrections/feed/"' in content  # <link rel="alternate"> and link


@pytest.mark.parametrize("url", FEEDS)
def test_the_feeds_list_each_class_newest_first(client, every_class, url):
    content = client.get(url).content.decode()
    order = ["re-rating", "retraction", "correction", "update", "clarification"]
    positions = [content.index(f"Our {kind} note.") for kind in order]
    assert positions == sorted(positions)
    assert "Re-rated on" in content and "Corrected on" in content
    assert "Retracted on" in content and "Clarified on" in content
    record = every_class["update"]
    assert f"{record.factcheck.get_absolute_url()}#correction-{record.pk}" in content


def test_the_footer_links_the_log(client, published):
    assert 'href="/corrections/"' in client.get("/").content.decode()


def test_drafts_and_unpublished_articles_records_are_never_shown(
    client, journalist, editor
):
    draft = make_factcheck(authors=[journalist], headline="A draft")
    CorrectionFactory(factcheck=draft, text="A draft's note.")
    pulled = make_published(journalist, editor, headline="Pulled check")
    editing.issue_correction(
        factcheck=pulled, user=editor, kind="update", text="A pulled note."
    )
    workflow.unpublish(pulled, editor, "Rework.")
    scheduled = make_factcheck(authors=[journalist])
    workflow.submit_for_review(scheduled, journalist)
    workflow.publish(scheduled, editor, at=timezone.now() + datetime.timedelta(days=1))
    CorrectionFactory(factcheck=scheduled, text="A scheduled note.")
    for url in [LOG, *FEEDS]:
        content = client.get(url).content.decode()
        for text in ("A draft's note.", "A pulled note.", "A scheduled note."):
            assert text not in content, url


def test_pages_go_by_position_without_a_count(
    client, journalist, editor, django_assert_max_num_queries
):
    factcheck = make_published(journalist, editor)
    now = timezone.now()
    for number in range(35):
        CorrectionFactory(
            factcheck=factcheck,
            kind="update",
            text=f"Note number {number:02d}.",
            issued_at=now - datetime.timedelta(hours=number),
        )
    with django_assert_max_num_queries(3) as queries:
        first = client.get(LOG)
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    content = first.content.decode()
    assert "Note number 00." in content and "Note number 29." in content
    assert "Note number 30." not in content
    older = first.context["page"].older
    second = client.get(LOG, {"before": older}).content.decode()
    assert "Note number 30." in second and "Note number 34." in second
    assert "Note number 29." not in second
    assert client.get(LOG, {"before": "nonsense"}).status_code == 404


def test_the_log_is_cached_until_a_record_changes(
    client, draft, journalist, editor, settings, django_assert_num_queries
):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300
    factcheck = make_published(journalist, editor)
    other = make_published(journalist, editor)
    client.get(LOG)
    with django_assert_num_queries(0):
        client.get(LOG)
    # A draft saved: nothing on the log changes.
    editing.save_edit(factcheck=draft, user=journalist, version=draft.lock_version)
    with django_assert_num_queries(0):
        client.get(LOG)

    record = editing.issue_correction(
        factcheck=factcheck, user=editor, kind="correction", text="First wording."
    )
    assert "First wording." in client.get(LOG).content.decode()

    editing.reword_correction(
        correction=record,
        user=editor,
        kind="correction",
        text="Second wording.",
        issued_at=record.issued_at,
    )
    assert "Second wording." in client.get(LOG).content.decode()

    workflow.unpublish(factcheck, editor, "Rework.")
    assert "Second wording." not in client.get(LOG).content.decode()

    revision = workflow.start_revision(other, editor)
    workflow.submit_for_review(revision, editor)
    workflow.publish(
        revision,
        make_user("Editors", username="desk"),
        change_class="update",
        note="Via a revision.",
    )
    assert "Via a revision." in client.get(LOG).content.decode()
    for url in FEEDS:
        assert "Via a revision." in client.get(url).content.decode()


@pytest.mark.parametrize("url", [LOG, *FEEDS])
def test_the_log_pages_answer_in_few_queries(
    client, every_class, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200


def test_a_retractions_reason_cannot_be_reworded(journalist, editor):
    factcheck = make_published(journalist, editor)
    workflow.unpublish(factcheck, editor, "Wrong study.", retract=True)
    record = factcheck.corrections.get()
    with pytest.raises(workflow.ValidationError, match="as it was given"):
        editing.reword_correction(
            correction=record,
            user=editor,
            kind="retraction",
            text="Something else.",
            issued_at=record.issued_at,
        )
