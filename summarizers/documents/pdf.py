"""Text of a PDF, page by page, within the page, content-size, character and time limits.

pypdf guards its own decompression (it raises `LimitReachedError` past its output limits); this reader adds what
pypdf leaves to its caller: how many pages, how large one page's decoded content may be before its operators are
interpreted (pure Python: a megabyte of text operators takes over ten seconds), how many characters may come out,
and the time budget, checked while operators are interpreted. Every pypdf failure becomes a `DocumentError`."""

from __future__ import annotations

import io
import zlib
from typing import TYPE_CHECKING

from summarizers.documents.limits import Budget, too_many_chars
from summarizers.errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader
    from pypdf.generic import StreamObject

# What pypdf raises on damaged input besides its own errors: it parses with plain Python operations.
_DAMAGE = (ValueError, KeyError, TypeError, IndexError, AttributeError, OSError, AssertionError, ArithmeticError,
           RecursionError, NotImplementedError, LookupError, zlib.error, EOFError, UnicodeError)  # fmt: skip


def pdf_text(data: bytes, budget: Budget) -> str:
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        return _pages_text(data, budget)
    except DocumentError:
        raise
    except LimitReachedError as error:
        raise budget.refuse(f"the PDF has a stream that inflates past the reader's limit ({error})") from error
    except (PyPdfError, *_DAMAGE) as error:
        raise budget.refuse(f"the PDF cannot be read ({type(error).__name__}); it may be damaged") from error


def _pages_text(data: bytes, budget: Budget) -> str:
    from pypdf import PdfReader

    limits = budget.limits
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise budget.refuse("the PDF is encrypted; save an unprotected copy and use that")
    # pypdf resolves the whole page tree on first use of `pages`; counting the leaves first stops at the limit.
    if _count_pages(reader, limits.max_pdf_pages) > limits.max_pdf_pages:
        raise budget.refuse(f"the PDF has more than {limits.max_pdf_pages:,} pages (SAAR_MAX_PDF_PAGES)")
    texts: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        budget.check(f"reading page {number} of the PDF")
        size = _content_size(page, limits.max_pdf_content)
        if size > limits.max_pdf_content:
            raise budget.refuse(
                f"page {number} of the PDF has {size:,} bytes of content, more than the limit of "
                f"{limits.max_pdf_content:,} (SAAR_MAX_PDF_CONTENT)"
            )
        text = (page.extract_text(visitor_operand_before=_Checkpoint(budget, number)) or "").strip()
        budget.check(f"interpreting page {number} of the PDF")  # pypdf swallows the checkpoint's error in forms
        total += len(text) + 2
        if total > limits.max_chars:
            raise too_many_chars(budget.name, limits.max_chars)
        if text:
            texts.append(text)
    if not texts:
        raise budget.refuse("the PDF has no text layer (a scan?); run OCR on it first")
    return "\n\n".join(texts)


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


class _Checkpoint:
    """Called by pypdf before each content operator: checks the time budget every few hundred, so a page whose
    operators take long to interpret is stopped while it is interpreted, not after."""

    EVERY = 256

    def __init__(self, budget: Budget, page: int) -> None:
        self.budget = budget
        self.page = page
        self.operators = 0

    def __call__(self, operator: bytes, operands: object, matrix: object, text_matrix: object) -> None:
        self.operators += 1
        if self.operators % self.EVERY == 0:
            self.budget.check(f"interpreting page {self.page} of the PDF")
