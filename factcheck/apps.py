from django.apps import AppConfig
from django.db.models import signals
from django.utils.translation import gettext_lazy as _


class FactCheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checks")

    def ready(self):
        from . import caching, checks  # noqa: F401 (checks registers itself)

        # Cached reader pages are dropped whenever anything in this app changes.
        for model in self.get_models(include_auto_created=True):
            for signal in (signals.post_save, signals.post_delete, signals.m2m_changed):
                signal.connect(caching.invalidate, sender=model, weak=False)
