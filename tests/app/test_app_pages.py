"""Each page through Streamlit's AppTest: the real scripts, widgets and session state, without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import BILINGUAL_SEED, ROOT

TIMEOUT = 300
ARTICLE = BILINGUAL_SEED.read_text(encoding="utf-8")


def _page(name: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / name), default_timeout=TIMEOUT)
    app.run()
    assert not app.exception, app.exception
    return app


def _button(app: AppTest, label: str):
    return next(button for button in app.button if button.label == label)


def _summarize(app: AppTest, text: str) -> AppTest:
    app.text_area(key="pasted_text").input(text)  # committed by the submit below, in the same run
    _button(app, "Summarize").click().run()
    assert not app.exception, app.exception
    return app


def _results(app: AppTest) -> list[dict]:
    """The documents the Summarize page shows: the current batch of the session's history."""
    current = app.session_state["current_batch"]
    return next(batch["documents"] for batch in app.session_state["history"] if batch["id"] == current)


def _pick_key(app: AppTest) -> str:
    return f"pick-{app.session_state['current_batch']}-0"


def _all_html(app: AppTest) -> str:
    return "\n".join(element.proto.body for element in app.get("html"))


def test_summarize_shows_both_languages_side_by_side_with_the_fallback_notice() -> None:
    app = _summarize(_page("summarize.py"), ARTICLE)
    (result,) = _results(app)
    assert result["language"] == "mixed"
    assert [summary["lang"] for summary in result["summaries"]] == ["en", "hi"]
    assert all(summary["method"] == "extractive" for summary in result["summaries"])
    captions = " ".join(caption.value for caption in app.caption)
    assert "English · Extractive" in captions
    assert "Hindi · Extractive" in captions
    assert "Abstractive" not in captions
    notices = " ".join(info.value for info in app.info)
    assert "Working offline: showing key sentences from the article" in notices
    assert "--model" not in notices
    assert "python -m" not in notices
    # Source highlights: one mark per summary sentence, nothing selected yet.
    html = _all_html(app)
    assert html.count('class="saar-hl"') >= len(result["summaries"][0]["sentences"])
    assert 'class="saar-hl saar-selected"' not in html
    assert 'class="saar-start"' not in html  # no scroll anchor without a selection


def test_selecting_a_sentence_outlines_its_source_and_shows_it() -> None:
    app = _summarize(_page("summarize.py"), ARTICLE)
    app.session_state[_pick_key(app)] = "EN 2"
    app.run()
    html = _all_html(app)
    assert 'class="saar-hl saar-selected" data-sentences="EN-2"' in html
    # The source box's scroll anchor sits right before the first outlined source, and only there.
    assert html.count('class="saar-start"') == 1
    assert '<span class="saar-start" aria-hidden="true"></span><mark class="saar-hl saar-selected"' in html
    source = _results(app)[0]["summaries"][0]["sentences"][1]["sources"][0]
    excerpt = " ".join(ARTICLE[source["start"] : source["end"]].split())
    assert any(excerpt[:60] in markdown.value.replace("\\", "") for markdown in app.markdown)


def test_markup_in_an_article_is_shown_as_text() -> None:
    payload = '<script>alert("x")</script> <img src=x onerror="alert(1)">'
    app = _summarize(_page("summarize.py"), f"{payload}\n\n{ARTICLE[:1500]}")
    html = _all_html(app)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert "&lt;img src=x onerror=" in html
    assert app.text_area(key="pasted_text").value.startswith("<script>")


def test_nothing_to_summarise_gets_a_message_and_keeps_the_text() -> None:
    app = _page("summarize.py")
    _button(app, "Summarize").click().run()
    assert any("Paste some text" in warning.value for warning in app.warning)
    app = _summarize(app, "12 34 56 — 78 !!!")
    (result,) = _results(app)
    assert "error" in result
    assert any("no words" in error.value for error in app.error)
    assert app.text_area(key="pasted_text").value == "12 34 56 — 78 !!!"


