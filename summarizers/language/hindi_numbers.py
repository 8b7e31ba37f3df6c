"""Numbers Hindi writes in words: cardinals (दो, पचास, पाँच हज़ार) and ordinals (पांचवी सदी "5th century", तीसरे
ड्यूक "the 3rd Duke"), as values, offline.

Cardinal words come from `indic-numtowords` (AI4Bharat, MIT), which spells 2 to 99 and the scale words the way Hindi
text does. Babel carries no CLDR spell-out rules, so the ordinals are formed by Hindi's own rule: a cardinal and
-वाँ, -वीं, -वें (चौदहवीं), written with or without the nasal mark (चौदहवी); the four that do not follow it (दूसरा,
तीसरा, चौथा, छठा) are listed. One ("एक", "पहला") is left out: it is Hindi's indefinite article, and पहले also means
"before".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from indic_numtowords import num2words  # type: ignore[import-untyped]

from summarizers.language.exonyms import fold

_SMALLEST, _LARGEST = 2, 99
# Scale words a cardinal may stand before (पाँच हज़ार): one hundred, thousand, lakh, crore, arab.
_SCALES = {"सौ": 100, "हजार": 10**3, "लाख": 10**5, "करोड": 10**7, "अरब": 10**9}
_ORDINAL_ENDINGS = ("वां", "वीं", "वें", "वा", "वी", "वे")
# Ordinals not formed by the rule (Hindi grammar): second, third, fourth, sixth, in each gender and the oblique.
_IRREGULAR_ORDINALS = {2: "दूसर", 3: "तीसर", 4: "चौथ", 6: "छठ"}
_IRREGULAR_ENDINGS = ("ा", "ी", "े")


@dataclass(frozen=True)
class NumberWords:
    start: int
    end: int
    value: int
    ordinal: bool


@lru_cache(maxsize=1)
def _cardinals() -> dict[str, int]:
    words: dict[str, int] = {}
    for value in range(_SMALLEST, _LARGEST + 1):
        for spelled in num2words(value, lang="hi", variations=True):
            if " " not in spelled:
                words.setdefault(fold(spelled), value)
    return words


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    words = {
        fold(f"{word}{ending}"): value
        for word, value in _cardinals().items()
        if value not in _IRREGULAR_ORDINALS
        for ending in _ORDINAL_ENDINGS
    }
    for value, stem in _IRREGULAR_ORDINALS.items():
        words.update({f"{stem}{ending}": value for ending in _IRREGULAR_ENDINGS})
    words.update({f"छठ{ending}": 6 for ending in _ORDINAL_ENDINGS})  # छठवां beside छठा
    return words


_WORD = regex.compile(r"[\p{L}\p{M}\u200c\u200d]+")


def number_words(text: str) -> list[NumberWords]:
    """Numbers a Hindi text writes in words, in order, with their offsets."""
    cardinals, ordinals = _cardinals(), _ordinals()
    words = list(_WORD.finditer(text)) if any("\u0900" <= ch <= "\u097f" for ch in text) else []
    found: list[NumberWords] = []
    index = 0
    while index < len(words):
        match = words[index]
        folded = fold(match.group())
        following = fold(words[index + 1].group()) if index + 1 < len(words) else ""
        spaced = index + 1 < len(words) and text[match.end() : words[index + 1].start()] == " "
        value = cardinals.get(folded, 1 if folded == "एक" else None)
        if value is not None and spaced and following in _SCALES:
            end = words[index + 1].end()
            found.append(NumberWords(match.start(), end, value * _SCALES[following], ordinal=False))
            index += 2
            continue
        if value is not None and value > 1:
            found.append(NumberWords(match.start(), match.end(), value, ordinal=False))
        elif folded in ordinals:
            found.append(NumberWords(match.start(), match.end(), ordinals[folded], ordinal=True))
        index += 1
    return found
