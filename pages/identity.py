"""This browser's identity for the saved library: a random key in the `saar_browser` cookie, set by the server.

Streamlit's script can read cookies (`st.context.cookies`) but cannot set them; only a script in the page could,
and a cookie written by a script can never be HttpOnly. So the server sets it: `BrowserCookie` wraps the app (the
`serve.py` launcher mounts it) and, when a browser opens the app's connection (the WebSocket Streamlit reads
`st.context.cookies` from) without a valid key, makes one, hands it to Streamlit as if the browser had sent it, and
sends it back in the handshake's answer as an HttpOnly, SameSite=Strict cookie (Secure over TLS). The key then
never reaches a page script, and the browser sends it only to this app's own requests.

Strict is possible only because the cookie is set and read on the WebSocket: the page opens it, so it is always a
same-site request, and a visit that arrives by a link from another site still carries the key. (Set on the page's
HTML, a Strict cookie would be missing from such a visit, and a new key would replace the reader's.)"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import cookie_parser

COOKIE = "saar_browser"
COOKIE_DAYS = 400  # the longest a browser keeps a cookie (Chrome caps expiry at 400 days)
KEY_BYTES = 32
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) writes
SECURE_SCHEMES = {"https", "wss"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def valid_key(value: object) -> bool:
    return isinstance(value, str) and KEY_PATTERN.fullmatch(value) is not None


def cookie_header(key: str, *, secure: bool) -> str:
    """The Set-Cookie value for a browser key: the whole of the cookie's exposure is written here."""
    attributes = [f"{COOKIE}={key}", "Path=/", f"Max-Age={COOKIE_DAYS * 86400}", "HttpOnly", "SameSite=Strict"]
    if secure:
        attributes.append("Secure")
    return "; ".join(attributes)


def sent_key(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The browser key a request's Cookie headers carry, when it is one of ours, read as Streamlit reads cookies."""
    for name, value in headers:
        if name.lower() == b"cookie":
            sent = cookie_parser(value.decode("latin-1")).get(COOKIE)
            if valid_key(sent):
                return sent
    return None


class BrowserCookie:
    """ASGI middleware: gives each browser its key on the app's WebSocket handshake (module docstring), and sends a
    known key back with a fresh lifetime, so a browser used within every 400 days keeps its History."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers", []))
        key = sent_key(headers)
        if key is None:
            key = new_key()
            # Streamlit reads the session's cookies from this handshake: it sees the new key as if the browser had
            # sent it.
            scope = {**scope, "headers": with_key(headers, key)}
        set_cookie = (b"set-cookie", cookie_header(key, secure=over_tls(scope, headers)).encode("latin-1"))

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "websocket.accept":
                message = {**message, "headers": [*message.get("headers", []), set_cookie]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def over_tls(scope: Scope, headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether the browser reached the app over TLS: the connection's own scheme, or (behind a proxy that ends TLS
    and forwards plain WebSocket) the page's origin, which the browser states in the handshake."""
    origins = [value for name, value in headers if name.lower() == b"origin"]
    return scope.get("scheme") in SECURE_SCHEMES or any(origin.startswith(b"https://") for origin in origins)


def with_key(headers: list[tuple[bytes, bytes]], key: str) -> list[tuple[bytes, bytes]]:
    """A request's headers with its cookies as they are, but for our key: a stale or forged one is replaced."""
    others = [
        pair.strip()
        for name, value in headers
        if name.lower() == b"cookie"
        for pair in value.decode("latin-1").split(";")
        if pair.strip() and pair.split("=", 1)[0].strip() != COOKIE
    ]
    cookies = "; ".join([*others, f"{COOKIE}={key}"])
    return [(name, value) for name, value in headers if name.lower() != b"cookie"] + [(b"cookie", cookies.encode())]
