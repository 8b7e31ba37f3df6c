"""A library error as the pages word it (Compare's failure line, an input's error entry): from its code, in the
interface language; the input's name and a model's folder stay as typed."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pages._views.wording import error_text, error_words
from pages.common import unreadable
from summarizers.errors import (
    DocumentError,
    GenerationStopped,
    ModelLoadError,
    ModelUnavailable,
    StorageError,
    UsageError,
)
from summarizers.messages import Message
from summarizers.pipeline import Options


def test_a_model_error_is_worded_in_hindi_from_its_code() -> None:
    error = ModelLoadError(Message("model.not_seq2seq", path="/models/gpt", model_type="gpt2"))
    assert error_words(error, "en") == str(error)
    hindi = error_words(error, "hi")
    assert hindi.startswith("/models/gpt का मॉडल सारांश लिखने वाला मॉडल नहीं है")
    assert "sequence" not in hindi


def test_a_reading_error_keeps_the_inputs_name_before_its_hindi_reason() -> None:
    error = DocumentError("notes.pdf", Message("reading.empty_file"))
    assert error_words(error, "hi") == "notes.pdf: फ़ाइल खाली है"
    assert error_words(error, "en") == "notes.pdf: the file is empty"


def test_an_error_with_no_coded_message_is_shown_as_raised() -> None:
    error = StorageError("full", "database or disk is full")  # the saved library's pages word it by its code
    assert error_words(error, "hi") == "saved library: database or disk is full"


def test_a_stopped_summary_is_worded_in_hindi_and_its_entry_keeps_its_code() -> None:
    error = GenerationStopped("org/model", "half a")
    assert error_words(error, "en") == str(error) == "org/model: stopped while writing the summary"
    assert error_words(error, "hi") == "org/model: सारांश लिखते समय रोक दिया गया"
    entry = unreadable("a.txt", error)
    assert entry["error"] == str(error)
    assert entry["error_code"] == {"code": "stopped.writing", "values": {"model": "org/model"}}
    assert error_text(entry, "hi") == "org/model: सारांश लिखते समय रोक दिया गया"


@pytest.mark.parametrize(
    "settings",
    [{"into": "fr"}, {"method": "fast"}, {"length": "huge"}, {"sentences": 2, "share": 0.5}, {"sentences": 0},
     {"share": 1.5}, {"form": "poem"}],
)  # fmt: skip
def test_a_setting_the_library_cannot_honour_is_refused_in_hindi_on_the_page(settings: dict[str, Any]) -> None:
    """Settings that reach the library out of range (a session restored from an older page, say): the entry the
    page keeps words the refusal in Hindi from its code, and its English is the error's text as before."""
    with pytest.raises(UsageError) as raised:
        Options(**settings)
    entry = unreadable("Pasted text", raised.value)
    assert entry["error"] == str(raised.value)
    assert entry.get("error_code", {}).get("code", "").startswith("usage.")
    hindi = error_text(entry, "hi")
    assert hindi == error_words(raised.value, "hi") != str(raised.value)
    typed = {repr(value) for value in settings.values()}
    left = re.sub(r"`[^`]*`", "", hindi)
    for value in typed:
        left = left.replace(value, "")
    assert not re.findall(r"[A-Za-z]{2,}", left), hindi


def test_a_model_error_entry_carries_its_code_for_the_page_to_word() -> None:
    error = ModelUnavailable(Message("model.hub_offline"))
    entry = unreadable("a.txt", error)
    assert entry["error"] == str(error)
    assert entry["error_code"] == {"code": "model.hub_offline", "values": {}}
