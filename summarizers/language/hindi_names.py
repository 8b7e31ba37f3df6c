"""Names in Hindi text alone, without an English name to match them (Hindi has no capitals), offline.

A Devanagari word reads as a name when one of these signs says so:
- a place or a language: CLDR's Hindi name of a country, region or language, or its adjective (चीन, जापानी, पापुआ
  न्यू गिनी);
- an acronym spelled out by its letters' names (सीआरटीसी, केएफसी);
- a loan spelling: the vowel signs ॉ ऑ ॅ ऍ, which Hindi writes only for English sounds (एबॉट्सफोर्ड); a loanword
  ("ब्लॉग") shows it too, so callers weigh it against the other version's words;
- an unlisted word: not among the words Hindi text commonly uses (`data/hindi_words.txt.gz`, from wordfreq), nor an
  inflection of one ("सुनवाईयों"), nor two of them written as one compound ("भावशून्य"). Rare transliterations
  (पनवलकर, बेलिंघम) are unlisted; common names (ओबामा) are not, and are not found this way.

Neighbouring name words joined by a space or hyphen are one name ("साइमन क्रैट्शेमर"). Each name carries the sign that
found its surest word, so a caller may ask for the surer ones only.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import regex

from summarizers.language.exonyms import fold, hindi_place_name_starts, is_hindi_place_name
from summarizers.language.transliteration import spelled_acronym
from summarizers.text.lexicon import STOPWORDS

HINDI_WORDS_PATH = Path(__file__).with_name("data") / "hindi_words.txt.gz"


class NameSign(IntEnum):
    """What makes a Devanagari word a name, the surest last."""

    UNLISTED = 1
    LOAN_SPELLING = 2
    ACRONYM = 3
    PLACE = 4


@dataclass(frozen=True)
class HindiName:
    start: int
    end: int
    sign: NameSign

    def text(self, text: str) -> str:
        return text[self.start : self.end]


_DEVANAGARI_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
_LOAN_SIGNS = frozenset("ॉऑॅऍ")
# Word endings Hindi inflects with (plural, oblique, feminine, verbal, adjectival), longest first: a word that is a
# listed word plus one of these is that word ("सुनवाईयों", "जनजातियां").
_ENDINGS = tuple(
    sorted(
        "ों ें ाओं ियों ियां ियाँ ाएं ाएँ ए ी ा े ीय ता ती ते ना नी ने कर ओं यों यां वाला वाले वाली पूर्ण ीकरण".split(),
        key=len,
        reverse=True,
    )
)
_VIRAMA = "\u094d"
_MIN_PART = 3  # code points of each part of a compound: shorter parts ("का", "ने") would split almost any word,
# and each part has two written syllables or more: one (क्यू + बेक) is how transliterations split too
_MIN_UNLISTED = 3  # code points, and two syllables: shorter unlisted words are mostly fragments and typos
# Between two words of one name: a space or a hyphen.
_JOINERS = frozenset({" ", "-", "‑"})


_ENGLISH_MARK = "~"  # before a word of the list that reads as English (see data/README.md)


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The words Hindi text commonly uses, and apart those of them that read as English (ओबामा, टेलीविजन)."""
    with gzip.open(HINDI_WORDS_PATH, "rt", encoding="utf-8") as lines:
        words = [line.strip() for line in lines]
    english = frozenset(word[1:] for word in words if word.startswith(_ENGLISH_MARK))
    return frozenset(word for word in words if not word.startswith(_ENGLISH_MARK)), english


def _listed() -> frozenset[str]:
    return _word_lists()[0]


def is_listed(word: str) -> bool:
    """Whether a Devanagari word is a common Hindi word, an inflection of one, or a compound of two; a word that reads
    as English never is, though its parts may be Hindi words (टेली, विजन)."""
    folded = fold(word).replace("\u200c", "").replace("\u200d", "")  # joiners choose a glyph, not a word
    listed, english = _word_lists()
    if folded in listed:
        return True
    if folded in english:
        return False
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_PART:
            stem = folded[: -len(ending)]
            if stem in listed or stem + "ा" in listed or stem + "ी" in listed:
                return True
    return any(
        first in listed and second in listed and min(_syllables(first), _syllables(second)) > 1
        for cut in range(_MIN_PART, len(folded) - _MIN_PART + 1)
        for first, second in _compound_parts(folded, cut)
    )


_LONG_A = "\u093e"  # ा


