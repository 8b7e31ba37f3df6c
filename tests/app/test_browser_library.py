"""The saved library in a real browser (Debian's chromium): History survives a reload and a server restart, a
second browser sees none of the first one's work, a link opens the same result anywhere (until revoked), and two
browsers summarising at once each keep exactly their own.

Each test serves the app on its own temporary database (SAAR_DB); screenshots of History go to test-output/."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import PHONE, RESULT_TIMEOUT_MS, open_page, screenshot, serve_app, serving
from tests.storage.conftest import postgres_database

pytestmark = pytest.mark.browser

# Short articles of our own, each with a word no other one has, so a History listing can be checked exactly.
ARTICLES = {
    marker: (
        f"The {marker} district council approved forty new electric buses on Monday after a long debate. "
        f"The buses will serve six {marker} routes from March, officials said. Fares will stay the same for a year. "
        "Opposition members asked who would pay for the charging stations and the new depots."
    )
    for marker in ("Aurangpur", "Belvani", "Chandipur", "Devgarh", "Elurupet", "Falakpur")
}


@pytest.fixture
def library_url(tmp_path: Path) -> Iterator[str]:
    yield from serving({"SAAR_DB": str(tmp_path / "library.sqlite3")})


def start_summary(page: Any, text: str) -> None:
    page.get_by_label("Paste an article").fill(text)
    page.get_by_text("Extractive", exact=True).first.click()  # key sentences: no model, no waiting on one
    # The page lists what it will summarise, each with a tick: the new text, counted, must be ticked.
    pasted = page.get_by_role("checkbox", name=f"Pasted text · {len(text)} characters")
    pasted.wait_for(state="attached")
    if not pasted.is_checked():
        pasted.check(force=True)
    page.get_by_role("button", name="Summarize").click()


def finish_summary(page: Any, marker: str) -> None:
    """Waits for the run to end: its document's heading drawn, then nothing left over from the run before (Streamlit
    marks an element drawn by an earlier run "stale" until this run redraws or removes it), so the run has saved."""
    page.get_by_role("heading", name=re.compile(marker)).wait_for()
    settled(page)
    page.get_by_role("button", name="Link to this summary").wait_for()  # drawn once the run is saved


def summarize(page: Any, marker: str) -> None:
    start_summary(page, ARTICLES[marker])
    finish_summary(page, marker)


def open_history(page: Any) -> None:
    # A page just (re)loaded may still be in the run that puts back the tab's kept draft; a menu click landing in it
    # can be taken over by that run (Streamlit), so the click waits for the page to be idle.
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(300)
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.get_by_role("link", name="History").click()
    page.get_by_role("heading", name="History").wait_for()
    page.get_by_text(re.compile(r"Page \d+ of \d+|Nothing saved yet")).first.wait_for()
    settled(page)


def settled(page: Any) -> None:
    """Nothing left on the page from the run before (see `finish_summary`)."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def listed(page: Any) -> set[str]:
    """The markers of the articles History lists (in its cards: a toast may name a title too)."""
    cards = page.get_by_test_id("stMain").locator("strong")
    return {marker for marker in ARTICLES if cards.filter(has_text=f"The {marker} district council").count()}


def test_a_reload_keeps_history(browser: Any, library_url: str) -> None:
    page = open_page(browser, library_url)
    summarize(page, "Aurangpur")
    page.reload()
    page.get_by_role("heading", name="Summarize").wait_for()
    open_history(page)
    assert listed(page) == {"Aurangpur"}
    page.reload()
    open_history(page)
    assert listed(page) == {"Aurangpur"}
    page.close()


@pytest.mark.postgresql
def test_on_postgresql_two_browsers_keep_their_own_history_across_a_reload(browser: Any) -> None:
    for database in postgres_database():  # a fresh database on the test server (skipped without one)
        with contextlib.ExitStack() as stack:
            url = stack.enter_context(contextlib.contextmanager(serving)({"SAAR_DB": database}))
            first = open_page(browser, url)
            second = open_page(browser, url)
            stack.callback(first.close)
            stack.callback(second.close)
            summarize(first, "Elurupet")
            summarize(second, "Falakpur")
            first.reload()
            first.get_by_role("heading", name="Summarize").wait_for()
            open_history(first)
            open_history(second)
            assert listed(first) == {"Elurupet"}
            assert listed(second) == {"Falakpur"}


def test_a_server_restart_keeps_history(browser: Any, tmp_path: Path) -> None:
    environment = {"SAAR_DB": str(tmp_path / "library.sqlite3")}
    server, url = serve_app(environment)
    page = open_page(browser, url)
    try:
        summarize(page, "Belvani")
    finally:
        server.terminate()
        server.wait(timeout=30)
    server, url = serve_app(environment)  # a new process on another port: only the database and the cookie remain
    try:
        page.goto(url)
        page.get_by_role("heading", name="Summarize").wait_for()
        open_history(page)
        assert listed(page) == {"Belvani"}
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=30)


