"""The page for an error nobody handled: 503 when the database is away.

An unreachable database is an outage, not a bug: the reader gets "back in a
moment" with ``Retry-After`` (crawlers come back instead of dropping the
page) rather than "something went wrong". Neither page touches the database.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return django_server_error(request)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
