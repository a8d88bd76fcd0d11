"""A published fact-check's public history: the versions readers were shown.

The first publication (and a publication again after a time off the site)
and each change readers were told of (a revision published as a
clarification, update, correction or re-rating, or a correction issued on
the live article), with its date, its class and its public note, as the
article's corrections show them; any two compared word by word
(``diff.compare``, readers' view only). Each entry is the article as it
was when it went out. A minor change is recorded as shown but not listed,
as the article tells readers nothing of it: its words reach the history in
the comparison of the version it amended with the next one listed (after
the newest, the article itself is the only place they are). Drafts, a
revision's working copies and review rounds are never listed: only a
publication or a public change record marks a version.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from . import diff
from .changes import ChangeClass
from .models import ArticleVersion, Correction


@dataclass(frozen=True)
class Entry:
    """One listed version: its place in the history (1 is the first), what
    it was (``label``) and the public note that came with it."""

    number: int
    version: ArticleVersion
    label: str
    note: str = ""

    @property
    def date(self):
        """The date readers were given: a change record's (as the article
        shows it), else when the version went live."""
        record = self.version.correction
        return record.issued_at if record else self.version.published_at


def _label(version, number):
    record = version.correction
    if record is not None:
        return record.get_kind_display()  # as the article names it, reworded too
    if version.change_class:
        return Correction.Kind(version.change_class).label
    return _("First published") if number == 1 else _("Published again")


def entries(factcheck):
    """The listed versions of ``factcheck`` (published), oldest first, in one query."""
    versions = (
        ArticleVersion.objects.filter(factcheck=factcheck)
        .shown_to_readers()
        .exclude(change_class=ChangeClass.MINOR)
        .select_related("correction")
        .defer("content")
    )
    return [
        Entry(
            number,
            version,
            _label(version, number),
            version.correction.text if version.correction else "",
        )
        for number, version in enumerate(versions, start=1)
    ]


def _number(value, listed):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 1 <= number <= len(listed):
        raise Http404
    return number


def comparison(factcheck, first, second):
    """The listed entries numbered ``first`` and ``second`` (URL values, either
    order), oldest first, and the sections of changes readers may see between
    them. A number that is not a listed entry's is a 404."""
    listed = entries(factcheck)
    older, newer = sorted((_number(first, listed), _number(second, listed)))
    old, new = listed[older - 1], listed[newer - 1]
    content = dict(
        ArticleVersion.objects.filter(
            pk__in=[old.version.pk, new.version.pk]
        ).values_list("pk", "content")
    )
    sections = diff.compare(
        content[old.version.pk], content[new.version.pk], public=True
    )
    return old, new, sections
