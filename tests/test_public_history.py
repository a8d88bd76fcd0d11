"""A published fact-check's public history: the versions readers were shown, and
what changed between any two, never drafts, working copies or internal fields."""

import copy
import datetime
import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from factcheck import diff, editing, versions, workflow
from factcheck.models import (
    ArticleVersion,
    Byline,
    ExpertQuote,
    FactCheck,
    ReplyAttempt,
    Source,
    Verdict,
)
from tests.adminforms import change_url, form_data
from tests.factories import (
    ExpertFactory,
    ExpertQuoteFactory,
    make_factcheck,
    make_user,
    publish_rerating,
    rating,
)

pytestmark = pytest.mark.django_db


def history_url(factcheck):
    return reverse("factcheck:history", args=[factcheck.slug])


def compare_url(factcheck, old, new):
    url = reverse("factcheck:history-compare", args=[factcheck.slug])
    return f"{url}?from={old}&to={new}"


def read(url):
    """The page at ``url`` as an anonymous reader gets it."""
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def save(client, factcheck, **changes):
    """Save ``factcheck`` through the admin form, as its author would."""
    data = form_data(client.get(change_url(factcheck)))
    data.update(changes)
    response = client.post(change_url(factcheck), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    return FactCheck.objects.get(pk=factcheck.pk)


def revise(factcheck, journalist, summary="Bananas hold potassium-40: a tiny dose."):
    """A revision of ``factcheck`` that rewrites its verdict, sent for review."""
    revision = workflow.start_revision(factcheck, journalist)
    Verdict.objects.filter(claim__factcheck=revision).update(summary=summary)
    workflow.submit_for_review(revision, journalist)
    return revision


@pytest.fixture
def desk(db):
    """An editor who wrote none of it, to publish revisions readers are told of."""
    return make_user("Editors", username="desk")


def test_the_public_history_lists_published_versions_only(
    as_journalist, draft, journalist, editor, desk
):
    def fresh(factcheck):
        return FactCheck.objects.get(pk=factcheck.pk)

    save(as_journalist, draft, headline="Bananas draft wording")
    save(as_journalist, draft, headline="Bananas as first published")
    workflow.submit_for_review(fresh(draft), journalist)
    workflow.request_changes(fresh(draft), editor, "Cite the dose.")
    save(as_journalist, draft, standfirst="Review round wording.")
    save(as_journalist, draft, standfirst="A small dose, and harmless.")
    workflow.submit_for_review(fresh(draft), journalist)
    live = workflow.publish(fresh(draft), editor)
    revision = workflow.start_revision(live, journalist)
    save(as_journalist, revision, headline="Bananas working copy wording")
    save(as_journalist, revision, headline="Bananas, corrected")
    workflow.submit_for_review(fresh(revision), journalist)
    workflow.request_changes(fresh(revision), desk, "Say what was wrong.")
    workflow.submit_for_review(fresh(revision), journalist)
    workflow.publish(
        fresh(revision),
        desk,
        change_class="correction",
        note="We misnamed the fruit.",
    )

    assert ArticleVersion.objects.filter(factcheck=live).count() > 2
    page = read(history_url(live))
    assert "Version 1" in page and "Version 2" in page and "Version 3" not in page
    assert "First published" in page
    assert '<span class="tag">Correction</span>' in page
    assert "We misnamed the fruit." in page
    assert page.index("Version 2") < page.index("Version 1")  # newest first
    changes = read(compare_url(live, 1, 2))
    assert "corrected" in changes and "first" in changes
    for unseen in ("draft wording", "Review round", "working copy", "Cite the dose"):
        assert unseen not in page and unseen not in changes


def test_the_article_links_to_its_history_and_a_preview_does_not(
    as_editor, published, journalist
):
    assert f'href="{history_url(published)}"' in read(published.get_absolute_url())
    preview = as_editor.get(make_factcheck(authors=[journalist]).get_absolute_url())
    assert preview.status_code == 200
    assert "Preview" in preview.content.decode()
    assert "/history/" not in preview.content.decode()


@pytest.mark.parametrize(
    "change_class, label", [("clarification", "Clarification"), ("update", "Update")]
)
def test_a_public_change_adds_an_entry_with_its_class_and_note(
    published, journalist, desk, change_class, label
):
    workflow.publish(
        revise(published, journalist), desk, change_class=change_class, note="Why."
    )

    page = read(history_url(published))
    assert f'<span class="tag">{label}</span>' in page
    assert '<p class="history__note">Why.</p>' in page
    record = published.corrections.get()
    assert f'datetime="{record.issued_at.isoformat()}"' in page
    changes = read(compare_url(published, 1, 2))
    assert "<ins>" in changes and "potassium" in changes
    assert "Our note:</strong> Why." in changes


def test_a_re_rating_adds_an_entry_and_the_comparison_shows_the_ratings(
    published, journalist, editor, other_editor
):
    revision = workflow.start_revision(published, journalist)
    Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
    workflow.submit_for_review(revision, journalist)
    publish_rerating(revision, other_editor, editor, note="New figures came out.")

    assert '<span class="tag">Re-rating</span>' in read(history_url(published))
    changes = read(compare_url(published, 1, 2))
    assert "Rating: <del>False</del>" in changes
    assert "Rating: <ins>True</ins>" in changes


def test_a_correction_issued_on_the_live_article_adds_an_entry_reworded_with_it(
    published, editor, settings
):
    settings.FACTCHECK_PAGE_CACHE_SECONDS = 300
    assert "Version 2" not in read(history_url(published))
    record = editing.issue_correction(
        factcheck=published, user=editor, kind="update", text="We added the date."
    )

    page = read(history_url(published))  # the article's tag moved on
    assert '<span class="tag">Update</span>' in page and "We added the date." in page
    assert "say the same thing" in read(compare_url(published, 1, 2))
    editing.reword_correction(
        correction=record,
        user=editor,
        kind="clarification",
        text="We added when it was said.",
        issued_at=record.issued_at,
    )
    page = read(history_url(published))
    assert '<span class="tag">Clarification</span>' in page
    assert "We added when it was said." in page and "We added the date." not in page


def test_a_minor_change_adds_no_entry_and_shows_in_the_next_comparison(
    published, journalist, editor, desk
):
    revision = workflow.start_revision(published, editor)
    FactCheck.objects.filter(pk=revision.pk).update(
        headline="Are bananas really radioactive?"
    )
    workflow.publish(revision, editor, change_class="minor", note="Fixed a word")

    minor = ArticleVersion.objects.get(factcheck=published, change_class="minor")
    assert minor.published_at is not None  # shown to readers, not listed
    page = read(history_url(published))
    assert "Version 1" in page and "Version 2" not in page
    assert "Fixed a word" not in page
    workflow.publish(
        revise(published, journalist),
        desk,
        change_class="update",
        note="We added the dose.",
    )
    changes = read(compare_url(published, 1, 2))
    assert re.search(r"<ins>\s*really\s*</ins>", changes)


@pytest.mark.parametrize("retract", [False, True])
def test_an_unpublished_articles_history_is_a_404(published, editor, retract):
    editing.issue_correction(
        factcheck=published, user=editor, kind="update", text="A note."
    )
    workflow.unpublish(published, editor, "Pulled.", retract=retract)

    reader = Client()
    assert reader.get(history_url(published)).status_code == 404
    assert reader.get(compare_url(published, 1, 2)).status_code == 404
    if retract:
        notice = reader.get(published.get_absolute_url())
        assert notice.status_code == 410
        assert "/history/" not in notice.content.decode()


def test_a_draft_has_no_history(draft):
    assert Client().get(history_url(draft)).status_code == 404


def test_a_scheduled_article_has_no_history_until_it_goes_live(in_review, editor):
    at = timezone.now() + datetime.timedelta(hours=1)
    workflow.publish(in_review, editor, at=at)
    second = datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=at - second):
        assert Client().get(history_url(in_review)).status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=at + second):
        page = read(history_url(in_review))
    assert "First published" in page
    assert f'datetime="{at.isoformat()}"' in page


