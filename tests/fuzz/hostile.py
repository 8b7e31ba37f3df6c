"""Hostile files, built on demand: each one small to upload and ruinous to read naively.

Used by the regression tests (tests/documents/test_hostile.py) and by benchmarks/hostile.py, which times each one.
Builders stream what they compress, so building a 300 MB bomb never holds 300 MB."""

from __future__ import annotations

import base64
import functools
import io
import zipfile
import zlib
from collections.abc import Callable

from tests.files import docx_with_paragraphs, pdf_from_objects, pdf_with_text

MB = 1_000_000
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NAMESPACE}"><w:body>'
DOCUMENT_TAIL = "</w:body></w:document>"


def _docx_replacing_document(write_document: Callable[[io.BufferedIOBase], None]) -> bytes:
    """A real DOCX (python-docx's template) whose word/document.xml is written by `write_document`, streamed."""
    template = zipfile.ZipFile(io.BytesIO(docx_with_paragraphs(["placeholder"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in template.infolist():
            if info.filename == "word/document.xml":
                with archive.open(info.filename, "w", force_zip64=True) as part:
                    write_document(part)  # type: ignore[arg-type]
            else:
                archive.writestr(info, template.read(info))
    return out.getvalue()


def docx_single_run(inflated: int = 300 * MB) -> bytes:
    """One text run whose text inflates to `inflated` bytes (lxml's "Text node too long" in python-docx)."""

    def write(part: io.BufferedIOBase) -> None:
        part.write(f"{DOCUMENT_HEAD}<w:p><w:r><w:t>".encode())
        block = b"a" * MB
        for _ in range(inflated // MB):
            part.write(block)
        part.write(f"</w:t></w:r></w:p>{DOCUMENT_TAIL}".encode())

    return _docx_replacing_document(write)


def docx_many_paragraphs(inflated: int = 302 * MB) -> bytes:
    """Ordinary paragraphs, a whole book's worth many times over: about 300 MB of text in under a megabyte."""

    def write(part: io.BufferedIOBase) -> None:
        part.write(DOCUMENT_HEAD.encode())
        paragraph = (
            b"<w:p><w:r><w:t>" + b"The talks went on all night and nothing was agreed. " * 20 + b"</w:t></w:r></w:p>"
        )
        block = paragraph * (MB // len(paragraph))
        for _ in range(inflated // len(block)):
            part.write(block)
        part.write(DOCUMENT_TAIL.encode())

    return _docx_replacing_document(write)


def docx_entity_bomb() -> bytes:
    """The "billion laughs": nested entity definitions that expand to gigabytes."""
    entities = '<!ENTITY a0 "laugh">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NAMESPACE}"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p>{DOCUMENT_TAIL}'
    )

    def write(part: io.BufferedIOBase) -> None:
        part.write(xml.encode())

    return _docx_replacing_document(write)


def zip_many_entries(count: int = 100_000) -> bytes:
    """A zip with a hundred thousand empty parts: its directory alone is megabytes of work."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", f"{DOCUMENT_HEAD}{DOCUMENT_TAIL}")
        for number in range(count):
            archive.writestr(f"p/{number}", b"")
    return out.getvalue()


def _flate_stream(extra: bytes, content: Callable[[], bytes], repeat: int, filters: bytes = b"/FlateDecode") -> bytes:
    compressor = zlib.compressobj(9)
    block = content()
    packed = b"".join(compressor.compress(block) for _ in range(repeat)) + compressor.flush()
    if filters.startswith(b"[/ASCII85Decode"):
        packed = base64.a85encode(packed, adobe=True)[2:]  # PDF's ASCII85 has the closing ~> but no opening <~
    return b"<< /Length %d /Filter %s %s >>\nstream\n" % (len(packed), filters, extra) + packed + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


@functools.cache  # three tests use it; compressing 100 MB takes a second or two
def pdf_stream_bomb(inflated: int = 100 * MB, filters: bytes = b"/FlateDecode") -> bytes:
    """A page whose content stream inflates past pypdf's output limit (75 MB): pypdf raises LimitReachedError.
    With `filters` b"[/ASCII85Decode /FlateDecode]" the reader's own bounded inflate does not apply and pypdf's
    limit is met."""
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _flate_stream(b"", lambda: b" " * MB, inflated // MB, filters),
        _FONT,
    ])  # fmt: skip


def pdf_form_of_operators(inflated: int = 60 * MB) -> bytes:
    """Under pypdf's limit, but 60 MB of text operators in a form the page draws: interpreting them takes minutes."""
    operators = b"BT /F1 12 Tf 72 720 Td (Modi met Putin.) Tj ET\n"
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
        b"<< /Length 8 >>\nstream\n/X1 Do\n\nendstream",
        _FONT,
        _flate_stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>",
                      lambda: operators * (MB // len(operators)), inflated // MB),
    ])  # fmt: skip


def pdf_page_at_content_limit(size: int = 149_000) -> bytes:
    """Dense text operators just under the page content limit: the slowest page the reader agrees to interpret."""
    operators = b"BT /F1 12 Tf 72 720 Td (Modi met Putin.) Tj ET\n"
    stream = operators * (size // len(operators))
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        _FONT,
    ])  # fmt: skip


def pdf_many_pages(pages: int = 20_000) -> bytes:
    """Twenty thousand pages that all draw one small content stream."""
    first_page = 4
    kids = " ".join(f"{first_page + index} 0 R" for index in range(pages)).encode()
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>"
    )
    font_number = first_page + pages
    return pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Page text.) Tj ET\nendstream",
        *[page % font_number] * pages,
        _FONT,
    ])  # fmt: skip


