"""Readable differences between two versions of a fact-check (``versions.snapshot``).

A pure builder: two documents in, sections of changes out, each change with
the old and the new side as HTML, words removed in ``<del>`` and words added
in ``<ins>``. Parts (claims, sources, quotes) are matched by what they say,
not by row: a published revision replaces the original's rows, and the same
claim must still read as the same claim, changed or not.

The desk's compare page shows everything a version holds; readers' (the
public history) see only what the article showed them: ``readers_view``,
the one place that decides it, keeps named fields only, so a field added
to a part later stays out of the public diff until it is named here.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .changes import SOURCE_FIELDS
from .models import (
    ClaimAppearance,
    ExpertQuote,
    FactCheck,
    ReplyAttempt,
    Source,
    Verdict,
)
from .revisions import CONTENT_FIELDS

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


#: What readers see of a version, part by part: fields by attname, then the
#: records named. Left out: the image's stored name, the editor's and the
#: authors' sign-in names, sources' internal notes, off-the-record quotes,
#: who logged a reply attempt, and the kept ratings' working fields.
_ARTICLE_FIELDS = {
    "headline",
    "standfirst",
    "key_points",
    "body",
    "hero_image_alt",
    "hero_image_credit",
    "hero_image_caption",
    "language",
    "partner_credit",
}
_PUBLIC_PARTS = {
    "claims": ({"statement"}, {"claimant"}),
    "verdict": ({"summary"}, {"rating"}),
    "appearances": (
        {"url", "archived_url", "medium", "outlet", "appeared_on", "is_first"},
        set(),
    ),
    "sources": (set(SOURCE_FIELDS), set()),
    "replies": ({"channel", "contacted_at", "response", "responded_at"}, set()),
    "quotes": ({"text", "obtained_via", "obtained_on"}, {"expert"}),
}


def _kept(row, part):
    fields, labels = _PUBLIC_PARTS[part]
    return {
        "fields": {k: v for k, v in row["fields"].items() if k in fields},
        "labels": {k: v for k, v in row["labels"].items() if k in labels},
    }


def _reply(row):
    """A reply attempt as readers see it: its dates as days (``factcheck.reply``)."""
    kept = _kept(row, "replies")
    for name in ("contacted_at", "responded_at"):
        value = kept["fields"].get(name)
        if isinstance(value, str):
            value = parse_datetime(value)
        if value is not None:
            kept["fields"][name] = date_format(timezone.localdate(value), "j F Y")
    return kept


def readers_view(content):
    """Of a version (``versions.snapshot``), only what the article showed readers."""
    article = content["article"]["fields"]
    return {
        "article": {
            "fields": {k: v for k, v in article.items() if k in _ARTICLE_FIELDS},
            "labels": {},
        },
        "topics": content["topics"],
        "bylines": [],
        "claims": [
            {
                **_kept(claim, "claims"),
                "verdict": claim["verdict"] and _kept(claim["verdict"], "verdict"),
                "appearances": [
                    _kept(seen, "appearances") for seen in claim["appearances"]
                ],
            }
            for claim in content["claims"]
        ],
        "sources": [_kept(row, "sources") for row in content["sources"]],
        "replies": [_reply(row) for row in content.get("replies", [])],
        "quotes": [
            _kept(row, "quotes")
            for row in content["quotes"]
            if row["fields"].get("on_record", True)
        ],
    }


@dataclass
class Change:
    label: str
    kind: str  # "changed", "added" or "removed"
    old: str = ""
    new: str = ""


@dataclass
class Section:
    title: str
    changes: list = field(default_factory=list)


def words(old, new):
    """``old`` and ``new`` as HTML with the words that differ marked."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped)


