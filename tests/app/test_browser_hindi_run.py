"""The Hindi interface read while it works, in a real browser: every text the page shows during and after a summary
and a comparison (progress, the summary being written, notices, Details, flags, captions) is recorded as the page
changes, and none of it is English apart from what the article or a model wrote and model names.

Screenshots of the Hindi interface mid-run and after, on a desktop and a phone, go to test-output/ (or
$SAAR_TEST_OUTPUT)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pages.common import SEED_TITLES_HI
from tests.app.conftest import CHROMIUM, DESKTOP, PHONE, open_page, screenshot, serving
from tests.conftest import BILINGUAL_SEED
from tests.tiny_models import build_tiny_bart

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (bash .ci/run installs it)"),
]

SAMPLE = SEED_TITLES_HI[BILINGUAL_SEED.name]
GENERATION_TIMEOUT_MS = 240_000
# What the article or a model wrote, where the page shows it: summaries (also while written), the source text and
# its runs in Details, the copy box, a picked sentence's source, Compare's lists of sentences and its facts' cells.
WRITTEN = (
    ".saar-summary, .saar-paragraph, .saar-source, .saar-run-text, [data-testid=stCode], blockquote, "
    "[data-testid=stMarkdownContainer] ol, [role=gridcell]"
)
# Commands a notice tells (under Details), set as code: `python -m summarizers download hi`.
COMMAND_SPANS = "[data-testid=stMarkdownContainer] code, [data-testid=stCaptionContainer] code"
# Streamlit's own words that no setting of it can change (its icons' names are text too: "check", "expand_more"):
# the uploader's drop zone ("Drag and drop files here", streamlit/streamlit#13500) and a table's toolbar.
UNWORDABLE = "[data-testid=stIconMaterial], [data-testid=stFileUploaderDropzone], [data-testid=stElementToolbar]"
CODE = "script, style, noscript"  # the page's own scripts and styles: never shown
# Every text of the main area the interface itself writes, recorded on each change of the page (hidden text too: a
# progress line can come and go between two paints), and the tooltips, labels and placeholders of its own HTML.
RECORD = """([skipped, written]) => {
  window.saarSeen = new Set();
  window.saarWritten = new Set();
  const read = () => {
    const main = document.querySelector('[data-testid=stMain]');
    if (!main) return;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, element = node.parentElement;
      const text = node.textContent.trim();
      if (!text || !element) continue;
      if (element.closest(written)) window.saarWritten.add(text);
      if (element.closest(skipped)) continue;
      if (getComputedStyle(element).fontFamily.includes('Material')) continue;  // an icon's name, drawn as an icon
      window.saarSeen.add(text);
    }
    const own = '[data-testid=stHtml] [title], [data-testid=stHtml] [aria-label], [placeholder]';
    for (const node of main.querySelectorAll(own)) {
      if (node.closest(skipped)) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = node.getAttribute(name);
        if (value) window.saarSeen.add(value);
      }
    }
  };
  read();
  new MutationObserver(read).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""
SKIPPED = f"{WRITTEN}, {UNWORDABLE}, {COMMAND_SPANS}, {CODE}"
CURSOR = "▍"  # a summary being written (model text) ends with it
# Left as written in Hindi: commands (Details only) and their arguments, addresses, model names (hub ids) and
# licence names; file formats and units as Hindi writes them.
COMMANDS = re.compile(r"`[^`]*`|--model \S+|https?://\S+|[\w.-]+/[\w.-]+|CC BY(?:-[A-Z]{2})* \d\.\d")
KEPT = {"PDF", "HTML", "JSON", "MB", "UTC"}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_bart(tmp_path_factory.mktemp("hindi-run") / "bart", max_positions=1024)


@pytest.fixture
def hindi_app(tiny_model: Path) -> Iterator[str]:
    # An English model that writes (slowly enough to be seen at work), no Hindi model: the Hindi summary falls back
    # to key sentences with a notice, and Details say how to get the model. A server for each test: a summary the
    # server has written before comes from its cache at once, with nothing to see at work.
    yield from serving({"SAAR_MODEL_EN": str(tiny_model), "SAAR_BACKEND": "transformers"})


