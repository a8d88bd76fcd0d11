"""The newsroom's admin: where journalists write and editors review.

Admin classes stay thin: who may edit what is decided in ``workflow``.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import verdicts, workflow
from .admin_views import WorkflowAdminMixin, status_badge
from .forms import (
    AppearanceInlineFormSet,
    BylineInlineFormSet,
    ClaimInlineForm,
    FactCheckAdminForm,
    SourceInlineFormSet,
)
from .models import (
    AuthorProfile,
    Byline,
    Claim,
    Claimant,
    ClaimAppearance,
    Correction,
    Expert,
    ExpertQuote,
    FactCheck,
    Page,
    Rating,
    ReaderMessage,
    Source,
    Status,
    Topic,
    TransitionLog,
)
from .models.people import display_name
from .sanitize import clean_html
from .search import refresh_search_vector

User = get_user_model()


def rating_badge(rating):
    return format_html(
        '<span class="rating-badge" style="background:{};color:{}">{}</span>',
        rating.colour,
        rating.text_colour,
        rating.label,
    )


class ArticlePartInline:
    """Inline rows of an article are editable exactly when the article is."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    formset = BylineInlineFormSet
    extra = 0
    min_num = 1
    fields = ["author", "ordering"]
    verbose_name_plural = _("Byline (authors, in print order)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "author":
            field.queryset = User.objects.filter(
                is_active=True, is_staff=True
            ).select_related("profile")
            # Names as readers will see them on the byline, not usernames.
            field.label_from_instance = display_name
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user
        return formset


class ClaimInline(ArticlePartInline, admin.StackedInline):
    model = Claim
    form = ClaimInlineForm
    show_change_link = True
    autocomplete_fields = ["claimant"]
    fieldsets = [
        (None, {"fields": ["statement", "claimant"]}),
        (_("Verdict"), {"fields": [("rating", "verdict_summary")]}),
        (
            _("Where it first appeared (more appearances on the claim's own page)"),
            {"fields": [("seen_url", "seen_medium"), ("seen_outlet", "seen_on")]},
        ),
        (None, {"fields": ["ordering"]}),
    ]

    #: Read-only, the verdict and first appearance (form fields, not model
    #: fields) are shown through the display methods below.
    readonly_fields = ["verdict_display", "first_appearance_display"]
    read_only_fieldsets = [
        (None, {"fields": ["statement", "claimant"]}),
        (_("Verdict"), {"fields": ["verdict_display"]}),
        (_("Where it first appeared"), {"fields": ["first_appearance_display"]}),
    ]

    def get_extra(self, request, obj=None, **kwargs):
        # A blank claim to start from on a new article, not required: a draft
        # with only a headline saves (the checklist asks for the claim).
        return 1 if obj is None else 0

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return self.read_only_fieldsets
        return super().get_fieldsets(request, obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("verdict__rating", "claimant")
            .prefetch_related("appearances")
        )

    @admin.display(description=_("rating and summary"))
    def verdict_display(self, claim):
        verdict = getattr(claim, "verdict", None)
        if verdict is None:
            return "—"
        badge = rating_badge(verdict.rating) if verdict.rating else _("Not rated")
        return format_html("{}<p>{}</p>", badge, verdict.summary or "—")

    @admin.display(description=_("first appearance"))
    def first_appearance_display(self, claim):
        appearance = claim.first_appearance
        if appearance is None:
            return "—"
        where = ", ".join(
            str(part)
            for part in (
                appearance.get_medium_display(),
                appearance.outlet,
                appearance.appeared_on,
            )
            if part
        )
        if appearance.url:
            return format_html(
                '<a href="{}">{}</a> {}', appearance.url, appearance.url, where
            )
        return where


class SourceInline(ArticlePartInline, admin.StackedInline):
    model = Source
    formset = SourceInlineFormSet
    extra = 0
    fieldsets = [
        (
            None,
            {"fields": [("title", "publisher"), ("url", "archived_url"), "citation"]},
        ),
        (
            None,
            {
                "fields": [
                    ("kind", "origin", "claim"),
                    ("published_on", "accessed_on"),
                    "notes",
                    "ordering",
                ]
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("citation", "notes"):
            # Mostly empty: two lines keep a list of ten sources scannable.
            field.widget.attrs["rows"] = 2
        return field


class ExpertQuoteInline(ArticlePartInline, admin.StackedInline):
    model = ExpertQuote
    extra = 0
    autocomplete_fields = ["expert"]
    fields = [
        "expert",
        "text",
        ("obtained_via", "obtained_on", "on_record"),
        "ordering",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("expert")


class CorrectionInline(admin.StackedInline):
    """Corrections are appended by editors to what readers already saw."""

    model = Correction
    extra = 0
    fields = ["kind", "text", "issued_at"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_correct(request.user, obj)
        )

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or workflow.can_correct(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        # Readers saw the correction: it stays, though its wording may be fixed.
        return False


class RatingListFilter(admin.SimpleListFilter):
    title = _("rating")
    parameter_name = "rating"

    def lookups(self, request, model_admin):
        return [(r.slug, r.label) for r in Rating.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                claims__verdict__rating__slug=self.value()
            ).distinct()
        return queryset


class AuthorListFilter(admin.SimpleListFilter):
    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        authors = (
            User.objects.filter(bylines__isnull=False)
            .distinct()
            .select_related("profile")
        )
        return [(u.pk, display_name(u)) for u in authors]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(bylines__author_id=self.value())
        return queryset


class StatusListFilter(admin.SimpleListFilter):
    """The states as the desk speaks of them: a future publication is "scheduled"."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            (Status.PUBLISHED, _("Live")),
            (Status.RETRACTED, Status.RETRACTED.label),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "scheduled":
                return queryset.scheduled()
            case Status.PUBLISHED:
                return queryset.published()
            case Status.DRAFT | Status.REVIEW | Status.RETRACTED:
                return queryset.filter(status=self.value())
        return queryset


class RevisionListFilter(admin.SimpleListFilter):
    title = _("revisions")
    parameter_name = "revision"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Revisions of live articles")),
            ("no", _("Articles")),
        ]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(revision_of__isnull=self.value() == "no")
        return queryset


@admin.register(FactCheck)
class FactCheckAdmin(WorkflowAdminMixin, admin.ModelAdmin):
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
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = [
        BylineInline,
        ClaimInline,
        SourceInline,
        ExpertQuoteInline,
        CorrectionInline,
    ]
    actions = ["submit_selected", "publish_selected"]
    readonly_fields = ["published_at", "updated_at", "updated_by"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "standfirst",
                    "key_points",
                    "body",
                    # Hidden: the version the form was opened on, without
                    # which every save would look like an edit conflict.
                    "version",
                ]
            },
        ),
        (
            _("Dates"),
            {"fields": ["published_at", "updated_at", "updated_by"]},
        ),
        (
            _("Hero image"),
            {
                "fields": [
                    "hero_image",
                    "hero_image_alt",
                    ("hero_image_credit", "hero_image_caption"),
                ]
            },
        ),
        (
            _("Credits and classification"),
            {"fields": ["editor", "partner_credit", "topics", "language"]},
        ),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin_workflow.js"]

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
        return workflow.can_edit(request.user, obj) or workflow.can_correct(
            request.user, obj
        )

    def get_inlines(self, request, obj):
        # Corrections are for what readers have seen; elsewhere the inline is noise.
        if obj is None or obj.first_published_at is None:
            return [inline for inline in self.inlines if inline is not CorrectionInline]
        return self.inlines

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or workflow.can_edit(request.user, obj):
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
        if obj is not None and not workflow.can_edit(request.user, obj):
            # All of the article, but the version its corrections are saved on.
            return [
                field
                for _name, options in self.get_fieldsets(request, obj)
                for row in options["fields"]
                for field in (row if isinstance(row, tuple) else (row,))
                if field != "version"
            ]
        readonly = list(super().get_readonly_fields(request, obj))
        if not workflow.is_editor(request.user):
            # The "edited by" credit is the editors' to give, not the authors'.
            readonly.append("editor")
        if obj is not None and obj.revision_of_id is not None:
            # Published, a revision takes its original's address; its own
            # slug only keeps the preview apart.
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and (
            obj.revision_of_id is not None or not workflow.can_edit(request.user, obj)
        ):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def has_submit_permission(self, request):
        return workflow.can_transition(request.user, None, workflow.Action.SUBMIT)

    def has_publish_permission(self, request):
        return workflow.can_transition(request.user, None, workflow.Action.PUBLISH)

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
        return workflow.can_delete(request.user, obj)

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
        return kwargs

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        obj.lock_version += 1
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Correction:
            return super().save_formset(request, form, formset, change)
        for correction in formset.save(commit=False):
            correction.issued_by = correction.issued_by or request.user
            correction.save()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Whoever starts an article is on its byline unless they named others.
        if not change and not form.instance.bylines.exists():
            Byline.objects.create(factcheck=form.instance, author=request.user)
        refresh_search_vector(form.instance.pk)


class AppearanceInline(admin.TabularInline):
    model = ClaimAppearance
    formset = AppearanceInlineFormSet
    extra = 1
    fields = ["url", "archived_url", "medium", "outlet", "appeared_on", "is_first"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    """A claim's own page, for its appearances; reached from its fact-check."""

    list_display = ["statement", "claimant", "factcheck"]
    search_fields = ["statement", "claimant__name"]
    autocomplete_fields = ["claimant"]
    fields = ["factcheck", "statement", "claimant"]
    readonly_fields = ["factcheck"]
    inlines = [AppearanceInline]

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_vector(form.instance.factcheck_id)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj.factcheck)
        )

    def has_delete_permission(self, request, obj=None):
        # Deleting a fact-check deletes its claims: the admin asks this then.
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj.factcheck)
        )


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "badge", "value", "meaning"]
    prepopulated_fields = {"slug": ["label"]}

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("badge"))
    def badge(self, obj):
        return rating_badge(obj)

    def has_delete_permission(self, request, obj=None):
        # A rating in use is protected by the database; say so before trying.
        return super().has_delete_permission(request, obj) and not (
            obj and obj.verdicts.exists()
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class DirectoryAdmin(admin.ModelAdmin):
    """Claimants and experts: shared records that published articles show.

    Journalists keep the directories, but once a record appears in something
    readers see, changing it changes a published article: that is for editors.
    """

    #: The lookup from the record to the fact-checks that show it.
    shown_in = None

    def has_change_permission(self, request, obj=None):
        if obj is not None and not workflow.is_editor(request.user):
            published = FactCheck.objects.published().filter(**{self.shown_in: obj})
            if published.exists():
                return False
        return super().has_change_permission(request, obj)


@admin.register(Claimant)
class ClaimantAdmin(DirectoryAdmin):
    shown_in = "claims__claimant"
    list_display = ["name", "kind", "platform", "handle", "description"]
    list_filter = ["kind"]
    search_fields = ["name", "handle", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Expert)
class ExpertAdmin(DirectoryAdmin):
    shown_in = "quotes__expert"
    list_display = ["name", "credentials", "affiliation", "field"]
    list_filter = ["field"]
    search_fields = ["name", "credentials", "affiliation", "field"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "credentials",
                    "affiliation",
                    "field",
                    "conflict_of_interest",
                ]
            },
        ),
        (
            _("Contact (private, never shown to readers)"),
            {"fields": ["contact_email", "contact_phone", "contact_notes"]},
        ),
    ]


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "role", "user"]
    search_fields = ["display_name", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}

    def has_change_permission(self, request, obj=None):
        # Everyone keeps their own profile; editors keep everyone's.
        if obj is not None and obj.user_id == request.user.pk:
            return True
        return request.user.has_perm(
            "factcheck.edit_any_factcheck"
        ) and super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # Whose profile it is decides whose byline it signs: not for the
        # profile's owner to move.
        if obj is not None and not request.user.is_superuser:
            return ["user"]
        return []


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "in_footer", "updated_at", "updated_by"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "summary", "body", "in_footer", "ordering"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    """The workflow's record: readable by editors, changeable by nobody."""

    list_display = [
        "created_at",
        "article",
        "action",
        "from_status",
        "to_status",
        "user",
        "note",
    ]
    list_filter = [
        "action",
        "to_status",
        ("user", admin.RelatedOnlyFieldListFilter),
        ("factcheck", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user"]
    search_fields = ["headline", "note"]
    date_hierarchy = "created_at"

    @admin.display(description=_("fact-check"), ordering="headline")
    def article(self, obj):
        if obj.factcheck_id is None:
            return obj.headline
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:factcheck_factcheck_change", args=[obj.factcheck_id]),
            obj.headline,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReaderMessage)
class ReaderMessageAdmin(admin.ModelAdmin):
    """Tips and error reports from readers, triaged by the desk."""

    list_display = ["created_at", "kind", "excerpt", "factcheck", "state", "handled_by"]
    list_filter = ["kind", "state"]
    list_select_related = ["factcheck", "handled_by"]
    search_fields = ["message", "url", "factcheck__headline"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "factcheck",
        "message",
        "url",
        "name",
        "email",
        "created_at",
    ]
    fields = [*readonly_fields, "state", "notes", "handled_by"]

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return obj.message[:100]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "state" in form.changed_data and not obj.handled_by_id:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)


admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Fact-checks, sources and the desk's workflow")
