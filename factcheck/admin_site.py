"""The newsroom's admin site (Django's, with its sign-in door): the admin
classes register on it from ``factcheck.admin``.

A password opens it for staff without an authenticator app; those with one
also give a one-time code (django-otp's TOTP devices). When a group's sign-in
rule requires a second factor, its members who have none are sent to set one
up before any admin page opens. Guessing passwords is throttled by django-axes
(settings), guessing codes by each device's own back-off.
"""

import base64
import io
from functools import wraps

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import permissions

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
)


class SignInForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """Username and password, and a code for those with an authenticator app."""

    otp_token = forms.CharField(
        required=False,
        label=_("Code from your authenticator app"),
        help_text=_("Only if you have set up two-factor sign-in."),
        widget=CODE_WIDGET,
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = user and TOTPDevice.objects.devices_for_user(user).first()
        if device:
            # The one authenticator a person has is the device the code is for.
            cleaned_data["otp_device"] = device.persistent_id
            self.clean_otp(user)
        return cleaned_data


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"), max_length=8, widget=CODE_WIDGET
    )


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom")
    site_title = _("Newsroom admin")
    index_title = _("Fact-checks, sources and the desk's workflow")
    login_form = SignInForm

    def has_permission(self, request):
        return super().has_permission(request) and not permissions.needs_second_factor(
            request.user
        )

    def admin_view(self, view, cacheable=False):
        """Send staff who still owe a second factor to set it up or give it."""
        guarded = super().admin_view(view, cacheable)

        @wraps(view)
        def inner(request, *args, **kwargs):
            if permissions.needs_second_factor(request.user):
                return redirect("admin:two_factor")
            return guarded(request, *args, **kwargs)

        return inner

    def get_urls(self):
        # Imported here: the admin package registers on this site.
        from .admin import readiness

        return [
            path("two-factor/", self.two_factor, name="two_factor"),
            path(
                "readiness/",
                self.admin_view(readiness.dashboard),
                {"admin_site": self},
                name="readiness",
            ),
            path(
                "readiness.csv",
                self.admin_view(readiness.export),
                {"admin_site": self},
                name="readiness_csv",
            ),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def two_factor(self, request):
        """Set up an authenticator app (or, with one, give its code)."""
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect("admin:login")
        confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        device = confirmed or TOTPDevice.objects.filter(user=user).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name="Authenticator app", confirmed=False
            )
        form = CodeForm(request.POST or None)
        allowed, _why = device.verify_is_allowed()
        if form.is_valid() and not allowed:
            form.add_error(
                "token", _("Too many wrong codes: wait a few seconds, then try again.")
            )
        elif form.is_valid():
            if device.verify_token(form.cleaned_data["token"].strip()):
                if not device.confirmed:
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    messages.success(request, _("Two-factor sign-in is set up."))
                otp_login(request, device)
                return redirect("admin:index")
            form.add_error(
                "token",
                _(
                    "That code did not match. Codes change every 30 seconds: "
                    "check that your phone's clock is right and try the new one."
                ),
            )
        context = {
            **self.each_context(request),
            "title": _("Two-factor sign-in"),
            "form": form,
            "setting_up": not device.confirmed,
            "required": permissions.needs_second_factor(user),
        }
        if not device.confirmed:
            context["qr_code"] = _qr_svg(device.config_url)
            context["secret"] = " ".join(
                _grouped(base64.b32encode(device.bin_key).decode())
            )
        return TemplateResponse(request, "admin/two_factor.html", context)


def _grouped(text, size=4):
    return [text[start : start + size] for start in range(0, len(text), size)]


def _qr_svg(data):
    """The setup link as an inline SVG QR code for the phone's camera."""
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 (our own drawing)
