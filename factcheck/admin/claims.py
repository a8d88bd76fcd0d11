"""A claim's own admin page, for its appearances beyond the first."""

from django.contrib import admin

from .. import editing, permissions
from ..models import Claim, ClaimAppearance
from .forms import AppearanceInlineFormSet


class AppearanceInline(admin.TabularInline):
    model = ClaimAppearance
    formset = AppearanceInlineFormSet
    extra = 1
    fields = ["url", "archived_url", "medium", "outlet", "appeared_on", "is_first"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    """A claim's own page, for its appearances; reached from its fact-check."""

    list_display = ["statement", "claimant", "factcheck"]
    search_fields = ["statement", "claimant__name"]
    autocomplete_fields = ["claimant"]
    fields = ["factcheck", "statement", "claimant"]
    readonly_fields = ["factcheck"]
    inlines = [AppearanceInline]

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        editing.record_part_change(factcheck=form.instance.factcheck, user=request.user)

    def _article_editable(self, request, obj):
        return obj is None or permissions.can_edit(request.user, obj.factcheck)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        # Deleting a fact-check deletes its claims: the admin asks this then.
        return super().has_delete_permission(request, obj) and self._article_editable(
            request, obj
        )
