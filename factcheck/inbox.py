"""What readers send the desk: tips and error reports, taken in, then forgotten.

Bots (who fill in the trap field) are thanked and ignored; a client sending
too many messages in an hour is refused politely; everything else is stored,
and an error report tells the editors. The reader forms' views call
``receive`` and nothing else. What the desk does with a message is
``triage``'s; what it writes back, ``tipsters``'.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications, throttle
from .models import ReaderMessage


class TooManyMessages(Exception):
    """This client has sent its hourly share; the message says so to the reader."""


def receive(*, request, form, kind, factcheck=None):
    """Store the reader's message from a valid ``form``; None if a bot sent it.

    Raises ``TooManyMessages``, storing nothing, once the client is over
    ``FACTCHECK_READER_MESSAGES_PER_HOUR``.
    """
    if form.is_from_a_bot:
        return None
    limit = settings.FACTCHECK_READER_MESSAGES_PER_HOUR
    if not throttle.allow(request, "reader-message", limit):
        raise TooManyMessages(
            _(
                "You have sent us a lot of messages in the last hour. Please "
                "try again later, or email us at %(address)s."
            )
            % {"address": settings.FACTCHECK_CONTACT_EMAIL}
        )
    message = form.save(commit=False)
    message.kind, message.factcheck = kind, factcheck
    message.save()
    if kind == ReaderMessage.Kind.ERROR:
        notifications.error_reported(message)
    return message


def anonymise(*, older_than_days):
    """Forget who sent the messages older than ``older_than_days``; return how many.

    The claim or report, its link and how the desk handled it stay: they are
    the desk's record. The name, email and screenshot go, and with them any
    consent.
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    remembered = ReaderMessage.objects.filter(created_at__lt=cutoff).exclude(
        name="", email="", may_email=False, screenshot=""
    )
    for message in remembered.exclude(screenshot="").only("pk", "screenshot"):
        message.screenshot.delete(save=False)
    return remembered.update(name="", email="", may_email=False, screenshot="")
