"""The fact-check admin: where journalists write and editors review.

Thin: who may edit what is asked of ``permissions``, saving goes through
``editing``, and the workflow panel's buttons (``workflow_panel``) call
``workflow``; review comments have their own views (``comments``).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import editing, locker, permissions, verdicts, versions, workflow
from ..models import Byline, Claim, Correction, FactCheck, ReplyAttempt, Source
from ..models.people import display_name
from ..sanitize import clean_html
from . import merges
from .badges import rating_badge, status_badge
from .comments import ReviewCommentsAdminMixin
from .errors import form_errors
from .filters import (
    AuthorListFilter,
    RatingListFilter,
    RevisionListFilter,
    StatusListFilter,
)
from .forms import FactCheckAdminForm
from .inlines import (
    BylineInline,
    ClaimInline,
    CorrectionInline,
    ExpertQuoteInline,
    ReplyAttemptInline,
    SourceInline,
)
from .layout import Layout, Section
from .presence import PresenceAdminMixin
from .versions import VersionsAdminMixin
from .workflow_panel import WorkflowAdminMixin

Action = workflow.Action


@admin.register(FactCheck)
class FactCheckAdmin(
    ReviewCommentsAdminMixin,
    VersionsAdminMixin,
    PresenceAdminMixin,
    WorkflowAdminMixin,
    admin.ModelAdmin,
):
    """Fact-checks, with the workflow panel (see ``admin_views``) on the change form."""

    form = FactCheckAdminForm
    list_display = [
        "headline",
        "status_column",
        "ratings_column",
        "authors_column",
        "updated_at",
        "updated_by",
    ]
    list_filter = [
        StatusListFilter,
        RevisionListFilter,
        RatingListFilter,
        "topics",
        AuthorListFilter,
        ("assignee", admin.RelatedOnlyFieldListFilter),
        "language",
    ]
    search_fields = ["headline", "standfirst", "claims__statement"]
    search_help_text = _("Search headlines, standfirsts and claims.")
    prepopulated_fields = {"slug": ["headline"]}
    filter_horizontal = ["topics"]
    list_per_page = 50
    # The desk's recent work first, along an index; a count of the whole
    # table on every page would cost more than the page.
    ordering = ["-updated_at", "-pk"]
    show_full_result_count = False
    #: The form from top to bottom: what the article says and the claims it
    #: checks first, then the body, the evidence, and the rest folded away.
    layout = Layout(
        Section(
            None,
            (
                None,
                {
                    "fields": [
                        "headline",
                        "slug",
                        "standfirst",
                        "key_points",
                        # Hidden: the version the form was opened on, without
                        # which every save would look like an edit conflict.
                        "version",
                    ]
                },
            ),
            ClaimInline,
        ),
        Section(_("Body"), (None, {"fields": ["body"]}), open=True),
        Section(_("Sources"), SourceInline),
        Section(_("Expert quotes"), ExpertQuoteInline),
        Section(_("Right of reply"), ReplyAttemptInline),
        Section(
            _("Byline, image, credits and dates"),
            BylineInline,
            (
                _("Hero image"),
                {
                    "fields": [
                        "hero_image",
                        # Hidden: an image kept from a save that failed.
                        "kept_hero_image",
                        "hero_image_alt",
                        ("hero_image_credit", "hero_image_caption"),
                    ]
                },
            ),
            (
                _("Credits and classification"),
                {"fields": ["editor", "partner_credit", "topics", "language"]},
            ),
            (
                _("Dates"),
                {"fields": ["published_at", "updated_at", "updated_by"]},
            ),
        ),
        Section(_("Corrections"), CorrectionInline, open=True),
    )
    fieldsets = layout.fieldsets
    inlines = layout.inlines
    actions = ["submit_selected", "publish_selected"]
    readonly_fields = ["published_at", "updated_at", "updated_by"]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = [
            "js/admin_workflow.js",
            "js/admin_presence.js",
            "js/admin_comments.js",
            "js/admin_errors.js",
        ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("updated_by", "revision_of")
            .prefetch_related(
                Prefetch(
                    "claims", queryset=Claim.objects.select_related("verdict__rating")
                ),
                Prefetch(
                    "bylines", queryset=Byline.objects.select_related("author__profile")
                ),
            )
        )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        # A published article stays read-only but takes corrections.
        return permissions.can_edit(request.user, obj) or permissions.can_correct(
            request.user, obj
        )

    def get_inlines(self, request, obj):
        # Corrections are for what readers have seen; elsewhere the inline is noise.
        if obj is None or obj.first_published_at is None:
            return [inline for inline in self.inlines if inline is not CorrectionInline]
        return self.inlines

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or permissions.can_edit(request.user, obj):
            return fieldsets
        # Read-only, the body reads as formatted text rather than as markup.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "formatted_body" if field == "body" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not permissions.can_edit(request.user, obj):
            # All of the article, but the hidden fields: the version its
            # corrections are saved on, and a kept image (never posted here).
            return [
                field
                for _name, options in self.get_fieldsets(request, obj)
                for row in options["fields"]
                for field in (row if isinstance(row, tuple) else (row,))
                if field not in ("version", "kept_hero_image")
            ]
        readonly = list(super().get_readonly_fields(request, obj))
        if not permissions.can_set_editor_credit(request.user):
            readonly.append("editor")
        if obj is not None and obj.revision_of_id is not None:
            # Published, a revision takes its original's address; its own
            # slug only keeps the preview apart.
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and (
            obj.revision_of_id is not None
            or not permissions.can_edit(request.user, obj)
        ):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        inlines = context["inline_admin_formsets"]
        # Shown again after an error, the form keeps the image it was given.
        form.keep_hero_image()
        errors = form_errors(form, [inline.formset for inline in inlines])
        # The article's own non-field errors are shown above it by Django.
        context["error_summary"] = [error for error in errors if error.target]
        context["form_sections"] = self.layout.shown(
            context["adminform"], inlines, errors
        )
        context["gone_rows"] = merges.gone_rows([inline.formset for inline in inlines])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def has_submit_permission(self, request):
        return permissions.has_role_for(request.user, Action.SUBMIT)

    def has_publish_permission(self, request):
        return permissions.has_role_for(request.user, Action.PUBLISH)

    def _run_on_each(self, request, queryset, step, done_message):
        """Run a workflow step on each selected fact-check; report each refusal."""
        done = 0
        for factcheck in queryset:
            try:
                step(factcheck, request.user)
            except (PermissionDenied, ValidationError) as error:
                reasons = (
                    error.messages if isinstance(error, ValidationError) else [error]
                )
                self.message_user(
                    request,
                    gettext("“%(headline)s” was not changed: %(reasons)s")
                    % {
                        "headline": factcheck.headline,
                        "reasons": " ".join(str(reason) for reason in reasons),
                    },
                    messages.ERROR,
                )
            else:
                done += 1
        if done:
            self.message_user(
                request, done_message(done) % {"count": done}, messages.SUCCESS
            )

    @admin.action(permissions=["submit"], description=_("Submit for review"))
    def submit_selected(self, request, queryset):
        self._run_on_each(
            request,
            queryset,
            workflow.submit_for_review,
            lambda count: ngettext(
                "Submitted %(count)d fact-check for review.",
                "Submitted %(count)d fact-checks for review.",
                count,
            ),
        )

    @admin.action(permissions=["publish"], description=_("Publish now"))
    def publish_selected(self, request, queryset):
        self._run_on_each(
            request,
            queryset,
            workflow.publish,
            lambda count: ngettext(
                "Published %(count)d fact-check.",
                "Published %(count)d fact-checks.",
                count,
            ),
        )

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return permissions.can_delete(request.user, obj)

    def delete_model(self, request, obj):
        workflow.delete(obj, request.user)

    def delete_queryset(self, request, queryset):
        # One by one, so each deletion is checked and logged.
        for factcheck in queryset:
            workflow.delete(factcheck, request.user)

    @admin.display(description=_("body"))
    def formatted_body(self, obj):
        # Sanitised on every save already (fields.RichTextField); cleaned again
        # here because script in the admin would run with a staff session.
        return mark_safe(clean_html(obj.body))

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        if obj.revision_of_id is None:
            return status_badge(obj)
        return format_html(
            "{} {}",
            status_badge(obj),
            gettext("Revision of “%(headline)s”") % {"headline": obj.revision_of},
        )

    @admin.display(description=_("rating"))
    def ratings_column(self, obj):
        ratings = verdicts.ratings(obj)
        return format_html_join(" ", "{}", ((rating_badge(r),) for r in ratings)) or "—"

    @admin.display(description=_("authors"))
    def authors_column(self, obj):
        return ", ".join(display_name(b.author) for b in obj.bylines.all()) or "—"

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, BylineInline) and obj.pk is None:
            # Whoever starts an article is its first author until they say not.
            kwargs["initial"] = [{"author": request.user.pk}]
        if "data" in kwargs and obj.pk is not None:
            posted = request.POST.get("version")
            if posted != str(obj.lock_version):
                # Rows deleted by the save made since come back as new ones,
                # to merge (``merges.posted_rows``).
                stored = {
                    str(key)
                    for key in inline.get_queryset(request)
                    .filter(factcheck=obj)
                    .values_list("pk", flat=True)
                }
                kwargs["data"] = merges.posted_rows(kwargs["data"], prefix, stored)
        return kwargs

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        # Django builds the article form on ``obj``, then these, and
        # validates the form first: a stale save is merged in its ``clean``
        # with the parts as posted, which reach it on the instance they share
        # (``FactCheckAdminForm.parts``).
        obj.posted_parts = formsets
        return formsets, inline_instances

    def save_model(self, request, obj, form, change):
        # Opened on an older version, the form holds the merge with the
        # stored one (FactCheckAdminForm.clean), saved on the stored version.
        stale = form.stale_save
        form.forget_kept_hero_image()
        if not change:
            editing.create_draft(user=request.user, factcheck=obj)
        elif permissions.can_edit(request.user, obj):
            editing.save_edit(
                factcheck=obj,
                user=request.user,
                version=stale.against if stale else form.cleaned_data["version"],
            )
        # Otherwise the form is a published article's: only its corrections
        # are saved (save_formset).
        if stale:
            self.message_user(request, stale.merged_message(), messages.SUCCESS)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # One version of the whole article per save, its parts included.
        if permissions.can_edit(request.user, form.instance):
            versions.record(form.instance, request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is ReplyAttempt:
            for attempt_form in formset.extra_forms:
                attempt_form.instance.logged_by = request.user
        if formset.model is Source:
            super().save_formset(request, form, formset, change)
            # Archived by a background job once the save commits.
            return locker.sources_added(
                [
                    *formset.new_objects,
                    *(s for s, fields in formset.changed_objects if "url" in fields),
                ]
            )
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)
        for correction in formset.new_objects:
            editing.issue_correction(
                factcheck=form.instance,
                user=request.user,
                kind=correction.kind,
                text=correction.text,
                issued_at=correction.issued_at,
            )
        for correction, _changed in formset.changed_objects:
            editing.reword_correction(
                correction=correction,
                user=request.user,
                kind=correction.kind,
                text=correction.text,
                issued_at=correction.issued_at,
            )
