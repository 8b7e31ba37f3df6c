"""Rule-based name matching between Latin and Devanagari spellings (मोदी ~ Modi), offline.

Both spellings are reduced to a consonant skeleton: vowels, h and y dropped (Hindi marks vowels that English
spellings guess, and vice versa), aspirates folded into their plain consonant, retroflex and dental stops merged, a
nasal before a labial written as n (Hindi writes it with an anusvara). "Narendra" and "नरेंद्र" both become "nrndr".
Acronyms are matched by spelling out their letters the way Hindi writes them (LNG ~ एलएनजी), and names Hindi
translates (India ~ भारत) by `exonyms`. The skeleton is exact, which suits two Latin spellings of one name (Zelensky,
Zelenskiy); across scripts, `phonetic` compares the sounds themselves.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from summarizers.language.exonyms import hindi_names, hindi_stems

MIN_SKELETON = 2  # one consonant ("Asia" -> "s") matches far too much to mean anything
# Two consonants still collide (Modi "md" ~ मुद्दे "issues"), so short skeletons also compare their written vowels.
SHORT_SKELETON = 2
_LATIN_VOWEL_FOLDS = (("ee", "i"), ("oo", "u"), ("ai", "e"), ("ay", "e"), ("au", "o"), ("ou", "o"), ("y", "i"))
_DEVANAGARI_VOWELS = {
    "ि": "i", "ी": "i", "इ": "i", "ई": "i", "ु": "u", "ू": "u", "उ": "u", "ऊ": "u",
    "े": "e", "ै": "e", "ए": "e", "ऐ": "e", "ो": "o", "ौ": "o", "ओ": "o", "औ": "o", "ॉ": "o", "ऑ": "o",
}  # fmt: skip

_DEVANAGARI_CONSONANTS = {
    "क": "k", "ख": "k", "ग": "g", "घ": "g", "ङ": "n",
    "च": "c", "छ": "c", "ज": "j", "झ": "j", "ञ": "n",
    "ट": "t", "ठ": "t", "ड": "d", "ढ": "d", "ण": "n",
    "त": "t", "थ": "t", "द": "d", "ध": "d", "न": "n",
    "प": "p", "फ": "f", "ब": "b", "भ": "b", "म": "m",
    "र": "r", "ल": "l", "व": "v", "श": "s", "ष": "s", "स": "s",
    "ं": "n",  # anusvara: a nasal, whatever the letter English would write
    "ऋ": "r", "ृ": "r",
    "क़": "k", "ख़": "k", "ग़": "g", "ज़": "j", "ड़": "r", "ढ़": "r", "फ़": "f", "य़": "",
}  # fmt: skip

# Letters are replaced in this order; "ch" becomes a placeholder so that the later c -> k leaves it alone.
_LATIN_FOLDS = (
    ("ph", "f"), ("sh", "s"), ("ch", "C"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("bh", "b"),
    ("jh", "j"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("z", "j"), ("w", "v"), ("c", "k"), ("C", "c"),
)  # fmt: skip

# How Hindi spells the names of Latin letters, for acronyms (LNG -> एलएनजी).
_LETTER_NAMES = {
    "a": "ए", "b": "बी", "c": "सी", "d": "डी", "e": "ई", "f": "एफ", "g": "जी", "h": "एच", "i": "आई", "j": "जे",
    "k": "के", "l": "एल", "m": "एम", "n": "एन", "o": "ओ", "p": "पी", "q": "क्यू", "r": "आर", "s": "एस", "t": "टी",
    "u": "यू", "v": "वी", "w": "डब्ल्यू", "x": "एक्स", "y": "वाई", "z": "जेड",
}  # fmt: skip

# Combining forms of country names, a name of their own only inside a compound: "Indo–Russian ties" (an en dash joins
# two names, so "Indo" stands alone) speaks of India.
COMBINING_FORMS = {"indo": "India", "sino": "China", "russo": "Russia", "anglo": "Britain", "franco": "France"}


def _fold_consonants(consonants: str) -> str:
    consonants = re.sub(r"m(?=[pbf])", "n", consonants)
    return re.sub(r"(.)\1+", r"\1", consonants)


def latin_skeleton(word: str) -> str:
    folded = word.casefold()
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if "a" <= ch <= "z")
    folded = re.sub(r"(?<=[aeiou])w$", "", folded)  # "Moscow": a final w after a vowel is a vowel
    for latin, replacement in _LATIN_FOLDS:
        folded = folded.replace(latin, replacement)
    return _fold_consonants(re.sub(r"[aeiouyh]", "", folded))


def devanagari_skeleton(word: str) -> str:
    composed = unicodedata.normalize("NFC", word)
    out: list[str] = []
    for index, ch in enumerate(composed):
        if ch == "़" and out and index:  # a separate nukta: recompose with the letter before it
            merged = unicodedata.normalize("NFC", composed[index - 1] + ch)
            out[-1] = _DEVANAGARI_CONSONANTS.get(merged, out[-1])
            continue
        out.append(_DEVANAGARI_CONSONANTS.get(ch, ""))
    return _fold_consonants("".join(out))


def vowel_signature(word: str) -> str:
    """The vowels a spelling writes out, in order; "a" left out, since Hindi leaves its inherent a unwritten."""
    if any("\u0900" <= ch <= "\u097f" for ch in word):
        return "".join(_DEVANAGARI_VOWELS.get(ch, "") for ch in unicodedata.normalize("NFC", word))
    folded = word.casefold()
    for latin, replacement in _LATIN_VOWEL_FOLDS:
        folded = folded.replace(latin, replacement)
    return re.sub(r"(.)\1+", r"\1", "".join(ch for ch in folded if ch in "eiou"))


def is_latin_word(word: str) -> bool:
    """Whether a word is written in Latin letters, accented ones too ("Sánchez", "Ångström"): its first character is
    ASCII or in the Latin-1, Latin Extended-A/B or Latin Extended Additional blocks (a range test: this runs for
    every word of a text)."""
    if not word:
        return False
    first = word[0]
    return first.isascii() or "\u00c0" <= first <= "\u024f" or "\u1e00" <= first <= "\u1eff"


def skeleton(word: str) -> str:
    """The consonant skeleton of a word in either script ("" for other scripts)."""
    if any("\u0900" <= ch <= "\u097f" for ch in word):
        return devanagari_skeleton(word)
    return latin_skeleton(word)


def acronym_in_devanagari(word: str) -> str | None:
    """ "LNG" -> "एलएनजी": how Hindi text writes an English acronym (None for a word that is not one)."""
    if not (2 <= len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper()):
        return None
    return "".join(_LETTER_NAMES[letter] for letter in word.casefold())


def spelled_acronym(word: str) -> str | None:
    """ "एलएनजी" -> "lng": the Latin letters a Devanagari word spells out by their names, two or more of them (None
    for a word that is not such a spelling)."""
    letters_of = {name: letter for letter, name in _LETTER_NAMES.items()}
    longest = max(map(len, letters_of))
    # Spellings that parse at each end position: the letters that reach it (a word rarely parses two ways).
    reached: dict[int, str] = {0: ""}
    for end in range(1, len(word) + 1):
        for size in range(1, min(longest, end) + 1):
            start = end - size
            if start in reached and word[start:end] in letters_of:
                reached[end] = reached[start] + letters_of[word[start:end]]
                break
    spelled = reached.get(len(word))
    return spelled if spelled is not None and len(spelled) >= 2 else None


# "Richard III", "Pope Paul VI": a numeral is spelled, not sounded (वीं, "-th", is no match for VI).
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")


def phonetic_key(word: str) -> str:
    """The key a Latin name word is matched under by sound: a Devanagari word that sounds like it gets the same key
    (see `facts.names_matching`)."""
    return f"phonetic:{word.casefold()}"


def name_keys(word: str) -> set[str]:
    """Language-independent keys under which a name is matched: its skeleton, acronym spelling, exonyms (the Hindi
    names of a Latin word; a Devanagari word's own spelling and the place names it may be a form of), and for a
    Latin word the key its sound is matched under."""
    return set(_name_keys(word))


@lru_cache(maxsize=65536)
def _name_keys(word: str) -> frozenset[str]:
    """Cached per word: a story names the same people again and again (each mention asked for them anew)."""
    keys: set[str] = set()
    if is_latin_word(word):
        keys.update(f"exonym:{native}" for native in hindi_names(word))
        acronym = acronym_in_devanagari(word)
        if acronym is not None:
            keys.add(f"acronym:{acronym}")
        if any(letter.isalpha() for letter in word) and not _ROMAN_NUMERAL.fullmatch(word):
            keys.add(phonetic_key(word))
    else:
        keys.update(f"exonym:{stem}" for stem in hindi_stems(word))
        keys.add(f"acronym:{word}")
    consonants = skeleton(word)
    if len(consonants) > SHORT_SKELETON:
        keys.add(f"skeleton:{consonants}")
    elif len(consonants) >= MIN_SKELETON:
        keys.add(f"skeleton:{consonants}/{vowel_signature(word)}")
    return frozenset(keys)
