"""Who else has a fact-check open, and whether it was saved since you opened it.

An open change form calls home every ``FACTCHECK_PRESENCE_SECONDS``
(``static/js/admin_presence.js``), saying whether it holds unsaved changes
and which version of the article it was opened on. The answer names the
others with the article open (editing or only reading), and who saved it
since that version, so that nobody types on for an hour over a version that
is gone. Polling, as Wagtail does: no websockets, and it works through every
proxy. A session that stops calling is gone after ``GRACE`` polls.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import EditingSession
from .models.people import display_name

#: Polls a session may miss (a busy network, a throttled background tab)
#: before it no longer counts as open.
GRACE = 2.5


def poll_seconds():
    return settings.FACTCHECK_PRESENCE_SECONDS


def _since():
    return timezone.now() - datetime.timedelta(seconds=poll_seconds() * GRACE)


def here(factcheck, user, editing=False):
    """``user`` has ``factcheck`` open (``editing``: with unsaved changes)."""
    EditingSession.objects.update_or_create(
        factcheck=factcheck,
        user=user,
        defaults={"editing": editing, "seen_at": timezone.now()},
    )


def left(factcheck, user):
    """``user`` closed the form (or saved it and moved on)."""
    EditingSession.objects.filter(factcheck=factcheck, user=user).delete()


def others(factcheck, user):
    """The sessions of everyone else with ``factcheck`` open, editors first."""
    return list(
        EditingSession.objects.filter(factcheck=factcheck, seen_at__gte=_since())
        .exclude(user=user)
        .select_related("user__profile")
        .order_by("-editing", "seen_at")
    )


def status(factcheck, user, version):
    """What the form shows: the others, and the save it has not seen, if any.

    ``version`` is the ``lock_version`` the form was opened on.
    """
    saved = None
    if version is not None and factcheck.lock_version != version:
        saved = {
            "by": display_name(factcheck.updated_by) if factcheck.updated_by else "",
            "at": factcheck.updated_at.isoformat(),
            "mine": factcheck.updated_by_id == user.pk,
        }
    return {
        "others": [
            {"name": display_name(session.user), "editing": session.editing}
            for session in others(factcheck, user)
        ],
        "saved": saved,
        "version": factcheck.lock_version,
    }
