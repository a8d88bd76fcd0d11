"""Reader pages: read-only views over published fact-checks.

Every public view starts from ``FactCheck.objects.published()``; the article
view alone also shows unpublished work, to staff allowed to preview it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import DetailView, FormView, ListView, TemplateView

from . import (
    caching,
    notifications,
    preview,
    search,
    social_card,
    structured_data,
    throttle,
    workflow,
)
from .models import (
    AuthorProfile,
    Claim,
    FactCheck,
    Page,
    Rating,
    ReaderMessage,
    Status,
    Topic,
    TransitionLog,
)
from .reader_forms import ErrorReportForm, TipForm

#: Size of the iframe the oEmbed endpoint offers; the card fits it.
EMBED_WIDTH, EMBED_HEIGHT = 560, 340
CLAIMREVIEWS_PER_PAGE = 50


def base_url(request):
    """Scheme and host the reader came in on, for absolute links and markup."""
    return f"{request.scheme}://{request.get_host()}"


class FactCheckListView(ListView):
    """Published fact-checks as cards, newest first, twenty a page."""

    template_name = "factcheck/factcheck_list.html"
    context_object_name = "factchecks"
    paginate_by = 20

    def get_queryset(self):
        return FactCheck.objects.published().with_card_parts()


class HomeView(FactCheckListView):
    """The latest fact-checks, with ways in by verdict and by topic."""

    template_name = "factcheck/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            ratings=Rating.objects.all(), topics=Topic.objects.all(), **kwargs
        )


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
    template_name = "factcheck/rating_detail.html"


class TopicView(_FilteredListView):
    model = Topic
    filter_lookup = "topics"
    template_name = "factcheck/topic_detail.html"


class AuthorView(_FilteredListView):
    model = AuthorProfile
    filter_lookup = "bylines__author__profile"
    template_name = "factcheck/author_detail.html"


class TopicListView(ListView):
    template_name = "factcheck/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return Topic.objects.all()


class HowWeRateView(ListView):
    """The rating scale, explained: built from the editable Rating table."""

    template_name = "factcheck/how_we_rate.html"
    context_object_name = "ratings"

    def get_queryset(self):
        return Rating.objects.all()


class PageView(DetailView):
    """A standing page editors keep in the admin (about, methodology, ...)."""

    model = Page
    template_name = "factcheck/page.html"
    context_object_name = "page"


class SearchView(ListView):
    """Search results; an empty or invalid search is a normal page, not an error."""

    template_name = "factcheck/search.html"
    context_object_name = "factchecks"
    paginate_by = 20

    def get_queryset(self):
        self.form = search.SearchForm(self.request.GET or None)
        return self.form.results(FactCheck.objects.published().with_card_parts())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.form,
            query=self.form.cleaned_data.get("q", "") if self.form.is_bound else "",
            **kwargs,
        )
        search.attach_snippets(context["factchecks"], context["query"])
        return context


class Retracted(Exception):
    """The fact-check was withdrawn; readers get a notice instead of the article."""

    def __init__(self, factcheck):
        self.factcheck = factcheck


class FactCheckDetailView(DetailView):
    """A published fact-check; its authors and editors also see it before then."""

    template_name = "factcheck/factcheck_detail.html"
    context_object_name = "factcheck"

    def get_queryset(self):
        return FactCheck.objects.with_article_parts()

    def get_object(self, queryset=None):
        factcheck = super().get_object(queryset)
        self.is_preview = not factcheck.is_published
        if self.is_preview and not workflow.can_preview(self.request.user, factcheck):
            if factcheck.status == Status.RETRACTED:
                raise Retracted(factcheck)
            raise Http404
        return factcheck

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Retracted as retracted:
            return _retraction_notice(request, retracted.factcheck)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        factcheck, base = self.object, base_url(self.request)
        context["related"] = (
            FactCheck.objects.published().related_to(factcheck).with_card_parts()[:3]
        )
        if not self.is_preview:
            card_url = base + reverse("factcheck:card", args=[factcheck.slug])
            context["card_url"] = card_url
            context["canonical_url"] = base + factcheck.get_absolute_url()
            context["embed"] = {
                "src": base + reverse("factcheck:embed", args=[factcheck.slug]),
                "width": EMBED_WIDTH,
                "height": EMBED_HEIGHT,
            }
            context["structured_data"] = structured_data.article_graph(
                factcheck,
                base,
                caching.cached_value("rating-bounds", Rating.objects.bounds),
                image_url=card_url,
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_preview:
            add_never_cache_headers(response)
        return response


def _retraction_notice(request, factcheck):
    """410 Gone with the reason the desk gave, as the corrections policy promises."""
    retraction = (
        TransitionLog.objects.filter(
            factcheck=factcheck, action=TransitionLog.Action.RETRACT
        )
        .order_by("-created_at")
        .first()
    )
    return render(
        request,
        "factcheck/retracted.html",
        {"factcheck": factcheck, "retraction": retraction},
        status=410,
    )


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


def _published_or_404(slug):
    return get_object_or_404(FactCheck.objects.published().with_card_parts(), slug=slug)


def social_card_png(request, slug):
    """The fact-check's share image (og:image), drawn once per claim and verdict."""
    png = social_card.png_for(_published_or_404(slug))
    return HttpResponse(png, content_type="image/png")


