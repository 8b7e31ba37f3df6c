"""How alike an English name and a Devanagari word sound (Chris ~ क्रिस, Georg ~ जॉर्ज, Uber ~ ऊबर), offline.

Both are turned into one coarse phoneme alphabet: English through the CMU Pronouncing Dictionary (and letter-to-sound
rules for words it lacks, which also catch names it gives a foreign pronunciation, such as "Georg"), Devanagari
through its own spelling, which is phonemic apart from the inherent vowel a consonant may or may not carry. The two
sequences are compared by an edit distance whose costs follow how Hindi writes English sounds: a vowel for a vowel
is cheap, the schwa is almost free, z for j and s for sh are near, a different consonant is a full edit.

The coarse alphabet: consonants p b t d k g c (ch) j f v s z S (sh) h m n l r y, N (a nasal mark: anusvara), vowels
a e i o u, E (the vowel of "cat", Hindi ै) and @ (schwa, Hindi's inherent vowel).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

Phones = tuple[str, ...]

PRONUNCIATIONS_PATH = Path(__file__).with_name("data") / "pronunciations.tsv.gz"
# A word pair is alike when its similarity (1 - distance / weight of the longer sequence) reaches the threshold for
# the longer one's weight (a consonant weighs 1, a vowel 0.5): shorter words need to be closer, since any two short
# words are a few edits apart ("Chris" and कृषि "farming" differ by one sound). Chosen on the dev language versions
# (benchmarks/names_across_scripts.py): stricter values left more names of faithful pairs unmatched than they
# saved false matches across different stories.
THRESHOLDS = ((3.0, 0.86), (4.5, 0.8))  # (weight below which, threshold)
ALIKE = 0.72  # for longer words

VOWELS = frozenset("aeiouE@")

_ARPABET: dict[str, Phones] = {
    "AA": ("a",), "AE": ("E",), "AH": ("@",), "AO": ("o",), "AW": ("a", "u"), "AY": ("a", "i"), "EH": ("e",),
    "ER": ("@", "r"), "EY": ("e",), "IH": ("i",), "IY": ("i",), "OW": ("o",), "OY": ("o", "i"), "UH": ("u",),
    "UW": ("u",), "B": ("b",), "CH": ("c",), "D": ("d",), "DH": ("d",), "F": ("f",), "G": ("g",), "HH": ("h",),
    "JH": ("j",), "K": ("k",), "L": ("l",), "M": ("m",), "N": ("n",), "NG": ("n", "g"), "P": ("p",), "R": ("r",),
    "S": ("s",), "SH": ("S",), "T": ("t",), "TH": ("t",), "V": ("v",), "W": ("v",), "Y": ("y",), "Z": ("z",),
    "ZH": ("z",),
}  # fmt: skip

# Letter-to-sound rules for English spellings, tried longest first at each position; "c" and "g" are soft before
# e, i, y (handled in `_letter_phones`), a final e after a consonant is silent, doubled letters are one sound.
_LETTER_GROUPS: dict[str, Phones] = {
    "tch": ("c",), "sch": ("S",), "ch": ("c",), "sh": ("S",), "ph": ("f",), "th": ("t",), "gh": (), "ck": ("k",),
    "qu": ("k", "v"), "kn": ("n",), "wh": ("v",), "ee": ("i",), "ea": ("i",), "ie": ("i",), "oo": ("u",),
    "ou": ("a", "u"), "ai": ("e",), "ay": ("e",), "ei": ("a", "i"), "ey": ("e",), "au": ("o",), "aw": ("o",),
    "ow": ("o",), "oa": ("o",), "eu": ("y", "u"), "ui": ("u",), "eo": ("o",),
}  # fmt: skip
_LETTERS: dict[str, Phones] = {
    "a": ("a",), "b": ("b",), "c": ("k",), "d": ("d",), "e": ("e",), "f": ("f",), "g": ("g",), "h": ("h",),
    "i": ("i",), "j": ("j",), "k": ("k",), "l": ("l",), "m": ("m",), "n": ("n",), "o": ("o",), "p": ("p",),
    "q": ("k",), "r": ("r",), "s": ("s",), "t": ("t",), "u": ("u",), "v": ("v",), "w": ("v",), "x": ("k", "s"),
    "y": ("i",), "z": ("z",),
}  # fmt: skip

_DEVANAGARI_CONSONANTS: dict[str, Phones] = {
    "क": ("k",), "ख": ("k",), "ग": ("g",), "घ": ("g",), "ङ": ("n",), "च": ("c",), "छ": ("c",), "ज": ("j",),
    "झ": ("j",), "ञ": ("n",), "ट": ("t",), "ठ": ("t",), "ड": ("d",), "ढ": ("d",), "ण": ("n",), "त": ("t",),
    "थ": ("t",), "द": ("d",), "ध": ("d",), "न": ("n",), "प": ("p",), "फ": ("f",), "ब": ("b",), "भ": ("b",),
    "म": ("m",), "य": ("y",), "र": ("r",), "ल": ("l",), "ळ": ("l",), "व": ("v",), "श": ("S",), "ष": ("S",),
    "स": ("s",), "ह": ("h",),
    # With a nukta, as one code point: the sounds Persian and English brought.
    "क़": ("k",), "ख़": ("k",), "ग़": ("g",), "ज़": ("z",), "ड़": ("r",), "ढ़": ("r",), "फ़": ("f",), "य़": ("y",),
}  # fmt: skip
_WITH_NUKTA = {"क": "क़", "ख": "ख़", "ग": "ग़", "ज": "ज़", "ड": "ड़", "ढ": "ढ़", "फ": "फ़", "य": "य़"}
_DEVANAGARI_VOWEL_SIGNS: dict[str, Phones] = {
    "ा": ("a",), "ि": ("i",), "ी": ("i",), "ु": ("u",), "ू": ("u",), "ृ": ("r", "i"), "े": ("e",), "ै": ("E",),
    "ो": ("o",), "ौ": ("o",), "ॉ": ("o",), "ॅ": ("E",),
}  # fmt: skip
_DEVANAGARI_VOWELS: dict[str, Phones] = {
    "अ": ("@",), "आ": ("a",), "इ": ("i",), "ई": ("i",), "उ": ("u",), "ऊ": ("u",), "ऋ": ("r", "i"), "ए": ("e",),
    "ऐ": ("E",), "ओ": ("o",), "औ": ("o",), "ऑ": ("o",), "ऍ": ("E",),
}  # fmt: skip
_NASAL_MARKS = {"ं": ("N",), "ँ": ("N",), "ः": ("h",)}
_VIRAMA = "्"
_NUKTA = "़"
_OTHER_SIGNS = _NASAL_MARKS | _DEVANAGARI_VOWELS | _DEVANAGARI_VOWEL_SIGNS

# What leaving a sound out costs: a schwa next to nothing (Hindi writes or drops it at will), h and y little (the
# glide of "Uber" /yu/, an h English writes silent), any other vowel half an edit, a consonant a whole one.
_INDEL = {"@": 0.1, "N": 0.3, "h": 0.4, "y": 0.5, "v": 0.8}
_VOWEL_INDEL = 0.5
# Sounds Hindi writes for one another, and what writing one for the other costs (the rest: 1, vowel for vowel 0.6).
_NEAR: dict[frozenset[str], float] = {
    frozenset(pair): cost
    for pairs, cost in (
        (("@a", "@e", "@i", "@o", "@u", "@E", "aE", "eE"), 0.15),
        (("ei", "ou", "ao"), 0.35),
        (("ae",), 0.4),
        (("zj", "Nn", "Nm"), 0.1),
        (("sS", "zS", "jS", "yi", "vu", "vb", "nm", "cS", "pf", "tc", "dj"), 0.4),
        (("pb", "td", "kg", "cj", "sz", "fv", "gj", "rl", "rd"), 0.6),
    )
    for pair in pairs
}


def _weight(phone: str) -> float:
    """How much a sound counts towards a word's length: a schwa and a nasal mark little, a vowel half a consonant."""
    return {"@": 0.1, "N": 0.3}.get(phone, 0.5 if phone in VOWELS else 1.0)


