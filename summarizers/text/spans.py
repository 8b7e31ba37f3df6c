"""Text primitives shared by every stage: spans, word tokens and sentence splitting.

All offsets are code-point offsets into the string given; nothing here rewrites text.
Word tokens are built from Unicode categories, not `\\w`: Python's `re` does not count Devanagari vowel signs
(categories Mc/Mn) as word characters, which would cut Hindi words apart.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

# Letters, combining marks, digits and the zero-width (non-)joiners that Indic scripts use inside words.
WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d]+")
NUMBER_RE = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*")

# A sentence ends at a danda (always) or at . ! ? (followed by white space or the end of the line),
# with closing quotes and brackets kept on the sentence they close.
_TERMINATOR_RE = regex.compile(r"(?:[।॥]+|[.!?…]+)[\"'”’»)\]]*")
_CLOSERS = "\"'”’»)]"

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "maj",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "supt",
        "insp",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "plc",
        "dept",
        "univ",
        "assn",
        "est",
        "fig",
        "vol",
        "pp",
        "ed",
        "eds",
        "vs",
        "etc",
        "al",
        "approx",
        "apt",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "rs",
        "smt",
        "shri",
        "sh",
        "kum",
    ]
)
# Abbreviations that end a sentence only when no number follows ("No. 10", "Art. 370").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "sec", "ch", "p"})


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of code points."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


def is_letter(char: str) -> bool:
    """Letters and combining marks: a Devanagari vowel sign is part of its word."""
    return unicodedata.category(char)[0] in "LM"


def count_letters(text: str) -> int:
    return sum(1 for char in text if is_letter(char))


def word_spans(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in WORD_RE.finditer(text)]


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word as compared: Unicode NFC, case-folded."""
    return unicodedata.normalize("NFC", word).casefold()


def words(text: str) -> list[str]:
    """Case-folded word tokens (Unicode-aware), e.g. for ROUGE and similarity."""
    return [fold(word) for word in WORD_RE.findall(text)]


def line_spans(text: str) -> list[Span]:
    """Each line's span with its surrounding white space trimmed; blank lines are left out."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _word_before(text: str, end: int) -> str:
    """The run of letters, marks and dots that ends at `end` ("U.S", "Dr", "J"). Scanned backwards so that the cost
    is the word's length, not the text's: a search over `text[:end]` made splitting quadratic in long texts."""
    start = end
    while start > 0 and (text[start - 1] == "." or is_letter(text[start - 1])):
        start -= 1
    return text[start:end]


def _ends_sentence(text: str, match_start: int, match_end: int, line_end: int) -> bool:
    terminator = text[match_start:match_end].rstrip(_CLOSERS)
    if terminator[0] in "।॥":
        return True
    if match_end < line_end and not text[match_end].isspace():
        return False  # 6.5, U.S.A, example.com, "?!x"
    following_at = match_end
    while following_at < line_end and text[following_at].isspace():
        following_at += 1
    if following_at == line_end:
        return True
    following = text[following_at]
    if terminator != ".":
        # '?' or '!' followed by a lower-case word continues the sentence: 'He asked "why?" and left.'
        return not following.islower()
    previous = _word_before(text, match_start)
    bare = previous.rstrip(".").casefold()
    if following.islower():
        return False
    if bare in ABBREVIATIONS:
        return False
    if bare in _NUMBER_ABBREVIATIONS and following.isdigit():
        return False
    # An initial (J. K. Rowling) or an initialism (U.S., U.K.) written with dots.
    if len(previous) == 1 and previous.isupper():
        return False
    return not regex.fullmatch(r"(?:\p{Lu}\.)+\p{Lu}", previous)


def split_sentences(text: str) -> list[Span]:
    """Sentence spans covering every non-space character of `text`, in order.

    Lines are always boundaries (headlines, list items and datelines stand on their own lines in news text).
    """
    sentences: list[Span] = []
    for line in line_spans(text):
        start = line.start
        for match in _TERMINATOR_RE.finditer(text, line.start, line.end):
            if _ends_sentence(text, match.start(), match.end(), line.end):
                sentences.append(Span(start, match.end()))
                start = match.end()
                while start < line.end and text[start].isspace():
                    start += 1
        if start < line.end:
            sentences.append(Span(start, line.end))
    return [s for s in sentences if len(s) > 0]
