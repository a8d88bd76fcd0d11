"""Forms for the newsroom's admin."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Claim, ClaimAppearance, FactCheck, Rating, Verdict


class FactCheckAdminForm(forms.ModelForm):
    """The article form, refusing to overwrite a save made since it was opened."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = FactCheck
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets pick the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lock_version"].initial = self.instance.lock_version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        # The admin's change view runs in a transaction: the row lock holds
        # until this save commits, so no other save can slip in between.
        current = (
            FactCheck.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .only(
                "lock_version",
                "updated_at",
                "updated_by__username",
                "updated_by__first_name",
                "updated_by__last_name",
            )
            .get(pk=self.instance.pk)
        )
        if cleaned.get("lock_version") != current.lock_version:
            # The form comes back with everything as typed; with the new
            # version number, saving again is a deliberate overwrite.
            self.data = self.data.copy()
            self.data[self.add_prefix("lock_version")] = current.lock_version
            who = (
                current.updated_by.get_full_name() or current.updated_by.username
                if current.updated_by
                else _("Someone")
            )
            raise ValidationError(
                _(
                    "%(who)s saved this fact-check at %(when)s, after you opened it. Your "
                    "changes are not saved yet and are still in the form below. Open the "
                    "article in a new tab to see their version, copy anything of theirs you "
                    "want to keep into this form, then save again to replace their version "
                    "with yours."
                )
                % {
                    "who": who,
                    "when": formats.date_format(current.updated_at, "DATETIME_FORMAT"),
                },
                code="edit_conflict",
            )
        return cleaned


class ClaimInlineForm(forms.ModelForm):
    """A claim with its verdict and first appearance, edited in one place.

    The admin cannot nest inlines, and a journalist thinks of the claim, where
    it appeared and its rating together; further appearances are edited on the
    claim's own page.
    """

    rating = forms.ModelChoiceField(
        Rating.objects.all(), required=False, label=gettext_lazy("Rating")
    )
    verdict_summary = forms.CharField(
        label=gettext_lazy("Verdict summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=Verdict._meta.get_field("summary").help_text,
    )
    seen_url = forms.URLField(
        label=gettext_lazy("First seen at (URL)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
    )
    seen_medium = forms.ChoiceField(
        label=gettext_lazy("Medium"),
        choices=[("", "---------"), *ClaimAppearance.Medium.choices],
        required=False,
    )
    seen_outlet = forms.CharField(
        label=gettext_lazy("Where"),
        required=False,
        max_length=200,
        help_text=ClaimAppearance._meta.get_field("outlet").help_text,
    )
    seen_on = forms.DateField(
        label=gettext_lazy("Date"), required=False, widget=AdminDateWidget
    )

    appearance_fields = {
        "seen_url": "url",
        "seen_medium": "medium",
        "seen_outlet": "outlet",
        "seen_on": "appeared_on",
    }

    class Meta:
        model = Claim
        fields = ["statement", "claimant", "ordering"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"})
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        claim = self.instance
        if claim.pk:
            verdict = getattr(claim, "verdict", None)
            if verdict:
                self.initial.setdefault("rating", verdict.rating_id)
                self.initial.setdefault("verdict_summary", verdict.summary)
            appearance = self._first_appearance()
            if appearance:
                for form_field, model_field in self.appearance_fields.items():
                    self.initial.setdefault(
                        form_field, getattr(appearance, model_field)
                    )

    def _first_appearance(self):
        return (
            self.instance.appearances.filter(is_first=True).first()
            if self.instance.pk
            else None
        )

    def clean(self):
        cleaned = super().clean()
        given = {f: cleaned.get(f) for f in self.appearance_fields}
        if any(given.values()) and not (given["seen_url"] or given["seen_outlet"]):
            self.add_error(
                "seen_url",
                _("Give a link to where the claim appeared, or say where it appeared."),
            )
        return cleaned

    def save(self, commit=True):
        claim = super().save(commit=commit)
        if commit:
            self.save_verdict_and_appearance(claim)
        return claim

    def save_verdict_and_appearance(self, claim):
        data = self.cleaned_data
        if (
            data.get("rating")
            or data.get("verdict_summary")
            or hasattr(claim, "verdict")
        ):
            Verdict.objects.update_or_create(
                claim=claim,
                defaults={
                    "rating": data.get("rating"),
                    "summary": data.get("verdict_summary", ""),
                },
            )
        values = {
            model: data.get(form) or ("" if model != "appeared_on" else None)
            for form, model in self.appearance_fields.items()
        }
        appearance = self._first_appearance()
        if appearance:
            if values["url"] or values["outlet"]:
                for field, value in values.items():
                    setattr(appearance, field, value)
                appearance.save()
            else:
                appearance.delete()
        elif values["url"] or values["outlet"]:
            ClaimAppearance.objects.create(claim=claim, is_first=True, **values)


class SourceInlineFormSet(BaseInlineFormSet):
    """Offer only this article's claims in each source's "for claim" menu."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        claims = (
            Claim.objects.filter(factcheck=self.instance)
            if self.instance.pk
            else Claim.objects.none()
        )
        form.fields["claim"].queryset = claims
