"""How the newsroom's staff sign in: the rules editors set per group."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInRule(models.Model):
    """Whether a staff group's members must sign in with a second factor.

    One row per group; an editor turns it on for the Editors (say), and from
    their next request its members set up an authenticator app before they
    can use the admin (``permissions.needs_second_factor``).
    """

    group = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="sign_in_rule",
        verbose_name=_("group"),
    )
    two_factor_required = models.BooleanField(
        _("two-factor sign-in required"),
        default=False,
        help_text=_(
            "Members sign in with their password and a code from an "
            "authenticator app; those without one set it up first."
        ),
    )

    class Meta:
        verbose_name = _("sign-in rule")
        verbose_name_plural = _("sign-in rules")
        ordering = ["group__name"]

    def __str__(self):
        return self.group.name
