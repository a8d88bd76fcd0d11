"""The rating scale's history: each change to a rating, recorded as it is saved.

Readers judge a rating by the scale it was given on, so "How we rate" dates
every change: a rating added, renamed, its meaning or its position changed,
or removed. The scale is edited in the admin and the shell alike and has no
service of its own, so the changes are recorded here from the model's own
saves and deletes (signals, like ``invalidation.watch_shared_records``): no
way of saving a ``Rating`` can skip its record. Two ways do not send those
signals and record nothing: ``QuerySet.update()`` and data migrations, whose
historical models are other classes (a data migration that changes the
scale writes its ``RatingChange`` rows itself).

Who made the change comes from ``changes_by(user)``, which the admin wraps
around its writes; without it (the shell) the record names nobody.
"""

import contextvars
from contextlib import contextmanager

from django.db.models import signals

from .models import Rating, RatingChange

_changed_by = contextvars.ContextVar("scale_changed_by", default=None)

#: The fields readers see on the scale, and the change each one makes.
_WATCHED = {
    "label": RatingChange.Kind.RENAMED,
    "meaning": RatingChange.Kind.MEANING,
    "value": RatingChange.Kind.VALUE,
}
#: The changes whose entry names what came before.
_WITH_PREVIOUS = {"label", "value"}


@contextmanager
def changes_by(user):
    """Name ``user`` on the changes to the scale made inside the block."""
    token = _changed_by.set(user)
    try:
        yield
    finally:
        _changed_by.reset(token)


def _record(rating, kind, previous=""):
    RatingChange.objects.create(
        rating=rating if kind != RatingChange.Kind.REMOVED else None,
        label=rating.label,
        kind=kind,
        previous="" if previous is None else str(previous),
        changed_by=_changed_by.get(),
    )


def _before_save(sender, instance, raw=False, **kwargs):
    """Keep what the row says before it is overwritten (read from the database)."""
    if raw or instance._state.adding:
        instance._scale_before = None
        return
    instance._scale_before = (
        Rating.objects.filter(pk=instance.pk).values(*_WATCHED).first()
    )


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata: a copy of rows, not a change
        return
    before = getattr(instance, "_scale_before", None)
    if created or before is None:
        _record(instance, RatingChange.Kind.ADDED)
        return
    for field, kind in _WATCHED.items():
        if before[field] != getattr(instance, field):
            previous = before[field] if field in _WITH_PREVIOUS else ""
            _record(instance, kind, previous)


def _after_delete(sender, instance, **kwargs):
    _record(instance, RatingChange.Kind.REMOVED)


def watch_rating_scale():
    """Connect the signals (``FactCheckConfig.ready``)."""
    signals.pre_save.connect(_before_save, sender=Rating, weak=False)
    signals.post_save.connect(_after_save, sender=Rating, weak=False)
    signals.post_delete.connect(_after_delete, sender=Rating, weak=False)
