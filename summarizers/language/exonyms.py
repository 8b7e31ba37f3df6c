"""Names Hindi translates rather than transliterates (Egypt ~ मिस्र, United States ~ संयुक्त राज्य अमेरिका, Greek ~
यूनानी), offline.

Countries and regions, languages and currencies come from CLDR through Babel, matched by their codes across the two
locales. Demonyms ("Egyptian", "Europeans") are read back to the country or region they are formed from. A short
table adds only what CLDR lacks; each entry names its source.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale

# What CLDR lacks, each with its source:
# - [CLDR code]: an acronym or short name English news writes for a CLDR territory ("US", "UK"): its CLDR Hindi name;
# - [Hindi usage]: the other Hindi name Hindi news gives the same place (अमेरिका beside CLDR's संयुक्त राज्य);
# - [Hindi Wikipedia]: the title of the Hindi Wikipedia article on the place, body or era;
# - [Indian usage]: the Hindi title of an Indian office as the Government of India's Hindi pages write it.
_TERRITORY_ACRONYMS = {"us": "US", "usa": "US", "uk": "GB", "un": "UN", "eu": "EU", "uae": "AE"}  # [CLDR code]
_CURATED: dict[str, tuple[str, ...]] = {
    # [Hindi usage]
    "us": ("अमेरिका", "अमरीका"), "usa": ("अमेरिका",), "united states": ("अमेरिका", "संयुक्त राज्य अमेरिका"),
    "america": ("अमेरिका",), "american": ("अमेरिकी", "अमेरिका"), "americans": ("अमेरिकी", "अमेरिकियों"),
    "uk": ("ब्रिटेन",), "britain": ("ब्रिटेन",), "british": ("ब्रिटिश", "ब्रिटेन"), "turkey": ("तुर्की",),
    "indian": ("भारतीय", "भारत"), "indians": ("भारतीयों", "भारतीय"), "greek": ("यूनानी", "ग्रीक"),
    "greeks": ("यूनानी", "यूनानियों"), "hong kong": ("हांगकांग", "हांग कांग"), "czech": ("चेक",),
    "eu": ("यूरोपीय यूनियन",), "french": ("फ्रांसीसी",),
    # "Indo-" is India in compounds (Indo-Pacific ~ हिंद-प्रशांत, Indo–Russian ~ भारत-रूस).
    "indo": ("भारत", "हिंद", "भारतीय"), "west": ("पश्चिम", "पश्चिमी"), "western": ("पश्चिमी",),
    "eastern": ("पूर्वी",),  # पूर्व alone also means "former"
    # The Ottoman state and its people, which Hindi names after the Turks (तुर्क साम्राज्य) or as उस्मानी.
    "ottoman": ("उस्मानी", "तुर्क", "तुर्की"), "ottomans": ("उस्मानी", "तुर्क", "तुर्कों"),
    # [Hindi Wikipedia]
    "pacific": ("प्रशांत",), "gulf": ("खाड़ी",), "new delhi": ("नई दिल्ली",), "nile": ("नील",),
    "mediterranean": ("भूमध्य", "भूमध्यसागर", "भूमध्यसागरीय"), "black sea": ("काला सागर",),
    "indian ocean": ("हिंद महासागर", "हिन्द महासागर"), "atlantic": ("अटलांटिक",),
    "bc": ("ईसा पूर्व",), "bce": ("ईसा पूर्व",), "ad": ("ईस्वी", "ई."), "ce": ("ईस्वी",),
    "bronze age": ("कांस्य युग",), "renaissance": ("पुनर्जागरण",), "jesus": ("यीशु", "ईसा"), "christ": ("ईसा",),
    "god": ("ईश्वर", "भगवान"), "industrial revolution": ("औद्योगिक क्रांति",),
    "supreme court": ("सर्वोच्च न्यायालय", "उच्चतम न्यायालय", "सुप्रीम कोर्ट"),
    "election commission": ("चुनाव आयोग", "निर्वाचन आयोग"),
    # [Indian usage]
    "mla": ("विधायक",), "mlas": ("विधायकों", "विधायक"), "mp": ("सांसद",), "mps": ("सांसदों", "सांसद"),
}  # fmt: skip

# How English forms a demonym or adjective from a place, undone: (ending, what the place ends with instead).
# "Egyptian" -> Egypt, "Serbian" -> Serbia, "European" -> Europe, "Mexican" -> Mexico, "Chinese" -> China,
# "Icelandic" -> Iceland, "Turkish" -> Turkey.
_DEMONYM_ENDINGS = (
    ("ian", ""), ("ian", "ia"), ("ian", "a"), ("ian", "y"), ("ean", "e"), ("an", ""), ("an", "a"), ("an", "o"),
    ("ese", ""), ("ese", "a"), ("ic", ""), ("ish", ""), ("ish", "ey"), ("ish", "land"), ("i", ""),
)  # fmt: skip


# A nasal consonant with a virama before another consonant: the same sound as an anusvara (प्रशान्त, प्रशांत).
_HALF_NASAL = re.compile("[ङञणनम]\u094d(?=[क-ह])")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A Devanagari spelling with the choices that do not change the word undone: nukta dropped (अफ़्रीका,
    अफ्रीका), chandrabindu and half nasals written as anusvara (हाँग, हांग; हिन्द, हिंद)."""
    decomposed = unicodedata.normalize("NFD", text).replace("\u093c", "").replace("\u0901", "\u0902")
    return _HALF_NASAL.sub("\u0902", unicodedata.normalize("NFC", decomposed))


