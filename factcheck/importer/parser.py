"""Read the desk's plain-text fact-check format into plain values.

Nothing here touches the database. ``parse`` checks the grammar and every
value that can be checked alone (dates, links, kinds, claim numbers) and
names the line that is wrong, so the builder only has names left to look up.

The text has three parts, in order. The header: article keys (``HEADLINE:``,
``SLUG:``...) and claim blocks, each opened by a ``CLAIM:`` line. The body:
from the first line that is not part of the header, one paragraph a line.
The sections: a bare ``SOURCES:`` or ``QUOTES:`` line, then ``- item`` lines
each followed by ``name: value`` detail lines. Inside the body no line is a
key, so a paragraph starting "Claim: ..." stays a paragraph.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import Truncator, slugify

from . import values
from .records import (
    ANY_DETAIL,
    APPEARANCE_DETAILS,
    CLAIMANT_DETAILS,
    QUOTE_DETAILS,
    SOURCE_DETAILS,
    Appearance,
    ParsedArticle,
    ParsedClaim,
    ParsedClaimant,
    ParsedQuote,
    ParsedSource,
)


class MalformedArticle(ValueError):
    """The input cannot become a draft; the message says why, in one line."""


#: A heading is short and does not end like a sentence ("?" is allowed:
#: "What is ketamine?" is a typical sub-heading).
HEADING_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.,;:!…]$")
_TRAILING_QUOTES = "\"'”’»)]"
_PARTNER_CREDIT = re.compile(r"\bin (collaboration|partnership) with\b", re.IGNORECASE)

_KEY = re.compile(
    r"^(?P<key>HEADLINE|SLUG|STANDFIRST|IN\s+SHORT|TOPICS|LANGUAGE|PARTNER"
    r"|CLAIMANT|CLAIM|RATING|FACT|SEEN):(?P<value>.*)$",
    re.IGNORECASE,
)
_SECTION = re.compile(r"^(?P<key>SOURCES|QUOTES):\s*$", re.IGNORECASE)
_DETAIL = re.compile(r"^(?P<name>[A-Za-z]+):\s*(?P<value>.*)$")
_ITEM = re.compile(r"^[-*•]\s*(?P<text>.+)$")
_SOURCE_ITEM = re.compile(r"^(?P<title>.+?)(?:\s+[—–-]+\s+(?P<url>\S+))?$")

#: Article keys whose value is stored as written, with the field it fills.
_TEXT_KEYS = {
    "HEADLINE": "headline",
    "STANDFIRST": "standfirst",
    "LANGUAGE": "language",
    "PARTNER": "partner_credit",
}


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # stripped
    indented: bool


def read_article(path):
    """Return the text of the file at ``path``, refusing what is not text."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise MalformedArticle(
            f"cannot read {path}: {error.strerror or error}"
        ) from None
    if b"\x00" in data:
        raise MalformedArticle(f"{path} is a binary file, not a plain-text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MalformedArticle(f"{path} is not UTF-8 text") from None
    if not text.strip():
        raise MalformedArticle(f"{path} is empty")
    return text


def _visible(text):
    """``text`` in NFC with invisible format and control characters removed.

    Wire copy arrives from chat apps and word processors carrying zero-width
    spaces and direction overrides (U+202E), which can make a headline read
    differently from what it says. Tabs become spaces; line breaks stay.
    """
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    return "".join(
        char
        for char in text
        if char in "\r\n" or unicodedata.category(char) not in ("Cc", "Cf")
    )


def is_heading(line):
    return len(line) <= HEADING_MAX_CHARS and not _SENTENCE_END.search(
        line.rstrip(_TRAILING_QUOTES)
    )


def parse(text):
    """Parse the wire format into a ParsedArticle, or raise MalformedArticle."""
    reader = _Reader()
    for number, raw in enumerate(_visible(text).splitlines(), 1):
        if raw.strip():
            reader.read(Line(number, raw.strip(), raw[:1].isspace()))
    return reader.finish()


def _fail(line, message):
    raise MalformedArticle(f"line {line}: {message}")


def _add_detail(item, table, what, name, value, line):
    """Set detail ``name`` of ``item`` (``what``, for messages) from ``value``."""
    if name not in table:
        names = ", ".join(f"{known}:" for known in table)
        _fail(line, f"'{name}:' is not a detail of {what}; use {names}")
    if name in item.details:
        _fail(line, f"a second '{name}:' for {what} (line {item.details[name]})")
    if not value:
        _fail(line, f"'{name}:' needs a value after it")
    attribute, convert = table[name]
    try:
        setattr(item, attribute, convert(value))
    except ValueError as error:
        _fail(line, str(error))
    item.details[name] = line


class _Reader:
    """Reads an article a line at a time: header, then body, then sections.

    ``read`` is the handler of the part being read; each handler hands the
    line on to the next part when the line does not belong to its own.
    """

    def __init__(self):
        self.article = ParsedArticle()
        self.read = self._header
        self.claim = None  # the claim block being read
        self.item = None  # (record, detail table, what) taking detail lines
        self.in_short = False  # "- point" lines go to the key points
        self.body = []
        self.sections = {}  # section key: its line

    # The header.

    def _header(self, line):
        if section := _SECTION.match(line.text):
            self._open_section(line, section["key"].upper())
        elif key := _KEY.match(line.text):
            self.item, self.in_short = None, False
            name = " ".join(key["key"].upper().split())
            self._key(line, name, key["value"].strip())
        elif self.in_short and (point := _ITEM.match(line.text)):
            self.article.key_points.append(point["text"].strip())
        elif not self._header_detail(line):
            self.item, self.in_short = None, False
            self.read = self._body
            self._body(line)

    def _header_detail(self, line):
        """Take ``line`` as a detail of the open ``CLAIMANT:`` or ``SEEN:`` line.

        A known detail name counts however the line is indented; an unknown
        one only when indented (a typo, not a paragraph that starts "Note:").
        """
        detail = _DETAIL.match(line.text)
        if not detail:
            return False
        name = detail["name"].lower()
        if self.item is None:
            if line.indented and name in ANY_DETAIL:
                _fail(
                    line.number,
                    f"'{name}:' has no item above it: details go under a "
                    "'CLAIMANT:' or 'SEEN:' line, a source or a quote",
                )
            return False
        record, table, what = self.item
        if name not in table and not line.indented:
            return False
        _add_detail(record, table, what, name, detail["value"].strip(), line.number)
        return True

    def _key(self, line, key, value):
        if key == "CLAIM":
            return self._claim(line, value)
        if key in ("CLAIMANT", "RATING", "FACT", "SEEN"):
            return self._claim_key(line, key, value)
        keys = self.article.keys
        if key in keys:
            _fail(
                line.number, f"a second '{key}:' line (the first is line {keys[key]})"
            )
        keys[key] = line.number
        if key == "IN SHORT":
            self.in_short = True
            if value:
                self.article.key_points.append(value)
            return
        if not value:
            _fail(line.number, f"'{key}:' needs a value after it")
        if key == "SLUG":
            self.article.slug = _slug(line, value)
        elif key == "TOPICS":
            self.article.topics = [t.strip() for t in value.split(",") if t.strip()]
        else:
            setattr(self.article, _TEXT_KEYS[key], value)

    def _claim(self, line, statement):
        if not statement:
            _fail(line.number, "the 'CLAIM:' line is empty: write 'CLAIM: <the claim>'")
        self.claim = ParsedClaim(line.number, statement)
        self.article.claims.append(self.claim)

    def _claim_key(self, line, key, value):
        claim = self.claim
        if claim is None:
            _fail(line.number, f"'{key}:' with no 'CLAIM:' line above it")
        if key == "SEEN":
            return self._appearance(line, value)
        if key in claim.keys:
            _fail(
                line.number,
                f"a second '{key}:' for claim {len(self.article.claims)} "
                f"(the first is line {claim.keys[key]})",
            )
        claim.keys[key] = line.number
        if key == "FACT":
            # Empty while the verdict is still being worked out; the
            # publish gate asks for it before review.
            claim.summary = value
            return
        if not value:
            _fail(line.number, f"'{key}:' needs a value after it")
        if key == "RATING":
            claim.rating = value
        else:
            claim.claimant = ParsedClaimant(line.number, value)
            self.item = (claim.claimant, CLAIMANT_DETAILS, "the claimant")

    def _appearance(self, line, url):
        appearance = Appearance(line.number, url=_url(line, url))
        self.claim.appearances.append(appearance)
        self.item = (appearance, APPEARANCE_DETAILS, "an appearance")

    # The body and the sections.

    def _body(self, line):
        if section := _SECTION.match(line.text):
            self._open_section(line, section["key"].upper())
        else:
            self.body.append(line.text)

    def _open_section(self, line, key):
        if key in self.sections:
            _fail(
                line.number,
                f"a second '{key}:' line (the first is line {self.sections[key]})",
            )
        self.sections[key] = line.number
        self.item, self.in_short = None, False
        self.read = self._sources if key == "SOURCES" else self._quotes

    def _sources(self, line):
        self._section_line(
            line, self._source, SOURCE_DETAILS, "a source as '- Title — URL'"
        )

    def _quotes(self, line):
        self._section_line(
            line, self._quote, QUOTE_DETAILS, "a quote as '- Name of the expert'"
        )

    def _section_line(self, line, start_item, table, expected):
        """Read an item, a detail of the last item, or the next section."""
        if section := _SECTION.match(line.text):
            return self._open_section(line, section["key"].upper())
        if item := _ITEM.match(line.text):
            return start_item(line, item["text"].strip())
        detail = _DETAIL.match(line.text)
        name = detail and detail["name"].lower()
        if detail and self.item is not None:
            record, details, what = self.item
            return _add_detail(
                record, details, what, name, detail["value"].strip(), line.number
            )
        if name in table:
            _fail(line.number, f"'{name}:' has no item above it: start with {expected}")
        _fail(line.number, f"expected {expected}, got {line.text[:60]!r}")

    def _source(self, line, text):
        match = _SOURCE_ITEM.match(text)
        url = match["url"] or ""
        source = ParsedSource(line.number, match["title"].strip(), _url(line, url))
        self.article.sources.append(source)
        self.item = (source, SOURCE_DETAILS, f"source {len(self.article.sources)}")

    def _quote(self, line, expert):
        quote = ParsedQuote(line.number, expert)
        self.article.quotes.append(quote)
        self.item = (quote, QUOTE_DETAILS, f"quote {len(self.article.quotes)}")

    # The end.

    def finish(self):
        """Check what only the whole text can show; return the ParsedArticle."""
        article = self.article
        if not article.claims:
            raise MalformedArticle(
                "no 'CLAIM:' line: the first line should read 'CLAIM: <the claim>'"
            )
        for number, claim in enumerate(article.claims, 1):
            _check_claim(number, claim)
        for number, source in enumerate(article.sources, 1):
            _check_source(number, source, len(article.claims))
        for number, quote in enumerate(article.quotes, 1):
            if not quote.text:
                _fail(quote.line, f"quote {number} has no 'quote:' line with its words")
        if "PARTNER" not in article.keys and _is_partner_credit(self.body):
            article.partner_credit = self.body.pop()
        article.blocks = [
            ("h2" if is_heading(text) else "p", text) for text in self.body
        ]
        if not article.headline:
            # Without a HEADLINE: line the first claim is the headline.
            statement = article.claims[0].statement.rstrip(".")
            article.headline = Truncator(statement).chars(200)
        return article


def _is_partner_credit(body):
    """Whether the last paragraph credits a partner ("in collaboration with ...")."""
    return bool(body) and len(body[-1]) <= 300 and _PARTNER_CREDIT.search(body[-1])


def _url(line, url):
    if not url:
        return ""
    try:
        return values.web_url(url)
    except ValueError as error:
        _fail(line.number, str(error))


def _slug(line, value):
    if slugify(value) != value:
        _fail(
            line.number,
            f"{value[:60]!r} is not a slug (lowercase letters, digits, hyphens); "
            f"try {slugify(value)[:60]!r}",
        )
    return value


def _check_claim(number, claim):
    if claim.summary is None:
        _fail(
            claim.line,
            f"claim {number} has no 'FACT:' paragraph: the verdict summary should "
            "follow the claim",
        )
    first = None
    for appearance in claim.appearances:
        if not appearance.url and not appearance.outlet:
            _fail(
                appearance.line,
                "an appearance needs a link after 'SEEN:' or a 'where:' line",
            )
        if appearance.is_first and first is not None:
            _fail(
                appearance.details["first"],
                f"claim {number} already has its first appearance (line {first.line})",
            )
        if appearance.is_first:
            first = appearance


def _check_source(number, source, claims):
    if source.claim is not None and source.claim > claims:
        _fail(
            source.details["claim"],
            f"source {number} is for claim {source.claim}, but the article has "
            f"{claims} claim{'s' if claims != 1 else ''}",
        )
