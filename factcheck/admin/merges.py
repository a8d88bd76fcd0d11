"""A stale save of the fact-check form, merged with the save made since.

Django builds the article form before its inline formsets and validates it
first, so the admin hands the form its formsets
(``FactCheckAdmin._create_formsets``) and the form's ``clean``, run under the
row lock ``editing.check_current`` takes, merges here (``merging.merge``).

The merge works on what the forms validated, not on the POST data: mine is
``cleaned_data``, theirs the forms' ``initial`` (read from the rows as stored
now), and the base the version the form was opened on
(``versions.opened_on``), rows matched by primary key. Without a clash the
merge is applied to the forms before anything is saved: a field only they
changed gets their value back in ``cleaned_data``, and a row only they
changed (or deleted, or that the other save deleted while this one left it
alone) is left out of its formset's save; the admin then saves as usual and
records a version.

With a clash nothing is saved. The form comes back as typed, with a panel
showing both sides of each clash and a choice; the choices are posted with
the version they were made against and count only while that is still the
stored version. The form keeps the version it was opened on, so the next
save merges from the same base: what it shows of the fields they won needs
no rewriting, and a third save in between is merged like the second.

A row someone deleted since the form was opened is no longer in the
formset's queryset, and Django would refuse its hidden key; ``posted_rows``
turns such a row into a new one before the formset is built, remembering the
key it had, so it merges like any other (``GONE``).
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .. import diff, merging, versions
from ..models import Byline, Claim, ExpertQuote, FactCheck, ReplyAttempt, Source
from ..models.people import display_name

#: Where a version keeps each inline's rows.
_SNAPSHOT_PARTS = {
    Byline: "bylines",
    Claim: "claims",
    Source: "sources",
    ReplyAttempt: "replies",
    ExpertQuote: "quotes",
}
#: The name of each clash's radio buttons, and of the version they were
#: chosen against.
CHOICE = "merge-%s"
AGAINST = "merge_against"
#: Posted beside a row someone deleted since: the key it had (``gone_rows``).
GONE = "merge_gone"
#: A row's form fields that are bookkeeping, not content.
_NOT_CONTENT = {"id", "DELETE", "ORDER", "factcheck"}

_json = DjangoJSONEncoder()


def _plain(value):
    """``value`` as a version stores it, so the three sides compare."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | models.QuerySet):
        return tuple(sorted(_plain(item) for item in value))
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, File):
        return ("upload", value.name)  # a new file differs from any stored one
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = value.astimezone(datetime.UTC)
    if isinstance(value, datetime.date | datetime.time):
        return _json.default(value)
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


