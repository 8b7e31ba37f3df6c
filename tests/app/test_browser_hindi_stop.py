"""A summary stopped while it is written, in the Hindi interface of a real browser: what the page says of it (the
warning, the caption, the state of each language's summary) is Hindi, recorded as the page changes from the first
word written to the stopped view; only what the article or the model wrote, and the model's name, stay as written.

Screenshots go to test-output/ (or $SAAR_TEST_OUTPUT) for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pages._views.wording import document_title
from tests.app.conftest import CHROMIUM, DESKTOP, open_page, screenshot, serving
from tests.app.test_browser_hindi_run import (
    RECORD,
    SKIPPED,
    WRITTEN,
    _collapse_sidebar,
    _hindi,
    _seen,
    _written_words,
    english_words,
)
from tests.conftest import SEEDS
from tests.tiny_models import build_tiny_bart

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/run installs it)"),
]

GENERATION_TIMEOUT_MS = 240_000
CURSOR = "▍"
# The words of the summary being written, as the page draws them (a part can be written faster than a test looks).
RECORD_WRITING = """() => {
  window.saarWriting = [];
  new MutationObserver(() => {
    for (const node of document.querySelectorAll('[data-testid=stMarkdownContainer]')) {
      const text = node.innerText;
      if (text.includes('CURSOR') && window.saarWriting.at(-1) !== text) window.saarWriting.push(text);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}""".replace("'CURSOR'", repr(CURSOR))


def _article(words: int) -> str:
    """English paragraphs from the samples, long enough to be written in several parts (time to stop mid-way)."""
    lines = [line for path in sorted(SEEDS.glob("en_modi_*.txt")) for line in path.read_text("utf-8").splitlines()]
    chosen: list[str] = []
    for line in (line for line in lines if len(line.split()) > 12):
        chosen.append(line)
        if sum(len(paragraph.split()) for paragraph in chosen) >= words:
            break
    return "\n\n".join(chosen)


def _wait_until_idle(page: Any) -> None:
    """Until no run is under way (a click landing in a run can be taken over by it, in Streamlit)."""
    running = page.locator("[data-testid=stStatusWidgetRunningIcon]")
    running.wait_for(state="detached")
    page.wait_for_timeout(300)
    running.wait_for(state="detached")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_bart(tmp_path_factory.mktemp("hindi-stop") / "bart", max_positions=1024)


@pytest.fixture
def hindi_app(tiny_model: Path) -> Iterator[str]:
    yield from serving({"SAAR_MODEL_EN": str(tiny_model), "SAAR_BACKEND": "transformers"})


def test_a_summary_stopped_in_the_hindi_interface_reads_in_hindi(
    browser: Any, hindi_app: str, tiny_model: Path
) -> None:
    page = open_page(browser, hindi_app, {**DESKTOP, "height": 900})
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    _hindi(page)
    _collapse_sidebar(page)
    article = _article(1000)
    page.get_by_label("लेख चिपकाएँ").fill(article)
    page.get_by_role("heading", name="सारांश").first.click()  # commit the text, as leaving the box does
    _wait_until_idle(page)  # the run that lists the pasted text to be read, before the click that reads it
    page.evaluate(RECORD, [f"{SKIPPED}, textarea", WRITTEN])  # the pasted article is the reader's own text
    page.evaluate(RECORD_WRITING)
    page.get_by_role("button", name="सारांश बनाएँ", exact=True).click()
    page.wait_for_function(
        "window.saarWriting.some(text => text.split(/\\s+/).length > 6)", timeout=GENERATION_TIMEOUT_MS
    )
    page.locator(".st-key-stop-writing button").first.click()  # not the toolbar's own Stop, which ends the whole run
    warning = page.get_by_text("सारांश पूरा होने से पहले रोक दिया गया")
    warning.wait_for()
    page.wait_for_timeout(800)
    warning.evaluate("node => node.scrollIntoView({block: 'center'})")
    screenshot(page, "hindi-summary-stopped-desktop.png")
    stopped = page.locator("[data-testid=stCaptionContainer]").filter(has_text="रोका गया").first
    assert stopped.inner_text().startswith("अंग्रेज़ी · ")
    quote = page.locator("blockquote").first.inner_text()
    assert quote.rstrip().endswith("…")
    assert len(quote.split()) > 2  # what had been written, as the model wrote it
    assert page.get_by_label("लेख चिपकाएँ").input_value() == article  # nothing the reader entered is lost
    assert page.locator(".st-key-saar-inputs [data-testid=stCheckbox] input").first.is_checked()  # still to be read
    assert page.locator("[data-testid=stException]").count() == 0
    seen = _seen(page)
    title = document_title(article, "")  # the page heads the text by its first line
    left = english_words(seen, (str(tiny_model), title), _written_words(page))
    assert left == [], [text for text in seen if any(word in text for word in left)]
