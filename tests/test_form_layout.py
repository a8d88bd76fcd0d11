"""The fact-check form puts the claim first, folds its long parts, names each
error at the top, keeps a chosen image through errors, and ties sources to
claims not saved yet."""

import os
import re
import time

import pytest
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from factcheck import versions
from factcheck.admin.forms import KEPT_IMAGE_SECONDS, KEPT_IMAGES
from factcheck.models import FactCheck
from tests.adminforms import (
    add_rows,
    change_url,
    checklist_url,
    form_data,
    shown_messages,
)
from tests.factories import make_factcheck

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:factcheck_factcheck_add")

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


def _new_article(data, claims=(), sources=(), replies=()):
    data.update(headline="Are bananas radioactive?", slug="bananas", language="en")
    add_rows(
        data,
        "claims",
        [{"statement": statement, "ordering": n} for n, statement in enumerate(claims)],
    )
    add_rows(data, "sources", list(sources))
    add_rows(data, "reply_attempts", list(replies))
    return data


def _source(title, claim=""):
    return {
        "title": title,
        "url": f"https://example.org/{title.lower().replace(' ', '-')}",
        "kind": "official",
        "origin": "primary",
        "claim": claim,
        "ordering": 0,
    }


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
    data = _new_article(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[{**_source("Dose chart"), "url": "not a link"}],
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
    data = _new_article(
        form_data(as_journalist.get(ADD_URL)),
        sources=[
            {**_source("Dose chart"), "url": ""},
            {**_source("Second chart"), "title": ""},
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
    data = _new_article(form_data(as_journalist.get(ADD_URL)))
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


# An image chosen survives the other errors.


def test_an_image_is_kept_through_an_error_and_used_by_the_next_save(
    as_journalist, png_upload, django_capture_on_commit_callbacks
):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    upload = png_upload(name="phone.jpg", fmt="JPEG", exif=exif.tobytes())
    data = _new_article(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=upload, hero_image_alt="A banana")

    failed = as_journalist.post(ADD_URL, data)

    assert failed.status_code == 200
    page = failed.content.decode()
    assert "Your image “phone.jpg” is kept; save again to use it" in page
    token = failed.context["adminform"].form["kept_hero_image"].value()
    assert f'name="kept_hero_image" value="{token}"' in page
    kept = signing.loads(token, salt="factcheck.admin.kept-hero-image")
    assert kept["name"].startswith(KEPT_IMAGES)
    with Image.open(default_storage.open(kept["name"])) as waiting:
        assert not waiting.getexif()  # stored without its metadata

    data.pop("hero_image")
    data.update(headline="Are bananas radioactive?", kept_hero_image=token)
    with django_capture_on_commit_callbacks(execute=True):
        saved = as_journalist.post(ADD_URL, data)

    assert saved.status_code == 302
    factcheck = FactCheck.objects.get()
    assert factcheck.hero_image.name.startswith("factcheck/")
    with Image.open(factcheck.hero_image) as image:
        assert image.size == (64, 48)
    assert not default_storage.exists(kept["name"])


def test_a_new_image_replaces_the_kept_one(as_journalist, png_upload):
    data = _new_article(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=png_upload(), hero_image_alt="A banana")
    token = (
        as_journalist.post(ADD_URL, data).context["adminform"].form["kept_hero_image"]
    )
    data.update(
        headline="Bananas",
        kept_hero_image=token.value(),
        hero_image=png_upload(size=(30, 20), name="other.png"),
    )

    assert as_journalist.post(ADD_URL, data).status_code == 302
    with Image.open(FactCheck.objects.get().hero_image) as image:
        assert image.size == (30, 20)


def test_kept_images_no_token_can_name_are_swept(as_journalist, png_upload):
    """A form left with errors and never saved again leaves its image only
    until another is kept after its token has expired."""
    stale = default_storage.save(f"{KEPT_IMAGES}abandoned.png", ContentFile(b"x"))
    fresh = default_storage.save(f"{KEPT_IMAGES}in-use.png", ContentFile(b"x"))
    day_old = time.time() - KEPT_IMAGE_SECONDS - 60
    os.utime(default_storage.path(stale), (day_old, day_old))
    data = _new_article(form_data(as_journalist.get(ADD_URL)))
    data.update(headline="", hero_image=png_upload(), hero_image_alt="A banana")

    assert as_journalist.post(ADD_URL, data).status_code == 200

    assert not default_storage.exists(stale)
    assert default_storage.exists(fresh)


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps({"name": "kept-images/x.png", "original": "x.png"}),
        signing.dumps(
            {"name": "factcheck/2026/01/secret.png", "original": "x.png"},
            salt="factcheck.admin.kept-hero-image",
        ),
    ],
    ids=["unsigned", "other-salt", "outside-the-kept-folder"],
)
def test_a_forged_kept_image_token_is_refused_and_changes_nothing(
    as_journalist, journalist, token
):
    factcheck = make_factcheck(authors=[journalist])
    data = form_data(as_journalist.get(change_url(factcheck)))
    data.update(headline="A new headline", kept_hero_image=token)

    response = as_journalist.post(change_url(factcheck), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["hero_image"] == [
        "The image kept from your last save could not be used; choose the file again."
    ]
    stored = FactCheck.objects.get(pk=factcheck.pk)
    assert (stored.headline, stored.hero_image.name) == (factcheck.headline, "")
    # Not posted again with the form.
    assert response.context["adminform"].form["kept_hero_image"].value() == ""


# Sources (and reply attempts) tied to claims not saved yet.


def test_a_source_names_claim_row_two_of_a_new_article(as_journalist):
    page = as_journalist.get(ADD_URL)
    assert '<option value="claims-1">Claim #2 (not saved yet)</option>' in (
        page.content.decode()
    )
    data = _new_article(
        form_data(page),
        claims=["Bananas are radioactive", "Bananas glow"],
        sources=[_source("Glow study", claim="claims-1"), _source("Dose chart")],
        replies=[{"claim": "claims-0", "channel": "email", "response": ""}],
    )
    data["reply_attempts-0-contacted_at_0"] = "2026-11-01"
    data["reply_attempts-0-contacted_at_1"] = "10:00"

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 302, response.context["error_summary"]
    factcheck = FactCheck.objects.get()
    first, second = factcheck.claims.order_by("ordering")
    sources = {source.title: source.claim for source in factcheck.sources.all()}
    assert sources == {"Glow study": second, "Dose chart": None}
    assert factcheck.reply_attempts.get().claim == first


def test_a_source_naming_an_empty_claim_row_is_an_error(as_journalist):
    data = _new_article(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[_source("Glow study", claim="claims-3")],
    )

    response = as_journalist.post(ADD_URL, data)

    assert response.status_code == 200
    [error] = response.context["error_summary"]
    assert (error.target, error.message) == (
        "id_sources-0-claim",
        "Claim #4 (not saved yet) is empty or deleted; choose another claim.",
    )
    assert not FactCheck.objects.exists()


def test_the_checklist_counts_a_source_tied_to_a_claim_row(as_journalist):
    data = _new_article(
        form_data(as_journalist.get(ADD_URL)),
        claims=["Bananas are radioactive"],
        sources=[_source("Dose chart", claim="claims-0")],
    )
    report = as_journalist.post(checklist_url(), data).json()
    assert not any("0 sources" in problem for problem in report["problems"])


def test_a_stale_save_tying_a_source_to_a_new_claim_row_merges(
    client, journalist, editor
):
    factcheck = make_factcheck(authors=[journalist], claims=2)
    versions.record(factcheck, journalist)
    client.force_login(journalist)
    theirs = form_data(client.get(change_url(factcheck)))
    client.force_login(editor)
    mine = form_data(client.get(change_url(factcheck)))
    client.force_login(journalist)
    theirs["headline"] = "Their headline"
    assert client.post(change_url(factcheck), theirs).status_code == 302

    add_rows(mine, "claims", [{"statement": "Bananas glow", "ordering": 2}])
    add_rows(mine, "sources", [_source("Glow study", claim="claims-2")])
    mine["standfirst"] = "My standfirst"
    client.force_login(editor)
    response = client.post(change_url(factcheck), mine)

    assert response.status_code == 302, response.context["error_summary"]
    assert any("Merged with" in m for m in shown_messages(client.get(response.url)))
    stored = FactCheck.objects.get(pk=factcheck.pk)
    assert (stored.headline, stored.standfirst) == ("Their headline", "My standfirst")
    glow = stored.claims.get(statement="Bananas glow")
    assert stored.sources.get(title="Glow study").claim == glow
