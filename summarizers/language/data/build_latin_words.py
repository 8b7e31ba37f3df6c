"""Rebuild `latin_words.tsv.gz`: how common each Latin-script word is in English and as romanised Hindi.

    pip install wordfreq==3.1.1   # requirements-dev.txt
    python -m summarizers.language.data.build_latin_words

English frequencies are wordfreq's English list as it is. Romanised Hindi frequencies are wordfreq's Hindi list
(Devanagari) spelled the ways people type Hindi in Latin letters: silent vowels dropped ("करते" -> karte, krte), long
vowels written single or doubled (ee, oo, aa), nasal marks kept or dropped (नहीं -> nahin, nahi, nhi), v or w, ph or f.
A spelling gets the frequency of the most frequent Hindi word it can spell, less a little for each unusual choice.
Each line: a difference (romanised Hindi Zipf - English Zipf, in tenths), a tab, the words that have it.
See README.md in this folder for the source and licence of the data.
"""

from __future__ import annotations

import gzip
import unicodedata
from pathlib import Path

OUTPUT = Path(__file__).with_name("latin_words.tsv.gz")
# Rarer words are left out (a word in neither list is judged by its neighbours); lower limits grew the table
# several-fold for a few thousandths of accuracy.
MIN_ENGLISH_ZIPF = 2.0
MIN_HINDI_ZIPF = 2.5
MAX_SPELLINGS = 32  # per Hindi word: the choices multiply, and the rare combinations are not worth shipping

_CONSONANTS: dict[str, tuple[str, ...]] = {
    "क": ("k", "q"), "ख": ("kh",), "ग": ("g",), "घ": ("gh",), "ङ": ("n",),
    "च": ("ch", "c"), "छ": ("chh", "ch"), "ज": ("j", "z"), "झ": ("jh",), "ञ": ("n",),
    "ट": ("t",), "ठ": ("th",), "ड": ("d",), "ढ": ("dh",), "ण": ("n",),
    "त": ("t", "th"), "थ": ("th",), "द": ("d",), "ध": ("dh",), "न": ("n",),
    "प": ("p",), "फ": ("ph", "f"), "ब": ("b",), "भ": ("bh",), "म": ("m",),
    "य": ("y",), "र": ("r",), "ल": ("l",), "व": ("v", "w"), "श": ("sh", "s"), "ष": ("sh",), "स": ("s", "ss"),
    "ह": ("h",), "ळ": ("l",),
}  # fmt: skip
# Consonants with a nukta (the dot for sounds Persian and English brought): क़ q, ज़ z, ड़ r ...
_NUKTA_SPELLINGS: dict[str, tuple[str, ...]] = {
    "क": ("k", "q"), "ख": ("kh",), "ग": ("g",), "ज": ("z", "j"), "ड": ("d", "r"), "ढ": ("dh", "rh"),
    "फ": ("f", "ph"), "य": ("y",),
}  # fmt: skip
_VOWEL_SIGNS: dict[str, tuple[str, ...]] = {
    "ा": ("a", "aa"), "ि": ("i",), "ी": ("i", "ee"), "ु": ("u",), "ू": ("u", "oo"), "ृ": ("ri",),
    "े": ("e", "ei"), "ै": ("ai", "e", "ei"), "ो": ("o", "ou"), "ौ": ("au", "o"), "ॉ": ("o",), "ॅ": ("e",),
}  # fmt: skip
_VOWELS: dict[str, tuple[str, ...]] = {
    "अ": ("a",), "आ": ("a", "aa"), "इ": ("i",), "ई": ("i", "ee"), "उ": ("u",), "ऊ": ("u", "oo"), "ऋ": ("ri",),
    "ए": ("e",), "ऐ": ("ai", "e"), "ओ": ("o",), "औ": ("au", "o"), "ऑ": ("o",), "ऍ": ("e",),
}  # fmt: skip
_NASALS = {"ं": ("n", ""), "ँ": ("n", ""), "ः": ("h", "")}
_VIRAMA = "्"
_NUKTA = "़"
# The schwa a consonant carries: written, dropped (as casual and SMS spelling does), or before h written e or u
# (कह keh, रह reh, हम hum).
_INHERENT = ("a", "", "e", "u")


Choice = tuple[tuple[str, float], ...]  # the ways to write one letter, each with its cost (0: the usual way)

MAX_COST = 2.0  # spellings that need more unusual choices than this are not kept
COST_ZIPF = 0.25  # an unusual spelling is rarer than the usual one: its frequency is lowered by this per unit of cost


def _ranked(options: tuple[str, ...]) -> Choice:
    return tuple((option, float(rank)) for rank, option in enumerate(options))


