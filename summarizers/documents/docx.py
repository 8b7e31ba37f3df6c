"""Text of a Word (.docx) file, checked from the zip directory before anything is inflated and streamed out.

A .docx is a zip archive; its text lives in one XML part (word/document.xml). The archive's central directory
gives each part's compressed and inflated sizes before a byte is inflated, so a zip bomb is refused from the
directory alone. zipfile then never returns more than the declared size (and checks the CRC), so the declared figure
bounds the work. The XML is parsed as a stream of events (expat, which refuses entity-expansion bombs), elements
are let go once read, and characters are counted as they come out."""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from typing import cast
from xml.etree import ElementTree

from summarizers.documents.limits import Budget, too_many_chars
from summarizers.errors import DocumentError
from summarizers.messages import Message

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAIN_PART = "word/document.xml"
RELATIONSHIPS = "_rels/.rels"
OFFICE_DOCUMENT = "/officeDocument"  # the end of the relationship type naming the main part
RATIO_FLOOR = 1_000_000  # small parts compress arbitrarily well (a run of spaces): the ratio is checked above this
CHUNK = 64 * 1024
END_OF_DIRECTORY = b"PK\x05\x06"
END_SEARCH = 22 + 65_535  # the record is 22 bytes, followed by a comment of at most 65,535
DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
DECLARATION_OVERLAP = 2 * len("<!DOCTYPE")  # a marker split between two chunks is still seen
ZIP64_ENTRIES = 0xFFFF  # the count is in the zip64 record instead: more parts than a .docx ever has
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, KeyError,
           NotImplementedError, RuntimeError, struct.error, ElementTree.ParseError, UnicodeError, LookupError,
           OverflowError)  # fmt: skip


def docx_text(data: bytes, budget: Budget) -> str:
    try:
        _check_directory_end(data, budget)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _checked_main_part(archive, budget)
            return _stream_text(archive, part, budget)
    except DocumentError:
        raise
    except _BROKEN as error:
        raise budget.refuse(Message("reading.docx_damaged", error_type=type(error).__name__)) from error


def _check_directory_end(data: bytes, budget: Budget) -> None:
    """The entry count from the end-of-directory record, before zipfile reads every directory entry into objects."""
    end = data.rfind(END_OF_DIRECTORY, max(0, len(data) - END_SEARCH))
    if end < 0 or len(data) < end + 12:
        return  # zipfile says what is wrong
    (entries,) = struct.unpack_from("<H", data, end + 10)
    limit = budget.limits.max_zip_entries
    if entries == ZIP64_ENTRIES or entries > limit:
        if entries == ZIP64_ENTRIES:
            raise budget.refuse(Message("reading.docx_parts_zip64", limit=limit))
        raise budget.refuse(Message("reading.docx_parts_declared", parts=entries, limit=limit))


def _checked_main_part(archive: zipfile.ZipFile, budget: Budget) -> zipfile.ZipInfo:
    limits = budget.limits
    entries = archive.infolist()
    if len(entries) > limits.max_zip_entries:
        raise budget.refuse(Message("reading.docx_parts", parts=len(entries), limit=limits.max_zip_entries))
    name = _main_part_name(archive, budget)
    try:
        part = archive.getinfo(name)
    except KeyError:
        raise budget.refuse(Message("reading.docx_no_text_part")) from None
    if part.file_size > limits.max_unpacked_bytes:
        limit = limits.max_unpacked_bytes
        raise budget.refuse(Message("reading.docx_inflated_size", size=part.file_size, limit=limit))
    ratio = part.file_size / max(1, part.compress_size)
    if part.file_size > RATIO_FLOOR and ratio > limits.max_compression:
        raise budget.refuse(Message("reading.docx_inflate_ratio", ratio=ratio, limit=limits.max_compression))
    return part