def test_a_publication_taken_off_the_schedule_is_never_listed(
    in_review, editor, journalist
):
    at = timezone.now() + datetime.timedelta(hours=1)
    workflow.publish(in_review, editor, at=at)
    workflow.unpublish(in_review, editor, "Not yet.")
    workflow.submit_for_review(FactCheck.objects.get(pk=in_review.pk), journalist)
    workflow.publish(FactCheck.objects.get(pk=in_review.pk), editor)

    later = at + datetime.timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = read(history_url(in_review))
    assert "Version 1" in page and "Version 2" not in page


def test_published_again_after_a_time_off_the_site(published, editor, journalist):
    workflow.unpublish(published, editor, "Rework it.")
    workflow.submit_for_review(FactCheck.objects.get(pk=published.pk), journalist)
    workflow.publish(FactCheck.objects.get(pk=published.pk), editor)

    page = read(history_url(published))
    assert "First published" in page and "Published again" in page


def test_the_comparison_never_shows_what_readers_were_not_shown(live, journalist, desk):
    expert = ExpertFactory(name="Dr Open", contact_email="zq-contact@example.org")
    revision = workflow.start_revision(live, journalist)
    Source.objects.filter(factcheck=revision).update(notes="Zq internal note")
    ExpertQuote.objects.filter(factcheck=revision, on_record=False).update(
        text="Zq off the record"
    )
    ExpertQuoteFactory(factcheck=revision, expert=expert, text="On the record now.")
    ReplyAttempt.objects.create(
        factcheck=revision,
        claim=revision.claims.first(),
        logged_by=make_user(username="zqlogger"),
    )
    Byline.objects.create(
        factcheck=revision, author=make_user(username="zqbyline"), ordering=5
    )
    FactCheck.objects.filter(pk=revision.pk).update(editor=make_user(username="zqedit"))
    Verdict.objects.filter(claim__factcheck=revision).update(summary="Zq new summary")
    workflow.submit_for_review(revision, journalist)
    workflow.publish(
        FactCheck.objects.get(pk=revision.pk),
        desk,
        change_class="update",
        note="We asked the claimant and an expert.",
    )

    changes = read(compare_url(live, 1, 2))
    assert "Zq new summary" in strip_tags(changes)
    assert "On the record now." in changes
    assert "Dr Open" in changes and "Right of reply" in changes
    for private in (
        "Zq internal note",
        "Zq off the record",
        "The data say otherwise.",
        "zq-contact",
        "zqlogger",
        "zqbyline",
        "zqedit",
        "On the record: yes",
    ):
        assert private not in changes, private


