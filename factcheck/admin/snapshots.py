"""The evidence locker in the admin: each source's copy on the article's form,
and every fetch in a list editors filter for sources that changed or went."""

from django.contrib import admin
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import SourceSnapshot

Outcome = SourceSnapshot.Outcome


def _date(moment):
    return formats.date_format(moment, "DATE_FORMAT")


def locker_state(source):
    """What the locker holds of ``source`` (``with_last_check``), in words."""
    if not source.url:
        return "—"
    checked_at = getattr(source, "checked_at", None)
    if checked_at is None:
        return gettext("Not archived yet: fetched in the background after saving.")
    archived_at = source.archived_at
    kept = (
        gettext("Readers keep the copy archived on %(date)s.")
        % {"date": _date(archived_at)}
        if archived_at
        else gettext("No copy is archived.")
    )
    values = {"date": _date(checked_at), "message": source.check_message}
    if source.check_archived:
        return gettext("Archived on %(date)s.") % values
    if source.check_outcome == Outcome.CHANGED:
        flag = gettext("Source changed since it was archived (checked on %(date)s).")
    elif source.check_outcome == Outcome.GONE:
        flag = gettext("Source gone: %(message)s (checked on %(date)s).")
    elif source.check_outcome == Outcome.FAILED:
        flag = gettext("Could not be fetched on %(date)s: %(message)s")
    else:
        flag = gettext("Unchanged when checked on %(date)s.")
    text = f"{flag % values} {kept}"
    if source.check_outcome in (Outcome.CHANGED, Outcome.GONE):
        return format_html('<strong class="locker-flag">{}</strong>', text)
    return text


class LatestCheckFilter(admin.SimpleListFilter):
    """Only each source's newest fetch, by what it found: what is true now."""

    title = _("latest check")
    parameter_name = "latest"

    def lookups(self, request, model_admin):
        return [
            (Outcome.CHANGED, _("Source changed since it was archived")),
            (Outcome.GONE, _("Source gone")),
            (Outcome.FAILED, _("Could not be fetched")),
        ]

    def queryset(self, request, queryset):
        if self.value() not in Outcome.values:
            return queryset
        return queryset.latest_checks(self.value())


@admin.register(SourceSnapshot)
class SourceSnapshotAdmin(admin.ModelAdmin):
    """Every fetch the locker made: readable by the desk, written by its jobs only."""

    list_display = [
        "fetched_at",
        "article",
        "url",
        "outcome",
        "is_archive",
        "status_code",
        "size",
        "message",
    ]
    list_filter = [LatestCheckFilter, "outcome", "is_archive"]
    list_select_related = ["factcheck"]
    search_fields = ["url", "factcheck__headline"]
    date_hierarchy = "fetched_at"

    @admin.display(description=_("fact-check"), ordering="factcheck__headline")
    def article(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:factcheck_factcheck_change", args=[obj.factcheck_id]),
            obj.factcheck.headline,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
