"""Review comments: an editor's remarks on a field, a claim or a source in review,
answered and resolved by the authors beside what they are about, kept in the
history through publication."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from factcheck import comments, workflow
from factcheck.models import ReviewComment
from tests.adminforms import (
    DOOR_QUERIES,
    READER_PANEL_QUERIES,
    REVIEW_COMMENTS_QUERIES,
    change_url,
    shown_messages,
    step_url,
)
from tests.factories import make_factcheck, make_user
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

MINOR = {"change_class": "minor"}


@pytest.fixture
def article(journalist):
    """In review: two claims, a source each, written by ``journalist``."""
    factcheck = make_factcheck(authors=[journalist], claims=2)
    return workflow.submit_for_review(factcheck, journalist)


def add_url(factcheck):
    return reverse("admin:factcheck_factcheck_comment", args=[factcheck.pk])


def comment_url(thread, step):
    return reverse(
        "admin:factcheck_factcheck_comment_step",
        args=[thread.factcheck_id, thread.pk, step],
    )


def three_comments(factcheck, editor):
    """One comment on the second claim, one on the first source, one on the headline."""
    claim = factcheck.claims.all()[1]
    source = factcheck.sources.all()[0]
    return (
        comments.comment(factcheck, editor, claim, "Who said it first?"),
        comments.comment(factcheck, editor, source, "Link the report itself."),
        comments.comment(factcheck, editor, "headline", "Say what we found."),
    )


def test_an_editor_comments_on_a_claim_a_source_and_a_field_in_review(
    as_editor, article, editor
):
    claim, source = article.claims.all()[1], article.sources.all()[0]
    for about, text in [
        (f"claim:{claim.pk}", "Who said it first?"),
        (f"source:{source.pk}", "Link the report itself."),
        ("field:headline", "Say what we found."),
    ]:
        response = as_editor.post(
            add_url(article), {"about": about, "text": f"  {text} "}, follow=True
        )
        thread = ReviewComment.objects.latest("pk")
        assert response.redirect_chain == [
            (f"{change_url(article)}#comment-{thread.pk}", 302)
        ]
        assert shown_messages(response) == [
            "Comment added: the authors see it beside what it is about."
        ]
        assert thread.text == text
        assert thread.author == editor
    on_claim, on_source, on_headline = ReviewComment.objects.order_by("pk")
    assert (on_claim.kind, on_claim.claim, on_claim.field) == ("claim", claim, "")
    assert on_claim.about == f"Claim: {claim.statement}"
    assert (on_source.kind, on_source.source) == ("source", source)
    assert on_source.about == f"Source: {source.title}"
    assert (on_headline.kind, on_headline.field, on_headline.about) == (
        "field",
        "headline",
        "Headline",
    )


def test_the_author_sees_each_thread_beside_its_target(
    client, article, journalist, editor
):
    on_claim, on_source, on_headline = three_comments(article, editor)
    client.force_login(journalist)
    response = client.get(change_url(article))
    page = response.content.decode()
    review = response.context["review"]
    places = {thread.pk: thread.place for thread in review["threads"]}
    # The admin's own ids for the inline rows, in the form's order.
    assert places == {
        on_claim.pk: "#claims-1",
        on_source.pk: "#sources-0",
        on_headline.pk: ".form-row.field-headline",
    }
    assert 'id="claims-1"' in page and 'id="sources-0"' in page
    assert 'data-comment-place="#claims-1"' in page
    assert "Who said it first?" in page
    assert "Open comment on Headline" in page
    # The author may answer: a reply box and a resolve button per thread,
    # tied to forms outside the article's form.
    assert f'form="comment-{on_claim.pk}-reply"' in page
    assert f'<form id="comment-{on_claim.pk}-resolution"' in page
    assert f'action="{comment_url(on_claim, "resolve")}"' in page
    # Authors answer comments; opening them is the reviewer's.
    assert review["form"] is None
    assert "Add a comment…" not in page


def test_the_author_replies_resolves_and_reopens(
    as_journalist, article, editor, journalist
):
    thread, _source, _headline = three_comments(article, editor)
    response = as_journalist.post(
        comment_url(thread, "reply"), {"text": "The minister, on 3 May."}, follow=True
    )
    assert response.redirect_chain == [
        (f"{change_url(article)}#comment-{thread.pk}", 302)
    ]
    assert shown_messages(response) == ["Reply added."]
    (answer,) = thread.replies.all()
    assert answer.text == "The minister, on 3 May."
    assert answer.factcheck == article
    assert "The minister, on 3 May." in response.content.decode()

    # A reply to the reply joins the same thread: one level is enough.
    comments.reply(answer, editor, "Thanks, add it to the claim.")
    assert thread.replies.count() == 2

    response = as_journalist.post(comment_url(thread, "resolve"), follow=True)
    assert shown_messages(response) == ["Comment resolved."]
    thread.refresh_from_db()
    assert thread.is_resolved is True
    assert thread.resolved_by.username == "journalist"
    page = response.content.decode()
    assert "comment-thread--resolved" in page
    assert escape(f"resolved by {journalist.get_full_name()}") in page

    response = as_journalist.post(comment_url(thread, "resolve"), follow=True)
    assert shown_messages(response) == ["This comment is resolved already."]

    response = as_journalist.post(comment_url(thread, "reopen"), follow=True)
    assert shown_messages(response) == ["Comment open again."]
    thread.refresh_from_db()
    assert (thread.resolved_at, thread.resolved_by) == (None, None)

    with pytest.raises(ValidationError, match="resolved with its thread"):
        comments.resolve(answer, editor)


def test_a_journalist_who_is_not_an_author_cannot_answer(
    client, article, editor, other_journalist
):
    thread, _source, _headline = three_comments(article, editor)
    client.force_login(other_journalist)
    for step, data in [("reply", {"text": "Looks fine."}), ("resolve", {})]:
        assert client.post(comment_url(thread, step), data).status_code == 403
    with pytest.raises(PermissionDenied):
        comments.reply(thread, other_journalist, "Looks fine.")
    with pytest.raises(PermissionDenied):
        comments.resolve(thread, other_journalist)
    thread.refresh_from_db()
    assert thread.is_resolved is False
    assert not thread.replies.exists()
    response = client.get(change_url(article))
    if response.status_code == 200:
        assert f'id="comment-{thread.pk}-reply"' not in response.content.decode()


def test_only_a_reviewing_editor_opens_a_comment(
    client, article, journalist, other_journalist, editor
):
    claim = article.claims.first()
    for user in (journalist, other_journalist):
        client.force_login(user)
        response = client.post(
            add_url(article), {"about": f"claim:{claim.pk}", "text": "Fine by me."}
        )
        assert response.status_code == 403
        with pytest.raises(PermissionDenied, match="reviewing editor"):
            comments.comment(article, user, claim, "Fine by me.")
    # An editor on the byline is an author: another editor reviews.
    writing_editor = make_user("Editors", username="writer")
    own = workflow.submit_for_review(
        make_factcheck(authors=[writing_editor]), writing_editor
    )
    with pytest.raises(PermissionDenied):
        comments.comment(own, writing_editor, "body", "Looks good to me.")
    assert not ReviewComment.objects.exists()


def test_comments_are_opened_in_review_only(as_editor, draft, editor):
    response = as_editor.post(
        add_url(draft), {"about": "field:body", "text": "Shorten it."}, follow=True
    )
    assert shown_messages(response) == [
        "Comments are made while a fact-check is in review; this one is draft."
    ]
    assert not ReviewComment.objects.exists()


def test_the_panel_lists_and_counts_the_open_comments(
    as_editor, article, editor, journalist
):
    on_claim, on_source, on_headline = three_comments(article, editor)
    comments.resolve(on_source, journalist)
    response = as_editor.get(change_url(article))
    review = response.context["review"]
    assert review["open"] == [on_claim, on_headline]
    page = response.content.decode()
    assert "2 open comments:" in page
    assert f'<a href="#comment-{on_claim.pk}">Claim: ' in page
    assert f'<a href="#comment-{on_headline.pk}">Headline</a>' in page
    assert (
        "The authors also get the 2 open review comments, beside what they are about"
        in page
    )
    # The reviewer adds more from the panel: a field, a claim or a source.
    about = dict(review["form"].fields["about"].choices)
    assert about["field:headline"] == "Headline"
    assert about[f"claim:{on_claim.claim_id}"].startswith("Claim 2: ")
    assert about[f"source:{on_source.source_id}"].startswith("Source 1: ")


def test_comments_across_a_review_round(
    client, article, editor, journalist, mailoutbox
):
    on_claim, on_source, on_headline = three_comments(article, editor)
    run_jobs()
    mailoutbox.clear()
    workflow.request_changes(article, editor, "See my comments.")
    run_jobs()
    (email,) = mailoutbox
    assert "See my comments." in email.body
    assert "3 review comments wait for you on the form" in email.body

    # Back in draft: the author answers beside each target and fixes things.
    client.force_login(journalist)
    response = client.get(change_url(article))
    assert "3 open comments:" in response.content.decode()
    client.post(comment_url(on_headline, "reply"), {"text": "Reworded."})
    client.post(comment_url(on_headline, "resolve"))
    client.post(comment_url(on_source, "resolve"))
    client.post(comment_url(on_claim, "reply"), {"text": "Not sure: can we talk?"})
    workflow.submit_for_review(article, journalist)

    # The editor sees what was resolved and what remains, in the second round.
    client.force_login(editor)
    response = client.get(change_url(article))
    review = response.context["review"]
    assert [t.pk for t in review["threads"] if t.is_resolved] == [
        on_source.pk,
        on_headline.pk,
    ]
    assert review["open"] == [on_claim]
    page = response.content.decode()
    assert "1 open comment:" in page
    assert "Not sure: can we talk?" in page
    assert "Reworded." in page
    # Open threads are shown expanded, resolved ones collapsed.
    assert "<details open>" in page
    assert page.count("comment-thread comment-thread--resolved") == 2
    comments.comment(article, editor, "standfirst", "One more thing.")
    assert ReviewComment.objects.open().count() == 2


def test_comments_survive_publication_and_show_in_history(
    client, article, editor, journalist, other_editor
):
    thread, _source, _headline = three_comments(article, editor)
    comments.reply(thread, journalist, "The minister, on 3 May.")
    for open_thread in ReviewComment.objects.open():
        comments.resolve(open_thread, journalist)
    workflow.publish(article, editor)

    client.force_login(other_editor)
    response = client.get(change_url(article))
    page = response.content.decode()
    assert response.context["review"]["beside_targets"] is False
    history = page[page.index('id="history-heading"') :]
    assert "<caption>Review comments</caption>" in history
    for text in (
        "Who said it first?",
        "Link the report itself.",
        "Say what we found.",
        "The minister, on 3 May.",
    ):
        assert text in history
    # The review is over: nothing more to add or answer.
    assert 'class="workflow-comments"' not in page
    with pytest.raises(ValidationError, match="The review is over"):
        comments.reply(thread, journalist, "One more thing.")
    with pytest.raises(ValidationError, match="The review is over"):
        comments.reopen(thread, editor)
    assert ReviewComment.objects.count() == 4


def test_a_deleted_claim_keeps_its_comments(as_editor, article, editor):
    thread, _source, _headline = three_comments(article, editor)
    about = thread.about
    thread.claim.delete()
    thread.refresh_from_db()
    assert (thread.claim, thread.about) == (None, about)
    response = as_editor.get(change_url(article))
    assert "(since removed)" in response.content.decode()
    (kept,) = [t for t in response.context["review"]["threads"] if t.pk == thread.pk]
    assert kept.place == ""  # it stays in the panel


def test_a_revisions_comments_move_to_the_original_when_published(
    live, revision, journalist, editor, client
):
    workflow.submit_for_review(revision, journalist)
    claim = revision.claims.first()
    thread = comments.comment(revision, editor, claim, "Is this still current?")
    comments.reply(thread, journalist, "Yes, checked today.")
    comments.resolve(thread, journalist)
    workflow.publish(revision, editor, **MINOR)

    assert set(ReviewComment.objects.values_list("factcheck", flat=True)) == {live.pk}
    thread.refresh_from_db()
    assert thread.claim == claim  # the claim moved to the original too
    claim.refresh_from_db()
    assert claim.factcheck_id == live.pk
    client.force_login(editor)
    history = client.get(change_url(live)).content.decode()
    assert "Is this still current?" in history
    assert "Yes, checked today." in history


def test_bad_input_is_refused_and_nothing_saved(as_editor, article, editor, journalist):
    elsewhere = make_factcheck(authors=[journalist])
    foreign_claim = elsewhere.claims.get()
    cases = [
        ({"about": "field:headline", "text": "   "}, "Write the comment"),
        ({"about": f"claim:{foreign_claim.pk}", "text": "Hm."}, "Pick what the"),
        ({"about": "field:password", "text": "Hm."}, "Pick what the"),
        ({"about": "claim:first", "text": "Hm."}, "Pick what the"),
        ({"text": "Hm."}, "Pick what the comment is about."),
    ]
    for data, message in cases:
        response = as_editor.post(add_url(article), data, follow=True)
        (shown,) = shown_messages(response)
        assert shown.startswith(message), (data, shown)
    for target in ("password", foreign_claim, elsewhere.sources.get(), None):
        with pytest.raises(ValidationError, match="Pick what the comment is about"):
            comments.comment(article, editor, target, "Hm.")
    with pytest.raises(ValidationError, match="Pick what the comment is about"):
        comments.target_for(article, f"source:{elsewhere.sources.get().pk}")
    assert not ReviewComment.objects.exists()

    thread = comments.comment(article, editor, "body", "Shorten it.")
    response = as_editor.post(comment_url(thread, "reply"), {"text": ""}, follow=True)
    assert shown_messages(response) == ["Write the comment: an empty one says nothing."]
    assert not thread.replies.exists()
    # A thread is reached only through its own article's URL.
    wrong = reverse(
        "admin:factcheck_factcheck_comment_step",
        args=[elsewhere.pk, thread.pk, "resolve"],
    )
    assert as_editor.post(wrong).status_code == 404
    assert as_editor.post(comment_url(thread, "delete")).status_code == 404
    assert as_editor.get(comment_url(thread, "resolve")).status_code == 405
    thread.refresh_from_db()
    assert thread.is_resolved is False


def test_the_change_form_costs_the_same_with_many_comments(
    client, article, editor, journalist, django_assert_max_num_queries
):
    thread, _source, _headline = three_comments(article, editor)
    client.force_login(editor)
    client.get(change_url(article))  # the session's renewal, once
    # The panel's ceiling (tests/test_admin_panel.py) and the comments' query.
    with django_assert_max_num_queries(
        30 + DOOR_QUERIES + READER_PANEL_QUERIES + REVIEW_COMMENTS_QUERIES
    ) as few:
        client.get(change_url(article))
    for number in range(6):
        more = comments.comment(article, editor, "body", f"Point {number}.")
        comments.reply(more, journalist, "Done.")
        comments.resolve(more, journalist)
    comments.reply(thread, journalist, "Checking.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(change_url(article))
    assert len(response.context["review"]["threads"]) == 9
    # The request-changes step is shown with the count, at no extra cost.
    assert step_url(article, "request_changes") in response.content.decode()
