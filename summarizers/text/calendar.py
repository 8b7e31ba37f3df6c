"""Month and weekday names in English and Hindi, one table for every layer: dates as facts (attribution), datelines
left out of summaries (engines) and dateline cues in page chrome (language). The names come from CLDR (through
Babel); only spellings CLDR does not list are written here.

Hindi spells nukta letters two ways (ड़ as one code point, or ड + ़) and texts use either, so every table holds both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from babel import Locale

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


# Spellings CLDR does not list but Hindi news writes: anusvara or half nasal (सितंबर, सितम्बर), nukta or none
# (फ़रवरी, फरवरी), त or ट (अक्टूबर, अक्तूबर), the long e of अप्रेल; and the English "Sept." abbreviation.
_OTHER_MONTH_SPELLINGS = {
    "sept": 9, "फरवरी": 2, "अप्रेल": 4, "सितम्बर": 9, "अक्तूबर": 10, "नवम्बर": 11, "दिसम्बर": 12,
}  # fmt: skip
_OTHER_WEEKDAY_SPELLINGS = {"बृहस्पतिवार": 4}  # Thursday's other Hindi name, beside CLDR's गुरुवार
_CALENDAR_LOCALES = ("en", "hi")


def _months() -> dict[str, int]:
    """Month names of English and Hindi from CLDR (through Babel): full names, and abbreviations where they cannot
    be read as another word (Hindi's end in "॰"; English ones are dates only when capitalised, see `attribution`)."""
    table: dict[str, int] = {}
    for code in _CALENDAR_LOCALES:
        months = Locale(code).months["format"]
        for number, month in months["wide"].items():
            table[month.casefold()] = number
        for number, month in months["abbreviated"].items():
            if code == "en" or month.endswith("॰"):
                table[month.casefold()] = number
    return with_spellings(table | _OTHER_MONTH_SPELLINGS)


def _weekdays() -> dict[str, int]:
    """Weekday names (Monday = 1), full names only: short ones are words too ("Sun", "Wed"; Hindi शनि is Saturn)."""
    table = {
        day.casefold(): index + 1
        for code in _CALENDAR_LOCALES
        for index, day in Locale(code).days["format"]["wide"].items()
    }
    return with_spellings(table | _OTHER_WEEKDAY_SPELLINGS)


MONTHS: dict[str, int] = _months()
WEEKDAYS: dict[str, int] = _weekdays()


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of `words`, longest first (so "june" is tried before "jun")."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


MONTH_PATTERN = alternation(MONTHS)
