"""Records the desk keeps: standing pages, the workflow log, sign-in rules."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Page, SignInRule, TransitionLog


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "in_footer", "updated_at", "updated_by"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "in_footer", "ordering"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    """The workflow's record: readable by editors, changeable by nobody."""

    list_display = [
        "created_at",
        "article",
        "action",
        "from_status",
        "to_status",
        "user",
        "note",
    ]
    list_filter = [
        "action",
        "to_status",
        ("user", admin.RelatedOnlyFieldListFilter),
        ("factcheck", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user"]
    search_fields = ["headline", "note"]
    date_hierarchy = "created_at"

    @admin.display(description=_("fact-check"), ordering="headline")
    def article(self, obj):
        if obj.factcheck_id is None:
            return obj.headline
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:factcheck_factcheck_change", args=[obj.factcheck_id]),
            obj.headline,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SignInRule)
class SignInRuleAdmin(admin.ModelAdmin):
    """One row per staff group; editors decide who must use a second factor."""

    list_display = ["group", "two_factor_required"]
    list_editable = ["two_factor_required"]
    fields = ["group", "two_factor_required"]

    def get_readonly_fields(self, request, obj=None):
        return ["group"] if obj else []
