"""The fact-check form puts the claim first, folds its long parts and names each
error at the top (images kept through errors: test_kept_images; parts tied to
new claim rows: test_claim_rows)."""

import re

import pytest

from factcheck.models import FactCheck
from tests.adminforms import (
    ADD_URL,
    change_url,
    form_data,
    new_article_data,
    source_row,
)
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db

#: What each part of the form starts with on the page, top to bottom.
ORDER = [
    'id="id_headline"',
    'id="id_standfirst"',
    'id="id_key_points"',
    'id="claims-group"',
    'id="id_body"',
    'id="sources-group"',
    'id="quotes-group"',
    'id="reply_attempts-group"',
    'id="bylines-group"',
    'id="id_hero_image"',
    'id="id_topics"',
    "field-published_at",
]


def _positions(page, markers):
    return [page.index(marker) for marker in markers]


def _section(page, title):
    """The opening tag of the section titled ``title`` and what it holds."""
    match = re.search(
        r'(<details class="form-section[^"]*" id="[^"]+"( open)?>\s*<summary>'
        r'<h2 class="form-section__title">' + re.escape(title) + r"</h2>.*?</summary>)",
        page,
        re.S,
    )
    assert match, f"no section {title!r}"
    return match.group(1)


# The order of the form.


def test_the_add_form_puts_the_claim_before_the_body_and_the_rest_after(
    as_journalist,
):
    page = as_journalist.get(ADD_URL).content.decode()
    positions = _positions(page, ORDER)
    assert positions == sorted(positions)


def test_the_change_form_keeps_that_order(as_journalist, journalist):
    factcheck = make_factcheck(authors=[journalist])
    page = as_journalist.get(change_url(factcheck)).content.decode()
    positions = _positions(page, ORDER)
    assert positions == sorted(positions)
    # Still there: the hidden version and the threads' targets.
    assert 'type="hidden" name="version"' in page
    assert 'id="claims-0"' in page and 'id="sources-0"' in page


def test_a_published_article_reads_in_the_same_order_with_its_corrections_last(
    as_editor, published
):
    response = as_editor.get(change_url(published))
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["has_change_permission"] is True  # corrections
    assert 'id="id_headline"' not in page  # read-only
    positions = _positions(
        page,
        [
            "field-headline",
            'id="claims-group"',
            "field-formatted_body",
            'id="sources-group"',
            'id="bylines-group"',
            "field-hero_image",
            "field-published_at",
            'id="corrections-group"',
        ],
    )
    assert positions == sorted(positions)
    assert " open>" in _section(page, "Corrections")


def test_the_long_parts_are_folded_but_the_body_is_open(as_journalist):
    page = as_journalist.get(ADD_URL).content.decode()
    assert " open>" in _section(page, "Body")
    for title in (
        "Sources",
        "Expert quotes",
        "Right of reply",
        "Byline, image, credits and dates",
    ):
        section = _section(page, title)
        assert " open>" not in section
        assert "error" not in section


# The errors, named at the top and counted in their sections.


def test_the_summary_names_and_links_each_error(as_journalist):
    data = new_article_data(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[{**source_row("Dose chart"), "url": "not a link"}],
    )
    data["headline"] = ""
    data["claims-0-seen_url"] = "ftp://files.example.org/claim.txt"

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 200
    assert not FactCheck.objects.exists()
    summary = [
        (error.target, error.label, error.message)
        for error in response.context["error_summary"]
    ]
    assert summary == [
        ("id_headline", "Headline", "This field is required."),
        ("id_claims-0-seen_url", "Claim #1, First seen at (URL)", "Enter a valid URL."),
        ("id_sources-0-url", "Source #1, URL", "Enter a valid URL."),
        (
            "id_sources-0-url",
            "Source #1, URL",
            "Give the source's URL, or a full citation if it has no link.",
        ),
    ]
    page = response.content.decode()
    summary_html = page[page.index('class="error-summary"') :]
    summary_html = summary_html[: summary_html.index("</nav>")]
    assert '<a href="#id_headline">Headline: This field is required.</a>' in (
        summary_html
    )
    assert (
        '<a href="#id_claims-0-seen_url">Claim #1, First seen at (URL): '
        "Enter a valid URL.</a>" in summary_html
    )
    # The summary comes before the form's parts; each target is on the page.
    assert page.index('class="error-summary"') < page.index('id="id_headline"')
    for target, _label, _message in summary:
        assert f'id="{target}"' in page


def test_a_section_counts_its_errors_and_opens(as_journalist):
    data = new_article_data(
        form_data(as_journalist.get(ADD_URL)),
        sources=[
            {**source_row("Dose chart"), "url": ""},
            {**source_row("Second chart"), "title": ""},
        ],
    )

    page = as_journalist.post(ADD_URL, data).content.decode()

    sources = _section(page, "Sources")
    assert " open>" in sources
    assert '<span class="form-section__errors">2 errors</span>' in sources
    quotes = _section(page, "Expert quotes")
    assert " open>" not in quotes and "error" not in quotes


def test_an_article_field_error_opens_its_section(as_journalist, png_upload):
    """An image without its alt text: the error is in a folded section."""
    data = new_article_data(form_data(as_journalist.get(ADD_URL)))
    data.update(hero_image=png_upload(), hero_image_alt="")

    response = as_journalist.post(ADD_URL, data)

    [error] = response.context["error_summary"]
    assert error.target == "id_hero_image_alt"
    page = response.content.decode()
    section = _section(page, "Byline, image, credits and dates")
    assert " open>" in section and "1 error</span>" in section
    assert " open>" not in _section(page, "Sources")
    # The image itself is kept for the save that adds the alt text.
    assert "Your image “photo.png” is kept" in page


def test_an_inline_non_form_error_links_to_its_group(client, journalist, editor):
    """The byline formset refuses an author dropping their own name."""
    shared = make_factcheck(authors=[journalist, editor])
    client.force_login(editor)
    data = form_data(client.get(change_url(shared)))
    author_rows = [
        key for key, value in data.items() if key.endswith("-author") and value
    ]
    for key in author_rows:
        if data[key] == editor.pk:
            data[key.replace("-author", "-DELETE")] = "on"

    response = client.post(change_url(shared), data)

    assert response.status_code == 200
    [error] = response.context["error_summary"]
    assert (error.target, error.label) == ("bylines-group", "Byline")
    section = _section(response.content.decode(), "Byline, image, credits and dates")
    assert " open>" in section and "1 error" in section
