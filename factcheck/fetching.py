"""Fetching a source's address from a background job, without being turned
against the newsroom's own network.

A source's URL is typed by a journalist, or pasted from a page someone else
wrote, so it is untrusted: it could name the cloud's metadata service, a
database on the private network, or a public name that resolves to either.
Every hop is therefore resolved once, refused if any of its addresses is
not a public one, and connected to at the vetted address itself (the name
only goes into the Host header and TLS's SNI), so a second lookup cannot
point the connection elsewhere (DNS rebinding). Redirects are followed a few
times, each one vetted the same way; only http and https are spoken.

Each failure is an exception saying what went wrong; ``FetchError.transient``
says whether trying again later could help. ``FACTCHECK_FETCH_TIMEOUT`` bounds
the connection and each read, ``FACTCHECK_FETCH_DEADLINE`` the whole fetch (a
server dripping a byte at a time is cut off), ``FACTCHECK_FETCH_MAX_BYTES``
the body. ``FACTCHECK_FETCH_ALLOW_ADDRESSES`` names networks let through
although not public (empty, except in tests against a local server).
"""

import contextlib
import hashlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

#: Redirects followed before giving up.
MAX_REDIRECTS = 3
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024

#: How host names are looked up: ``socket.getaddrinfo``'s signature. Tests
#: replace it, so that no test ever asks the network's DNS.
resolver = socket.getaddrinfo


class FetchError(Exception):
    """The source could not be fetched; the message says why, for editors."""

    transient = False


class Refused(FetchError):
    """The address is not one the newsroom fetches (scheme, private network)."""


class Unresolvable(FetchError):
    """The host name does not exist (any more)."""


class TooLarge(FetchError):
    """The body is larger than FACTCHECK_FETCH_MAX_BYTES."""


class TooSlow(FetchError):
    """The server did not answer, or not in full, in time."""

    transient = True


class Unreachable(FetchError):
    """The connection failed or broke off: the server may be back later."""

    transient = True


@dataclass(frozen=True)
class Fetched:
    """What the server answered, with the body as served (no decoding)."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes

    @property
    def sha256(self):
        return hashlib.sha256(self.body).hexdigest()


def fetch(url):
    """GET ``url`` and return what was served, following a few redirects.

    Raises a ``FetchError`` subclass; any HTTP status other than a redirect
    is returned (the caller decides what a 404 means).
    """
    deadline = time.monotonic() + settings.FACTCHECK_FETCH_DEADLINE
    target = url
    for _hop in range(MAX_REDIRECTS + 1):
        response_status, headers, body = _get(target, deadline)
        location = headers.get("Location")
        if response_status in REDIRECTS and location:
            target = urljoin(target, location.strip())
            continue
        return Fetched(
            url=url,
            final_url=target,
            status=response_status,
            content_type=headers.get("Content-Type", "")[:200],
            body=body,
        )
    raise FetchError(_("More than %(count)s redirects.") % {"count": MAX_REDIRECTS})


def is_public(address):
    """Whether ``address`` (an ``ipaddress`` object) is on the public internet."""
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _allowed(address):
    return any(
        address in ipaddress.ip_network(network, strict=False)
        for network in settings.FACTCHECK_FETCH_ALLOW_ADDRESSES
    )


def vetted_addresses(host, port):
    """Every address ``host`` resolves to; Refused if any is not public."""
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise Unresolvable(
            _("The name %(host)s does not resolve.") % {"host": host}
        ) from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise Unresolvable(_("The name %(host)s does not resolve.") % {"host": host})
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if not is_public(address) and not _allowed(address):
            raise Refused(
                _(
                    "%(host)s points to %(address)s, a private, local or reserved "
                    "address: not fetched."
                )
                % {"host": host, "address": text}
            )
    return addresses


class _Pinned:
    """A connection to an address vetted beforehand, whatever DNS says now."""

    def __init__(self, host, port, addresses, **kwargs):
        super().__init__(host, port, **kwargs)
        self.addresses = addresses

    def _open_socket(self):
        error = None
        for address in self.addresses:
            try:
                return socket.create_connection((address, self.port), self.timeout)
            except OSError as failure:
                error = failure
        raise error


class _Connection(_Pinned, http.client.HTTPConnection):
    def connect(self):
        self.sock = self._open_socket()


class _TLSConnection(_Pinned, http.client.HTTPSConnection):
    def connect(self):
        self.sock = self._context.wrap_socket(
            self._open_socket(), server_hostname=self.host
        )


def _get(url, deadline):
    """One GET of ``url``: its status, headers and body (empty for a redirect)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(_("Only http and https addresses are fetched."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise Refused(_("The address has an invalid port.")) from error
    addresses = vetted_addresses(parts.hostname, port)
    kind = _TLSConnection if parts.scheme == "https" else _Connection
    connection = kind(
        parts.hostname,
        port,
        addresses,
        timeout=min(settings.FACTCHECK_FETCH_TIMEOUT, _left(deadline)),
    )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    # Past the deadline the socket is shut, so a server that answers one
    # byte at a time (each within the read timeout) is still cut off.
    expired = threading.Event()

    def expire():
        expired.set()
        if connection.sock is not None:
            with contextlib.suppress(OSError):  # closed meanwhile
                connection.sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(_left(deadline), expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request("GET", path, headers=_headers())
        response = connection.getresponse()
        headers = response.headers
        if response.status in REDIRECTS:
            return response.status, headers, b""
        return response.status, headers, _read(response, deadline, expired)
    except FetchError:
        raise
    except TimeoutError as error:
        raise TooSlow(_("The server did not answer in time.")) from error
    except ssl.SSLError as error:
        raise FetchError(
            _("The secure connection failed: %(error)s") % {"error": error}
        ) from error
    except (OSError, http.client.HTTPException) as error:
        if expired.is_set():
            raise TooSlow(_("The server did not send the page in time.")) from error
        raise Unreachable(
            _("The connection failed: %(error)s")
            % {"error": str(error) or type(error).__name__}
        ) from error
    finally:
        watchdog.cancel()
        connection.close()


def _read(response, deadline, expired):
    limit = settings.FACTCHECK_FETCH_MAX_BYTES
    too_large = TooLarge(
        _("The page is larger than %(size)s bytes: not archived.") % {"size": limit}
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    if expired.is_set() or _left(deadline) <= 0:
        raise TooSlow(_("The server did not send the page in time."))
    return b"".join(chunks)


def _left(deadline):
    return max(deadline - time.monotonic(), 0.001)


def _headers():
    return {
        "User-Agent": f"{settings.SITE_NAME} evidence locker (+{settings.SITE_URL})",
        "Accept": "*/*",
        # The bytes as served: no compression to undo.
        "Accept-Encoding": "identity",
    }
