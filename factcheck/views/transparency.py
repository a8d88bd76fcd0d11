"""What the newsroom tells readers about itself: who works here, who pays,
how it works and corrects, and whom it quotes.

Read-only views over the desk's own records (the IFCN's transparency
principles). Each shows published data only: the team members readers see
credited (or listed by choice), the experts quoted on the record in
published fact-checks (never their contact details), and the current
version of each policy text with every earlier one still readable.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from .. import pagination
from ..models import (
    AuthorProfile,
    Expert,
    ExpertQuote,
    Funder,
    PolicyText,
    PolicyVersion,
)
from ..models.querysets import visible_to_readers

#: Fact-checks listed under each expert, newest first.
QUOTED_IN = 10


class TeamView(ListView):
    """ "Our team": the profiles ``AuthorProfile.objects.on_team()`` lists."""

    template_name = "factcheck/team.html"
    context_object_name = "profiles"

    def get_queryset(self):
        return AuthorProfile.objects.on_team().only(
            "display_name", "slug", "role", "bio", "photo", "first_credited_at"
        )


def policy_versions(kind, number=None):
    """The version ``number`` of the policy ``kind`` (the current one without
    it) and the list of all its versions, newest first, without their text.

    ``version`` is None while the policy has none.
    """
    of_kind = PolicyVersion.objects.filter(policy__kind=kind).select_related("policy")
    versions = list(of_kind.only("number", "note", "created_at", "policy__kind"))
    if number is None and versions:
        number = versions[0].number
    version = of_kind.filter(number=number).first() if number is not None else None
    return {
        "kind": kind,
        "title": PolicyText.Kind(kind).label,
        "version": version,
        "versions": versions,
        "current": versions[0] if versions else None,
    }


class PolicyView(TemplateView):
    """A policy text: its current version, or an earlier one by number."""

    template_name = "factcheck/policy.html"
    kind = None

    def get_context_data(self, **kwargs):
        context = policy_versions(self.kind, kwargs.get("number"))
        if context["version"] is None:
            raise Http404
        return super().get_context_data(**context, **kwargs)


class FundingView(TemplateView):
    """Who funds and owns the newsroom: the ownership statement, then the
    funders year by year, newest first (a grant over three years is listed
    in each)."""

    template_name = "factcheck/funding.html"

    def get_context_data(self, **kwargs):
        this_year = timezone.now().year
        by_year = {}
        for funder in Funder.objects.order_by("name"):
            for year in funder.years(until=this_year):
                by_year.setdefault(year, []).append(funder)
        return super().get_context_data(
            years=sorted(by_year.items(), reverse=True),
            ownership=policy_versions(PolicyText.Kind.OWNERSHIP),
            currency=settings.FACTCHECK_CURRENCY,
            **kwargs,
        )


class ExpertListView(TemplateView):
    """ "Our experts": who the desk quotes, with what they declared, by name.

    Each with the newest published fact-checks quoting them on the record,
    in one query for the whole page (a window over each expert's quotes).
    """

    template_name = "factcheck/expert_list.html"
    per_page = 30

    def get_context_data(self, **kwargs):
        quotes = (
            ExpertQuote.objects.filter(visible_to_readers("factcheck__"))
            .filter(on_record=True)
            .select_related("factcheck")
            .only("expert", "factcheck__headline", "factcheck__slug")
            .order_by("-factcheck__first_published_at", "-factcheck_id", "pk")
        )
        # Twice as many quotes as fact-checks shown: an article may quote
        # the same expert more than once.
        experts = Expert.objects.for_readers().prefetch_related(
            Prefetch("quotes", queryset=quotes[: QUOTED_IN * 2], to_attr="shown")
        )
        page = pagination.by_name(experts, self.request.GET, self.per_page)
        for expert in page.items:
            expert.quoted_in = _fact_checks(expert.shown)
        return super().get_context_data(page=page, experts=page.items, **kwargs)


def _fact_checks(quotes):
    """The fact-checks of ``quotes``, each once, in order, at most QUOTED_IN."""
    seen = {}
    for quote in quotes:
        seen.setdefault(quote.factcheck.pk, quote.factcheck)
    return list(seen.values())[:QUOTED_IN]
