"""Markdown and Word exports in the interface language: their headings and fixed words follow it, while the article's
and the models' text stays as written."""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document as WordDocument

from pages._views.report import docx_report, markdown_report, markdown_text
from pages._views.wording import short_model
from pages.common import with_labels
from summarizers.documents.reading import read_path
from summarizers.errors import DocumentError
from summarizers.messages import Message
from summarizers.pipeline import Options, summarize
from summarizers.schema import DocumentRecord, FailedRecord, error_code, result_json
from tests.conftest import BILINGUAL_SEED

# What an export may keep in Latin letters beyond the article's and the models' text: the time zone of its time.
KEPT = {"UTC"}


def _record() -> DocumentRecord:
    """The bilingual sample as the app keeps it, one English sentence flagged and one left unchecked."""
    document = read_path(BILINGUAL_SEED)
    result = result_json(summarize(document, Options(method="extractive")))
    settings = with_labels({"method": "auto", "length": "short", "form": "bullets", "sentences": 3})
    record: dict[str, Any] = {
        "name": document.name, "text": document.text, "title": "Modi and Putin talk trade", "source": document.name,
        "created": "2026-12-07 00:55 UTC", "settings": settings, **result,
    }  # fmt: skip
    english = next(summary for summary in record["summaries"] if summary["lang"] == "en")
    english["sentences"][0].update(supported=False, missing=["Kovind"])
    english["sentences"][1].update(supported=False, checked=False)
    return record  # type: ignore[return-value]


def _written(record: DocumentRecord) -> list[str]:
    """The texts an export shows as written: the title, the file's name, each summary sentence, the models' names."""
    sentences = [sentence["text"] for summary in record["summaries"] for sentence in summary["sentences"]]
    models = [short_model(summary["model"]) for summary in record["summaries"]]
    return sorted([record["title"], record["name"], *sentences, *models, "Kovind"], key=len, reverse=True)


def _english_words(text: str, written: list[str]) -> list[str]:
    for phrase in written:
        text = text.replace(markdown_text(phrase), " ").replace(phrase, " ")
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in KEPT]


def _word_text(data: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in WordDocument(io.BytesIO(data)).paragraphs)


def test_a_hindi_interface_export_has_no_english_fixed_word() -> None:
    record = _record()
    for exported in (markdown_report(record, "hi"), _word_text(docx_report(record, "hi"))):
        assert "अंग्रेज़ी सारांश" in exported
        assert "हिन्दी सारांश" in exported
        assert "वाक्य 1 को स्रोत में समर्थन नहीं मिला (Kovind वहाँ नहीं मिला)।" in exported
        assert "वाक्य 2 की स्रोत से जाँच नहीं हो सकी।" in exported
        assert _english_words(exported, _written(record)) == []
        for sentence in record["summaries"][0]["sentences"]:  # the article's text stays as written
            assert markdown_text(sentence["text"]) in exported or sentence["text"] in exported


def test_an_english_interface_export_keeps_its_english_words() -> None:
    record = _record()
    exported = markdown_report(record)
    assert "## English summary" in exported
    assert "- **Source:** " in exported
    assert "- **Settings:** Auto · 3 sentences · Bullet points" in exported
    assert "⚠ Sentence 1 is not supported by the source (Kovind not found there)." in exported
    assert "Sentence 2 could not be checked against the source." in _word_text(docx_report(record))


def test_the_check_finds_english_fixed_words() -> None:
    assert _english_words(markdown_report(_record(), "en"), _written(_record()))[:2] == ["Source", "Summarised"]


def test_an_input_that_could_not_be_read_is_exported_in_the_interface_language() -> None:
    error = DocumentError("notes.pdf", Message("reading.empty_file"))
    failed: FailedRecord = {"name": "notes.pdf", "title": "notes.pdf", "error": str(error.reason), **error_code(error)}
    assert "पढ़ा नहीं जा सका: फ़ाइल खाली है" in markdown_report(failed, "hi")
    assert "पढ़ा नहीं जा सका: फ़ाइल खाली है" in _word_text(docx_report(failed, "hi"))
    assert "Could not be read: the file is empty" in markdown_report(failed)
