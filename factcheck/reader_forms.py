"""The public forms readers use to write to the desk, rendered with crispy-forms."""

import time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import images
from .models import ReaderMessage

MESSAGE_MAX_LENGTH = 5000
#: Signs when the form was shown, so the time spent on it can be trusted.
STARTED_SALT = "factcheck.reader_forms.started"
#: A form shown longer ago than this is sent again from a fresh page.
STARTED_MAX_AGE = 24 * 3600


class ReaderMessageForm(forms.ModelForm):
    """A tip or an error report. ``website`` is a trap for bots: people leave it empty."""

    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    url = forms.URLField(
        label=_("Where did you see it? (link, optional)"),
        required=False,
        max_length=1000,
        assume_scheme="https",
    )
    screenshot = forms.FileField(
        label=_("A screenshot (optional)"),
        required=False,
        help_text=_(
            "A JPEG, PNG or WebP image of the post or message, up to %(size)s. "
            "Only our editors see it; we remove its metadata (such as where it "
            "was taken)."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"), required=False, max_length=120
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if you would like a reply. We never publish it."),
    )
    may_email = forms.BooleanField(
        label=_(
            "You may email me about this message: to ask me about it, and to tell "
            "me our verdict. We use the address for nothing else and share it "
            "with nobody."
        ),
        required=False,
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ReaderMessage
        fields = ["message", "url", "screenshot", "name", "email", "may_email"]

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = signing.dumps(time.time(), salt=STARTED_SALT)
        self.fields["screenshot"].help_text %= {
            "size": filesizeformat(settings.FACTCHECK_MAX_SCREENSHOT_BYTES)
        }
        self.helper = FormHelper()
        self.helper.form_class = "reader-form"
        self.helper.add_input(Submit("submit", submit_label, css_class="button"))
        self.fields["website"].widget.attrs["class"] = "trap"

    def clean_screenshot(self):
        """Checked with Pillow and re-encoded: no EXIF, no payload, a random name."""
        upload = self.cleaned_data.get("screenshot")
        if not upload:
            return None
        images.validate_image(upload, max_bytes=settings.FACTCHECK_MAX_SCREENSHOT_BYTES)
        return images.scrub(upload)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("email") and not cleaned_data.get("may_email"):
            self.add_error(
                "may_email",
                _(
                    "Tick this box so that we may write to you, or leave your "
                    "email out."
                ),
            )
        self._check_time_on_form(cleaned_data.get("started", ""))
        return cleaned_data

    def _check_time_on_form(self, started):
        """Refuse a form sent faster than a person writes (a script, mostly)."""
        minimum = settings.FACTCHECK_MIN_FORM_SECONDS
        if not minimum:
            return
        try:
            shown_at = signing.loads(
                started, salt=STARTED_SALT, max_age=STARTED_MAX_AGE
            )
        except signing.BadSignature:  # missing, altered or a day old
            self.add_error(
                None,
                _("Please send this form again from its page: reload it first."),
            )
            return
        if time.time() - shown_at < minimum:
            self.add_error(
                None,
                _(
                    "That was quick: please read your message over once more, "
                    "then send it again."
                ),
            )

    @property
    def is_from_a_bot(self):
        return bool(self.cleaned_data.get("website"))


class TipForm(ReaderMessageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, submit_label=_("Send the claim"), **kwargs)
        self.fields["message"].label = _("What claim should we check?")
        self.fields["message"].help_text = _(
            "Quote it as closely as you can and say who made it."
        )


class ErrorReportForm(ReaderMessageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, submit_label=_("Send the report"), **kwargs)
        self.fields["message"].label = _("What is wrong?")
        self.fields["message"].help_text = _(
            "Tell us what the article says, what it should say, and how you know."
        )
        self.fields["url"].label = _("A link to evidence (optional)")
