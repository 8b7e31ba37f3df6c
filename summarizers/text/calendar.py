"""Month and weekday names in English and Hindi, one table for every layer: dates as facts (attribution), datelines
left out of summaries (engines) and dateline cues in page chrome (language).

Hindi spells nukta letters two ways (ड़ as one code point, or ड + ़) and texts use either, so every table holds both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# NFC leaves ड़ decomposed (a composition exclusion); some texts use the single code point.
_SINGLE_NUKTA = {
    "ड़": "\u095c",
    "ढ़": "\u095d",
    "फ़": "\u095e",
    "ज़": "\u095b",
    "क़": "\u0958",
    "ख़": "\u0959",
    "ग़": "\u095a",
}


def spellings(word: str) -> set[str]:
    """The ways a Devanagari word is written: composed, decomposed, and with single-code-point nukta letters."""
    single = word
    for decomposed, code_point in _SINGLE_NUKTA.items():
        single = single.replace(decomposed, code_point)
    return {word, unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word), single}


def with_spellings(table: dict[str, int]) -> dict[str, int]:
    return {variant: value for word, value in table.items() for variant in spellings(word)}


MONTHS: dict[str, int] = with_spellings({
    "january": 1, "jan": 1, "जनवरी": 1, "february": 2, "feb": 2, "फरवरी": 2, "फ़रवरी": 2,
    "march": 3, "mar": 3, "मार्च": 3, "april": 4, "apr": 4, "अप्रैल": 4, "may": 5, "मई": 5,
    "june": 6, "jun": 6, "जून": 6, "july": 7, "jul": 7, "जुलाई": 7, "august": 8, "aug": 8, "अगस्त": 8,
    "september": 9, "sept": 9, "sep": 9, "सितंबर": 9, "सितम्बर": 9, "october": 10, "oct": 10, "अक्टूबर": 10,
    "अक्तूबर": 10, "november": 11, "nov": 11, "नवंबर": 11, "नवम्बर": 11, "december": 12, "dec": 12,
    "दिसंबर": 12, "दिसम्बर": 12,
})  # fmt: skip
WEEKDAYS: dict[str, int] = with_spellings({
    "monday": 1, "सोमवार": 1, "tuesday": 2, "मंगलवार": 2, "wednesday": 3, "बुधवार": 3, "thursday": 4,
    "गुरुवार": 4, "बृहस्पतिवार": 4, "friday": 5, "शुक्रवार": 5, "saturday": 6, "शनिवार": 6, "sunday": 7,
    "रविवार": 7,
})  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words`, longest first (so "june" is tried before "jun")."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


MONTH_PATTERN = alternation(MONTHS)
