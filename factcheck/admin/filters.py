"""The filters of the admin's fact-check list."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from ..models import Byline, Rating, Status
from ..models.people import display_name

User = get_user_model()


class RatingListFilter(admin.SimpleListFilter):
    title = _("rating")
    parameter_name = "rating"

    def lookups(self, request, model_admin):
        return [(r.slug, r.label) for r in Rating.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                claims__verdict__rating__slug=self.value()
            ).distinct()
        return queryset


class AuthorListFilter(admin.SimpleListFilter):
    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        # A semi-join per person, not a join over every byline.
        authors = User.objects.filter(
            Exists(Byline.objects.filter(author=OuterRef("pk")))
        ).select_related("profile")
        return [(u.pk, display_name(u)) for u in authors]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(bylines__author_id=self.value())
        return queryset


class StatusListFilter(admin.SimpleListFilter):
    """The states as the desk speaks of them: a future publication is "scheduled"."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            (Status.PUBLISHED, _("Live")),
            (Status.RETRACTED, Status.RETRACTED.label),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case Status.PUBLISHED:
                return queryset.published()
            case Status.DRAFT | Status.REVIEW | Status.RETRACTED:
                return queryset.filter(status=self.value())
        return queryset


class RevisionListFilter(admin.SimpleListFilter):
    title = _("revisions")
    parameter_name = "revision"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Revisions of live articles")),
            ("no", _("Articles")),
        ]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(revision_of__isnull=self.value() == "no")
        return queryset
