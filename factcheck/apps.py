from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactCheckConfig(AppConfig):
    name = "factcheck"
    verbose_name = _("Fact-checks")
