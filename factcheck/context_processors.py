from django.conf import settings
from django.utils.functional import SimpleLazyObject

from . import caching
from .models import Page


def site(request):
    """The site's name, the footer's pages, and what caching needs.

    The pages are a lazy queryset and the generation a lazy lookup: templates
    that cache the footer (keyed by the generation) run neither query on a hit.
    """
    return {
        "SITE_NAME": settings.SITE_NAME,
        "footer_pages": Page.objects.filter(in_footer=True),
        "cache_generation": SimpleLazyObject(caching.generation),
        "reader_cache_seconds": settings.FACTCHECK_PAGE_CACHE_SECONDS,
    }
