"""The editorial workflow end to end in a real browser, through the admin only.

A journalist drafts and submits; an editor sends it back with a note; the
journalist reads the note, fixes the draft and resubmits; another look, and
the editor publishes; an anonymous reader finds it on the home page. A live
article is revised: readers keep the old version until an editor publishes
the revision at the same address.
"""

from contextlib import ExitStack

import pytest
from playwright.sync_api import expect

from factcheck import versions
from factcheck.models import FactCheck
from tests.browser import browser_context, log_in, open_section, screenshot
from tests.factories import (
    ClaimantFactory,
    make_factcheck,
    make_published,
    make_user,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "No, tap water does not contain hidden microchips"
NOTE = "Say which video made the claim and when it was posted."


@pytest.fixture
def open_as(browser, live_server):
    """A signed-in page for ``username`` in a browser context of its own."""
    with ExitStack() as contexts:

        def open_as(username=None):
            context = contexts.enter_context(browser_context(browser, live_server.url))
            page = context.new_page()
            if username:
                log_in(page, username)
            return page

        yield open_as


def choose_autocomplete(page, select_id, text):
    """Pick ``text`` in one of the admin's select2 autocomplete widgets."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_a_fact_check_goes_from_draft_to_the_home_page(open_as):
    journalist = make_user("Journalists", username="journalist")
    make_user("Editors", username="editor")
    ClaimantFactory(name="Viral video account")

    # The journalist drafts; the checklist follows along before any save.
    desk = open_as("journalist")
    desk.goto("/admin/factcheck/factcheck/add/")
    checklist = desk.locator(".gate-checklist")
    expect(checklist).to_contain_text("The fact-check needs a headline.")
    desk.fill("#id_headline", HEADLINE)
    desk.press("#id_headline", "Tab")
    # The admin fills the slug in from the headline.
    expect(desk.locator("#id_slug")).to_have_value(
        "no-tap-water-does-not-contain-hidden-microchips"
    )
    open_section(desk, "Byline, image, credits and dates")
    desk.select_option("#id_bylines-0-author", value=str(journalist.pk))
    desk.fill("#id_claims-0-statement", "Tap water contains microchips")
    expect(checklist).to_contain_text("does not say who made it")
    choose_autocomplete(desk, "id_claims-0-claimant", "Viral video account")
    desk.select_option("#id_claims-0-rating", label="False")
    desk.fill("#id_claims-0-verdict_summary", "Water utilities test for this.")
    expect(checklist).to_contain_text("has 0 sources")
    open_section(desk, "Sources")
    desk.get_by_text("Add another Source").click()
    desk.fill("#id_sources-0-title", "Water quality report")
    desk.fill("#id_sources-0-url", "https://example.org/water")
    expect(checklist).to_contain_text("Nothing missing")
    screenshot(desk, "workflow-1-journalist-drafts")
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was added successfully")

    desk.locator(".workflow-step-submit button").click()
    expect(desk.locator(".messagelist")).to_contain_text("Submitted for review")
    expect(desk.locator(".workflow-state .status-badge")).to_have_text("In review")
    factcheck = FactCheck.objects.get(headline=HEADLINE)

    # The editor finds it waiting and sends it back with a note.
    chief = open_as("editor")
    expect(chief.locator("#waiting-for-review")).to_contain_text(HEADLINE)
    chief.locator("#waiting-for-review").get_by_role("link", name=HEADLINE).click()
    chief.locator(".workflow-step-request_changes summary").click()
    chief.fill("#id_request_changes_note", NOTE)
    chief.locator(".workflow-step-request_changes button[type=submit]").click()
    expect(chief.locator(".messagelist")).to_contain_text("Sent back to the authors")
    screenshot(chief, "workflow-2-editor-requests-changes")

    # The journalist sees the note, fixes the draft and resubmits.
    desk.goto("/admin/")
    expect(desk.locator("#sent-back")).to_contain_text(NOTE)
    desk.locator("#sent-back").get_by_role("link", name=HEADLINE).click()
    expect(desk.locator(".workflow-note")).to_contain_text(NOTE)
    desk.fill(
        "#id_claims-0-verdict_summary",
        "A video posted on 3 March claimed it; water utilities test for this.",
    )
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    desk.locator(".workflow-step-submit button").click()
    expect(desk.locator(".messagelist")).to_contain_text("Submitted for review")
    screenshot(desk, "workflow-3-journalist-resubmits")

    # The editor publishes.
    chief.goto(f"/admin/factcheck/factcheck/{factcheck.pk}/change/")
    expect(chief.locator(".workflow-history")).to_contain_text(NOTE)
    chief.locator(".workflow-step-publish summary").click()
    chief.locator(".workflow-step-publish button[type=submit]").click()
    expect(chief.locator(".messagelist")).to_contain_text(
        "Published: readers can see it now."
    )
    expect(chief.locator(".workflow-state .status-badge")).to_have_text("Published")
    screenshot(chief, "workflow-4-editor-publishes")

    # An anonymous reader finds it on the home page.
    reader = open_as()
    reader.goto("/")
    reader.get_by_role("link", name=HEADLINE).first.click()
    expect(reader.locator("h1")).to_have_text(HEADLINE)
    expect(reader.locator("body")).to_contain_text("A video posted on 3 March")
    screenshot(reader, "workflow-5-reader-finds-it")


REVISED = "No, tap water does not contain microchips, and here is the lab report"


def test_a_live_article_is_revised_while_readers_keep_the_old_version(open_as):
    journalist = make_user("Journalists", username="journalist")
    make_user("Editors", username="editor")
    live = make_published(
        journalist=journalist,
        editor=make_user("Editors", username="chief"),
        headline=HEADLINE,
    )
    reader = open_as()

    # The author opens a revision of the live article and rewrites it.
    desk = open_as("journalist")
    desk.goto(f"/admin/factcheck/factcheck/{live.pk}/change/")
    desk.locator(".workflow-step-revise button").click()
    expect(desk.locator(".messagelist")).to_contain_text("Revision started")
    expect(desk.locator(".workflow-revision")).to_contain_text(
        f"This is a revision of {HEADLINE} (live)."
    )
    desk.fill("#id_headline", REVISED)
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    desk.locator(".workflow-step-submit button").click()
    expect(desk.locator(".messagelist")).to_contain_text("Submitted for review")
    screenshot(desk, "revision-1-journalist-submits")

    reader.goto(live.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(HEADLINE)

    # An editor finds the revision in the queue and publishes it.
    chief = open_as("editor")
    waiting = chief.locator("#waiting-for-review")
    expect(waiting).to_contain_text("(revision)")
    waiting.get_by_role("link", name=REVISED).click()
    # A revision is published with its class: a new headline is an update.
    chief.locator(".workflow-step-publish summary").click()
    chief.select_option(".workflow-step-publish select[name=change_class]", "update")
    chief.fill(
        ".workflow-step-publish textarea[name=note]", "We sharpened the headline."
    )
    chief.locator(".workflow-step-publish button").click()
    expect(chief.locator(".messagelist")).to_contain_text(
        "Published: readers can see it now."
    )
    expect(chief.locator(".workflow-history")).to_contain_text("Revision published")
    screenshot(chief, "revision-2-editor-publishes")

    # Readers see the new version at the same address.
    reader.goto(live.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(REVISED)


def test_a_workflow_button_does_not_silently_drop_unsaved_changes(open_as):
    journalist = make_user("Journalists", username="journalist")
    draft = make_factcheck(authors=[journalist], headline=HEADLINE)
    desk = open_as("journalist")
    desk.goto(f"/admin/factcheck/factcheck/{draft.pk}/change/")
    desk.fill("#id_headline", "A better headline, not saved yet")
    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    desk.on("dialog", answer)
    desk.locator(".workflow-step-submit button").click()

    expect(desk.locator("#id_headline")).to_have_value(
        "A better headline, not saved yet"
    )
    assert "not saved" in questions[0]
    assert FactCheck.objects.get(pk=draft.pk).status == "draft"


def test_a_date_set_by_the_calendar_counts_as_unsaved_but_saving_never_asks(open_as):
    journalist = make_user("Journalists", username="journalist")
    draft = make_factcheck(authors=[journalist], headline=HEADLINE)
    desk = open_as("journalist")
    questions = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    desk.on("dialog", answer)
    desk.goto(f"/admin/factcheck/factcheck/{draft.pk}/change/")
    open_section(desk, "Sources")
    desk.locator(
        "#id_sources-0-published_on + .datetimeshortcuts a", has_text="Today"
    ).click()
    desk.locator(".workflow-step-submit button").click()
    assert len(questions) == 1
    assert FactCheck.objects.get(pk=draft.pk).status == "draft"

    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert len(questions) == 1  # saving left the page without a question


def test_two_people_on_one_article_see_each_other_and_each_others_saves(
    open_as, settings
):
    settings.FACTCHECK_PRESENCE_SECONDS = 1
    journalist = make_user("Journalists", username="journalist")
    make_user("Editors", username="editor", first_name="Dana", last_name="Editor")
    draft = make_factcheck(authors=[journalist], headline=HEADLINE)
    form = f"/admin/factcheck/factcheck/{draft.pk}/change/"

    writer = open_as("journalist")
    writer.goto(form)
    editor = open_as("editor")
    editor.goto(form)

    # Each sees the other within a poll or two; typing shows as editing.
    expect(writer.locator(".presence__others")).to_contain_text("Dana Editor")
    writer.fill("#id_standfirst", "A standfirst being written")
    expect(editor.locator(".presence__others")).to_contain_text("(editing)")

    editor.fill("#id_headline", "The editor's sharper headline")
    editor.locator("input[name=_continue]").click()
    editor.wait_for_load_state()

    warning = writer.locator(".presence__saved")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Dana Editor saved this fact-check")
    expect(writer.locator("#id_standfirst")).to_have_value("A standfirst being written")
    screenshot(writer, "presence-saved-warning")


def test_a_clash_shows_both_versions_and_the_choice_loses_nothing(open_as):
    """Two saves from the same version change the headline both: the second
    sees both side by side, picks one, and keeps everything else typed."""
    journalist = make_user("Journalists", username="journalist")
    make_user("Editors", username="editor", first_name="Dana", last_name="Editor")
    draft = make_factcheck(authors=[journalist], headline=HEADLINE)
    versions.record(draft, journalist)  # as its first save would have
    form = f"/admin/factcheck/factcheck/{draft.pk}/change/"
    writer = open_as("journalist")
    writer.goto(form)
    editor = open_as("editor")
    editor.goto(form)

    editor.fill("#id_headline", "The editor's sharper headline")
    editor.locator("input[name=_continue]").click()
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")

    writer.fill("#id_headline", "The writer's own headline")
    writer.fill("#id_standfirst", "A standfirst only the writer wrote")
    writer.locator("input[name=_continue]").click()

    clashes = writer.locator(".merge-clashes")
    expect(clashes).to_be_visible()
    row = clashes.locator("tbody tr", has_text="The editor's sharper headline")
    expect(row).to_contain_text("The writer's own headline")
    expect(clashes.locator("tbody tr")).to_have_count(1)  # the standfirst merges
    expect(writer.locator("#id_standfirst")).to_have_value(
        "A standfirst only the writer wrote"
    )
    screenshot(writer, "merge-clash")
    row.get_by_label("Keep theirs").check()
    writer.locator("input[name=_continue]").click()

    expect(writer.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = FactCheck.objects.get(pk=draft.pk)
    assert saved.headline == "The editor's sharper headline"
    assert saved.standfirst == "A standfirst only the writer wrote"
