"""A reader's tip in a real browser: sent from the site, matched in the inbox, answered.

The reader suggests a claim the desk checked already; an editor opens the
tip in the admin, sees the published fact-check it matches with its score,
answers it in one click; the reader gets the verdict by email.
"""

import pytest
from django.core import mail
from playwright.sync_api import expect

from factcheck.models import Claim, FactCheck, ReaderMessage
from tests.browser import browser_context, log_in, screenshot
from tests.factories import make_published, make_user
from tests.jobs import run_jobs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_tip_already_checked_is_answered_in_one_click(browser, live_server):
    make_user("Editors", username="editor")
    checked = make_published(
        headline="No, the Great Wall of China is not visible from space"
    )
    Claim.objects.filter(factcheck=checked).update(
        statement="The Great Wall of China is visible from space with the naked eye"
    )
    FactCheck.objects.filter(pk=checked.pk).index_for_search()
    run_jobs()
    mail.outbox.clear()

    with browser_context(browser, live_server.url) as context:
        reader = context.new_page()
        reader.goto("/suggest-a-claim/")
        reader.get_by_label("What claim should we check?").fill(
            "A video says the Great Wall of China is visible from space."
        )
        reader.get_by_label("Your email (optional)").fill("reader@example.org")
        reader.get_by_label("You may email me about this message").check()
        reader.get_by_role("button", name="Send the claim").click()
        reader.wait_for_url("**/thanks/")
    tip = ReaderMessage.objects.get()

    with browser_context(browser, live_server.url) as context:
        editor = context.new_page()
        log_in(editor, "editor")
        editor.goto("/admin/factcheck/readermessage/")
        editor.get_by_role("link", name="A video says the Great Wall").click()
        match = editor.locator(".desk-panel .match").first
        expect(match).to_contain_text(checked.headline)
        expect(match.locator(".match-score")).to_contain_text("% alike")
        screenshot(editor, "inbox-tip-matched")
        match.get_by_role("button", name="Answer with this fact-check").click()
        expect(editor.locator(".messagelist")).to_contain_text(
            "The reader will get an email"
        )

    run_jobs()
    [email] = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    assert checked.get_absolute_url() in email.body
    tip.refresh_from_db()
    assert (tip.state, tip.factcheck) == (ReaderMessage.State.DONE, checked)
