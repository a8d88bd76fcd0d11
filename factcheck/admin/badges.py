"""Coloured labels the admin shows for ratings and editorial states."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..models import Status

STATUS_COLOURS = {
    Status.DRAFT: "#4b5563",
    Status.REVIEW: "#9a3412",
    Status.PUBLISHED: "#166534",
    Status.RETRACTED: "#7f1d1d",
}


def rating_badge(rating):
    return format_html(
        '<span class="rating-badge" style="background:{};color:{}">{}</span>',
        rating.colour,
        rating.text_colour,
        rating.label,
    )


def status_badge(factcheck):
    """The state as a coloured label; a future publication reads "Scheduled"."""
    label = factcheck.get_status_display()
    if factcheck.is_scheduled:
        label = _("Scheduled")
    return format_html(
        '<span class="status-badge" style="background:{}">{}</span>',
        STATUS_COLOURS[factcheck.status],
        label,
    )
