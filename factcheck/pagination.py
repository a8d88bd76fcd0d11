"""Pages of published fact-checks that cost the same on page 1 and page 5,000.

Public lists never count their rows nor skip over thousands of them: a list
of fact-checks goes newest first by (first publication, id), and its links
carry the position of the page's edge (``?before=`` for older, ``?after=``
for newer), which an index finds directly. Search results, ranked rather
than dated, are numbered but capped, and tell whether there is a next page
by reading one row more, never by counting.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

#: The furthest a numbered list goes (search results): past it, refine.
MAX_PAGE = 50
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def cursor(row, field="first_published_at"):
    """The position of ``row`` in a list by ``field``: microseconds since 1970, and id."""
    microseconds = (getattr(row, field) - EPOCH) // datetime.timedelta(microseconds=1)
    return f"{microseconds}-{row.pk}"


def _position(value):
    """``(date, pk)`` from a cursor; 404 for a malformed one."""
    try:
        microseconds, pk = (int(part) for part in value.split("-"))
        return EPOCH + datetime.timedelta(microseconds=microseconds), pk
    except (ValueError, OverflowError):
        raise Http404(_("That page of the list does not exist.")) from None


@dataclass(frozen=True)
class Page:
    """One page of a list, with the cursors of the pages either side."""

    items: list
    newer: str | None  # for ?after=
    older: str | None  # for ?before=

    @property
    def is_first(self):
        return self.newer is None


def newest_first(queryset, params, size, field="first_published_at"):
    """The page of ``queryset`` that ``params`` asks for, newest first by ``field``.

    ``field`` is a date column indexed with the id (published fact-checks by
    their first publication; the corrections log by ``issued_at``).
    """

    def position(row):
        return cursor(row, field)

    if before := params.get("before"):
        at, pk = _position(before)
        rows = list(
            queryset.filter(
                # The first condition is implied by the second: it is there
                # for the index, which cannot range over an OR.
                Q(**{f"{field}__lte": at}),
                Q(**{f"{field}__lt": at}) | Q(**{field: at, "pk__lt": pk}),
            ).order_by(f"-{field}", "-pk")[: size + 1]
        )
        items = rows[:size]
        return Page(
            items,
            newer=position(items[0]) if items else None,
            older=position(items[-1]) if len(rows) > size else None,
        )
    if after := params.get("after"):
        at, pk = _position(after)
        rows = list(
            queryset.filter(
                Q(**{f"{field}__gte": at}),
                Q(**{f"{field}__gt": at}) | Q(**{field: at, "pk__gt": pk}),
            ).order_by(field, "pk")[: size + 1]
        )
        if len(rows) > size:
            items = rows[:size][::-1]
            return Page(items, newer=position(items[0]), older=position(items[-1]))
        # Back at the top: the first page, as everyone else sees it.
    rows = list(queryset.order_by(f"-{field}", "-pk")[: size + 1])
    items = rows[:size]
    return Page(
        items, newer=None, older=position(items[-1]) if len(rows) > size else None
    )


@dataclass(frozen=True)
class NumberedPage:
    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1


def numbered(queryset, value, size):
    """Page ``value`` (1 when absent) of ``queryset``, up to ``MAX_PAGE``; 404 past it."""
    try:
        number = int(value or 1)
    except ValueError:
        raise Http404(_("That page of results does not exist.")) from None
    if not 1 <= number <= MAX_PAGE:
        raise Http404(_("That page of results does not exist."))
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    if number > 1 and not rows:
        raise Http404(_("That page of results does not exist."))
    return NumberedPage(rows[:size], number, has_next=len(rows) > size)
