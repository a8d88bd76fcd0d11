"""The workflow panel's buttons: each step's label, form, workflow call and message.

``workflow_panel`` shows the buttons a user may press and runs the one pressed;
what each button is lives here, one ``Step`` per workflow action.
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import panel, workflow
from .step_forms import (
    AssignForm,
    PublishForm,
    RequestChangesForm,
    UnpublishForm,
    VoteForm,
    WithdrawForm,
    WorkflowForm,
)

Action = workflow.Action


@dataclass(frozen=True)
class Step:
    """A workflow button: its form, the workflow call and what to say after."""

    action: str
    label: str
    form: type
    run: object  # run(factcheck, user, **form.cleaned_data) -> result
    done: object  # done(result) -> the message saying what happened


def _says(message):
    return lambda result: message


def _vote(factcheck, user, claim, rating, comment):
    return panel.vote(claim, user, rating, comment)


def _voted(ballot):
    if ballot.agrees:
        message = _("Your vote agrees with the rating “%(rating)s”.")
    else:
        message = _("Your vote proposes “%(rating)s”.")
    return message % {"rating": ballot.rating}


def _published(factcheck):
    if factcheck.is_scheduled:
        return _("Scheduled for %(when)s: readers see it from then on.") % {
            "when": formats.date_format(
                timezone.localtime(factcheck.published_at), "DATETIME_FORMAT"
            )
        }
    return _("Published: readers can see it now.")


STEPS = {
    step.action: step
    for step in [
        Step(
            Action.SUBMIT,
            gettext_lazy("Submit for review"),
            WorkflowForm,
            workflow.submit_for_review,
            _says(gettext_lazy("Submitted for review: the editors have been told.")),
        ),
        Step(
            Action.WITHDRAW,
            gettext_lazy("Withdraw from review"),
            WithdrawForm,
            workflow.withdraw_submission,
            _says(
                gettext_lazy(
                    "Withdrawn: it is a draft again. Submit it when it is ready."
                )
            ),
        ),
        Step(
            Action.ASSIGN,
            gettext_lazy("Assign review"),
            AssignForm,
            workflow.assign_review,
            _says(gettext_lazy("Review assigned: the reviewer has been told.")),
        ),
        Step(
            Action.REQUEST_CHANGES,
            gettext_lazy("Request changes"),
            RequestChangesForm,
            workflow.request_changes,
            _says(gettext_lazy("Sent back to the authors with your note.")),
        ),
        Step(
            Action.PUBLISH,
            gettext_lazy("Publish"),
            PublishForm,
            workflow.publish,
            _published,
        ),
        Step(
            Action.REVISE,
            gettext_lazy("Start a revision"),
            WorkflowForm,
            workflow.start_revision,
            _says(
                gettext_lazy(
                    "Revision started: readers keep seeing the live version until "
                    "this revision is published."
                )
            ),
        ),
        Step(
            Action.UNPUBLISH,
            gettext_lazy("Unpublish"),
            UnpublishForm,
            workflow.unpublish,
            _says(gettext_lazy("Taken off the site; the reason is on the record.")),
        ),
        Step(
            Action.VOTE,
            gettext_lazy("Vote"),
            VoteForm,
            _vote,
            _voted,
        ),
    ]
}
