"""The words and exports the pages build: titles, file names, Markdown that escapes only markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pages._views.report import file_name, markdown_text
from pages._views.wording import document_title, short_model
from pages.common import is_markup, junk_reason
from summarizers.documents.reading import from_text


def test_model_names_lose_their_technical_description() -> None:
    assert short_model("saar-extractive (TF-IDF centrality + position prior)") == "saar-extractive"
    assert short_model("csebuetnlp/mT5_multilingual_XLSum") == "csebuetnlp/mT5_multilingual_XLSum"
    assert short_model(None) == "no model"


def test_titles_come_from_the_first_line_with_letters() -> None:
    assert document_title("\n\n# Roads plan announced.\nBody text.", "file.txt") == "Roads plan announced"
    long_line = "word " * 40
    title = document_title(long_line, "file.txt")
    assert title.endswith("…")
    assert len(title) <= 91
    assert document_title("123\n---", "file.txt") == "file.txt"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Putin–Modi Talks: Strengthening Ties", "putin-modi-talks-strengthening-ties.md"),
        ("पुतिन और मोदी की बातचीत", "पुतिन-और-मोदी-की-बातचीत.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("???", "saar-summary.md"),
    ],
)
def test_file_names_come_from_the_title(title: str, expected: str) -> None:
    assert file_name(title, "md") == expected


def test_markdown_escapes_only_what_would_be_read_as_markup() -> None:
    assert markdown_text("Prices rose 5.2% in 2024 - a record.") == "Prices rose 5.2% in 2024 - a record."
    assert markdown_text("a *bold* claim") == "a \\*bold\\* claim"
    assert markdown_text("<script>x</script>") == "\\<script>x\\</script>"
    assert markdown_text("# not a heading") == "\\# not a heading"
    assert markdown_text("see [this](http://x)") == "see \\[this](http://x)"


@given(st.text())
def test_markdown_text_keeps_every_word(text: str) -> None:
    escaped = markdown_text(text)
    assert re.sub(r"\\(?=[\\`*_<\[#>+\-\d])", "", escaped).split() == " ".join(text.split()).split() or "\\" in text


def test_links_and_page_source_are_not_articles() -> None:
    assert junk_reason("https://a.example/x\nwww.b.example/y") is not None
    assert junk_reason("<!DOCTYPE html><html><body><p>Hello</p></body></html>") is not None
    article = from_text("The council met on Monday to approve the budget for new roads and schools in the district.")
    assert junk_reason(article.text) is None
    assert junk_reason("<script>x</script> " + article.text * 3) is None


def test_paragraph_tags_mark_pasted_html() -> None:
    assert is_markup("<p>One.</p><p>Two.</p>")
    assert not is_markup("<script>alert(1)</script> <img src=x> text")


@settings(deadline=None, max_examples=40)  # the first Word file of a process loads its template: no deadline
@given(st.text(min_size=1, max_size=60))
def test_a_word_export_takes_any_text_a_model_or_article_can_hold(text: str) -> None:
    import io

    from docx import Document as WordDocument

    from pages._views.report import docx_report

    sentence = {"text": text, "supported": True, "sources": []}
    summary = {"lang": "en", "method": "abstractive", "model": "m", "text": text, "notice": None,
               "sentences": [sentence]}  # fmt: skip
    document = {"name": text, "text": text, "language": "en", "shares": {"en": 1.0}, "segments": [],
                "summaries": [summary], "notices": []}  # fmt: skip
    exported = WordDocument(io.BytesIO(docx_report(document)))
    # XML 1.0's characters: tab, newlines, and everything from space on but surrogates and U+FFFE/U+FFFF.
    kept = "".join(
        ch
        for ch in text
        if ch in "\t\n\r" or (ch >= " " and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff")
    )
    assert all(word in "\n".join(p.text for p in exported.paragraphs) for word in kept.split())
