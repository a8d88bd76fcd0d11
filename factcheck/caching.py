"""Caching of what readers see, dropped the moment content changes.

Everything cached for readers (whole pages, and fragments such as "related
fact-checks") is keyed by a *generation* token kept in the shared cache
(Redis in production). Any save or delete in this app replaces the token, so
no reader gets a page older than the last edit. The token also expires at the
next scheduled publication, so a scheduled article appears on time without a
scheduler process.
"""

import hashlib
import uuid
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.cache import patch_cache_control

GENERATION_KEY = "factcheck:page-generation"
#: Shared caches such as a CDN re-check this often.
MAX_AGE = 60


def _seconds_until_next_publication():
    """Seconds to the next scheduled publication, or None when nothing is scheduled."""
    from .models import FactCheck

    next_at = FactCheck.objects.scheduled().aggregate(at=Min("published_at"))["at"]
    if next_at is None:
        return None
    return max(int((next_at - timezone.now()).total_seconds()) + 1, 1)


def generation():
    """The current generation token, created on first use, eviction or expiry."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, _seconds_until_next_publication())
        token = cache.get(GENERATION_KEY)
    return token


def invalidate(**kwargs):
    """Drop the generation: everything cached for readers is stale from now on.

    Connected to the save, delete and many-to-many signals of this app's models
    (see apps.py): invalidation must follow every write, whichever code made it.
    It runs again once the transaction commits, so a page rendered from the old
    rows while the transaction was open is not kept either. The next reader
    starts a new generation (``generation``).
    """
    cache.delete(GENERATION_KEY)
    transaction.on_commit(partial(cache.delete, GENERATION_KEY), robust=True)


def cached_value(name, compute):
    """``compute()``, kept until the next generation (for small, hot lookups)."""
    timeout = settings.FACTCHECK_PAGE_CACHE_SECONDS
    if not timeout:
        return compute()
    key = f"factcheck:value:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def cache_for_readers(view):
    """Serve anonymous GET requests for ``view`` from the shared cache.

    Signed-in staff always get a fresh page: they may see previews and links
    readers do not.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        timeout = settings.FACTCHECK_PAGE_CACHE_SECONDS
        if (
            not timeout
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
        patch_cache_control(response, public=True, max_age=min(timeout, MAX_AGE))

        def store(rendered):
            cache.set(key, rendered, timeout)

        if hasattr(response, "add_post_render_callback") and not response.is_rendered:
            response.add_post_render_callback(store)
        else:
            store(response)
        return response

    return wrapper