def _indel(phone: str) -> float:
    return _INDEL.get(phone, _VOWEL_INDEL if phone in VOWELS else 1.0)


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    near = _NEAR.get(frozenset((a, b)))
    if near is not None:
        return near
    return 0.6 if a in VOWELS and b in VOWELS else 1.0


@lru_cache(maxsize=4096)
def _costs(phone: str) -> tuple[float, dict[str, float]]:
    """A sound's indel cost and its substitution cost against every sound (cached: the distance's inner loop)."""
    return _indel(phone), {other: _substitution(phone, other) for other in _ALPHABET}


_ALPHABET = frozenset("pbtdkgcjfvszShmnlryN") | VOWELS


@lru_cache(maxsize=65536)
def _first_row(b: Phones) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """A sequence's insertion costs and the distance's first row (cached: an indexed word is compared with many)."""
    indels = tuple(_indel(phone) for phone in b)
    row = [0.0]
    for cost in indels:
        row.append(row[-1] + cost)
    return indels, tuple(row)


def distance(a: Phones, b: Phones, limit: float = float("inf")) -> float:
    """Weighted edit distance between two phoneme sequences (symmetric). Once it must exceed `limit` it stops early
    and returns infinity: most pairs compared are far apart. (Written out by hand: it is the matcher's inner loop.)"""
    indels_b, first_row = _first_row(b)
    previous = list(first_row)
    for phone_a in a:
        indel_a, substitutions = _costs(phone_a)
        left = previous[0] + indel_a
        current = [left]
        row_best = left
        for index, phone_b in enumerate(b):
            cell = previous[index] + substitutions.get(phone_b, 1.0)
            deleted = previous[index + 1] + indel_a
            if deleted < cell:
                cell = deleted
            inserted = left + indels_b[index]
            if inserted < cell:
                cell = inserted
            current.append(cell)
            left = cell
            if cell < row_best:
                row_best = cell
        if row_best > limit:
            return float("inf")
        previous = current
    return previous[-1]


