"""Journeys through the admin in a real headless browser against a live server."""

from io import StringIO

import pytest
from django.core.management import call_command

from factcheck.models import FactCheck
from tests.browser import log_in, screenshot
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_journalist_logs_in_and_opens_the_imported_ketamine_draft(page, seed_path):
    make_user("Journalists", username="journalist")
    call_command(
        "import_factcheck", str(seed_path), "--author", "journalist", stdout=StringIO()
    )
    factcheck = FactCheck.objects.get()

    log_in(page, "journalist")
    page.goto("/admin/factcheck/factcheck/")
    page.get_by_role("link", name=factcheck.headline).click()

    assert (
        page.input_value("#id_headline")
        == "Ketamine can help manage symptoms of depression"
    )
    # The body opens in the rich-text editor, headings and all.
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for()
    assert editor.locator("h2", has_text="What is ketamine?").count() == 1
    assert (
        page.input_value("#id_claims-0-statement")
        == "Ketamine can help manage symptoms of depression"
    )
    assert "Draft" in page.locator(".status-badge").first.inner_text()
    screenshot(page, "admin-ketamine-draft")
