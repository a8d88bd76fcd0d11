"""The right-of-reply line readers see under a claim, built from the desk's log.

A pure builder: a claimant's name and the claim's ``ReplyAttempt`` rows in,
one sentence out, e.g. "We contacted Jane Doe on 3 and 5 May 2026 by email;
they replied on 5 May: “…”." No attempt, no line. Dates are the newsroom's
(``TIME_ZONE``): the line is rendered once, into the prepared page.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .models import ReplyAttempt

Channel = ReplyAttempt.Channel


def _channel_phrases():
    # Built when asked, so each is in the language active then.
    return {
        Channel.EMAIL: _("by email"),
        Channel.PHONE: _("by phone"),
        Channel.SOCIAL: _("by a message on social media"),
        Channel.IN_PERSON: _("in person"),
        Channel.LETTER: _("by letter"),
    }


def _day(value):
    return timezone.localdate(value)


def dates(days):
    """``days`` (sorted, distinct) in words, the month and year said once if shared.

    "3 May 2026", "3 and 5 May 2026", "28 April and 5 May 2026",
    "30 December 2025 and 2 January 2026".
    """
    same_year = len({day.year for day in days}) == 1
    same_month = same_year and len({day.month for day in days}) == 1
    last = date_format(days[-1], "j F Y")
    if same_month:
        earlier = [date_format(day, "j") for day in days[:-1]]
    elif same_year:
        earlier = [date_format(day, "j F") for day in days[:-1]]
    else:
        earlier = [date_format(day, "j F Y") for day in days[:-1]]
    return get_text_list([*earlier, last], _("and"))


def line(claimant, attempts):
    """The sentence for ``attempts`` to reach ``claimant`` (a name); "" if none."""
    attempts = sorted(attempts, key=lambda attempt: attempt.contacted_at)
    if not claimant or not attempts:
        return ""
    contacted = dates(sorted({_day(attempt.contacted_at) for attempt in attempts}))
    phrases = _channel_phrases()
    channels = list(
        dict.fromkeys(
            phrases[attempt.channel]
            for attempt in attempts
            if attempt.channel in phrases
        )
    )
    if channels:
        contact = _("We contacted %(claimant)s on %(dates)s %(channels)s") % {
            "claimant": claimant,
            "dates": contacted,
            "channels": get_text_list(channels, _("and")),
        }
    else:
        contact = _("We contacted %(claimant)s on %(dates)s") % {
            "claimant": claimant,
            "dates": contacted,
        }
    return _("%(contact)s; %(outcome)s.") % {
        "contact": contact,
        "outcome": _outcome(attempts),
    }


def _outcome(attempts):
    """What came back: the latest response given, or that none came."""
    answered = [attempt for attempt in attempts if attempt.response.strip()]
    if not answered:
        return _("they did not respond")
    reply = answered[-1]
    text = reply.response.strip()
    if text.endswith(".") and not text.endswith("..."):
        text = text[:-1]  # the sentence's own full stop closes it, outside
    if reply.responded_at is None:
        return _("they replied: “%(reply)s”") % {"reply": text}
    day = _day(reply.responded_at)
    shown = (
        date_format(day, "j F")
        if day.year == _day(attempts[-1].contacted_at).year
        else date_format(day, "j F Y")
    )
    return _("they replied on %(date)s: “%(reply)s”") % {"date": shown, "reply": text}
