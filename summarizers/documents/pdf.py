"""Text of a PDF, page by page, within the page, content-size, character and time limits.

Two libraries, each for what it does best. pypdf checks the file's structure before anything is drawn: how many pages
(its page tree is walked only up to the limit), how large one page's decoded content is (a Flate stream is inflated
no further than the limit), and its own decompression limits (it raises `LimitReachedError` past them). pdfium
(pypdfium2) then reads the letters of each page that passed (`pdf_layout`): it reads the /ActualText that browsers
write for Hindi syllables, where pypdf gives NULs for conjuncts and puts vowel signs out of order. The time budget is
checked before each page; the worker that reads uploads caps the time and memory of the whole. Every failure of either
library becomes a `DocumentError`.

The title is the document's own (its metadata title, unless that is empty or a file name), else the first heading:
the opening lines of the first page set larger than its body text."""

from __future__ import annotations

import io
import re
import zlib
from typing import TYPE_CHECKING, NamedTuple

from summarizers.documents.limits import Budget, too_many_chars
from summarizers.documents.pdf_layout import PageLines, PageText, join_lines, page_lines, page_text, running_lines
from summarizers.errors import DocumentError
from summarizers.messages import Message

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader
    from pypdf.generic import StreamObject

# What pypdf raises on damaged input besides its own errors: it parses with plain Python operations.
_DAMAGE = (ValueError, KeyError, TypeError, IndexError, AttributeError, OSError, AssertionError, ArithmeticError,
           RecursionError, NotImplementedError, LookupError, zlib.error, EOFError, UnicodeError)  # fmt: skip
UNMAPPED_SHARE = 0.2  # past this share of glyphs with no letters, the text would be missing words: refused
# Font names of the Devanagari faces that PDFs embed (system, Google, Microsoft and legacy Hindi fonts).
DEVANAGARI_FONT = re.compile(
    r"Devanagari|Deva|Hindi|Mangal|Kokila|Aparajita|Utsaah|Kruti|Chanakya|Sanskrit|Lohit|Gargi|Kalimati|Nirmala",
    re.IGNORECASE,
)
FILE_NAME = re.compile(r"\.(?:docx?|pdf|html?|txt|odt|rtf|pages|indd)\b|^Microsoft Word - ", re.IGNORECASE)


class PdfText(NamedTuple):
    text: str
    title: str | None


def pdf_text(data: bytes, budget: Budget) -> PdfText:
    from pypdf.errors import LimitReachedError, PyPdfError
    from pypdfium2 import PdfiumError

    try:
        return _pages_text(data, budget)
    except DocumentError:
        raise
    except LimitReachedError as error:
        raise budget.refuse(Message("reading.pdf_inflates", error=str(error))) from error
    except (PyPdfError, PdfiumError, *_DAMAGE) as error:
        raise budget.refuse(Message("reading.pdf_damaged", error_type=type(error).__name__)) from error


def _checked_reader(data: bytes, budget: Budget) -> tuple[PdfReader, list[frozenset[str]]]:
    """pypdf's view of the file once its page count and every page's content size are within the limits, and the
    fonts of each page that carry no letters (`_unmapped_fonts`)."""
    from pypdf import PdfReader

    limits = budget.limits
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise budget.refuse(Message("reading.pdf_encrypted"))
    # pypdf resolves the whole page tree on first use of `pages`; counting the leaves first stops at the limit.
    if _count_pages(reader, limits.max_pdf_pages) > limits.max_pdf_pages:
        raise budget.refuse(Message("reading.pdf_pages", limit=limits.max_pdf_pages))
    unmapped: list[frozenset[str]] = []
    for number, page in enumerate(reader.pages, start=1):
        budget.check("reading.slow_pdf_check", page=number)
        size = _content_size(page, limits.max_pdf_content)
        if size > limits.max_pdf_content:
            limit = limits.max_pdf_content
            raise budget.refuse(Message("reading.pdf_page_content", page=number, size=size, limit=limit))
        unmapped.append(_unmapped_fonts(page))
    return reader, unmapped


def _unmapped_fonts(page: PageObject) -> frozenset[str]:
    """Base names of the page's fonts that say nothing of the letters their glyphs draw: a composite (Type0) or
    Type3 font without a /ToUnicode table numbers its glyphs only by position in the font. pdfium names a Type3 font
    "" (it has no base name)."""
    from pypdf.generic import DictionaryObject

    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    fonts = resources.get("/Font") if isinstance(resources, DictionaryObject) else None
    fonts = fonts.get_object() if fonts is not None else None
    if not isinstance(fonts, DictionaryObject):
        return frozenset()
    names = set()
    for reference in fonts.values():
        font = reference.get_object()
        composite = isinstance(font, DictionaryObject) and font.get("/Subtype") in ("/Type0", "/Type3")
        if composite and "/ToUnicode" not in font:
            names.add(str(font.get("/BaseFont", "")).lstrip("/"))
    return frozenset(names)


