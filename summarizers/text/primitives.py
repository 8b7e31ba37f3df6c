"""Text primitives shared by every stage: spans and word tokens. They import nothing of the library, so every text
module (scripts, stop words, sentence rules) can build on them; `text.spans` offers them together with sentence
splitting.

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
