"""An abstractive summary written before the reader's eyes, in a real browser, with tiny local models served by the
app (transformers backend): its words appear while the model writes them, and Stop leaves what was written, marked
as stopped, with the reader's text untouched.

Screenshots go to test-output/ (or $SAAR_TEST_OUTPUT) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.app.conftest import CHROMIUM, open_page, screenshot, serving
from tests.conftest import SEEDS
from tests.tiny_models import build_tiny_bart

GENERATION_TIMEOUT_MS = 240_000
CURSOR = "▍"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/run installs it)"),
]

# Every text of the page that shows the cursor of a summary being written, recorded as the page changes (a part can
# be written faster than a test could look at it twice).
RECORD_WRITING = """() => {
  window.saarWriting = [];
  new MutationObserver(() => {
    for (const node of document.querySelectorAll('[data-testid=stMarkdownContainer]')) {
      const text = node.innerText;
      if (text.includes('CURSOR') && window.saarWriting.at(-1) !== text) window.saarWriting.push(text);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}""".replace("'CURSOR'", repr(CURSOR))


def _paragraphs(words: int) -> str:
    lines = [line for path in sorted(SEEDS.glob("en_modi_*.txt")) for line in path.read_text("utf-8").splitlines()]
    chosen: list[str] = []
    for line in (line for line in lines if len(line.split()) > 12):
        chosen.append(line)
        if sum(len(paragraph.split()) for paragraph in chosen) >= words:
            break
    return "\n\n".join(chosen)


@pytest.fixture(scope="module")
def tiny_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = build_tiny_bart(tmp_path_factory.mktemp("streaming-app") / "bart", max_positions=1024)
    yield from serving({"SAAR_MODEL_EN": str(model), "SAAR_BACKEND": "transformers"})


def _start(page: Any, text: str) -> None:
    page.get_by_label("Paste an article").fill(text)
    page.get_by_role("heading", name="Summarize").click()  # commit the text, as leaving the box does
    page.evaluate(RECORD_WRITING)
    page.get_by_role("button", name="Summarize", exact=True).click()


def _words_written(page: Any) -> list[int]:
    texts = page.evaluate("window.saarWriting")
    return [len(text.replace(CURSOR, "").split()) for text in texts]


def test_the_summary_appears_word_by_word_before_the_final_summary(browser: object, tiny_app: str) -> None:
    page = open_page(browser, tiny_app)
    _start(page, _paragraphs(150))
    page.get_by_text("Checked by:").first.wait_for(timeout=GENERATION_TIMEOUT_MS)  # the full, checked view
    screenshot(page, "summarize-streamed-then-checked.png")
    written = _words_written(page)
    assert len(written) >= 3, written  # drawn again and again while the model wrote
    assert max(written) > min(written)  # more words each time, not one block at the end
    assert page.get_by_text("English · Abstractive ·").first.is_visible()
    assert page.get_by_text(CURSOR).count() == 0  # the writing view is gone once the summary is complete
    assert page.locator("[data-testid=stException]").count() == 0


def test_stop_leaves_the_words_written_so_far_marked_as_stopped(browser: object, tiny_app: str) -> None:
    page = open_page(browser, tiny_app)
    article = _paragraphs(1000)  # several parts, written one after another: long enough to stop mid-way
    _start(page, article)
    page.wait_for_function(
        "window.saarWriting.some(text => text.split(/\\s+/).length > 6)", timeout=GENERATION_TIMEOUT_MS
    )
    screenshot(page, "summarize-streaming.png")
    stop = page.locator(".st-key-stop-writing button").first  # not the toolbar's own Stop, which ends the whole run
    stop.click()
    page.get_by_text("Stopped before the summary was finished").wait_for()
    stopped = page.locator("[data-testid=stCaptionContainer]").filter(has_text="stopped").first
    assert "English · Abstractive ·" in stopped.inner_text()
    quote = page.locator("blockquote").first.inner_text()
    assert quote.rstrip().endswith("…")
    assert len(quote.split()) > 2  # what had been written, not an empty box
    assert page.get_by_text("Checked by:").count() == 0  # never shown as a finished, checked summary
    assert page.locator(".st-key-stop-writing button").count() == 0
    assert page.get_by_label("Paste an article").input_value() == article  # nothing the reader entered is lost
    assert page.locator("[data-testid=stException]").count() == 0
    screenshot(page, "summarize-stopped.png")
    page.get_by_role("link", name="History").click()
    page.get_by_text("Nothing summarised yet", exact=False).first.wait_for()  # a stopped summary is not kept