@lru_cache(maxsize=65536)
def weight(phones: Phones) -> float:
    return sum(map(_weight, phones))


def _floors() -> dict[str, float]:
    """For each sound, the most it may add to a sequence's "floor" such that no edit changes the floor by more than
    it costs: at most its own insertion cost, and within the cost of substituting any other sound for it (the least
    over sounds of their insertion cost plus the cheapest way of substituting one for the other). Two sequences'
    floors then differ by no more than their distance, so a pair whose floors differ by more than is allowed needs
    no distance computed. (A sound outside the alphabet counts 0: every substitution with it costs 1.)"""
    phones = sorted(_ALPHABET)
    apart = {(a, b): _substitution(a, b) for a in phones for b in phones}
    for via in phones:  # the cheapest chain of substitutions between two sounds (Floyd–Warshall)
        for a in phones:
            for b in phones:
                apart[a, b] = min(apart[a, b], apart[a, via] + apart[via, b])
    return {a: min(_indel(b) + apart[a, b] for b in phones) for a in phones}


_FLOORS = _floors()


@lru_cache(maxsize=65536)
def _floor(phones: Phones) -> float:
    return sum(_FLOORS.get(phone, 0.0) for phone in phones)


def similarity(a: Phones, b: Phones) -> float:
    """1 for the same sounds, falling towards 0 (and below) as edits add up, relative to the longer sequence."""
    heavier = max(weight(a), weight(b))
    return 1.0 - distance(a, b) / heavier if heavier else 0.0


def threshold(a: Phones, b: Phones) -> float:
    heavier = max(weight(a), weight(b))
    return next((alike for below, alike in THRESHOLDS if heavier < below), ALIKE)


