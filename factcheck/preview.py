"""Signed, expiring links that show an unpublished fact-check to someone without an account.

An editor sends one to an outside expert or a lawyer. The link carries the
article and its expiry, signed with SECRET_KEY: nothing is stored, nothing can
be forged, and the link stops working at the time it states.
"""

import datetime

from django.core import signing
from django.utils import timezone

SALT = "factcheck.preview-link"
DEFAULT_DAYS = 7
MAX_DAYS = 30


class InvalidPreviewLink(Exception):
    """The token was tampered with, is malformed or has expired."""


def make_token(factcheck, days=DEFAULT_DAYS):
    expires = timezone.now() + datetime.timedelta(days=min(days, MAX_DAYS))
    return signing.dumps(
        {"f": factcheck.pk, "e": int(expires.timestamp())}, salt=SALT, compress=True
    )


def read_token(token):
    """Return ``(factcheck_pk, expires_at)`` for a valid token, else raise InvalidPreviewLink."""
    try:
        payload = signing.loads(token, salt=SALT)
        pk, expires = (
            int(payload["f"]),
            datetime.datetime.fromtimestamp(payload["e"], datetime.UTC),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvalidPreviewLink("This preview link is not valid.") from None
    if expires <= timezone.now():
        raise InvalidPreviewLink("This preview link has expired.")
    return pk, expires
