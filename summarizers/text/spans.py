"""Text primitives shared by every stage: spans, word tokens (`text.primitives`) and sentence splitting (its rules:
`text.sentences`), in one place to import them from.

All offsets are code-point offsets into the string given; nothing here rewrites text.
"""

from summarizers.text.primitives import (
    NUMBER_RE,
    WORD_RE,
    Span,
    count_letters,
    fold,
    is_letter,
    line_spans,
    word_spans,
    words,
)
from summarizers.text.sentences import split_sentences

__all__ = [
    "NUMBER_RE",
    "WORD_RE",
    "Span",
    "count_letters",
    "fold",
    "is_letter",
    "line_spans",
    "split_sentences",
    "word_spans",
    "words",
]
