"""Caching of what readers see: each page kept until what it shows changes.

A reader page is cached under its canonical URL: its path and the query
parameters its view reads, so tracking parameters (``utm_*``, ``fbclid``...)
and anything else share the canonical entry. Each entry depends on two
*tags*: the page's own (the article, the topic, the list of latest
fact-checks...) and the site's (the footer, the rating scale, the records
every page shows). ``changed`` moves tags on once the transaction commits;
only changes readers can see call it (``publishing``), so a draft saved, a
vote cast or a reader's tip sent leaves every page cached.

A hit costs one round trip: the page and its two tag versions come back in
one ``get_many``. A page whose tag moved on is stale: one process rebuilds
it, holding a lock in the cache, while the others serve the stale copy for
at most ``FACTCHECK_STALE_SECONDS``, so a publication never stampedes the
database. Every entry also expires at the next scheduled publication, so a
scheduled article appears on time without a scheduler.

Anonymous responses tell browsers to revalidate (ETag and Last-Modified,
answered with 304 by ``ConditionalGetMiddleware``) and shared caches (nginx,
a CDN) to keep them a second, and serve them stale while they revalidate.
Signed-in staff get fresh pages marked ``private, no-store``.
"""

import hashlib
import time
import uuid
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Min
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import http_date, quote_etag

#: The site's own tag: what every page shows (footer, rating badges, names).
SITE = "site"
#: Pages listing the latest fact-checks: home, feeds, sitemap, partners' feed.
LATEST = "latest"
#: Search results: any publication may change any of them.
SEARCH = "search"
#: The corrections log and its feeds: every public change record.
CORRECTIONS = "corrections"
#: Pages that change only with the site: how we rate, standing pages.
STATIC = "static"
#: The transparency pages, each dropped by what it shows only: who is on the
#: team, the experts quoted in published work, the funders and ownership...
TEAM = "team"
EXPERTS = "experts"
FUNDING = "funding"
#: ...and each policy text with its versions, ``tag(POLICY, kind)``.
POLICY = "policy"

#: Shared caches (nginx, a CDN) keep a page this long, then revalidate...
SHARED_MAX_AGE = 1
#: ...serving their copy meanwhile for at most this long.
SHARED_STALE_SECONDS = 5
#: How long one process may hold a page's rebuild before another takes over.
REBUILD_LOCK_SECONDS = 10


def tag(kind, slug):
    """The tag of one record's pages, e.g. ``tag("topic", "health")``."""
    return f"{kind}:{slug}"


def _tag_key(name):
    return f"factcheck:tag:{name}"


def changed(*tags):
    """Mark every page that depends on one of ``tags`` stale, now and on commit.

    Again on commit: a page rebuilt from the old rows while the transaction
    was still open carries the first new versions, so it is stale too.
    """
    if not tags:
        return
    keys = [_tag_key(name) for name in set(tags)]

    def bump():
        version = (time.time(), uuid.uuid4().hex)
        cache.set_many(dict.fromkeys(keys, version), timeout=None)

    bump()
    transaction.on_commit(bump, robust=True)


def _versions(values, keys):
    """The tags' current versions; a missing tag (evicted) starts now.

    An entry never matches a tag that was just started, so an eviction costs
    a rebuild, never a stale page served as fresh.
    """
    missing = [key for key in keys if key not in values]
    if missing:
        version = (time.time(), uuid.uuid4().hex)
        for key in missing:
            cache.add(key, version, timeout=None)
        values.update(cache.get_many(missing))
    return tuple(values.get(key) for key in keys)


@dataclass(frozen=True)
class Entry:
    """A cached page: the response as bytes, and what it was rendered from."""

    versions: tuple
    valid_until: float  # the next scheduled publication, or infinity
    status: int
    headers: tuple
    content: bytes

    def response(self):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response

    def stale_since(self, versions):
        """When this entry went stale, or None while it is fresh."""
        moved = [
            current[0]
            for current, rendered in zip(versions, self.versions, strict=True)
            if current != rendered
        ]
        if time.time() >= self.valid_until:
            moved.append(self.valid_until)
        return min(moved, default=None)


def _next_publication():
    """The time of the next scheduled publication, or infinity."""
    from .models import FactCheck  # the models import this module's users

    at = FactCheck.objects.scheduled().aggregate(at=Min("published_at"))["at"]
    return at.timestamp() if at else float("inf")


def _canonical_key(request, params):
    """The cache key of the page: its path and only the parameters it reads."""
    query = sorted(
        (name, value)
        for name in params
        for value in request.GET.getlist(name)
        if value != ""
    )
    url = request.path + ("?" + urlencode(query) if query else "")
    return "factcheck:page:" + hashlib.sha256(url.encode()).hexdigest()


def _is_anonymous(request):
    # Without a session cookie nobody is signed in: no session to read.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    return not request.user.is_authenticated


def _for_shared_caches(response):
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=SHARED_MAX_AGE,
        stale_while_revalidate=SHARED_STALE_SECONDS,
    )


def _store(key, response, versions, valid_until, timeout):
    content = response.content
    response["ETag"] = quote_etag(
        hashlib.md5(content, usedforsecurity=False).hexdigest()
    )
    response["Last-Modified"] = http_date()
    entry = Entry(
        versions=versions,
        valid_until=valid_until,
        status=response.status_code,
        headers=tuple(response.items()),
        content=content,
    )
    cache.set(key, entry, timeout)


def _cacheable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not (response.cookies)
    )


def cache_for_readers(view, *, page_tag, params=()):
    """Serve anonymous GET and HEAD requests for ``view`` from the shared cache.

    ``page_tag(kwargs)`` names the page's own tag from the URL's arguments;
    ``params`` are the query parameters the view reads (the rest are left out
    of the key). Signed-in staff always get a fresh page: they may see
    previews and links readers do not.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not _is_anonymous(request):
            response = view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                add_never_cache_headers(response)
            return response
        timeout = settings.FACTCHECK_PAGE_CACHE_SECONDS
        if not timeout:
            return _fresh(view, request, args, kwargs)
        key = _canonical_key(request, params)
        tag_keys = [_tag_key(page_tag(kwargs)), _tag_key(SITE)]
        values = cache.get_many([key, *tag_keys])
        entry = values.pop(key, None)
        versions = _versions(values, tag_keys)
        rebuilding = False
        if entry is not None:
            stale_since = entry.stale_since(versions)
            if stale_since is None:
                return entry.response()
            rebuilding = cache.add(key + ":rebuild", 1, REBUILD_LOCK_SECONDS)
            stale_for = time.time() - stale_since
            if not rebuilding and stale_for < settings.FACTCHECK_STALE_SECONDS:
                return entry.response()  # another process is rebuilding it
        try:
            valid_until = _next_publication()
            response = _fresh(view, request, args, kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if _cacheable(response):
                _store(key, response, versions, valid_until, timeout)
            elif entry is not None:
                cache.delete(key)  # gone, or no longer public
        except (OperationalError, InterfaceError):
            if entry is None:
                raise  # the outage page (newsroom.errors)
            return entry.response()  # the database is away: the last good page
        finally:
            if rebuilding:
                cache.delete(key + ":rebuild")
        return response

    return wrapper


def _fresh(view, request, args, kwargs):
    response = view(request, *args, **kwargs)
    if response.status_code == 200:
        _for_shared_caches(response)
    return response
