"""The interface's catalogs: the same keys in every language, and the library's coded messages worded on the pages
from their codes alone (plain notices, notices in full for Details, progress), in Hindi without English words."""

from __future__ import annotations

import io
import re
import string
from typing import Any

import pytest
from docx import Document as WordDocument

from pages._views.report import docx_report, json_entry
from pages._views.wording import (
    LABELS,
    _catalog,
    document_notices,
    error_text,
    language_name,
    progress_writer,
    reasons,
    summary_notices,
)
from pages.common import unreadable
from summarizers.documents.reading import from_text
from summarizers.errors import DocumentError, ModelLoadError, ModelUnavailable
from summarizers.messages import CODES, Message
from summarizers.pipeline import Options, _across_notice, _fallback_notice, summarize
from summarizers.schema import MessageJSON, error_code, messages_json, result_json

# What stays as written in a Hindi message: commands and their arguments (under Details only), model names.
COMMANDS = re.compile(r"`[^`]*`|--model \S+|[\w.-]+/[\w.-]+")


# Values a label's caller gives whichever language is shown, though only one language's wording uses them.
PASSED_TO_BOTH = {"flag_reasons": {"where"}}


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _english_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", COMMANDS.sub("", text))


@pytest.mark.parametrize("section", ["labels", "options", "versions", "library", "samples"])
def test_both_interface_catalogs_have_the_same_keys_and_no_placeholder_of_their_own(section: str) -> None:
    english, hindi = _catalog("en")[section], _catalog("hi")[section]
    assert set(english) == set(hindi)
    for key, text in english.items():
        # Hindi may leave one out ("documents"), and add only one its caller passes to both ("where").
        assert _fields(hindi[key]) <= _fields(text) | PASSED_TO_BOTH.get(key, set()), key


def test_plain_notices_are_worded_for_library_codes_in_both_languages() -> None:
    english, hindi = _catalog("en")["plain"]["notice"], _catalog("hi")["plain"]["notice"]
    assert set(english) == set(hindi)
    assert {f"notice.{name}" for name in english} <= set(CODES)


def _summary(*notices: Message) -> dict[str, Any]:
    return {"notice": " ".join(notices) or None, "notice_codes": messages_json(notices)}


EVERY_NOTICE = [
    _fallback_notice("hi", ModelUnavailable("not downloaded")),
    _fallback_notice("en", ModelLoadError("broken weights")),
    _across_notice("hi", "en", ModelUnavailable("not here")),
    _across_notice("en", "hi", ModelLoadError("broken")),
    Message("notice.across_extractive", lang="hi", into="en"),
    Message("notice.no_summary", engine="abstractive", error="no weights"),
    Message("notice.chunked", parts=3),
    Message("notice.undetermined"),
    Message("notice.part_too_short", lang="en", letters=42),
    Message("notice.language_not_summarised", lang="ta", model="csebuetnlp/mT5_multilingual_XLSum"),
    Message("notice.text_too_short", letters=7),
    Message("notice.nothing"),
]


def test_the_walk_covers_every_notice_code() -> None:
    assert {notice.code for notice in EVERY_NOTICE} == {code for code in CODES if code.startswith("notice.")}


@pytest.mark.parametrize("notice", EVERY_NOTICE, ids=lambda notice: notice.code)
def test_every_notice_reads_in_hindi_on_the_page_and_in_details(notice: Message) -> None:
    [shown] = summary_notices(_summary(notice), "hi")
    # The plain line has nothing technical; Details hold the commands, in a Hindi sentence. An error a model raised
    # is not the library's wording and stays as raised.
    assert not _english_words(shown.plain.replace("csebuetnlp/mT5_multilingual_XLSum", "")), shown.plain
    assert "`" not in shown.plain
    assert "--model" not in shown.plain
    if shown.details is not None:
        left = shown.details
        for value in sorted(map(str, notice.values.values()), key=len, reverse=True):  # "broken" before "en"
            left = left.replace(value, "")
        assert not _english_words(left), shown.details


def test_the_offline_fallback_reads_plainly_with_the_command_in_details() -> None:
    [shown] = summary_notices(_summary(EVERY_NOTICE[0]), "en")
    assert shown.plain == "Working offline: showing key sentences from the article."
    assert shown.details is not None
    assert "python -m summarizers download hi" in shown.details
    [hindi] = summary_notices(_summary(EVERY_NOTICE[0]), "hi")
    assert hindi.plain == "ऑफ़लाइन: लेख के मुख्य वाक्य दिखाए जा रहे हैं।"
    assert hindi.details is not None
    assert "python -m summarizers download hi" in hindi.details
    assert hindi.details.startswith("हिन्दी मॉडल डाउनलोड नहीं हुआ है")


