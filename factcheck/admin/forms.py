"""The article's admin form and the forms of its inline parts."""

from collections import Counter

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import editing, permissions
from ..completeness import ClaimOutline, Outline, QuoteOutline
from ..fields import WebURLFormField
from ..models import (
    Byline,
    Claim,
    ClaimAppearance,
    ExpertQuote,
    FactCheck,
    Rating,
    ReplyAttempt,
    Source,
    Verdict,
)
from ..models.articles import key_point_lines
from . import merges
from .kept_images import KeptHeroImage


class FactCheckAdminForm(KeptHeroImage, forms.ModelForm):
    """The article form, merging a save made since it was opened (``merges``).

    ``stale_save`` is the merge when the form was opened on an older
    version, with the clashes that stop the save, if any.

    An image given to a form that comes back with errors waits for the next
    save (``kept_images``).
    """

    # Not named like the model field: the admin refuses non-editable model
    # fields in fieldsets, and only fields in a fieldset reach the page.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kept_hero_image = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = FactCheck
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets pick the fields
        # A few lines each: at the admin's ten, they pushed the claims below
        # the fold.
        widgets = {
            name: forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"})
            for name in ("standfirst", "key_points")
        }

    #: Whether ``clean`` checks the version (and locks the row until the
    #: save commits). The live checklist, which saves nothing, turns it off.
    checks_version = True
    stale_save = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.lock_version

    @property
    def parts(self):
        """The inline formsets posted with this form, which the admin puts on
        the instance they share (``FactCheckAdmin._create_formsets``)."""
        return getattr(self.instance, "posted_parts", ())

    def clean(self):
        cleaned = super().clean()
        self._use_kept_hero_image(cleaned)
        if self.instance.pk is None or not self.checks_version:
            return cleaned
        # The admin's change view runs in a transaction: the row lock holds
        # until this save commits, so no other save can slip in between.
        try:
            editing.check_current(
                factcheck=self.instance, version=cleaned.get("version"), lock=True
            )
        except editing.EditConflict as conflict:
            # Parts that do not validate are shown as errors first; the
            # save after they are fixed merges.
            if not self.errors and all(part.is_valid() for part in self.parts):
                merges.merge_stale_save(
                    self, self.parts, conflict, cleaned.get("version")
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
    seen_url = WebURLFormField(
        label=gettext_lazy("First seen at (URL)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
        help_text=gettext_lazy(
            "The post, video or page where the claim was made; the earliest you "
            "found. Archive it too, on the claim's own page."
        ),
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
        label=gettext_lazy("Date"),
        required=False,
        widget=AdminDateWidget,
        help_text=gettext_lazy("When it was said or posted there."),
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


class BylineInlineFormSet(BaseInlineFormSet):
    """The byline; nobody takes their own name off it.

    Whoever starts an article is on its byline unless they named others. The
    admin sets ``user`` on the class it builds for each request.
    """

    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_new_article = self.instance.pk is None

    def save(self, commit=True):
        saved = super().save(commit)
        if commit and self.for_new_article and not self.instance.bylines.exists():
            Byline.objects.create(factcheck=self.instance, author=self.user)
        return saved

    def clean(self):
        super().clean()
        if self.instance.pk is None or self.user is None:
            return
        before = set(
            Byline.objects.filter(factcheck=self.instance).values_list(
                "author_id", flat=True
            )
        )
        after = {
            # A model instance, or its key where the row is shown read-only.
            getattr(author, "pk", author)
            for form in self.forms
            if (author := form.cleaned_data.get("author"))
            and not self._should_delete_form(form)
        }
        permissions.check_byline_change(self.user, before, after)


class AppearanceInlineFormSet(BaseInlineFormSet):
    """A claim's appearances, of which one at most is the first."""

    def clean(self):
        super().clean()
        firsts = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_first") and not self._should_delete_form(form)
        ]
        if len(firsts) > 1:
            raise ValidationError(
                _("Mark only one appearance as the first."), code="two_firsts"
            )


def outline_from_forms(form, formsets):
    """The article as its admin form stands, unsaved, for the live checklist.

    Reads what validated (``cleaned_data``) from the article form and its
    inline formsets; rows marked for deletion and untouched extra rows are
    left out, as saving would leave them out.
    """
    rows = {formset.model: _live_rows(formset) for formset in formsets}
    claim_rows = rows.get(Claim, [])
    claim_keys = [_claim_key(row.instance) for row in claim_rows]
    tied = Counter()
    shared = 0
    for row in rows.get(Source, []):
        claim = row.cleaned_data.get("claim")
        # A source for a claim deleted in this save falls back to bearing on
        # every claim, as the database's SET_NULL will make it.
        if claim is not None and _claim_key(claim) in claim_keys:
            tied[_claim_key(claim)] += 1
        else:
            shared += 1
    attempts = Counter(
        _claim_key(claim)
        for row in rows.get(ReplyAttempt, [])
        if (claim := row.cleaned_data.get("claim")) is not None
    )
    data = form.cleaned_data
    return Outline(
        headline=data.get("headline", ""),
        # A revision's slug is read-only, so not in the form.
        slug=data.get("slug", "") if "slug" in form.fields else form.instance.slug,
        # Saving a new article without a byline puts its creator on it
        # (BylineInlineFormSet.save), as the prefilled first row promises.
        authors=sum(1 for row in rows.get(Byline, []) if row.cleaned_data.get("author"))
        or int(form.instance.pk is None),
        claims=tuple(
            ClaimOutline(
                statement=row.cleaned_data.get("statement", ""),
                claimant=row.cleaned_data.get("claimant"),
                rating=row.cleaned_data.get("rating"),
                summary=row.cleaned_data.get("verdict_summary", ""),
                sources=tied[_claim_key(row.instance)],
                reply_attempts=attempts[_claim_key(row.instance)],
            )
            for row in claim_rows
        ),
        quotes=tuple(
            QuoteOutline(
                expert=row.cleaned_data.get("expert"),
                obtained_via=row.cleaned_data.get("obtained_via", ""),
            )
            for row in rows.get(ExpertQuote, [])
        ),
        shared_sources=shared,
        has_hero_image=bool(data.get("hero_image", form.instance.hero_image)),
        hero_image_alt=data.get("hero_image_alt", ""),
        key_points=len(key_point_lines(data.get("key_points", ""))),
    )


def _claim_key(claim):
    """A claim's key, or a new claim row's instance itself (``ClaimChoiceField``)."""
    return claim.pk or id(claim)


def _live_rows(formset):
    """The formset's forms that saving would keep: existing or filled in, not deleted."""
    formset.is_valid()  # fills every form's cleaned_data with what validated
    return [
        row
        for row in formset.forms
        if (row.instance.pk or row.has_changed()) and not row.cleaned_data.get("DELETE")
    ]
