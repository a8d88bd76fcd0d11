"""The parts of an article, edited inline on its change form."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..models import Byline, Claim, Correction, ExpertQuote, ReplyAttempt, Source
from ..models.people import display_name
from .badges import rating_badge
from .claim_parts import ClaimPartForm, ClaimPartInlineFormSet
from .forms import BylineInlineFormSet, ClaimInlineForm
from .snapshots import locker_state

User = get_user_model()


class ArticlePartInline:
    """Inline rows of an article are editable exactly when ``allows`` says so.

    By default that is when the article itself is editable.
    """

    allows = staticmethod(permissions.can_edit)

    def _allowed(self, request, obj):
        return obj is None or self.allows(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._allowed(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._allowed(
            request, obj
        )


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    formset = BylineInlineFormSet
    extra = 0
    min_num = 1
    fields = ["author", "ordering"]
    verbose_name_plural = _("Byline (authors, in print order)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "author":
            field.queryset = User.objects.filter(
                is_active=True, is_staff=True
            ).select_related("profile")
            # Names as readers will see them on the byline, not usernames.
            field.label_from_instance = display_name
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


class ClaimInline(ArticlePartInline, admin.StackedInline):
    model = Claim
    form = ClaimInlineForm
    show_change_link = True
    autocomplete_fields = ["claimant"]
    fieldsets = [
        (None, {"fields": ["statement", "claimant"]}),
        (_("Verdict"), {"fields": [("rating", "verdict_summary")]}),
        (
            _("Where it first appeared (more appearances on the claim's own page)"),
            {"fields": [("seen_url", "seen_medium"), ("seen_outlet", "seen_on")]},
        ),
        (None, {"fields": ["ordering"]}),
    ]

    #: Read-only, the verdict and first appearance (form fields, not model
    #: fields) are shown through the display methods below.
    readonly_fields = ["verdict_display", "first_appearance_display"]
    read_only_fieldsets = [
        (None, {"fields": ["statement", "claimant"]}),
        (_("Verdict"), {"fields": ["verdict_display"]}),
        (_("Where it first appeared"), {"fields": ["first_appearance_display"]}),
    ]

    def get_extra(self, request, obj=None, **kwargs):
        # A blank claim to start from on a new article, not required: a draft
        # with only a headline saves (the checklist asks for the claim).
        return 1 if obj is None else 0

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return self.read_only_fieldsets
        return super().get_fieldsets(request, obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("verdict__rating", "claimant")
            .prefetch_related("appearances")
        )

    @admin.display(description=_("rating and summary"))
    def verdict_display(self, claim):
        verdict = getattr(claim, "verdict", None)
        if verdict is None:
            return "—"
        badge = rating_badge(verdict.rating) if verdict.rating else _("Not rated")
        return format_html("{}<p>{}</p>", badge, verdict.summary or "—")

    @admin.display(description=_("first appearance"))
    def first_appearance_display(self, claim):
        appearance = claim.first_appearance
        if appearance is None:
            return "—"
        where = ", ".join(
            str(part)
            for part in (
                appearance.get_medium_display(),
                appearance.outlet,
                appearance.appeared_on,
            )
            if part
        )
        if appearance.url:
            return format_html(
                '<a href="{}">{}</a> {}', appearance.url, appearance.url, where
            )
        return where


class SourceInline(ArticlePartInline, admin.StackedInline):
    model = Source
    form = ClaimPartForm
    formset = ClaimPartInlineFormSet
    extra = 0
    readonly_fields = ["locker_display"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "publisher"),
                    ("url", "archived_url"),
                    "locker_display",
                    "citation",
                ]
            },
        ),
        (
            None,
            {
                "fields": [
                    ("kind", "origin", "claim"),
                    ("published_on", "accessed_on"),
                    "notes",
                    "ordering",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_last_check()

    @admin.display(description=_("our archived copy"))
    def locker_display(self, source):
        return locker_state(source)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("citation", "notes"):
            # Mostly empty: two lines keep a list of ten sources scannable.
            field.widget.attrs["rows"] = 2
        return field


class ReplyAttemptInline(ArticlePartInline, admin.TabularInline):
    """The right of reply: each attempt to reach a claim's claimant.

    Readers get one line per claim made from these rows (``factcheck.reply``);
    who logged each one is stamped by ``FactCheckAdmin.save_formset``.
    """

    model = ReplyAttempt
    form = ClaimPartForm
    formset = ClaimPartInlineFormSet
    extra = 0
    fields = ["claim", "channel", "contacted_at", "response", "responded_at"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "response":
            field.widget.attrs["rows"] = 2
        return field


class ExpertQuoteInline(ArticlePartInline, admin.StackedInline):
    model = ExpertQuote
    extra = 0
    autocomplete_fields = ["expert"]
    fields = [
        "expert",
        "text",
        ("obtained_via", "obtained_on", "on_record"),
        "ordering",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("expert")


class CorrectionInline(ArticlePartInline, admin.StackedInline):
    """Corrections are appended by editors to what readers already saw.

    The admin saves them through ``editing`` (``FactCheckAdmin.save_formset``),
    which logs each one.
    """

    model = Correction
    extra = 0
    fields = ["kind", "text", "issued_at"]
    allows = staticmethod(permissions.can_correct)

    def get_queryset(self, request):
        # A retraction's reason stays as given (``editing.reword_correction``).
        return super().get_queryset(request).exclude(kind=Correction.Kind.RETRACTION)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            # Re-ratings come with a revision (``workflow.publish``); one
            # issued earlier keeps its kind, which editing checks.
            kwargs["choices"] = [
                choice
                for choice in db_field.get_choices(include_blank=False)
                if choice[0] != Correction.Kind.RETRACTION
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # Readers saw the correction: it stays, though its wording may be fixed.
        return False
