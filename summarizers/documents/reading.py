"""Turning bytes, files or pasted text into a `Document` whose text every later stage points into.

Decoding never guesses blindly: byte-order marks first, then strict UTF-8, then UTF-16 without a BOM (told by its
pattern of zero bytes), then charset detection, with cp1252 as the last resort for Western text. Newlines are
normalised to "\\n"; nothing else in the text is changed, so offsets stay meaningful to the user.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizers.errors import DocumentError

Kind = Literal["text", "markdown", "html", "pdf", "docx"]

MAX_BYTES = 20 * 1024 * 1024  # an upload larger than this is refused before any parsing
MAX_CHARS = 500_000  # about 80,000 words: far beyond any news article, still summarisable in chunks

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

_BOMS: tuple[tuple[bytes, str], ...] = (
    # The generic codecs read the byte-order mark and drop it from the text.
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """A readable text: `text` is what the user sees and what every offset refers to."""

    name: str
    text: str
    kind: Kind = "text"
    encoding: str | None = None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_text(name: str, text: str) -> str:
    text = normalise_newlines(text)
    if "\x00" in text:
        raise DocumentError(name, "the text contains NUL characters; it looks like binary data, not an article")
    if not text.strip():
        raise DocumentError(name, "the document is empty; paste or upload an article with some text")
    if len(text) > MAX_CHARS:
        raise DocumentError(
            name, f"the text has {len(text):,} characters, more than the limit of {MAX_CHARS:,}; split it into parts"
        )
    if not any(ch.isalpha() for ch in text):
        raise DocumentError(name, "the text has no words (only numbers, symbols or links); there is nothing to read")
    return text


def from_text(text: str, name: str = "pasted text") -> Document:
    """A document from text typed or pasted by a user."""
    return Document(name=name, text=_check_text(name, text), kind="text")


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text puts a zero in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, name: str = "document") -> tuple[str, str]:
    """Decode bytes to text, returning (text, encoding used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DocumentError(name, f"the file starts like {encoding} but is not valid {encoding}") from error
    utf16 = _looks_like_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise DocumentError(name, "this is a binary file, not text; upload .txt, .md, .html, .pdf or .docx")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 files need it

    best = from_bytes(data).best()
    # Statistical detectors cannot tell the Western single-byte code pages apart on short text (cp1250 and
    # cp1252 differ in a few letters); for Latin text, cp1252 is by far the likeliest and is chosen when it decodes.
    single_byte_latin = best is None or best.encoding.startswith(("cp125", "iso8859", "latin", "mac_"))
    if single_byte_latin:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


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


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(name, "the PDF is encrypted; save an unprotected copy and upload that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError) as error:
        raise DocumentError(name, f"the PDF cannot be read ({type(error).__name__}); it may be damaged") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise DocumentError(name, "the PDF has no text layer (a scan?); run OCR on it first")
    return text


def _docx_text(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise DocumentError(name, "the Word file cannot be read; it may be damaged or not a .docx") from error
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(paragraphs)


_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "head", "nav", "footer", "form", "button")
_HTML_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "blockquote", "pre", "header", "main", "figcaption", "dd", "dt", "table", "ul", "ol",
)  # fmt: skip


def html_to_text(markup: str) -> str:
    """Main text of an HTML page: scripts, styles and page furniture dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_HTML_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = root.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in normalise_newlines(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_bytes(data: bytes, name: str) -> Document:
    """A document from the bytes of an uploaded or opened file."""
    if len(data) > MAX_BYTES:
        raise DocumentError(
            name, f"the file is {len(data) / 1e6:.1f} MB, more than the limit of {MAX_BYTES / 1e6:.0f} MB"
        )
    if not data.strip():
        raise DocumentError(name, "the file is empty")
    kind = detect_kind(data, name)
    encoding: str | None = None
    if kind == "pdf":
        text = _pdf_text(data, name)
    elif kind == "docx":
        text = _docx_text(data, name)
    else:
        text, encoding = decode(data, name)
        if kind == "html":
            text = html_to_text(text)
    return Document(name=name, text=_check_text(name, text), kind=kind, encoding=encoding)


def read_path(path: str | Path) -> Document:
    """A document from a file on disk; every failure is a `DocumentError` naming the file."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise DocumentError(name, "this is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                name, f"the file is {size / 1e6:.1f} MB, more than the limit of {MAX_BYTES / 1e6:.0f} MB"
            )
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise DocumentError(name, "no such file") from error
    except PermissionError as error:
        raise DocumentError(name, "permission denied") from error
    except OSError as error:
        raise DocumentError(name, f"cannot be read ({error.strerror or error})") from error
    return read_bytes(data, name)