def _compound_parts(word: str, cut: int) -> list[tuple[str, str]]:
    """The two words `word` may join at `cut`: as written, or, where the second begins with ा, by the vowel sandhi
    that writes अ/आ + अ/आ as one ा (प्रधान + अध्यापिका = प्रधानाध्यापिका, विद्या + आलय = विद्यालय)."""
    first, second = word[:cut], word[cut:]
    if not second.startswith(_LONG_A):
        return [(first, second)]
    rest = second[1:]
    return [(head, vowel + rest) for head in (first, first + _LONG_A) for vowel in ("अ", "आ")]


def _syllables(word: str) -> int:
    """Written syllables (aksharas): a vowel letter, or a consonant no virama joins to the one before it."""
    count = 0
    for index, char in enumerate(word):
        joined = index > 0 and word[index - 1] == _VIRAMA
        count += "\u0904" <= char <= "\u0914" or ("\u0915" <= char <= "\u0939" and not joined)
    return count


@lru_cache(maxsize=65536)
def word_sign(word: str) -> NameSign | None:
    """The surest sign that a Devanagari word is a name, or None for a word that shows none."""
    if word in STOPWORDS or not word:
        return None
    if is_hindi_place_name(word):
        return NameSign.PLACE
    if spelled_acronym(word) is not None and (len(word) > _MIN_UNLISTED * 2 or not is_listed(word)):
        return NameSign.ACRONYM
    if _LOAN_SIGNS & set(word):
        return NameSign.LOAN_SPELLING
    if len(word) >= _MIN_UNLISTED and _syllables(word) > 1 and not is_listed(word):
        return NameSign.UNLISTED
    return None


def hindi_names_in(text: str, start: int = 0, end: int | None = None) -> list[HindiName]:
    """The names in `text[start:end]` (offsets into `text`), in order; neighbouring name words are one name, and a
    place name of several words (पापुआ न्यू गिनी) is one name though its words alone are not names."""
    end = len(text) if end is None else end
    words = list(_DEVANAGARI_WORD.finditer(text, start, end))
    signs: dict[int, NameSign] = {}
    for position, match in enumerate(words):
        sign = word_sign(match.group())
        if sign == NameSign.UNLISTED and _before_light_verb(text, words, position):
            sign = None  # a verb's stem (हंस देती है, "laughs"), which the word list holds only inflected
        if sign is not None:
            signs[position] = max(sign, signs.get(position, sign))
        for size in sorted(hindi_place_name_starts().get(fold(match.group()), ())):
            window = words[position : position + size]
            if (
                len(window) == size
                and _one_run(text, window)
                and is_hindi_place_name(" ".join(m.group() for m in window))
            ):
                signs.update(dict.fromkeys(range(position, position + size), NameSign.PLACE))
    names: list[HindiName] = []
    previous: int | None = None
    for position in sorted(signs):
        match = words[position]
        if previous is not None and previous == position - 1 and _one_run(text, [words[previous], match]):
            last = names[-1]
            names[-1] = HindiName(last.start, match.end(), max(last.sign, signs[position]))
        else:
            names.append(HindiName(match.start(), match.end(), signs[position]))
        previous = position
    return names


# The forms of the verbs that follow another verb's bare stem to make a compound verb (देना "give", लेना "take",
# जाना "go", पड़ना "fall", उठना "rise", बैठना "sit", चुकना "finish"): a word before one is that stem, not a name.
_LIGHT_VERBS = frozenset(
    """दे देता देती देते देना दिया दी दिए दिये देगा देगी देंगे दें ले लेता लेती लेते लेना लिया ली लेगा लेगी लेंगे लें
    जा जाता जाती जाते जाना गया गई गयी गए गये जाएगा जाएगी जाएंगे पड़ा पड़ी पड़े पड़ता पड़ती उठा उठी उठे उठता उठती
    बैठा बैठी बैठे चुका चुकी चुके""".split()
)


def _before_light_verb(text: str, words: list[regex.Match[str]], position: int) -> bool:
    """Whether the word at `position` is followed, after one space, by a form of a compound verb's second verb."""
    if position + 1 >= len(words):
        return False
    word, following = words[position], words[position + 1]
    return text[word.end() : following.start()] == " " and following.group() in _LIGHT_VERBS


def _one_run(text: str, words: list[regex.Match[str]]) -> bool:
    """Whether words follow one another with only one space or hyphen between each two."""
    return all(text[a.end() : b.start()] in _JOINERS for a, b in pairwise(words))
