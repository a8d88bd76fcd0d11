"""The newsroom's admin: where journalists write and editors review.

``factchecks`` is the article admin (its inlines in ``inlines``, its list
filters in ``filters``, its forms in ``forms``), with the workflow panel and
the views its buttons post to in ``workflow_panel``; ``claims``,
``directory`` and ``records`` hold the other models' admins. Who may do what
is decided in ``permissions``; admin classes only ask.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import claims, directory, factchecks, records  # noqa: F401 (registers)

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Fact-checks, sources and the desk's workflow")