def readable(value):
    """Rich text as the words readers read, a paragraph a line."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    return strip_tags(_BLOCK_END.sub("\n", value)).strip()


def _changed(label, old, new):
    left, right = words(old, new)
    return Change(label, "changed", left, right)


def _article(old, new):
    section = Section(_("The article"))
    for name in CONTENT_FIELDS:
        label = str(FactCheck._meta.get_field(name).verbose_name).capitalize()
        before = old["article"]["labels"].get(name) or old["article"]["fields"].get(
            name
        )
        after = new["article"]["labels"].get(name) or new["article"]["fields"].get(name)
        if readable(before) != readable(after):
            section.changes.append(_changed(label, readable(before), readable(after)))
    for title, key in ((_("Topics"), "topics"),):
        if old[key] != new[key]:
            section.changes.append(
                _changed(title, ", ".join(old[key]), ", ".join(new[key]))
            )
    authors = [
        [b["labels"].get("author", "") for b in doc["bylines"]] for doc in (old, new)
    ]
    if authors[0] != authors[1]:
        section.changes.append(
            _changed(_("Byline"), ", ".join(authors[0]), ", ".join(authors[1]))
        )
    return section


def _describe(model, row, skip=()):
    """A part as lines of "Field: value", the way an editor would read it."""
    lines = []
    for part in model._meta.concrete_fields:
        if part.name in {"id", "factcheck", "claim", "ordering", *skip}:
            continue
        value = row["labels"].get(part.name) or row["fields"].get(part.attname)
        if part.choices and value:
            value = dict(part.flatchoices).get(value, value)
        if value in (None, "", False):
            continue
        if value is True:
            value = _("yes")
        lines.append(f"{str(part.verbose_name).capitalize()}: {readable(value)}")
    return "\n".join(lines)


def _claim_text(claim):
    from .models import Claim

    text = [_describe(Claim, claim)]
    if claim["verdict"]:
        text.append(_describe(Verdict, claim["verdict"]))
    text += [_describe(ClaimAppearance, seen) for seen in claim["appearances"]]
    return "\n".join(line for line in text if line)


def _parts(title, label, old_parts, new_parts, describe, identity):
    """Added, removed and changed parts, matched by ``identity`` in order."""
    section = Section(title)
    before, after = [describe(p) for p in old_parts], [describe(p) for p in new_parts]
    keys = ([identity(p) for p in old_parts], [identity(p) for p in new_parts])
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        for offset in range(paired):
            old_text, new_text = before[i1 + offset], after[j1 + offset]
            if old_text != new_text:
                section.changes.append(
                    _changed(label % {"n": j1 + offset + 1}, old_text, new_text)
                )
        for index in range(i1 + paired, i2):
            section.changes.append(
                Change(label % {"n": index + 1}, "removed", old=escape(before[index]))
            )
        for index in range(j1 + paired, j2):
            section.changes.append(
                Change(label % {"n": index + 1}, "added", new=escape(after[index]))
            )
    return section


def compare(old, new, *, public=False):
    """The sections of changes from ``old`` to ``new``; empty ones left out.

    ``public``: only what readers were shown of each (``readers_view``).
    """
    if public:
        old, new = readers_view(old), readers_view(new)
    sections = [
        _article(old, new),
        _parts(
            _("Claims and verdicts"),
            _("Claim %(n)s"),
            old["claims"],
            new["claims"],
            _claim_text,
            lambda claim: readable(claim["fields"].get("statement")),
        ),
        _parts(
            _("Sources"),
            _("Source %(n)s"),
            old["sources"],
            new["sources"],
            lambda row: _describe(Source, row),
            lambda row: row["fields"].get("url") or row["fields"].get("title"),
        ),
        _parts(
            _("Right of reply"),
            _("Attempt %(n)s"),
            old.get("replies", []),
            new.get("replies", []),
            lambda row: _describe(ReplyAttempt, row, skip={"logged_by"}),
            lambda row: row["fields"].get("contacted_at"),
        ),
        _parts(
            _("Expert quotes"),
            _("Quote %(n)s"),
            old["quotes"],
            new["quotes"],
            lambda row: _describe(ExpertQuote, row),
            lambda row: row["labels"].get("expert", ""),
        ),
    ]
    return [section for section in sections if section.changes]
