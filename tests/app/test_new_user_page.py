"""What a new user pastes, through Streamlit's AppTest: a page's raw HTML is read as HTML and titled by its <title>,
one link is called a link, error messages read as sentences, and Details show commands as code, not backticks."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import BILINGUAL_SEED, ROOT

TIMEOUT = 300
STORY = [
    f"The district council approved {n} new projects for schools, roads and drinking water on the {n}th day of the "
    "session, officials said."
    for n in range(1, 13)
]
PAGE_SOURCE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Roads plan announced for forty districts</title>"
    "<script>var tracking = 1;</script></head><body><nav><a href='/'>Home</a></nav><article>"
    + "".join(f"<p>{sentence}</p>" for sentence in STORY)
    + "</article></body></html>"
)


def _summarize(text: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "summarize.py"), default_timeout=TIMEOUT)
    app.run()
    app.text_area(key="pasted_text").input(text)
    next(button for button in app.button if button.label == "Summarize").click().run()
    assert not app.exception, app.exception
    return app


def _result(app: AppTest) -> dict[str, Any]:
    current = app.session_state["current_batch"]
    (document,) = next(batch["documents"] for batch in app.session_state["history"] if batch["id"] == current)
    return dict(document)


def test_pasted_page_source_is_read_as_html_and_titled_by_its_title() -> None:
    app = _summarize(PAGE_SOURCE)
    document = _result(app)
    assert "error" not in document, document.get("error")
    assert document["title"] == "Roads plan announced for forty districts"
    assert "<" not in document["text"]
    assert "tracking" not in document["text"]
    assert document["summaries"][0]["sentences"]
    headings = [markdown.value for markdown in app.markdown if markdown.value.startswith("### ")]
    assert headings == ["### Roads plan announced for forty districts"]


def test_pasted_page_source_without_an_article_is_refused_under_a_plain_title() -> None:
    app = _summarize("<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><div>Hi</div></body></html>")
    document = _result(app)
    assert "HTML source" in document["error"]
    assert document["title"] == "Pasted text"


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("https://www.example.com/news/story-1", "This is a link, not an article", "list of links"),
        ("https://example.com/a\nhttps://example.com/b", "This is a list of links", "This is a link,"),
    ],
)
def test_one_pasted_link_is_a_link_and_several_are_a_list(text: str, expected: str, not_expected: str) -> None:
    app = _summarize(text)
    errors = " ".join(error.value for error in app.error)
    assert expected in errors
    assert not_expected not in errors
    assert _result(app)["title"] == "Pasted text"  # not the link, drawn as a link in a heading


@pytest.mark.parametrize("text", ["12345 67890", "\x00\x00 binary words"])
def test_error_messages_start_with_a_capital_letter(text: str) -> None:
    app = _summarize(text)
    assert app.error
    for error in app.error:
        first = next(char for char in error.value if char.isalpha())
        assert first.isupper(), error.value


def test_details_show_commands_as_code_without_literal_backticks() -> None:
    app = _summarize(BILINGUAL_SEED.read_text("utf-8"))
    details = next(expander for expander in app.expander if expander.label == "Details")
    captions = [caption.value for caption in details.caption]
    assert any("`python -m summarizers download" in caption for caption in captions), captions
    assert not any("\\`" in caption for caption in captions), captions


def test_pasted_text_left_unticked_is_not_read_and_stays_in_the_box() -> None:
    app = AppTest.from_file(str(ROOT / "pages" / "summarize.py"), default_timeout=TIMEOUT)
    app.run()
    app.text_area(key="pasted_text").input(" ".join(STORY)).run()
    tick = app.checkbox(key="use:pasted")
    assert tick.value
    assert tick.label.startswith("Pasted text")
    tick.uncheck().run()
    next(button for button in app.button if button.label == "Summarize").click().run()
    assert not app.exception, app.exception
    assert "history" not in app.session_state
    assert any("Nothing is ticked" in warning.value for warning in app.warning)
    assert app.text_area(key="pasted_text").value == " ".join(STORY)
