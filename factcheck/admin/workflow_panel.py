"""The change form's workflow panel and the admin views its buttons post to.

Every button posts to a URL of its own under the fact-check's admin page. The
view asks ``workflow`` for permission first, so a hand-made POST the user may
not make gets 403 and changes nothing; then it runs the step and reports the
outcome, or each reason for refusing it, as a message.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import gate, matching, panel, permissions, preview, workflow
from ..models import FactCheck, ReaderMessage, Status
from ..transitions import can_transition
from .badges import status_badge
from .forms import outline_from_forms
from .step_forms import PreviewLinkForm, VoteForm
from .steps import STEPS
from .versions import shortcuts as version_shortcuts

Action = workflow.Action


def render_checklist(report):
    """The checklist's HTML, the same on the first render and on every live update."""
    return render_to_string(
        "admin/factcheck/factcheck/includes/checklist.html", {"report": report}
    )


def already_checked(factcheck, statements):
    """Published fact-checks like the claims being drafted, for the panel.

    None for a live article, which is the check; a revision skips its original.
    """
    if factcheck is not None and factcheck.is_published:
        return None
    own = [factcheck.pk, factcheck.revision_of_id] if factcheck else []
    return matching.similar("\n".join(statements), exclude=[pk for pk in own if pk])


def render_already_checked(matches):
    return render_to_string(
        "admin/factcheck/includes/matches.html",
        {
            "matches": matches,
            "empty_text": _("No published fact-check resembles these claims."),
        },
    )


