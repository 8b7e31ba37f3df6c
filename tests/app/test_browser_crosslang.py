"""The summary language in a real browser: chosen on the Summarize page and the Compare page, with a tiny
cross-language model (online) and without one (offline: the notice, and the original-language summary).

Screenshots go to test-output/ (or $SAAR_TEST_OUTPUT) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.app.conftest import CHROMIUM, OUTPUT, open_page, screenshot, serving
from tests.conftest import BILINGUAL_SEED
from tests.tiny_models import build_tiny_crosssum

GENERATION_TIMEOUT_MS = 300_000  # the first cross-language summary converts the model and runs it on a shared machine

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def offline_url() -> Iterator[str]:
    env = {key: "" for key in os.environ if key.startswith("SAAR_MODEL_")}  # no model but the extractive engine
    yield from serving(env)


@pytest.fixture(scope="module")
def online_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = build_tiny_crosssum(tmp_path_factory.mktemp("crosssum-app") / "model")
    yield from serving({"SAAR_MODEL_CROSS": str(model)})


def _summarize_in(page: object, language: str) -> None:
    page.get_by_role("tab", name="Upload files").click()  # type: ignore[attr-defined]
    page.locator("input[type=file]").set_input_files([str(BILINGUAL_SEED)])  # type: ignore[attr-defined]
    # The uploaded file's chip (its name is shortened in the middle, its size is not).
    page.locator("[data-testid=stFileUploader]").get_by_text("KB").first.wait_for()  # type: ignore[attr-defined]
    # Each step waits for the run the one before set off: a choice made while a run starts can be taken over by it.
    _wait_until_idle(page)
    page.get_by_role("combobox", name="Summary language").click()  # type: ignore[attr-defined]
    page.get_by_role("option", name=language, exact=True).click()  # type: ignore[attr-defined]
    _wait_until_idle(page)
    page.get_by_role("button", name="Summarize").click()  # type: ignore[attr-defined]


def _wait_until_idle(page: Any) -> None:
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(300)
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")


def test_online_a_hindi_story_is_summarised_in_english_in_its_own_column(browser: object, online_url: str) -> None:
    page = open_page(browser, online_url)
    _summarize_in(page, "English")
    page.get_by_text("English summary of the Hindi text · Abstractive").first.wait_for(timeout=GENERATION_TIMEOUT_MS)
    # The Hindi text's column holds the English summary, marked as English for the browser and screen readers.
    hindi_list = page.locator("ul.saar-summary:has(li[data-sentence^='HI-'])")
    assert hindi_list.get_attribute("lang") == "en"
    assert page.locator("ul.saar-summary:has(li[data-sentence^='EN-'])").get_attribute("lang") == "en"
    assert page.get_by_text("No English summary of the Hindi text").count() == 0
    screenshot(page, "summarize-seed-003-in-english.png")


def test_offline_the_notice_and_the_original_hindi_summary(browser: object, offline_url: str) -> None:
    page = open_page(browser, offline_url)
    _summarize_in(page, "English")
    page.get_by_text("No English summary of the Hindi text").first.wait_for(timeout=GENERATION_TIMEOUT_MS)
    # The command sits under the notice's Details, which may be closed and drawn just after it: attached, not shown.
    page.get_by_text("python -m summarizers download cross", exact=False).first.wait_for(state="attached")
    page.get_by_text("Hindi · Extractive").first.wait_for()
    # Never Hindi text labelled English: the Hindi column's list is Hindi, and says so.
    assert page.locator("ul.saar-summary:has(li[data-sentence^='HI-'])").get_attribute("lang") == "hi"
    assert page.get_by_text("English summary of the Hindi text ·").count() == 0  # no such label, only the notice


def _compare(page: object) -> None:
    page.get_by_role("link", name="Compare versions").click()  # type: ignore[attr-defined]
    page.get_by_role("radio", name="English").first.wait_for()  # type: ignore[attr-defined]
    # Read in English: the page reads each version in its own language unless the reader picks one.
    reader = page.locator("[data-testid=stRadio]", has_text="Read the summaries in")  # type: ignore[attr-defined]
    reader.locator("label").filter(has_text="English").click()
    page.get_by_role("button", name="Compare", exact=True).click()  # type: ignore[attr-defined]
    facts = page.get_by_text("Show the facts both versions state", exact=False)  # type: ignore[attr-defined]
    facts.click(timeout=GENERATION_TIMEOUT_MS)  # the facts come folded
    page.get_by_text("In both").wait_for(timeout=GENERATION_TIMEOUT_MS)  # type: ignore[attr-defined]
    page.locator("[data-testid=stDataFrame] canvas").first.wait_for()  # type: ignore[attr-defined]
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]  # the data grids paint after they attach


def test_compare_offline_reads_in_english_with_the_notice_and_links_to_the_source(
    browser: object, offline_url: str
) -> None:
    page = open_page(browser, offline_url)
    _compare(page)
    page.get_by_text("No English summary of the Hindi text").first.wait_for()
    page.get_by_text("What only one version says", exact=True).wait_for()
    links = page.locator("a[data-testid='saar-place']")
    shot = screenshot(page, "compare-seed-003-read-in-english-offline.png")
    assert shot.stat().st_size > 10_000
    if links.count():
        target = links.first.get_attribute("href")
        assert target is not None
        links.first.click()
        mark = page.locator(f"mark[id='{target.lstrip('#')}']")
        assert mark.count() == 1
        page.wait_for_function(
            """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                         return r.top >= 0 && r.top < window.innerHeight; }""",
            arg=target.lstrip("#"),
        )


def test_compare_online_shows_both_versions_in_english(browser: object, online_url: str) -> None:
    page = open_page(browser, online_url)
    _compare(page)
    page.get_by_text("English summary of the Hindi text · Abstractive").first.wait_for(timeout=GENERATION_TIMEOUT_MS)
    page.get_by_text("Hindi · read in English").first.wait_for()
    assert page.get_by_text("No English summary of the Hindi text").count() == 0
    screenshot(page, "compare-seed-003-read-in-english.png")
    assert OUTPUT.is_dir()
