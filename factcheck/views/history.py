"""A published fact-check's public history (``factcheck.history``): its list of
versions and the comparison of any two.

Only a fact-check readers can see has one: a draft, a scheduled, an
unpublished or a retracted article's history is a 404 (the retraction
notice at its address stays as it is).
"""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from .. import history
from ..models import FactCheck


def _article(slug):
    return get_object_or_404(
        FactCheck.objects.published().only("pk", "slug", "headline"), slug=slug
    )


class HistoryView(TemplateView):
    """The versions readers were shown, newest first, to compare any two."""

    template_name = "factcheck/history.html"

    def get_context_data(self, **kwargs):
        factcheck = _article(self.kwargs["slug"])
        entries = history.entries(factcheck)
        return super().get_context_data(
            factcheck=factcheck, entries=entries[::-1], **kwargs
        )


class HistoryCompareView(TemplateView):
    """What changed for readers between two listed versions (``from``, ``to``)."""

    template_name = "factcheck/history_compare.html"

    def get_context_data(self, **kwargs):
        factcheck = _article(self.kwargs["slug"])
        old, new, sections = history.comparison(
            factcheck, self.request.GET.get("from"), self.request.GET.get("to")
        )
        return super().get_context_data(
            factcheck=factcheck, old=old, new=new, sections=sections, **kwargs
        )
