from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactCheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checks")

    def ready(self):
        from . import checks, publishing  # noqa: F401 (checks registers itself)

        # Shared records shown on published pages: their pages are refreshed
        # whichever code saves them (the articles' own writes go through the
        # workflow and the edit service, which say what changed).
        publishing.watch_shared_records()
