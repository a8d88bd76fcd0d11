"""Every error on the fact-check form, named and linked, for the summary at
its top.

Django's admin only says "Please correct the errors below", and on a form
thousands of pixels tall the errors can be far below; the summary says which
field each one is about and links to it (``FactCheckAdmin`` renders it, and
``layout`` counts the errors of each section).
"""

from dataclasses import dataclass

from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FormError:
    """One error message, what it is about, and the id of the element it is on.

    ``target`` is empty for the article's own non-field errors, shown beside
    the summary already. ``field`` names the article form's field it is on,
    ``prefix`` the inline formset it is in; both ``None`` where not.
    """

    label: str
    message: str
    target: str
    field: str | None = None
    prefix: str | None = None


def form_errors(form, formsets):
    """The errors of the article ``form`` and of its inline ``formsets``, the
    form's first, then each formset's in the order given."""
    found = list(_field_errors(form, label="", row_target=""))
    for formset in formsets:
        found.extend(_formset_errors(formset))
    return found


def _field_errors(form, label, row_target, prefix=None):
    for name, messages in form.errors.items():
        target, about = row_target, label
        if name != NON_FIELD_ERRORS:
            bound = form[name]
            about = ", ".join(filter(None, [label, str(bound.label or name)]))
            # A hidden field has nowhere to scroll to but its row.
            if not bound.is_hidden:
                target = bound.id_for_label
        field = name if prefix is None and name != NON_FIELD_ERRORS else None
        for message in messages:
            yield FormError(about, str(message), target, field=field, prefix=prefix)


def _formset_errors(formset):
    if not formset.is_bound:
        return []
    prefix = formset.prefix
    part = str(formset.model._meta.verbose_name).capitalize()
    # The inline's element (admin/edit_inline/*.html) and each row's.
    found = [
        FormError(part, str(message), f"{prefix}-group", prefix=prefix)
        for message in formset.non_form_errors()
    ]
    for index, row in enumerate(formset.forms):
        row.errors  # noqa: B018 - validates the row, as deleting needs
        if formset.can_delete and formset._should_delete_form(row):
            continue  # not validated further, nor saved
        # Numbered as the page numbers the rows ("Claim: #2").
        label = _("%(part)s #%(n)s") % {"part": part, "n": index + 1}
        found.extend(_field_errors(row, label, f"{prefix}-{index}", prefix=prefix))
    return found
