"""The browser's identity cookie: set by the server on the app's WebSocket handshake (pages/identity.py), HttpOnly
and SameSite=Strict, so no script in the page can read it and no other site's request carries it; a browser
arriving by a link from another site still keeps its library. Served by `streamlit run app.py`, a script writes it
(not HttpOnly, still Strict)."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pages.identity import COOKIE, COOKIE_DAYS, BrowserCookie, Message, Scope, new_key, sent_key, valid_key, with_key
from tests.app.conftest import open_history_at, open_page, serving
from tests.app.test_browser_library import listed, settled, summarize

# Cookie names and values as browsers send them (RFC 6265 tokens, no separators).
TOKENS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.", min_size=1, max_size=20)
# A link on another site's page, to be followed as a reader would.
LINK_TO = """address => {
    const link = document.createElement("a");
    link.href = address;
    link.textContent = "Open the library";
    document.body.append(link);
}"""
OTHER_COOKIES = st.lists(st.tuples(TOKENS.filter(lambda name: name != COOKIE), TOKENS), max_size=5)


def run_apart(call: Coroutine[Any, Any, None]) -> None:
    """Runs an ASGI call to its end on an event loop of its own thread: the browser tests' Playwright keeps a loop
    running on this one, where `asyncio.run` refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, call).result()


def cookie_headers(pairs: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    return [(b"cookie", "; ".join(f"{name}={value}" for name, value in pairs).encode())] if pairs else []


@given(OTHER_COOKIES)
def test_a_new_key_joins_the_other_cookies_and_is_read_back(others: list[tuple[str, str]]) -> None:
    key = new_key()
    headers = with_key(cookie_headers(others), key)
    assert sent_key(headers) == key
    [(_, joined)] = [header for header in headers if header[0] == b"cookie"]
    for name, value in others:
        assert f"{name}={value}".encode() in joined


@given(OTHER_COOKIES, TOKENS)
def test_a_stale_or_forged_key_is_never_taken_and_is_replaced(others: list[tuple[str, str]], forged: str) -> None:
    headers = cookie_headers([*others, (COOKIE, forged)])
    if not valid_key(forged):
        assert sent_key(headers) is None
    key = new_key()
    assert sent_key(with_key(headers, key)) == key
    [(_, joined)] = with_key(headers, key)
    assert [pair.split("=")[0] for pair in joined.decode().split("; ")].count(COOKIE) == 1


def handshake(headers: list[tuple[bytes, bytes]], scheme: str = "ws") -> tuple[Scope, list[Message]]:
    """One WebSocket handshake through the middleware: the scope the app saw and the messages it sent back."""
    seen: list[Scope] = []
    sent: list[Message] = []

    async def app(scope: Scope, _receive: Any, send: Any) -> None:
        seen.append(scope)
        await send({"type": "websocket.accept", "subprotocol": None, "headers": []})

    async def receive() -> Message:
        return {"type": "websocket.connect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "websocket", "scheme": scheme, "headers": headers, "path": "/_stcore/stream"}
    run_apart(BrowserCookie(app)(scope, receive, send))
    return seen[0], sent


def set_cookie(messages: list[Message]) -> str:
    [accept] = messages
    [value] = [value.decode() for name, value in accept["headers"] if name == b"set-cookie"]
    return str(value)


def test_a_browser_without_a_key_gets_one_that_the_app_sees_and_the_browser_keeps() -> None:
    scope, messages = handshake([(b"cookie", b"_streamlit_xsrf=abc")])
    key = sent_key(scope["headers"])
    assert key is not None
    attributes = set_cookie(messages).split("; ")
    assert attributes[0] == f"{COOKIE}={key}"
    assert {"HttpOnly", "SameSite=Strict", "Path=/", f"Max-Age={COOKIE_DAYS * 86400}"} <= set(attributes)
    assert "Secure" not in attributes  # plain http on localhost: a Secure cookie would not be kept


def test_a_known_key_is_kept_and_its_lifetime_renewed() -> None:
    key = new_key()
    scope, messages = handshake([(b"cookie", f"{COOKIE}={key}".encode())])
    assert sent_key(scope["headers"]) == key
    assert set_cookie(messages).startswith(f"{COOKIE}={key}; ")


@pytest.mark.parametrize("origin", [b"https://news.example.org"])
def test_over_tls_the_cookie_is_secure(origin: bytes) -> None:
    _, direct = handshake([], scheme="wss")
    _, proxied = handshake([(b"origin", origin)])  # TLS ended by a proxy: the page's origin says https
    assert "Secure" in set_cookie(direct).split("; ")
    assert "Secure" in set_cookie(proxied).split("; ")


def test_other_requests_pass_untouched() -> None:
    sent: list[Message] = []

    async def app(scope: Scope, _receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request"}

    run_apart(BrowserCookie(app)({"type": "http", "headers": []}, receive, send))
    assert sent == [{"type": "http.response.start", "status": 200, "headers": []}]


@pytest.fixture(params=["serve.py", "app.py"])
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The app as `streamlit run serve.py` (the README's command) and as `streamlit run app.py` serve it."""
    for url in serving({"SAAR_DB": str(tmp_path / "library.sqlite3")}, request.param):
        yield request.param, url.replace("127.0.0.1", "localhost")


@pytest.mark.browser
def test_the_identity_cookie_in_a_real_browser(browser: Any, served: tuple[str, str]) -> None:
    entry, url = served
    page = open_page(browser, url)
    summarize(page, "Chandipur")
    [cookie] = [cookie for cookie in page.context.cookies() if cookie["name"] == COOKIE]
    assert valid_key(cookie["value"])
    assert cookie["sameSite"] == "Strict"
    assert abs(cookie["expires"] - (time.time() + COOKIE_DAYS * 86400)) < 3600
    # Served by serve.py, no script in the page can read the key; written by a script (app.py), it can.
    assert cookie["httpOnly"] is (entry == "serve.py")
    assert (COOKIE in page.evaluate("document.cookie")) is (entry == "app.py")

    page.reload()
    page.get_by_role("heading", name="Summarize").wait_for()
    open_history_at(page, url)
    assert listed(page) == {"Chandipur"}
    # Arriving by a link from another site (127.0.0.1 is another site than localhost): the page's own request
    # carries no Strict cookie, but the WebSocket the page opens does, so the library is still this browser's.
    page.goto(url.replace("localhost", "127.0.0.1") + "/_stcore/health")
    page.evaluate(LINK_TO, url + "/history")
    page.get_by_role("link", name="Open the library").click()
    page.get_by_role("heading", name="History").wait_for()
    page.get_by_text(re.compile(r"Page \d+ of \d+|Nothing saved yet")).first.wait_for()
    settled(page)
    assert listed(page) == {"Chandipur"}
    [after] = [cookie for cookie in page.context.cookies() if cookie["name"] == COOKIE]
    assert after["value"] == cookie["value"]
    page.close()
