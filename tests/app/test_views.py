"""The words and exports the pages build: plain notices, titles, file names, Markdown that escapes only markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pages._views.report import file_name, markdown_text
from pages._views.wording import document_title, plain_notice, short_model
from pages.common import is_markup, junk_reason
from summarizers.documents.reading import from_text
from summarizers.errors import ModelUnavailable
from summarizers.pipeline import _fallback_notice


def test_the_offline_fallback_notice_reads_plainly_with_the_command_in_details() -> None:
    notice = _fallback_notice("hi", ModelUnavailable("not downloaded"))
    shown, details = plain_notice(notice)
    assert shown == "Working offline: showing key sentences from the article."
    assert details is not None
    assert "python -m summarizers download hi" in details


@pytest.mark.parametrize(
    "notice",
    [
        "Tamil (ta) is not summarised: Saar summarises English and Hindi. The multilingual csebuetnlp/mT5 model "
        "covers 45 languages and may serve it: pass --model ta=csebuetnlp/mT5 to try.",
        "Something failed: run `python -m summarizers download en` to fix it.",
    ],
)
def test_notices_with_commands_show_none_on_the_page(notice: str) -> None:
    shown, details = plain_notice(notice)
    assert "--model" not in shown
    assert "`" not in shown
    assert details == notice


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


def test_a_cross_language_fallback_reads_plainly_and_keeps_the_command_for_details() -> None:
    notice = (
        "No English summary of the Hindi text: the cross-language model is not available (not downloaded). Run "
        "`python -m summarizers download cross` with internet access. Showing the Hindi summary instead. Hindi model "
        "not downloaded; showing an extractive summary."  # the original summary's own notice follows
    )
    shown, details = plain_notice(notice)
    assert shown.startswith("No English summary of the Hindi text")
    assert shown.endswith("Showing the Hindi summary instead.")  # not the offline line, which would hide it
    assert "python -m" not in shown
    assert details == notice


def test_notices_the_library_writes_in_english_read_in_hindi_on_the_hindi_page() -> None:
    across = (
        "No English summary of the Hindi text: the cross-language model is not available (not downloaded). Run "
        "`python -m summarizers download cross` with internet access. Showing the Hindi summary instead."
    )
    shown, details = plain_notice(across, "hi")
    assert shown.startswith("हिन्दी पाठ का अंग्रेज़ी सारांश")
    assert not re.search(r"[A-Za-z]", shown)  # nothing left in English
    assert details == across
    unsupported = "Tamil (ta) is not summarised: Saar summarises English and Hindi. Pass --model ta=x to try."
    shown, details = plain_notice(unsupported, "hi")
    assert shown.startswith("तमिल पाठ")
    assert not re.search(r"[A-Za-z]", shown)
    assert details == unsupported


@pytest.mark.parametrize(
    ("notice", "english", "hindi"),
    [
        (
            "The Hindi part is too short to summarise (42 letters).",
            "The Hindi part is too short to summarise (42 letters).",
            "हिन्दी भाग सारांश के लिए बहुत छोटा है (42 अक्षर)।",
        ),
        (
            "The text is very short (7 letters), so there is little to summarise: paste the whole article for a "
            "summary.",
            "The text is very short (7 letters), so there is little to summarise: paste the whole article for a "
            "summary.",
            "पाठ बहुत छोटा है (7 अक्षर), इसलिए सारांश में कहने को कुछ ख़ास नहीं: सारांश के लिए पूरा लेख चिपकाएँ।",
        ),
        (
            "Nothing to summarise: the document has no article text (only page chrome or symbols).",
            "Nothing to summarise: the document has no article text (only page menus, links or symbols).",
            "सारांश के लिए कुछ नहीं: इसमें लेख का पाठ नहीं है (केवल वेबसाइट के मेन्यू, लिंक या चिह्न)।",
        ),
    ],
)
def test_notices_about_a_whole_document_read_in_either_interface_language(
    notice: str, english: str, hindi: str
) -> None:
    assert plain_notice(notice, "en") == (english, None)
    assert plain_notice(notice, "hi") == (hindi, None)
