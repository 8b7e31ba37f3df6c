"""Structure-aware mutations of real files, shared by the hypothesis harnesses and the atheris runs.

Random bytes almost never get past a zip directory or a PDF header, so each mutation keeps the container whole and
changes what is inside: one zip entry of a real DOCX, one object of a real PDF, the nesting of an HTML page, the
encoding of a text."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from tests.files import docx_with_paragraphs, pdf_with_text

SAMPLE_LINES = ["India and Russia agreed to expand trade.", "पुतिन और मोदी ने बात की।", "Talks went well."]
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "gb18030",
             "shift_jis", "koi8-r", "cp1251", "iso8859-7")  # fmt: skip
_PDF_OBJECT = re.compile(rb"\d+ 0 obj\n.*?\nendobj\n", re.DOTALL)


def real_docx() -> bytes:
    return docx_with_paragraphs(SAMPLE_LINES)


def real_pdf() -> bytes:
    return pdf_with_text(SAMPLE_LINES[::2])


def docx_entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def rezip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in entries:
            archive.writestr(name, body)
    return out.getvalue()


def mutate_docx_entry(data: bytes, index: int, mutate: Callable[[bytes], bytes], drop: bool = False) -> bytes:
    """The DOCX `data` with entry `index` (modulo the count) changed by `mutate`, or left out."""
    entries = [(info.filename, body) for info, body in docx_entries(data)]
    index %= len(entries)
    if drop:
        del entries[index]
    else:
        entries[index] = (entries[index][0], mutate(entries[index][1]))
    return rezip(entries)


def pdf_objects(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each "N 0 obj ... endobj" in a PDF."""
    return [match.span() for match in _PDF_OBJECT.finditer(data)]


def mutate_pdf_object(data: bytes, index: int, mutate: Callable[[bytes], bytes]) -> bytes:
    """The PDF `data` with object `index` (modulo the count) changed by `mutate`; the xref offsets are left as they
    were, as a damaged file would have them (pypdf then rebuilds them by scanning)."""
    spans = pdf_objects(data)
    start, end = spans[index % len(spans)]
    return data[:start] + mutate(data[start:end]) + data[end:]


def splice(body: bytes, position: int, cut: int, insert: bytes) -> bytes:
    """`body` with `cut` bytes at `position` (modulo its length) replaced by `insert`."""
    position %= len(body) + 1
    return body[:position] + insert + body[position + cut :]


def nested_html(tags: list[str], depth: int, text: str, closed: bool) -> bytes:
    opened = "".join(f"<{tags[level % len(tags)]}>{text}" for level in range(depth))
    closing = "".join(f"</{tags[level % len(tags)]}>" for level in reversed(range(depth))) if closed else ""
    return f"<html><body>{opened}{closing}</body></html>".encode()
