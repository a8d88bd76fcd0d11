"""Signed, expiring links that show an unpublished fact-check to someone without an account.

An editor sends one to an outside expert or a lawyer. The link carries the
article, when it was made and its expiry, signed with SECRET_KEY: nothing is
stored, nothing can be forged, and the link stops working at the time it
states, or earlier when an editor revokes the article's links
(``FactCheck.previews_revoked_at``: every link made before then stops).
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
    now = timezone.now()
    expires = now + datetime.timedelta(days=min(days, MAX_DAYS))
    return signing.dumps(
        {
            "f": factcheck.pk,
            "e": int(expires.timestamp()),
            "i": int(now.timestamp() * 1000),  # made at, to the millisecond
        },
        salt=SALT,
        compress=True,
    )


def read_token(token):
    """``(factcheck_pk, expires_at)`` of a valid token, else raise InvalidPreviewLink.

    Whether the article's links were revoked since is ``is_revoked``'s question.
    """
    pk, expires, _made = _read(token)
    return pk, expires


def _read(token):
    try:
        payload = signing.loads(token, salt=SALT)
        pk, expires = (
            int(payload["f"]),
            datetime.datetime.fromtimestamp(payload["e"], datetime.UTC),
        )
        made = datetime.datetime.fromtimestamp(payload.get("i", 0) / 1000, datetime.UTC)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvalidPreviewLink("This preview link is not valid.") from None
    if expires <= timezone.now():
        raise InvalidPreviewLink("This preview link has expired.")
    return pk, expires, made


def is_revoked(token, factcheck):
    """Whether ``factcheck``'s links were revoked after this (valid) one was made."""
    _pk, _expires, made = _read(token)
    revoked = factcheck.previews_revoked_at
    return revoked is not None and made <= revoked
