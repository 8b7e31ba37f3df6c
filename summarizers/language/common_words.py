"""English common words, to tell a capitalised common noun ("the Army", "Hospitals", "Finance Minister") from a name.

The list (`data/common_words.txt.gz`, see data/README.md) holds words a dictionary writes in lower case only and that
are common in English text by word frequency. A word on it may still be a name ("Palmer", "Trump", "China"):
callers weigh it with other signals (an article before it, a plural, the other version matching it).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

COMMON_WORDS_PATH = Path(__file__).with_name("data") / "common_words.txt.gz"
# Regular plurals of a listed word are common too ("Hospitals", "Investments", "Democrats", "Cities").
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""))


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    with gzip.open(COMMON_WORDS_PATH, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


def is_common_word(word: str) -> bool:
    """Whether a Latin word, whatever its case, is an English common word or the plural of one. An acronym (all
    capitals, "TV", "MLAs") never is."""
    return is_common_plural(word) or (not _is_acronym(word) and word.casefold() in _words())


def is_common_plural(word: str) -> bool:
    """Whether a Latin word is the regular plural of a common word ("Hospitals", "Cities"), and not itself listed."""
    folded = word.casefold()
    words = _words()
    if _is_acronym(word) or folded in words:
        return False
    return any(folded.endswith(ending) and folded[: -len(ending)] + stem in words for ending, stem in _PLURALS)


def _is_acronym(word: str) -> bool:
    letters = word.rstrip("s")
    return len(letters) >= 2 and letters.isupper()