def english_words(texts: set[str], written: tuple[str, ...], words: frozenset[str] = frozenset()) -> list[str]:
    """The English words in `texts` once what a text or a model wrote is taken out (`written`: titles, file names,
    model names; `words`: the article's own words, where the page lists its sentences) and commands too."""
    found: set[str] = set()
    for text in texts:
        if text.endswith(CURSOR):
            continue
        for phrase in sorted(written, key=len, reverse=True):
            text = text.replace(phrase, " ")
        text = COMMANDS.sub(" ", text)
        found |= {word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in KEPT and word not in words}
    return sorted(found)


def _hindi(page: Any) -> None:
    page.locator("[data-testid=stRadio] label").filter(has_text=re.compile("^हिन्दी$")).click()
    page.get_by_role("heading", name="सारांश").first.wait_for()
    page.get_by_text("या कोई नमूना लेख आज़माएँ:").wait_for()


def _collapse_sidebar(page: Any) -> None:
    if page.get_by_test_id("stSidebarCollapseButton").is_visible():
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
        page.get_by_test_id("stExpandSidebarButton").wait_for()


def _scroll_to_top(locator: Any) -> None:
    locator.first.evaluate("node => node.scrollIntoView({block: 'start'})")


def _seen(page: Any) -> set[str]:
    return set(page.evaluate("() => [...window.saarSeen]"))


def _written_words(page: Any) -> frozenset[str]:
    """The words the page shows as what the article or a model wrote (a flag quotes a model's word, say)."""
    texts = page.evaluate("() => [...window.saarWritten]")
    return frozenset(word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text))


def _summarize_in_hindi(page: Any, shot: str) -> set[str]:
    """The bilingual sample summarised in Hindi, the page read all the while; a screenshot while the English summary
    is being written and one after, with a sentence picked and Details open."""
    page.evaluate(RECORD, [SKIPPED, WRITTEN])
    page.get_by_role("button", name=SAMPLE).click()
    running = page.get_by_text("1 दस्तावेज़ का सारांश बन रहा है…")
    running.wait_for(timeout=GENERATION_TIMEOUT_MS)
    _scroll_to_top(running)
    screenshot(page, f"hindi-summary-running-{shot}.png")
    page.get_by_text("सारांश बना: 1 में से 1 दस्तावेज़").wait_for(timeout=GENERATION_TIMEOUT_MS)
    page.get_by_role("radio", name="हि 1").click()
    page.locator("mark.saar-selected").first.wait_for()
    page.wait_for_timeout(800)
    _scroll_to_top(page.get_by_role("heading", name="परिणाम"))
    screenshot(page, f"hindi-summary-after-{shot}.png")
    page.get_by_text("विवरण", exact=True).last.click()
    page.get_by_text("भाषा के हिस्से").first.wait_for()
    page.wait_for_timeout(800)
    _scroll_to_top(page.get_by_text("विवरण", exact=True).last)
    screenshot(page, f"hindi-summary-details-{shot}.png")
    return _seen(page)


def _compare_in_hindi(page: Any, shot: str) -> set[str]:
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("link", name="संस्करणों की तुलना").click()
    page.get_by_role("heading", name="संस्करणों की तुलना").wait_for()
    page.get_by_text("किसकी तुलना करें").wait_for()
    _collapse_sidebar(page)
    page.evaluate(RECORD, [SKIPPED, WRITTEN])
    page.get_by_role("button", name="तुलना करें", exact=True).click()
    running = page.get_by_text("तुलना हो रही है…")
    running.wait_for()
    _scroll_to_top(running)
    screenshot(page, f"hindi-compare-running-{shot}.png")
    page.get_by_role("heading", name="जो केवल एक संस्करण कहता है").wait_for(timeout=GENERATION_TIMEOUT_MS)
    page.wait_for_timeout(1500)
    screenshot(page, f"hindi-compare-after-{shot}.png")
    return _seen(page)


