"""The allow-list for rich text that reaches readers.

Everything the editor can produce (see ``EDITOR_EXTENSIONS``) survives; anything
else is dropped, so pasted markup, scripts, event handlers and ``javascript:``
links never reach a reader, however the HTML arrived (editor, importer, shell).
"""

import re

import nh3

#: Editor features offered to journalists (django-prose-editor extension names).
#: Body headings start at h2 because the page's headline is the only h1.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "s",
    "sub",
    "sup",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    # Links in an article point away from it; the reader's session and the
    # page's referrer are none of the target's business.
    link_rel="noopener noreferrer",
    strip_comments=True,
)

# ProseMirror saves an empty document as a single empty paragraph.
_EMPTY_DOCUMENT = re.compile(r"^\s*(<p>\s*(<br>)?\s*</p>\s*)*$")


def clean_html(html):
    """Return ``html`` with everything outside the allow-list removed."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html)
    return "" if _EMPTY_DOCUMENT.match(cleaned) else cleaned
