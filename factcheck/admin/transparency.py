"""What the newsroom discloses about itself: funders, policy texts, and the
rating scale's history. Editors keep them; journalists may look."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .. import policies
from ..models import Funder, PolicyText, PolicyVersion, RatingChange


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "amount_band", "year_from", "year_to"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PolicyTextForm(forms.ModelForm):
    """The text of a new version, starting from the current one, and a note."""

    body = PolicyVersion._meta.get_field("body").formfield()
    note = PolicyVersion._meta.get_field("note").formfield()

    class Meta:
        model = PolicyText
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.current_version()
        if current is not None:
            self.fields["body"].initial = current.body

    def clean(self):
        cleaned_data = super().clean()
        if "body" in cleaned_data and "note" in cleaned_data:
            try:
                policies.check_version(
                    self.instance, body=cleaned_data["body"], note=cleaned_data["note"]
                )
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned_data


class PolicyVersionInline(admin.TabularInline):
    """Every version, newest first: a record, changed by nobody."""

    model = PolicyVersion
    fields = ["number", "created_at", "created_by", "note", "public_link"]
    readonly_fields = fields
    extra = 0

    @admin.display(description=_("on the site"))
    def public_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View"))

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PolicyText)
class PolicyTextAdmin(admin.ModelAdmin):
    """Saving a policy text adds a version (``policies.add_version``); none is
    ever overwritten or deleted. The texts themselves come with the install."""

    form = PolicyTextForm
    list_display = ["kind", "current_number", "current_date"]
    readonly_fields = ["kind", "current_text"]
    inlines = [PolicyVersionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("versions")

    def get_fields(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return ["kind", "body", "note"]
        return ["kind", "current_text"]

    def _current(self, obj):
        return max(obj.versions.all(), key=lambda v: v.number, default=None)

    @admin.display(description=_("current version"))
    def current_number(self, obj):
        current = self._current(obj)
        return current.number if current else _("none yet")

    @admin.display(description=_("of"))
    def current_date(self, obj):
        current = self._current(obj)
        return current.created_at if current else ""

    @admin.display(description=_("current text"))
    def current_text(self, obj):
        current = obj.current_version()
        return mark_safe(current.body) if current else ""  # sanitised at save

    def save_model(self, request, obj, form, change):
        version = policies.add_version(
            policy=obj,
            body=form.cleaned_data["body"],
            note=form.cleaned_data["note"],
            user=request.user,
        )
        self.message_user(
            request,
            _("Version %(number)s is now the one readers see.")
            % {"number": version.number},
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RatingChange)
class RatingChangeAdmin(admin.ModelAdmin):
    """The rating scale's history (``factcheck.scale``): written by the
    ratings' own saves, changed by nobody."""

    list_display = ["changed_at", "label", "kind", "previous", "changed_by"]
    list_filter = ["kind"]
    list_select_related = ["changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
