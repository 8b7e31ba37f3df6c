"""Compare in a real browser: two versions that differ in one figure lead with that one difference, both sentences
side by side with the figures marked, in the English and the Hindi interface, on a desktop and on a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pages._views.versions import WORDS
from tests.app.conftest import DESKTOP, PHONE, open_page, screenshot
from tests.versions.test_alignment import EN, HI

pytestmark = pytest.mark.browser

ENGLISH = "India and Russia\n\n" + " ".join([EN[0], EN[1].replace("45", "54"), *EN[2:]])
HINDI = "भारत और रूस\n\n" + " ".join(HI)
INTERFACE = {  # the interface's words this test clicks and reads
    "en": {"page": "Compare versions", "two": "Two documents", "paste": "Paste text…", "button": "Compare",
           "first": "First document", "second": "Second document", "first_text": "First text",
           "second_text": "Second text"},
    "hi": {"page": "संस्करणों की तुलना", "two": "दो दस्तावेज़", "paste": "पाठ चिपकाएँ…", "button": "तुलना करें",
           "first": "पहला दस्तावेज़", "second": "दूसरा दस्तावेज़", "first_text": "पहला पाठ",
           "second_text": "दूसरा पाठ"},
}  # fmt: skip


def _pick(page: Any, box: str, option: str) -> None:
    page.get_by_label(box, exact=True).click()
    page.get_by_role("option", name=option).click()


@pytest.mark.parametrize(("ui", "device"), [("en", "desktop"), ("en", "phone"), ("hi", "desktop"), ("hi", "phone")])
def test_two_versions_differing_in_one_figure_show_one_difference_with_both_sentences(
    browser: Any, app_url: str, ui: str, device: str
) -> None:
    page = open_page(browser, app_url, DESKTOP if device == "desktop" else PHONE)
    said, words = INTERFACE[ui], WORDS[ui]
    if device == "phone" and page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    if ui == "hi":
        page.locator("[data-testid=stRadio] label").filter(has_text=re.compile("^हिन्दी$")).click()
        page.get_by_role("heading", name="सारांश").first.wait_for()
    page.get_by_role("link", name=said["page"]).click()
    page.get_by_role("heading", name=said["page"]).wait_for()
    if device == "phone":
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
    page.locator("[data-testid=stRadio] label").filter(has_text=said["two"]).click()
    _pick(page, said["first"], said["paste"])
    _pick(page, said["second"], said["paste"])
    page.get_by_label(said["first_text"]).fill(ENGLISH)
    page.get_by_label(said["second_text"]).fill(HINDI)
    page.get_by_role("button", name=said["button"], exact=True).click()
    page.get_by_role("heading", name=words["differ_title"]).wait_for()
    page.wait_for_timeout(1000)

    differences = page.get_by_test_id("saar-difference")
    assert differences.count() == 1
    difference = differences.first
    assert words["kind_number"] in difference.inner_text()
    sides = difference.locator(".saar-diff-side")
    assert sides.count() == 2
    assert sides.nth(0).locator("mark").inner_text() == "54"
    assert sides.nth(1).locator("mark").inner_text() == "45"
    assert "54 business leaders" in sides.nth(0).inner_text()
    assert "45 व्यापारिक" in sides.nth(1).inner_text()
    # Each link leads to a marked place in its version's text.
    for link in difference.get_by_test_id("saar-place").all():
        target = link.get_attribute("href").removeprefix("#")
        assert page.locator(f"[id='{target}']").count() == 1
    # Named by language and title; never told the versions agree beside a difference.
    text = page.locator("body").inner_text()
    assert "(1) (1)" not in text
    assert words["differ_none"] not in text
    assert words["nothing_else"] in text  # the one figure is the only difference: nothing else is listed
    # Each summary sentence with the figure says what the other version has there, not that it found no support.
    assert words["differs_here"].format(mine="54", theirs="45") in text
    assert words["differs_here"].format(mine="45", theirs="54") in text
    for agree in ("Every summary sentence that could be checked is supported", "उन सबका समर्थन दूसरा संस्करण करता है"):
        assert agree not in text
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    # The folded facts do not list the two figures again as facts only one version states.
    page.get_by_text(words["facts_show"]).click()
    page.get_by_text(words["facts_differing"]).first.wait_for()
    difference.scroll_into_view_if_needed()
    screenshot(page, f"compare-{ui}-{device}.png")
