"""The newsroom's directories and vocabulary: ratings, topics, claimants,
experts and author profiles."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .. import permissions, scale
from ..models import AuthorProfile, Claimant, Expert, Rating, Topic
from .badges import rating_badge


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    """The scale; each change is dated and signed (``factcheck.scale``)."""

    list_display = ["label", "badge", "value", "meaning"]
    prepopulated_fields = {"slug": ["label"]}

    def save_model(self, request, obj, form, change):
        with scale.changes_by(request.user):
            super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        with scale.changes_by(request.user):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with scale.changes_by(request.user):
            super().delete_queryset(request, queryset)

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("badge"))
    def badge(self, obj):
        return rating_badge(obj)

    def has_delete_permission(self, request, obj=None):
        # A rating in use is protected by the database; say so before trying.
        return super().has_delete_permission(request, obj) and not (
            obj and obj.verdicts.exists()
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class DirectoryAdmin(admin.ModelAdmin):
    """Claimants and experts: shared records that published articles show.

    Journalists keep the directories, but once a record appears in something
    readers see, changing it changes a published article: that is for editors.
    """

    def has_change_permission(self, request, obj=None):
        if obj is not None and not permissions.can_change_directory_entry(
            request.user, obj
        ):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Claimant)
class ClaimantAdmin(DirectoryAdmin):
    list_display = ["name", "kind", "party", "platform", "handle", "description"]
    list_filter = ["kind", "party"]
    search_fields = ["name", "handle", "party", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Expert)
class ExpertAdmin(DirectoryAdmin):
    list_display = ["name", "credentials", "affiliation", "field"]
    list_filter = ["field"]
    search_fields = ["name", "credentials", "affiliation", "field"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "credentials",
                    "affiliation",
                    "field",
                    "conflict_of_interest",
                ]
            },
        ),
        (
            _("Contact (private, never shown to readers)"),
            {"fields": ["contact_email", "contact_phone", "contact_notes"]},
        ),
    ]


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "role", "user", "team_listing"]
    list_filter = ["team_listing"]
    search_fields = ["display_name", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return permissions.can_change_any_profile(request.user)
        return permissions.can_change_profile(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = []
        if obj is not None and not permissions.can_move_profile(request.user):
            readonly.append("user")
        # Who the newsroom presents as its team is the editors' call.
        if not permissions.can_change_any_profile(request.user):
            readonly.append("team_listing")
        return readonly
