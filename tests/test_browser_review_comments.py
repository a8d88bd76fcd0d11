"""Review comments in a real browser: each thread beside its claim, source or field,
answered there without the unsaved-changes guard mistaking the reply for an edit."""

import pytest
from playwright.sync_api import expect

from factcheck import comments, workflow
from factcheck.models import ReviewComment
from tests.browser import browser_context, log_in, screenshot
from tests.factories import make_factcheck, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_author_answers_each_comment_beside_its_target(browser, live_server):
    journalist = make_user("Journalists", username="journalist")
    editor = make_user("Editors", username="editor")
    factcheck = workflow.submit_for_review(
        make_factcheck(authors=[journalist], claims=2), journalist
    )
    on_claim = comments.comment(
        factcheck, editor, factcheck.claims.all()[1], "Who said it first?"
    )
    comments.comment(factcheck, editor, factcheck.sources.first(), "Link the report.")
    comments.comment(factcheck, editor, "headline", "Say what we found.")
    workflow.request_changes(factcheck, editor, "See my comments.")

    with browser_context(browser, live_server.url) as context:
        desk = context.new_page()
        log_in(desk, "journalist")
        questions = []

        def answer(dialog):
            questions.append(dialog.message)
            dialog.dismiss()

        desk.on("dialog", answer)
        desk.goto(f"/admin/factcheck/factcheck/{factcheck.pk}/change/")

        # Each thread sits in its target's row, inside the article's form.
        for row, text in [
            ("#claims-1", "Who said it first?"),
            ("#sources-0", "Link the report."),
            (".form-row.field-headline", "Say what we found."),
        ]:
            expect(
                desk.locator(f"#factcheck_form {row} .comment-thread")
            ).to_contain_text(text)
        expect(desk.locator(".open-comments li")).to_have_count(3)
        screenshot(desk, "admin-review-comments")

        thread = desk.locator(f"#comment-{on_claim.pk}")
        thread.locator("textarea").fill("The minister, on 3 May.")
        thread.get_by_role("button", name="Reply").click()
        expect(desk.locator(".messagelist")).to_contain_text("Reply added.")
        assert questions == []  # a reply is not an unsaved edit of the article

        desk.locator(f"#comment-{on_claim.pk}").get_by_role(
            "button", name="Resolve"
        ).click()
        expect(desk.locator(".messagelist")).to_contain_text("Comment resolved.")
        expect(desk.locator(".open-comments li")).to_have_count(2)
        assert questions == []
    thread = ReviewComment.objects.get(pk=on_claim.pk)
    assert thread.is_resolved is True
    assert [reply.text for reply in thread.replies.all()] == ["The minister, on 3 May."]
