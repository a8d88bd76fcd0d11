"""Whole-page caching of reader pages, dropped the moment content changes.

Readers are anonymous and see the same bytes, so their pages are cached in the
shared cache (Redis in production) under a "generation" token. Any save or
delete in this app replaces the token, so no reader ever gets a page older than
the last edit; a scheduled article still appears on time because no page is
cached past the next scheduled publication.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from django.utils.cache import patch_cache_control

GENERATION_KEY = "factcheck:page-generation"


def generation():
    """The current generation token, created on first use or after eviction."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def invalidate(**kwargs):
    """Start a new generation: every cached reader page is stale from now on.

    Connected to the save, delete and many-to-many signals of this app's models
    (see apps.py). A signal is the right tool here: invalidation must follow
    every write, whichever code made it.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _timeout():
    """Seconds a page may be cached: the setting, capped by the next scheduled publication."""
    from .models import FactCheck

    timeout = settings.FACTCHECK_PAGE_CACHE_SECONDS
    next_publication = FactCheck.objects.scheduled().aggregate(at=Min("published_at"))[
        "at"
    ]
    if next_publication is not None:
        until = (next_publication - timezone.now()).total_seconds()
        timeout = min(timeout, max(int(until), 1))
    return timeout


def cache_for_readers(view):
    """Serve anonymous GET requests for ``view`` from the shared cache.

    Signed-in staff always get a fresh page: they may see previews and links
    readers do not.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            not settings.FACTCHECK_PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        url = request.build_absolute_uri().encode()
        key = f"factcheck:page:{generation()}:{hashlib.sha256(url).hexdigest()}"
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        timeout = _timeout()
        patch_cache_control(response, public=True, max_age=min(timeout, 60))

        def store(rendered):
            cache.set(key, rendered, timeout)

        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    return wrapper
