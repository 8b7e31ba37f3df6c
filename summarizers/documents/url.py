"""A document from a link: fetch the page, keep its article text (trafilatura), refuse what a server should not fetch.

Guards, because the app fetches on behalf of whoever types a link: only http and https; every address the host
resolves to, on the first request and after each redirect, must be public (private, loopback, link-local and
reserved addresses are refused unless SAAR_ALLOW_PRIVATE_URLS is set); at most MAX_REDIRECTS redirects; a timeout on
connecting and on each read; at most `settings.max_bytes()` bytes read. A page with no article text is an error that
says so, never an empty summary.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO

from summarizers import settings
from summarizers.documents.reading import Document, decode, from_text, html_to_text, read_bytes
from summarizers.errors import DocumentError

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


def check_url(url: str) -> str:
    """The link, trimmed, when it may be fetched; a `DocumentError` saying why not otherwise."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise DocumentError(url or "link", "only http:// and https:// links can be fetched")
    if not parts.hostname:
        raise DocumentError(url, "the link has no host name")
    _check_host(url, parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))
    return url


def _check_host(url: str, host: str, port: int) -> None:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError) as error:
        raise DocumentError(url, f"the site {host} could not be found") from error
    if settings.allow_private_urls():
        return
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise DocumentError(url, "links to private or local network addresses are not fetched")


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
    opener = urllib.request.build_opener(_CheckedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"})
    try:
        with opener.open(request, timeout=settings.fetch_timeout()) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get_content_type()
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        if error.code in (301, 302, 303, 307, 308):
            raise DocumentError(url, f"the page redirected more than {MAX_REDIRECTS} times") from error
        raise DocumentError(url, f"the site answered {error.code} ({error.reason})") from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, DocumentError):
            raise reason from error
        if isinstance(reason, TimeoutError | socket.timeout):
            raise DocumentError(url, "the site took too long to answer") from error
        raise DocumentError(url, f"the page could not be fetched ({reason})") from error
    except TimeoutError as error:
        raise DocumentError(url, "the site took too long to answer") from error
    except OSError as error:
        raise DocumentError(url, f"the page could not be fetched ({error})") from error
    if len(data) > limit:
        raise DocumentError(url, f"the page is larger than the limit of {limit / 1e6:.0f} MB")
    return data, content_type, final_url


def _article(markup: str) -> tuple[str, str | None, str | None]:
    """The article's text, title and date; the text is empty when the page holds no article."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(markup)
    title = metadata.title if metadata is not None else None
    date = metadata.date if metadata is not None else None
    # Precision first; a short page trafilatura declines entirely is read whole (menus and all) rather than lost.
    return (text or html_to_text(markup)), title, date


def fetch(url: str) -> FetchedPage:
    """The article at `url`; every failure is a `DocumentError` naming the link and saying why in plain words."""
    url = check_url(url)
    data, content_type, final_url = _read(url)
    if content_type in ("text/html", "application/xhtml+xml"):
        markup, _ = decode(data, url)
        text, title, date = _article(markup)
        if sum(ch.isalpha() for ch in text) < MIN_ARTICLE_LETTERS:
            raise DocumentError(url, "no article text was found on this page (it may be an index, a video or a login)")
        if title and not text.lstrip().startswith(title):
            text = f"{title}\n\n{text}"
        return FetchedPage(from_text(text, title or url), final_url, title, date)
    if content_type.startswith("text/"):
        text, _ = decode(data, url)
        return FetchedPage(from_text(text, url), final_url)
    document = read_bytes(data, urllib.parse.urlsplit(final_url).path.rsplit("/", 1)[-1] or url)
    return FetchedPage(document, final_url)
