"""Why an input cannot be read, coded: every refusal of the readers is a `DocumentError` whose reason is a declared
"reading." code and its values. Its English is the error's text as the command line always printed it; its Hindi
has no English words; the code and values cross the reading worker's pipe and reach the command line's JSON."""

from __future__ import annotations

import ast
import json
import re
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizers.documents.isolated import IsolatedReader, refusal_json, refused
from summarizers.documents.reading import from_text, read_bytes
from summarizers.errors import DocumentError
from summarizers.messages import CODES, Message, catalog, render
from summarizers.schema import error_code
from tests.cli_runner import run_cli
from tests.conftest import ROOT
from tests.files import locked_pdf

READING_CODES = [code for code in CODES if code.startswith("reading.")]
# Modules whose every coded message says why an input could not be read.
READERS = [*sorted((ROOT / "summarizers" / "documents").glob("*.py")), ROOT / "summarizers" / "jsonl.py"]
# What a Hindi reading error keeps as written: what a user types as it is (a link's scheme, a file format's name,
# the JSON keys of a batch line).
KEPT_AS_TYPED = re.compile(r"https?://|\bJSONL?\b|UTF-8|\"id\"|\"text\"")
SAMPLE_TEXT = "VALUE"


def _code_literals(path: Path) -> list[str]:
    """The codes given as literals to `Message(...)` and to a budget's `check(...)` in one module."""
    codes = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if called in ("Message", "check") and isinstance(node.args[0].value, str):
            codes.append(node.args[0].value)
    return codes


def test_a_document_error_takes_a_coded_reason_so_mypy_holds_every_raise_site_to_a_declared_code() -> None:
    assert get_type_hints(DocumentError.__init__, {"Message": Message})["reason"] is Message


@pytest.mark.parametrize("path", READERS, ids=lambda path: path.name)
def test_the_readers_code_every_refusal_as_a_reading_code(path: Path) -> None:
    for code in _code_literals(path):
        assert code in READING_CODES, (path.name, code)


def _sample_values(template: str) -> dict[str, Any]:
    """Values for each field of a template, of the kind its format spec takes (a figure, or words)."""
    values: dict[str, Any] = {}
    for _, field, spec, _ in string.Formatter().parse(template):
        if field:
            values[field] = 1234.5 if spec and spec.endswith("f") else 123456 if spec else SAMPLE_TEXT
    return values


@pytest.mark.parametrize("code", READING_CODES)
def test_each_reading_error_reads_in_hindi_without_english_words(code: str) -> None:
    values = _sample_values(catalog("en").templates[code])
    hindi = render(code, values, "hi")
    assert hindi != render(code, values, "en")
    left = KEPT_AS_TYPED.sub("", hindi.replace(SAMPLE_TEXT, ""))
    assert not re.findall(r"[A-Za-z]{2,}", left), hindi


def _refusal(read: Callable[[], object]) -> DocumentError | None:
    """The `DocumentError` that `read` raises, or None when it reads."""
    try:
        read()
    except DocumentError as error:
        return error
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.html", "a"]))
def test_any_bytes_are_read_or_refused_with_a_declared_code_whose_english_is_the_error(data: bytes, name: str) -> None:
    error = _refusal(lambda: read_bytes(data, name))
    if error is not None:
        reason = error.reason
        assert reason.code in READING_CODES
        assert str(error) == f"{name}: {render(reason.code, reason.values, 'en')}"
        assert render(reason.code, reason.values, "hi")


@given(st.text(max_size=80))
def test_any_pasted_text_is_taken_or_refused_with_a_declared_code(text: str) -> None:
    error = _refusal(lambda: from_text(text))
    if error is None:
        assert any(ch.isalpha() for ch in text)
    else:
        assert error.reason.code in {"reading.empty_text", "reading.no_words", "reading.nul_characters"}
        assert "\n" not in render(error.reason.code, error.reason.values, "hi")


def _values_for(code: str, words: str, figure: int) -> dict[str, Any]:
    """Values for a code's template: figures where it formats one, `words` (any text) elsewhere."""
    values: dict[str, Any] = {}
    for _, field, spec, _ in string.Formatter().parse(catalog("en").templates[code]):
        if field:
            values[field] = (figure + 0.25 if spec.endswith("f") else figure) if spec else words
    return values


