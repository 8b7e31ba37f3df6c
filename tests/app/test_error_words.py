"""A library error as the pages word it (Compare's failure line, an input's error entry): from its code, in the
interface language; the input's name and a model's folder stay as typed."""

from __future__ import annotations

from pages._views.wording import error_words
from pages.common import unreadable
from summarizers.errors import DocumentError, GenerationStopped, ModelLoadError, ModelUnavailable
from summarizers.messages import Message


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


def test_an_error_with_no_code_is_shown_as_raised() -> None:
    assert error_words(GenerationStopped("org/model", "half a"), "hi") == "org/model: stopped while writing the summary"


def test_a_model_error_entry_carries_its_code_for_the_page_to_word() -> None:
    error = ModelUnavailable(Message("model.hub_offline"))
    entry = unreadable("a.txt", error)
    assert entry["error"] == str(error)
    assert entry["error_code"] == {"code": "model.hub_offline", "values": {}}
