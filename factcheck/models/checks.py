"""Database checks several models share."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def web_address(model_name, field):
    """A check that ``field`` is empty or an http(s) address, at every save.

    Forms validate URLs fully; this holds the line for every other way in
    (imports, scripts, the shell), so no ``javascript:`` or ``data:`` link can
    be stored for a reader to click.
    """
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "http://"})
        | Q(**{f"{field}__istartswith": "https://"}),
        name=f"{model_name}_{field}_is_web_address",
        violation_error_message=_(
            "Enter a web address starting with http:// or https://."
        ),
    )
