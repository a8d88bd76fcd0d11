"""A fixed-window limit on how often one client may do something, kept in the cache."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_address(request):
    """The client's IP: REMOTE_ADDR, or the header a trusted proxy sets instead."""
    return request.META.get(settings.FACTCHECK_CLIENT_IP_HEADER) or request.META.get(
        "REMOTE_ADDR", ""
    )


def client_key(request):
    """The client's address as a keyed hash: counted by, never kept in clear."""
    return salted_hmac(
        "factcheck.throttle", client_address(request), algorithm="sha256"
    ).hexdigest()


def allow(request, scope, limit, seconds=3600):
    """Count one more ``scope`` action by this client; False once over ``limit``."""
    key = f"throttle:{scope}:{client_key(request)}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit
