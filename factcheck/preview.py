"""Signed, expiring links that show an unpublished fact-check to someone without an account.

An editor sends one to an outside expert or a lawyer. The link carries the
article, when it was made and its expiry, signed with SECRET_KEY: nothing is
stored, nothing can be forged, and the link stops working at the time it
states, or earlier when an editor revokes the article's links
(``FactCheck.previews_revoked_at``: every link made before then stops).
Making a link (``share_preview``) and revoking them (``revoke_previews``) are
editors' and go on the article's log: the link itself is stored nowhere.
"""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import permissions
from .models import FactCheck, TransitionLog

Action = TransitionLog.Action

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


def share_preview(factcheck, user, days=DEFAULT_DAYS):
    """Make a signed preview link for someone without an account, and log it.

    The link itself is stored nowhere (it is signed), so the log is the only
    record of who let an unpublished article out of the building, and until
    when. Returns ``(token, expires_at)``.
    """
    if not permissions.can_share_preview(user):
        raise permissions.NotAllowed(_("Only editors can share a preview link."))
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            _("A preview link works for 1 to %(max)s days.") % {"max": MAX_DAYS},
            code="days",
        )
    token = make_token(factcheck, days)
    _pk, expires = read_token(token)
    TransitionLog.objects.record(
        factcheck,
        user,
        Action.SHARE_PREVIEW,
        factcheck.status,
        _("Link valid until %(when)s")
        % {"when": formats.date_format(timezone.localtime(expires), "DATETIME_FORMAT")},
    )
    return token, expires


def revoke_previews(factcheck, user):
    """Stop every preview link of ``factcheck`` made until now, and log it.

    For a link sent to the wrong person, or an article that changed too much
    since: the links are signed, not stored, so the article records when its
    links stopped, and links made afterwards work again.
    """
    if not permissions.can_share_preview(user):
        raise permissions.NotAllowed(_("Only editors can revoke preview links."))
    with transaction.atomic():
        row = FactCheck.objects.select_for_update().get(pk=factcheck.pk)
        row.previews_revoked_at = timezone.now()
        row.save(update_fields=["previews_revoked_at"])
        TransitionLog.objects.record(row, user, Action.REVOKE_PREVIEWS, row.status)
    factcheck.previews_revoked_at = row.previews_revoked_at
    return factcheck
