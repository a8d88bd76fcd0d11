"""The reader site's HTML pages: read-only views over published fact-checks.

Every public view starts from ``FactCheck.objects.published()``. Unpublished
work shows in two places only: the article view, to staff allowed to preview
it (``permissions.can_preview``), and ``PreviewLinkView``, to whoever holds a
signed, unexpired link.
"""

import datetime
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from .. import feeds, pagination, permissions, preview, publishing, search, tally
from ..models import (
    AuthorProfile,
    Claimant,
    Correction,
    FactCheck,
    Page,
    Rating,
    RatingChange,
    Status,
    Topic,
    TransitionLog,
    listing_key,
)


class FactCheckListView(TemplateView):
    """Published fact-checks as cards, newest first, twenty a page.

    Pages go by position (``pagination.newest_first``), so the thousandth
    costs what the first does. A base: each list names its own template.
    """

    per_page = 20
    #: Whether the first page leads with a larger card.
    leads = False

    def get_queryset(self):
        # The cards come prepared (publishing.cards): only the position here.
        return FactCheck.objects.published().only("pk", "first_published_at")

    def listed(self):
        """The list page's ``Listing`` key; None for all published fact-checks."""
        return None

    def get_context_data(self, **kwargs):
        page = pagination.newest_first(
            self.get_queryset(), self.request.GET, self.per_page, listed=self.listed()
        )
        return super().get_context_data(
            page=page,
            factchecks=page.items,
            cards=publishing.cards(page.items, lead=self.leads and page.is_first),
            **kwargs,
        )


class HomeView(FactCheckListView):
    """The latest fact-checks, with ways in by verdict and by topic."""

    template_name = "factcheck/home.html"
    leads = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            ratings=Rating.objects.all(), topics=Topic.objects.in_use(), **kwargs
        )


