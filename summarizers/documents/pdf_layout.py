"""A PDF page's text as a reader sees it, from pdfium's text objects: letters, words, lines and paragraphs.

Why objects and not the text pdfium assembles itself: a browser printing Hindi draws each syllable as one or more
glyphs (a vowel sign before its consonant, a conjunct as one shape) and names the letters they stand for in an
/ActualText span. pdfium reads those spans, but its own text puts a space between syllables wherever a glyph's ink
ends short of the next one ("रि पो र्ट"), and writes a span twice when its glyphs straddle the next word ("है.है").
Reading the objects in the order they were drawn, taking each span's text once, and telling a real gap between words
by the glyphs' geometry (a gap wider than a fifth of the font size; a space glyph counts as one) gives the letters in
their order. pypdf and pdfminer.six have no /ActualText: they give NULs for the conjuncts.

Lines come from the baselines, paragraphs from the gaps between lines (wider than the paragraph's own line spacing),
a change of font size, an indented first line, or a short line that ends a sentence. The lines of a paragraph are
joined with a space; a word broken at a soft hyphen is joined whole, one broken at a hyphen keeps it ("well-known").
Running heads and feet (a line at the top or bottom of most pages, or the date, title, address and page number a
browser prints around a page) are left out, so that a paragraph runs on from one page to the next.

A font with no table from its glyphs to letters (`unmapped_fonts`) gives no text: what pdfium guesses for its glyphs
is not the words; the reader counts those glyphs, to say so when they are many."""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

WORD_GAP = 0.2  # a gap between glyphs wider than this share of the font size is a space between words
SAME_LINE = 0.4  # baselines closer than this share of the font size are one line
PARAGRAPH_GAP = 1.3  # a line gap this much wider than the paragraph's own spacing starts a new paragraph
FULL_LINE = 0.85  # a line reaching this share of the text's width runs on into the next
MAX_FORM_DEPTH = 8  # forms drawn inside forms, followed this deep
PDFIUM_LINE_END_HYPHEN = "-"  # pdfium reports a hyphen that ends a line as U+0002; it was drawn as a hyphen
SOFT_HYPHENS = ("\u00ad", "\u2010")  # a browser prints a soft hyphen's break as U+2010
INVISIBLE = re.compile("[\x00\ufffd]")  # never letters: a glyph with no mapping
HIDDEN_HYPHEN = re.compile("\u00ad(?!$)")  # a soft hyphen shows nothing unless a line breaks at it
# What a browser prints around each page unless told not to: "12/6/26, 9:35 PM  <title>" above, "<address>  1/2" below
# (digits already replaced by "#", `_running_key`).
BROWSER_HEAD = re.compile(r"#+/#+/#+, #+:#+\s*(?:[AP]M)?\b")
BROWSER_FOOT = re.compile(r"(?:https?|file)://\S*\s+#+/#+$")
SENTENCE_ENDS = (".", "!", "?", "।", "॥", ":", '"', "”", "’", ")")
_PDF_TEXT_OBJECT = 1
_PDF_FORM_OBJECT = 5


@dataclass
class Piece:
    """Text drawn at one place: one object's letters, or one /ActualText span's."""

    text: str
    left: float
    right: float
    baseline: float
    size: float
    space: bool = False  # a space glyph, or an object that draws nothing


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)

    @cached_property
    def text(self) -> str:  # asked for once the line is complete
        return _line_text(self.pieces)

    @property
    def left(self) -> float:
        return min(piece.left for piece in self.pieces)

    @property
    def right(self) -> float:
        return max(piece.right for piece in self.pieces)

    @property
    def baseline(self) -> float:
        return self.pieces[0].baseline

    @property
    def size(self) -> float:
        sizes = [piece.size for piece in self.pieces if not piece.space and piece.text.strip()]
        return statistics.median(sizes) if sizes else self.pieces[0].size


@dataclass(frozen=True)
class PageLines:
    """A page's lines in drawing order, and its glyphs: how many, and how many (in which fonts) carry no letters."""

    lines: list[Line]
    glyphs: int
    unmapped: int
    unmapped_fonts: frozenset[str]


