"""Sign-in end to end: Streamlit's real `st.login` against a local OpenID Connect provider (oidc-provider-mock, in
this process), in Debian's chromium. Signed in, saved work belongs to the account and follows it to a second
browser; another account does not see it; signing out returns to the browser's own library.

The server reads an `[auth]` section from a secrets.toml written for it in the test's temporary folder, exactly as
the README's sign-in section tells a deployment to."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import free_port, open_history_at, open_page, screenshot, serving
from tests.app.test_browser_library import listed, settled, summarize

pytestmark = pytest.mark.browser

# An account's name is the reader's own text: bob's would be emphasis, a link and a formula if read as Markdown.
ACCOUNTS = {"alice": "Alice Verma", "bob": "Bob *Iyer* [home](https://example.org) $x$"}


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local OpenID Connect provider with two accounts; its discovery address."""
    oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
    # The provider speaks plain HTTP on localhost; Authlib, on its side, refuses that unless told this is a test.
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")
    users = [
        oidc_provider_mock.User(sub=sub, claims={"email": f"{sub}@example.org", "name": name})
        for sub, name in ACCOUNTS.items()
    ]
    with oidc_provider_mock.run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def app_with_login(provider: str, tmp_path: Path) -> Iterator[str]:
    """The app (as the README starts it, serve.py) with a login: its secrets.toml names the provider."""
    pytest.importorskip("authlib")
    port = free_port()
    # The address the provider sends the browser back to must be the one the browser uses: localhost, so the
    # cookies set there are sent back.
    address = f"http://localhost:{port}"
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "{address}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "saar"\n'
        f'client_secret = "{secrets.token_hex(16)}"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    environment = {"SAAR_DB": str(tmp_path / "library.sqlite3")}
    options = ("--secrets.files", str(secrets_file))
    for url in serving(environment, "serve.py", options, port=port):
        yield url.replace("127.0.0.1", "localhost")


def sign_in(page: Any, provider: str, account: str) -> None:
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(re.escape(provider) + r"/oauth2/authorize"))
    page.get_by_role("button", name=account, exact=True).click()  # one of the provider's accounts
    page.get_by_role("heading", name="Summarize").wait_for()
    page.get_by_text(f"Signed in as {ACCOUNTS[account]}").wait_for()
    settled(page)


def sign_out(page: Any, provider: str) -> None:
    page.get_by_role("button", name="Sign out").click()
    # Streamlit ends the session at the provider too (its end_session_endpoint), which asks before sending us back.
    page.wait_for_url(re.compile(re.escape(provider) + r"/oauth2/end_session"))
    page.get_by_role("button", name="End session").click()
    page.get_by_role("heading", name="Summarize").wait_for()
    page.get_by_role("button", name="Sign in").wait_for()
    settled(page)


def test_saved_work_follows_the_account_and_no_other(browser: Any, provider: str, app_with_login: str) -> None:
    first = open_page(browser, app_with_login)
    summarize(first, "Aurangpur")  # before signing in: this browser's own library
    sign_in(first, provider, "alice")
    open_history_at(first, app_with_login)
    assert listed(first) == set()  # the account's library, not the browser's
    first.goto(app_with_login)
    first.get_by_role("heading", name="Summarize").wait_for()
    settled(first)
    summarize(first, "Belvani")
    open_history_at(first, app_with_login)
    assert listed(first) == {"Belvani"}

    second = open_page(browser, app_with_login)  # a fresh browser context: no cookies of the first
    open_history_at(second, app_with_login)
    assert listed(second) == set()
    sign_in(second, provider, "alice")
    open_history_at(second, app_with_login)
    assert listed(second) == {"Belvani"}  # the account's work, in another browser
    screenshot(second, "sign-in-history-second-browser.png")

    third = open_page(browser, app_with_login)
    sign_in(third, provider, "bob")
    open_history_at(third, app_with_login)
    third.get_by_text("Nothing saved yet").wait_for()
    assert listed(third) == set()  # another account sees none of it
    assert third.get_by_role("link", name="home").count() == 0  # the name shown as the text it is

    sign_out(first, provider)
    open_history_at(first, app_with_login)
    assert listed(first) == {"Aurangpur"}  # back to this browser's own library
    sign_out(second, provider)
    open_history_at(second, app_with_login)
    assert listed(second) == set()
    for page in (first, second, third):
        page.close()
