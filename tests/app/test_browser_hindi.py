"""The Hindi interface in a real browser: every page's labels in Hindi once Hindi is chosen, none of the English
labels of the table left, the honest "language · method · model" captions still there, and axe-core content."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pages._views.wording import LABELS
from pages.common import SEED_TITLES, SEED_TITLES_HI
from tests.app.conftest import AXE, DESKTOP, PHONE, open_page, screenshot

pytestmark = pytest.mark.browser

SAMPLE = SEED_TITLES_HI["en_hi_putin_modi_talks_bilingual.txt"]
PLACEHOLDER = re.compile(r"\{[^}]*\}")
PAGES = {  # link and heading in Hindi: the label keys of the page
    "इतिहास": ("history_",),
    "संस्करणों की तुलना": ("compare_",),
    "मॉडल": ("models_",),
}
SUMMARIZE = tuple(key for key in LABELS["en"] if not key.startswith(("history_", "compare_", "models_")))


def english_left(text: str, prefixes: tuple[str, ...], single_words: bool = True) -> list[str]:
    """English labels of the table (the literal pieces around their placeholders, of a few letters at least and not
    shared with the Hindi label, such as a model's name) that `text` still shows. Without `single_words`, only
    pieces of two words or more: an English article on the page holds words such as "text" of its own."""
    found = []
    for key, english in LABELS["en"].items():
        if not key.startswith(prefixes):
            continue
        for piece in PLACEHOLDER.split(english):
            piece = piece.strip(" .·:()")
            if sum(ch.isalpha() for ch in piece) < 4 or piece in LABELS["hi"][key]:
                continue
            if (single_words or " " in piece) and piece in text:
                found.append(f"{key}: {piece!r}")
    return found


def _visible_text(page: Any) -> str:
    return str(page.locator("[data-testid=stMain]").inner_text() + page.locator("[data-testid=stSidebar]").inner_text())


def _to_hindi(page: Any) -> None:
    page.locator("[data-testid=stRadio] label").filter(has_text=re.compile("^हिन्दी$")).click()
    page.get_by_role("heading", name="सारांश").first.wait_for()


def _go(page: Any, link: str) -> None:
    page.get_by_role("link", name=link).click()
    page.get_by_role("heading", name=link).wait_for()


def _attributes(page: Any) -> str:
    """The tooltips and accessible names the page's own HTML gives (marks, the source box, the language bar)."""
    return str(
        page.evaluate(
            """() => [...document.querySelectorAll("[data-testid=stMain] [title], [data-testid=stMain] [aria-label]")]
                  .map(node => (node.getAttribute("title") || "") + " " + (node.getAttribute("aria-label") || ""))
                  .join("\\n")"""
        )
    )


def _summarize_sample_in_hindi(page: Any) -> None:
    """In Hindi: key sentences (offline) chosen, the bilingual sample summarised and its result complete."""
    page.locator("[data-testid=stRadio] label").filter(has_text="मुख्य वाक्य").click()
    page.get_by_role("button", name=SAMPLE).click()
    page.get_by_text("सारांश बना: 1 में से 1 दस्तावेज़").wait_for()
    page.get_by_text("हिन्दी · मुख्य वाक्य · saar-extractive").first.wait_for()
    page.get_by_text("अंग्रेज़ी · मुख्य वाक्य · saar-extractive").first.wait_for()
    page.wait_for_timeout(500)


def _axe(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']}"
        for violation in result
        if violation["impact"] in ("serious", "critical")
    ]


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
def test_every_page_speaks_hindi_with_no_english_label_left(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url, DESKTOP)
    _to_hindi(page)
    page.get_by_role("button", name=SAMPLE).click()
    # The honest caption in Hindi: the language, the method and the model.
    page.get_by_text("हिन्दी · मुख्य वाक्य · saar-extractive").first.wait_for()
    page.wait_for_timeout(300)
    violations: dict[str, list[str]] = {}
    left: dict[str, list[str]] = {}

    _go(page, "इतिहास")
    page.get_by_role("button", name="खोलें").first.wait_for()
    left["इतिहास"] = english_left(_visible_text(page), PAGES["इतिहास"])
    violations["इतिहास"] = _axe(page)

    _go(page, "मॉडल")
    page.get_by_text("हिन्दी शब्दावली फ़िल्टर", exact=False).wait_for()  # the last line: the page is complete
    page.get_by_text("डाउनलोड नहीं हुआ").first.wait_for()
    left["मॉडल"] = english_left(_visible_text(page), PAGES["मॉडल"])
    violations["मॉडल"] = _axe(page)

    _go(page, "संस्करणों की तुलना")
    page.get_by_text("किसकी तुलना करें").wait_for()
    before = english_left(_visible_text(page), PAGES["संस्करणों की तुलना"])
    page.get_by_role("button", name="तुलना करें", exact=True).click()
    page.get_by_role("heading", name="तथ्य: संख्याएँ, तारीख़ें और नाम").wait_for()
    page.get_by_role("heading", name="जो केवल एक संस्करण कहता है").wait_for()
    page.get_by_text("अंग्रेज़ी · मुख्य वाक्य · saar-extractive").first.wait_for()
    page.get_by_text("जाँच: ऑफ़लाइन जाँचक", exact=False).first.wait_for()
    page.wait_for_timeout(1500)
    after = english_left(_visible_text(page), PAGES["संस्करणों की तुलना"], single_words=False)
    left["संस्करणों की तुलना"] = sorted(set(before + after))
    violations["संस्करणों की तुलना"] = _axe(page)
    screenshot(page, "compare-hindi-desktop.png")
    # The navigation names the pages in Hindi too.
    for link in ("सारांश", *PAGES):
        page.get_by_role("link", name=link).wait_for()

    assert left == {name: [] for name in left}
    assert violations == {name: [] for name in violations}


def test_a_hindi_page_fits_a_phone(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url, PHONE)
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    _to_hindi(page)
    page.get_by_role("link", name="संस्करणों की तुलना").click()
    page.get_by_role("heading", name="संस्करणों की तुलना").wait_for()
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
    page.get_by_test_id("stExpandSidebarButton").wait_for()
    page.get_by_role("button", name="तुलना करें", exact=True).click()
    page.get_by_role("heading", name="जो केवल एक संस्करण कहता है").wait_for()
    page.wait_for_timeout(1500)
    assert _no_horizontal_scroll(page)
    screenshot(page, "compare-hindi-phone.png")
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("link", name="मॉडल").click()
    page.get_by_role("heading", name="मॉडल").wait_for()
    page.get_by_text("हिन्दी शब्दावली फ़िल्टर", exact=False).wait_for()
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
    page.get_by_test_id("stExpandSidebarButton").wait_for()
    assert _no_horizontal_scroll(page)
    screenshot(page, "models-hindi-phone.png")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
def test_the_summarize_page_speaks_hindi_with_a_summary_shown(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url, DESKTOP)
    _to_hindi(page)
    page.get_by_text(LABELS["hi"]["samples"]).wait_for()  # the last of the controls: the page is redrawn
    page.wait_for_timeout(500)
    before = english_left(_visible_text(page), SUMMARIZE)
    assert [title for title in SEED_TITLES.values() if title in _visible_text(page)] == []  # the samples' names too
    _summarize_sample_in_hindi(page)
    # A sentence picked (its source outlined), the copy box and Details open: every piece of the page's own text shown.
    page.get_by_role("radio", name="अं 1").click()
    page.locator("mark.saar-selected").first.wait_for()
    page.get_by_role("button", name=LABELS["hi"]["copy_help"]).first.wait_for()
    page.get_by_text("विवरण", exact=True).last.click()
    page.get_by_text("भाषा के हिस्से").wait_for()
    page.wait_for_timeout(800)
    shown = _visible_text(page)
    # The article is in English and Hindi: after the summary, only English labels of two words or more are sought.
    after = english_left(shown, SUMMARIZE, single_words=False)
    attributes = english_left(_attributes(page), SUMMARIZE, single_words=False)
    assert sorted(set(before + after + attributes)) == []
    for key in ("into", "pick_sentence", "source_caption", "details", "language_runs", "results"):
        assert LABELS["hi"][key] in shown, key
    assert LABELS["hi"]["copy_button"] in shown
    for key in ("download_markdown", "download_word", "download_json"):
        page.get_by_role("button", name=LABELS["hi"][key]).wait_for()
    assert "**" not in shown
    assert "भाषा:" in shown  # the document's languages
    assert "चुने गए वाक्य का स्रोत: अक्षर" in shown  # Details: the picked sentence's place
    into = page.get_by_role("combobox", name=LABELS["hi"]["into"])
    assert LABELS["hi"]["into_same"] in (into.input_value() or into.get_attribute("aria-label") or "")
    assert "सारांश के वाक्य अं 1 का स्रोत" in _attributes(page)  # a highlight's tooltip
    assert _axe(page) == []
    screenshot(page, "summarize-hindi-desktop.png")


def test_the_summarize_page_in_hindi_fits_a_phone(browser: Any, app_url: str) -> None:
    page = open_page(browser, app_url, PHONE)
    if page.get_by_test_id("stExpandSidebarButton").is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    _to_hindi(page)
    page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
    page.get_by_test_id("stExpandSidebarButton").wait_for()
    _summarize_sample_in_hindi(page)
    page.get_by_role("button", name=LABELS["hi"]["download_markdown"]).wait_for()
    page.wait_for_timeout(1000)
    assert _no_horizontal_scroll(page)
    screenshot(page, "summarize-hindi-phone.png")
