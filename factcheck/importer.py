"""Turn a plain-text fact-check (the desk's wire format) into a draft.

The format: a ``CLAIM:`` line; an optional ``CLAIMANT:`` line; a ``FACT:``
paragraph (the verdict summary); the body, one paragraph per line, where a
short line without closing punctuation is a sub-heading; optionally, at the
end, a ``SOURCES:`` line followed by ``- Title — URL`` lines.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import Truncator

from .fields import validate_web_url
from .models import Byline, Claim, Claimant, FactCheck, Source, Verdict
from .search import refresh_search_vector
from .slugs import unique_slug


class MalformedArticle(ValueError):
    """The input cannot become a draft; the message says why, in one line."""


#: A heading is short and does not end like a sentence ("?" is allowed:
#: "What is ketamine?" is a typical sub-heading).
HEADING_MAX_CHARS = 80
_SENTENCE_END = re.compile(r"[.,;:!…]$")
_TRAILING_QUOTES = "\"'”’»)]"
_PARTNER_CREDIT = re.compile(r"\bin (collaboration|partnership) with\b", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^[-*•]\s*(?P<title>.+?)(?:\s+[—–-]+\s+(?P<url>\S+))?$")


@dataclass
class ParsedArticle:
    claim: str
    verdict_summary: str
    claimant: str = ""
    blocks: list = field(default_factory=list)  # ("h2" | "p", text)
    partner_credit: str = ""
    sources: list = field(default_factory=list)  # (title, url)

    @property
    def headline(self):
        return Truncator(self.claim.rstrip(".")).chars(200)

    def body_html(self):
        return "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in self.blocks)


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


def _field(line, name):
    prefix = f"{name}:"
    if line[: len(prefix)].upper() == prefix:
        return line[len(prefix) :].strip()
    return None


def parse(text):
    """Parse the wire format into a ParsedArticle, or raise MalformedArticle."""
    lines = [
        (number, line.strip())
        for number, line in enumerate(_visible(text).splitlines(), 1)
    ]
    lines = [(number, line) for number, line in lines if line]
    claim = claimant = summary = None
    body, sources, in_sources = [], [], False
    for number, line in lines:
        if in_sources:
            match = _SOURCE_LINE.match(line)
            if not match:
                raise MalformedArticle(
                    f"line {number}: expected a source as '- Title — URL', got {line[:60]!r}"
                )
            url = match["url"] or ""
            if url:
                try:
                    validate_web_url(url)
                except ValidationError:
                    raise MalformedArticle(
                        f"line {number}: {url[:80]!r} is not a valid http(s) URL"
                    ) from None
            sources.append((match["title"].strip(), url))
        elif (value := _field(line, "CLAIM")) is not None and claim is None:
            claim = value
        elif (value := _field(line, "CLAIMANT")) is not None and claimant is None:
            claimant = value
        elif (value := _field(line, "FACT")) is not None and summary is None:
            summary = value
        elif _field(line, "SOURCES") == "":
            in_sources = True
        else:
            body.append(line)
    if not claim:
        raise MalformedArticle(
            "no 'CLAIM:' line: the first line should read 'CLAIM: <the claim>'"
        )
    if not summary:
        raise MalformedArticle(
            "no 'FACT:' paragraph: the verdict summary should follow the claim"
        )
    partner_credit = ""
    if body and _PARTNER_CREDIT.search(body[-1]) and len(body[-1]) <= 300:
        partner_credit = body.pop()
    blocks = [("h2" if is_heading(line) else "p", line) for line in body]
    return ParsedArticle(
        claim=claim,
        claimant=claimant or "",
        verdict_summary=summary,
        blocks=blocks,
        partner_credit=partner_credit,
        sources=sources,
    )


def _save(record, what):
    """Validate ``record`` as the admin would, then save it; refuse in one line."""
    try:
        record.full_clean()
    except ValidationError as error:
        reasons = "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
        raise MalformedArticle(f"{what} is not valid ({reasons})") from None
    record.save()
    return record


def create_draft(article, author, rating=None):
    """Create a draft fact-check from ``article``, with ``author`` on the byline.

    All or nothing: a part that fails validation raises ``MalformedArticle``
    and nothing is left behind.
    """
    with transaction.atomic():
        return _create_draft(article, author, rating)


def _create_draft(article, author, rating):
    factcheck = _save(
        FactCheck(
            headline=article.headline,
            slug=unique_slug(FactCheck, article.headline),
            body=article.body_html(),
            partner_credit=article.partner_credit,
            created_by=author,
            updated_by=author,
        ),
        "the fact-check",
    )
    Byline.objects.create(factcheck=factcheck, author=author)
    claimant = None
    if article.claimant:
        claimant = Claimant.objects.filter(name__iexact=article.claimant).first()
        if claimant is None:
            claimant = _save(
                Claimant(
                    name=article.claimant, slug=unique_slug(Claimant, article.claimant)
                ),
                "the CLAIMANT: line",
            )
    claim = _save(
        Claim(factcheck=factcheck, statement=article.claim, claimant=claimant),
        "the CLAIM: line",
    )
    _save(
        Verdict(claim=claim, rating=rating, summary=article.verdict_summary),
        "the FACT: paragraph",
    )
    for ordering, (title, url) in enumerate(article.sources, start=1):
        source = Source(factcheck=factcheck, title=title, url=url, ordering=ordering)
        if not url:
            source.citation = title
        _save(source, f"source {ordering}")
    refresh_search_vector(factcheck.pk)
    return factcheck
