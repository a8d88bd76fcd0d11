"""Review comments on the change form: each thread beside what it is about, the
open ones listed in the workflow panel, all of them in the history, and the
admin views their buttons post to (``factcheck.comments`` writes them).

The threads are rendered in the panel, with their buttons tied by ``form=``
to forms that stay there, so that the script placing each thread beside its
field, claim or source inside the article's form nests no form in another;
without the script they are read and answered in the panel.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import comments, permissions
from ..models import Claim, ReviewComment, Source, Status
from ..models.people import display_name

Kind = ReviewComment.Kind

#: The field a read-only form shows in a field's place (``FactCheckAdmin``).
SHOWN_AS = {"body": "formatted_body"}

STEPS = {
    "reply": comments.reply,
    "resolve": comments.resolve,
    "reopen": comments.reopen,
}

DONE = {
    "add": _("Comment added: the authors see it beside what it is about."),
    "reply": _("Reply added."),
    "resolve": _("Comment resolved."),
    "reopen": _("Comment open again."),
}


class CommentForm(forms.Form):
    """The panel's "Add a comment" control: what about, and the comment."""

    about = forms.ChoiceField(
        label=_("About"),
        error_messages={
            "required": _("Pick what the comment is about."),
            "invalid_choice": comments.UNKNOWN_TARGET,
        },
    )
    text = forms.CharField(
        label=_("Comment"),
        required=False,  # refused, with its message, by ``comments.comment``
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
    )

    def __init__(self, *args, factcheck, parts=None, **kwargs):
        super().__init__(*args, auto_id="id_comment_%s", **kwargs)
        self.fields["about"].choices = comments.targets(factcheck, **(parts or {}))


def _place(thread, rows):
    """Where the script puts ``thread`` on the form: a CSS selector, or ""."""
    if thread.kind == Kind.FIELD:
        names = [
            thread.field,
            *([SHOWN_AS[thread.field]] if thread.field in SHOWN_AS else []),
        ]
        return ", ".join(f".form-row.field-{name}" for name in names)
    row = rows.get((thread.kind, thread.claim_id or thread.source_id))
    return f"#{row}" if row else ""


def _inline_rows(inline_admin_formsets):
    """The claims and sources as the form lists them, and the id of each one's row.

    Read from the form's own inline rows, so they cost no query of their own:
    ``({"claims": [...], "sources": [...]}, {(kind, pk): row id})``.
    """
    kinds = {Claim: Kind.CLAIM, Source: Kind.SOURCE}
    parts = {}
    rows = {}
    for inline in inline_admin_formsets:
        kind = kinds.get(inline.formset.model)
        if kind is None:
            continue
        forms_shown = inline.formset.initial_forms
        parts[f"{kind}s"] = [form.instance for form in forms_shown]
        for form in forms_shown:
            rows[(kind, form.instance.pk)] = form.prefix
    return parts, rows


class ReviewCommentsAdminMixin:
    """Adds the review comments to the change form and the URLs they post to."""

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/comments/",
                view(require_POST(self.add_comment_view)),
                name=f"{prefix}_comment",
            ),
            path(
                "<path:object_id>/comments/<int:comment_id>/<str:step>/",
                view(require_POST(self.comment_step_view)),
                name=f"{prefix}_comment_step",
            ),
            *super().get_urls(),
        ]

    def _to_thread(self, factcheck, thread):
        url = reverse("admin:factcheck_factcheck_change", args=[factcheck.pk])
        return redirect(f"{url}#comment-{thread.pk}" if thread else url)

    def add_comment_view(self, request, object_id):
        """Open a thread from the panel's form; 403 for anyone but the reviewer."""
        factcheck = self._factcheck_or_404(request, object_id)
        if not permissions.may_comment(request.user, factcheck):
            raise PermissionDenied
        form = CommentForm(request.POST, factcheck=factcheck)
        thread = None
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["about"].as_data())
            target = comments.target_for(factcheck, form.cleaned_data["about"])
            thread = comments.comment(
                factcheck, request.user, target, form.cleaned_data["text"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, DONE["add"])
        return self._to_thread(factcheck, thread)

    def comment_step_view(self, request, object_id, comment_id, step):
        """Reply to, resolve or reopen a thread; 403 for anyone but authors and editors."""
        factcheck = self._factcheck_or_404(request, object_id)
        if step not in STEPS:
            raise Http404
        try:
            thread = factcheck.review_comments.select_related("factcheck").get(
                pk=comment_id
            )
        except ReviewComment.DoesNotExist:
            raise Http404 from None
        if not permissions.may_answer_comments(request.user, factcheck):
            raise PermissionDenied
        args = [request.POST.get("text")] if step == "reply" else []
        try:
            STEPS[step](thread, request.user, *args)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, DONE[step])
        return self._to_thread(factcheck, thread.reply_to or thread)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None:
            context["review"] = self.review_context(
                request, obj, context.get("inline_admin_formsets", [])
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def review_context(self, request, factcheck, inline_admin_formsets):
        """The threads of ``factcheck`` with their replies, and what the user may do."""
        every = list(
            factcheck.review_comments.select_related(
                "author__profile", "resolved_by__profile"
            )
        )
        for comment in every:
            comment.author_name = display_name(comment.author)
            if comment.resolved_by_id is not None:
                comment.resolver_name = display_name(comment.resolved_by)
        threads = [comment for comment in every if comment.reply_to_id is None]
        by_pk = {thread.pk: thread for thread in threads}
        for thread in threads:
            thread.answers = []
        for comment in every:
            if comment.reply_to_id is not None:
                by_pk[comment.reply_to_id].answers.append(comment)
        parts, rows = _inline_rows(inline_admin_formsets)
        for thread in threads:
            thread.place = _place(thread, rows)
            thread.step_urls = {
                step: reverse(
                    "admin:factcheck_factcheck_comment_step",
                    args=[factcheck.pk, thread.pk, step],
                )
                for step in STEPS
            }
        user = request.user
        may_comment = factcheck.status == Status.REVIEW and permissions.may_comment(
            user, factcheck
        )
        return {
            "threads": threads,
            "open": [thread for thread in threads if not thread.is_resolved],
            # Published, the review is over: the threads are in the history.
            "beside_targets": factcheck.status in comments.ANSWERABLE,
            "may_answer": factcheck.status in comments.ANSWERABLE
            and permissions.may_answer_comments(user, factcheck),
            "form": CommentForm(factcheck=factcheck, parts=parts)
            if may_comment
            else None,
            "add_url": reverse(
                "admin:factcheck_factcheck_comment", args=[factcheck.pk]
            ),
        }