def test_a_sample_is_one_click_away() -> None:
    app = _page("summarize.py")
    _button(app, "Putin–Modi talks · English + Hindi").click().run()
    (result,) = _results(app)
    assert result["name"] == BILINGUAL_SEED.name
    assert {summary["lang"] for summary in result["summaries"]} == {"en", "hi"}


@pytest.mark.slow
def test_summarize_with_tiny_local_models_is_labelled_abstractive(tiny_models: dict[str, Path]) -> None:
    app = AppTest.from_file(str(ROOT / "pages" / "summarize.py"), default_timeout=TIMEOUT)
    app.session_state["model_overrides"] = {lang: str(path) for lang, path in tiny_models.items()}
    app.run()
    _summarize(app, ARTICLE)
    (result,) = _results(app)
    methods = {summary["lang"]: (summary["method"], summary["model"]) for summary in result["summaries"]}
    assert methods == {lang: ("abstractive", str(path)) for lang, path in tiny_models.items()}
    captions = " ".join(caption.value for caption in app.caption)
    assert "English · Abstractive" in captions


def test_page_chrome_alone_is_explained_not_summarised() -> None:
    app = _summarize(_page("summarize.py"), "Share this article\n" * 3 + "Leave a Comment\n" * 3)
    shown = [*app.info, *app.warning]
    assert any("no article text" in element.value for element in shown), [e.value for e in shown]


def test_downloads_hold_markdown_and_json() -> None:
    app = _summarize(_page("summarize.py"), ARTICLE)
    labels = [element.proto.label for element in app.get("download_button")]
    assert labels == ["⬇ Markdown", "⬇ Word", "⬇ JSON"]


def test_compare_language_versions_of_seed_003() -> None:
    app = _page("compare.py")
    _button(app, "Compare").click().run()
    assert not app.exception, app.exception
    comparison = app.session_state["comparison"]
    pairs = {(row["a"], row["b"]) for row in comparison["shared"]}
    assert ("Putin", "पुतिन") in pairs
    assert ("65 billion", "65 अरब") in pairs
    assert [side["language"] for side in comparison["sides"]] == ["en", "hi"]
    # One file on both sides: the columns are named by language, not by the file name twice.
    assert [side["label"] for side in comparison["sides"]] == ["English", "Hindi"]
    assert any(block.value.startswith("**Only in Hindi (") for block in app.markdown)
    assert all(len(summary["in_other"]) == len(summary["sentences"]) for summary in comparison["sides"][0]["summaries"])
    # What the page says of its marks and empty lists matches what it shows.
    captions = [caption.value for caption in app.caption]
    marked = "<mark" in _all_html(app)
    assert ("Marked: the source of each sentence above; its link leads here." in captions) == marked
    assert ("Nothing is marked: no summary sentence was found missing from the other version." in captions) != marked
    assert captions.count("None") == (not comparison["only_a"]) + (not comparison["only_b"])
    # Each column, headed by its language, is captioned with the document's title alone.
    assert captions.count("Putin–Modi talks · English + Hindi") == 2
    assert not any("· language:" in caption for caption in captions)


def test_compare_explains_a_document_without_two_versions() -> None:
    app = _page("compare.py")
    # Form widgets commit on submit: set the choice and press the button in one run.
    app.selectbox[0].select("sample:en_modi_putin_call_us_tariffs.txt")
    _button(app, "Compare").click().run()
    assert any("does not hold both an English and a Hindi version" in warning.value for warning in app.warning)


def _weights(app: AppTest) -> list[str]:
    """The Weights cell of each model's facts table."""
    tables = [block.value.splitlines() for block in app.markdown if block.value.startswith("| Weights |")]
    return [lines[2].split("|")[1].strip() for lines in tables]


