"""The 1200x630 PNG shown when a fact-check is shared (its ``og:image``).

Drawn with Pillow from the site name, the first claim and its verdict badge.
Drawing takes tens of milliseconds, so each card is kept in the shared cache
under a hash of what it shows: a changed claim, rating or headline gives a
new key, hence a fresh drawing, and no invalidation is needed.

Hindi and Arabic need complex text layout (libraqm, which Pillow's wheels
bundle) and fonts that have their glyphs (Debian's fonts-noto-core). Fonts are
looked up at known paths, overridable with ``FACTCHECK_CARD_FONTS``; without
any, Pillow's built-in font still gives a readable Latin card.
"""

import functools
import hashlib
import io
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont, features

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 72
CACHE_SECONDS = 30 * 24 * 3600
#: Bump when the drawing changes, so cached cards are redrawn.
VERSION = 1

INK = "#111827"
MUTED = "#4b5563"
PAPER = "#f7f5f0"
RULE = "#d6d3cc"

NOTO = "/usr/share/fonts/truetype/noto/"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBERATION = "/usr/share/fonts/truetype/liberation/"
#: (script, style) -> font files to try in order; FACTCHECK_CARD_FONTS
#: entries with the same keys (e.g. "arabic-bold") take precedence.
DEFAULT_FONTS = {
    "latin-bold": [
        NOTO + "NotoSerif-Bold.ttf",
        DEJAVU + "DejaVuSerif-Bold.ttf",
        LIBERATION + "LiberationSerif-Bold.ttf",
    ],
    "ui-bold": [
        NOTO + "NotoSans-Bold.ttf",
        DEJAVU + "DejaVuSans-Bold.ttf",
        LIBERATION + "LiberationSans-Bold.ttf",
    ],
    "ui-regular": [
        NOTO + "NotoSans-Regular.ttf",
        DEJAVU + "DejaVuSans.ttf",
        LIBERATION + "LiberationSans-Regular.ttf",
    ],
    "devanagari-bold": [NOTO + "NotoSansDevanagari-Bold.ttf"],
    "arabic-bold": [NOTO + "NotoSansArabic-Bold.ttf", DEJAVU + "DejaVuSans-Bold.ttf"],
}
#: Script -> (language tag for text layout, direction).
SCRIPTS = {
    "latin": ("en", "ltr"),
    "devanagari": ("hi", "ltr"),
    "arabic": ("ar", "rtl"),
}


def script_of(text):
    """The script a card's claim is drawn in: "arabic", "devanagari" or "latin"."""
    counts = {"arabic": 0, "devanagari": 0, "latin": 0}
    for char in text:
        name = unicodedata.name(char, "")
        for script in ("ARABIC", "DEVANAGARI"):
            if name.startswith(script):
                counts[script.lower()] += 1
        if char.isalpha() and name.startswith("LATIN"):
            counts["latin"] += 1
    return max(counts, key=lambda script: (counts[script], script == "latin"))


@functools.cache
def font_path(role):
    """The first font file that exists for ``role``, or None."""
    configured = getattr(settings, "FACTCHECK_CARD_FONTS", {}).get(role, [])
    for path in [*configured, *DEFAULT_FONTS.get(role, [])]:
        if Path(path).is_file():
            return path
    return None


def load_font(role, size):
    path = font_path(role)
    if path is None:
        return ImageFont.load_default(size=size)
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(path, size, layout_engine=engine)


def _layout_kwargs(font, script):
    """Direction and language for Pillow, which takes them only with libraqm."""
    if getattr(font, "layout_engine", None) != ImageFont.Layout.RAQM:
        return {}
    language, direction = SCRIPTS[script]
    return {"language": language, "direction": direction}


def _length(font, text, layout):
    return font.getlength(text, **layout)


def _pieces(word, font, width, layout):
    """Split a word too wide for a line into pieces that fit."""
    piece = ""
    for char in word:
        if piece and _length(font, piece + char, layout) > width:
            yield piece
            piece = ""
        piece += char
    if piece:
        yield piece


