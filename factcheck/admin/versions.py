"""The article's versions in the admin: the list, a side-by-side comparison of
any two, and restoring one (``factcheck.versions``, ``factcheck.diff``,
``workflow.restore``)."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import diff, versions, workflow
from ..models import ArticleVersion, FactCheck
from ..permissions import NotAllowed


def _url(name, factcheck, *args):
    return reverse(f"admin:factcheck_factcheck_{name}", args=[factcheck.pk, *args])


def shortcuts(factcheck):
    """The comparisons a reviewer wants in one click, as (label, URL) pairs."""
    links = []
    sent_back = versions.sent_back_version(factcheck)
    if sent_back is not None:
        links.append(
            (
                _("Changes since it was last sent back"),
                f"{_url('compare', factcheck)}?from={sent_back.pk}",
            )
        )
    if factcheck.revision_of_id:
        links.append(
            (
                _("Changes against the live version"),
                f"{_url('compare', factcheck)}?from=live",
            )
        )
    return links


class VersionsAdminMixin:
    """Adds the versions pages to the fact-check admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        prefix = "factcheck_factcheck"
        return [
            path(
                "<path:object_id>/versions/",
                view(self.versions_view),
                name=f"{prefix}_versions",
            ),
            path(
                "<path:object_id>/versions/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/versions/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name=f"{prefix}_restore",
            ),
            *super().get_urls(),
        ]

    def _viewable(self, request, object_id):
        factcheck = self.get_object(request, unquote(object_id))
        if factcheck is None:
            raise Http404
        if not self.has_view_permission(request, factcheck):
            raise PermissionDenied
        return factcheck

    def _page(self, request, factcheck, template, title, **context):
        return TemplateResponse(
            request,
            f"admin/factcheck/factcheck/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": factcheck,
                "title": title,
                "shortcuts": shortcuts(factcheck),
                **context,
            },
        )

    def versions_view(self, request, object_id):
        """Every version, newest first, to compare two or restore one."""
        factcheck = self._viewable(request, object_id)
        return self._page(
            request,
            factcheck,
            "versions.html",
            _("Versions of “%(headline)s”") % {"headline": factcheck.headline},
            versions=factcheck.versions.select_related("saved_by__profile"),
            can_restore=self.has_change_permission(request, factcheck),
        )

    def _version(self, factcheck, value):
        try:
            return factcheck.versions.get(pk=int(value))
        except (ValueError, TypeError, ArticleVersion.DoesNotExist):
            raise Http404(_("That version of the article does not exist.")) from None

    def compare_view(self, request, object_id):
        """Two versions side by side: ``from`` (a version, or ``live``) to ``to``.

        ``to`` defaults to the newest version, and ``from`` to the one before it.
        """
        factcheck = self._viewable(request, object_id)
        newest = factcheck.versions.first()
        if newest is None:
            raise Http404(_("This article has no stored versions yet."))
        new = (
            self._version(factcheck, request.GET["to"])
            if "to" in request.GET
            else newest
        )
        against = request.GET.get("from")
        if against == "live" and factcheck.revision_of_id:
            live = get_object_or_404(FactCheck, pk=factcheck.revision_of_id)
            old_content, old_label = versions.snapshot(live), _("The live version")
        else:
            old = (
                self._version(factcheck, against)
                if against
                else factcheck.versions.filter(saved_at__lt=new.saved_at).first()
            )
            if old is None:
                raise Http404(_("There is no earlier version to compare with."))
            old_content, old_label = old.content, old
        return self._page(
            request,
            factcheck,
            "compare.html",
            _("What changed in “%(headline)s”") % {"headline": factcheck.headline},
            sections=diff.compare(old_content, new.content),
            old_label=old_label,
            new_label=new,
        )

    def restore_view(self, request, object_id, version_id):
        """Restore a version: into the draft, or into a new revision of a live article."""
        factcheck = self._viewable(request, object_id)
        version = self._version(factcheck, version_id)
        try:
            restored = workflow.restore(version, request.user)
        except (NotAllowed, ValidationError) as refusal:
            for message in getattr(refusal, "messages", [str(refusal)]):
                messages.error(request, message)
            return redirect(_url("versions", factcheck))
        messages.success(
            request,
            _("The version of %(when)s is restored as the newest version.")
            % {
                "when": formats.date_format(
                    timezone.localtime(version.saved_at), "DATETIME_FORMAT"
                )
            }
            if restored.pk == factcheck.pk
            else _(
                "The live article is unchanged: the version is restored into a "
                "new revision, to review and publish like any other."
            ),
        )
        return redirect(reverse("admin:factcheck_factcheck_change", args=[restored.pk]))
