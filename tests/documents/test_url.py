"""Fetching by link, against a local HTTP server: the article is kept, private addresses refused unless allowed."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest

from summarizers.documents import url as fetching
from summarizers.errors import DocumentError

PARAGRAPH = (
    "The state government announced on Monday a new plan to repair rural roads before the monsoon season, "
    "with work to begin in forty districts next month and to be finished by the end of the year."
)
ARTICLE = f"""<html><head><title>Roads plan announced</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Roads plan announced</h1>{"".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(6))}</article>
<footer>Share this story. Subscribe to our newsletter.</footer></body></html>"""
PAGES = {
    "/article": (200, "text/html; charset=utf-8", ARTICLE),
    "/empty": (200, "text/html", "<html><body><nav><a href='/a'>A</a></nav></body></html>"),
    "/plain": (200, "text/plain; charset=utf-8", PARAGRAPH),
    "/big": (200, "text/html", "<p>" + "x" * 3000 + "</p>"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, str]]] = []  # (path, Host header) of every request any test server received

    def do_GET(self) -> None:
        self.requests.append((self.path, self.headers.get("Host", "")))
        if self.path.startswith("/redirect-to/"):
            self.send_response(302)
            self.send_header("Location", "http://" + self.path.removeprefix("/redirect-to/"))
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(int(self.path[5:] or 0) + 1))
            self.end_headers()
            return
        if self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://example.com/file")
            self.end_headers()
            return
        status, content_type, body = PAGES.get(self.path, (404, "text/plain", "not found"))
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def hidden_server() -> Iterator[int]:
    """A server on another loopback address that no fetch should ever reach; its port."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.2", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()


def _resolver(answers: dict[str, list[str]]) -> Callable[..., Any]:
    """A `getaddrinfo` whose answers for the named hosts come from `answers`, one per lookup (the last one repeats)."""
    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        if host not in answers:
            return real(host, port, *args, **kwargs)
        queue = answers[host]
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    return getaddrinfo


@pytest.fixture
def allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_ALLOW_PRIVATE_URLS", "1")


@pytest.mark.usefixtures("allowed")
def test_an_article_page_gives_its_text_and_title_without_menus(server: str) -> None:
    page = fetching.fetch(f"{server}/article")
    assert page.title == "Roads plan announced"
    assert page.document.text.startswith("Roads plan announced")
    assert "rural roads" in page.document.text
    assert "Subscribe" not in page.document.text
    assert "Sport" not in page.document.text


@pytest.mark.usefixtures("allowed")
def test_plain_text_is_read_as_it_is(server: str) -> None:
    assert fetching.fetch(f"{server}/plain").document.text == PARAGRAPH


@pytest.mark.usefixtures("allowed")
@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/empty", "no article text"),
        ("/missing", "404"),
        ("/loop", "redirected more than"),
        ("/to-ftp", "only http"),
    ],
)
def test_pages_without_an_article_get_a_clear_reason(server: str, path: str, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        fetching.fetch(server + path)


@pytest.mark.usefixtures("allowed")
def test_a_page_over_the_size_limit_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAAR_MAX_BYTES", "1000")
    with pytest.raises(DocumentError, match="larger than the limit"):
        fetching.fetch(f"{server}/big")


def test_loopback_and_private_addresses_are_refused_by_default(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAAR_ALLOW_PRIVATE_URLS", raising=False)
    for link in (f"{server}/article", "http://localhost/", "http://10.0.0.1/", "http://169.254.169.254/latest"):
        with pytest.raises(DocumentError, match="private or local"):
            fetching.fetch(link)


@pytest.mark.parametrize("link", ["file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "", "http://"])
def test_only_http_links_with_a_host_are_fetched(link: str) -> None:
    with pytest.raises(DocumentError):
        fetching.check_url(link)


def test_a_host_that_rebinds_to_loopback_after_the_check_is_never_reached(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAAR_ALLOW_PRIVATE_URLS", raising=False)
    port = int(server.rsplit(":", 1)[1])
    # The first answer (the check) is a public address, every later one (the connection) the local server.
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({"news.example": ["93.184.216.34", "127.0.0.1"]}))
    _Handler.requests.clear()
    with pytest.raises(DocumentError, match="private or local"):
        fetching.fetch(f"http://news.example:{port}/article")
    assert _Handler.requests == []


def test_a_redirect_to_a_host_that_rebinds_after_the_check_is_never_followed(
    server: str, hidden_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SAAR_ALLOW_PRIVATE_URLS", raising=False)
    port = int(server.rsplit(":", 1)[1])
    # The test server stands in for a public site: 127.0.0.1 alone counts as public here, 127.0.0.2 stays private.
    monkeypatch.setattr(fetching, "_is_refused", lambda address: address != "127.0.0.1")
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        _resolver({"news.example": ["127.0.0.1"], "evil.example": ["127.0.0.1", "127.0.0.2"]}),
    )
    _Handler.requests.clear()
    with pytest.raises(DocumentError, match="private or local"):
        fetching.fetch(f"http://news.example:{port}/redirect-to/evil.example:{hidden_server}/article")
    assert [path for path, _ in _Handler.requests] == [f"/redirect-to/evil.example:{hidden_server}/article"]


@pytest.mark.usefixtures("allowed")
def test_the_connection_goes_to_the_looked_up_address_and_the_request_still_names_the_host(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = int(server.rsplit(":", 1)[1])
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({"news.example": ["127.0.0.1"]}))
    _Handler.requests.clear()
    page = fetching.fetch(f"http://news.example:{port}/article")
    assert page.title == "Roads plan announced"
    assert _Handler.requests == [("/article", f"news.example:{port}")]


@pytest.mark.usefixtures("allowed")
def test_whatever_breaks_inside_the_reader_reaches_the_user_as_one_plain_line(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a fresh install without lxml_html_clean raised from inside trafilatura, on every link.
    def missing(*args: object, **kwargs: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    monkeypatch.setattr(fetching, "html_limits_check", missing)
    with pytest.raises(DocumentError) as caught:
        fetching.fetch(f"{server}/article")
    assert caught.value.reason == "the page could not be read (ImportError)"
    assert "\n" not in str(caught.value)
