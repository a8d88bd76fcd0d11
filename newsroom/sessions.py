"""Sessions that end after a spell without requests, without a write per request.

Each request of a signed-in person pushes the session's end back to
SESSION_COOKIE_AGE from now, but at most once every RENEW_SECONDS: Django's
SESSION_SAVE_EVERY_REQUEST would write the session on every admin request.
Readers have no session, so this never touches their requests.
"""

import time

RENEW_SECONDS = 60


class IdleTimeoutMiddleware:
    """Renew the session (new expiry, new cookie) if it was last renewed a minute ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get("renewed_at", 0) >= RENEW_SECONDS:
                session["renewed_at"] = now  # saved, and its cookie sent again
        return response
