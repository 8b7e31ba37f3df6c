"""Turning bytes, files or pasted text into a `Document` whose text every later stage points into.

Each format has its reader (decode, html, pdf, docx), and every reader works within the limits of one `Budget`:
sizes before work starts, characters and time while it runs. Whatever a reader meets, the caller sees a `Document`
or a `DocumentError` naming the file and the limit; library exceptions stop at the reader. Newlines are normalised
to "\\n"; nothing else in the text is changed, so offsets stay meaningful to the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizers import settings
from summarizers.documents.decode import MAX_BYTES_PER_CHAR, decode
from summarizers.documents.docx import docx_text
from summarizers.documents.html import html_article, html_to_text
from summarizers.documents.limits import Budget, Limits, too_many_chars
from summarizers.documents.pdf import pdf_text
from summarizers.errors import DocumentError
from summarizers.messages import Message

__all__ = ["Document", "Kind", "decode", "from_text", "html_to_text", "read_bytes", "read_path"]

Kind = Literal["text", "markdown", "html", "pdf", "docx"]

MAX_BYTES = settings.DEFAULT_MAX_BYTES  # the defaults; SAAR_MAX_BYTES and SAAR_MAX_CHARS change the limits applied
MAX_CHARS = settings.DEFAULT_MAX_CHARS

_EXTENSION_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_EXTENSIONS = tuple(_EXTENSION_KINDS)


@dataclass(frozen=True)
class Document:
    """A readable text: `text` is what the user sees and what every offset refers to. `title` is the one the file
    gives itself (a web page's <title>, a PDF's metadata title or first heading), when it gives one."""

    name: str
    text: str
    kind: Kind = "text"
    encoding: str | None = None
    title: str | None = None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(name: str, text: str, max_chars: int | None = None) -> str:
    max_chars = max_chars or settings.max_chars()
    text = normalise_newlines(text)
    if "\x00" in text:
        raise DocumentError(name, Message("reading.nul_characters"))
    if not text.strip():
        raise DocumentError(name, Message("reading.empty_text"))
    if len(text) > max_chars:
        raise too_many_chars(name, max_chars, len(text))
    if not any(ch.isalpha() for ch in text):
        raise DocumentError(name, Message("reading.no_words"))
    return text


def from_text(text: str, name: str = "pasted text") -> Document:
    """A document from text typed or pasted by a user."""
    return Document(name=name, text=_check_text(name, text), kind="text")


def detect_kind(data: bytes, name: str) -> Kind:
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in _EXTENSION_KINDS:
        return _EXTENSION_KINDS[suffix]
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def _too_large(name: str, size: int, limit: int) -> DocumentError:
    return DocumentError(name, Message("reading.too_large", mb=size / 1e6, limit_mb=limit / 1e6))


def read_bytes(data: bytes, name: str, limits: Limits | None = None) -> Document:
    """A document from the bytes of an uploaded or opened file, read within `limits` (the settings by default)."""
    budget = Budget(name, limits)
    limits = budget.limits
    if len(data) > limits.max_bytes:
        raise _too_large(name, len(data), limits.max_bytes)
    if not data.strip():
        raise DocumentError(name, Message("reading.empty_file"))
    kind = detect_kind(data, name)
    try:
        text, encoding, title = _read_kind(data, name, kind, budget)
    except (DocumentError, MemoryError):
        raise  # a memory error is the isolated worker's to report (it stops trusting itself)
    # Each reader turns what its libraries raise on a bad file into a DocumentError; anything else (a library missing
    # from the install, a failure no file should cause) still reaches the user as one line, never a traceback.
    except Exception as error:
        failed = Message("reading.reader_failed", kind=kind, error_type=type(error).__name__, error=str(error))
        raise DocumentError(name, failed) from error
    text = _check_text(name, text, limits.max_chars)
    return Document(name=name, text=text, kind=kind, encoding=encoding, title=title)


def _read_kind(data: bytes, name: str, kind: Kind, budget: Budget) -> tuple[str, str | None, str | None]:
    """The text of a file of a known kind, its encoding (text and HTML) and its title (HTML and PDF)."""
    if kind == "pdf":
        text, title = pdf_text(data, budget)
        return text, None, title
    if kind == "docx":
        return docx_text(data, budget), None, None
    if kind != "html" and len(data) > MAX_BYTES_PER_CHAR * budget.limits.max_chars:
        raise too_many_chars(name, budget.limits.max_chars)
    text, encoding = decode(data, name)
    budget.check("reading.slow_decoding")
    if kind == "html":
        text, title = html_article(text, budget)
        return text, encoding, title
    return text, encoding, None


def read_path(path: str | Path, limits: Limits | None = None) -> Document:
    """A document from a file on disk; every failure is a `DocumentError` naming the file."""
    path = Path(path)
    name = str(path)
    max_bytes = (limits or Limits()).max_bytes
    try:
        if path.is_dir():
            raise DocumentError(name, Message("reading.folder"))
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(name, size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a device or a growing file may hold more than its size said
        if len(data) > max_bytes:
            raise _too_large(name, len(data), max_bytes)
    except FileNotFoundError as error:
        raise DocumentError(name, Message("reading.no_such_file")) from error
    except PermissionError as error:
        raise DocumentError(name, Message("reading.permission_denied")) from error
    except OSError as error:
        unreadable = Message("reading.unreadable_file", error=str(error.strerror or error))
        raise DocumentError(name, unreadable) from error
    return read_bytes(data, name, limits)