def _shown(form_field, value):
    """A form field's value as a person reads it."""
    if value in (None, "", False) and not isinstance(form_field, forms.BooleanField):
        return ""
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return ", ".join(str(item) for item in value)
    if isinstance(form_field, forms.ModelChoiceField):
        if not isinstance(value, models.Model):
            value = form_field.queryset.filter(pk=value).first()
        return form_field.label_from_instance(value) if value is not None else ""
    if isinstance(value, models.Model):  # a claim chosen by its row, say
        return str(value)
    if isinstance(form_field, forms.ChoiceField):
        # Posted choices are strings; a stored key may be a number.
        shown = {str(key): label for key, label in form_field.choices}
        return str(shown.get(str(value), value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, File):
        return value.name
    if isinstance(value, datetime.date | datetime.time):
        return formats.localize(value)
    return diff.readable(value)


@dataclass
class Clash:
    """One field or row both saves changed, its two sides as marked-up HTML."""

    key: str
    label: str
    theirs: str
    mine: str
    chosen: str | None = None

    @property
    def input_name(self):
        return CHOICE % self.key


@dataclass
class StaleSave:
    """A save made on an older version, merged with ``against``, the stored one."""

    against: int
    saved_by: object
    saved_at: datetime.datetime
    clashes: list = field(default_factory=list)
    #: What of theirs the merge keeps over what this form still shows.
    kept: list = field(default_factory=list)
    #: Hidden inputs the form must post again (rows someone deleted since).
    hidden: list = field(default_factory=list)

    def who(self):
        return display_name(self.saved_by) if self.saved_by else _("Someone")

    def when(self):
        return formats.date_format(timezone.localtime(self.saved_at), "DATETIME_FORMAT")

    def merged_message(self):
        return _(
            "Merged with %(who)s’s save of %(when)s: your changes and theirs are "
            "both kept."
        ) % {"who": self.who(), "when": self.when()}

    def clash_error(self):
        return ValidationError(
            _(
                "%(who)s saved this fact-check at %(when)s, after you opened it. "
                "Your changes are not saved yet and are still in the form below; "
                "theirs are kept wherever you changed something else. Where you "
                "both changed the same thing, shown at the top, choose which "
                "version to keep, then save again."
            )
            % {"who": self.who(), "when": self.when()},
            code="edit_clash",
        )


def gone_rows(formsets):
    """``(input name, key)`` of each row of ``formsets`` deleted since the form
    was opened (``posted_rows``). The page posts them again whatever stops
    this save (an error, a clash), so the save that merges still knows them:
    a row the other side deleted never comes back as a new one unasked."""
    return [
        (row.add_prefix(GONE), row.data[row.add_prefix(GONE)])
        for formset in formsets
        for row in formset.forms
        if row.data.get(row.add_prefix(GONE))
    ]


def posted_rows(data, prefix, stored_keys):
    """``data`` with each posted row of ``prefix`` whose key is not in
    ``stored_keys`` (deleted since the form was opened) moved after the
    stored rows as a new row, its old key posted as ``GONE``."""
    initial = int(data.get(f"{prefix}-INITIAL_FORMS") or 0)
    total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
    keys = [data.get(f"{prefix}-{index}-id") for index in range(initial)]
    gone = [
        index
        for index, key in enumerate(keys)
        if key is not None and key not in stored_keys
    ]
    if not gone:
        return data
    order = [
        *(index for index in range(initial) if index not in gone),
        *gone,
        *range(initial, total),
    ]
    moved = data.copy()
    rows = {
        index: {
            name: data.getlist(name)
            for name in data
            if name.startswith(f"{prefix}-{index}-")
        }
        for index in range(total)
    }
    for names in rows.values():
        for name in names:
            del moved[name]
    for new, old in enumerate(order):
        for name, values in rows[old].items():
            suffix = name.removeprefix(f"{prefix}-{old}-")
            if old not in gone or suffix not in ("id", GONE):
                moved.setlist(f"{prefix}-{new}-{suffix}", values)
        if old in gone:
            moved[f"{prefix}-{new}-{GONE}"] = keys[old]
    moved[f"{prefix}-INITIAL_FORMS"] = str(initial - len(gone))
    return moved


def _article_base(content, name):
    if content is None:
        return merging.UNKNOWN
    if name == "topics":  # the article's one many-to-many content
        return _plain(content.get("topic_ids", merging.UNKNOWN))
    if name == "slug":
        return _plain(content.get("slug", merging.UNKNOWN))
    return _plain(content["article"]["fields"].get(name, merging.UNKNOWN))


def _theirs_value(form, name):
    """The stored value of an article field, as ``cleaned_data`` holds one.

    Read before ``_post_clean`` puts the form's values on the instance.
    """
    if FactCheck._meta.get_field(name).many_to_many:
        return form.initial.get(name, [])
    return getattr(form.instance, name)


#: The article's model fields, which a version keeps; the form's own fields
#: (its version, a kept image's token) are no content to merge.
_ARTICLE_FIELDS = {field.name for field in FactCheck._meta.get_fields()}


def _merge_article(form, content, stale):
    names = [name for name in form.fields if name in _ARTICLE_FIELDS]
    mine = {name: _plain(form.cleaned_data.get(name)) for name in names}
    for name in names:  # a cleared image and no image read the same
        if isinstance(form.fields[name], forms.FileField) and mine[name] is False:
            mine[name] = ""
    theirs = {name: _plain(form.initial.get(name)) for name in names}
    base = {name: _article_base(content, name) for name in names}
    choices = _choices(form.data, {name: name for name in names}, stale)
    result = merging.merge(base, theirs, mine, choices)
    for name in names:
        label = str(form.fields[name].label or name)
        if name in result.clashes:
            stale.clashes.append(
                _clash(
                    form.data,
                    name,
                    label,
                    _shown(form.fields[name], form.initial.get(name)),
                    _shown(form.fields[name], form.cleaned_data.get(name)),
                )
            )
        elif name not in result.taken and mine[name] != theirs[name]:
            stale.kept.append(label)
            form.cleaned_data[name] = _theirs_value(form, name)


def _base_row(row, form, names, claim_keys):
    """A version's row in the form's terms (``ClaimInlineForm`` adds the verdict
    and first appearance to a claim)."""
    model = form._meta.model
    extra = {}
    appearance_fields = getattr(form, "appearance_fields", None)
    if appearance_fields:
        verdict = (row.get("verdict") or {}).get("fields", {})
        first = next(
            (
                seen["fields"]
                for seen in row.get("appearances", ())
                if seen["fields"].get("is_first")
            ),
            {},
        )
        extra = {
            "rating": verdict.get("rating_id"),
            "verdict_summary": verdict.get("summary"),
            **{name: first.get(attr) for name, attr in appearance_fields.items()},
        }
    values = {}
    for name in names:
        if name in extra:
            value = extra[name]
        elif name == "claim":
            value = None if row.get("claim") is None else claim_keys[row["claim"]]
        else:
            try:
                attname = model._meta.get_field(name).attname
            except FieldDoesNotExist:
                attname = None
            value = row["fields"].get(attname, merging.UNKNOWN)
        values[name] = _plain(value)
    return values


def _row_text(form, values):
    if values is None:
        return _("(deleted)")
    lines = []
    for name, value in values.items():
        shown = _shown(form.fields[name], value)
        if shown:
            lines.append(f"{form.fields[name].label or name}: {shown}")
    return "\n".join(lines)


def _merge_rows(formset, content, stale):
    """Merge the rows ``formset`` posted; returns nothing, applies to its forms."""
    part = _SNAPSHOT_PARTS.get(formset.model)
    stored = None if content is None or part is None else content.get(part)
    if stored is not None and not all("id" in row for row in stored):
        stored = None  # a version from before versions kept the rows' keys
    claim_keys = [claim.get("id") for claim in (content or {}).get("claims", ())]
    base_rows = None if stored is None else {row["id"]: row for row in stored}
    forms_by_key, base, theirs, mine = {}, {}, {}, {}
    for index, row_form in enumerate(formset.forms):
        gone = formset.data.get(row_form.add_prefix(GONE))
        if gone:
            key = int(gone)
        elif index < formset.initial_form_count() and row_form.instance.pk:
            key = row_form.instance.pk
        else:
            continue  # a new row: kept as it is
        names = [name for name in row_form.fields if name not in _NOT_CONTENT]
        forms_by_key[key] = (index, row_form)
        if not gone:
            theirs[key] = {name: _plain(row_form.initial.get(name)) for name in names}
        if not row_form.cleaned_data.get("DELETE"):
            mine[key] = {
                name: _plain(row_form.cleaned_data.get(name)) for name in names
            }
        if base_rows is not None and key in base_rows:
            base[key] = _base_row(base_rows[key], row_form, names, claim_keys)
    clash_keys = {key: f"{formset.prefix}-{key}" for key in forms_by_key}
    result = merging.merge(
        None if base_rows is None else base,
        theirs,
        mine,
        _choices(formset.data, clash_keys, stale),
    )
    title = str(formset.model._meta.verbose_name).capitalize()
    for key, (index, row_form) in forms_by_key.items():
        label = _("%(part)s %(n)s") % {"part": title, "n": index + 1}
        if key in result.clashes:
            stale.clashes.append(
                _clash(
                    formset.data,
                    clash_keys[key],
                    label,
                    _row_text(
                        row_form, _row_values(row_form, key, theirs, initial=True)
                    ),
                    _row_text(row_form, _row_values(row_form, key, mine)),
                )
            )
        elif key not in result.taken and mine.get(key) != theirs.get(key):
            stale.kept.append(label)
            _keep_stored(formset, row_form)


def _row_values(row_form, key, side, initial=False):
    """A row's values on one side for showing, or ``None`` where it is deleted."""
    if key not in side:
        return None
    source = row_form.initial if initial else row_form.cleaned_data
    return {name: source.get(name) for name in side[key]}


def _keep_stored(formset, row_form):
    """Leave the stored row as it is: ``row_form`` saves nothing, deletes nothing."""
    row_form.changed_data = []  # formsets save only the forms that changed
    if row_form.cleaned_data.get("DELETE"):
        row_form.cleaned_data["DELETE"] = False
        # The formset lists its deleted forms once, when first asked.
        vars(formset).pop("_deleted_form_indexes", None)


def _choices(data, clash_keys, stale):
    """The sides chosen for each key, if chosen against the stored version.

    ``clash_keys`` maps a key of the merge to the name its choice is posted
    under.
    """
    if data.get(AGAINST) != str(stale.against):
        return {}
    return {
        key: side
        for key, name in clash_keys.items()
        if (side := data.get(CHOICE % name)) in (merging.MINE, merging.THEIRS)
    }


def _clash(data, key, label, theirs, mine):
    left, right = diff.words(theirs, mine)
    chosen = data.get(CHOICE % key)
    return Clash(key, label, theirs=left, mine=right, chosen=chosen)


def merge_stale_save(form, formsets, conflict, version):
    """Merge ``form`` and its ``formsets``, opened on ``version``, with the
    stored article (``conflict``, the ``EditConflict`` the check raised).

    Returns the ``StaleSave`` with the forms set to save the merge, or
    raises a ``ValidationError`` if anything clashes; ``form.stale_save``
    holds it either way, for the clash panel.
    """
    stale = StaleSave(
        against=conflict.current_version,
        saved_by=conflict.saved_by,
        saved_at=conflict.saved_at,
    )
    form.stale_save = stale
    opened = versions.opened_on(form.instance, version) if version is not None else None
    content = opened.content if opened is not None else None
    _merge_article(form, content, stale)
    for formset in formsets:
        _merge_rows(formset, content, stale)
    if stale.clashes:
        raise stale.clash_error()
    return stale
