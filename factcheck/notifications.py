"""Email the people a workflow step concerns, once the step has committed.

``workflow`` calls these inside its transaction, so each message describes the
article as the step left it. Each message is a background job (``jobs``) queued
in that transaction: it goes out only if the step commits, the request never
waits on the mail server, and a mail server that fails delays the message
(retried), never undoes the step.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import jobs, permissions
from .models.people import display_name

_muted = ContextVar("factcheck_notifications_muted", default=False)


@contextmanager
def muted():
    """Send nothing for steps taken inside the block, e.g. loading demo history.

    Nor fetch anything: the evidence locker archives no source meanwhile.
    """
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted():
    """Whether steps taken now send nothing (``muted``); readers' emails ask too."""
    return _muted.get()


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _admin_url(factcheck):
    return settings.SITE_URL + reverse(
        "admin:factcheck_factcheck_change", args=[factcheck.pk]
    )


def _authors(factcheck):
    return get_user_model().objects.filter(
        pk__in=factcheck.author_ids(), is_active=True
    )


def _editors():
    return permissions.editors(include_superusers=False)


def _send(recipients, actor, subject, body):
    """Queue one message per recipient (not the actor, if any) for after the commit."""
    if is_muted():
        return
    actor_pk = actor.pk if actor else None
    addresses = sorted({u.email for u in recipients if u.email and u.pk != actor_pk})
    if not addresses:
        return
    subject = f"[{settings.SITE_NAME}] {subject}"
    for address in addresses:
        # A row in this transaction: sent by a worker once the step commits.
        jobs.send_email.enqueue(to=address, subject=subject, body=body)


def submitted(factcheck, actor, note=""):
    """Tell the assigned reviewer, or every editor, that a review is waiting."""
    body = _("%(who)s submitted “%(headline)s” for review.") % {
        "who": display_name(actor),
        "headline": factcheck.headline,
    }
    if factcheck.assignee_id and factcheck.review_due_at:
        body += "\n\n" + _("The review is assigned to you (due: %(due)s).") % {
            "due": _when(factcheck.review_due_at)
        }
    body += "\n\n" + _("Review it: %(url)s") % {"url": _admin_url(factcheck)}
    recipients = [factcheck.assignee] if factcheck.assignee_id else _editors()
    _send(
        recipients,
        actor,
        _("Review requested: %(headline)s") % {"headline": factcheck.headline},
        body,
    )


def withdrawn(factcheck, actor, note=""):
    """Tell the reviewer, or every editor, that a submission was taken back."""
    body = _("%(who)s withdrew “%(headline)s” from review to change it.") % {
        "who": display_name(actor),
        "headline": factcheck.headline,
    }
    if note:
        body += "\n\n" + note
    body += "\n\n" + _admin_url(factcheck)
    recipients = [factcheck.assignee] if factcheck.assignee_id else _editors()
    _send(
        recipients,
        actor,
        _("Withdrawn from review: %(headline)s") % {"headline": factcheck.headline},
        body,
    )


def assigned(factcheck, actor, note=""):
    """Tell an editor a review has been assigned to them."""
    body = _(
        "%(who)s assigned you the review of “%(headline)s” (priority: %(priority)s)."
    ) % {
        "who": display_name(actor),
        "headline": factcheck.headline,
        "priority": factcheck.get_review_priority_display().lower(),
    }
    if factcheck.review_due_at:
        body += " " + _("Due: %(due)s") % {"due": _when(factcheck.review_due_at)}
    body += "\n\n" + _("Review it: %(url)s") % {"url": _admin_url(factcheck)}
    _send(
        [factcheck.assignee],
        actor,
        _("Review assigned to you: %(headline)s") % {"headline": factcheck.headline},
        body,
    )


def changes_requested(factcheck, actor, note):
    """Give the authors the editor's note on what to change."""
    body = _("%(who)s sent “%(headline)s” back to you with this note:") % {
        "who": display_name(actor),
        "headline": factcheck.headline,
    }
    body += "\n\n" + note + "\n\n"
    open_comments = factcheck.review_comments.open().count()
    if open_comments:
        body += ngettext(
            "%(count)d review comment waits for you on the form, beside what it "
            "is about.",
            "%(count)d review comments wait for you on the form, beside what "
            "they are about.",
            open_comments,
        ) % {"count": open_comments}
        body += "\n\n"
    body += _("Make the changes and submit it again: %(url)s") % {
        "url": _admin_url(factcheck)
    }
    _send(
        _authors(factcheck),
        actor,
        _("Changes requested: %(headline)s") % {"headline": factcheck.headline},
        body,
    )


def published(factcheck, actor, note=""):
    """Tell the authors their fact-check is out, or when it will be."""
    values = {
        "who": display_name(actor),
        "headline": factcheck.headline,
        "when": _when(factcheck.published_at),
        "url": settings.SITE_URL + factcheck.get_absolute_url(),
    }
    if factcheck.is_published:
        subject = _("Published: %(headline)s")
        body = _("%(who)s published “%(headline)s”. Readers see it at %(url)s")
    else:
        subject = _("Scheduled: %(headline)s")
        body = _(
            "%(who)s scheduled “%(headline)s” to go out at %(when)s; from then "
            "on readers see it at %(url)s"
        )
    _send(
        _authors(factcheck),
        actor,
        subject % {"headline": factcheck.headline},
        body % values,
    )


def unpublished(factcheck, actor, note):
    """Tell the authors their fact-check was taken off the site, and why."""
    body = _(
        "%(who)s took “%(headline)s” off the site (now %(status)s), giving this reason:"
    ) % {
        "who": display_name(actor),
        "headline": factcheck.headline,
        "status": factcheck.get_status_display().lower(),
    }
    body += "\n\n" + note + "\n\n" + _admin_url(factcheck)
    _send(
        _authors(factcheck),
        actor,
        _("Taken off the site: %(headline)s") % {"headline": factcheck.headline},
        body,
    )


def error_reported(message):
    """Tell every editor that a reader reported an error in a fact-check."""
    factcheck = message.factcheck
    body = _("A reader reported an error in “%(headline)s”:") % {
        "headline": factcheck.headline
    }
    body += (
        "\n\n"
        + message.message
        + "\n\n"
        + settings.SITE_URL
        + reverse("admin:factcheck_readermessage_change", args=[message.pk])
    )
    _send(
        _editors(),
        None,
        _("Error reported: %(headline)s") % {"headline": factcheck.headline},
        body,
    )
