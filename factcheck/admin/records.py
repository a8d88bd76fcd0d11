"""Records the desk keeps: standing pages, the workflow log, readers' messages."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..models import Page, ReaderMessage, SignInRule, TransitionLog


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


@admin.register(ReaderMessage)
class ReaderMessageAdmin(admin.ModelAdmin):
    """Tips and error reports from readers, triaged by the desk."""

    list_display = ["created_at", "kind", "excerpt", "factcheck", "state", "handled_by"]
    list_filter = ["kind", "state"]
    list_select_related = ["factcheck", "handled_by"]
    search_fields = ["message", "url", "factcheck__headline"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "factcheck",
        "message",
        "url",
        "name",
        "email",
        "may_email",
        "created_at",
    ]
    fields = [*readonly_fields, "state", "notes", "handled_by"]
    #: What only those may see whom ``permissions.can_see_reader_contact`` lets.
    contact_fields = ["name", "email", "may_email"]

    def get_fields(self, request, obj=None):
        if permissions.can_see_reader_contact(request.user):
            return self.fields
        return [name for name in self.fields if name not in self.contact_fields]

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return obj.message[:100]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "state" in form.changed_data and not obj.handled_by_id:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SignInRule)
class SignInRuleAdmin(admin.ModelAdmin):
    """One row per staff group; editors decide who must use a second factor."""

    list_display = ["group", "two_factor_required"]
    list_editable = ["two_factor_required"]
    fields = ["group", "two_factor_required"]

    def get_readonly_fields(self, request, obj=None):
        return ["group"] if obj else []
