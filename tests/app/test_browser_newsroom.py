"""What a new user meets, in a real browser: samples that honour the settings, a summary whatever the method, work
kept across pages, plain words, a layout that fits a phone, honest counts and clear refusals, exports, fetching by
link, the history, Hindi labels and the accessibility check (axe-core)."""

from __future__ import annotations

import http.server
import io
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import AXE, PHONE, open_page, screenshot, serve_app
from tests.conftest import BILINGUAL_SEED

pytestmark = pytest.mark.browser

SAMPLE = "Putin–Modi talks · English + Hindi"
DATELINE = "New Delhi, 12 August 2025."
ARTICLE_SENTENCES = [
    f"The district council approved {n} new projects for schools, roads and drinking water on the {n}th day of the "
    "session, officials said."
    for n in range(1, 41)
]
DATED_ARTICLE = DATELINE + "\n\n" + " ".join(ARTICLE_SENTENCES)
HINDI_ONLY = BILINGUAL_SEED.read_text(encoding="utf-8")
HINDI_ONLY = HINDI_ONLY[HINDI_ONLY.index("अंतरराष्ट्रीय") :]
LINKED_PAGE = (
    "<html><head><title>Roads plan announced for forty districts</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Roads plan announced for forty districts"
    "</h1>"
    + "".join(f"<p>{sentence}</p>" for sentence in ARTICLE_SENTENCES[:12])
    + "</article><footer>Subscribe to our newsletter</footer></body></html>"
)


def _open(browser: Any, url: str, viewport: dict[str, int] | None = None) -> Any:
    page = open_page(browser, url, viewport)
    page.set_default_timeout(90_000)
    return page


def _summaries(page: Any, lang: str) -> Any:
    return page.locator(f"[data-sentence^='{lang.upper()}-']")


def _wait_for_result(page: Any, caption: str = "· Extractive · saar-extractive") -> None:
    page.get_by_text(caption).first.wait_for()
    # The caption shows as soon as the first column is drawn; the run goes on to the other language. Under load that
    # can take seconds, so the result is read only once Streamlit's running icon has gone.
    _wait_for_the_run(page)


def _wait_for_the_run(page: Any) -> None:
    """Until Streamlit's run has finished: an element drawn before then may be drawn again, closed or replaced."""
    page.locator("[data-testid=stStatusWidgetRunningIcon]").wait_for(state="detached")
    page.wait_for_timeout(300)  # the rerun settles: no stale copy of the previous result beside the new one