def _main_part_name(archive: zipfile.ZipFile, budget: Budget) -> str:
    """The part the package's relationships name as the document (Word writes word/document.xml)."""
    try:
        info = archive.getinfo(RELATIONSHIPS)
    except KeyError:
        return MAIN_PART
    if info.file_size > RATIO_FLOOR:
        raise budget.refuse(Message("reading.docx_relationships_large"))
    body = archive.read(info)
    _refuse_declarations(body, budget)
    root = ElementTree.fromstring(body)
    for relationship in root:
        if relationship.get("Type", "").endswith(OFFICE_DOCUMENT) and relationship.get("TargetMode") != "External":
            target = relationship.get("Target", "")
            return posixpath.normpath(target.lstrip("/")) if target else MAIN_PART
    return MAIN_PART


def _refuse_declarations(xml: bytes, budget: Budget) -> None:
    """Word never writes a document type declaration; one in a package part is there to define entities, the
    "billion laughs" that expand a few kilobytes to gigabytes (expat stops them, but only after seconds of work)."""
    if any(marker in xml for marker in DOCTYPE_MARKERS):
        raise budget.refuse(Message("reading.docx_doctype"))


class _Collector:
    """Paragraphs in document order; a table row becomes one line of tab-separated cells, as Word copies it."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.lines: list[str] = []
        self.runs: list[str] = []  # text of the paragraph being read
        self.cells: list[list[str]] = []  # per open table cell: its paragraphs
        self.rows: list[list[str]] = []  # per open table row: its finished cells
        self.chars = 0
        self.open_elements: list[ElementTree.Element] = []

    def add(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.budget.limits.max_chars:
            raise too_many_chars(self.budget.name, self.budget.limits.max_chars)
        self.runs.append(text)

    def end_paragraph(self) -> None:
        paragraph = "".join(self.runs)
        self.runs = []
        self.chars += 1
        (self.cells[-1] if self.cells else self.lines).append(paragraph)

    def end_cell(self) -> None:
        if self.cells:
            cell = "\n".join(self.cells.pop())
            if self.rows:
                self.rows[-1].append(cell)

    def end_row(self) -> None:
        if self.rows:
            row = "\t".join(self.rows.pop())
            (self.cells[-1] if self.cells else self.lines).append(row)


def _stream_text(archive: zipfile.ZipFile, part: zipfile.ZipInfo, budget: Budget) -> str:
    collector = _Collector(budget)
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(events=("start", "end"))
    in_prolog = True
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK):
            if in_prolog:  # checked before the parser sees the chunk: expanding the entities is the attack
                _refuse_declarations(tail + chunk, budget)
                tail = chunk[-DECLARATION_OVERLAP:]
                in_prolog = not collector.open_elements
            parser.feed(chunk)
            _consume(parser, collector)
            budget.check("reading.slow_docx")
    parser.close()
    _consume(parser, collector)
    return "\n".join(collector.lines)


def _consume(parser: ElementTree.XMLPullParser[ElementTree.Element], collector: _Collector) -> None:
    open_elements = collector.open_elements
    for event_item in parser.read_events():
        event, item = cast(tuple[str, ElementTree.Element], event_item)  # "start" and "end" events carry elements
        element = item
        tag = element.tag
        if event == "start":
            open_elements.append(element)
            if tag == f"{W}tc":
                collector.cells.append([])
            elif tag == f"{W}tr":
                collector.rows.append([])
            continue
        if tag == f"{W}t":
            collector.add(element.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            collector.add("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            collector.add("\n")
        elif tag == f"{W}noBreakHyphen":
            collector.add("-")
        elif tag == f"{W}p":
            collector.end_paragraph()
        elif tag == f"{W}tc":
            collector.end_cell()
        elif tag == f"{W}tr":
            collector.end_row()
        # Text read is let go, so memory holds only the open elements however long the part is: the element that
        # ends is always its parent's last child.
        open_elements.pop()
        if open_elements and len(open_elements[-1]) and open_elements[-1][-1] is element:
            del open_elements[-1][-1]
