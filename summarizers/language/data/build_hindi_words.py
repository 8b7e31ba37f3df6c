"""Rebuild `hindi_words.txt.gz`: the words Hindi text commonly uses, for telling a Devanagari name (a transliterated
"पनवलकर", "बेलिंघम") from a Hindi word (`summarizers/language/hindi_names.py`).

    pip install wordfreq==3.1.1   # requirements-dev.txt
    python -m summarizers.language.data.build_hindi_words

The words are wordfreq's Hindi list (every word it has, which is every word at Zipf frequency 3.0 or more) written
only in Devanagari letters and signs, less the words that read as English ones: a word one of whose casual Latin
spellings (`build_latin_words.spellings`: ओबामा -> obama) is an English word of `MIN_LATIN` letters or more, at least
as common in English as `MIN_ENGLISH_ZIPF` and as the Hindi word in Hindi less `MARGIN`, and sounds like it by the
English pronunciation (`phonetic.sounds_alike`), or that is long and sounds very close to such an English word however
Latin letters spell it (`MIN_SOUND_WEIGHT`, `SOUND_SIMILARITY`): a name or a loanword (ओबामा, ब्रिटिश, होटल,
टेलीविजन). A Hindi word as common as `MAX_HINDI_ZIPF` stays. सरकार is far more
common as Hindi than "sarkar" is as English; सहित spells "shit" but does not sound like it. Each word folded as
`exonyms.fold` folds it (nukta dropped, chandrabindu and half nasals as anusvara), one a line, sorted. See README.md
in this folder for the source and licence of the data.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from wordfreq import iter_wordlist, zipf_frequency

from summarizers.language.data.build_latin_words import spellings
from summarizers.language.exonyms import fold
from summarizers.language.phonetic import (
    PhoneticIndex,
    devanagari_phones,
    english_pronunciations,
    similarity,
    sounds_alike,
    weight,
)

OUTPUT = Path(__file__).with_name("hindi_words.txt.gz")
ENGLISH_MARK = "~"  # before a word that reads as English (`hindi_names` reads it so)
MIN_LATIN = 4  # letters: shorter spellings are English words by chance ("kar", "des", "log")
MIN_ENGLISH_ZIPF = 3.0
# Hindi words this common are Hindi whatever they spell (दूर "far" and "door"); names and loanwords are rarer.
MAX_HINDI_ZIPF = 5.0
MARGIN = 0.7  # Zipf units: chosen by reading the words each margin takes out; wider ones took out Hindi words
# A long Hindi word that sounds this close to an English word also reads as English, however it is spelled in Latin
# letters (टेलीविजन "television", डेमोक्रेटिक "democratic"); shorter words sound like some English word by chance
# (दाम "them").
MIN_SOUND_WEIGHT = 4.5
SOUND_SIMILARITY = 0.9


def _devanagari(word: str) -> bool:
    return all("\u0900" <= ch <= "\u097f" for ch in word) and not any("\u0966" <= ch <= "\u096f" for ch in word)


def reads_as_english(word: str) -> bool:
    """Whether a Hindi word spells an English word about as common in English as it is in Hindi."""
    zipf = zipf_frequency(word, "hi")
    if zipf >= MAX_HINDI_ZIPF:
        return False
    floor = max(MIN_ENGLISH_ZIPF, zipf - MARGIN)
    return any(
        len(latin) >= MIN_LATIN and zipf_frequency(latin, "en") >= floor and sounds_alike(latin, word)
        for latin in spellings(word)
    ) or _sounds_english(word, floor)


@lru_cache(maxsize=1)
def _english_index() -> PhoneticIndex:
    words = []
    for word in iter_wordlist("en"):
        if zipf_frequency(word, "en") < MIN_ENGLISH_ZIPF:
            break  # the list runs from the most common word down
        if word.isascii() and word.isalpha() and len(word) >= MIN_LATIN:
            words.append(word)
    return PhoneticIndex(words)


def _sounds_english(word: str, floor: float) -> bool:
    phones = devanagari_phones(word)
    if weight(phones) < MIN_SOUND_WEIGHT:
        return False
    return any(
        zipf_frequency(english, "en") >= floor
        and max(similarity(phones, other) for other in english_pronunciations(english)) >= SOUND_SIMILARITY
        for english in _english_index().matches(word)
    )


def hindi_words() -> tuple[list[str], list[str]]:
    """The list's Hindi words and, apart, those that read as English (folded; a spelling any Hindi word shares is
    Hindi)."""
    hindi: set[str] = set()
    english: set[str] = set()
    for word in iter_wordlist("hi"):
        if _devanagari(word):
            (english if reads_as_english(word) else hindi).add(fold(word))
    return sorted(hindi), sorted(english - hindi)


def main() -> None:
    hindi, english = hindi_words()
    lines = [*hindi, *(f"{ENGLISH_MARK}{word}" for word in english)]
    OUTPUT.write_bytes(gzip.compress("".join(f"{line}\n" for line in lines).encode(), compresslevel=9, mtime=0))
    print(f"{len(hindi)} Hindi and {len(english)} English-reading words -> {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
