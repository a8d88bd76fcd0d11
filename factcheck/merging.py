"""Three-way merge of two saves made from the same version of an article.

Pure: values in, decisions out. ``base`` is what both people started from,
``theirs`` what was saved since, ``mine`` what is being saved now; each is a
dict of comparable values: an article's fields by name, or an inline's rows
by primary key (stable between saves of one article), a row's value being a
dict of its fields. A key missing from a side is absent there: a row not
added yet, or deleted. So one rule serves fields and rows alike: a change
made by one side only is taken, the same change made by both is no clash,
and different changes to one key (a row edited by one side and deleted by
the other included) are a clash, for a person to settle.
"""

from dataclasses import dataclass

MINE = "mine"
THEIRS = "theirs"

#: A base value not on record (a version stored before it kept that field,
#: or none at all): any difference between the two sides is then a clash.
UNKNOWN = object()
_ABSENT = object()


@dataclass(frozen=True)
class Merge:
    """The merged ``values`` (absent keys left out), the keys whose value is
    mine and not theirs (``taken``: what the save must write), and the
    ``clashes`` left to settle, in the order of ``mine``; a clash's value in
    ``values`` is theirs until it is settled."""

    values: dict
    taken: frozenset
    clashes: tuple


def _side(base, theirs, mine):
    """Whose value of one key the merge keeps: ``MINE``, ``THEIRS`` or ``None``
    (a clash). ``_ABSENT`` stands for no value on that side."""
    if mine in (theirs, base):
        return THEIRS
    if theirs == base:
        return MINE
    return None


def merge(base, theirs, mine, choices=None):
    """Merge ``mine`` into ``theirs``, both changed from ``base``.

    ``base`` may be ``None`` (nothing on record) and any of its values
    ``UNKNOWN``. ``choices`` settles clashes: ``{key: MINE or THEIRS}``.
    """
    choices = choices or {}
    values, taken, clashes = {}, set(), []
    for key in dict.fromkeys([*mine, *theirs, *(base or {})]):
        old = UNKNOWN if base is None else base.get(key, _ABSENT)
        ours, other = mine.get(key, _ABSENT), theirs.get(key, _ABSENT)
        kept = _side(old, other, ours) or choices.get(key)
        if kept is None:
            clashes.append(key)
        if kept == MINE and ours != other:
            taken.add(key)
            value = ours
        else:
            value = other
        if value is not _ABSENT:
            values[key] = value
    return Merge(values=values, taken=frozenset(taken), clashes=tuple(clashes))
