"""Reader pages: read-only views over published fact-checks."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from . import preview, workflow
from .models import AuthorProfile, Byline, Claim, ExpertQuote, FactCheck, Rating, Topic


def _card_queryset(queryset):
    """Fact-checks with what a list card shows, in a fixed number of queries."""
    return queryset.prefetch_related(
        Prefetch(
            "claims",
            queryset=Claim.objects.select_related("verdict__rating", "claimant"),
        ),
        "topics",
    )


class FactCheckListView(ListView):
    template_name = "factcheck/factcheck_list.html"
    context_object_name = "factchecks"
    paginate_by = 20

    def get_queryset(self):
        return _card_queryset(FactCheck.objects.published())


class HomeView(FactCheckListView):
    pass


class _FilteredListView(FactCheckListView):
    """A list of published fact-checks narrowed to one rating, topic or author."""

    model = None
    filter_lookup = None

    def get_queryset(self):
        self.subject = get_object_or_404(self.model, slug=self.kwargs["slug"])
        return (
            super()
            .get_queryset()
            .filter(**{self.filter_lookup: self.subject})
            .distinct()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class RatingView(_FilteredListView):
    model = Rating
    filter_lookup = "claims__verdict__rating"


class TopicView(_FilteredListView):
    model = Topic
    filter_lookup = "topics"


class AuthorView(_FilteredListView):
    model = AuthorProfile
    filter_lookup = "bylines__author__profile"


class FactCheckDetailView(DetailView):
    """A published fact-check; its authors and editors also see it before then."""

    template_name = "factcheck/factcheck_detail.html"
    context_object_name = "factcheck"

    def get_queryset(self):
        return FactCheck.objects.select_related("editor__profile").prefetch_related(
            Prefetch(
                "bylines", queryset=Byline.objects.select_related("author__profile")
            ),
            Prefetch(
                "claims",
                queryset=Claim.objects.select_related(
                    "verdict__rating", "claimant"
                ).prefetch_related("appearances"),
            ),
            Prefetch(
                "quotes",
                queryset=ExpertQuote.objects.filter(on_record=True).select_related(
                    "expert"
                ),
            ),
            "sources",
            "corrections",
            "topics",
        )

    def get_object(self, queryset=None):
        factcheck = super().get_object(queryset)
        self.is_preview = not factcheck.is_published
        if self.is_preview and not workflow.can_preview(self.request.user, factcheck):
            raise Http404
        return factcheck

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
        return response


class PreviewLinkView(FactCheckDetailView):
    """A fact-check in any state, for whoever holds a valid signed preview link."""

    def get_object(self, queryset=None):
        try:
            pk, self.link_expires_at = preview.read_token(self.kwargs["token"])
        except preview.InvalidPreviewLink:
            raise Http404 from None
        self.is_preview = True
        return get_object_or_404(self.get_queryset(), pk=pk)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