@xframe_options_exempt
def embed(request, slug):
    """A compact verdict card other sites place in an iframe (see ``oembed``)."""
    factcheck = _published_or_404(slug)
    return render(
        request,
        "factcheck/embed.html",
        {
            "factcheck": factcheck,
            "claim": next(iter(factcheck.claims.all()), None),
            "article_url": base_url(request) + factcheck.get_absolute_url(),
        },
    )


def oembed(request):
    """oEmbed (https://oembed.com) for article URLs: the embed card as an iframe."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse(status=501)
    url = urlsplit(request.GET.get("url", ""))
    allowed_hosts = {request.get_host(), urlsplit(settings.SITE_URL).netloc}
    try:
        match = resolve(url.path)
    except Resolver404:
        raise Http404 from None
    if url.netloc not in allowed_hosts or match.view_name != "factcheck:detail":
        raise Http404
    factcheck = _published_or_404(match.kwargs["slug"])
    width = _bounded(request.GET.get("maxwidth"), EMBED_WIDTH)
    height = _bounded(request.GET.get("maxheight"), EMBED_HEIGHT)
    base = base_url(request)
    embed_url = base + reverse("factcheck:embed", args=[factcheck.slug])
    html = render_to_string(
        "factcheck/includes/embed_iframe.html",
        {"src": embed_url, "width": width, "height": height, "factcheck": factcheck},
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": factcheck.headline,
            "provider_name": settings.SITE_NAME,
            "provider_url": settings.SITE_URL,
            "html": html.strip(),
            "width": width,
            "height": height,
            "thumbnail_url": base + reverse("factcheck:card", args=[factcheck.slug]),
            "thumbnail_width": social_card.WIDTH,
            "thumbnail_height": social_card.HEIGHT,
        }
    )


def _bounded(value, default):
    """A consumer's maxwidth/maxheight, never above our default size."""
    try:
        return max(1, min(int(value), default))
    except (TypeError, ValueError):
        return default


def claimreviews_json(request):
    """Published ClaimReviews, newest first, paginated: the partners' feed.

    ``?page=N`` pages through; ``next`` and ``previous`` give the links.
    """
    claims = (
        Claim.objects.filter(
            factcheck__in=FactCheck.objects.published(),
            verdict__rating__isnull=False,
        )
        .select_related("factcheck", "verdict__rating", "claimant")
        .prefetch_related("appearances")
        .order_by("-factcheck__published_at", "factcheck_id", "ordering", "pk")
    )
    paginator = Paginator(claims, CLAIMREVIEWS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        raise Http404(_("No such page.")) from None
    base = base_url(request)
    bounds = Rating.objects.bounds()
    path = base + request.path

    def link(number):
        return f"{path}?page={number}"

    response = JsonResponse(
        {
            "count": paginator.count,
            "page": page.number,
            "num_pages": paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number())
            if page.has_previous()
            else None,
            "items": [
                structured_data.claim_review(claim, base, bounds) for claim in page
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # Public, read-only data: partners may fetch it from their own pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response


class RobotsView(TemplateView):
    """``/robots.txt``: keeps crawlers out of the admin and previews, names the sitemap."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


class _ReaderMessageView(FormView):
    """Take a message from a reader; bots and floods are turned away politely."""

    template_name = "factcheck/reader_message_form.html"
    kind = None
    factcheck = None

    def form_valid(self, form):
        if form.is_from_a_bot:
            return redirect("factcheck:thanks")
        limit = settings.FACTCHECK_READER_MESSAGES_PER_HOUR
        if not throttle.allow(self.request, "reader-message", limit):
            form.add_error(
                None,
                _(
                    "You have sent us a lot of messages in the last hour. Please "
                    "try again later, or email us."
                ),
            )
            return self.form_invalid(form)
        message = form.save(commit=False)
        message.kind, message.factcheck = self.kind, self.factcheck
        message.save()
        if self.kind == ReaderMessage.Kind.ERROR:
            notifications.error_reported(message)
        return redirect("factcheck:thanks")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind, factcheck=self.factcheck, **kwargs
        )


class SuggestClaimView(_ReaderMessageView):
    """Readers suggest a claim the desk should check."""

    form_class = TipForm
    kind = ReaderMessage.Kind.TIP


class ReportErrorView(_ReaderMessageView):
    """Readers report an error in a published fact-check."""

    form_class = ErrorReportForm
    kind = ReaderMessage.Kind.ERROR

    def dispatch(self, request, *args, **kwargs):
        self.factcheck = get_object_or_404(
            FactCheck.objects.published(), slug=kwargs["slug"]
        )
        return super().dispatch(request, *args, **kwargs)