_SCHWA_FIRST: Choice = (("a", 0.0), ("", 0.5), ("e", 2.0), ("u", 2.0))
_SCHWA_MEDIAL: Choice = (("", 0.0), ("a", 0.5), ("e", 2.0), ("u", 2.0))  # Hindi drops it: करते karte, समझ samjh
_SCHWA_FINAL: Choice = (("", 0.0), ("a", 1.0))
_NASAL: Choice = (("n", 0.0), ("", 0.5))


def _schwa(parts: list[Choice], final: bool, before_last: bool) -> Choice:
    if final:
        return _SCHWA_FINAL
    return _SCHWA_FIRST if len(parts) == 1 or before_last else _SCHWA_MEDIAL


def choices(word: str) -> list[Choice] | None:
    """The spelling choices of a Devanagari word, letter by letter; None when it holds anything else."""
    word = unicodedata.normalize("NFD", word)  # precomposed nukta letters become letter + nukta
    parts: list[Choice] = []
    index = 0
    while index < len(word):
        char = word[index]
        following = word[index + 1] if index + 1 < len(word) else ""
        if char in _CONSONANTS:
            if following == _NUKTA:
                parts.append(_ranked(_NUKTA_SPELLINGS.get(char, _CONSONANTS[char])))
                index += 1
                following = word[index + 1] if index + 1 < len(word) else ""
            else:
                parts.append(_ranked(_CONSONANTS[char]))
            if following == _VIRAMA:
                index += 1
            elif following in _VOWEL_SIGNS:
                parts.append(_ranked(_VOWEL_SIGNS[following]))
                index += 1
            else:
                before_last = index + 2 == len(word) and word[-1] in _CONSONANTS  # izzat, not izzt
                parts.append(_schwa(parts, index + 1 == len(word), before_last))
        elif char in _VOWELS:
            parts.append(_ranked(_VOWELS[char]))
        elif char in _NASALS:
            parts.append(_NASAL if char != "ः" else (("h", 0.0), ("", 0.5)))
        elif char in "\u200c\u200d":
            pass
        else:
            return None
        index += 1
    return parts


def spellings(word: str) -> dict[str, float]:
    """Casual Latin spellings of a Devanagari word, each with the cost of its least unusual way of writing it."""
    parts = choices(word)
    found: dict[str, float] = {}
    if not parts:
        return found

    def extend(position: int, prefix: str, cost: float) -> None:
        if len(found) >= MAX_SPELLINGS * 4:
            return
        if position == len(parts):
            if prefix and found.get(prefix, MAX_COST + 1) > cost:
                found[prefix] = cost
            return
        for option, extra in parts[position]:
            if cost + extra <= MAX_COST:
                extend(position + 1, prefix + option, cost + extra)

    extend(0, "", 0.0)
    return dict(sorted(found.items(), key=lambda item: item[1])[:MAX_SPELLINGS])


def build() -> dict[str, tuple[float, float]]:
    from wordfreq import iter_wordlist, zipf_frequency

    hindi: dict[str, float] = {}
    for word in iter_wordlist("hi"):
        zipf = zipf_frequency(word, "hi")
        if zipf < MIN_HINDI_ZIPF:
            break
        for spelling, cost in spellings(word).items():
            likely = zipf - COST_ZIPF * cost
            if likely >= MIN_HINDI_ZIPF and hindi.get(spelling, 0.0) < likely:
                hindi[spelling] = likely
    english: dict[str, float] = {}
    for word in iter_wordlist("en"):
        zipf = zipf_frequency(word, "en")
        if zipf < MIN_ENGLISH_ZIPF:
            break
        if word.isascii() and word.isalpha():
            english[word] = zipf
    table = {word: (zipf, 0.0) for word, zipf in english.items()}
    for word, zipf in hindi.items():
        table[word] = (zipf_frequency(word, "en") if word not in english else english[word], zipf)
    return table


DIFFERENCE_LIMIT = 40  # tenths of a Zipf unit: beyond four units, one word is plainly English or Hindi


def write(table: dict[str, tuple[float, float]], path: Path = OUTPUT) -> None:
    """One line per difference (romanised Hindi Zipf - English Zipf, in tenths): the difference, a tab, the words.

    Grouped so that loading is one split per line rather than a parse per word (a large part of a second less).
    """
    groups: dict[int, list[str]] = {}
    for word, (english, hindi) in table.items():
        difference = max(-DIFFERENCE_LIMIT, min(DIFFERENCE_LIMIT, round((hindi - english) * 10)))
        groups.setdefault(difference, []).append(word)
    lines = [f"{difference}\t{' '.join(sorted(words))}" for difference, words in sorted(groups.items())]
    # mtime=0: the same data gives the same bytes, so a rebuild shows no change unless the data changed
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    built = build()
    write(built)
    print(f"{len(built)} words -> {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")
