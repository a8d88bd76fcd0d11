"""Turn a plain-text fact-check (the desk's wire format) into a draft.

``parse(read_article(path))`` reads the text (``parser``, no database) and
``create_draft`` saves it (``builder``); ``manage.py import_factcheck`` and
the demo newsroom's loader both go through these two steps. The README's
"Article format" section describes every line kind.
"""

from .builder import create_draft, find_rating, rating_scale
from .parser import MalformedArticle, parse, read_article

__all__ = [
    "MalformedArticle",
    "create_draft",
    "find_rating",
    "parse",
    "rating_scale",
    "read_article",
]
