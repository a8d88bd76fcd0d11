"""The 1200x630 PNG shown when a fact-check is shared (its ``og:image``).

Drawn with Pillow from the site name, the claim in quotation marks (the
headline when the article checks several) and a verdict badge per rated
claim, up to three and then a "+N" badge. Drawing takes
tens of milliseconds, so each card is kept in the shared cache under a
fingerprint of what it shows: a changed claim, rating or headline gives a new
fingerprint, hence a fresh drawing, and no invalidation is needed. The same
fingerprint versions the card's URL and is its ETag, so browsers and social
networks may keep a card as long as they like.

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
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont, features

from . import verdicts

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 72
CACHE_SECONDS = 30 * 24 * 3600
#: Bump when the drawing changes, so cached cards are redrawn.
VERSION = 3
#: Badges drawn at most; further verdicts are counted in a "+N" badge.
MAX_BADGES = 3
BADGE_SIZES = (40, 34, 28, 24)
ELLIPSIS = "…"
#: Quotation marks to try, in order, for a claim: Noto Sans Arabic has only
#: the guillemets Arabic uses anyway.
QUOTE_MARKS = ("“”", "«»", '""')
#: A noncharacter: no font has a glyph for it, so it draws the missing-glyph box.
NO_GLYPH = "\uffff"
#: Dropped from the end of a cut line, so "said," does not become "said,…".
TRAILING_PUNCTUATION = " ,;:.–—،؛।"

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


def has_glyph(font, char):
    """Whether ``font`` draws ``char`` itself rather than its missing-glyph box."""
    missing, mask = font.getmask(NO_GLYPH), font.getmask(char)
    return mask.size != missing.size or bytes(mask) != bytes(missing)


def ellipsis(font):
    """The mark ending a cut line: "…" if ``font`` has it (Noto Sans Arabic
    does not, and would draw a box), else three full stops."""
    return ELLIPSIS if has_glyph(font, ELLIPSIS) else "..."


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


def _lines(text, font, width, layout):
    """All the lines of ``text`` no wider than ``width``, breaking between words."""
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
    return lines


def _cut(line, font, width, layout):
    """``line`` ended at a whole word, plus an ellipsis, within ``width``.

    Only a single word too wide for the line is cut inside.
    """
    mark = ellipsis(font)
    words = line.split(" ")
    while len(words) > 1 and _length(font, " ".join(words) + mark, layout) > width:
        words.pop()
    line = " ".join(words)
    while len(line) > 1 and _length(font, line + mark, layout) > width:
        line = line[:-1]
    return (line.rstrip(TRAILING_PUNCTUATION) or line) + mark


def wrap(text, font, width, max_lines, layout=None):
    """Lines of ``text`` no wider than ``width``; if cut, the last ends in an ellipsis."""
    layout = layout or {}
    lines = _lines(text, font, width, layout)
    if len(lines) <= max_lines:
        return lines
    return [*lines[: max_lines - 1], _cut(lines[max_lines - 1], font, width, layout)]


def _fit_claim(text, script, width, height):
    """The largest claim font (and its lines) whose lines fit the box.

    At the smallest size, a claim still too long is cut.
    """
    role = "latin-bold" if script == "latin" else f"{script}-bold"
    for size in (64, 56, 50, 44, 40):
        font = load_font(role, size)
        layout = _layout_kwargs(font, script)
        line_height = int(size * (1.5 if script != "latin" else 1.25))
        max_lines = max(1, height // line_height)
        if len(_lines(text, font, width, layout)) <= max_lines:
            break
    return font, wrap(text, font, width, max_lines, layout), line_height, layout


def _badge_geometry(size):
    """Padding, height and gap of a badge whose label is ``size`` pixels tall."""
    return round(size * 0.8), round(size * 1.9), round(size * 0.4)


def _badges(ratings, room):
    """The badge font and labels, with their ratings, that fit in ``room`` pixels.

    Fewer verdicts are shown (the rest counted in a "+N" badge) before the
    text gets smaller than BADGE_SIZES allows.
    """
    for shown in range(min(len(ratings), MAX_BADGES), 0, -1):
        badges = [(r.label.upper(), r) for r in ratings[:shown]]
        if len(ratings) > shown:
            badges.append((f"+{len(ratings) - shown}", None))
        for size in BADGE_SIZES:
            font = load_font("ui-bold", size)
            padding, _height, gap = _badge_geometry(size)
            total = sum(font.getlength(label) + 2 * padding for label, _r in badges)
            if total + gap * (len(badges) - 1) <= room:
                return font, size, badges
    return font, size, badges


def _draw_badges(draw, ratings, left, baseline, room):
    """Draw a row of verdict badges from ``left``; return where the row ends."""
    font, size, badges = _badges(ratings, room)
    padding, height, gap = _badge_geometry(size)
    x = left
    for label, rating in badges:
        box = (x, baseline - height, x + font.getlength(label) + 2 * padding, baseline)
        if rating:
            draw.rounded_rectangle(box, radius=10, fill=rating.colour)
        else:
            draw.rounded_rectangle(box, radius=10, outline=MUTED, width=3)
        draw.text(
            ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
            label,
            font=font,
            fill=rating.text_colour if rating else INK,
            anchor="mm",
        )
        x = box[2] + gap
    return x - gap


def render(site_name, text, ratings, site_url, quoted=False):
    """Draw the card: ``text`` above a badge for each of ``ratings`` (may be empty).

    The accent bar takes the verdict colour when all ratings agree. A
    ``quoted`` text is someone's claim: set in quotation marks, so that a
    card shared on its own never prints a false claim as if we said it.
    """
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    shared = verdicts.shared(ratings)
    draw.rectangle((0, 0, 18, HEIGHT), fill=shared.colour if shared else INK)

    label_font = load_font("ui-bold", 30)
    draw.text((MARGIN, 56), site_name, font=label_font, fill=INK)
    small = load_font("ui-bold", 22)
    kicker = "FACT-CHECK"
    draw.text(
        (WIDTH - MARGIN - small.getlength(kicker), 62), kicker, font=small, fill=MUTED
    )
    draw.line((MARGIN, 112, WIDTH - MARGIN, 112), fill=RULE, width=2)

    script = script_of(text)
    font, lines, line_height, layout = _fit_claim(text, script, WIDTH - 2 * MARGIN, 300)
    marks = next(
        (pair for pair in QUOTE_MARKS if all(has_glyph(font, c) for c in pair)), None
    )
    if quoted and marks:
        text = marks[0] + text + marks[1]
        font, lines, line_height, layout = _fit_claim(
            text, script, WIDTH - 2 * MARGIN, 300
        )
    rtl = layout.get("direction") == "rtl"
    x, anchor = (WIDTH - MARGIN, "ra") if rtl else (MARGIN, "la")
    y = 148
    for line in lines:
        draw.text((x, y), line, font=font, fill=INK, anchor=anchor, **layout)
        y += line_height

    baseline = HEIGHT - 72
    domain = urlsplit(site_url).netloc or site_url
    footer_font = load_font("ui-regular", 26)
    domain_width = footer_font.getlength(domain)
    badges_end = MARGIN
    if ratings:
        room = WIDTH - 2 * MARGIN - domain_width - 32
        badges_end = _draw_badges(draw, ratings, MARGIN, baseline, room) + 32
    draw.text(
        (max(badges_end, WIDTH - MARGIN - domain_width), baseline),
        domain,
        font=footer_font,
        fill=MUTED,
        anchor="ls",
    )

    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def card_subject(factcheck):
    """The text and ratings a card shows.

    One claim: its statement and rating. Several: the headline, which speaks
    for all of them, and every claim's rating in order. Reads the claims
    prefetched with the article.
    """
    claims = list(factcheck.claims.all())
    text = claims[0].statement if len(claims) == 1 else factcheck.headline
    return text, verdicts.ratings(factcheck)


def alt_text(factcheck):
    """What the card shows, in words, for ``og:image:alt``: every verdict named."""
    text, ratings = card_subject(factcheck)
    labels = ", ".join(rating.label for rating in ratings) or _("not rated")
    if len(factcheck.claims.all()) == 1:
        return _("Claim: “%(claim)s”. Verdict: %(verdict)s.") % {
            "claim": text,
            "verdict": labels,
        }
    return _("%(headline)s — Verdicts: %(verdicts)s") % {
        "headline": text,
        "verdicts": labels,
    }


def fingerprint(factcheck):
    """A short hash of everything drawn on the card: its cache key and version."""
    text, ratings = card_subject(factcheck)
    parts = [str(VERSION), settings.SITE_NAME, settings.SITE_URL, text]
    for rating in ratings:
        parts += [rating.label, rating.colour, rating.text_colour]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def png_for(factcheck):
    """The card's PNG bytes, drawn on first use and then served from the cache."""
    key = "factcheck:card:" + fingerprint(factcheck)
    png = cache.get(key)
    if png is None:
        text, ratings = card_subject(factcheck)
        quoted = len(factcheck.claims.all()) == 1
        png = render(settings.SITE_NAME, text, ratings, settings.SITE_URL, quoted)
        cache.set(key, png, CACHE_SECONDS)
    return png
