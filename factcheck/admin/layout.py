"""The fact-check form from top to bottom: the claim first, long parts folded.

Django's change form renders every fieldset and then every inline. A
``Layout`` declares sections, each holding fieldsets and inlines in any
order, hands the admin its ``fieldsets`` and ``inlines`` in that order, and
pairs what the admin built for a request with the sections, for
``change_form.html``.

A titled section is a ``<details>`` whose summary counts the errors inside,
open when it holds one (or is declared ``open``). Django's ``collapse`` class
folds one fieldset or inline at a time, without a count, so sections are
their own element; the parts inside render with Django's templates.
"""

from dataclasses import dataclass, field


class Section:
    """A part of the form: a heading (``None`` for the top, never folded) and
    its parts, fieldsets as the admin declares them and inline classes."""

    def __init__(self, title, *parts, open=False):
        self.title = title
        self.parts = parts
        self.open = open


@dataclass
class ShownSection:
    """A section as one request shows it: ``parts`` are ``(kind, part,
    index)``, kind ``"fieldset"`` (an admin ``Fieldset``, ``index`` its place
    in the form, for unique heading ids) or ``"inline"`` (an
    ``InlineAdminFormSet``)."""

    title: str | None
    number: int
    open: bool
    parts: list = field(default_factory=list)
    error_count: int = 0

    @property
    def id(self):
        return f"form-section-{self.number}"

    @property
    def is_open(self):
        return self.title is None or self.open or self.error_count > 0


class Layout:
    """The form's sections, top to bottom; the one place its order is declared."""

    def __init__(self, *sections):
        self.sections = sections

    @property
    def fieldsets(self):
        return [p for s in self.sections for p in s.parts if isinstance(p, tuple)]

    @property
    def inlines(self):
        return [p for s in self.sections for p in s.parts if isinstance(p, type)]

    def shown(self, adminform, inline_admin_formsets, errors):
        """The sections with the ``adminform``'s fieldsets (in declared order,
        as ``get_fieldsets`` keeps it) and the inlines the admin built, each
        with the number of ``errors`` (``errors.FormError``) inside; sections
        left empty (an inline not shown to this user) are left out."""
        fieldsets = iter(enumerate(adminform))
        inlines = {type(inline.opts): inline for inline in inline_admin_formsets}
        shown = []
        for number, section in enumerate(self.sections):
            current = ShownSection(section.title, number, section.open)
            for part in section.parts:
                if isinstance(part, tuple):
                    index, fieldset = next(fieldsets)
                    current.parts.append(("fieldset", fieldset, index))
                    current.error_count += _fieldset_errors(fieldset, errors)
                elif part in inlines:
                    inline = inlines[part]
                    current.parts.append(("inline", inline, None))
                    prefix = inline.formset.prefix
                    current.error_count += sum(e.prefix == prefix for e in errors)
            if current.parts:
                shown.append(current)
        return shown


def _fieldset_errors(fieldset, errors):
    names = {
        name
        for line in fieldset.fields
        for name in (line if isinstance(line, list | tuple) else [line])
    }
    return sum(error.field in names for error in errors)