@given(st.sampled_from(READING_CODES), st.text(max_size=30), st.integers(0, 10**9))
def test_every_refusal_crosses_the_workers_pipe_as_the_same_message(code: str, words: str, figure: int) -> None:
    """As the worker writes it (one JSON line, ASCII) and the parent reads it back: the same code, values and
    English, whatever text the values hold (braces, quotes, newlines, any script)."""
    sent = Message(code, **_values_for(code, words, figure))  # type: ignore[arg-type]
    line = json.dumps(refusal_json(sent), ensure_ascii=True)
    assert "\n" not in line
    back = refused(json.loads(line))
    assert (back.code, back.values, str(back)) == (sent.code, sent.values, str(sent))


def test_an_answer_that_is_not_a_known_refusal_reads_as_a_lost_reader() -> None:
    assert refused({"error": "x", "code": "reading.no_such_code", "values": {}}).code == "reading.worker_lost"
    assert refused({"error": "x", "code": "reading.too_large", "values": {}}).code == "reading.worker_lost"


UNREADABLE = {
    "empty.pdf": (b"", "reading.empty_file"),
    "noise.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 4, "reading.pdf_damaged"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "reading.binary"),
    "locked.pdf": (None, "reading.pdf_encrypted"),
    "big.txt": (b"word " * 300_000, "reading.too_large"),
}


def test_the_code_and_values_cross_the_reading_workers_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process reads the file; the refusal it sends back is the same coded message as read here."""
    monkeypatch.setenv("SAAR_MAX_BYTES", "1000000")
    with IsolatedReader() as reader:
        for name, (data, code) in UNREADABLE.items():
            content = locked_pdf() if data is None else data
            with pytest.raises(DocumentError) as here:
                read_bytes(content, name)
            with pytest.raises(DocumentError) as there:
                reader.read_bytes(content, name)
            assert there.value.reason.code == here.value.reason.code == code
            assert there.value.reason.values == here.value.reason.values
            assert str(there.value) == str(here.value)
    too_large = here.value.reason
    assert too_large.values == {"mb": 1.5, "limit_mb": 1.0}
    assert render(too_large.code, too_large.values, "hi") == "फ़ाइल 1.5 मेगाबाइट की है, जो 1 मेगाबाइट की सीमा से बड़ी है"


def test_the_command_lines_json_gives_an_unreadable_file_its_code_beside_its_error(tmp_path: Path) -> None:
    files = {}
    for name, (data, _) in UNREADABLE.items():
        files[name] = tmp_path / name
        files[name].write_bytes(locked_pdf() if data is None else data)
    result = run_cli("segment", *map(str, files.values()), "--json", env={"SAAR_MAX_BYTES": "1000000"})
    assert result.code == 1
    entries = result.json()["documents"]
    for entry, (name, (_, code)) in zip(entries, UNREADABLE.items(), strict=True):
        assert entry["error_code"]["code"] == code
        assert entry["error"] == f"{files[name]}: {render(code, entry['error_code']['values'])}"
    # The text of each error is what it was before codes were added, word for word.
    assert entries[0]["error"].endswith(": the file is empty")
    assert entries[4]["error"].endswith(": the file is 1.5 MB, more than the limit of 1 MB (SAAR_MAX_BYTES)")


def test_an_attribute_line_that_cannot_be_used_gets_its_code(tmp_path: Path) -> None:
    lines = tmp_path / "pairs.jsonl"
    good = json.dumps({"id": "a", "source": "Modi met Putin in Moscow.", "summary": "Modi met Putin."})
    lines.write_text(f"{good}\n{{not json\n" + json.dumps({"id": "c", "source": "", "summary": "x"}) + "\n", "utf-8")
    result = run_cli("attribute", "--jsonl", str(lines))
    assert result.code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert "error" not in out[0]
    assert out[1]["error_code"]["code"] == "reading.line_not_json"
    assert out[1]["error"].startswith("line 2: not JSON (")
    assert out[2]["error_code"] == {"code": "reading.empty_text", "values": {}}


def test_a_reason_given_as_plain_text_by_code_outside_the_library_is_kept_without_a_code() -> None:
    error = DocumentError("a.txt", "made elsewhere")  # type: ignore[arg-type]
    assert str(error) == "a.txt: made elsewhere"
    assert error_code(error) == {}
    assert error_code(DocumentError("a.txt", Message("reading.empty_file"))) == {
        "error_code": {"code": "reading.empty_file", "values": {}}
    }
