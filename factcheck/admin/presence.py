"""The change form's presence line: who else has the article open, and saves
made since the form was opened (``factcheck.presence``)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import presence


class PresenceAdminMixin:
    """Adds the URL the open change form polls, and what it needs to poll it."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(require_POST(self.presence_view)),
                name=f"{prefix}_presence",
            ),
            *super().get_urls(),
        ]

    def presence_view(self, request, object_id):
        """Record the caller's session; answer with the others and unseen saves.

        Posted: ``version`` (the ``lock_version`` the form was opened on),
        ``editing`` ("1" with unsaved changes), ``leaving`` ("1" as the page
        closes, which ends the session).
        """
        factcheck = self.get_object(request, unquote(object_id))
        if factcheck is None:
            raise Http404
        if not self.has_view_permission(request, factcheck):
            raise PermissionDenied
        try:
            version = int(request.POST["version"])
        except (KeyError, ValueError):
            return JsonResponse(
                {"error": _("Say which version of the article the form shows.")},
                status=400,
            )
        if request.POST.get("leaving") == "1":
            presence.left(factcheck, request.user)
            return JsonResponse({"left": True})
        presence.here(factcheck, request.user, request.POST.get("editing") == "1")
        return JsonResponse(presence.status(factcheck, request.user, version))

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None:
            opts = self.opts
            context["presence"] = {
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_presence", args=[obj.pk]
                ),
                "seconds": presence.poll_seconds(),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)
