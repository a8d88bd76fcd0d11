from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class FactCheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checks")

    def ready(self):
        from . import checks, invalidation, scale  # noqa: F401 (checks registers)

        # Shared records shown on published pages: their pages are refreshed
        # whichever code saves them (the articles' own writes go through the
        # workflow and the edit service, which say what changed).
        invalidation.watch_shared_records()
        # The rating scale's history, from whichever code edits the scale.
        scale.watch_rating_scale()


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the newsroom's site (its sign-in door)."""

    default = False  # named in INSTALLED_APPS; the app's own is FactCheckConfig
    default_site = "factcheck.admin_site.NewsroomAdminSite"
