"""Admin URLs, and admin POST data built from a rendered page as a browser sends it."""

import datetime

from django import forms
from django.urls import reverse

#: What the admin's door costs each staff request: one query for the
#: second-factor check and, at most once a minute (so on a test's first
#: request), the session's renewal: an UPDATE inside a savepoint.
DOOR_QUERIES = 4
#: What the fact-check panel's reader side costs: the tips behind the article,
#: and "Already checked?" (factcheck.matching): three index lookups for
#: candidates, two to score them, two for the matches and their verdicts.
READER_PANEL_QUERIES = 8
#: What the fact-check form's review comments cost: every comment, reply and
#: name in one query, whatever their number (factcheck.admin.comments).
REVIEW_COMMENTS_QUERIES = 1

#: The fact-check add form.
ADD_URL = reverse("admin:factcheck_factcheck_add")


def _encode(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def _add_form(data, form):
    for name, field in form.fields.items():
        if getattr(field.widget, "input_type", None) == "file":
            continue
        value = form[name].value()
        if value is None and isinstance(
            field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField
        ):
            continue
        value = _encode(value)
        if value is not None:
            data[form.add_prefix(name)] = value


def form_data(response, blank_rows=False):
    """Everything the admin change or add page would post back unchanged.

    Blank extra rows are left out, as if the user removed them, unless
    ``blank_rows``: then they go back untouched, as a browser sends them.
    """
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        forms_sent = formset.forms if blank_rows else formset.initial_forms
        data[f"{formset.prefix}-TOTAL_FORMS"] = len(forms_sent)
        for form in forms_sent:
            _add_form(data, form)
    return data


def add_rows(data, prefix, rows):
    """Append new inline rows (dicts of field values) to ``prefix``'s formset."""
    start = int(data.get(f"{prefix}-INITIAL_FORMS", 0))
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{start + offset}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = start + len(rows)
    return data


def change_url(factcheck):
    return reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])


def step_url(factcheck, action):
    """Where the workflow panel's button for ``action`` posts."""
    return reverse("admin:factcheck_factcheck_workflow", args=[factcheck.pk, action])


def checklist_url(factcheck=None):
    if factcheck is None:
        return reverse("admin:factcheck_factcheck_checklist_new")
    return reverse("admin:factcheck_factcheck_checklist", args=[factcheck.pk])


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


def new_article_data(data, claims=(), sources=(), replies=()):
    """``data`` (the add form's) for a new article with these claims and parts."""
    data.update(headline="Are bananas radioactive?", slug="bananas", language="en")
    add_rows(
        data,
        "claims",
        [{"statement": statement, "ordering": n} for n, statement in enumerate(claims)],
    )
    add_rows(data, "sources", list(sources))
    add_rows(data, "reply_attempts", list(replies))
    return data


def source_row(title, claim=""):
    """A source's row, tied to ``claim`` (a key or a claim row's name) if given."""
    return {
        "title": title,
        "url": f"https://example.org/{title.lower().replace(' ', '-')}",
        "kind": "official",
        "origin": "primary",
        "claim": claim,
        "ordering": 0,
    }
