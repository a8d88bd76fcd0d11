"""The forms of the workflow panel's buttons: one per step, its fields the step's arguments."""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy, ngettext

from .. import permissions, preview
from ..changes import ChangeClass
from ..models import Claim, Priority, Rating
from ..models.people import display_name


class WorkflowForm(forms.Form):
    """The fields of one workflow step; ``cleaned_data`` are the step's arguments."""

    def __init__(self, *args, factcheck, **kwargs):
        self.factcheck = factcheck
        super().__init__(*args, **kwargs)


class RequestChangesForm(WorkflowForm):
    note = forms.CharField(
        label=gettext_lazy("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text=gettext_lazy("The authors get this note by email and on the form."),
    )


class WithdrawForm(WorkflowForm):
    note = forms.CharField(
        label=gettext_lazy("Why (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
        help_text=gettext_lazy("The reviewer gets this note with the news."),
    )


class PublishForm(WorkflowForm):
    at = forms.SplitDateTimeField(
        label=gettext_lazy("Publish at"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=gettext_lazy(
            "Leave empty to publish now. A later time schedules it: readers see it "
            "from then on."
        ),
    )

    #: The version the editor has in front of them (``workflow.publish``).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    #: A revision's class and public note (``workflow.publish``).
    change_class = forms.ChoiceField(
        label=gettext_lazy("Kind of change"),
        choices=[("", "---------"), *ChangeClass.choices],
        help_text=gettext_lazy(
            "Minor: a typo or style, no change to claims, verdicts or sources; you "
            "may publish it yourself, without review, and readers are told "
            "nothing. Any other kind goes on the article and the corrections log "
            "with its date and your note; a re-rating (any change to a rating) "
            "needs another editor's vote for the new rating."
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("Public note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=gettext_lazy(
            "What changed and why, for readers. Required unless the change is "
            "minor (then it only goes in the history)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.factcheck.lock_version
        if self.factcheck.revision_of_id is not None:
            # A revision replaces what readers see now; it cannot be scheduled.
            del self.fields["at"]
        else:
            del self.fields["change_class"], self.fields["note"]


class UnpublishForm(WorkflowForm):
    note = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=gettext_lazy("It goes on the record and to the authors."),
    )
    retract = forms.BooleanField(
        label=gettext_lazy("Retract"),
        required=False,
        help_text=gettext_lazy(
            "Withdraw it for good instead of returning it to draft for rework."
        ),
    )


class AssignForm(WorkflowForm):
    assignee = forms.ModelChoiceField(
        get_user_model().objects.none(), label=gettext_lazy("Reviewer")
    )
    due_at = forms.SplitDateTimeField(
        label=gettext_lazy("Due"), required=False, widget=AdminSplitDateTime
    )
    priority = forms.ChoiceField(
        label=gettext_lazy("Priority"),
        choices=Priority.choices,
        initial=Priority.NORMAL,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            permissions.editors()
            .select_related("profile")
            .order_by("first_name", "last_name", "username")
        )
        self.fields["assignee"].label_from_instance = display_name
        self.initial.setdefault("assignee", self.factcheck.assignee_id)
        self.initial.setdefault("due_at", self.factcheck.review_due_at)
        self.initial.setdefault("priority", self.factcheck.review_priority)


class VoteForm(WorkflowForm):
    claim = forms.ModelChoiceField(Claim.objects.none(), widget=forms.HiddenInput)
    rating = forms.ModelChoiceField(
        Rating.objects.all(), label=gettext_lazy("Rating"), empty_label=None
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.TextInput(
            attrs={"size": 30, "placeholder": gettext_lazy("Comment (optional)")}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claim"].queryset = Claim.objects.filter(factcheck=self.factcheck)


class PreviewLinkForm(WorkflowForm):
    days = forms.TypedChoiceField(
        label=gettext_lazy("Valid for"), coerce=int, initial=preview.DEFAULT_DAYS
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [
            (days, ngettext("%(days)d day", "%(days)d days", days) % {"days": days})
            for days in (1, 3, preview.DEFAULT_DAYS, 14, preview.MAX_DAYS)
        ]