@dataclass(frozen=True)
class PageText:
    """A page's paragraphs, and what the reader needs to join them across pages and to find a heading."""

    paragraphs: list[str]
    last_line_full: bool  # the page's last line runs to the right edge of its text: its paragraph may go on
    first_size: float  # font size of the page's first line (0 when the page has none)
    last_size: float
    heading: str | None  # the first lines set larger than the page's body text
    glyphs: int  # drawn glyphs, and those that carry no letters (no text mapping)
    unmapped: int
    unmapped_fonts: frozenset[str]  # the fonts of those


def _utf16(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "replace")
    return raw.decode("latin-1")  # PDFDocEncoding agrees with Latin-1 on letters


def _actual_text(pdfium: Any, obj: Any) -> tuple[int, str] | None:
    """The /ActualText of the marked span an object is drawn in, with the span's identity (shared by its objects)."""
    for index in range(pdfium.FPDFPageObj_CountMarks(obj)):
        mark = pdfium.FPDFPageObj_GetMark(obj, index)
        needed = ctypes.c_ulong()
        if not pdfium.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", None, 0, ctypes.byref(needed)):
            continue
        buffer = (ctypes.c_ubyte * needed.value)()
        pdfium.FPDFPageObjMark_GetParamBlobValue(mark, b"ActualText", buffer, needed.value, ctypes.byref(needed))
        identity = ctypes.cast(mark, ctypes.c_void_p).value or 0
        return identity, _utf16(bytes(buffer)).replace("\x00", "")
    return None


def _font_name(pdfium: Any, obj: Any) -> str:
    font = pdfium.FPDFTextObj_GetFont(obj)
    if not font:
        return ""
    size = pdfium.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 1:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("latin-1")


