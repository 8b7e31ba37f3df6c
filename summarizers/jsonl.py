"""JSON Lines input read one line at a time, with the reading limits applied to each line, not to the whole file.

A bulk file (`attribute --jsonl`, `batch` with a JSONL input) holds many documents, so its size says nothing about any
one of them: a file of a thousand articles is as acceptable as one of ten. Memory stays bounded by the longest line
allowed (`SAAR_MAX_BYTES`): a longer line is skipped unread to its end and reported, and the next line goes on. Each
text in a line is then checked as pasted text is (`documents.reading.from_text`: NUL characters, empty, over
`SAAR_MAX_CHARS`, no words), by the caller, so that its refusal names the line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from summarizers import settings
from summarizers.errors import DocumentError
from summarizers.messages import Message

_CHUNK = 1 << 20  # bytes read at a time when counting lines or skipping the rest of an overlong one


@dataclass(frozen=True)
class Line:
    """One non-blank line: its number (from 1), and either its JSON object (`row`) or why it cannot be used."""

    number: int
    row: dict[str, Any] | None = None
    problem: Message | None = None

    def id(self) -> str:
        """The line's "id" (a string or number), or "line N" when it has none."""
        if self.row is not None and isinstance(self.row.get("id"), (str, int)):
            return str(self.row["id"])
        return f"line {self.number}"


def _skip_to_line_end(handle: IO[bytes]) -> None:
    while chunk := handle.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _parse(number: int, raw: bytes) -> Line | None:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        return Line(number, problem=Message("reading.line_not_utf8", byte=error.start + 1))
    if not text.strip():
        return None
    try:
        row = json.loads(text)
    except json.JSONDecodeError as error:
        return Line(number, problem=Message("reading.line_not_json", error=error.msg))
    if not isinstance(row, dict):
        return Line(number, problem=Message("reading.line_not_object"))
    return Line(number, row=row)


def lines(handle: IO[bytes], max_line_bytes: int | None = None) -> Iterator[Line]:
    """The non-blank lines of a binary stream, one at a time; a line over `max_line_bytes` (default: the file size
    limit) is a `problem`, never read whole."""
    limit = max_line_bytes or settings.max_bytes()
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_to_line_end(handle)
            yield Line(number, problem=Message("reading.line_too_long", limit=limit))
            continue
        line = _parse(number, raw)
        if line is not None:
            yield line


def open_lines(path: str | Path, max_line_bytes: int | None = None) -> Iterator[Line]:
    """The lines of a JSONL file, or of standard input for "-". The file is opened here, so a path that is no file
    is a `DocumentError` before any line is read."""
    if str(path) == "-":
        return lines(sys.stdin.buffer, max_line_bytes)
    file = Path(path)
    if not file.is_file():  # a folder, a device or a pipe would never end a line
        what = Message("reading.jsonl_not_a_file") if file.exists() else Message("reading.jsonl_missing")
        raise DocumentError(str(path), what)
    try:
        handle = file.open("rb")
    except OSError as error:
        raise DocumentError(str(path), Message("reading.jsonl_unopenable", error=str(error.strerror))) from error
    return _closing(handle, max_line_bytes)


def _closing(handle: IO[bytes], max_line_bytes: int | None) -> Iterator[Line]:
    with handle:
        yield from lines(handle, max_line_bytes)


def count(path: str | Path) -> int | None:
    """How many lines a file has (a last one without its newline counts), read in chunks; None for standard input."""
    if str(path) == "-" or not Path(path).is_file():
        return None
    total = 0
    last = b"\n"
    with Path(path).open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            total += chunk.count(b"\n")
            last = chunk[-1:]
    return total + (last != b"\n")