def test_models_page_offline_shows_status_licence_and_rejects_a_bad_directory(tmp_path: Path) -> None:
    app = _page("models.py")
    assert any("Offline" in info.value for info in app.info)
    assert _weights(app) == ["Not downloaded"] * 3  # English, Hindi, and summaries in the other language
    assert [block.value for block in app.markdown if block.value.startswith("### ")] == [
        "### English",
        "### Hindi",
        "### Summaries in the other language",
    ]
    assert "`csebuetnlp/mT5_m2m_crossSum`" in " ".join(block.value for block in app.markdown)
    assert any("a summary asked for in the other language" in caption.value for caption in app.caption)
    assert any("non-commercial" in warning.value for warning in app.warning)
    assert any("CTranslate2 (int8)" in c.value and "Hindi vocabulary filter: on" in c.value for c in app.caption)
    app.text_input[1].input(str(tmp_path / "missing"))
    [button for button in app.button if button.label == "Apply"][1].click().run()
    assert any("does not exist" in error.value for error in app.error)
    assert "model_overrides" not in app.session_state


@pytest.mark.slow
def test_models_page_accepts_a_local_model_directory(tiny_models: dict[str, Path]) -> None:
    app = _page("models.py")
    app.text_input[1].input(str(tiny_models["hi"]))
    [button for button in app.button if button.label == "Apply"][1].click().run()
    assert app.session_state["model_overrides"] == {"hi": str(tiny_models["hi"])}
    assert _weights(app) == ["Not downloaded", "Ready", "Not downloaded"]


def test_compare_two_documents_lists_facts_only_one_states() -> None:
    app = _page("compare.py")
    app.radio[0].set_value("two").run()
    app.selectbox(key="compare_a").select("sample:en_modi_putin_call_after_alaska_summit.txt")
    app.selectbox(key="compare_b").select("sample:en_modi_putin_call_us_tariffs.txt")
    _button(app, "Compare").click().run()
    assert not app.exception, app.exception
    comparison = app.session_state["comparison"]
    assert [side["title"] for side in comparison["sides"]] == [
        "Modi–Putin call after the Alaska summit",
        "Modi–Putin call amid US tariffs",
    ]
    assert [side["label"] for side in comparison["sides"]] == [side["title"] for side in comparison["sides"]]
    assert comparison["shared"]
    assert comparison["only_a"] or comparison["only_b"]


def test_compare_offers_the_documents_summarised_on_the_summarize_page() -> None:
    summarize = _summarize(_page("summarize.py"), ARTICLE)
    compare = AppTest.from_file(str(ROOT / "pages" / "compare.py"), default_timeout=TIMEOUT)
    compare.session_state["history"] = summarize.session_state["history"]
    compare.run()
    assert not compare.exception, compare.exception
    (batch,) = summarize.session_state["history"]
    # Offered by its title, after the samples; the choice's value is the entry of the history it comes from.
    assert compare.selectbox[0].options[-2:] == [f"Summarized: {batch['documents'][0]['title']}", "Paste text…"]
    compare.selectbox[0].select(f"summary:{batch['id']}:0")
    _button(compare, "Compare").click().run()
    assert not compare.exception, compare.exception
    assert [side["language"] for side in compare.session_state["comparison"]["sides"]] == ["en", "hi"]


def test_history_says_how_each_summary_was_asked_for() -> None:
    summarize = _page("summarize.py")
    summarize.radio(key="form").set_value("paragraph")
    summarize.selectbox(key="length").set_value("short")
    _summarize(summarize, ARTICLE)
    page = AppTest.from_file(str(ROOT / "pages" / "history.py"), default_timeout=TIMEOUT)
    page.session_state["history"] = summarize.session_state["history"]
    page.run()
    assert not page.exception, page.exception
    (caption,) = [caption.value for caption in page.caption if "English, Hindi" in caption.value]
    assert caption.endswith("English, Hindi · Auto · Short · Paragraph")
