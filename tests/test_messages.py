"""Coded messages: every code the library can emit has a wording in each catalog, every notice and reason in the JSON
carries its code and values, and the English text beside it is what the code renders to."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizers.messages import CODES, Message, catalog, render
from tests.cli_runner import run_cli
from tests.conftest import ROOT

LIBRARY = ROOT / "summarizers"
CODE_LITERAL = re.compile(r"\"((?:progress|notice|reason|note|reading)\.[a-z_0-9]+)\"")


# Values a message carries for other languages' words only (the English names the licence in full).
EXTRA_VALUES = {
    code: {"licence_name"}
    for code in ("notice.across_not_downloaded", "progress.downloading", "progress.downloading_licensed")
}


def _fields(template: str) -> set[str]:
    return {field.split(".")[0] for _, field, _, _ in string.Formatter().parse(template) if field}


def test_every_code_the_library_emits_is_listed_and_every_listed_code_is_emitted() -> None:
    """The codes in the library's source (each `Message(...)`), against the list in `messages.MessageCode`: mypy
    holds every `Message` to that list; this finds a code listed but no longer emitted anywhere."""
    sources = [path for path in LIBRARY.rglob("*.py") if path.name != "messages.py"]
    emitted = {code for path in sources for code in CODE_LITERAL.findall(path.read_text(encoding="utf-8"))}
    assert emitted == set(CODES)


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_each_catalog_words_every_code(lang: str) -> None:
    """Every code, worded; each wording renders with the values the library gives is walked in
    `tests/app/test_catalogs.py` (notices, progress) and `tests/app/test_flag_wording.py` (reasons)."""
    words = catalog(lang)
    assert set(words.templates) == set(CODES)
    for code in CODES:
        assert _fields(words.templates[code]) <= _fields(catalog("en").templates[code]) | EXTRA_VALUES.get(code, set())


def test_a_language_without_a_catalog_reads_english() -> None:
    assert render("notice.part_too_short", {"lang": "hi", "letters": 42}, "fr") == (
        "The Hindi part is too short to summarise (42 letters)."
    )


def test_a_message_is_its_english_and_keeps_its_code_through_pickling() -> None:
    message = Message("notice.part_too_short", lang="hi", letters=42)
    assert message == "The Hindi part is too short to summarise (42 letters)."
    copy = pickle.loads(pickle.dumps(message))
    assert (copy.code, copy.values, str(copy)) == (message.code, message.values, str(message))
    assert render(message.code, message.values, "hi") == "हिन्दी भाग सारांश के लिए बहुत छोटा है (42 अक्षर)।"


def test_a_reason_about_the_source_reads_about_the_other_version() -> None:
    reason = Message("reason.negation", place="source")
    assert reason == "its closest source sentences differ from it on a negation (not, no, never)"
    assert reason.at("other_version") == (
        "its closest sentences in the other version differ from it on a negation (not, no, never)"
    )
    assert render("reason.negation", reason.at("other_version").values, "hi").startswith("दूसरे संस्करण के")


@given(st.text(min_size=1, max_size=40))
def test_what_a_text_or_a_model_wrote_stays_as_written_in_every_language(name: str) -> None:
    message = Message("reason.name_missing", name=name, place="source")
    for lang in ("en", "hi"):
        assert name in render(message.code, message.values, lang)


@given(st.text(max_size=60))
def test_values_holding_braces_are_never_read_as_template_fields(word: str) -> None:
    message = Message("reason.new_word", words=(word,), place="source")
    assert str(message) == f"word not in the source: {word}"


def _every_message(payload: Any) -> list[tuple[str, dict[str, Any]]]:
    """(English text, its code entry) for each notice and reason of a JSON document, paired item for item."""
    pairs: list[tuple[str, dict[str, Any]]] = []
    if isinstance(payload, dict):
        for texts, codes in (("notices", "notice_codes"), ("reasons", "reason_codes"), ("notes", "note_codes")):
            if texts in payload:
                assert len(payload[codes]) == len(payload[texts]), (texts, payload)
                pairs += list(zip(payload[texts], payload[codes], strict=True))
        if payload.get("notice") is not None:  # a summary's notice: the text of its codes, joined
            coded = payload["notice_codes"]
            assert " ".join(render(c["code"], c["values"]) for c in coded) == payload["notice"]
            pairs += [(render(c["code"], c["values"]), c) for c in coded]
        for value in payload.values():
            pairs += _every_message(value)
    elif isinstance(payload, list):
        for item in payload:
            pairs += _every_message(item)
    return pairs


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_summarize_json_gives_every_notice_its_code_beside_its_text(tmp_path: Path) -> None:
    bilingual = (ROOT / "seeds" / "en_hi_putin_modi_talks_bilingual.txt").read_text(encoding="utf-8")
    short = _write(tmp_path / "short.txt", "Modi met Putin in Moscow on Monday.")
    tamil = _write(tmp_path / "tamil.txt", bilingual + "\n\nஇந்தியா மற்றும் ரஷ்யா இடையே வர்த்தகம் அதிகரித்துள்ளது.")
    result = run_cli("summarize", short, tamil, "--method", "extractive", "--into", "en", "--json")
    assert result.code == 0, result.stderr
    pairs = _every_message(result.json())
    codes = {entry["code"] for _, entry in pairs}
    assert {"notice.text_too_short", "notice.across_extractive"} <= codes
    for text, entry in pairs:
        assert render(entry["code"], entry["values"], "en") == text


def test_compare_json_gives_every_reason_and_note_its_code(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", "Modi met Putin in Moscow on 8 July. Trade reached 65 billion dollars.")
    second = _write(tmp_path / "b.txt", "मोदी ने 9 जुलाई को मास्को में पुतिन से मुलाकात की। व्यापार 60 अरब डॉलर तक पहुँचा।")
    result = run_cli("compare", first, second, "--method", "extractive", "--json")
    assert result.code == 0, result.stderr
    pairs = _every_message(result.json())
    assert any(entry["code"] == "reason.fact_missing" for _, entry in pairs)
    for text, entry in pairs:
        assert render(entry["code"], entry["values"], "en") == text
        assert not re.search(r"[A-Za-z]{3}", _without_values(render(entry["code"], entry["values"], "hi"), entry))


def _without_values(text: str, entry: dict[str, Any]) -> str:
    items = [
        str(item) for value in entry["values"].values() for item in (value if isinstance(value, list) else [value])
    ]
    for item in sorted(items, key=len, reverse=True):  # a longer value holding a shorter one goes first
        text = text.replace(item, "")
    return text