class _FilteredListView(FactCheckListView):
    """A list of published fact-checks narrowed to one rating, topic, author or
    claimant, read off that list's own index (``Listing``)."""

    model = None

    def get_subject(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.subject = self.get_subject()
        return super().get(request, *args, **kwargs)

    def listed(self):
        return listing_key(self.model._meta.model_name, self.subject.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class RatingView(_FilteredListView):
    model = Rating
    template_name = "factcheck/rating_detail.html"


class TopicView(_FilteredListView):
    model = Topic
    template_name = "factcheck/topic_detail.html"


class AuthorView(_FilteredListView):
    """What a staff member wrote or edited; nobody gets a page without published work.

    Editors count: articles link the editor's name here.
    """

    template_name = "factcheck/author_detail.html"

    def get_subject(self):
        profile = get_object_or_404(AuthorProfile, slug=self.kwargs["slug"])
        if not profile.has_published_work():
            raise Http404
        return profile

    def listed(self):
        return listing_key("author", self.subject.user_id)


class ClaimantView(_FilteredListView):
    """The checked claims of one claimant, newest first, and how they were rated.

    Nobody gets a page without published claims: a draft's claimant stays
    unseen.
    """

    model = Claimant
    template_name = "factcheck/claimant_detail.html"

    def get_subject(self):
        claimant = get_object_or_404(Claimant, slug=self.kwargs["slug"])
        self.tally = tally.of_claimant(claimant)
        if not self.tally.claims:
            raise Http404
        return claimant

    def get_context_data(self, **kwargs):
        return super().get_context_data(tally=self.tally, **kwargs)


class CorrectionsLogView(TemplateView):
    """Every public change record across the site, newest first, thirty a page.

    Clarifications, updates, corrections and re-ratings of published
    articles, and retractions; paged by position along the ``issued_at``
    index, like the lists of fact-checks, never counted.
    """

    template_name = "factcheck/corrections_log.html"
    per_page = 30

    def get_context_data(self, **kwargs):
        records = (
            Correction.objects.on_the_record()
            .select_related("factcheck")
            .only(*feeds.LOG_FIELDS)
        )
        page = pagination.newest_first(
            records, self.request.GET, self.per_page, field="issued_at"
        )
        return super().get_context_data(page=page, records=page.items, **kwargs)


class TopicListView(ListView):
    """Topics readers can find published fact-checks in, with how many."""

    template_name = "factcheck/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return Topic.objects.with_counts()


class HowWeRateView(ListView):
    """The rating scale, explained: built from the editable Rating table, with
    the date of every change to it (``factcheck.scale`` records them)."""

    template_name = "factcheck/how_we_rate.html"
    context_object_name = "ratings"

    def get_queryset(self):
        return Rating.objects.all()

    def get_context_data(self, **kwargs):
        changes = RatingChange.objects.only("label", "kind", "previous", "changed_at")
        return super().get_context_data(changes=changes, **kwargs)


class PageView(DetailView):
    """A standing page editors keep in the admin (about, methodology, ...)."""

    model = Page
    template_name = "factcheck/page.html"
    context_object_name = "page"


class SearchView(TemplateView):
    """Search results; an empty or invalid search is a normal page, not an error.

    Ranked, so numbered, never counted (``pagination.numbered``).
    """

    template_name = "factcheck/search.html"
    per_page = search.PER_PAGE

    def get_context_data(self, **kwargs):
        form = search.SearchForm(self.request.GET or None)
        results = form.results(FactCheck.objects.published())
        page = pagination.numbered(results, self.request.GET.get("page"), self.per_page)
        query = form.criteria().get("q", "")
        search.attach_snippets(page.items, query)
        cards = [
            publishing.with_snippet(
                card,
                format_html(
                    '<p class="card__snippet">{}</p>', search.highlight(item.snippet)
                ),
            )
            for card, item in zip(publishing.cards(page.items), page.items, strict=True)
        ]
        return super().get_context_data(
            form=form,
            query=query,
            page=page,
            factchecks=page.items,
            cards=cards,
            **kwargs,
        )


@dataclass(frozen=True)
class Preview:
    """How a preview was reached: by a signed link (until when) or by staff."""

    link_expires_at: datetime.datetime | None = None


class FactCheckDetailView(TemplateView):
    """A published fact-check, from its prepared page; staff preview the rest.

    Readers get the page ``publishing`` prepared when the article went out:
    one query, and the related fact-checks' cards in another.
    """

    template_name = "factcheck/factcheck_detail.html"

    def get(self, request, *args, **kwargs):
        page = publishing.page_for(kwargs["slug"])
        if page is not None:
            return self.render_to_response(
                {
                    "title": page.title,
                    "description": page.description,
                    "head": mark_safe(page.head),
                    "article": mark_safe(page.article),
                    "related": mark_safe(page.related_html),
                }
            )
        factcheck = get_object_or_404(
            FactCheck.objects.with_article_parts(), slug=kwargs["slug"]
        )
        if permissions.can_preview(request.user, factcheck):
            return self.preview(factcheck, Preview())
        if factcheck.status == Status.RETRACTED:
            return _retraction_notice(request, factcheck)
        raise Http404

    def preview(self, factcheck, how):
        """The unpublished ``factcheck`` as readers will see it; never cached."""
        context = publishing.article_context(factcheck, preview=how)
        response = self.render_to_response(
            {
                "preview": how,
                "title": factcheck.headline,
                "article": mark_safe(
                    render_to_string("factcheck/includes/article.html", context)
                ),
                "related": mark_safe(
                    publishing.related_block(publishing.related_ids(factcheck.pk))
                ),
            }
        )
        add_never_cache_headers(response)
        return response


def _retraction_notice(request, factcheck):
    """410 Gone with the reason the desk gave, as the corrections policy promises."""
    retraction = TransitionLog.objects.latest_retraction(factcheck)
    return render(
        request,
        "factcheck/retracted.html",
        {"factcheck": factcheck, "retraction": retraction},
        status=410,
    )


class PreviewLinkView(FactCheckDetailView):
    """A fact-check in any state, for whoever holds a valid signed preview link."""

    def get(self, request, *args, **kwargs):
        try:
            pk, expires_at = preview.read_token(kwargs["token"])
        except preview.InvalidPreviewLink:
            raise Http404 from None
        factcheck = get_object_or_404(FactCheck.objects.with_article_parts(), pk=pk)
        if preview.is_revoked(kwargs["token"], factcheck):
            raise Http404
        response = self.preview(factcheck, Preview(link_expires_at=expires_at))
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class RobotsView(TemplateView):
    """``/robots.txt``: keeps crawlers out of the admin and previews, names the sitemap."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
