"""The IFCN readiness dashboard: the criteria on a page, printable, and as CSV.

Editors only: the figures speak for the newsroom to its assessors. The
figures themselves come from ``factcheck.readiness``; these views only show
them.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions, readiness


def _assessed(request):
    if not permissions.is_editor(request.user):
        raise PermissionDenied
    return timezone.now(), readiness.assess()


def dashboard(request, admin_site):
    """The criteria with their marks and evidence; ``?print`` for the renewal file."""
    now, criteria = _assessed(request)
    context = {
        **admin_site.each_context(request),
        "title": _("IFCN readiness"),
        "criteria": criteria,
        "assessed_at": now,
        "passed": sum(criterion.passed for criterion in criteria),
        "printable": "print" in request.GET,
    }
    return TemplateResponse(request, "admin/readiness.html", context)


def export(request, admin_site):
    """The same criteria and evidence as the dashboard, one row each, as CSV."""
    now, criteria = _assessed(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="ifcn-readiness-{now:%Y-%m-%d}.csv"'
    )
    csv.writer(response).writerows(readiness.csv_rows(criteria))
    return response