def _address(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _texts_by_object(pdfium: Any, textpage: Any) -> dict[int, str]:
    """The letters pdfium reads from each text object, by the object's address. pdfium also infers spaces and line
    breaks ("generated" characters, which belong to no object): those between two letters of one object stand for a
    gap inside it (a kerned word space) and are kept; those between objects are left to the geometry (`_line_text`)."""
    texts: dict[int, list[str]] = {}
    pending_space: int | None = None  # the object a generated space followed
    previous = 0
    for index in range(pdfium.FPDFText_CountChars(textpage)):
        code = pdfium.FPDFText_GetUnicode(textpage, index)
        if pdfium.FPDFText_IsGenerated(textpage, index):
            if chr(code) == " " and previous:
                pending_space = previous
            continue
        owner = _address(pdfium.FPDFText_GetTextObject(textpage, index))
        if pending_space is not None and pending_space == owner:
            texts[owner].append(" ")
        pending_space = None
        letter = chr(code) if code < 0x110000 else "\ufffd"
        texts.setdefault(owner, []).append(PDFIUM_LINE_END_HYPHEN if letter == "\x02" else letter)
        previous = owner
    return {owner: "".join(letters) for owner, letters in texts.items()}


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _text_objects(pdfium: Any, page: Any) -> Iterator[tuple[Any, Matrix]]:
    """The page's text objects in drawing order, each with the matrix of the forms it is drawn in."""
    pending: list[tuple[Any, int, int, Matrix, int]] = [(page, 0, pdfium.FPDFPage_CountObjects(page), IDENTITY, 0)]
    while pending:
        owner, index, count, outer, depth = pending.pop()
        if index >= count:
            continue
        pending.append((owner, index + 1, count, outer, depth))
        obj = pdfium.FPDFPage_GetObject(owner, index) if depth == 0 else pdfium.FPDFFormObj_GetObject(owner, index)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == _PDF_TEXT_OBJECT:
            yield obj, outer
        elif kind == _PDF_FORM_OBJECT and depth < MAX_FORM_DEPTH:
            matrix = pdfium.FS_MATRIX()
            pdfium.FPDFPageObj_GetMatrix(obj, matrix)
            inner = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            pending.append((obj, 0, pdfium.FPDFFormObj_CountObjects(obj), _compose(inner, outer), depth + 1))


def _pieces(
    pdfium: Any, page: Any, textpage: Any, unmapped_fonts: frozenset[str]
) -> tuple[list[Piece], int, list[str]]:
    """What the page draws as text, in drawing order; how many glyph objects there are; and the fonts of those that
    carry no letters, once for each such object. A font in `unmapped_fonts` has no table from its glyphs to letters:
    what pdfium guesses for it (from glyph numbers) is not text."""
    pieces: list[Piece] = []
    span = 0
    glyphs = 0
    unmapped: list[str] = []
    texts = _texts_by_object(pdfium, textpage)
    for obj, outer in _text_objects(pdfium, page):
        matrix = pdfium.FS_MATRIX()
        pdfium.FPDFPageObj_GetMatrix(obj, matrix)
        a, _, _, d, x, y = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        font_size = ctypes.c_float()
        pdfium.FPDFTextObj_GetFontSize(obj, ctypes.byref(font_size))
        size = abs(font_size.value * (d if abs(d) > 1e-6 else a)) or 1.0
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        ink = right.value - left.value > 1e-3
        # Bounds of an object inside a form are the form's own; the origin is mapped to the page.
        right_edge = right.value if outer == IDENTITY else x + (right.value - left.value)
        actual = _actual_text(pdfium, obj)
        if actual is not None:
            identity, text = actual[0], INVISIBLE.sub("", actual[1])
            if identity == span and pieces:
                pieces[-1].right = max(pieces[-1].right, right_edge)
                continue
            span = identity
            glyphs += 1
            pieces.append(Piece(text, x, right_edge, y, size, space=not text.strip()))
            continue
        span = 0
        text = INVISIBLE.sub("", texts.get(_address(obj), ""))
        font = _font_name(pdfium, obj) if unmapped_fonts else ""
        if ink:
            glyphs += 1
            if font in unmapped_fonts:
                unmapped.append(font)
                text = ""
        # An object with ink and no letters otherwise is one pdfium dropped as a copy of the one beneath it (text
        # drawn twice, slightly offset, to look bold).
        visible = text.strip()
        if visible and text != visible:  # a space glyph drawn at either end of the object's letters
            if text[0].isspace():
                pieces.append(Piece(" ", x, x, y, size, space=True))
            pieces.append(Piece(visible, x, max(right_edge, x), y, size))
            if text[-1].isspace():
                pieces.append(Piece(" ", right_edge, right_edge, y, size, space=True))
        else:
            pieces.append(Piece(visible, x, max(right_edge, x), y, size, space=not visible))
    return pieces, glyphs, unmapped


def _line_text(pieces: list[Piece]) -> str:
    parts: list[str] = []
    previous: Piece | None = None
    for piece in pieces:
        if piece.space:
            if parts and parts[-1] != " ":
                parts.append(" ")
            previous = piece
            continue
        apart = previous is not None and piece.left - previous.right > WORD_GAP * max(piece.size, previous.size)
        if apart and previous is not None and not previous.space and parts and parts[-1] != " ":
            parts.append(" ")
        parts.append(piece.text)
        previous = piece
    return HIDDEN_HYPHEN.sub("", "".join(parts).strip())


def _lines(pieces: list[Piece]) -> list[Line]:
    lines: list[Line] = []
    for piece in pieces:
        if lines:
            line = lines[-1]
            last = line.pieces[-1]
            same_baseline = abs(piece.baseline - line.baseline) <= SAME_LINE * max(piece.size, last.size)
            # Back to the left of where the line began: a new line on the same baseline (another column).
            if same_baseline and piece.left >= line.left - last.size:
                line.pieces.append(piece)
                continue
        lines.append(Line([piece]))
    return [line for line in lines if line.text]


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_ENDS)


