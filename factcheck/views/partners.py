"""For partners and machines: the ClaimReview JSON feed and oEmbed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from .. import pagination, publishing, social_card
from ..models import FactCheck
from ..publishing import EMBED_HEIGHT, EMBED_WIDTH, card_url
from .sharing import published_or_404

FACTCHECKS_PER_PAGE = 25


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
    factcheck = published_or_404(match.kwargs["slug"])
    width = _bounded(request.GET.get("maxwidth"), EMBED_WIDTH)
    height = _bounded(request.GET.get("maxheight"), EMBED_HEIGHT)
    base = settings.SITE_URL
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
            "thumbnail_url": card_url(factcheck),
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
    """Published ClaimReviews, newest fact-check first: the partners' feed.

    Pages go by position, like the reader's lists: ``next`` and ``previous``
    are the links to follow, and a deep page costs what the first does. A
    page holds the ClaimReviews of up to ``FACTCHECKS_PER_PAGE`` fact-checks.
    """
    try:
        page = pagination.newest_first(
            FactCheck.objects.published().only("pk", "first_published_at"),
            request.GET,
            FACTCHECKS_PER_PAGE,
        )
    except Http404:
        # Machines read this feed: they get the reason as JSON, CORS and all.
        return _open_to_partners(
            JsonResponse(
                {"error": _("No such page: follow the feed's next links.")},
                status=404,
            )
        )
    path = settings.SITE_URL + request.path
    response = JsonResponse(
        {
            "next": f"{path}?before={page.older}" if page.older else None,
            "previous": f"{path}?after={page.newer}" if page.newer else None,
            "items": publishing.claim_reviews(page.items),
        },
        json_dumps_params={"ensure_ascii": False},
    )
    return _open_to_partners(response)


def _open_to_partners(response):
    # Public, read-only data: partners may fetch it from their own pages.
    response["Access-Control-Allow-Origin"] = "*"
    return response