def html_nested(depth: int = 200_000) -> bytes:
    """200,000 nested elements in about 2.2 MB (the old reader ran for minutes)."""
    return b"<html><body>" + b"<div>x" * depth + b"</div>" * (depth // 2) + b"</body></html>"


def html_flat(count: int = 200_000) -> bytes:
    """200,000 sibling paragraphs: no nesting, but a tree builder that edits around each one is quadratic."""
    return b"<html><body><article>" + b"<p>Word.</p>" * count + b"</article></body></html>"


def html_deep_under_the_limits(depth: int = 250, chains: int = 190) -> bytes:
    """47,500 elements in chains 250 deep: under the element and depth limits, and the worst shape for an article
    extractor's passes over the tree (trafilatura took 34 s on it)."""
    return b"<html><body>" + (b"<div>" * depth + b"x. " + b"</div>" * depth) * chains + b"</body></html>"


def html_links_under_the_limits(count: int = 49_000) -> bytes:
    """49,000 links in one block, under the element limit: link density measured element by element (13 s)."""
    return b"<html><body><div>" + b"<a href='/x'>link text</a> " * count + b"</div></body></html>"


def html_unclosed_comment(size: int = 19 * MB) -> bytes:
    """An opening comment never closed, then megabytes: a tokenizer fed in small pieces rescans it each time."""
    return b"<html><body><p>Start.</p><!--" + b"a" * size


def text_too_long(size: int = 19 * MB) -> bytes:
    """19 MB of plain text: under the byte limit, far over the character limit."""
    line = "Prime Minister Modi spoke to Putin. प्रधानमंत्री मोदी ने पुतिन से बात की।\n".encode()
    return line * (size // len(line))


def valid_pdf() -> bytes:
    return pdf_with_text(["India and Russia agreed to expand trade.", "Talks went well."])


HOSTILE: dict[str, tuple[str, Callable[[], bytes]]] = {
    # name: (file name to read it as, builder)
    "docx-single-run-300MB": ("run.docx", docx_single_run),
    "docx-302MB-of-text": ("book.docx", docx_many_paragraphs),
    "docx-entity-bomb": ("laughs.docx", docx_entity_bomb),
    "zip-100k-entries": ("parts.docx", zip_many_entries),
    "pdf-stream-past-pypdf-limit": ("bomb.pdf", pdf_stream_bomb),
    "pdf-stream-filter-chain": ("bomb.pdf", lambda: pdf_stream_bomb(filters=b"[/ASCII85Decode /FlateDecode]")),
    "pdf-form-60MB-operators": ("form.pdf", pdf_form_of_operators),
    "pdf-page-at-content-limit": ("dense.pdf", pdf_page_at_content_limit),
    "pdf-page-at-half-the-limit": ("dense.pdf", lambda: pdf_page_at_content_limit(75_000)),
    "pdf-20k-pages": ("pages.pdf", pdf_many_pages),
    "html-200k-nested": ("nested.html", html_nested),
    "html-200k-flat": ("flat.html", html_flat),
    "html-unclosed-comment": ("comment.html", html_unclosed_comment),
    "html-47k-deep-under-limits": ("deep.html", html_deep_under_the_limits),
    "html-49k-links-under-limits": ("links.html", html_links_under_the_limits),
    "text-19MB": ("long.txt", text_too_long),
}
