"""What readers share: the share image's alt text and the embeddable card."""

import html
import re

import pytest
from django.urls import reverse

from tests.factories import (
    make_mixed_verdicts,
    make_published,
)

pytestmark = pytest.mark.django_db


def test_the_embed_can_be_framed_elsewhere_but_pages_cannot(client, published):
    embed = client.get(reverse("factcheck:embed", args=[published.slug]))
    page = client.get(published.get_absolute_url())
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert published.claims.get().statement in embed.content.decode()
    assert page["X-Frame-Options"] == "DENY"


def test_the_embed_shows_every_claims_verdict(client, journalist, editor):
    factcheck = make_mixed_verdicts(journalist, editor)
    content = client.get(reverse("factcheck:embed", args=[factcheck.slug])).content
    rows = re.findall(r"<li>(.*?)</li>", content.decode(), re.DOTALL)
    assert ">Mostly true</span>" in rows[0] and "Prices rose fastest" in rows[0]
    assert ">True</span>" in rows[1] and "Wages outpace prices" in rows[1]


def test_the_embed_cuts_a_long_claim_at_a_word(client, published):
    """The CSS clamps it to three lines; the server cuts it too, as a fallback."""
    sentence = "Drinking hot lemon water every morning cures every known disease "
    words = set(sentence.split())
    claim = published.claims.get()
    claim.statement = (sentence * 6)[:330]
    claim.save()
    content = client.get(reverse("factcheck:embed", args=[published.slug])).content
    shown = re.search(r"<q>(.*?)</q>", content.decode()).group(1)
    assert shown.endswith("…") and len(shown) <= 180
    assert set(shown.removesuffix("…").split()) <= words
    assert "Read the full fact-check" in content.decode()


def test_the_share_image_alt_names_every_verdict(client, journalist, editor):
    factcheck = make_mixed_verdicts(journalist, editor)
    content = client.get(factcheck.get_absolute_url()).content.decode()
    assert (
        '<meta property="og:image:alt" content="Budget — Verdicts: Mostly true, True">'
        in content
    )


def test_the_embed_code_survives_quotes_in_the_headline(client):
    """The textarea holds the iframe as text: copied, it must parse back whole."""
    published = make_published(
        headline='No, the "Great Wall" is not visible " onload="alert(1)'
    )
    page = client.get(published.get_absolute_url()).content.decode()
    code = html.unescape(
        re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)[1]
    )
    iframe = re.fullmatch(r"<iframe ([^>]*)></iframe>", code.strip())[1]
    attributes = dict(re.findall(r'(\w+)="([^"]*)"', iframe))
    assert set(attributes) == {"src", "width", "height", "title", "style", "loading"}
    assert html.unescape(attributes["title"]).startswith('Fact-check: No, the "Great')