def _written_here(tiny_model: Path) -> tuple[str, ...]:
    """What the article and the models wrote that the page names outside the summaries: the model names and the
    article's file name and title."""
    title = BILINGUAL_SEED.read_text(encoding="utf-8").strip().splitlines()[0].strip()
    return (str(tiny_model), "saar-extractive", BILINGUAL_SEED.name, title)


def _article_words() -> frozenset[str]:
    return frozenset(re.findall(r"[A-Za-z]{2,}", BILINGUAL_SEED.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("viewport", "shot"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_no_english_word_is_left_in_the_hindi_interface_while_it_works(
    browser: Any, hindi_app: str, tiny_model: Path, viewport: dict[str, int], shot: str
) -> None:
    page = open_page(browser, hindi_app, {**viewport, "height": 900 if shot == "desktop" else 844})
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    _hindi(page)
    _collapse_sidebar(page)
    summary = _summarize_in_hindi(page, shot)
    # The progress and the notices were read as they came, in Hindi.
    assert any(text.startswith("भाषाएँ पहचानी जा रही हैं") for text in summary), sorted(summary)
    assert any("मुख्य हिन्दी वाक्य चुने जा रहे हैं" in text for text in summary), sorted(summary)
    assert any(text.startswith("ऑफ़लाइन: लेख के मुख्य वाक्य") for text in summary), sorted(summary)
    assert any(text.startswith("हिन्दी मॉडल डाउनलोड नहीं हुआ है") for text in summary), sorted(summary)  # Details
    summary_written = _written_words(page)
    comparison = _compare_in_hindi(page, shot)
    assert any("संख्याएँ, तारीख़ें और नाम मिलाए जा रहे हैं" in text for text in comparison), sorted(comparison)
    assert english_words(summary, _written_here(tiny_model), summary_written) == []
    assert english_words(comparison, _written_here(tiny_model), _article_words() | _written_words(page)) == []


def test_the_check_finds_english_the_interface_writes() -> None:
    """The words sought are found where the interface writes English (the check cannot pass by finding nothing)."""
    seen = {"Detecting languages", "हिन्दी · मुख्य वाक्य · saar-extractive", "`python -m summarizers download hi`"}
    assert english_words(seen, ("saar-extractive",)) == ["Detecting", "languages"]


# Licence names the Models page states as the model cards do, and the fast engine's name.
LICENCES_AND_ENGINES = ("Apache-2.0", "MIT", "CTranslate2")


def test_the_models_page_in_hindi_and_a_broken_model_folder_it_refuses(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "bart", ', encoding="utf-8")
    page = open_page(browser, app_url, {**DESKTOP, "height": 900})
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    _hindi(page)
    page.get_by_role("link", name="मॉडल").click()
    page.get_by_role("heading", name="मॉडल").first.wait_for()
    page.evaluate(RECORD, [SKIPPED, WRITTEN])
    page.get_by_placeholder("/सहेजे/मॉडल/का/फ़ोल्डर  या  संस्था/मॉडल-का-नाम").first.fill(str(broken))
    page.get_by_role("button", name="लागू करें").first.click()
    refusal = page.get_by_text("के मॉडल की सेटिंग वाली फ़ाइल")
    refusal.wait_for()
    page.wait_for_timeout(800)
    screenshot(page, "hindi-models-refused-desktop.png")
    seen = _seen(page)
    # The refusal's text is cut into nodes by the file name set as code: its folder starts one, its reason ends another.
    assert any(text.startswith(f"{broken} के मॉडल की सेटिंग वाली फ़ाइल") for text in seen), sorted(seen)
    assert any(text.endswith("पढ़ी नहीं जा सकी; शायद वह ख़राब है") for text in seen), sorted(seen)
    left = english_words(seen, (str(broken), "saar-extractive", *LICENCES_AND_ENGINES))
    assert left == [], [text for text in seen if any(word in text for word in left)]
