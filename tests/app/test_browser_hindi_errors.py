"""Inputs that cannot be read, in the Hindi interface of a real browser: an empty PDF, a PDF that is noise and a link
to a local address each get their message in Hindi under their own name (no English word but the file's name or the
link), the pasted article beside them is still summarised, and the pasted text stays in its box.

Screenshots on a desktop and a phone go to test-output/ (or $SAAR_TEST_OUTPUT)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizers.messages import render
from tests.app.conftest import CHROMIUM, DESKTOP, PHONE, open_page, screenshot, serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/run installs it)"),
]

ARTICLE = (
    "नई दिल्ली में सोमवार को प्रधानमंत्री ने किसानों के लिए एक नई योजना की घोषणा की। इस योजना के तहत छोटे किसानों "
    "को हर साल छह हज़ार रुपये दिए जाएँगे। सरकार का कहना है कि इससे करीब दस करोड़ परिवारों को लाभ होगा। विपक्ष ने "
    "योजना का स्वागत किया, पर कहा कि राशि बहुत कम है। कृषि मंत्री ने बताया कि पहली किस्त अगले महीने जारी होगी।"
)
# Files that cannot be read, and what each is refused for (its code; the page words it in Hindi).
UNREADABLE = {"empty.pdf": ("reading.empty_file", b"  \n"), "noise.pdf": ("reading.pdf_damaged", b"%PDF-1.7\n\x00\x01")}
# A local address: refused, as the server is not told to allow such links here.
LINK = "http://127.0.0.1:9/story"
SHOWN_ERROR = "[data-testid=stTabPanel]:visible [data-testid=stAlertContentError]"  # under the tab chosen


@pytest.fixture
def hindi_app() -> Iterator[str]:
    yield from serving({"SAAR_ALLOW_PRIVATE_URLS": ""})


def _hindi(page: Any) -> None:
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    page.locator("[data-testid=stRadio] label").filter(has_text=re.compile("^हिन्दी$")).click()
    page.get_by_role("heading", name="सारांश").first.wait_for()
    if page.get_by_test_id("stSidebarCollapseButton").is_visible():
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)


def _wait_for_the_run(page: Any) -> None:
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(300)


def _error_under(page: Any, tab: str, code: str) -> str:
    """The error shown under a document's tab, once it reads as the Hindi of `code` (the tab before may still show)."""
    # At its left edge (its mark): Streamlit draws a link's address in a tab's label as a link of its own.
    page.get_by_role("tab", name=tab).click(position={"x": 6, "y": 10})
    alert = page.locator(SHOWN_ERROR).filter(has_text=render(code, {}, "hi"))
    alert.first.wait_for()
    return str(alert.first.inner_text())


def _english_words(text: str, *names: str) -> list[str]:
    for name in names:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize(("viewport", "shot"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_unreadable_inputs_are_told_in_hindi_and_the_pasted_text_is_kept(
    browser: Any, hindi_app: str, tmp_path: Path, viewport: dict[str, int], shot: str
) -> None:
    page = open_page(browser, hindi_app, {**viewport, "height": 1600 if shot == "desktop" else 844})
    _hindi(page)
    page.get_by_label("लेख चिपकाएँ").fill(ARTICLE)
    page.get_by_label("लेख चिपकाएँ").press("Control+Enter")
    page.get_by_role("tab", name="फ़ाइलें अपलोड करें").click()
    files = []
    for name, (_, data) in UNREADABLE.items():
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    page.locator("input[type=file]").set_input_files(files)
    for name in UNREADABLE:  # listed among the inputs about to be read
        page.locator("[data-testid=stCheckbox]", has_text=name).wait_for()
    _wait_for_the_run(page)
    page.get_by_role("tab", name="लिंक से").click()
    page.get_by_label("समाचार लेख का लिंक").fill(LINK)
    page.get_by_label("समाचार लेख का लिंक").press("Enter")
    page.get_by_text(f"लिंक · {LINK}").wait_for()
    _wait_for_the_run(page)  # a click during a rerun can be lost
    page.get_by_role("button", name="सारांश बनाएँ", exact=True).click()
    page.get_by_text("सारांश बना: 4 में से 1 दस्तावेज़").wait_for()

    for name, (code, _) in UNREADABLE.items():
        said = _error_under(page, name, code)
        assert _english_words(said, name) == [], said
    said = _error_under(page, LINK, "reading.private_address")
    assert _english_words(said, LINK) == [], said
    page.locator(
        "[data-testid=stTabPanel]:visible [data-testid=stAlertContentError]"
    ).first.scroll_into_view_if_needed()
    screenshot(page, f"hindi-unreadable-{shot}.png")
    # The article pasted beside them was read and summarised, and it is still in its box.
    _wait_for_the_run(page)  # a tab click during a rerun can be lost
    page.get_by_role("tab", name=re.compile("^नई दिल्ली में सोमवार")).click()
    page.locator("li[data-sentence^='HI-']").first.wait_for()
    page.get_by_role("tab", name="पाठ चिपकाएँ").click()
    assert page.get_by_label("लेख चिपकाएँ").input_value() == ARTICLE


def test_the_check_finds_english_in_an_error() -> None:
    """The check cannot pass by finding nothing: an English reason is caught, the file's name is not."""
    assert _english_words("empty.pdf: the file is empty", "empty.pdf") == ["the", "file", "is", "empty"]
