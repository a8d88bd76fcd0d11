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

from django.db.models import Q, Subquery
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


def newest_first(queryset, params, size, field="first_published_at", listed=None):
    """The page of ``queryset`` that ``params`` asks for, newest first by ``field``.

    ``field`` is a date column indexed with the id (published fact-checks by
    their first publication; the corrections log by ``issued_at``).
    ``listed`` names one list page of fact-checks (a ``Listing`` key): they
    are read along that list's own index instead of the publication-date
    index. Every condition goes in one ``filter()``, so that it is one join.
    """
    if listed is None:
        subject, at_field, pk_field = Q(), field, "pk"
    else:
        subject = Q(listings__key=listed)
        at_field, pk_field = f"listings__{field}", "listings__factcheck_id"

    def position(row):
        return cursor(row, field)

    def edge(at, pk, older):
        side = "lt" if older else "gt"
        # The first condition is implied by the second: it is there for the
        # index, which cannot range over an OR.
        return queryset.filter(
            subject,
            Q(**{f"{at_field}__{side}e": at}),
            Q(**{f"{at_field}__{side}": at})
            | Q(**{at_field: at, f"{pk_field}__{side}": pk}),
        )

    newest = (f"-{at_field}", f"-{pk_field}")
    if before := params.get("before"):
        rows = list(edge(*_position(before), older=True).order_by(*newest)[: size + 1])
        items = rows[:size]
        return Page(
            items,
            newer=position(items[0]) if items else None,
            older=position(items[-1]) if len(rows) > size else None,
        )
    if after := params.get("after"):
        oldest = (at_field, pk_field)
        rows = list(edge(*_position(after), older=False).order_by(*oldest)[: size + 1])
        if len(rows) > size:
            items = rows[:size][::-1]
            return Page(items, newer=position(items[0]), older=position(items[-1]))
        # Back at the top: the first page, as everyone else sees it.
    rows = list(queryset.filter(subject).order_by(*newest)[: size + 1])
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


@dataclass(frozen=True)
class NamedPage:
    """One page of a list in alphabetical order, with the cursors either side."""

    items: list
    previous: str | None  # for ?before=
    next: str | None  # for ?after=


def by_name(queryset, params, size):
    """The page of ``queryset`` that ``params`` asks for, by name then id.

    A cursor is the id of the row at the page's edge; its name is read in
    the same query, along the (name, id) index.
    """

    def edge(value):
        try:
            pk = int(value)
        except ValueError:
            raise Http404(_("That page of the list does not exist.")) from None
        name = queryset.model._base_manager.filter(pk=pk).values("name")[:1]
        return Subquery(name), pk

    if before := params.get("before"):
        name, pk = edge(before)
        rows = list(
            queryset.filter(Q(name__lt=name) | Q(name=name, pk__lt=pk)).order_by(
                "-name", "-pk"
            )[: size + 1]
        )
        if len(rows) > size:
            items = rows[:size][::-1]
            return NamedPage(items, previous=str(items[0].pk), next=str(items[-1].pk))
        # Back at the start: the first page, as everyone else sees it.
    elif after := params.get("after"):
        name, pk = edge(after)
        rows = list(
            queryset.filter(Q(name__gt=name) | Q(name=name, pk__gt=pk)).order_by(
                "name", "pk"
            )[: size + 1]
        )
        items = rows[:size]
        return NamedPage(
            items,
            previous=str(items[0].pk) if items else None,
            next=str(items[-1].pk) if len(rows) > size else None,
        )
    rows = list(queryset.order_by("name", "pk")[: size + 1])
    items = rows[:size]
    return NamedPage(
        items, previous=None, next=str(items[-1].pk) if len(rows) > size else None
    )
