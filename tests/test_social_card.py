"""The 1200x630 share image: drawn once, redrawn on change, any script, any length."""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageFont, features

from factcheck import social_card, workflow
from factcheck.models import FactCheck, Rating, Verdict
from tests.factories import make_published, make_user, publish_rerating, rating

pytestmark = pytest.mark.django_db

LONG_CLAIM = "Drinking hot water every fifteen minutes washes every virus away " * 12
HINDI = "गर्म पानी पीने से कोरोना वायरस मर जाता है और यह फेफड़ों तक नहीं पहुंचता"
ARABIC = "شرب الماء الساخن كل خمس عشرة دقيقة يقتل فيروس كورونا قبل أن يصل إلى الرئتين"


def card(client, factcheck):
    response = client.get(reverse("factcheck:card", args=[factcheck.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return response.content


def open_png(data):
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image


@pytest.fixture
def draws(monkeypatch):
    """Count the drawings made, so caching can be observed."""
    calls = []
    original = social_card.render

    def counting(*args):
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(social_card, "render", counting)
    return calls


def test_the_card_is_a_1200_by_630_png(client):
    image = open_png(card(client, make_published()))
    assert image.size == (1200, 630)


def test_the_card_shows_the_verdict_colour(client):
    image = open_png(card(client, make_published(rating_slug="false"))).convert("RGB")
    red = tuple(int(rating("false").colour[i : i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((5, 300)) == red  # the accent bar
    assert red in {colour for _, colour in image.getcolors(100_000)}


def test_the_card_is_drawn_once_then_served_from_the_cache(client, draws):
    factcheck = make_published()
    first = card(client, factcheck)
    second = card(client, factcheck)
    assert first == second
    assert len(draws) == 1


def test_the_card_is_redrawn_when_the_verdict_changes(client, draws):
    factcheck = make_published(rating_slug="false")
    before = card(client, factcheck)
    # A new verdict reaches readers through a revision.
    revision = workflow.start_revision(factcheck, factcheck.created_by)
    Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
    workflow.submit_for_review(revision, factcheck.created_by)
    publish_rerating(revision, factcheck.editor, make_user("Editors"))

    after = card(client, factcheck)

    assert before != after
    assert len(draws) == 2
    assert [shown.label for shown in draws[-1][2]] == ["True"]


def test_a_rating_colour_edit_leaves_published_cards_alone(client, draws):
    """Published verdicts keep the colour they were published with."""
    factcheck = make_published(rating_slug="false")
    card(client, factcheck)
    Rating.objects.filter(slug="false").update(colour="#7f1d1d")
    card(client, factcheck)
    assert len(draws) == 1


@pytest.mark.parametrize("claim", [LONG_CLAIM, HINDI, ARABIC, "x" * 600, "Short"])
def test_any_claim_fits_the_card(client, claim):
    factcheck = make_published()
    factcheck.claims.update(statement=claim)
    image = open_png(card(client, FactCheck.objects.get(pk=factcheck.pk)))
    assert image.size == (1200, 630)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (HINDI, "devanagari"),
        (ARABIC, "arabic"),
        ("Plain words", "latin"),
        ("42", "latin"),
    ],
)
def test_the_claims_script_is_recognised(text, script):
    assert social_card.script_of(text) == script


def _ink_columns(png):
    """How far right the claim's text reaches, and how far left it starts."""
    image = open_png(png).convert("L").crop((40, 140, 1200, 460))
    columns = [
        x
        for x in range(image.width)
        if image.crop((x, 0, x + 1, 320)).getextrema()[0] < 100
    ]
    return min(columns) + 40, max(columns) + 40


@pytest.mark.skipif(not features.check("raqm"), reason="needs libraqm")
def test_arabic_is_set_right_to_left():
    left, right = _ink_columns(
        social_card.render("Desk", "قصير", [], "https://x.example")
    )
    assert right > 1000 and left > 600


def test_long_claims_are_cut_with_an_ellipsis():
    font = social_card.load_font("latin-bold", 40)
    lines = social_card.wrap(LONG_CLAIM, font, 1000, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 1000 for line in lines)


def test_a_word_wider_than_the_card_is_broken():
    font = social_card.load_font("latin-bold", 40)
    lines = social_card.wrap("y" * 200, font, 500, max_lines=10)
    assert len(lines) > 1
    assert "".join(lines) == "y" * 200


def test_without_any_font_file_the_built_in_font_is_used(monkeypatch):
    monkeypatch.setattr(social_card, "font_path", lambda role: None)
    assert isinstance(social_card.load_font("ui-bold", 30), ImageFont.FreeTypeFont)
    png = social_card.render("Desk", LONG_CLAIM, [rating("false")], "https://x.example")
    assert open_png(png).size == (1200, 630)


def test_the_font_setting_takes_precedence(settings):
    path = social_card.font_path("ui-regular")
    if path is None:
        pytest.skip("no fonts installed")
    social_card.font_path.cache_clear()
    settings.FACTCHECK_CARD_FONTS = {"devanagari-bold": [path]}
    try:
        assert social_card.font_path("devanagari-bold") == path
    finally:
        social_card.font_path.cache_clear()


def test_the_article_uses_the_card_as_its_share_image(client):
    factcheck = make_published()
    content = client.get(factcheck.get_absolute_url()).content.decode()
    url = f"http://testserver/fact-checks/{factcheck.slug}/card.png"
    version = social_card.fingerprint(factcheck)
    assert f'<meta property="og:image" content="{url}?v={version}">' in content


def _is_drawn(font, text):
    """True when no character of ``text`` comes out as the missing-glyph box."""
    missing = font.getmask("\uffff")
    return all(
        (mask := font.getmask(char)).size != missing.size
        or bytes(mask) != bytes(missing)
        for char in text
    )


@pytest.mark.parametrize(
    ("claim", "role", "script"),
    [
        (LONG_CLAIM, "latin-bold", "latin"),
        (ARABIC * 4, "arabic-bold", "arabic"),
        (HINDI * 4, "devanagari-bold", "devanagari"),
    ],
)
def test_a_cut_claim_ends_on_a_whole_word_and_a_mark_its_font_has(claim, role, script):
    """Noto Sans Arabic has no "…": the card used to end Arabic claims in a box."""
    if social_card.font_path(role) is None:
        pytest.skip(f"no {role} font installed")
    font = social_card.load_font(role, 50)
    layout = social_card._layout_kwargs(font, script)
    for width in range(800, 1001, 20):
        lines = social_card.wrap(claim, font, width, max_lines=2, layout=layout)

        assert len(lines) == 2
        text = lines[-1].removesuffix("…").removesuffix("...")
        mark = lines[-1][len(text) :]
        assert mark and _is_drawn(font, mark), (width, mark)
        assert text.split()[-1] in claim.split(), (width, lines[-1])
        assert font.getlength(lines[-1], **layout) <= width


def test_only_a_word_wider_than_the_line_is_cut_inside():
    font = social_card.load_font("latin-bold", 40)
    (line,) = social_card.wrap("y" * 200, font, 500, max_lines=1)
    assert line.startswith("yyy") and line.endswith(social_card.ellipsis(font))
    assert font.getlength(line) <= 500


def test_a_card_for_several_claims_shows_each_verdict(client, journalist, editor):
    """The headline speaks for all the claims; each claim's verdict gets a badge."""
    factcheck = make_published(
        journalist, editor, claims=2, rating_slug="mostly-true", headline="Budget"
    )
    verdict = factcheck.claims.last().verdict
    verdict.rating = rating("true")
    verdict.save()
    factcheck = FactCheck.objects.with_card_parts().get(pk=factcheck.pk)

    text, shown = social_card.card_subject(factcheck)
    assert (text, [r.label for r in shown]) == ("Budget", ["Mostly true", "True"])
    colours = {
        colour for _, colour in open_png(card(client, factcheck)).getcolors(1 << 20)
    }
    for slug in ("mostly-true", "true"):
        hex_colour = rating(slug).colour
        assert tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)) in colours


def test_past_three_verdicts_the_rest_are_counted():
    ratings = [rating(slug) for slug in ("true", "false", "misleading", "false")]
    _font, _size, badges = social_card._badges(ratings, room=900)
    assert [label for label, _rating in badges] == ["TRUE", "FALSE", "MISLEADING", "+1"]


def test_the_card_is_cached_by_browsers_and_answers_conditional_requests(client):
    factcheck = make_published()
    url = reverse("factcheck:card", args=[factcheck.slug])
    version = social_card.fingerprint(factcheck)

    plain = client.get(url)
    assert plain["ETag"] == f'"{version}"'
    assert plain["Cache-Control"] == "public, max-age=86400"
    versioned = client.get(url, {"v": version})
    assert versioned["Cache-Control"] == "public, max-age=31536000, immutable"
    again = client.get(url, headers={"if-none-match": plain["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == plain["ETag"]


def test_a_new_verdict_gives_the_card_a_new_url_and_etag(client):
    factcheck = make_published(rating_slug="false")
    page = client.get(factcheck.get_absolute_url()).content.decode()
    before = client.get(reverse("factcheck:card", args=[factcheck.slug]))["ETag"]
    # A new verdict reaches readers through a revision.
    revision = workflow.start_revision(factcheck, factcheck.created_by)
    Verdict.objects.filter(claim__factcheck=revision).update(rating=rating("true"))
    workflow.submit_for_review(revision, factcheck.created_by)
    publish_rerating(revision, factcheck.editor, make_user("Editors"))

    after = client.get(reverse("factcheck:card", args=[factcheck.slug]))["ETag"]
    new_page = client.get(factcheck.get_absolute_url()).content.decode()
    assert after != before
    assert after.strip('"') in new_page and after.strip('"') not in page


def test_a_single_claim_is_quoted_so_it_never_reads_as_our_statement(
    client, draws, journalist, editor
):
    one = make_published(journalist, editor)
    several = make_published(journalist, editor, claims=2, headline="Two claims")
    card(client, one)
    card(client, several)
    assert [call[-1] for call in draws] == [True, False]
    plain = social_card.render("Desk", "Bananas cure colds", [], "https://x.example")
    quoted = social_card.render(
        "Desk", "Bananas cure colds", [], "https://x.example", True
    )
    assert plain != quoted
