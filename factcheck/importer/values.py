"""The values a detail line may carry, each checked as it is read.

A converter takes the text after ``name:`` and returns the value to store,
or raises ``ValueError`` saying what was expected; the parser adds the line
number. Checking here, before anything is saved, is what lets a bad date or
link fail with its line instead of as a database error.
"""

import datetime
import re

from django.core.exceptions import ValidationError

from ..fields import validate_web_url

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[0-9]+")


def text(value):
    return value


def day(value):
    """A date written YYYY-MM-DD (ISO 8601's other spellings are refused)."""
    if _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value[:40]!r} is not a date as YYYY-MM-DD")


def web_url(value):
    """A link readers can follow: http or https only, as the models require."""
    try:
        validate_web_url(value)
    except ValidationError:
        raise ValueError(f"{value[:80]!r} is not a valid http(s) URL") from None
    return value


def claim_number(value):
    """A claim's position in the article, counting from 1."""
    if _NUMBER.fullmatch(value) and int(value) >= 1:
        return int(value)
    raise ValueError(f"{value[:20]!r} is not a claim's number (1 for the first)")


def choice(choices, name):
    """A converter to one of ``choices`` (a ``TextChoices``), by value or label.

    ``name`` is the detail's, for the message listing the values.
    """

    def convert(value):
        # Labels are lazy translations: read them here, once apps are ready.
        for stored, label in choices.choices:
            if value.lower() in (stored, str(label).lower()):
                return stored
        raise ValueError(
            f"unknown '{name}:' value {value[:40]!r}; use one of: "
            + ", ".join(choices.values)
        )

    return convert


def switch(on, off):
    """A converter of a yes/no word: ``on`` gives True, ``off`` gives False."""

    def convert(value):
        if value.lower() in (on, off):
            return value.lower() == on
        raise ValueError(f"{value[:20]!r} should be {on!r} or {off!r}")

    return convert
