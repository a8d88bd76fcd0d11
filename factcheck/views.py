"""Reader pages: read-only views over published fact-checks.

Every public view starts from ``FactCheck.objects.published()``. Unpublished
work shows in two places only: the article view, to staff allowed to preview
it, and ``PreviewLinkView``, to whoever holds a signed, unexpired link.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)
from django.utils.http import quote_etag
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

#: Size of the iframe the oEmbed endpoint offers; the card fits it, and
#: still fits when the host page narrows the frame to 300 pixels.
EMBED_WIDTH, EMBED_HEIGHT = 560, 340
CLAIMREVIEWS_PER_PAGE = 50
#: How long the share image may be kept at a URL without the current ``?v=``
#: (an old share, a link typed by hand): its verdict may change.
CARD_MAX_AGE = 24 * 3600
#: A URL with the card's fingerprint shows the same picture forever.
CARD_VERSIONED_MAX_AGE = 365 * 24 * 3600


def base_url(request):
    """Scheme and host the reader came in on, for absolute links and markup."""
    return f"{request.scheme}://{request.get_host()}"


def card_url(request, factcheck):
    """The share image's absolute URL, versioned so caches refresh on a redraw."""
    path = reverse("factcheck:card", args=[factcheck.slug])
    return f"{base_url(request)}{path}?v={social_card.fingerprint(factcheck)}"


def topics_in_use():
    """Topics with published fact-checks, with their ``published_count``: one query."""
    # Ordered here: Meta.ordering does not apply to a GROUP BY query.
    return (
        Topic.objects.filter(factchecks__in=FactCheck.objects.published())
        .annotate(published_count=Count("factchecks"))
        .order_by("name")
    )


class FactCheckListView(ListView):
    """Published fact-checks as cards, newest first, twenty a page.

    A base: each page that lists them names its own template.
    """

    context_object_name = "factchecks"
    paginate_by = 20

    def get_queryset(self):
        return FactCheck.objects.published().with_card_parts()


class HomeView(FactCheckListView):
    """The latest fact-checks, with ways in by verdict and by topic."""

    template_name = "factcheck/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            ratings=Rating.objects.all(), topics=topics_in_use(), **kwargs
        )


class _FilteredListView(FactCheckListView):
    """A list of published fact-checks narrowed to one rating, topic or author."""

    model = None
    filter_lookup = None

    def get_subject(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def subject_filter(self):
        return Q(**{self.filter_lookup: self.subject})

    def get_queryset(self):
        self.subject = self.get_subject()
        return super().get_queryset().filter(self.subject_filter()).distinct()

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
    """What a staff member wrote or edited; nobody gets a page without published work.

    Editors count: articles link the editor's name here.
    """

    template_name = "factcheck/author_detail.html"

    def get_subject(self):
        with_work = AuthorProfile.objects.filter(
            Exists(
                FactCheck.objects.published().filter(
                    FactCheck.credited(OuterRef("user"))
                )
            )
        )
        return get_object_or_404(with_work, slug=self.kwargs["slug"])

    def subject_filter(self):
        return FactCheck.credited(self.subject.user_id)


class TopicListView(ListView):
    """Topics readers can find published fact-checks in, with how many."""

    template_name = "factcheck/topic_list.html"
    context_object_name = "topics"

    def get_queryset(self):
        return topics_in_use()


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
            form=self.form, query=self.form.criteria().get("q", ""), **kwargs
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
            context["card_url"] = card_url(self.request, factcheck)
            context["card_alt"] = social_card.alt_text(factcheck)
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
                image_url=context["card_url"],
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
    """The fact-check's share image (og:image), drawn once per claim and verdict.

    Its fingerprint is the ETag, so a re-check costs a 304; the URL pages
    give out carries it too (``card_url``), so that URL may be kept for good.
    """
    factcheck = _published_or_404(slug)
    version = social_card.fingerprint(factcheck)
    etag = quote_etag(version)
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        social_card.png_for(factcheck), content_type="image/png"
    )
    response["ETag"] = etag
    if request.GET.get("v") == version:
        patch_cache_control(
            response, public=True, max_age=CARD_VERSIONED_MAX_AGE, immutable=True
        )
    else:
        patch_cache_control(response, public=True, max_age=CARD_MAX_AGE)
    return response


@xframe_options_exempt
def embed(request, slug):
    """A compact card of every claim's verdict that other sites place in an iframe.

    See ``oembed``; it fits EMBED_WIDTH x EMBED_HEIGHT and frames down to
    300 pixels wide.
    """
    factcheck = _published_or_404(slug)
    return render(
        request,
        "factcheck/embed.html",
        {
            "factcheck": factcheck,
            "article_url": base_url(request) + factcheck.get_absolute_url(),
        },
    )


def oembed(request):
    """oEmbed (https://oembed.com) for article URLs: the embed card as an iframe."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse(status=501)
    allowed_hosts = {request.get_host(), urlsplit(settings.SITE_URL).netloc}
    try:
        url = urlsplit(request.GET.get("url", ""))
        match = resolve(url.path)
    except (ValueError, Resolver404):  # ValueError: a malformed URL
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
            "thumbnail_url": card_url(request, factcheck),
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
        .prefetch_related("appearances", "factcheck__corrections")
        .order_by("-factcheck__first_published_at", "factcheck_id", "ordering", "pk")
    )
    paginator = Paginator(claims, CLAIMREVIEWS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        # Machines read this feed: they get the reason as JSON, CORS and all.
        return _open_to_partners(
            JsonResponse(
                {
                    "error": _("No such page: pages run from 1 to %(last)s.")
                    % {"last": paginator.num_pages}
                },
                status=404,
            )
        )
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
    return _open_to_partners(response)


def _open_to_partners(response):
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
