"""A new user's first hour, in a real browser: a bookmarked page opens under the app's menu, a draft survives a quick
click away, uploads survive a trip to another page, the inputs about to be read are listed and can be left out, a
summary is one click from the clipboard, and on a phone the result comes into view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.app.conftest import AXE, RESULT_TIMEOUT_MS, open_page, screenshot, serving
from tests.conftest import BILINGUAL_SEED

pytestmark = pytest.mark.browser

PHONE_SCREEN = {"width": 390, "height": 844}  # a phone's own screen: what shows without scrolling
SAMPLE = "Putin–Modi talks · English + Hindi"
DRAFT = "A draft typed in a hurry: the council approved forty new schools on Monday, officials said."
STORY = " ".join(
    f"The district council approved {n} new projects for schools, roads and drinking water on day {n} of the "
    "session, officials said."
    for n in range(1, 13)
)


@pytest.fixture
def fresh_app() -> Iterator[str]:
    """A server no one has visited yet: its first visitor decides how Streamlit lays the app out."""
    yield from serving({})


def _wait_for_the_run(page: Any) -> None:
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(300)


def _story_files(folder: Path, count: int) -> list[str]:
    paths = []
    for number in range(count):
        path = folder / f"story_{number}.txt"
        path.write_text(f"Story number {number}\n\n{STORY}", "utf-8")
        paths.append(str(path))
    return paths


def _tick(page: Any, name: str) -> Any:
    """The tick of an input in the list; its box is drawn over a hidden input, so it is waited for by its label."""
    return page.locator("[data-testid=stCheckbox]", has_text=name)


def _serious_axe_violations(page: Any) -> list[str]:
    if not AXE.exists():  # installed by `npm ci`, as .ci/run does
        return []
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in found if v["impact"] in ("serious", "critical")]


def _menu(page: Any) -> list[str]:
    return [" ".join(text.split()) for text in page.locator("[data-testid=stSidebarNav] a").all_inner_texts()]


@pytest.mark.parametrize("address", ["history", "models"])
def test_a_page_opened_by_its_own_address_shows_the_app_menu(browser: Any, fresh_app: str, address: str) -> None:
    page = browser.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(f"{fresh_app}/{address}")
    page.get_by_role("heading", name=address.capitalize()).wait_for()
    page.get_by_text("Interface language").wait_for()  # the app's sidebar, not the page alone
    assert [re.sub(r"^\W+", "", text) for text in _menu(page)] == ["Summarize", "History", "Compare versions", "Models"]
    page.reload()
    page.get_by_role("heading", name=address.capitalize()).wait_for()
    page.get_by_text("Interface language").wait_for()
    assert not any(text in ("app", "common", "summarize") for text in _menu(page))
    assert page.url.endswith(f"/{address}")


def test_a_draft_survives_a_quick_click_on_another_page(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url)
    page.get_by_label("Paste an article").fill(DRAFT)
    # The click lands before the box has lost its focus: nothing has been sent to the server yet.
    page.get_by_role("link", name="Models").dispatch_event("click")
    page.get_by_role("heading", name="Models").wait_for()
    page.get_by_role("link", name="Summarize").click()
    box = page.get_by_label("Paste an article")
    box.wait_for()
    expect(box).to_have_value(DRAFT)
    _wait_for_the_run(page)
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_role("heading", name=re.compile("^A draft typed in a hurry")).wait_for()


def test_uploads_survive_a_trip_to_another_page(browser: Any, app_url: str, tmp_path: Path) -> None:
    files = _story_files(tmp_path, 3)
    page = open_page(browser, app_url)
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files(files)
    _tick(page, "story_2.txt").wait_for()
    _wait_for_the_run(page)
    # A file removed in the uploader itself leaves the list too.
    page.get_by_role("button", name="Remove story_2.txt").click()
    _tick(page, "story_2.txt").wait_for(state="detached")
    _wait_for_the_run(page)
    page.get_by_role("link", name="History").click()
    page.get_by_role("heading", name="History").wait_for()
    page.get_by_role("link", name="Summarize").click()
    _tick(page, "story_0.txt").wait_for()
    assert _tick(page, "story_1.txt").get_by_role("checkbox").is_checked()
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("Summarised 2 of 2 documents").wait_for()
    page.get_by_role("tab", name="Story number 1").wait_for()
    # A kept file the uploader no longer lists is removed from the list itself.
    page.get_by_role("button", name="Remove").first.click()
    _tick(page, "story_0.txt").wait_for(state="detached")
    assert _tick(page, "story_1.txt").count() == 1


def test_the_inputs_about_to_be_read_are_listed_and_can_be_left_out(browser: Any, app_url: str, tmp_path: Path) -> None:
    page = open_page(browser, app_url)
    page.get_by_label("Paste an article").fill(DRAFT)
    page.get_by_label("Paste an article").press("Control+Enter")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files(_story_files(tmp_path, 1))
    _tick(page, "story_0.txt").wait_for()
    pasted = _tick(page, "Pasted text").get_by_role("checkbox")
    assert pasted.is_checked()
    assert _tick(page, "story_0.txt").get_by_role("checkbox").is_checked()
    _wait_for_the_run(page)
    screenshot(page, "inputs-listed-desktop.png")
    assert _serious_axe_violations(page) == []
    _tick(page, "Pasted text").locator("label").click()
    expect(pasted).not_to_be_checked()
    _wait_for_the_run(page)
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("Summarised 1 of 1 document").wait_for()
    page.get_by_role("heading", name="Story number 0").wait_for()
    assert page.get_by_label("Paste an article").input_value() == DRAFT  # left out, not lost


def test_each_summary_has_one_copy_button(browser: Any, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.set_default_timeout(RESULT_TIMEOUT_MS)
    page.goto(app_url)
    page.get_by_role("button", name=SAMPLE).click()
    page.get_by_text("Hindi · Extractive").first.wait_for()
    _wait_for_the_run(page)
    buttons = page.get_by_role("button", name="Copy this summary")
    assert buttons.count() == 2  # English and Hindi
    assert page.get_by_text("Copy the summary").count() == 0  # no box to open first
    buttons.nth(1).click()
    page.get_by_text("Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    hindi = [
        re.sub(r"^HI \d+\s*", "", text).strip()
        for text in page.locator("ul.saar-summary li[data-sentence^='HI-']").all_inner_texts()
    ]
    assert hindi
    assert all(sentence[:30] in copied for sentence in hindi)
    assert "EN 1" not in copied
    screenshot(page, "copy-button-desktop.png")
    assert _serious_axe_violations(page) == []
    context.close()


def test_on_a_phone_the_result_comes_into_view(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url, PHONE_SCREEN)
    page.get_by_label("Paste an article").fill(BILINGUAL_SEED.read_text("utf-8"))
    page.get_by_role("button", name="Summarize", exact=True).click()
    heading = page.get_by_role("heading", name="Results")
    heading.wait_for()
    _wait_for_the_run(page)
    # Within the first screen, once the page has settled: 900 px down (below the screen) before it was scrolled.
    page.wait_for_function(
        "([heading, limit]) => { const top = heading.getBoundingClientRect().top; return top >= 0 && top < limit; }",
        arg=[heading.element_handle(), PHONE_SCREEN["height"] - 100],
        timeout=15_000,
    )
    screenshot(page, "result-in-view-phone.png")


def test_an_uploaded_page_is_headed_by_its_own_title(browser: Any, app_url: str, tmp_path: Path) -> None:
    page_file = tmp_path / "roads.html"
    page_file.write_text(
        "<html><head><title>Roads plan announced for forty districts</title></head><body><article>"
        + "".join(f"<p>{sentence}.</p>" for sentence in STORY.split(". "))
        + "</article></body></html>",
        "utf-8",
    )
    page = open_page(browser, app_url)
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([str(page_file)])
    _tick(page, "roads.html").wait_for()
    _wait_for_the_run(page)
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_role("heading", name="Roads plan announced for forty districts").wait_for()
    assert page.get_by_role("heading", name=re.compile("^The district council")).count() == 0
