"""The public forms readers use to write to the desk, rendered with crispy-forms."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReaderMessage

MESSAGE_MAX_LENGTH = 5000


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
    name = forms.CharField(
        label=_("Your name (optional)"), required=False, max_length=120
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_("Only if you would like a reply. We never publish it."),
    )
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ReaderMessage
        fields = ["message", "url", "name", "email"]

    def __init__(self, *args, submit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_class = "reader-form"
        self.helper.add_input(Submit("submit", submit_label, css_class="button"))
        self.fields["website"].widget.attrs["class"] = "trap"

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
