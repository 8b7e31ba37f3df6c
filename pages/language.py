"""The interface language a browser chose, kept beyond the session: a reload, a bookmarked page or an opened link
comes back in it. Not a page itself.

It is kept in two places. The address carries `?lang=hi` while the interface is in Hindi, so a bookmark or a copied
address opens in Hindi anywhere; English, the default, leaves the address as it was (`/history` stays `/history`).
And the browser keeps the last choice in the `saar_lang` cookie, so an address without it (a link someone shared,
the app's own front page) opens in this reader's language too. Streamlit can read cookies (`st.context.cookies`,
sent with its WebSocket) but not set them, so a script in the page writes it; the value is one of two fixed codes,
never the reader's text, and nothing private, so the cookie need not be HttpOnly."""

from __future__ import annotations

import json

import streamlit as st

LANGUAGES = ("en", "hi")
DEFAULT = "en"
PARAMETER = "lang"  # the address's `?lang=`
COOKIE = "saar_lang"
COOKIE_DAYS = 400  # the longest a browser keeps a cookie (Chrome caps expiry at 400 days)
WRITTEN_KEY = "language:cookie_written"  # this session has drawn the cookie's script


def remembered_language() -> str:
    """The language a new session opens in: the address's, else the one this browser chose last, else English."""
    for asked in (st.query_params.get(PARAMETER), st.context.cookies.get(COOKIE)):
        if asked in LANGUAGES:
            return str(asked)
    return DEFAULT


def keep_language(ui: str) -> None:
    """Puts the language shown into the address and the browser's cookie (module docstring). Called on every run:
    a page switch can leave the address without its `?lang=`."""
    if ui not in LANGUAGES:  # the script's value is one of the fixed codes, never anything else
        return
    if ui == DEFAULT:
        if PARAMETER in st.query_params:
            del st.query_params[PARAMETER]
    elif st.query_params.get(PARAMETER) != ui:
        st.query_params[PARAMETER] = ui  # added beside the others: a shared link's `?link=` stays
    _write_cookie(ui)


def _write_cookie(ui: str) -> None:
    """The cookie's script, drawn once the browser's cookie (as this session's connection sent it; none reads as
    English) differs from the language shown, and on every run after that: the script runs again only when its
    value changes, so a switch back and forth is written each time, and the sidebar keeps one layout."""
    sent = st.context.cookies.get(COOKIE) or DEFAULT
    if sent == ui and not st.session_state.get(WRITTEN_KEY):
        return
    st.session_state[WRITTEN_KEY] = True
    cookie = json.dumps(f"{COOKIE}={ui}; path=/; max-age={COOKIE_DAYS * 86400}; samesite=lax")
    script = f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; secure' : '');</script>"
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width="content")