def _by_code(english: dict[str, str], hindi: dict[str, str]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for code, name in english.items():
        native = hindi.get(code)
        if native and name and "(" not in native:
            table.setdefault(name.casefold(), set()).add(fold(native))
    return table


@lru_cache(maxsize=1)
def _cldr() -> dict[str, set[str]]:
    english, hindi = Locale("en"), Locale("hi")
    table: dict[str, set[str]] = {}
    for english_names, hindi_names in (
        (english.territories, hindi.territories),
        (english.languages, hindi.languages),
        (english.currencies, hindi.currencies),
    ):
        for name, natives in _by_code(dict(english_names), dict(hindi_names)).items():
            table.setdefault(name, set()).update(natives)
    for acronym, code in _TERRITORY_ACRONYMS.items():
        table.setdefault(acronym, set()).add(fold(hindi.territories[code]))
    return table


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table = {name: set(natives) for name, natives in _cldr().items()}
    for name, natives in _CURATED.items():
        table.setdefault(name, set()).update(fold(native) for native in natives)
    return {name: frozenset(natives) for name, natives in table.items()}


def _place_of_demonym(name: str) -> str | None:
    table = _table()
    singular = name[:-1] if name.endswith("s") and name[:-1] not in table else name
    for ending, replacement in _DEMONYM_ENDINGS:
        if singular.endswith(ending) and len(singular) > len(ending) + 2:
            place = singular[: -len(ending)] + replacement
            if place in table:
                return place
    return None


@lru_cache(maxsize=16384)
def hindi_names(name: str) -> frozenset[str]:
    """The Hindi names (folded, see `fold`) of an English name Hindi translates, one or several words; nothing for a
    name Hindi transliterates or does not know. A demonym gets its place's names."""
    key = " ".join(name.split()).casefold()
    table = _table()
    found = table.get(key, frozenset())
    place = _place_of_demonym(key) if " " not in key else None  # "Serbian": the language, and Serbia's people
    return found | table[place] if place is not None else found


# Hindi adjectives and oblique forms of a place name: यूरोप -> यूरोपीय, मिस्र -> मिस्री, कनाडा -> कनाडाई, अमेरिका ->
# अमेरिकी, भारत -> भारतीयों. (ending, what the place ends with instead)
_HINDI_ENDINGS = (
    ("ीयों", ""), ("ियों", ""), ("ियों", "ा"), ("ीय", ""), ("ियाई", "िया"), ("ाई", "ा"), ("ई", ""), ("ी", ""),
    ("ी", "ा"), ("ी", "िया"), ("वासी", ""), ("वासियों", ""),
)  # fmt: skip


@lru_cache(maxsize=65536)
def hindi_stems(word: str) -> frozenset[str]:
    """A Hindi word (folded) and the place names it may be an adjective or oblique form of."""
    folded = fold(word)
    stems = {folded}
    for ending, replacement in _HINDI_ENDINGS:
        if folded.endswith(ending) and len(folded) > len(ending) + 1:
            stems.add(folded[: -len(ending)] + replacement)
    return frozenset(stems)


@lru_cache(maxsize=1)
def _hindi_place_and_language_names() -> frozenset[str]:
    """CLDR's Hindi names of countries, regions and languages (folded), each a name wherever Hindi text writes it,
    and the curated table's names of several words (औद्योगिक क्रांति, नई दिल्ली). Currencies are left out: "डॉलर",
    "रुपये" are common nouns; so are the curated table's single words, many of them common words too (पश्चिम "west",
    नील "blue")."""
    hindi = Locale("hi")
    names = (*dict(hindi.territories).values(), *dict(hindi.languages).values())
    curated = (native for natives in _CURATED.values() for native in natives if " " in native)
    return frozenset(fold(name) for name in (*map(_short_name, names), *curated) if name)


_QUALIFIER = re.compile(r"\s*(?:\(.*|\s[-–]\s.*)$")


def _short_name(name: str) -> str:
    """A CLDR name without what tells it from a namesake: "कांगो - किंशासा" is कांगो, "म्यांमार (बर्मा)" म्यांमार."""
    return _QUALIFIER.sub("", name)


def is_hindi_place_name(words: str) -> bool:
    """Whether Hindi words (one or several) are the Hindi name of a country, region or language, or an adjective or
    oblique form of one (जापानी, भारतीयों)."""
    head, _, last = " ".join(fold(words).split()).rpartition(" ")
    names = _hindi_place_and_language_names()
    return any((f"{head} {stem}" if head else stem) in names for stem in hindi_stems(last))


@lru_cache(maxsize=1)
def hindi_place_name_starts() -> dict[str, frozenset[int]]:
    """The first words (folded) of the Hindi names of places and languages written in several words, each with how
    many words its names run to (संयुक्त: 2 and 3)."""
    starts: dict[str, set[int]] = {}
    for name in _hindi_place_and_language_names():
        words = name.split()
        if len(words) > 1:
            starts.setdefault(words[0], set()).add(len(words))
    return {word: frozenset(sizes) for word, sizes in starts.items()}
