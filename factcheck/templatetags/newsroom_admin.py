"""The admin index's dashboard: what waits for the signed-in person.

Editors see the review queue (oldest first), what is scheduled and what went
out lately; journalists see their drafts and what editors sent back to them,
with the editor's note. One query per list, whatever its length.
"""

from django import template
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import permissions
from ..models import FactCheck, SourceSnapshot, Status, TransitionLog

Outcome = SourceSnapshot.Outcome

register = template.Library()

#: Rows per list; the fact-check list in the admin has the rest.
LIMIT = 15


def _latest_step(field):
    """``field`` of the step that last moved the article (not a vote or a link)."""
    return Subquery(
        TransitionLog.objects.status_changes()
        .filter(factcheck=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values(field)[:1]
    )


def _editor_lists():
    return {
        "waiting": list(
            FactCheck.objects.filter(status=Status.REVIEW)
            .select_related("assignee")
            # The longest wait first, counted from the first submission.
            .order_by(Coalesce("first_submitted_at", "submitted_at"), "pk")[:LIMIT]
        ),
        "scheduled": list(FactCheck.objects.scheduled().order_by("published_at")),
        "recent": list(
            FactCheck.objects.published()
            .select_related("editor")
            .order_by("-published_at")[:LIMIT]
        ),
        # The evidence locker's re-checks (manage.py check_sources) that found
        # a published article's source changed or gone.
        "sources_changed": SourceSnapshot.objects.latest_checks(Outcome.CHANGED)
        .filter(factcheck__in=FactCheck.objects.published())
        .count(),
        "sources_gone": SourceSnapshot.objects.latest_checks(Outcome.GONE)
        .filter(factcheck__in=FactCheck.objects.published())
        .count(),
    }


def _journalist_lists(user):
    drafts = list(
        FactCheck.objects.authored_by(user)
        .filter(status=Status.DRAFT)
        .annotate(
            last_action=_latest_step("action"),
            last_note=_latest_step("note"),
            last_by=_latest_step("user"),
            last_at=_latest_step("created_at"),
        )
        .order_by("-updated_at")[: LIMIT * 2]
    )
    # Back with a note: changes requested, or taken off the site (or schedule).
    sent_back = [f for f in drafts if f.last_action in TransitionLog.SENDS_BACK]
    editors = get_user_model().objects.in_bulk({f.last_by for f in sent_back} - {None})
    for factcheck in sent_back:
        factcheck.sent_back_by = editors.get(factcheck.last_by)
    return {
        "sent_back": sent_back,
        "drafts": [f for f in drafts if f not in sent_back][:LIMIT],
    }


@register.inclusion_tag("admin/factcheck/includes/dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    """The dashboard lists for the signed-in user's roles."""
    user = context["request"].user
    lists = {"now": timezone.now(), "user": user}
    editor = permissions.is_editor(user)
    if editor:
        lists["editor"] = _editor_lists()
    if permissions.has_role_for(user, TransitionLog.Action.SUBMIT):
        own = _journalist_lists(user)
        # Editors write too, but their own empty lists would only push the
        # review queue down the page.
        if not editor or own["sent_back"] or own["drafts"]:
            lists["journalist"] = own
    return lists
