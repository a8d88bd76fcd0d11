"""Policy texts in versions: the only code that writes a ``PolicyVersion``.

A policy readers rely on (the methodology, the corrections policy, the
ownership statement) is never rewritten in place: an edit adds a version,
dated and signed, with a line on what changed, and every earlier version
stays readable at its own address. The admin and the demo call
``add_version``; the admin's form asks ``check_version`` first, so the form
and the service refuse the same things with the same words.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from .models import PolicyText, PolicyVersion
from .sanitize import clean_html

PERMISSION = "factcheck.add_policyversion"


def check_version(policy, *, body, note):
    """The next version of ``policy`` as given, unsaved; ValidationError if it
    is empty, has no note, or repeats the current text."""
    version = PolicyVersion(policy=policy, body=clean_html(body or ""), note=note)
    version.full_clean(exclude=["policy", "number", "created_by"])
    current = policy.current_version()
    if current is not None and current.body == version.body:
        raise ValidationError(
            {"body": _("The text is the same as the current version: change it first.")}
        )
    return version


def add_version(*, policy, body, note, user):
    """Publish a new version of ``policy`` as ``user``; return it.

    The policy's row is locked while the number is taken, so two editors
    saving at once get versions n and n+1, never two n.
    """
    if not user.has_perm(PERMISSION):
        raise PermissionDenied(_("Only editors may change the newsroom's policies."))
    with transaction.atomic():
        policy = PolicyText.objects.select_for_update().get(pk=policy.pk)
        version = check_version(policy, body=body, note=note)
        last = policy.versions.aggregate(last=Max("number"))["last"] or 0
        version.number = last + 1
        version.created_by = user
        version.save()
    return version
