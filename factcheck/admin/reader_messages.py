"""The desk's inbox: tips and error reports from readers, triaged in the admin.

Each message's page shows the published fact-checks most like it
(``matching``), with a button to answer the reader with one of them
(``tipsters.answer``), the fact-checks under way it could join
(``triage.attach``), and "Turn into a fact-check" (``triage.turn_into_draft``).
Each button posts to a URL of its own; the services decide who may.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import matching, permissions, tipsters, triage
from ..models import FactCheck, ReaderMessage
from .badges import status_badge


@admin.register(ReaderMessage)
class ReaderMessageAdmin(admin.ModelAdmin):
    """Tips and error reports from readers, triaged by the desk."""

    change_form_template = "admin/factcheck/readermessage/change_form.html"
    list_display = ["created_at", "kind", "excerpt", "factcheck", "state", "handled_by"]
    list_display_links = ["created_at", "excerpt"]
    list_filter = ["kind", "state"]
    list_select_related = ["factcheck", "handled_by"]
    search_fields = ["message", "url", "factcheck__headline"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "linked_factcheck",
        "message",
        "url",
        "screenshot_image",
        "name",
        "email",
        "may_email",
        "created_at",
    ]
    fields = [*readonly_fields, "state", "notes", "handled_by"]
    #: What only those may see whom ``permissions.can_see_reader_contact`` lets.
    contact_fields = ["name", "email", "may_email", "screenshot_image"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_fields(self, request, obj=None):
        if permissions.can_see_reader_contact(request.user):
            return self.fields
        return [name for name in self.fields if name not in self.contact_fields]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "state" in form.changed_data and not obj.handled_by_id:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=gettext_lazy("message"))
    def excerpt(self, obj):
        return obj.message[:100]

    @admin.display(description=gettext_lazy("fact-check"))
    def linked_factcheck(self, obj):
        if obj.factcheck_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> {}',
            reverse("admin:factcheck_factcheck_change", args=[obj.factcheck_id]),
            obj.factcheck.headline,
            status_badge(obj.factcheck),
        )

    @admin.display(description=gettext_lazy("screenshot"))
    def screenshot_image(self, obj):
        if not obj.screenshot:
            return "—"
        url = reverse("admin:factcheck_readermessage_screenshot", args=[obj.pk])
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" class="reader-screenshot"></a>',
            url,
            url,
            _("The reader's screenshot"),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/screenshot/",
                view(self.screenshot_view),
                name="factcheck_readermessage_screenshot",
            ),
            path(
                "<path:object_id>/answer/<int:factcheck_id>/",
                view(require_POST(self.answer_view)),
                name="factcheck_readermessage_answer",
            ),
            path(
                "<path:object_id>/attach/<int:factcheck_id>/",
                view(require_POST(self.attach_view)),
                name="factcheck_readermessage_attach",
            ),
            path(
                "<path:object_id>/draft/",
                view(require_POST(self.draft_view)),
                name="factcheck_readermessage_draft",
            ),
            *super().get_urls(),
        ]

    def _message_or_404(self, request, object_id):
        message = self.get_object(request, unquote(object_id))
        if message is None:
            raise Http404
        return message

    def _back(self, message):
        return redirect(
            reverse("admin:factcheck_readermessage_change", args=[message.pk])
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None:
            context["desk"] = self.desk_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def desk_context(self, request, message):
        """What the panel above the message offers ``request.user``."""
        user = request.user
        own = [message.factcheck_id] if message.factcheck_id else []
        is_tip = message.kind == ReaderMessage.Kind.TIP
        return {
            "message": message,
            "already_checked": matching.similar(
                message.message, url=message.url, exclude=own
            ),
            "under_way": matching.similar(
                message.message,
                url=message.url,
                queryset=FactCheck.objects.under_way(),
                exclude=own,
            )
            if is_tip
            else [],
            "can_answer": is_tip and permissions.can_answer_reader(user),
            "can_triage": is_tip and permissions.can_handle_reader_messages(user),
            "can_draft": is_tip
            and not message.factcheck_id
            and permissions.can_handle_reader_messages(user)
            and permissions.can_create(user),
            "emails": message.may_email and bool(message.email),
        }

    def screenshot_view(self, request, object_id):
        """The reader's screenshot, to editors only (staff pages are never cached)."""
        message = self._message_or_404(request, object_id)
        if not permissions.can_see_reader_contact(request.user):
            raise PermissionDenied
        if not message.screenshot:
            raise Http404
        return FileResponse(message.screenshot.open("rb"))

    def _run(self, request, message, service, **kwargs):
        """Run one desk action; say what it did or why not. Returns its result."""
        try:
            return service(message=message, user=request.user, **kwargs)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return None

    def answer_view(self, request, object_id, factcheck_id):
        message = self._message_or_404(request, object_id)
        factcheck = get_object_or_404(FactCheck, pk=factcheck_id)
        emailed = self._run(request, message, tipsters.answer, factcheck=factcheck)
        if emailed is not None:
            said = (
                _("The reader will get an email with “%(headline)s”; marked done.")
                if emailed
                else _("Answered by “%(headline)s” and marked done (no email sent).")
            )
            messages.success(request, said % {"headline": factcheck.headline})
        return self._back(message)

    def attach_view(self, request, object_id, factcheck_id):
        message = self._message_or_404(request, object_id)
        factcheck = get_object_or_404(FactCheck, pk=factcheck_id)
        joined = self._run(request, message, triage.attach, factcheck=factcheck)
        if joined is not None:
            messages.success(
                request,
                _(
                    "The tip now belongs to “%(headline)s”: its reader hears the "
                    "verdict when it is published."
                )
                % {"headline": joined.headline},
            )
        return self._back(message)

    def draft_view(self, request, object_id):
        message = self._message_or_404(request, object_id)
        draft = self._run(request, message, triage.turn_into_draft)
        if draft is None:
            return self._back(message)
        messages.success(
            request,
            _(
                "A draft was started from the tip. Give it a headline that says what you found."
            ),
        )
        return redirect(reverse("admin:factcheck_factcheck_change", args=[draft.pk]))