def _choose(page: Any, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def _radio(page: Any, option: str) -> None:
    page.locator("[data-testid=stRadio] label").filter(has_text=re.compile(f"^{option}$")).click()


def _paste_and_summarize(page: Any, text: str) -> None:
    page.get_by_label("Paste an article").fill(text)
    page.get_by_role("button", name="Summarize", exact=True).click()


def _article_files(folder: Path, name: str, count: int, sentences: int) -> list[str]:
    """`count` text files, `{name}_0.txt` on, each headed "{Name} number N" above `sentences` of the article."""
    files = []
    for number in range(count):
        path = folder / f"{name}_{number}.txt"
        body = " ".join(ARTICLE_SENTENCES[number : number + sentences])
        path.write_text(f"{name.capitalize()} number {number}\n\n{body}", "utf-8")
        files.append(str(path))
    return files


def _visible_text(page: Any) -> str:
    return str(page.evaluate("document.querySelector('[data-testid=stMain]').innerText"))


def _no_horizontal_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


@pytest.fixture(scope="module")
def news_site() -> Iterator[str]:
    """A local web server with one article page and one page without an article."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = LINKED_PAGE if self.path == "/story" else "<html><body><nav><a href='/'>Home</a></nav></body></html>"
            payload = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            return None

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


# 1. Samples honour the method and length; medium grows with the article; no datelines.
def test_sample_honours_the_chosen_length_and_method(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _radio(page, "Extractive")
    _choose(page, "Length", "Number of sentences")
    page.get_by_role("spinbutton", name="Sentences").fill("2")
    page.get_by_role("spinbutton", name="Sentences").press("Enter")
    page.wait_for_timeout(500)
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    assert _summaries(page, "en").count() == 2
    assert _summaries(page, "hi").count() == 2


def test_summarize_runs_a_picked_sample_again_with_settings_changed_since(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _radio(page, "Extractive")
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    assert page.locator("ul.saar-summary").count() >= 1  # bullets, the default form
    page.get_by_text(f"Summarize summarises the sample “{SAMPLE}” again").wait_for()
    _radio(page, "Paragraph")
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.locator("p.saar-paragraph").first.wait_for()
    _wait_for_the_run(page)
    assert "pick a sample article first" not in _visible_text(page)
    assert page.locator("ul.saar-summary li[data-sentence]").count() == 0  # the old bullets are gone
    # Text given replaces the sample: the note goes, and Summarize reads the text.
    page.get_by_role("textbox", name="Paste an article").fill(DATED_ARTICLE)
    page.get_by_role("textbox", name="Paste an article").press("Control+Enter")
    page.get_by_text(f"the sample “{SAMPLE}” again").wait_for(state="detached")


def test_medium_grows_with_the_article_and_leaves_out_the_dateline(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _paste_and_summarize(page, DATED_ARTICLE)
    _wait_for_result(page)
    sentences = _summaries(page, "en").all_inner_texts()
    assert len(sentences) > 3  # 41 sentences: more than the three medium always gave
    assert not any("New Delhi, 12 August" in sentence for sentence in sentences)


# 2. Abstractive without weights still gives a summary, labelled Extractive, with a plain notice.
def test_abstractive_without_weights_shows_key_sentences_labelled_extractive(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _radio(page, "Abstractive")
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page, "English · Extractive · saar-extractive")
    assert _summaries(page, "en").count() >= 2
    page.get_by_text("Working offline: showing key sentences from the article.").first.wait_for()
    assert "· Abstractive ·" not in _visible_text(page)


# 3. Pasted text and results survive page switches.
def test_pasted_text_and_results_survive_switching_pages(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    page.get_by_label("Paste an article").fill(DATED_ARTICLE)
    # A person's click (the button held a moment): the text box commits its text as it loses focus.
    page.get_by_role("link", name="Models").click(delay=100)
    page.get_by_role("heading", name="Models").wait_for()
    page.get_by_role("link", name="Summarize").click()
    page.get_by_label("Paste an article").wait_for()
    assert page.get_by_label("Paste an article").input_value() == DATED_ARTICLE
    page.get_by_role("button", name="Summarize", exact=True).click()
    _wait_for_result(page)
    first = _summaries(page, "en").first.inner_text()
    page.get_by_role("link", name="Compare versions").click()
    page.get_by_role("heading", name="Compare versions").wait_for()
    page.get_by_role("link", name="Summarize").click()
    _wait_for_result(page)
    assert _summaries(page, "en").first.inner_text() == first


# 4. Plain words on the page; the technical detail in a collapsed Details section.
def test_the_page_speaks_plainly_and_keeps_details_collapsed(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    page.get_by_role("radio", name="EN 1").click()
    page.locator("mark.saar-selected").first.wait_for()
    page.wait_for_timeout(300)
    shown = _visible_text(page)
    for jargon in ("TF-IDF", "centrality", "--model", "python -m", "match 100%", "characters "):
        assert jargon not in shown, jargon
    assert "English · Extractive · saar-extractive" in shown
    assert "Hindi · Extractive · saar-extractive" in shown
    assert "Working offline: showing key sentences from the article." in shown
    page.get_by_text("Details", exact=True).last.click()
    page.get_by_text("TF-IDF", exact=False).first.wait_for()
    assert "python -m summarizers download hi" in _visible_text(page)


# 5. Layout: a Hindi-only story has no English column; titles from the text; downloads by their document; many
# files through a select box; sample labels whole; a phone needs no horizontal scrolling.
def test_hindi_only_story_on_desktop_and_phone(browser: Any, app_url: str) -> None:
    for viewport, name in ((None, "desktop"), (PHONE, "phone")):
        page = _open(browser, app_url, viewport)
        _paste_and_summarize(page, HINDI_ONLY)
        _wait_for_result(page, "Hindi · Extractive")
        assert page.get_by_role("heading", name="English", exact=True).count() == 0
        assert _summaries(page, "hi").count() >= 2
        title = page.get_by_role("heading", name=re.compile("^अंतरराष्ट्रीय"))
        title.wait_for()
        markdown = page.get_by_role("button", name="⬇ Markdown")
        language = page.get_by_text("Language:", exact=False).first
        # Read in one go: the page scrolls the new result into view, and boxes read one by one could straddle it.
        handles = [title.element_handle(), markdown.element_handle(), language.element_handle()]
        tops = page.evaluate("elements => elements.map(element => element.getBoundingClientRect().top)", handles)
        assert tops == sorted(tops)
        assert _no_horizontal_scroll(page)
        screenshot(page, f"hindi-only-{name}.png")


def test_mixed_story_on_a_phone_fits_and_samples_are_whole(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url, PHONE)
    cut = page.evaluate(
        """() => [...document.querySelectorAll("[data-testid=stButton] button")]
              .filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.innerText)"""
    )
    assert cut == []
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    page.get_by_role("heading", name=re.compile("^Putin–Modi Talks")).wait_for()
    assert _no_horizontal_scroll(page)
    screenshot(page, "mixed-story-phone.png")
    desktop = _open(browser, app_url)
    desktop.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(desktop)
    screenshot(desktop, "mixed-story-desktop.png")


def test_many_files_are_picked_from_a_select_box(browser: Any, app_url: str, tmp_path: Path) -> None:
    files = _article_files(tmp_path, "story", 6, 6)
    page = _open(browser, app_url)
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files(files)
    page.get_by_text("story_5.txt").first.wait_for()
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("Summarised 6 of 6 documents").wait_for()
    assert page.get_by_role("tab", name=re.compile("Story number")).count() == 0
    page.get_by_text("Document (6 in all)").wait_for()
    page.get_by_role("heading", name="Story number 0").wait_for()


def test_the_chosen_result_tab_stays_chosen_when_a_sentence_is_picked(
    browser: Any, app_url: str, tmp_path: Path
) -> None:
    files = _article_files(tmp_path, "report", 2, 8)
    page = _open(browser, app_url)
    _radio(page, "Extractive")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files(files)
    page.get_by_text("report_1.txt").first.wait_for()
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("Summarised 2 of 2 documents").wait_for()
    _wait_for_the_run(page)
    second = page.get_by_role("tab", name="Report number 1")
    second.click()
    page.get_by_role("heading", name="Report number 1").wait_for()
    _wait_for_the_run(page)
    panel = page.get_by_role("tabpanel").filter(has=page.get_by_role("heading", name="Report number 1"))
    panel.get_by_role("radio", name="EN 1").click()  # the first click after a new result
    panel.locator("mark.saar-selected").first.wait_for()
    _wait_for_the_run(page)
    assert second.get_attribute("aria-selected") == "true"


# 6. Honest counts, clear refusals of junk, no tag fragments in Hindi summaries.
def test_a_failed_upload_is_counted_and_junk_is_refused(browser: Any, app_url: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n not a pdf \x00\x01")
    page = _open(browser, app_url)
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([str(BILINGUAL_SEED), str(broken)])
    page.get_by_text("broken.pdf").first.wait_for()
    _wait_for_the_run(page)  # the run that keeps the two uploads, before the click that reads them
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("Summarised 1 of 2 documents · 1 could not be summarised").wait_for()
    page = _open(browser, app_url)
    _paste_and_summarize(page, "https://example.com/a\nhttps://example.com/b\nwww.example.org/c")
    page.get_by_text("This is a list of links, not an article").wait_for()
    source = "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><div class='x'>Hi</div></body></html>"
    _paste_and_summarize(page, source)
    page.get_by_text("This looks like the HTML source of a web page").wait_for()
    assert _summaries(page, "en").count() == 0


def test_hindi_paragraphs_pasted_with_their_tags_leave_no_fragments(browser: Any, app_url: str) -> None:
    paragraphs = [line for line in HINDI_ONLY.splitlines() if line.strip()][:12]
    page = _open(browser, app_url)
    _paste_and_summarize(page, "\n".join(f'<p class="story">{line}</p>' for line in paragraphs))
    _wait_for_result(page, "Hindi · Extractive")
    sentences = " ".join(_summaries(page, "hi").all_inner_texts())
    assert sentences
    assert '">' not in sentences
    assert "> " not in sentences
    assert "<p" not in sentences


# 7. Exports: Markdown and Word with title, date, source, languages, engine and settings; JSON in the CLI schema.
def test_exports_are_named_after_the_title_and_carry_its_facts(browser: Any, app_url: str) -> None:
    from docx import Document as WordDocument

    page = _open(browser, app_url)
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    with page.expect_download() as markdown_download:
        page.get_by_role("button", name="⬇ Markdown").click()
    markdown_file = markdown_download.value
    assert markdown_file.suggested_filename.startswith("putin-modi-talks-strengthening-india-russia-ties")
    markdown = Path(markdown_file.path()).read_text("utf-8")
    assert markdown.startswith("# Putin–Modi Talks: Strengthening India–Russia Ties")
    for fact in ("**Source:**", "**Summarised:**", "**Languages:** English", "**Engine:**", "**Settings:** Auto"):
        assert fact in markdown, fact
    assert "\\." not in markdown
    assert "\\-" not in markdown
    assert "English · Extractive · saar-extractive" in markdown
    with page.expect_download() as word_download:
        page.get_by_role("button", name="⬇ Word").click()
    assert word_download.value.suggested_filename.endswith(".docx")
    word = WordDocument(io.BytesIO(Path(word_download.value.path()).read_bytes()))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert texts[0].startswith("Putin–Modi Talks")
    assert any(text.startswith("Languages: English") for text in texts)
    assert "Hindi summary" in texts
    with page.expect_download() as json_download:
        page.get_by_role("button", name="⬇ JSON").click()
    payload = json.loads(Path(json_download.value.path()).read_text("utf-8"))
    assert payload["schema_version"]
    (entry,) = payload["documents"]
    assert entry["path"] == BILINGUAL_SEED.name
    assert {"language", "shares", "segments", "summaries", "notices"} <= entry.keys()
    assert "title" not in entry


# By link.
def test_a_story_fetched_by_link_is_summarised_with_its_title(browser: Any, app_url: str, news_site: str) -> None:
    for viewport, name in ((None, "desktop"), (PHONE, "phone")):
        page = _open(browser, app_url, viewport)
        page.get_by_role("tab", name="By link").click()
        page.get_by_label("Link to a news article").fill(f"{news_site}/story")
        page.get_by_role("button", name="Summarize", exact=True).click()
        _wait_for_result(page)
        page.get_by_role("heading", name="Roads plan announced for forty districts").wait_for()
        assert "Subscribe" not in page.locator("[data-testid='saar-source']").inner_text()
        page.get_by_text(f"{news_site}/story", exact=False).first.wait_for()
        assert _no_horizontal_scroll(page)
        screenshot(page, f"by-link-{name}.png")
    page.get_by_label("Link to a news article").fill(f"{news_site}/nothing")
    page.get_by_role("button", name="Summarize", exact=True).click()
    page.get_by_text("no article text was found on this page", exact=False).wait_for()


def test_loopback_links_are_refused_unless_allowed(browser: Any, news_site: str) -> None:
    server, url = serve_app({"SAAR_ALLOW_PRIVATE_URLS": ""})
    try:
        page = _open(browser, url)
        page.get_by_role("tab", name="By link").click()
        page.get_by_label("Link to a news article").fill(f"{news_site}/story")
        page.get_by_role("button", name="Summarize", exact=True).click()
        page.get_by_text("links to private or local network addresses are not fetched").wait_for()
        assert page.get_by_role("heading", name="Roads plan announced for forty districts").count() == 0
    finally:
        server.terminate()
        server.wait(timeout=20)


# Keep the work: history across pages, reopen, download; a copy button on every summary.
def test_history_keeps_each_summary_to_reopen_and_download(browser: Any, app_url: str) -> None:
    for viewport, name in ((None, "desktop"), (PHONE, "phone")):
        page = _open(browser, app_url, viewport)
        page.get_by_role("button", name=SAMPLE).click()
        _wait_for_result(page)
        _paste_and_summarize(page, DATED_ARTICLE)
        page.get_by_role("heading", name=re.compile("^New Delhi, 12 August 2025")).wait_for()
        _wait_for_the_run(page)  # an expander opened while the run goes on is drawn closed again
        page.get_by_role("button", name="Copy this summary").first.wait_for()  # one button beside each summary
        if viewport is PHONE:  # on a phone the page list sits in the closed sidebar
            page.get_by_test_id("stExpandSidebarButton").click()
        page.get_by_role("link", name="History").click(delay=100)
        page.get_by_role("heading", name="History").wait_for()
        if viewport is PHONE:
            page.get_by_test_id("stSidebarCollapseButton").locator("button").click(force=True)
            page.get_by_test_id("stExpandSidebarButton").wait_for()
        page.get_by_role("button", name="Open").nth(1).wait_for()
        page.get_by_role("button", name="⬇ Word").nth(1).wait_for()
        assert page.get_by_role("button", name="⬇ Word").count() == 2
        assert _no_horizontal_scroll(page)
        screenshot(page, f"history-{name}.png")
        page.get_by_role("button", name="Open").nth(1).click()  # the older one: the sample
        page.get_by_role("heading", name=re.compile("^Putin–Modi Talks")).wait_for()
        _wait_for_result(page)


def test_a_summary_opened_from_history_brings_back_its_settings(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _radio(page, "Extractive")
    _radio(page, "Paragraph")
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    _radio(page, "Bullet points")
    _paste_and_summarize(page, DATED_ARTICLE)
    page.get_by_role("heading", name=re.compile("^New Delhi, 12 August 2025")).wait_for()
    _wait_for_the_run(page)
    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Open").nth(1).click()  # the older one: the sample, summarised as a paragraph
    page.get_by_role("heading", name=re.compile("^Putin–Modi Talks")).wait_for()
    _wait_for_the_run(page)
    assert page.get_by_role("radio", name="Paragraph").is_checked()
    assert page.get_by_role("radio", name="Extractive").is_checked()


# Hindi interface labels.
def test_the_interface_speaks_hindi_on_request(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    _radio(page, "हिन्दी")
    page.get_by_role("heading", name="सारांश").first.wait_for()
    page.get_by_role("button", name="सारांश बनाएँ").wait_for()
    page.get_by_label("लेख चिपकाएँ").wait_for()
    _radio(page, "English")
    page.get_by_role("heading", name="Summarize").wait_for()


# Accessibility: axe-core finds no serious or critical violation on any page.
@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
def test_every_page_passes_axe_without_serious_violations(browser: Any, app_url: str) -> None:
    page = _open(browser, app_url)
    page.get_by_role("button", name=SAMPLE).click()
    _wait_for_result(page)
    checks = {"Summarize": page}
    found: dict[str, list[str]] = {}
    for link in ("Summarize", "History", "Compare versions", "Models"):
        if link != "Summarize":
            page.get_by_role("link", name=link).click()
            page.get_by_role("heading", name=link).wait_for()
            page.wait_for_timeout(1500)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        found[link] = [
            f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']}"
            for violation in result
            if violation["impact"] in ("serious", "critical")
        ]
    del checks
    assert found == {link: [] for link in found}
