"""Parts of an article tied to one of its claims (sources, reply attempts).

A journalist adds a claim and the source that bears on it in the same
save, so a part's "claim" menu offers the article's saved claims and the new
claim rows of the same form, which have no key yet (``ClaimChoiceField``).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from ..models import Claim

#: The claims' inline on the article's form (its formsets' default prefix).
CLAIM_ROWS = Claim._meta.get_field("factcheck").remote_field.get_accessor_name()
#: New claim rows offered beyond those on the page, for rows added there
#: ("Add another Claim") before the first save.
SPARE_CLAIM_ROWS = 5


class ClaimChoiceField(forms.ChoiceField):
    """One of the article's claims: a saved one by its key, or a new row of
    the claims' inline on the same form (``claims-1``, numbered "Claim #2" as
    the page numbers it).

    Cleans to a ``Claim``: the saved one, or the new row's own instance,
    which has its key by the time the part is saved (the admin saves the
    claims' inline first, ``FactCheckAdmin.layout``).
    """

    def __init__(self, *, claims, new_rows, claim_forms, **kwargs):
        self.claims = {str(claim.pk): claim for claim in claims}
        self.claim_forms = claim_forms
        super().__init__(
            choices=[
                ("", "---------"),
                *((key, str(claim)) for key, claim in self.claims.items()),
                *((f"{CLAIM_ROWS}-{index}", _row_label(index)) for index in new_rows),
            ],
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if value in self.claims:
            return self.claims[value]
        index = int(value.removeprefix(f"{CLAIM_ROWS}-"))
        claim_forms = self.claim_forms()
        claim_form = claim_forms[index] if index < len(claim_forms) else None
        if claim_form is None or not claim_form.has_changed() or _deleted(claim_form):
            raise ValidationError(
                _("%(claim)s is empty or deleted; choose another claim.")
                % {"claim": _row_label(index)},
                code="empty_claim_row",
            )
        return claim_form.instance


def _row_label(index):
    return _("Claim #%(n)s (not saved yet)") % {"n": index + 1}


def _deleted(form):
    return form.is_valid() and form.cleaned_data.get("DELETE", False)


class ClaimPartForm(forms.ModelForm):
    """A part of the article tied to one of its claims, maybe a new claim row."""

    def _get_validation_exclusions(self):
        excluded = super()._get_validation_exclusions()
        # A view-only row's cleaned data is its initial data, a claim's key
        # (``ModelAdmin._create_formsets``).
        claim = self.cleaned_data.get("claim")
        if isinstance(claim, Claim) and claim.pk is None:
            # A claim row of the same form, saved before this part is
            # (``ClaimChoiceField``): it has no key to check yet.
            excluded.add("claim")
        return excluded


class ClaimPartInlineFormSet(BaseInlineFormSet):
    """A part of the article tied to one of its claims (sources, reply
    attempts): each row's "claim" menu offers this article's claims, saved
    or new on the same form (``ClaimChoiceField``)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        model_field = form.fields["claim"]
        form.fields["claim"] = ClaimChoiceField(
            claims=self._saved_claims,
            new_rows=self._new_claim_rows,
            claim_forms=self._claim_forms,
            required=model_field.required,
            label=model_field.label,
            help_text=model_field.help_text,
        )

    @cached_property
    def _saved_claims(self):
        if self.instance.pk is None:
            return []
        return list(Claim.objects.filter(factcheck=self.instance))

    @cached_property
    def _new_claim_rows(self):
        saved = total = len(self._saved_claims)
        if self.is_bound:
            try:
                saved = int(self.data.get(f"{CLAIM_ROWS}-INITIAL_FORMS", saved))
                total = int(self.data.get(f"{CLAIM_ROWS}-TOTAL_FORMS", total))
            except ValueError:
                pass  # the claims' own formset refuses it
        return range(saved, max(total, saved) + SPARE_CLAIM_ROWS)

    def _claim_forms(self):
        """The claims' rows posted with this formset, which the admin puts on
        the instance they share (``FactCheckAdmin._create_formsets``)."""
        for formset in getattr(self.instance, "posted_parts", ()):
            if formset.model is Claim:
                return formset.forms
        return []