def _paragraph_starts(lines: list[Line]) -> list[bool]:
    """For each line, whether it begins a paragraph."""
    gaps: dict[int, list[float]] = {}
    for before, after in itertools.pairwise(lines):
        if _similar(before.size, after.size) and before.baseline > after.baseline:
            gaps.setdefault(round(after.size), []).append(before.baseline - after.baseline)
    spacing = {size: min(statistics.median(found), min(found) * PARAGRAPH_GAP) for size, found in gaps.items()}
    left = min((line.left for line in lines), default=0.0)
    right = max((line.right for line in lines), default=0.0)
    width = max(right - left, 1.0)
    starts = [True]
    for before, after in itertools.pairwise(lines):
        gap = before.baseline - after.baseline
        usual = spacing.get(round(after.size), 1.2 * after.size)
        indented = after.left - left > 0.8 * after.size and before.left - left <= 0.8 * after.size
        short_end = before.right < left + FULL_LINE * width and _ends_sentence(before.text)
        starts.append(
            not _similar(before.size, after.size) or gap <= 0 or gap > usual * PARAGRAPH_GAP or indented or short_end
        )
    return starts


def _similar(one: float, other: float) -> bool:
    return abs(one - other) <= 0.15 * max(one, other)


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one line: a space between lines, a word broken at a line end joined."""
    text = ""
    for line in lines:
        broken = text.rstrip("".join(SOFT_HYPHENS))
        if not text:
            text = line
        elif broken != text and broken[-1:].isalpha() and line[:1].isalpha():
            text = broken + line
        elif text.endswith("-") and len(text) > 1 and text[-2].isalnum() and line[:1].isalnum():
            text += line  # a compound broken at its hyphen: "well-" + "known"
        else:
            text += " " + line
    return text


def page_lines(pdfium: Any, page: Any, textpage: Any, unmapped_fonts: frozenset[str] = frozenset()) -> PageLines:
    """The page's lines; `unmapped_fonts` names the page's fonts that carry no letters (`_pieces`)."""
    pieces, glyphs, unmapped = _pieces(pdfium, page, textpage, unmapped_fonts)
    return PageLines(_lines(pieces), glyphs, len(unmapped), frozenset(unmapped))


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def running_lines(pages: list[PageLines]) -> set[str]:
    """Running heads and feet: a line at the top or bottom of most pages (page numbers aside), or, on a single page,
    the date and title a browser prints above a page and the address and page number it prints below."""
    edges: list[set[str]] = []
    for page in pages:
        ordered = sorted(page.lines, key=lambda line: line.baseline)
        edges.append({_running_key(line.text) for line in ordered[:2] + ordered[-2:]})
    found = set()
    if len(edges) >= 2:
        counts: dict[str, int] = {}
        for keys in edges:
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
        found = {key for key, count in counts.items() if count >= max(2, len(edges) / 2)}
    found |= {key for keys in edges for key in keys if BROWSER_HEAD.match(key) or BROWSER_FOOT.search(key)}
    return found


def page_text(page: PageLines, running: AbstractSet[str] = frozenset()) -> PageText:
    """The page's paragraphs, its running heads and feet (`running_lines`) left out."""
    glyphs, unmapped, unmapped_fonts = page.glyphs, page.unmapped, page.unmapped_fonts
    lines = [line for line in page.lines if _running_key(line.text) not in running]
    if not lines:
        return PageText([], False, 0.0, 0.0, None, glyphs, unmapped, unmapped_fonts)
    paragraphs: list[list[str]] = []
    for line, starts in zip(lines, _paragraph_starts(lines), strict=True):
        if starts or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    left = min(line.left for line in lines)
    width = max(line.right for line in lines) - left
    last = lines[-1]
    body = statistics.median(line.size for line in lines)
    heading_lines: list[str] = []
    for line in lines:
        if line.size <= body * 1.15:
            break
        if heading_lines and not _similar(line.size, lines[0].size):
            break
        heading_lines.append(line.text)
    return PageText(
        [join_lines(paragraph) for paragraph in paragraphs],
        last.right >= left + FULL_LINE * width,
        lines[0].size,
        last.size,
        join_lines(heading_lines) if heading_lines else None,
        glyphs,
        unmapped,
        unmapped_fonts,
    )
