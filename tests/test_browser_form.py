"""The fact-check form in a real browser: the claim above the body, and an
error found from the summary at the top."""

import pytest
from playwright.sync_api import expect

from tests.browser import log_in, open_section, screenshot
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_journalist_finds_the_claim_first_and_an_error_from_the_summary(page):
    make_user("Journalists", username="journalist")
    log_in(page, "journalist")
    page.goto("/admin/factcheck/factcheck/add/")

    claim = page.locator("#id_claims-0-statement")
    body = page.locator(".form-row.field-body")
    assert claim.bounding_box()["y"] < body.bounding_box()["y"]
    # The long parts are folded: the page ends soon after the body.
    expect(page.locator("#sources-group")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollHeight") < 2500
    screenshot(page, "admin-form-add")

    page.fill("#id_headline", "Bananas are not dangerously radioactive")
    claim.fill("Bananas are radioactive")
    open_section(page, "Sources")
    page.get_by_text("Add another Source").click()
    page.fill("#id_sources-0-title", "Dose chart")
    page.fill("#id_sources-0-url", "not a link")
    page.click("input[name=_continue]")

    summary = page.locator(".error-summary")
    expect(summary).to_be_in_viewport()
    link = summary.get_by_role("link", name="Source #1, URL: Enter a valid URL.")
    sources = page.locator("details.form-section", has=page.locator("#sources-group"))
    expect(sources).to_have_attribute("open", "")
    expect(sources.locator(":scope > summary")).to_contain_text("errors")
    field = page.locator("#id_sources-0-url")
    expect(field).not_to_be_in_viewport()
    screenshot(page, "admin-form-error-summary")

    link.click()

    expect(field).to_be_in_viewport()
    expect(field).to_be_focused()  # ready to type the correction
    assert page.evaluate("location.hash") == "#id_sources-0-url"
    expect(field).to_have_value("not a link")
