"""Who may do what: every rule about people and roles, in one place.

Pure questions over a user and a record, answered from the models alone.
The workflow, the rating panel and the edit service ask here before they
write; the admin asks here to show or hide a button or a field, and the reader
views ask here before showing a preview. Nothing in this module writes.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    EDITOR_PERMISSION,
    Claimant,
    Expert,
    FactCheck,
    Status,
    TransitionLog,
)

Action = TransitionLog.Action


def editors(*, include_superusers=True):
    """The active users who may publish, by group or by their own permission.

    Asked of the model backend by name: django-axes' backend beside it only
    guards signing in and knows no permissions.
    """
    return get_user_model().objects.with_perm(
        EDITOR_PERMISSION,
        include_superusers=include_superusers,
        backend="django.contrib.auth.backends.ModelBackend",
    )


def needs_second_factor(user):
    """True while a signed-in staff member must still give a one-time code.

    Those with an authenticator app (django-otp's TOTP device) always give
    one; those without must set one up first when a group of theirs requires
    it (SignInRule).
    ``is_verified`` comes from django-otp's middleware.
    """
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_verified():
        return False
    # Asked twice a request (the admin's door and its permission check), so
    # kept on the user object, like Django's own permission cache.
    if not hasattr(user, "_owes_second_factor"):
        user._owes_second_factor = (
            get_user_model()
            .objects.filter(pk=user.pk)
            .filter(
                Q(totpdevice__confirmed=True)
                | Q(groups__sign_in_rule__two_factor_required=True)
            )
            .exists()
        )
    return user._owes_second_factor


class NotAllowed(PermissionDenied):
    """The user's role does not allow this step on this record."""


#: The role each editorial step needs, as a Django permission.
STEP_PERMISSIONS = {
    Action.SUBMIT: "factcheck.submit_factcheck",
    Action.WITHDRAW: "factcheck.submit_factcheck",
    Action.REQUEST_CHANGES: EDITOR_PERMISSION,
    Action.PUBLISH: EDITOR_PERMISSION,
    Action.UNPUBLISH: EDITOR_PERMISSION,
    Action.RETRACT: EDITOR_PERMISSION,
    Action.ASSIGN: EDITOR_PERMISSION,
    Action.VOTE: EDITOR_PERMISSION,
    # A revision is a new fact-check row, copied from the live one.
    Action.REVISE: "factcheck.add_factcheck",
    Action.RESTORE: "factcheck.change_factcheck",
}


def is_author(user, factcheck):
    """True if ``user`` is on the byline or created the fact-check."""
    return user.is_authenticated and user.pk in factcheck.author_ids()


def is_editor(user):
    return user.is_active and user.has_perm(EDITOR_PERMISSION)


def _may_write(user, factcheck):
    """Journalists work on what they wrote; editors on everyone's articles."""
    return is_author(user, factcheck) or user.has_perm("factcheck.edit_any_factcheck")


def is_self_approval(user, factcheck):
    """The four-eyes rule: an author may not approve their own work (nor a superuser)."""
    return is_author(user, factcheck) and not settings.FACTCHECK_ALLOW_SELF_PUBLISH


def has_role_for(user, action):
    """Whether ``user``'s role allows ``action`` on some fact-check (bulk actions)."""
    return user.has_perm(STEP_PERMISSIONS[action])


def step_refusal(user, factcheck, action):
    """Why ``user`` may not take ``action`` on ``factcheck``, or None if they may.

    With ``factcheck`` None only the role is checked.
    """
    if not has_role_for(user, action):
        return _("You do not have permission to do this.")
    if factcheck is None:
        return None
    if action == Action.SUBMIT and not _may_write(user, factcheck):
        return _("Only the article's authors can submit it.")
    if action == Action.WITHDRAW and not is_author(user, factcheck):
        return _(
            "Only the article's authors can withdraw it; an editor requests changes."
        )
    if action == Action.RESTORE and not _may_write(user, factcheck):
        return _("Only the article's authors and the editors can restore its versions.")
    if action == Action.REVISE and not _may_write(user, factcheck):
        return _("Only the article's authors and the editors can revise it.")
    if (
        action == Action.PUBLISH
        and is_self_approval(user, factcheck)
        # A revision's own editor may publish it alone as a minor change:
        # ``workflow.publish`` checks four eyes once the class is known.
        and factcheck.revision_of_id is None
    ):
        return _("You wrote this fact-check, so another editor has to publish it.")
    if action == Action.VOTE and is_self_approval(user, factcheck):
        return _("You wrote this fact-check, so you cannot vote on its ratings.")
    return None


def check_step(user, factcheck, action):
    """Raise ``NotAllowed`` unless ``user`` may take ``action`` (see ``step_refusal``)."""
    refusal = step_refusal(user, factcheck, action)
    if refusal:
        raise NotAllowed(refusal)


def can_create(user):
    return user.has_perm("factcheck.add_factcheck")


def can_edit(user, factcheck):
    """Whether ``user`` may change the fact-check's content in its current state.

    Journalists edit their own drafts; editors edit drafts and, unless they
    wrote it, articles in review. A scheduled article was approved as it
    stands, so it is frozen like a live one: to change it, an editor takes it
    off the schedule (back to draft) and it goes through review again.
    """
    if not user.has_perm("factcheck.change_factcheck"):
        return False
    if factcheck.pk is None:
        return True
    if factcheck.status == Status.DRAFT:
        return _may_write(user, factcheck)
    # In review, an editor may fix what they review, but not their own work:
    # the reviewer would then publish changes nobody else has seen.
    return (
        factcheck.status == Status.REVIEW
        and user.has_perm("factcheck.edit_any_factcheck")
        and not is_self_approval(user, factcheck)
    )


def may_comment(user, factcheck):
    """Review comments are the reviewer's: an editor who did not write the article."""
    return is_editor(user) and not is_self_approval(user, factcheck)


def may_answer_comments(user, factcheck):
    """The article's authors and the editors reply to review comments and resolve them."""
    return is_author(user, factcheck) or is_editor(user)


def can_set_editor_credit(user):
    """The "edited by" credit is the editors' to give, not the authors'."""
    return is_editor(user)


def check_byline_change(user, authors_before, authors_after):
    """Refuse to let ``user`` take their own name off a byline.

    The four-eyes rule goes by the byline: an editor who could drop their own
    name could then approve their own work. Someone else has to remove it.
    """
    if (
        user.pk in authors_before
        and user.pk not in authors_after
        and not settings.FACTCHECK_ALLOW_SELF_PUBLISH
    ):
        raise ValidationError(
            _(
                "You cannot take your own name off the byline: ask an editor to, "
                "so that someone other than an author approves the fact-check."
            ),
            code="own_byline",
        )


def can_delete(user, factcheck):
    """Whether ``user`` may delete ``factcheck``: only what readers never saw.

    Anything once published stays on record; it is unpublished or retracted.
    """
    return (
        factcheck.first_published_at is None
        and user.has_perm("factcheck.delete_factcheck")
        and can_edit(user, factcheck)
    )


def can_correct(user, factcheck):
    """Whether ``user`` may append a correction: only to what readers have seen.

    A scheduled article is not there yet (its first publication is ahead).
    """
    first = factcheck.first_published_at
    return (
        first is not None
        and first <= timezone.now()
        and user.has_perm("factcheck.add_correction")
    )


def can_preview(user, factcheck):
    """Whether ``user`` may see an unpublished fact-check as readers will."""
    return user.is_authenticated and (
        user.has_perm("factcheck.edit_any_factcheck")
        or (user.has_perm("factcheck.view_factcheck") and is_author(user, factcheck))
    )


def can_share_preview(user):
    """Editors may send a signed preview link to someone without an account."""
    return user.has_perm(EDITOR_PERMISSION)


#: Where a directory record shows in an article, as a lookup from FactCheck.
_SHOWN_IN = {Claimant: "claims__claimant", Expert: "quotes__expert"}


def can_see_reader_contact(user):
    """A reader's name, email and screenshot: editors only.

    Journalists triage the messages; replying is the editors'.
    """
    return is_editor(user)


def can_answer_reader(user):
    """Whether ``user`` may write to a reader (``tipsters.answer``): editors."""
    return is_editor(user)


def can_handle_reader_messages(user):
    """Triage: link a tip to a fact-check, start a draft from it, mark it done."""
    return user.has_perm("factcheck.change_readermessage")


def can_change_directory_entry(user, record):
    """Claimants and experts are shared records that published articles show.

    Journalists keep the directories, but once a record appears in something
    readers see, changing it changes a published article: that is for editors.
    """
    if is_editor(user):
        return True
    lookup = _SHOWN_IN[type(record)]
    return not FactCheck.objects.published().filter(**{lookup: record}).exists()


def can_change_any_profile(user):
    """Editors keep everyone's author profile."""
    return user.has_perm("factcheck.edit_any_factcheck") and user.has_perm(
        "factcheck.change_authorprofile"
    )


def can_change_profile(user, profile):
    """Everyone keeps their own author profile; editors keep everyone's."""
    return profile.user_id == user.pk or can_change_any_profile(user)


def can_move_profile(user):
    """Whose profile it is decides whose byline it signs: only a superuser moves it."""
    return user.is_superuser
