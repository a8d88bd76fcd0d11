"""The forms readers write to the desk with: suggest a claim, report an error."""

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView

from .. import inbox
from ..models import FactCheck, ReaderMessage
from ..reader_forms import ErrorReportForm, TipForm


class _ReaderMessageView(FormView):
    """Take a message from a reader (``inbox.receive``) and thank them."""

    template_name = "factcheck/reader_message_form.html"
    kind = None
    factcheck = None

    def form_valid(self, form):
        try:
            inbox.receive(
                request=self.request,
                form=form,
                kind=self.kind,
                factcheck=self.factcheck,
            )
        except inbox.TooManyMessages as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        return redirect("factcheck:thanks")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kind=self.kind, factcheck=self.factcheck, **kwargs
        )


class SuggestClaimView(_ReaderMessageView):
    """Readers suggest a claim the desk should check."""

    form_class = TipForm
    kind = ReaderMessage.Kind.TIP


class ReportErrorView(_ReaderMessageView):
    """Readers report an error in a published fact-check."""

    form_class = ErrorReportForm
    kind = ReaderMessage.Kind.ERROR

    def dispatch(self, request, *args, **kwargs):
        self.factcheck = get_object_or_404(
            FactCheck.objects.published(), slug=kwargs["slug"]
        )
        return super().dispatch(request, *args, **kwargs)
