"""A record kept by a newer version may carry a message code this version's catalogs lack: the pages then show what
that version wrote, never a traceback."""

from __future__ import annotations

from typing import Any

from pages._views.wording import document_notices, error_text, notes, reasons
from summarizers.schema import ComparisonJSON, FailedRecord, MessageJSON, ResultJSON, SentenceJSON

NEWER: MessageJSON = {"code": "notice.from_a_newer_version", "values": {"figure": 3}}  # type: ignore[typeddict-item]


def test_an_unknown_error_code_shows_the_error_as_written() -> None:
    entry: dict[str, Any] = {"name": "a.pdf", "title": "a.pdf", "error": "Written by a newer version"}
    entry["error_code"] = NEWER
    assert error_text(FailedRecord(**entry), "hi") == "Written by a newer version"


def test_unknown_notice_reason_and_note_codes_show_their_text_as_written() -> None:
    document: dict[str, Any] = {"notices": ["A newer notice"], "notice_codes": [NEWER]}
    assert [notice.plain for notice in document_notices(ResultJSON(**document), "hi")] == ["A newer notice"]
    sentence: dict[str, Any] = {"reasons": ["a newer reason"], "reason_codes": [NEWER]}
    assert reasons(SentenceJSON(**sentence), "hi") == ["a newer reason"]
    comparison: dict[str, Any] = {"notes": ["a newer note"], "note_codes": [NEWER]}
    assert notes(ComparisonJSON(**comparison), "hi") == ["a newer note"]


def test_known_codes_are_still_worded_in_the_interface_language() -> None:
    known: MessageJSON = {"code": "reading.empty_file", "values": {}}
    entry: dict[str, Any] = {"name": "a.txt", "title": "a.txt", "error": "The file is empty", "error_code": known}
    assert error_text(FailedRecord(**entry), "hi") != "The file is empty"