def _pages_text(data: bytes, budget: Budget) -> PdfText:
    import pypdfium2
    import pypdfium2.raw as pdfium

    limits = budget.limits
    reader, unmapped_fonts = _checked_reader(data, budget)
    document = pypdfium2.PdfDocument(data)
    try:
        if len(document) != len(reader.pages):
            raise budget.refuse(Message("reading.pdf_page_tree"))
        read: list[PageLines] = []
        total = 0
        for number in range(len(document)):
            budget.check("reading.slow_pdf_page", page=number + 1)
            page = document[number]
            textpage = page.get_textpage()
            try:
                found = page_lines(pdfium, page.raw, textpage.raw, unmapped_fonts[number])
            finally:
                textpage.close()
                page.close()
            total += sum(len(line.text) + 1 for line in found.lines)
            if total > limits.max_chars:
                raise too_many_chars(budget.name, limits.max_chars)
            read.append(found)
        metadata_title = _metadata_title(document.get_metadata_dict(skip_empty=True).get("Title"))
    finally:
        document.close()
    running = running_lines(read)
    pages = [page_text(page, running) for page in read]
    glyphs = sum(page.glyphs for page in pages)
    unmapped = sum(page.unmapped for page in pages)
    if glyphs and unmapped > UNMAPPED_SHARE * glyphs:
        raise budget.refuse(_unmapped_reason(set().union(*(page.unmapped_fonts for page in pages))))
    text = _joined(pages)
    if not text.strip():
        raise budget.refuse(Message("reading.pdf_no_text"))
    heading = next((page.heading for page in pages if page.paragraphs), None)
    return PdfText(text, metadata_title or heading)


def _joined(pages: list[PageText]) -> str:
    """The pages' paragraphs in order; a paragraph that runs to the end of a page goes on with the next page's first
    line when that is set in the same size."""
    paragraphs: list[str] = []
    runs_on = False
    last_size = 0.0
    for page in pages:
        if not page.paragraphs:
            continue
        first, *rest = page.paragraphs
        if paragraphs and runs_on and abs(page.first_size - last_size) <= 0.15 * max(page.first_size, last_size):
            paragraphs[-1] = join_lines([paragraphs[-1], first])
        else:
            paragraphs.append(first)
        paragraphs.extend(rest)
        runs_on, last_size = page.last_line_full, page.last_size
    return "\n\n".join(paragraphs)


def _metadata_title(title: str | None) -> str | None:
    """The metadata title, unless it says nothing: empty, "untitled", or the name of the file it was made from."""
    if not title:
        return None
    title = " ".join(title.replace("\x00", "").split())
    if not title or title.casefold() in ("untitled", "title", "document") or FILE_NAME.search(title):
        return None
    return title


def _unmapped_reason(fonts: set[str]) -> Message:
    """Plain words for a PDF whose glyphs carry no letters: Hindi when their fonts are Devanagari ones."""
    if any(DEVANAGARI_FONT.search(font) for font in fonts):
        return Message("reading.pdf_hindi_fonts")
    return Message("reading.pdf_fonts")


def _content_size(page: PageObject, limit: int) -> int:
    """Decoded bytes of a page's content streams and of the form XObjects it draws (text extraction interprets them
    all); counting stops once past `limit`, and a Flate stream is inflated no further than the limit."""
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    streams = [item.get_object() for item in contents] if isinstance(contents, ArrayObject) else [contents]
    size = sum(_stream_size(stream, limit + 1) for stream in streams if isinstance(stream, StreamObject))
    pending = [page.get("/Resources")]
    seen: set[int] = set()
    while pending and size <= limit:
        resources = pending.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject):
            continue
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, DictionaryObject):
            continue
        for reference in xobjects.values():
            form = reference.get_object()
            if id(form) in seen or not isinstance(form, StreamObject) or form.get("/Subtype") != "/Form":
                continue
            seen.add(id(form))
            size += _stream_size(form, limit + 1 - size)
            pending.append(form.get("/Resources"))
    return size


def _stream_size(stream: StreamObject, cap: int) -> int:
    """A stream's decoded size, up to `cap`. pypdf inflates Flate streams up to 75 MB before its own limit stops it;
    a stream whose only filter is Flate is measured here by inflating at most `cap` bytes of it."""
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, list) else [filters]
    raw = getattr(stream, "_data", None)  # pypdf keeps an encoded stream's bytes here; no public accessor exists
    if filters == ["/FlateDecode"] and stream.get("/DecodeParms") is None and isinstance(raw, bytes):
        return len(zlib.decompressobj().decompress(raw, max(cap, 1)))
    return len(stream.get_data())


def _count_pages(reader: PdfReader, limit: int) -> int:
    """Leaves of the page tree, counted up to `limit` + 1 (a node seen twice, a loop, is counted once)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    root = reader.trailer["/Root"].get_object()
    pending: list[object] = [root.get("/Pages") if isinstance(root, DictionaryObject) else None]
    seen: set[int] = set()
    count = 0
    while pending and count <= limit and len(seen) <= 4 * limit:
        node = pending.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, DictionaryObject) or id(node) in seen:
            continue
        seen.add(id(node))
        kids = node.get("/Kids")
        kids = kids.get_object() if kids is not None else None
        if isinstance(kids, ArrayObject):
            if len(kids) > limit:
                return len(kids)
            pending.extend(reversed(kids))
        else:
            count += 1
    return count
