"""What a parsed article holds: plain values, with the lines they came from.

The parser fills these records and the builder reads them. Each item kind
(an appearance, a source, a quote) has a table of the detail lines it takes,
so the grammar of a detail lives beside the field it fills. Line numbers are
kept so that the builder, too, can say which line a refusal is about.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape

from ..models import Claimant, ClaimAppearance, ExpertQuote, Source
from . import values

# Each detail: the attribute it sets on its item and how its value is read.
CLAIMANT_DETAILS = {
    "kind": ("kind", values.choice(Claimant.Kind, "kind")),
    "platform": ("platform", values.text),
    "handle": ("handle", values.text),
    "description": ("description", values.text),
}
APPEARANCE_DETAILS = {
    "where": ("outlet", values.text),
    "medium": ("medium", values.choice(ClaimAppearance.Medium, "medium")),
    "date": ("appeared_on", values.day),
    "first": ("is_first", values.switch("yes", "no")),
    "archived": ("archived_url", values.web_url),
}
SOURCE_DETAILS = {
    "publisher": ("publisher", values.text),
    "kind": ("kind", values.choice(Source.Kind, "kind")),
    "origin": ("origin", values.choice(Source.Origin, "origin")),
    "published": ("published_on", values.day),
    "accessed": ("accessed_on", values.day),
    "citation": ("citation", values.text),
    "archived": ("archived_url", values.web_url),
    "claim": ("claim", values.claim_number),
    "notes": ("notes", values.text),
}
QUOTE_DETAILS = {
    "credentials": ("credentials", values.text),
    "affiliation": ("affiliation", values.text),
    "quote": ("text", values.text),
    "via": ("obtained_via", values.choice(ExpertQuote.ObtainedVia, "via")),
    "date": ("obtained_on", values.day),
    "record": ("on_record", values.switch("on", "off")),
}
ANY_DETAIL = {
    *CLAIMANT_DETAILS,
    *APPEARANCE_DETAILS,
    *SOURCE_DETAILS,
    *QUOTE_DETAILS,
}


@dataclass
class ParsedClaimant:
    """A ``CLAIMANT:`` line; its details only fill a claimant not yet on file."""

    line: int
    name: str
    kind: str = ""  # empty: an account if it has a platform, else a person
    platform: str = ""
    handle: str = ""
    description: str = ""
    details: dict = field(default_factory=dict)


@dataclass
class Appearance:
    """A ``SEEN:`` line: where the claim was made."""

    line: int
    url: str = ""
    outlet: str = ""
    medium: str = ""
    appeared_on: datetime.date | None = None
    is_first: bool = False
    archived_url: str = ""
    details: dict = field(default_factory=dict)  # detail name: its line


@dataclass
class ParsedClaim:
    line: int
    statement: str
    claimant: ParsedClaimant | None = None
    rating: str = ""
    summary: str | None = None  # None: no FACT: line; "": left to write
    appearances: list = field(default_factory=list)
    keys: dict = field(default_factory=dict)  # key: its line


@dataclass
class ParsedSource:
    line: int
    title: str
    url: str = ""
    publisher: str = ""
    kind: str = Source.Kind.OTHER
    origin: str = Source.Origin.PRIMARY
    published_on: datetime.date | None = None
    accessed_on: datetime.date | None = None
    citation: str = ""
    archived_url: str = ""
    claim: int | None = None  # the claim's number, from 1
    notes: str = ""
    details: dict = field(default_factory=dict)


@dataclass
class ParsedQuote:
    line: int
    expert: str
    credentials: str = ""
    affiliation: str = ""
    text: str = ""
    obtained_via: str = ""
    obtained_on: datetime.date | None = None
    on_record: bool = True
    details: dict = field(default_factory=dict)


@dataclass
class ParsedArticle:
    headline: str = ""
    slug: str = ""  # empty: made from the headline when saved
    standfirst: str = ""
    key_points: list = field(default_factory=list)
    topics: list = field(default_factory=list)  # names or slugs
    language: str = ""  # empty: the newsroom's language
    partner_credit: str = ""
    claims: list = field(default_factory=list)
    blocks: list = field(default_factory=list)  # ("h2" | "p", text)
    sources: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    keys: dict = field(default_factory=dict)  # article key: its line

    def body_html(self):
        return "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in self.blocks)