def wrap(text, font, width, max_lines, layout=None):
    """Lines of ``text`` no wider than ``width``; the last ends in "…" if cut."""
    layout = layout or {}
    lines, line = [], ""
    for word in text.split():
        for piece in _pieces(word, font, width, layout):
            candidate = f"{line} {piece}" if line else piece
            if _length(font, candidate, layout) <= width:
                line = candidate
            else:
                lines.append(line)
                line = piece
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines
    kept, last = lines[: max_lines - 1], lines[max_lines - 1]
    while last and _length(font, last + "…", layout) > width:
        last = last[:-1]
    return [*kept, last.rstrip(" ,;:.–—") + "…"]


def _fit_claim(text, script, width, height):
    """The largest claim font (and its lines) whose lines fit the box."""
    role = "latin-bold" if script == "latin" else f"{script}-bold"
    for size in (64, 56, 50, 44, 40):
        font = load_font(role, size)
        layout = _layout_kwargs(font, script)
        line_height = int(size * (1.5 if script != "latin" else 1.25))
        max_lines = max(1, height // line_height)
        lines = wrap(text, font, width, max_lines, layout)
        if not lines[-1].endswith("…") or size == 40:
            return font, lines, line_height, layout


def render(site_name, claim, rating, site_url):
    """Draw the card; ``rating`` may be None (the badge is then left out)."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    accent = rating.colour if rating else INK
    draw.rectangle((0, 0, 18, HEIGHT), fill=accent)

    label_font = load_font("ui-bold", 30)
    draw.text((MARGIN, 56), site_name, font=label_font, fill=INK)
    small = load_font("ui-bold", 22)
    kicker = "FACT-CHECK"
    draw.text(
        (WIDTH - MARGIN - small.getlength(kicker), 62), kicker, font=small, fill=MUTED
    )
    draw.line((MARGIN, 112, WIDTH - MARGIN, 112), fill=RULE, width=2)

    script = script_of(claim)
    font, lines, line_height, layout = _fit_claim(
        claim, script, WIDTH - 2 * MARGIN, 300
    )
    rtl = layout.get("direction") == "rtl"
    x, anchor = (WIDTH - MARGIN, "ra") if rtl else (MARGIN, "la")
    y = 148
    for line in lines:
        draw.text((x, y), line, font=font, fill=INK, anchor=anchor, **layout)
        y += line_height

    baseline = HEIGHT - 72
    badge_right = MARGIN
    if rating:
        badge_font = load_font("ui-bold", 40)
        text = rating.label.upper()
        text_width = badge_font.getlength(text)
        badge = (MARGIN, baseline - 76, MARGIN + text_width + 64, baseline)
        draw.rounded_rectangle(badge, radius=10, fill=rating.colour)
        draw.text(
            ((badge[0] + badge[2]) / 2, (badge[1] + badge[3]) / 2),
            text,
            font=badge_font,
            fill=rating.text_colour,
            anchor="mm",
        )
        badge_right = badge[2] + 32
    domain = urlsplit(site_url).netloc or site_url
    footer_font = load_font("ui-regular", 26)
    draw.text(
        (max(badge_right, WIDTH - MARGIN - footer_font.getlength(domain)), baseline),
        domain,
        font=footer_font,
        fill=MUTED,
        anchor="ls",
    )

    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def card_subject(factcheck):
    """The claim and rating a card shows: the article's first claim, or its headline."""
    claim = next(iter(factcheck.claims.all()), None)
    if claim is None:
        return factcheck.headline, None
    verdict = getattr(claim, "verdict", None)
    return claim.statement, verdict.rating if verdict else None


def png_for(factcheck):
    """The card's PNG bytes, drawn on first use and then served from the cache."""
    claim, rating = card_subject(factcheck)
    fingerprint = "\x1f".join(
        [
            str(VERSION),
            settings.SITE_NAME,
            settings.SITE_URL,
            factcheck.headline,
            claim,
            rating.label if rating else "",
            rating.colour if rating else "",
        ]
    )
    key = "factcheck:card:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    png = cache.get(key)
    if png is None:
        png = render(settings.SITE_NAME, claim, rating, settings.SITE_URL)
        cache.set(key, png, CACHE_SECONDS)
    return png
