"""A document from a link: fetch the page, keep its article text (trafilatura), refuse what a server should not fetch.

Guards, because the app fetches on behalf of whoever types a link: only http and https; every address the host
resolves to, on the first request and after each redirect, must be public (private, loopback, link-local and
reserved addresses are refused unless SAAR_ALLOW_PRIVATE_URLS is set); at most MAX_REDIRECTS redirects; a timeout on
connecting and on each read; at most `settings.max_bytes()` bytes read. A page with no article text is an error that
says so, never an empty summary.

The address checked is the address connected to. Each connection resolves its host once, checks every address of
that answer and connects to one of those very addresses (the request still names the host, and TLS still checks its
certificate and sends it as SNI), so a DNS server that answers a public address to the check and a private one a
moment later (DNS rebinding) gains nothing. For the same reason no proxy from the environment is used: a proxy
would resolve the host itself, out of reach of the check.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, replace
from http.client import HTTPMessage
from typing import IO, Any

from summarizers import settings
from summarizers.documents.html import extract_article, html_limits_check
from summarizers.documents.limits import Budget
from summarizers.documents.reading import Document, decode, from_text, read_bytes
from summarizers.errors import DocumentError
from summarizers.messages import Message

MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
USER_AGENT = "Saar/1.0 (news summarizer; fetches one page a user asked for)"
MIN_ARTICLE_LETTERS = 200  # less than this is a login wall, a cookie notice or an index page


@dataclass(frozen=True)
class FetchedPage:
    """A fetched article: its text as a document, the address it was finally read from, its title and date."""

    document: Document
    url: str
    title: str | None = None
    date: str | None = None


Address = tuple[socket.AddressFamily, socket.SocketKind, int, tuple[object, ...]]


def check_url(url: str) -> str:
    """The link, trimmed, when it may be fetched; a `DocumentError` saying why not otherwise."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise DocumentError(url or "link", Message("reading.link_scheme"))
    if not parts.hostname:
        raise DocumentError(url, Message("reading.link_no_host"))
    # An early, clear answer for the user; the connection checks again the addresses it is about to use.
    _checked_addresses(url, parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))
    return url


def _is_refused(address: str) -> bool:
    """Whether an address is private, loopback, link-local, reserved or multicast (refused unless allowed)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    return not ip.is_global or ip.is_multicast


def _checked_addresses(url: str, host: str, port: int) -> list[Address]:
    """The host's addresses from one lookup, when every one of them may be fetched; a `DocumentError` otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise DocumentError(url, Message("reading.site_not_found", host=host)) from error
    if not infos:
        raise DocumentError(url, Message("reading.site_not_found", host=host))
    if not settings.allow_private_urls() and any(_is_refused(str(info[4][0])) for info in infos):
        raise DocumentError(url, Message("reading.private_address"))
    return [(family, kind, proto, tuple(sockaddr)) for family, kind, proto, _, sockaddr in infos]


def _connect_checked(
    host_port: tuple[str, int], timeout: float | None, source_address: tuple[str, int] | None
) -> socket.socket:
    """A socket connected to one of the addresses `_checked_addresses` allowed, from the same lookup (no second one)."""
    host, port = host_port
    last_error: OSError | None = None
    for family, kind, proto, sockaddr in _checked_addresses(f"{host}:{port}", host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
        except OSError as error:
            sock.close()
            last_error = error
            continue
        return sock
    assert last_error is not None  # _checked_addresses returns at least one address or raises
    raise last_error


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to a checked address of its host; the request still names the host."""

    def __init__(self, host: str, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = _connect_checked


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address of its host; the certificate and SNI are still the host's."""

    def __init__(self, host: str, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self._create_connection = _connect_checked


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self) -> None:
        self.context = ssl.create_default_context()
        super().__init__(context=self.context)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_CheckedHTTPSConnection, req, context=self.context)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, each to a link that passes `check_url`."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read(url: str) -> tuple[bytes, str, str]:
    """The page's bytes (at most the limit), its content type and the address it came from after redirects."""
    limit = settings.max_bytes()
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _CheckedHTTPHandler(), _CheckedHTTPSHandler(), _CheckedRedirects()
    )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"})
    try:
        with opener.open(request, timeout=settings.fetch_timeout()) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get_content_type()
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        if error.code in (301, 302, 303, 307, 308):
            raise DocumentError(url, Message("reading.too_many_redirects", limit=MAX_REDIRECTS)) from error
        answered = Message("reading.site_answered", status=error.code, status_text=str(error.reason))
        raise DocumentError(url, answered) from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, DocumentError):
            raise reason from error
        if isinstance(reason, TimeoutError | socket.timeout):
            raise DocumentError(url, Message("reading.site_timeout")) from error
        raise DocumentError(url, Message("reading.fetch_failed", error=str(reason))) from error
    except TimeoutError as error:
        raise DocumentError(url, Message("reading.site_timeout")) from error
    except OSError as error:
        raise DocumentError(url, Message("reading.fetch_failed", error=str(error))) from error
    if len(data) > limit:
        raise DocumentError(url, Message("reading.page_too_large", limit_mb=limit / 1e6))
    return data, content_type, final_url


def _article(markup: str, url: str) -> tuple[str, str | None, str | None]:
    """The article's text, title and date, read as an uploaded page is (`html.html_article`): the page's element and
    depth limits first, then trafilatura; a page it declines is read whole (menus and all) rather than lost."""
    plain, page_title, extractable = html_limits_check(markup, Budget(url))
    if not extractable:
        return plain, page_title, None
    text, found_title, date = extract_article(markup, metadata=True)
    return (text or plain), (page_title or found_title), date


def fetch(url: str) -> FetchedPage:
    """The article at `url`; every failure is a `DocumentError` naming the link and saying why in plain words."""
    try:
        return _fetch(url)
    except DocumentError:
        raise
    # The page reaches parsers and libraries the server does not control: whatever they raise, the person who gave
    # the link reads one plain line, never a traceback.
    except Exception as error:
        unreadable = Message("reading.page_unreadable", error_type=type(error).__name__)
        raise DocumentError(url.strip() or "link", unreadable) from error


def _fetch(url: str) -> FetchedPage:
    url = check_url(url)
    data, content_type, final_url = _read(url)
    if content_type in ("text/html", "application/xhtml+xml"):
        markup, _ = decode(data, url)
        text, title, date = _article(markup, url)
        if sum(ch.isalpha() for ch in text) < MIN_ARTICLE_LETTERS:
            raise DocumentError(url, Message("reading.no_article"))
        if title and not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
        return FetchedPage(replace(from_text(text, title or url), title=title), final_url, title, date)
    if content_type.startswith("text/"):
        text, _ = decode(data, url)
        return FetchedPage(from_text(text, url), final_url)
    document = read_bytes(data, urllib.parse.urlsplit(final_url).path.rsplit("/", 1)[-1] or url)
    return FetchedPage(document, final_url)
