"""Compare as a new reader meets it, in a real browser, in English and Hindi: each version summarised in its own
language unless the reader picks one (so offline no version is replaced by a notice), the result brought into view
on a phone's screen, the versions' text a section of its own, and its boxes as tall as their text."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from pages._views.versions import WORDS
from pages._views.wording import label
from summarizers.messages import render
from tests.app.conftest import DESKTOP, RESULT_TIMEOUT_MS, screenshot
from tests.app.test_browser_compare_versions import ENGLISH, HINDI

pytestmark = pytest.mark.browser

PHONE_SCREEN = {"width": 390, "height": 844}  # a phone's own screen: what shows without scrolling
SHORT_BOX_PX = 400  # a five-sentence version's box is well under this; the fixed box was 34rem (544 px)


def _open_compare(browser: Any, app_url: str, ui: str, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(f"{app_url}/compare" + ("?lang=hi" if ui == "hi" else ""))
    page.get_by_role("heading", name=label("compare_title", ui)).wait_for()
    return page


def _compare(page: Any, ui: str) -> None:
    page.get_by_role("button", name=label("compare_button", ui), exact=True).click()
    page.get_by_role("heading", name=WORDS[ui]["differ_title"]).wait_for()
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(500)


def _stand_in_notice(lang: str, into: str, ui: str) -> str:
    """The opening words of the notice that says a version's own summary stands in for one in `into`: "No English
    summary", "हिन्दी पाठ का अंग्रेज़ी"."""
    notice = render("notice.across_extractive", {"lang": lang, "into": into}, ui)
    return notice.split(" सारांश")[0] if ui == "hi" else notice.split(" of the ")[0]


def _heading_level(page: Any, name: str) -> str:
    return str(page.get_by_role("heading", name=name, exact=True).evaluate("element => element.tagName"))


@pytest.mark.parametrize("ui", ["en", "hi"])
def test_on_a_phone_the_comparison_comes_into_view_read_in_each_versions_language(
    browser: Any, app_url: str, ui: str
) -> None:
    page = _open_compare(browser, app_url, ui, PHONE_SCREEN)
    expect(page.get_by_role("radio", name=label("compare_reader_own", ui), exact=True)).to_be_checked()
    _compare(page, ui)
    heading = page.get_by_role("heading", name=WORDS[ui]["differ_title"])
    # Within the first screen once the page has settled: drawn below the form, off the screen, before.
    page.wait_for_function(
        "([heading, limit]) => { const top = heading.getBoundingClientRect().top; return top >= 0 && top < limit; }",
        arg=[heading.element_handle(), PHONE_SCREEN["height"] - 100],
        timeout=15_000,
    )
    screenshot(page, f"compare-result-in-view-{ui}-phone.png")
    # Each version in its own language: offline too, no summary stands in for another language's.
    body = page.locator("[data-testid=stMain]").inner_text()
    assert WORDS[ui]["differ_title"] in body
    for lang, into in (("hi", "en"), ("en", "hi")):
        assert _stand_in_notice(lang, into, ui) not in body
    # The seed's long text: its box stops at the maximum and scrolls.
    box = page.get_by_test_id("saar-version-0-1")
    box.scroll_into_view_if_needed()
    client, scroll = box.evaluate("element => [element.clientHeight, element.scrollHeight]")
    assert client <= 0.6 * PHONE_SCREEN["height"] + 2 < scroll
    page.close()


@pytest.mark.parametrize("ui", ["en", "hi"])
def test_the_versions_text_is_its_own_section_in_boxes_as_tall_as_their_text(
    browser: Any, app_url: str, ui: str
) -> None:
    page = _open_compare(browser, app_url, ui, DESKTOP)
    page.locator("[data-testid=stRadio] label").filter(has_text=label("compare_mode_two", ui)).click()
    for box, text_box, text in (
        ("compare_first", "compare_first_text", ENGLISH),
        ("compare_second", "compare_second_text", HINDI),
    ):
        page.get_by_label(label(box, ui), exact=True).click()
        page.get_by_role("option", name=label("compare_paste", ui)).click()
        page.get_by_label(label(text_box, ui)).fill(text)
    _compare(page, ui)
    texts, only_one = label("compare_texts", ui), label("compare_only_one", ui)
    assert _heading_level(page, texts) == _heading_level(page, only_one) == "H3"
    for side in (0, 1):
        box = page.get_by_test_id(f"saar-version-{side}")
        client, scroll = box.evaluate("element => [element.clientHeight, element.scrollHeight]")
        assert scroll <= client + 1  # all of it shows: no scrolling inside
        assert client < SHORT_BOX_PX
    page.get_by_role("heading", name=texts, exact=True).scroll_into_view_if_needed()
    screenshot(page, f"compare-versions-text-{ui}-desktop.png")
    page.close()