def test_an_internal_source_note_is_no_public_change(published):
    old = versions.snapshot(published)
    new = copy.deepcopy(old)
    new["sources"][0]["fields"]["notes"] = "Ask the lab again."

    assert diff.compare(old, new, public=True) == []
    assert "Ask the lab again." in str(diff.compare(old, new))  # the desk's view


@pytest.mark.parametrize(
    "query",
    ["", "?from=1", "?to=2", "?from=x&to=2", "?from=0&to=2", "?from=1&to=3"],
)
def test_bad_versions_to_compare_are_a_404(published, editor, query):
    editing.issue_correction(
        factcheck=published, user=editor, kind="update", text="A note."
    )
    url = reverse("factcheck:history-compare", args=[published.slug]) + query
    assert Client().get(url).status_code == 404


def test_two_versions_compare_in_either_order(published, editor):
    editing.issue_correction(
        factcheck=published, user=editor, kind="update", text="A note."
    )
    page = read(compare_url(published, 2, 1))
    assert "From version 1" in page and "to version 2" in page


def test_the_history_pages_cost_a_few_queries_however_long_the_history(
    published, editor, django_assert_max_num_queries
):
    for number in range(5):
        editing.issue_correction(
            factcheck=published, user=editor, kind="update", text=f"Note {number}."
        )
    reader = Client()
    # The article, its listed versions, the footer's pages.
    with django_assert_max_num_queries(3):
        assert reader.get(history_url(published)).status_code == 200
    # ...and the two versions' content.
    with django_assert_max_num_queries(4):
        assert reader.get(compare_url(published, 1, 6)).status_code == 200