def alike(a: Phones, b: Phones) -> bool:
    """Whether two phoneme sequences are within the threshold for their length."""
    heavier = max(weight(a), weight(b))
    if not (a and b and heavier):
        return False
    allowed = (1.0 - threshold(a, b)) * heavier
    if abs(_floor(a) - _floor(b)) > allowed + 1e-9:
        return False  # the distance is at least as large (see `_floors`)
    return distance(a, b, allowed) <= allowed + 1e-9


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, str]:
    """Word -> its pronunciations as the file writes them; parsed only for the words looked up (parsing all of them
    took over a second, reading them a tenth of that)."""
    with gzip.open(PRONUNCIATIONS_PATH, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t", 1) for line in lines)


def _dictionary_pronunciations(word: str) -> list[Phones]:
    return [
        tuple(phone for arpabet in pronunciation.split() for phone in _ARPABET.get(arpabet, ()))
        for pronunciation in _dictionary().get(word, "").split(";")
        if pronunciation
    ]


def _letter_phones(word: str) -> Phones:
    """English letters to sounds by rule: a guess for names the dictionary lacks."""
    letters = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", word)  # doubled consonants are one sound
    if len(letters) > 2 and letters.endswith("e") and letters[-2] not in "aeiouy":
        # A silent final e, which still softens the c or g before it ("Thrace", "George").
        letters = letters[:-2] + {"c": "s", "g": "j"}.get(letters[-2], letters[-2])
    phones: list[str] = []
    index = 0
    while index < len(letters):
        for size in (3, 2):
            group = letters[index : index + size]
            if len(group) == size and group in _LETTER_GROUPS:
                phones.extend(_LETTER_GROUPS[group])
                index += size
                break
        else:
            letter, following = letters[index], letters[index + 1 : index + 2]
            if letter in "cg" and following in ("e", "i", "y"):
                phones.append("s" if letter == "c" else "j")
            elif letter == "y" and index == 0:
                phones.append("y")
            else:
                phones.extend(_LETTERS.get(letter, ()))
            index += 1
    return tuple(phones)


def _single(phones: list[str]) -> Phones:
    """A doubled consonant (दिल्ली, "Delhi") is one sound, as English spells it."""
    return tuple(
        phone for index, phone in enumerate(phones) if not index or phone != phones[index - 1] or phone in VOWELS
    )


def _latin_letters(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in folded if "a" <= ch <= "z")


_DEMONYM_ENDINGS = ("ian", "ean")


@lru_cache(maxsize=65536)
def english_pronunciations(word: str) -> tuple[Phones, ...]:
    """The ways an English word may sound: the dictionary's pronunciations, then the letter rules' guess. Words
    separated by spaces ("Cape Town") sound as one: each word's first way, in turn."""
    if " " in word.strip():
        parts = [english_pronunciations(part) for part in word.split()]
        if not all(parts):
            return ()
        return (tuple(phone for part in parts for phone in part[0]),)
    letters = _latin_letters(word)
    if not letters:
        return ()
    found = _dictionary_pronunciations(letters)
    guesses = [_letter_phones(letters)]
    if "ch" in letters:  # ch is k in names from Greek and Hebrew ("Achaemenid", "Michael"), which the rules do not know
        guesses.append(_letter_phones(letters.replace("ch", "k")))
    found += [guess for guess in dict.fromkeys(guesses) if guess and guess not in found]
    if letters.endswith(_DEMONYM_ENDINGS):  # Hindi forms the adjective with ई: Serbian सर्बियाई, Apulian अपुलियाई
        found += [(*phones[:-1], "i") for phones in found if phones[-1:] == ("n",)]
    return tuple(found)


@lru_cache(maxsize=65536)
def devanagari_phones(word: str) -> Phones:
    """The sounds a Devanagari spelling writes; a consonant with no vowel sign and no virama carries a schwa."""
    text = unicodedata.normalize("NFC", word)
    phones: list[str] = []
    characters = list(text)
    index = 0
    while index < len(characters):
        ch = characters[index]
        if index + 1 < len(characters) and characters[index + 1] == _NUKTA and ch in _WITH_NUKTA:
            ch = _WITH_NUKTA[ch]
            index += 1
        index += 1
        if ch in _DEVANAGARI_CONSONANTS:
            phones.extend(_DEVANAGARI_CONSONANTS[ch])
            following = characters[index] if index < len(characters) else ""
            if following not in _DEVANAGARI_VOWEL_SIGNS and following != _VIRAMA:
                phones.append("@")
        else:
            phones.extend(_OTHER_SIGNS.get(ch, ()))
    return _single(phones)


def phones_of(word: str) -> tuple[Phones, ...]:
    """Every way `word` may sound, whichever its script (nothing for other scripts)."""
    if any("\u0900" <= ch <= "\u097f" for ch in word):
        phones = devanagari_phones(word)
        return (phones,) if phones else ()
    return english_pronunciations(word)


def sounds_alike(word_a: str, word_b: str) -> bool:
    """Whether two words, in Latin letters or Devanagari, may be one name (symmetric)."""
    return any(alike(a, b) for a in phones_of(word_a) for b in phones_of(word_b))


# Blocks for the index: words are only compared with words whose first consonant is of the same kind (a voiced or
# unvoiced, near sound), which leaves out nearly every pair before the edit distance is computed.
_ONSET_CLASSES = {
    **dict.fromkeys("pbfv", "P"), **dict.fromkeys("td", "T"), **dict.fromkeys("kg", "K"),
    **dict.fromkeys("cjzsS", "C"), **dict.fromkeys("mnN", "M"), **dict.fromkeys("lr", "L"),
}  # fmt: skip


def _onsets(phones: Phones) -> set[str]:
    """The blocks a pronunciation is filed under: its first consonant's kind (g also files under C, for the soft g
    of "George"), or "V" for a word of vowels and glides."""
    for phone in phones:
        if phone in _ONSET_CLASSES:
            kind = _ONSET_CLASSES[phone]
            return {kind, "C"} if phone == "g" else {kind}
    return {"V"}


def _consonants(phones: Phones) -> int:
    """Consonants that are written in either script: not a nasal mark, nor the glides English or Hindi may drop."""
    return sum(phone in _ONSET_CLASSES for phone in phones)


@lru_cache(maxsize=65536)
def _consonant_kinds(phones: Phones) -> frozenset[str]:
    """The kinds of consonant a pronunciation has (g counts as both kinds it may be written as)."""
    return frozenset(kind for phone in phones if phone in _ONSET_CLASSES for kind in _onsets((phone,)))


@dataclass(frozen=True)
class _Entry:
    word: str
    phones: Phones
    consonants: int
    kinds: frozenset[str]
    pairs: frozenset[tuple[str, str]]  # the kinds of each two consonants that follow one another


def _entry(word: str, phones: Phones) -> _Entry:
    kinds = [_onsets((phone,)) for phone in phones if phone in _ONSET_CLASSES]
    pairs = frozenset((first, second) for one, two in pairwise(kinds) for first in one for second in two)
    return _Entry(word, phones, _consonants(phones), _consonant_kinds(phones), pairs)


def _may_be_alike(a: _Entry, b: _Entry) -> bool:
    """A quick test that turns away most pairs before the edit distance: alike words have about as many consonants,
    two of them in a row of the same kinds, and the same kinds of consonant (all but one kind when they have more
    than two)."""
    if abs(a.consonants - b.consonants) > 1 or (a.pairs and b.pairs and not a.pairs & b.pairs):
        return False
    more = max(len(a.kinds), len(b.kinds))
    return len(a.kinds & b.kinds) >= (more if more <= 2 else more - 1)


@dataclass
class PhoneticIndex:
    """English words, to find which of them a Devanagari word sounds like."""

    words: Iterable[str]
    # By first consonant's kind, then by number of consonants: alike words differ by one consonant at most, so only
    # three counts of a block are ever compared (the quick test's first condition, without a call per entry).
    _blocks: dict[str, dict[int, list[_Entry]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)), init=False
    )
    _found: dict[str, frozenset[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for word in set(self.words):
            for phones in english_pronunciations(word):
                entry = _entry(word, phones)
                for onset in _onsets(phones):
                    self._blocks[onset][entry.consonants].append(entry)

    def matches(self, word: str) -> frozenset[str]:
        """The indexed words `word` sounds like."""
        cached = self._found.get(word)
        if cached is not None:
            return cached
        found: set[str] = set()
        for phones in phones_of(word):
            entry = _entry(word, phones)
            for onset in _onsets(phones):
                by_count = self._blocks.get(onset, {})
                near = (by_count.get(count, ()) for count in range(entry.consonants - 1, entry.consonants + 2))
                for candidate in (candidate for block in near for candidate in block):
                    if (
                        candidate.word not in found
                        and _may_be_alike(entry, candidate)
                        and alike(phones, candidate.phones)
                    ):
                        found.add(candidate.word)
        result = frozenset(found)
        self._found[word] = result
        return result