class WorkflowAdminMixin:
    """Adds the workflow panel, the views its buttons post to and the live checklist."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "checklist/",
                view(require_POST(self.checklist_view)),
                name=f"{prefix}_checklist_new",
            ),
            path(
                "<path:object_id>/checklist/",
                view(require_POST(self.checklist_view)),
                name=f"{prefix}_checklist",
            ),
            path(
                "<path:object_id>/workflow/<str:action>/",
                view(require_POST(self.workflow_view)),
                name=f"{prefix}_workflow",
            ),
            path(
                "<path:object_id>/preview-link/",
                view(require_POST(self.preview_link_view)),
                name=f"{prefix}_preview_link",
            ),
            path(
                "<path:object_id>/revoke-previews/",
                view(require_POST(self.revoke_previews_view)),
                name=f"{prefix}_revoke_previews",
            ),
            *super().get_urls(),
        ]

    def _factcheck_or_404(self, request, object_id):
        factcheck = self.get_object(request, unquote(object_id))
        if factcheck is None:
            raise Http404
        return factcheck

    def _back_to_form(self, factcheck):
        return redirect(
            reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        panel = self.workflow_context(request, obj)
        context["workflow"] = panel
        # The panel's date pickers need the admin's calendar scripts.
        for form in [item["form"] for item in panel.get("steps", [])]:
            context["media"] += form.media
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, factcheck):
        """What the panel above the form shows ``request.user`` about ``factcheck``."""
        user = request.user
        if factcheck is None:
            return {
                "checklist": render_checklist(gate.check_saved(FactCheck())),
                "checklist_url": reverse("admin:factcheck_factcheck_checklist_new"),
                "already_checked": render_already_checked([]),
            }
        history = list(factcheck.transitions.select_related("user"))
        # What put the article in its state; votes and links happen within it.
        latest = next((e for e in history if e.action in e.STATUS_CHANGES), None)
        return {
            "factcheck": factcheck,
            **self._revision_context(factcheck),
            "badge": status_badge(factcheck),
            "can_preview": permissions.can_preview(user, factcheck),
            "is_author": permissions.is_author(user, factcheck),
            "checklist": render_checklist(gate.check_saved(factcheck)),
            "already_checked": self._already_checked_html(factcheck),
            "tips": factcheck.reader_messages.filter(kind=ReaderMessage.Kind.TIP),
            "version_shortcuts": version_shortcuts(factcheck),
            "checklist_url": reverse(
                "admin:factcheck_factcheck_checklist", args=[factcheck.pk]
            )
            if permissions.can_edit(user, factcheck)
            else "",
            "steps": [
                {
                    "step": step,
                    "url": reverse(
                        "admin:factcheck_factcheck_workflow",
                        args=[factcheck.pk, step.action],
                    ),
                    "form": step.form(
                        factcheck=factcheck, auto_id=f"id_{step.action}_%s"
                    ),
                }
                for step in STEPS.values()
                if step.action != Action.VOTE
                and can_transition(user, factcheck, step.action)
            ],
            "history": history,
            "sent_back": latest
            if latest and factcheck.status == Status.DRAFT and latest.sends_back
            else None,
            "panel": self._panel_context(request, factcheck),
            "preview_form": PreviewLinkForm(factcheck=factcheck)
            if permissions.can_share_preview(user)
            else None,
            "preview_url": reverse(
                "admin:factcheck_factcheck_preview_link", args=[factcheck.pk]
            ),
            "revoke_previews_url": reverse(
                "admin:factcheck_factcheck_revoke_previews", args=[factcheck.pk]
            ),
        }

    def _already_checked_html(self, factcheck):
        matches = already_checked(
            factcheck, [claim.statement for claim in factcheck.claims.all()]
        )
        return None if matches is None else render_already_checked(matches)

    def _revision_context(self, factcheck):
        """The revision a live article has open, or the article a revision revises."""
        if factcheck.revision_of_id is not None:
            return {
                "revision_of": factcheck.revision_of,
                "revision_conflict": workflow.revision_conflict(factcheck),
            }
        if factcheck.is_published:
            return {"open_revision": factcheck.revisions.first()}
        return {}

    def _panel_context(self, request, factcheck):
        """The rating panel's tally and, for an editor who may vote, a form per claim."""
        if factcheck.status != Status.REVIEW or not panel.is_voting(factcheck):
            return None
        may_vote = can_transition(request.user, factcheck, Action.VOTE)
        rows = []
        for row in panel.tally(factcheck):
            verdict = getattr(row.claim, "verdict", None)
            mine = next((b for b in row.votes if b.voter_id == request.user.pk), None)
            form = None
            if may_vote:
                form = VoteForm(
                    factcheck=factcheck,
                    auto_id=f"id_vote{row.claim.pk}_%s",
                    initial={
                        "claim": row.claim.pk,
                        "rating": mine.rating_id
                        if mine
                        else getattr(verdict, "rating_id", None),
                        "comment": mine.comment if mine else "",
                    },
                )
            rows.append(
                {"tally": row, "rating": getattr(verdict, "rating", None), "form": form}
            )
        if all(row["tally"].needed <= 1 for row in rows):
            return None  # a revision that re-rates nothing, with the panel off
        return {
            "needed": panel.panel_size(),
            "rows": rows,
            "url": reverse(
                "admin:factcheck_factcheck_workflow", args=[factcheck.pk, Action.VOTE]
            ),
        }

    def workflow_view(self, request, object_id, action):
        """Run one workflow step from its button; 403 if the user may not."""
        factcheck = self._factcheck_or_404(request, object_id)
        step = STEPS.get(action)
        if step is None:
            raise Http404
        permissions.check_step(request.user, factcheck, step.action)
        form = step.form(request.POST, factcheck=factcheck)
        if not form.is_valid():
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else None
                text = " ".join(errors)
                messages.error(request, f"{label}: {text}" if label else text)
            return self._back_to_form(factcheck)
        try:
            result = step.run(factcheck, request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, step.done(result))
            # Starting a revision returns the copy; publishing one returns
            # its original, the copy being gone: show the article the step
            # left the user with.
            if isinstance(result, FactCheck):
                factcheck = result
        return self._back_to_form(factcheck)

    def revoke_previews_view(self, request, object_id):
        """Stop every preview link made so far (``preview.revoke_previews``)."""
        factcheck = self._factcheck_or_404(request, object_id)
        if not permissions.can_share_preview(request.user):
            raise PermissionDenied
        preview.revoke_previews(factcheck, request.user)
        messages.success(
            request,
            _("Every preview link made until now has stopped working."),
        )
        return self._back_to_form(factcheck)

    def preview_link_view(self, request, object_id):
        """Make a signed preview link and show it, ready to copy."""
        factcheck = self._factcheck_or_404(request, object_id)
        if not permissions.can_share_preview(request.user):
            raise PermissionDenied
        form = PreviewLinkForm(request.POST, factcheck=factcheck)
        if not form.is_valid():
            messages.error(request, _("Pick how long the link should work."))
            return self._back_to_form(factcheck)
        token, expires = preview.share_preview(
            factcheck, request.user, form.cleaned_data["days"]
        )
        url = settings.SITE_URL + reverse("factcheck:preview", kwargs={"token": token})
        messages.success(
            request,
            format_html(
                '{} <input type="text" class="vLargeTextField preview-link" readonly '
                'value="{}" aria-label="{}"> <button type="button" class="button" '
                "data-copy-preview-link>{}</button>",
                _(
                    "Preview link for someone without an account, working until "
                    "%(when)s:"
                )
                % {
                    "when": formats.date_format(
                        timezone.localtime(expires), "DATETIME_FORMAT"
                    )
                },
                url,
                _("Preview link"),
                _("Copy"),
            ),
        )
        return self._back_to_form(factcheck)

    def checklist_view(self, request, object_id=None):
        """The publish gate on the form as it stands, unsaved, as JSON.

        The change form posts itself here as the journalist types, so the
        checklist updates without saving. Files are not sent: an image is
        judged as saved.
        """
        factcheck = self._factcheck_or_404(request, object_id) if object_id else None
        allowed = (
            permissions.can_edit(request.user, factcheck)
            if factcheck
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        change = factcheck is not None
        form = self.get_form(request, factcheck, change=change)(
            request.POST, instance=factcheck
        )
        # Nothing is saved, so no version to check and no row to lock.
        form.checks_version = False
        form.is_valid()
        formsets, _inlines = self._create_formsets(
            request, form.instance, change=change
        )
        outline = outline_from_forms(form, formsets)
        report = gate.check(outline)
        matches = already_checked(
            factcheck, [claim.statement for claim in outline.claims]
        )
        return JsonResponse(
            {
                "passed": report.passed,
                "problems": report.problems,
                "warnings": report.warnings,
                "html": render_checklist(report),
                "already_checked": None
                if matches is None
                else render_already_checked(matches),
            }
        )
