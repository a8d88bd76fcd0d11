"""What readers share: the article's share image and the card other sites embed."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

from .. import social_card
from ..models import FactCheck

#: How long the share image may be kept at a URL without the current ``?v=``
#: (an old share, a link typed by hand): its verdict may change.
CARD_MAX_AGE = 24 * 3600
#: A URL with the card's fingerprint shows the same picture forever.
CARD_VERSIONED_MAX_AGE = 365 * 24 * 3600


def published_or_404(slug):
    return get_object_or_404(FactCheck.objects.published().with_card_parts(), slug=slug)


def social_card_png(request, slug):
    """The fact-check's share image (og:image), drawn once per claim and verdict.

    Its fingerprint is the ETag, so a re-check costs a 304; the URL pages
    give out carries it too (``card_url``), so that URL may be kept for good.
    """
    factcheck = published_or_404(slug)
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
@csp_override({**settings.SECURE_CSP, "frame-ancestors": ["*"]})
def embed(request, slug):
    """A compact card of every claim's verdict that other sites place in an iframe.

    See ``oembed``; it fits EMBED_WIDTH x EMBED_HEIGHT and frames down to
    300 pixels wide.
    """
    factcheck = published_or_404(slug)
    return render(
        request,
        "factcheck/embed.html",
        {
            "factcheck": factcheck,
            "article_url": settings.SITE_URL + factcheck.get_absolute_url(),
        },
    )
