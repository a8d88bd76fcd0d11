"""What the desk tells readers who sent a tip: the answer, and every verdict after.

A tipster who left an email and agreed to be written to hears from the desk
when the fact-check answering their tip goes out, and again when it is
corrected or re-rated; an editor can also answer a tip at once with a
fact-check already published (``answer``). Nobody has to remember to write.

Each message is a ``ReaderNotice`` row plus an email job, written in one
transaction; the row's unique (message, event) pair means a reader never
hears twice of the same event, however often a step or a job runs. The
workflow and the edit service call ``verdict_published``, ``corrected`` and
``rerated`` inside their transactions; the telling itself is a background job
(``tell``), due when the fact-check goes out, so a scheduled one is told on
time and an unpublished one not at all.
"""

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import jobs, notifications, permissions, verdicts
from .models import Correction, FactCheck, ReaderMessage, ReaderNotice

#: The event of a tip's first verdict: sent once per tip, ever.
VERDICT = "verdict"


def _tipsters(factcheck):
    """The tips linked to ``factcheck`` whose senders may be written to."""
    return ReaderMessage.objects.filter(
        factcheck=factcheck, kind=ReaderMessage.Kind.TIP, may_email=True
    ).exclude(email="")


def _later(factcheck, event):
    if notifications.is_muted() or not _tipsters(factcheck).exists():
        return
    due = factcheck.published_at if factcheck.published_at > timezone.now() else None
    tell.using(run_after=due).enqueue(factcheck_id=factcheck.pk, event=event)


def verdict_published(factcheck):
    """``factcheck`` was published, or scheduled: tell its tipsters when it is out."""
    _later(factcheck, VERDICT)


def corrected(factcheck, correction):
    """A correction (not a clarification or an update) was issued on a live article."""
    if correction.kind == Correction.Kind.CORRECTION:
        _later(factcheck, f"correction:{correction.pk}")


def rerated(factcheck, log_entry):
    """A revision that changed a verdict's rating went live (``log_entry`` says so)."""
    _later(factcheck, f"re-rating:{log_entry.pk}")


@task
def tell(*, factcheck_id, event):
    """Write to each tipster of the fact-check about ``event``, once, if it is out."""
    factcheck = (
        FactCheck.objects.published().with_card_parts().filter(pk=factcheck_id).first()
    )
    if factcheck is None:
        return  # taken off the site, or moved to later: told when it goes out
    with transaction.atomic():
        for tip in _tipsters(factcheck):
            _tell_once(tip, factcheck, event)


def _tell_once(tip, factcheck, event):
    """Queue the email about ``event`` unless ``tip``'s sender heard of it; True if queued."""
    _notice, new = ReaderNotice.objects.get_or_create(
        message=tip, event=event, defaults={"factcheck": factcheck}
    )
    if new:
        subject, body = _email(tip, factcheck, event)
        jobs.send_email.enqueue(to=tip.email, subject=subject, body=body)
    return new


def answer(*, message, factcheck, user):
    """Answer a tip with ``factcheck``, already published, and mark it done.

    The tipster is emailed the verdict if they may be (and were not told of
    it already); either way the tip is linked and the answer noted. Returns
    whether an email was queued.
    """
    if not permissions.can_answer_reader(user):
        raise permissions.NotAllowed(_("Replies to readers are sent by editors."))
    factcheck = (
        FactCheck.objects.published().with_card_parts().filter(pk=factcheck.pk).first()
    )
    if factcheck is None:
        raise permissions.NotAllowed(
            _("Only a published fact-check can answer a reader.")
        )
    with transaction.atomic():
        tip = ReaderMessage.objects.select_for_update().get(pk=message.pk)
        emailed = (
            tip.kind == ReaderMessage.Kind.TIP
            and tip.may_email
            and bool(tip.email)
            and not notifications.is_muted()
            and _tell_once(tip, factcheck, VERDICT)
        )
        note = (
            _("%(when)s: answered with “%(headline)s” by email.")
            if emailed
            else _("%(when)s: answered by “%(headline)s” (no email sent).")
        ) % {
            "when": formats.date_format(timezone.localtime(), "DATETIME_FORMAT"),
            "headline": factcheck.headline,
        }
        tip.factcheck = factcheck
        tip.state = ReaderMessage.State.DONE
        tip.handled_by = tip.handled_by or user
        tip.notes = f"{tip.notes}\n{note}".strip()
        tip.save(update_fields=["factcheck", "state", "handled_by", "notes"])
    message.refresh_from_db()
    return emailed


def _email(tip, factcheck, event):
    """The subject and body telling ``tip``'s sender about ``event``."""
    values = {"site": settings.SITE_NAME, "headline": factcheck.headline}
    if event == VERDICT:
        subject = _("Our verdict on the claim you sent us: %(headline)s")
        opening = _("We have checked the claim you sent us. Our verdict:")
    elif event.startswith("correction:"):
        correction = factcheck.corrections.get(pk=event.partition(":")[2])
        subject = _("We corrected a fact-check you asked about: %(headline)s")
        opening = (
            _("We corrected the fact-check that answered your tip:")
            + f"\n\n{correction.text}\n\n"
            + _("The verdict now:")
        )
    else:
        subject = _("We changed our verdict on a claim you sent us: %(headline)s")
        opening = _("We changed our verdict on the claim you sent us. It now reads:")
    lines = [
        _("Hello %(name)s,") % {"name": tip.name} if tip.name else _("Hello,"),
        _("On %(date)s you asked us to check this:")
        % {"date": formats.date_format(timezone.localtime(tip.created_at))},
        f"“{tip.message[:300]}”",
        opening,
        "\n".join(
            f"- {claim.statement}: {claim.verdict.rating.label}"
            for claim in verdicts.rated_claims(factcheck)
        ),
        _("Read the fact-check: %(url)s")
        % {"url": settings.SITE_URL + factcheck.get_absolute_url()},
        _("Thank you for writing to us. — The %(site)s desk") % values,
        _(
            "You receive this because you agreed that we may email you about "
            "your tip. We write again only if we correct this fact-check or "
            "change its verdict."
        ),
    ]
    return f"[{settings.SITE_NAME}] {subject % values}", "\n\n".join(lines)
