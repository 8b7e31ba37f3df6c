"""Which writing system a letter belongs to, by code-point block.

The script settles the language wherever it is unambiguous (Devanagari is not Latin), which is both faster and far
more reliable on short text than any statistical detector.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

from summarizers.text.primitives import is_letter

Script = Literal["Latn", "Deva", "Arab", "Other"]

_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x0900, 0x097F, "Deva"),
    (0xA8E0, 0xA8FF, "Deva"),
    (0x1CD0, 0x1CFF, "Deva"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x08A0, 0x08FF, "Arab"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
)


def script_of(char: str) -> Script | None:
    """The script of a letter, or None for anything that is not a letter (digits, punctuation, space)."""
    if not is_letter(char):
        return None
    point = ord(char)
    for low, high, script in _RANGES:
        if low <= point <= high:
            return script
    return "Other"


def script_counts(text: str) -> Counter[Script]:
    counts: Counter[Script] = Counter()
    for char in text:
        script = script_of(char)
        if script is not None:
            counts[script] += 1
    return counts


def dominant_script(text: str) -> Script | None:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None
