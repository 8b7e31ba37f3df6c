"""End to end in a real browser: Debian's chromium, driven by Playwright, against the app served by Streamlit.

Screenshots are saved under test-output/ (or $SAAR_TEST_OUTPUT) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import open_page, screenshot
from tests.conftest import BILINGUAL_SEED

pytestmark = pytest.mark.browser


def _page(browser: Any, url: str) -> Any:
    return open_page(browser, url)


def _screenshot(page: Any, name: str) -> Path:
    return screenshot(page, name)


def test_upload_seed_003_then_select_a_sentence_and_see_its_highlight(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    page = _page(browser, app_url)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n this is not really a pdf \x00\x01\x02")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([str(BILINGUAL_SEED), str(broken)])
    page.get_by_text("broken.pdf").first.wait_for()
    page.get_by_role("button", name="Summarize").click()
    page.get_by_text("Summarised 1 of 2 documents").wait_for()
    # The unreadable upload gets its own message under its name; the good one still summarised.
    page.get_by_role("tab", name="broken.pdf").click()
    page.locator("[data-testid=stAlertContentError]", has_text="PDF").wait_for()
    page.get_by_role("tab", name="Putin–Modi Talks").click()
    page.get_by_text("English · Extractive").first.wait_for()
    page.get_by_text("Hindi · Extractive").first.wait_for()
    page.locator("li[data-sentence^='EN-']").first.wait_for()  # the summaries' sentences, drawn after their labels
    page.locator("li[data-sentence^='HI-']").first.wait_for()

    assert page.locator("mark.saar-selected").count() == 0
    page.get_by_role("radio", name="HI 1").click()
    selected = page.locator("mark.saar-selected")
    selected.first.wait_for()
    # While the page reruns after the pick, the old summary list can still be shown beside the new one.
    page.wait_for_function("document.querySelectorAll(\"li[data-sentence='HI-1']\").length === 1")
    sentence = page.locator("li[data-sentence='HI-1']").inner_text()
    highlighted = " ".join(selected.all_inner_texts())
    assert " ".join(highlighted.split())[:40] in " ".join(sentence.split())
    # The source box opens scrolled to the outlined source, which lies far below the box's first screen here.
    scroll_top, in_view = page.evaluate(
        """() => {
            const selected = document.querySelector("mark.saar-selected");
            const box = selected.closest("[data-testid='saar-source']");
            const mark = selected.getBoundingClientRect();
            const frame = box.getBoundingClientRect();
            return [box.scrollTop, mark.top >= frame.top && mark.top < frame.bottom];
        }"""
    )
    assert scroll_top > 0
    assert in_view
    shot = _screenshot(page, "summarize-seed-003-selected.png")
    assert shot.stat().st_size > 10_000


def test_script_and_img_tags_in_pasted_text_render_as_text(browser: Any, app_url: str) -> None:
    page = _page(browser, app_url)
    payload = '<script>window.__saar_pwned = 1</script> <img src=x onerror="window.__saar_pwned = 2">'
    article = BILINGUAL_SEED.read_text(encoding="utf-8")[:1500]
    page.get_by_label("Paste an article").fill(f"{payload}\n\n{article}")
    page.get_by_role("button", name="Summarize").click()
    page.get_by_text("English · Extractive").first.wait_for()
    source = page.locator("[data-testid='saar-source']")
    assert "<img src=x onerror" in source.inner_text()
    assert page.evaluate("window.__saar_pwned") is None
    assert source.locator("img").count() == 0
    # What was typed is still in the box.
    assert page.get_by_label("Paste an article").input_value().startswith("<script>")


def test_three_sessions_summarising_at_once_all_get_results(browser: Any, app_url: str) -> None:
    pages = [_page(browser, app_url) for _ in range(3)]
    for page in pages:
        page.get_by_role("button", name="Putin–Modi talks · English + Hindi").click()
    for page in pages:
        page.get_by_text("Hindi · Extractive").first.wait_for()
        page.locator("li[data-sentence^='HI-']").first.wait_for()


def test_compare_and_models_pages_render(browser: Any, app_url: str) -> None:
    page = _page(browser, app_url)
    page.get_by_role("link", name="Compare versions").click()
    page.get_by_role("button", name="Compare", exact=True).click()
    page.get_by_text("Show the facts both versions state", exact=False).click()  # the facts come folded
    page.get_by_text("In both").wait_for()
    assert page.get_by_text("the other version says this too").count() >= 1
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()
    page.wait_for_timeout(1000)  # the data grids paint after they attach
    _screenshot(page, "compare-seed-003.png")
    page.get_by_role("link", name="Models").click()
    page.get_by_text("Offline").first.wait_for()
    page.get_by_text("Not downloaded").first.wait_for()
    page.get_by_text("Hindi vocabulary filter: on", exact=False).wait_for()  # the last line: the page is complete
    # Counted only once the page is complete: the page draws from the top down, and a count does not wait.
    assert page.get_by_text("non-commercial", exact=False).count() >= 1
    assert page.get_by_role("cell", name="Not downloaded").count() == 3  # English, Hindi, the other language
    _screenshot(page, "models.png")