def test_a_cross_language_fallback_and_its_own_fallback_are_two_notices() -> None:
    notices = summary_notices(_summary(EVERY_NOTICE[2], EVERY_NOTICE[0]), "hi")
    assert [notice.plain for notice in notices] == [
        "हिन्दी पाठ का अंग्रेज़ी सारांश यहाँ नहीं बन सका (विवरण देखें)। इसकी जगह हिन्दी सारांश दिखाया गया है।",
        "ऑफ़लाइन: लेख के मुख्य वाक्य दिखाए जा रहे हैं।",
    ]


def test_a_result_kept_from_before_messages_were_coded_shows_its_english_as_written() -> None:
    old = {"notices": ["The Hindi part is too short to summarise (42 letters)."]}
    assert [notice.plain for notice in document_notices(old, "hi")] == old["notices"]
    assert reasons({"reasons": ["name Kovind not in the source"]}, "hi") == ["name Kovind not in the source"]


def test_progress_is_written_in_the_interface_language_and_internal_stages_stay_out() -> None:
    written: list[str] = []
    progress = progress_writer(written.append, "hi")
    progress(Message("progress.detecting"))
    progress(Message("progress.found", langs=("en", "hi")))
    progress(Message("progress.engine_failed", lang="hi", engine="abstractive", error="no weights"))
    progress(Message("progress.picking", lang="hi"))
    progress(Message("progress.matching"))
    assert written == [
        "भाषाएँ पहचानी जा रही हैं",
        "पाठ की भाषाएँ: अंग्रेज़ी, हिन्दी",
        "लेख के मुख्य हिन्दी वाक्य चुने जा रहे हैं",
        "दोनों संस्करणों की संख्याएँ, तारीख़ें और नाम मिलाए जा रहे हैं",
    ]


def test_every_progress_stage_reads_in_hindi() -> None:
    values: dict[str, Any] = {
        "lang": "hi", "into": "en", "langs": ("en", "hi"), "model": "org/model", "mb": 2300, "licence": "MIT",
        "licence_name": "MIT",
        "folder": "/cache/model", "ahead": 2, "engine": "abstractive", "error": "", "title": "",
    }  # fmt: skip
    written: list[str] = []
    progress = progress_writer(written.append, "hi")
    stages = [code for code in CODES if code.startswith("progress.")]
    for code in stages:
        progress(Message(code, **values))
    assert len(written) == len(stages) - 2  # the two internal stages stay out
    for line in written:
        assert not _english_words(line.replace("/cache/model", "").replace("MIT", "")), line


def test_language_names_come_from_the_catalog_then_the_cldr() -> None:
    assert [language_name(code, "hi") for code in ("en", "hi", "mixed", "und", "ta")] == [
        "अंग्रेज़ी",
        "हिन्दी",
        "मिली-जुली",
        "अनिर्धारित",
        "तमिल",
    ]
    assert language_name("ta") == "Tamil"


def test_labels_are_the_catalogs() -> None:
    message: MessageJSON = {"code": "notice.nothing", "values": {}}
    assert document_notices({"notices": ["x"], "notice_codes": [message]}, "hi")[0].plain.startswith("सारांश")
    assert LABELS["hi"]["summarize_title"] == "सारांश"


def test_a_word_export_sets_its_notices_in_italic() -> None:
    """Italic belongs to a run in python-docx: a paragraph has no `italic`, and setting one changed nothing."""
    document = from_text("Modi met Putin in Moscow on Monday to talk about trade.", "short.txt")
    result = summarize(document, Options(method="extractive"))
    shown = {"name": document.name, "text": document.text, **result_json(result)}
    exported = WordDocument(io.BytesIO(docx_report(shown)))
    notices = [p for p in exported.paragraphs if p.text.startswith("The text is very short")]
    assert len(notices) == 1
    assert all(run.italic for run in notices[0].runs)


def test_an_input_that_could_not_be_read_is_worded_from_its_code_and_an_older_entry_as_written() -> None:
    error = DocumentError("notes.pdf", Message("reading.too_large", mb=31.5, limit_mb=20.0))
    entry = {"name": "notes.pdf", "title": "notes.pdf", "error": str(error.reason), **error_code(error)}
    assert error_text(entry, "en") == "the file is 31.5 MB, more than the limit of 20 MB (SAAR_MAX_BYTES)"
    assert error_text(entry, "hi") == "फ़ाइल 31.5 मेगाबाइट की है, जो 20 मेगाबाइट की सीमा से बड़ी है"
    assert error_text({"name": "notes.pdf", "title": "notes.pdf", "error": "the file is empty"}, "hi") == (
        "the file is empty"
    )
    # A reason given as plain text by code outside the library is shown as it is.
    plain = unreadable("a.txt", DocumentError("a.txt", "made elsewhere"))  # type: ignore[arg-type]
    assert plain == {"name": "a.txt", "title": "a.txt", "error": "made elsewhere"}
    assert unreadable("a.txt", error)["error_code"] == entry["error_code"]
    # The app's JSON download carries the code as `summarize --json` does.
    assert json_entry(entry) == {"path": "notes.pdf", "error": entry["error"], "error_code": entry["error_code"]}
