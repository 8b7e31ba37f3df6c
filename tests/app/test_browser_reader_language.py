"""The interface language a reader chose, kept in a real browser: a reload, a bookmarked page and an opened link come
back in it, from the address (`?lang=hi`) or from this browser's cookie; a link keeps its `?link=`."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from pages._views.library_words import word
from pages._views.wording import label
from pages.language import COOKIE
from tests.app.conftest import DESKTOP, PHONE, RESULT_TIMEOUT_MS, open_page, screenshot

pytestmark = pytest.mark.browser

UNKNOWN_LINK = "no-such-token-0123456789"


def _switch_to(page: Any, name: str) -> None:
    page.locator("[data-testid=stRadio] label").filter(has_text=re.compile(f"^{name}$")).click()


def _interface_choice(page: Any, name: str) -> Any:
    return page.get_by_role("radio", name=name, exact=True)


def _settled(page: Any) -> None:
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")
    page.wait_for_timeout(300)


def test_hindi_is_kept_on_a_reload_a_bookmarked_page_and_an_opened_link(browser: Any, app_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(app_url)
    page.get_by_role("heading", name="Summarize").wait_for()
    _switch_to(page, "हिन्दी")
    page.get_by_role("heading", name=label("summarize_title", "hi")).first.wait_for()
    page.wait_for_url(re.compile(r"[?&]lang=hi\b"))
    _settled(page)

    page.reload()
    page.get_by_role("heading", name=label("summarize_title", "hi")).first.wait_for()
    expect(_interface_choice(page, "हिन्दी")).to_be_checked()

    # Bookmarks made before the choice carry no `?lang=`: the browser's cookie gives it.
    assert any(cookie["name"] == COOKIE and cookie["value"] == "hi" for cookie in context.cookies())
    for address, title in (("history", "history"), ("models", "models_title")):
        page.goto(f"{app_url}/{address}")
        page.get_by_role("heading", name=label(title, "hi")).first.wait_for()
        expect(_interface_choice(page, "हिन्दी")).to_be_checked()
        assert page.url.split("?")[0].endswith(f"/{address}")
    # The Models page names the extractive method by its Hindi word, as everywhere else.
    page.get_by_text(re.compile("saar-extractive")).first.wait_for()  # the line that says what is used until then
    assert "Extractive" not in page.locator("[data-testid=stMain]").inner_text()
    screenshot(page, "language-kept-models-hi-desktop.png")

    # A link someone shared opens the read-only page, in this reader's language, its `?link=` kept.
    page.goto(f"{app_url}/?link={UNKNOWN_LINK}")
    page.get_by_text(word("bad_link", "hi")).wait_for()
    _settled(page)
    assert f"link={UNKNOWN_LINK}" in page.url
    assert "lang=hi" in page.url
    screenshot(page, "language-kept-link-hi-desktop.png")

    # Back to English: the address loses its `?lang=`, and English is what the next visit opens in.
    page.goto(f"{app_url}/history")
    page.get_by_role("heading", name=label("history", "hi")).first.wait_for()
    _settled(page)
    _switch_to(page, "English")
    page.get_by_role("heading", name="History").first.wait_for()
    page.wait_for_url(lambda url: "lang=" not in url)
    _settled(page)
    page.reload()
    page.get_by_role("heading", name="History").first.wait_for()
    expect(_interface_choice(page, "English")).to_be_checked()
    context.close()


def test_a_bookmark_with_its_language_opens_in_it_in_a_new_browser(browser: Any, app_url: str) -> None:
    context = browser.new_context(viewport=PHONE)  # no cookie yet: the address alone says Hindi
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(f"{app_url}/history?lang=hi")
    page.get_by_role("heading", name=label("history", "hi")).first.wait_for()
    _settled(page)
    assert page.url.split("?")[0].endswith("/history")
    screenshot(page, "language-kept-history-hi-phone.png")
    context.close()


def test_an_address_without_a_language_opens_in_english_in_a_new_browser(browser: Any, app_url: str) -> None:
    page = open_page(browser, f"{app_url}/?lang=xx")  # an unknown language is no language
    expect(_interface_choice(page, "English")).to_be_checked()
