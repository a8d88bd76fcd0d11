"""The evidence locker's archived copies, served to readers from our own storage.

An archived page is someone else's HTML (or PDF, or image) served from the
newsroom's origin, so it is served as inert: in a CSP sandbox (no scripts,
no forms, an origin of its own, so no cookies), loading nothing from
anywhere, with its declared type kept and never sniffed. The bytes at a hash
never change, so browsers and CDNs may keep them; for a day only, since the
copy stops being served when its article leaves the site.
"""

import mimetypes
import re

from django.http import FileResponse, Http404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.csp import CSP
from django.utils.http import content_disposition_header, quote_etag
from django.views.decorators.csp import csp_override

from .. import locker

#: An archived page runs nothing and fetches nothing (not even its images:
#: readers' addresses are not sent to the source's site from our page).
SANDBOX = {
    "sandbox": True,
    "default-src": [CSP.NONE],
    "img-src": ["data:"],
    "style-src": [CSP.UNSAFE_INLINE],
}
MAX_AGE = 24 * 3600
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_CHARSET = re.compile(r";\s*charset=\"?([A-Za-z0-9_.:-]{1,40})\"?", re.IGNORECASE)


def safe_content_type(declared):
    """``declared`` rebuilt from its media type and charset, or octet-stream.

    A stored header is the source server's text: only a well-formed type
    reaches our response.
    """
    media_type = declared.split(";", 1)[0].strip().lower()
    if not _MEDIA_TYPE.fullmatch(media_type):
        return "application/octet-stream"
    charset = _CHARSET.search(declared)
    return f"{media_type}; charset={charset[1]}" if charset else media_type


@csp_override(SANDBOX)
def archived_source(request, sha256):
    """The archived copy with these bytes, if a published article cites it."""
    snapshot = locker.served(sha256)
    if snapshot is None:
        raise Http404
    etag = quote_etag(sha256)
    content_type = safe_content_type(snapshot.content_type)
    response = get_conditional_response(request, etag=etag) or FileResponse(
        locker.storage().open(snapshot.file), content_type=content_type
    )
    extension = mimetypes.guess_extension(content_type.split(";")[0]) or ""
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"archived-{sha256[:12]}{extension}"
    )
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    # Someone else's words: not to be indexed as the newsroom's page.
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, public=True, max_age=MAX_AGE, immutable=True)
    return response