def test_a_second_browser_does_not_see_the_first_ones_history(browser: Any, library_url: str) -> None:
    first = open_page(browser, library_url)
    summarize(first, "Chandipur")
    second = open_page(browser, library_url)  # a new browser context: its own cookies
    open_history(second)
    second.get_by_text("Nothing saved yet").wait_for()
    assert listed(second) == set()
    open_history(first)
    assert listed(first) == {"Chandipur"}
    first.close()
    second.close()


def test_a_link_opens_the_same_result_in_a_second_browser_until_revoked(browser: Any, library_url: str) -> None:
    maker = open_page(browser, library_url)
    summarize(maker, "Devgarh")
    maker.get_by_role("button", name="Link to this summary").click()
    link = maker.get_by_text("?link=").first.inner_text().strip()
    token = link.split("link=", 1)[1]
    assert len(token) >= 22  # at least 128 bits in URL-safe base64
    assert not token.isdigit()

    reader = open_page(browser, library_url)
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    reader.goto(link)
    reader.get_by_role("heading", name="Shared summary").wait_for()
    reader.get_by_text("English · Extractive").first.wait_for()
    reader.get_by_text("The Devgarh district council").first.wait_for()
    assert reader.get_by_role("button", name="Revoke the link").count() == 0  # read-only
    copy = reader.get_by_role("button", name="Copy this summary")  # works here as on Summarize
    copy.click()
    reader.get_by_role("button", name="Copied").wait_for()  # the button says so for a moment
    assert "The Devgarh district council" in reader.evaluate("navigator.clipboard.readText()")
    open_history(reader)
    assert listed(reader) == set()  # opening it added nothing
    reader.goto(link)
    reader.get_by_role("button", name="Keep a copy in my History").click()
    reader.get_by_text("A copy is in your History.").wait_for()
    open_history(reader)
    assert listed(reader) == {"Devgarh"}
    screenshot(reader, "library-link-kept.png")

    maker.get_by_role("button", name="Revoke the link").click()
    maker.get_by_role("button", name="Link to this summary").wait_for()
    for address in (link, f"{library_url}/?link=not-a-token", f"{library_url}/?link={'A' * 32}"):
        reader.goto(address)
        reader.get_by_text("This link does not open a saved summary or comparison.").wait_for()
    maker.close()
    reader.close()


def test_two_browsers_summarising_at_once_each_list_exactly_their_own_three(browser: Any, library_url: str) -> None:
    first = open_page(browser, library_url)
    second = open_page(browser, library_url)
    firsts, seconds = ("Aurangpur", "Belvani", "Chandipur"), ("Devgarh", "Elurupet", "Falakpur")
    for mine, theirs in zip(firsts, seconds, strict=True):
        start_summary(first, ARTICLES[mine])  # both runs on the server at the same time
        start_summary(second, ARTICLES[theirs])
        finish_summary(first, mine)
        finish_summary(second, theirs)
    open_history(first)
    open_history(second)
    assert listed(first) == set(firsts)
    assert listed(second) == set(seconds)
    assert first.get_by_text("Page 1 of 1 · 3 saved").count() == 1
    assert second.get_by_text("Page 1 of 1 · 3 saved").count() == 1

    first.get_by_label("Search titles and text").fill("Belvani")
    first.get_by_label("Search titles and text").press("Enter")
    first.get_by_text("Page 1 of 1 · 1 saved").wait_for()
    settled(first)
    assert listed(first) == {"Belvani"}
    first.get_by_label("Search titles and text").fill("")
    first.get_by_label("Search titles and text").press("Enter")
    first.get_by_text("Page 1 of 1 · 3 saved").wait_for()
    settled(first)
    screenshot(first, "library-desktop.png")
    phone_browser = browser.new_context(viewport=PHONE)
    phone_browser.add_cookies(first.context.cookies())  # the same identity (its cookie), on a phone's screen
    phone = phone_browser.new_page()
    phone.set_default_timeout(RESULT_TIMEOUT_MS)
    phone.goto(f"{library_url}/history")
    phone.get_by_text("Page 1 of 1 · 3 saved").wait_for()
    settled(phone)
    assert listed(phone) == set(firsts)
    screenshot(phone, "library-phone.png")
    phone_browser.close()

    first.get_by_role("button", name="Delete").first.click()
    first.get_by_text("Page 1 of 1 · 2 saved").wait_for()
    settled(first)
    assert len(listed(first)) == 2
    first.close()
    second.close()
